"""Reading text as one language does: Unicode, case, marks, scripts, segmentation, words."""

from __future__ import annotations

import importlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields
from functools import cache, lru_cache

from bot.knowledge import Language, language_resources, load_languages

# Words remembered per language (their tokens, stems and typo readings): enough for every
# word real users type; a flood of random words stops being remembered, not the process.
CACHE_WORDS = 20_000
# Texts remembered per reader and by `words`: one message is read many times over while it
# is decided (language, cues, ranking), a few hundred messages back is never needed again.
CACHE_TEXTS = 512

# A word is letters and the combining marks written with them (Lao vowels and tone marks are
# marks, not letters, to `str.isalpha`).
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|(?:[^\W\d_]|[\u0300-\u036f\u0e80-\u0ecf\u0edc-\u0eff])+|%",
                    re.UNICODE)
Groups = tuple[tuple[str, ...], ...]  # synonym groups, each canonical word first
Written = tuple[tuple[str, str], ...] | None  # a knowledge base's words by their marks
_LETTERS = re.compile(r"[^\W\d_]+")
_CHOICES = 4  # open letters of one word tried in every combination (16 readings)
_KEPT = "\u0331"  # a mark no language writes, in no stopword: the word is not one
_OWN = "\u0332"  # another: a word of the language's own, not the knowledge word it folds onto
_APOSTROPHES = re.compile("['\u2019]")
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,80}>")


@cache
def compounds(code: str) -> Mapping[tuple[str, str], str]:
    """Words of one language written with a hyphen or a space that are one word to the
    reader ("из-за" is "because", "Liên bang" one name), each pair read as the language
    reads text, to the word they make."""
    normal = reader(code).normal
    return {(normal(first), normal(second)): normal(first + second)
            for first, second in language_resources(code).joined}


@cache
def _joined() -> Mapping[tuple[str, str], str]:
    """`compounds` of every language: `words` runs on text already prepared for one
    language but knows none."""
    joined: dict[tuple[str, str], str] = {}
    for code in load_languages():
        joined.update(compounds(code))
    return joined


def fold(text: str) -> str:
    """Unicode-normalise, case-fold, fold ё and э to е and the hard sign to the soft one
    ("обьявил" for "объявил"): each pair is typed interchangeably."""
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е").replace(
        "э", "е").replace("ъ", "ь")


def strip_marks(text: str) -> str:
    """Text without diacritics and tone marks ("Thương mại" is "thuong mai"); đ is d."""
    parts = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize(
        "NFC", "".join(char for char in parts if unicodedata.category(char) != "Mn")
    )


def with_unmarked(texts: Iterable[str], language: Language) -> tuple[str, ...]:
    """A language file's phrases, and where the language is read without its marks, each
    also as typed without them: a marked word kept apart from the stopword it folds onto
    ("nội", not "nói") is then written as that stopword is ("noi dung chinh")."""
    listed = tuple(texts)
    return (*listed, *map(strip_marks, listed)) if language.fold_marks else listed


@lru_cache(maxsize=256)
def sorted_words(text: str) -> str:
    """The text's words in sorted order: rapidfuzz's token_sort_ratio is the ratio of two
    texts so sorted, so a list of phrases is sorted once and compared with `fuzz.ratio`."""
    return " ".join(sorted(text.split()))


def _dictionary(language: Language) -> Callable[[str], list[str]] | None:
    """The dictionary segmenter the language file asks for, when it is installed."""
    if language.segment is None or language.segment.method != "laonlp":
        return None
    try:  # an optional extra (`pip install .[lao]`): n-grams when it is not installed
        tokenize = importlib.import_module("laonlp.tokenize").word_tokenize
    except ImportError:
        return None
    return lambda run: [str(word) for word in tokenize(run) if str(word).strip()]


def _segmenter(language: Language) -> Callable[[str], list[str]] | None:
    """How a run of the language's letters written without spaces is cut into tokens."""
    segment = language.segment
    if segment is None or _dictionary(language) is not None:
        return None
    size = segment.size

    def grams(run: str) -> list[str]:
        # Overlapping character n-grams: no dictionary, and a misspelt or unknown word still
        # shares most of its n-grams with the right one.
        if len(run) <= size:
            return [run]
        return [run[start : start + size] for start in range(len(run) - size + 1)]

    return grams


class Reader:
    """How text of one language is read before it is split into words: case, optional marks
    and spelling variants folded, another script transliterated (Russian typed in Latin
    letters), and a script written without spaces segmented (Lao)."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._run = re.compile(f"(?:{language.script.pattern})+")
        self._variants = sorted(language.variants.items(), key=lambda item: -len(item[0]))
        self._phrases = _phrases({fold(apart): fold(meant)
                                  for apart, meant in language.phrases.items()})
        # Words one only as written with their marks are joined before the marks go.
        self._marked_joins = tuple((fold(f"{first} {second}"), fold(first + second))
                                   for first, second in language.joined_marked)
        self._segment = _segmenter(language)
        # A word typed with its marks is a stopword only as written: "ảnh" (photo) and "bán"
        # (sell) are no "anh" (you) and "bạn" (friend), though all fold to those letters.
        stops = frozenset(fold(word) for word in language.stopwords)
        self._stops = (stops, frozenset(map(strip_marks, stops))) if language.fold_marks \
            else None
        # The language's own words typed with their marks ("hỏi", ask) and a knowledge base's
        # words by their marks (see `keep_apart`).
        self._own = frozenset(word for word in _own_words(language) if strip_marks(word) != word) \
            if language.fold_marks else frozenset()
        self._written: tuple[frozenset[str], frozenset[tuple[str, str]]] | None = None
        # A dictionary knows words as they are spelt: it cuts the text before marks and
        # variants are folded.
        self._dictionary = _dictionary(language)
        self._substitutes: tuple[re.Pattern[str], Mapping[str, str]] | None = None
        self._groups: tuple[tuple[str, ...], ...] = ()
        romanized = language.romanized
        self._romanized_word = (
            re.compile(_romanized_word(romanized.script, romanized.table))
            if romanized is not None else None
        )
        # The table as one pattern, longest spelling first; "^" and "$" tie a spelling to the
        # start or end of the word. Each spelling is a group: the matched one says the letter.
        table = sorted(romanized.table.items(), key=lambda item: -len(item[0].strip("^$"))
                       ) if romanized is not None else []
        self._letters = [read for _, read in table]
        self._choices = _choices(romanized.choices) if romanized is not None else None
        self._dropped = str.maketrans("", "", romanized.dropped if romanized is not None else "")
        # The words the language file names, each a reading an open letter may be: read only
        # by a romanization with open letters.
        self._listed = _listed_words(language, self._dropped) if self._choices else {}
        self._transliterated: dict[str, str] = {}
        # A knowledge base's words that `_listed` now holds too (see `keep_apart`).
        self._known: tuple[str, ...] = ()
        self._spellings = re.compile("|".join(
            "(" + (r"\A" if written.startswith("^") else "")
            + re.escape(written.strip("^$")) + (r"\Z" if written.endswith("$") else "") + ")"
            for written, _ in table
        )) if table else None
        # Question words of a script without spaces stay whole tokens, as words of other
        # languages are: cut into n-grams with their neighbours they would count as what is
        # asked about ("ເມື່ອໃດ", when, in "ຈະເປີດເມື່ອໃດ").
        asking = sorted({self._read(word) for group in language.interrogatives for word in group}
                        | {self._read(word) for word in language.intent_words}, key=len,
                        reverse=True)
        self._asking = (re.compile("(" + "|".join(map(re.escape, filter(None, asking))) + ")")
                        if self._segment is not None and any(asking) else None)
        # Particles closing a run of such a script ("ອ້ອຍບໍ່", sugarcane + the question
        # particle) stand apart: cut into n-grams with the word before them, they would make
        # n-grams of neither.
        closing = sorted({self._read(word) for word in language.particles}, key=len,
                         reverse=True)
        self._closing = (re.compile(f"(?:{'|'.join(map(re.escape, filter(None, closing)))})+$")
                         if self._segment is not None and any(closing) else None)

    def substitute(self, groups: Iterable[Iterable[str]]) -> None:
        """In a script without spaces, synonyms are replaced wherever they occur (longest
        first), before segmenting: there are no words to look them up by."""
        if self._segment is None:
            return
        self._groups = tuple(map(tuple, groups))
        canonical: dict[str, str] = {}
        for group in self._groups:
            for word in group:
                canonical.setdefault(self.normal(word), self.normal(group[0]))
        canonical.pop("", None)
        if canonical:
            # One pass, longest first: "ທາງລົດໄຟ" is read once, not again for "ລົດໄຟ" in it.
            self._substitutes = (
                re.compile("|".join(map(re.escape, sorted(canonical, key=len, reverse=True)))),
                canonical,
            )

    def keep_apart(self, written: Iterable[str]) -> None:
        """Where marks are folded, the words a knowledge base writes (its facts and synonyms):
        a word of the language's own (a question word, a cue, small talk) typed with other
        marks than each of them that folds onto one is that word, not theirs ("cho mình hỏi",
        let me ask, names no "hội" of "hội đàm", talks), kept apart as a stopword's
        look-alike is. Where a romanization leaves letters open, its words by their reading
        without the letters it drops, as the language file's are: "selhozkultury" typed with
        no soft sign is "сельхозкультуры", "kitai" is "китай"."""
        if self._choices is None and not self._own:
            return
        texts = tuple(written)
        if self._choices is not None:
            self._know(word for text in texts for word in _LETTERS.findall(fold(text)))
        if not self._own:
            return
        self._written = _by_marks(_marks(word) for text in texts
                                  for word in _LETTERS.findall(fold(text)))

    def _know(self, found: Iterable[str]) -> None:
        """Add a knowledge base's words to the listed ones, by their reading without the
        dropped letters (a word of the language file first)."""
        listed = _listed_words(self.language, self._dropped)
        known: dict[str, str] = {}
        for word in found:
            known.setdefault(word.translate(self._dropped), word)
        self._known = tuple(sorted(known.values()))
        self._listed = {**known, **listed}
        self._transliterated.clear()  # read before the words were known
        _normal.cache_clear()

    def __reduce__(self) -> tuple[Callable[..., Reader],
                                  tuple[Language, Groups, Written, tuple[str, ...]]]:
        # Pickled (in a cached index) as what it is built from: its segmenter is a closure.
        written = tuple(sorted(self._written[1])) if self._written is not None else None
        return _restore_reader, (self.language, self._groups, written, self._known)

    def normal(self, text: str) -> str:
        """Folded text, as the language matches it (not yet segmented)."""
        return _normal(self, text)

    def _read(self, text: str) -> str:
        """`normal`, not remembered."""
        # Tags are not words: drop them before a romanization reads "<i>" as a letter.
        text = fold(_MARKUP.sub(" ", text) if "<" in text else text)
        if self._dictionary is not None:
            segment = self._dictionary
            text = self._run.sub(lambda match: " " + " ".join(segment(match[0])) + " ", text)
            text = " ".join(text.split())
        for written, read in self._variants:
            if written in text:
                text = text.replace(written, read)
        for apart, together in self._marked_joins:
            if apart in text:
                text = text.replace(apart, together)
        if self._phrases is not None:
            pattern, meant = self._phrases
            text = pattern.sub(lambda match: meant[_APOSTROPHES.sub("", match[0])], text)
        if self.language.fold_marks:
            text = self._unmarked(text)
        if self._romanized_word is not None:
            text = self._romanized_word.sub(lambda match: self._transliterate(match[0]), text)
        return text

    def _unmarked(self, text: str) -> str:
        """Text without its marks; a marked word that would fold onto a stopword it is not
        keeps a mark of its own (a combining macron below), as its index entry does."""
        if text.isascii():
            return text  # no marks typed: nothing to strip, nothing to keep apart
        if self._stops is None:
            return strip_marks(text)
        stops, own, written = self._stops, self._own, self._written
        return _LETTERS.sub(lambda match: _unmarked_word(match[0], stops, own, written), text)

    def _transliterate(self, word: str) -> str:
        if self._spellings is None:
            return word
        # Remembered per word: a spelling at a time is slow, and the same words come back.
        read = self._transliterated.get(word)
        if read is None:
            letters = self._letters
            read = fold(self._spellings.sub(lambda match: letters[(match.lastindex or 1) - 1],
                                            word))
            if self._choices is not None:
                read = self._chosen(read)
            if len(self._transliterated) < CACHE_WORDS:
                self._transliterated[word] = read
        return read

    def _chosen(self, read: str) -> str:
        """A transliterated word as the word of the language file (a stopword, a question
        word, small talk) or of the knowledge base another reading of its open letters is
        ("сеичас" is "сейчас"), else as read."""
        listed, dropped = self._listed, self._dropped
        if (known := listed.get(read.translate(dropped))) is not None:
            return known
        if self._choices is None:
            return read
        pattern, other = self._choices
        spots = list(itertools.islice(pattern.finditer(read), _CHOICES))
        for chosen in range(1, 2 ** len(spots)):
            letters = list(read)
            for bit, match in enumerate(spots):
                if chosen >> bit & 1:
                    letters[match.start()] = other[match[0]]
            variant = listed.get("".join(letters).translate(dropped))
            if variant is not None:
                return variant
        return read

    def split(self, text: str) -> str:
        """Normal text with each run of a script written without spaces cut into tokens."""
        if self._segment is None:
            return text
        if self._substitutes is not None:
            pattern, canonical = self._substitutes
            text = pattern.sub(lambda match: canonical[match[0]], text)
        segment = self._segment
        run = self._run

        closing = self._closing

        def grams(found: str) -> str:
            end = closing.search(found) if closing is not None else None
            kept, apart = (found[:end.start()], found[end.start():]) if end and end.start() \
                else (found, "")
            return f" {' '.join(segment(kept))} {apart} "

        def cut(piece: str) -> str:
            return run.sub(lambda match: grams(match[0]), piece)

        if self._asking is None:
            return cut(text)
        # re.split with a group: every odd piece is a question word, kept whole.
        return " ".join(f" {piece} " if odd % 2 else cut(piece)
                        for odd, piece in enumerate(self._asking.split(text)))

    def prepare(self, text: str) -> str:
        """Text ready for `words`: normal, then segmented."""
        return self.split(self.normal(text))


def _restore_reader(language: Language, groups: Groups, written: Written = None,
                    known: tuple[str, ...] = ()) -> Reader:
    restored = Reader(language)
    restored.substitute(groups)
    if written is not None:
        restored._written = _by_marks(written)
    if known:
        restored._know(known)
    return restored


def _by_marks(marked: Iterable[tuple[str, str]]
              ) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """A knowledge base's words by their marks (see `_marks`), with their plain forms apart:
    most words read are looked up by the plain form first."""
    pairs = frozenset(marked)
    return frozenset(plain for plain, _ in pairs), pairs


def _unmarked_word(word: str, stops: tuple[frozenset[str], frozenset[str]],
                   own: frozenset[str],
                   written: tuple[frozenset[str], frozenset[tuple[str, str]]] | None) -> str:
    """A word without its marks, kept apart (see `Reader._unmarked`, `Reader.keep_apart`)
    when typed with marks it folds onto a stopword it is not, or is a word of the language's
    own that folds onto a knowledge word written with other marks."""
    plain = strip_marks(word)
    if plain == word:
        return plain
    if plain in stops[1] and word not in stops[0]:
        return plain + _KEPT
    if written is not None and word in own and plain in written[0] \
            and _marks(word) not in written[1]:
        return plain + _OWN
    return plain


def own_word(word: str) -> bool:
    """Whether a word read is one of the language's own kept apart from a knowledge word it
    folds onto (see `Reader.keep_apart`): it says nothing of what is asked."""
    return _OWN in unicodedata.normalize("NFD", word)


def _marks(word: str) -> tuple[str, str]:
    """A word without its marks, and its marks whichever vowel carries them: "hoà" and
    "hòa" are one word, written by two conventions of placing the tone."""
    marks = "".join(sorted(char for char in unicodedata.normalize("NFD", word)
                           if unicodedata.category(char) == "Mn"))
    return strip_marks(word), ("đ" if "đ" in word else "") + marks


def _own_words(language: Language) -> frozenset[str]:
    """The words of a language file's question words, cues, small talk and phrases that
    ask (not its categories nor equivalents, which name things as facts do), folded."""
    cues, talk = language.conversation, language.smalltalk
    lists: list[Iterable[str]] = [
        language.intent_words, *language.interrogatives, talk.greeting, talk.greeting_alone,
        talk.thanks, talk.acknowledge, talk.bye, talk.help, language.asks_number,
        language.asks_mention, language.checks_claim, language.alternatives,
        language.relatives, language.asks_name, language.asks_person, language.asks_reason,
        language.asks_country, language.asks_money, language.excludes,
        *(getattr(cues, field.name) for field in fields(cues))]
    return frozenset(word for phrases in lists for phrase in phrases
                     for word in _LETTERS.findall(fold(phrase)))


_ESCAPE = re.compile(r"\\.")  # a backslash escape in a pattern: \w, \s, \b


@cache
def reader(code: str) -> Reader:
    """The shipped reader of a language (English's for a language without a file)."""
    return Reader(language_resources(code))


def in_own_script(text: str, language: str, knowing: Reader | None = None) -> str:
    """A message typed wholly in the language's other script (Russian in Latin letters:
    "vizit byl oficialnyj ili net?") as the language reads it, in its own ("визит был
    официалный или нет?"): every cue, split and choice between alternatives then reads it
    as it reads the language's own text. Any other text as it is. `knowing`: a reader that
    knows a knowledge base's words (else the shipped one)."""
    resources = language_resources(language)
    if resources.romanized is None or resources.script.search(text.casefold()):
        return text
    return (knowing or reader(language)).normal(text)


@cache
def filler(language: str) -> re.Pattern[str]:
    """The language's phrases about the article itself ("what does the article say
    about"), matched on text read as the language reads it ("noi gi" for a Vietnamese
    filler written "nói gì")."""
    return read_pattern(language_resources(language).filler.pattern, language)


def read_pattern(pattern: str, language: str) -> re.Pattern[str]:
    """A language file's regular expression, read as the language reads text; ValueError
    when that changes its escapes (Russian reads a Latin "w" as "в": "\\w" would become
    "\\в")."""
    read = reader(language).normal(pattern)
    if _ESCAPE.findall(read) != _ESCAPE.findall(pattern):
        raise ValueError(f"{language}: the pattern's escapes ({' '.join(_ESCAPE.findall(pattern))})"
                         " change when read as the language reads text; write the letters out "
                         "([а-я]* rather than \\w*)")
    unmarked = read.replace(_KEPT, "")
    if unmarked != read:
        # Typed without marks, a word kept apart from a stopword ("bản") is written as it.
        read = f"(?:{read})|(?:{unmarked})"
    return re.compile(read, re.IGNORECASE)


def words(text: str) -> list[str]:
    """Split folded text into words, numbers and percent signs; HTML-like tags are not words,
    and a compound written apart ("из-за", "из за") is one word."""
    return list(_words(text))  # a list of its own: a caller may change it


@lru_cache(maxsize=CACHE_TEXTS)
def _normal(reader: Reader, text: str) -> str:
    """`Reader.normal`, kept as `_words` is: one cache, safe when an engine is built in
    another thread (a reload) while this one decides."""
    return reader._read(text)


@lru_cache(maxsize=CACHE_TEXTS)
def _words(text: str) -> tuple[str, ...]:
    """`words`, kept for the many times one message is split while it is decided."""
    plain = _MARKUP.sub(" ", text) if "<" in text else text
    # The same tokens as `_TOKEN.findall` over the whole text, faster: no token spans white
    # space, an all-letter piece is one word, and "," only ever appears in numbers as ".".
    found: list[str] = []
    joined = _joined()
    for piece in fold(plain).replace(",", ".").split():
        if piece.isalpha():
            found.append(piece)
        else:
            found.extend(_TOKEN.findall(piece))
        if len(found) > 1 and (found[-2], found[-1]) in joined:
            found[-2:] = [joined[found[-2], found[-1]]]
    return tuple(found)


def _listed_words(language: Language, dropped: dict[int, int | None]) -> dict[str, str]:
    """The stopwords, question words, small talk and conversation cues of a language file,
    folded, by their reading without the letters its romanization drops ("статя" is
    "статья": "statya" is typed so)."""
    cues = language.conversation
    named = [*language.stopwords, *language.intent_words,
             *(word for group in language.interrogatives for word in group),
             *(word for phrases in (language.smalltalk.greeting, language.smalltalk.thanks,
                                    language.smalltalk.acknowledge, language.smalltalk.bye,
                                    cues.overview, cues.article, cues.more, cues.refers,
                                    cues.leads, cues.narrows, cues.again, cues.others)
               for phrase in phrases for word in phrase.split())]
    listed: dict[str, str] = {}
    for word in named:
        folded = fold(word)
        listed.setdefault(folded.translate(dropped), folded)
    return listed


def _phrases(phrases: Mapping[str, str]) -> tuple[re.Pattern[str], Mapping[str, str]] | None:
    """The language's phrases as one pattern of whole words, longest first, with what each
    reads as, by the phrase without apostrophes: one written "what's" is also typed
    "whats" and with a curly one."""
    if not phrases:
        return None
    bare = {_APOSTROPHES.sub("", apart): meant for apart, meant in phrases.items()}
    listed = "|".join(re.escape(apart).replace("'", "['\u2019]?")
                      for apart in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{listed})\b"), bare


def _choices(choices: Mapping[str, str]) -> tuple[re.Pattern[str], Mapping[str, str]] | None:
    """The open letters of a romanization as one pattern, with what each may be instead."""
    if not choices:
        return None
    return re.compile("|".join(map(re.escape, choices))), choices


def _romanized_word(script: str, table: Mapping[str, str]) -> str:
    """A word typed in the other script: its letters and apostrophes, and the digits the
    table reads as letters ("4to" is "что") where they touch a letter ("2024" stays)."""
    digits = "".join(sorted({key for key in table if key.isdigit()}))
    touching = f"|[{digits}](?={script})|(?<={script})[{digits}]" if digits else ""
    return f"(?:{script}|['`]{touching})+"
