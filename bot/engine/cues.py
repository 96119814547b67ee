"""The cues of a conversation, read from the language files: a request for the overview or
for more, and a question that leans on the last answer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from bot.engine.cue_reading import (
    cue_read,
    cue_words,
    longest,
    phrase_pattern,
    phrases,
    plain_words,
    read_word,
    stopwords,
    unspaced,
    whole_cue,
)
from bot.engine.focus import last_sentence
from bot.engine.reading import filler, reader, words
from bot.knowledge import language_resources

_PUNCTUATION = re.compile(r"[^\w\u0e80-\u0eff]")  # not part of a word, Lao marks kept
_LEANING_WORDS = 6  # a longer question states its own subject
_PREPOSED_WORDS = 3  # "for military use?": as short, opening with a preposition, it goes on
_NARROWING_WORDS = 8  # "only for power plants, or more than that?" still narrows
_LEFT_OVER = 6  # letters of a text without spaces beside a cue phrase that may be one word


def _asks(text: str, language: str, kind: str) -> bool:
    """Whether the message is one of the cue phrases of this kind: as a whole (typos
    allowed), or one of them with nothing else but the language's stopwords and words of
    other such phrases ("can you give me a summary of the article please", "briefly, what
    is the article about")."""
    cues = phrases(language, kind)
    present = cue_read(text, language)
    if not cues or not present:
        return False
    simple = " ".join(present)
    if unspaced(language):
        # No word boundaries to rely on: the phrase must be (nearly) the whole message, but
        # for the words that may stand around it ("please", "of this news").
        joined = simple.replace(" ", "")
        unspaced_cues = sorted({p.replace(" ", "") for p in cues}, key=len, reverse=True)
        for phrase in unspaced_cues:
            if phrase not in joined:
                continue
            # Other phrases of the kind may stand beside it ("ສະຫຼຸບເນື້ອໃນຫຼັກ", summarise
            # the main content), as their words may where there are spaces.
            left = joined.replace(phrase, "", 1)
            for other in unspaced_cues:
                left = left.replace(other, "")
            if kind == "overview":
                left = _cut_about_article(left, language)
            if len(_PUNCTUATION.sub("", left)) <= _LEFT_OVER:
                return True
        return False
    # A message much longer than every phrase is no whole match, typos or not.
    if len(present) <= longest(language, kind) + 1 and whole_cue(simple, language) == kind:
        return True
    if cue_words(language, kind).isdisjoint(present):
        return False
    allowed = _around(language, kind)
    for text in _readings(present, language, kind):
        padded = f" {text} "
        for phrase in cues:
            at = padded.find(f" {phrase} ")
            if at < 0:
                continue
            rest = (padded[:at] + " " + padded[at + len(phrase) + 2:]).split()
            # A word of one letter ("can u ...") says nothing, as the analyzer reads it.
            if all(word in allowed or len(word) == 1 for word in rest):
                return True
    return False


def _readings(present: tuple[str, ...], language: str, kind: str) -> Iterator[str]:
    """The words read from a message, then, only when asked for and when it leaves any out,
    without the stopwords that are no word of a cue phrase of this kind: a word saying
    nothing may stand inside a phrase ("what's it basically about")."""
    simple = " ".join(present)
    yield simple
    silent = _silent(language, kind)
    thinned = " ".join(word for word in present if word not in silent)
    if thinned != simple:
        yield thinned


@cache
def _silent(language: str, kind: str) -> frozenset[str]:
    """The stopwords that are no word of a cue phrase of one kind."""
    return stopwords(language) - cue_words(language, kind)


@cache
def _around(language: str, kind: str) -> frozenset[str]:
    """The words a cue phrase of one kind may have around it: stopwords, words of other
    such phrases and, around an overview cue, question words ("what are the main
    points?"); around "and" or "more", a question word asks its own question ("and by
    whom?")."""
    around = stopwords(language) | cue_words(language, kind)
    return around | set(phrases(language, "asks")) if kind == "overview" else around


def asks_overview(text: str, language: str,
                  unknown: Callable[[str], bool] | None = None) -> bool:
    """Whether the message asks what the article is about ("summary", "main points"), or
    names nothing but the article itself ("whats the story here", "bai nay noi ve cai gi");
    `unknown`: a word no fact has, which may stand beside the article's name ("what's this
    news about in a couple of sentences")."""
    return requests_overview(text, language) or _only_article(text, language, unknown)


def requests_overview(text: str, language: str) -> bool:
    """Whether the message is one of the language's requests for the overview ("give me a
    summary", "sum it up"), not merely the article's name ("for an article")."""
    return _asks(text, language, "overview")


def _only_article(text: str, language: str,
                  unknown: Callable[[str], bool] | None = None) -> bool:
    """Whether the message is the article's name, or asks what the article says ("what
    does the article say?", "что говорится в статье?"), among stopwords and question
    words, and words `unknown` says no fact has when it names the article."""
    normal = reader(language).normal(text)
    unfilled = filler(language).sub(" ", normal)
    if unspaced(language):
        # No words to check one by one: nothing may be left once the phrases about the
        # article, its names, stopwords and question words are taken out ("ບົດຄວາມນີ້
        # ເວົ້າກ່ຽວກັບຫຍັງ", what does this article talk about).
        rest = unfilled.replace(" ", "")
        if rest == normal.replace(" ", "") and not any(
                name.replace(" ", "") in rest for name in phrases(language, "article")):
            return False
        return not _PUNCTUATION.sub("", _cut_about_article(rest, language))
    present = [read_word(word, language) for word in words(unfilled)]
    said = words(normal)
    if not set(phrases(language, "whether")).isdisjoint(said) and _what(language).isdisjoint(said):
        return False  # "does it say?" asks whether of the question before it
    article = set(phrases(language, "article"))
    if unfilled == normal and article.isdisjoint(present):
        return False
    named = not article.isdisjoint(words(normal))  # the filler may hold the name
    # A word of one letter ("can u ...") says nothing, as the analyzer reads it; a word
    # opening a request for the overview ("main" of "main points") says none of a topic
    # right before the article's name ("what's the main story").
    opening = _overview_openings(language)
    other = [word for number, word in enumerate(present)
             if word not in _about_article(language) and len(word) > 1
             and not (word in opening and number + 1 < len(present)
                      and present[number + 1] in article)]
    # A number beside the article's name is how short to make it ("like I'm 12", "in 3
    # bullet points"), no fact asked about.
    return not other or (named and unknown is not None and all(
        word.isdigit() or unknown(word) for word in other))


@cache
def _overview_openings(language: str) -> frozenset[str]:
    """The first words of the requests for the overview of several words ("main" of "main
    points", "key" of "key takeaways")."""
    return frozenset(read[0] for phrase in phrases(language, "overview")
                     if len(read := plain_words(phrase, language)) > 1)


@cache
def _what(language: str) -> frozenset[str]:
    """The words asking "what" (the language's first group of question words)."""
    group = language_resources(language).interrogatives[0]
    return frozenset(word for phrase in group for word in plain_words(phrase, language))


def names_article(text: str, language: str) -> bool:
    """Whether the text names the article itself ("статья от какого числа", "bài này của
    hãng tin nào"): one of the language's words for it."""
    if unspaced(language):
        joined = "".join(plain_words(text, language))
        return any(word in joined for word in phrases(language, "article"))
    padded = f" {' '.join(plain_words(text, language))} "
    return any(f" {word} " in padded for word in phrases(language, "article"))


@cache
def _about_article(language: str) -> frozenset[str]:
    """The words a message asking what the article is about may hold: stopwords, the
    article's names and question words asking "what", not "who", "where" or "when" ("where
    is this article from" asks for its source)."""
    resources = language_resources(language)
    other = {word for group in resources.interrogatives[1:] for phrase in group
             for word in plain_words(phrase, language)}
    other.update(word for phrase in resources.intent_words
                 for word in plain_words(phrase, language))
    asking = set(phrases(language, "asks")) - other
    return stopwords(language) | asking | set(phrases(language, "article"))


@cache
def _longest_first(language: str) -> tuple[str, ...]:
    """`_about_article`'s words, longest first (then in order, whatever the hash seed):
    taken out of a text written without spaces, a word is not cut out of a longer one."""
    return tuple(sorted(_about_article(language), key=lambda word: (-len(word), word)))


def _cut_about_article(text: str, language: str, gap: str = "") -> str:
    """A text without spaces with `_about_article`'s words cut out, longest first, each
    replaced by `gap`."""
    for word in _longest_first(language):
        text = text.replace(word, gap)
    return text


def overview_cut(text: str, language: str) -> tuple[str, str] | None:
    """The words before and after the longest overview cue phrase the message holds ("in
    short, what are they mining?": "", "what are they mining"), as read, or None when it
    holds none."""
    present = cue_read(text, language)
    if not present:
        return None
    simple = " ".join(present)
    if unspaced(language):
        joined = simple.replace(" ", "")
        held = [p.replace(" ", "") for p in phrases(language, "overview")
                if p.replace(" ", "") in joined]
        if not held:
            return None
        before, _, after = joined.partition(max(held, key=len))
        return before, after
    for reading in _readings(present, language, "overview"):
        padded = f" {reading} "
        held = [phrase for phrase in phrases(language, "overview") if f" {phrase} " in padded]
        if held:
            before, _, after = padded.partition(f" {max(held, key=len)} ")
            return before.strip(), after.strip()
    return None


def written_after(text: str, language: str, after: str) -> str:
    """The words read after a cue (see `overview_cut`) as the message writes them, marks
    and case kept ("ký những văn bản gì" read unmarked is other words): the shortest end
    of the message that reads as them; else as read."""
    letters = unspaced(language)

    def read(part: str) -> str:
        # Read afresh, not through the cache the message's own cue checks share.
        seen = " ".join(read_word(word, language)
                        for word in words(reader(language).normal(part)))
        return seen.replace(" ", "") if letters else seen

    # Where words run together a cue may end inside a run of letters: any letter may
    # start the words after it; elsewhere a word after a space.
    for index in range(len(text) - 1, -1, -1):
        if letters or index == 0 or text[index - 1].isspace():
            seen = read(text[index:])
            if seen == after:
                return text[index:].strip()
            if len(seen) > len(after):
                break
    return after


def asks_other(text: str, language: str) -> bool:
    """Whether the message asks for another fact than the last answer ("any other
    industries?", "а кроме сельского хозяйства?")."""
    padded = f" {' '.join(cue_read(text, language))} "
    return any(f" {phrase} " in padded for phrase in phrases(language, "others"))


def without_others(text: str, language: str) -> str:
    """The message without the words asking for another fact than the last ("any other
    industries?" is "any industries?"): they point away from the last answer, not at a
    fact that says "other" ("applications other than power"). What sets a thing aside
    ("besides farming") stays, naming what it sets aside."""
    if unspaced(language):
        return text
    padded = f" {' '.join(cue_read(text, language))} "
    for phrase in _pointing_away(language):
        padded = padded.replace(f" {phrase} ", " ")
    return padded.strip()


@cache
def _pointing_away(language: str) -> tuple[str, ...]:
    """The language's "other" words that name nothing set aside, longest first."""
    aside = {" ".join(plain_words(phrase, language))
             for phrase in language_resources(language).excludes}
    return tuple(sorted(set(phrases(language, "others")) - aside, key=len, reverse=True))


def without_article(text: str, language: str) -> str:
    """The text without the words naming the article ("of this news"): in a language
    written without spaces, without stopwords and question words too, which cannot be
    told from a word otherwise."""
    if unspaced(language):
        return " ".join(_cut_about_article(text, language, " ").split())
    padded = f" {' '.join(text.split())} "
    for phrase in sorted(phrases(language, "article"), key=len, reverse=True):
        padded = padded.replace(f" {phrase} ", " ")
    return padded.strip()


def after_more(text: str, language: str) -> str | None:
    """The words after a request for more that opens the message ("tell me more about the
    talks": "about the talks"), or None when none opens it; a joining word ("and") opens
    a question, not a request."""
    present = cue_read(text, language)
    if unspaced(language) or not present:
        return None
    simple = " ".join(present) + " "
    joins = set(phrases(language, "joins"))
    opening = [phrase for phrase in phrases(language, "more")
               if phrase not in joins and simple.startswith(phrase + " ")]
    if not opening:
        return None
    return simple[len(max(opening, key=len)):].strip() or None


def asks_more(text: str, language: str) -> bool:
    """Whether the message asks for more after an answer ("tell me more", "what else")."""
    return _asks(text, language, "more")


def asks_again(text: str, language: str) -> bool:
    """Whether the message asks the last answer again: for examples of it ("like what?") or
    for another period of it ("and the year before?")."""
    return _asks(text, language, "again")


def narrows_back(text: str, language: str) -> bool:
    """Whether a short message opens by narrowing the last answer to what a preposition
    names ("only for power plants, or more than that?", "только для АЭС?"): it asks whether
    that answer is all there is. Not "just tell me the figures": no preposition follows."""
    present = plain_words(text, language)
    # What the other alternative adds ("..., or other uses as well?") narrows nothing: the
    # narrowing is what comes before it.
    either = set(language_resources(language).alternatives)
    narrowing = next((present[:at] for at, word in enumerate(present) if at and word in either),
                     present)
    if not present or len(narrowing) > _NARROWING_WORDS:
        return False
    rests = _after_leads(present, language, "narrows")
    if unspaced(language):
        return bool(rests)
    return any(rest.split()[0] in _prepositions(language) for rest in rests)


def leans_back(text: str, language: str, subject_words: int) -> bool:
    """Whether a question leans on the last answer rather than standing on its own: short,
    and it opens as a continuation ("and in 2025?"), points back ("who announced it?") or
    names nothing the knowledge base knows besides question words (`subject_words` is the
    number of its words the knowledge base has as subjects)."""
    present = plain_words(text, language)
    if not present or len(present) > _LEANING_WORDS:
        return False
    pointing = _points_back(present, language)
    if subject_words == 0:
        # "Where is this news from?" names the article and asks of it, not of the answer.
        return pointing or set(phrases(language, "article")).isdisjoint(present)
    # A few words opening with a preposition ("for military use?", "by sea?") go on with
    # the last question, as "and ..." does.
    opened = len(present) <= _PREPOSED_WORDS and present[0] in _prepositions(language)
    return any(_after_leads(present, language, "leads")) or pointing or opened


def _after_leads(present: list[str], language: str, kind: str) -> list[str]:
    """What follows each cue phrase of this kind the message opens with ("and in 2025": "in
    2025"). Written without spaces, a phrase opens the message glued to what follows
    ("ແລ້ວປີ 2025", "and in 2025"), which may be nothing."""
    simple = " ".join(present)
    if unspaced(language):
        joined = simple.replace(" ", "")
        glued = (lead.replace(" ", "") for lead in phrases(language, kind))
        return [joined[len(lead):] for lead in glued if joined.startswith(lead)]
    return [simple[len(lead) + 1:] for lead in phrases(language, kind)
            if simple.startswith(lead + " ")]


def refers_back(text: str, language: str) -> bool:
    """Whether a question has a word pointing back at what was said ("it", "this")."""
    return _points_back(plain_words(text, language), language)


def refers_to_thing(text: str, language: str, existing: bool = False) -> bool:
    """Whether a question has a word pointing back at a thing just named ("it", "this"),
    not at people ("they"), nor at the article in a phrase about it ("does it say");
    `existing`: nor in a phrase saying that something exists ("is there any mention of
    flights?")."""
    unfilled = filler(language).sub(" ", reader(language).normal(text))
    return _points_back(words(unfilled), language, "refers_thing", existing)


def _points_back(present: list[str], language: str, kind: str = "refers",
                 existing: bool = False) -> bool:
    """Whether words read from a question hold one pointing back ("it", "this"), or, with
    `refers_thing`, one pointing back at a thing. One beside the article's name ("where
    is this news from", "bài này") points at the article, not at what was said."""
    refers = set(phrases(language, kind))
    article = set(phrases(language, "article"))
    # Of a thing, "is there a way?" still frames the question before it ("I need to move
    # files, is there a way?"); as a question of its own it asks whether something exists.
    existing = existing or kind == "refers"
    return any(word in refers and not article.intersection(present[max(at - 1, 0):at + 2])
               and not (existing and _existential(present, at, language))
               for at, word in enumerate(present))


def _existential(present: list[str], at: int, language: str) -> bool:
    """Whether the word at `at` stands in one of the language's phrases that only say that
    something exists ("is there anything on gold?"): it points at nothing."""
    for phrase in _existentials(language):
        size = len(phrase)
        if any(tuple(present[start:start + size]) == phrase
               for start in range(max(at - size + 1, 0), at + 1)):
            return True
    return False


@cache
def _existentials(language: str) -> tuple[tuple[str, ...], ...]:
    """The language's existential phrases, each as its words."""
    return tuple(tuple(phrase.split()) for phrase in phrases(language, "existential"))


def asks_only(text: str, language: str) -> bool:
    """Whether a part of a message written without spaces is nothing but words that ask: Lao
    "ບໍ" after "ແລ້ວ" (already, and also "and then") in "... ເລີ່ມຂຸດແລ້ວບໍ" (started digging
    yet?) closes the question, it is none of its own. With spaces, "... and when?" is one."""
    if not unspaced(language):
        return False
    rest = "".join(plain_words(text, language))
    for phrase in sorted(phrases(language, "asks"), key=len, reverse=True):
        rest = rest.replace(phrase.replace(" ", ""), "")
    return not _PUNCTUATION.sub("", rest)


def asks_with_word(text: str, language: str) -> bool:
    """Whether a part of a message has a word asking what it asks ("where?", "when will it
    be finished?"), not only whether ("does it say?", "is there any way to tell?")."""
    return not asking_words(language).isdisjoint(plain_words(text, language))


def asks_itself(text: str, language: str) -> bool:
    """Whether a part of a message is a question of its own: it opens or ends with a word
    that asks ("who announced it", Vietnamese "... bao nhiêu"), unlike "Russia" of "trade
    between Laos and Russia". In a language written without spaces, anywhere in it."""
    simple = " ".join(plain_words(text, language))
    if unspaced(language):
        joined = simple.replace(" ", "")
        return any(phrase.replace(" ", "") in joined for phrase in phrases(language, "asks"))
    asks = phrases(language, "asks")
    # Particles opening a message ("so what's ...", "hey, what did ...") and closing a
    # question ("... qua những đâu vậy", "... ngành nào khác không") come before and after
    # the word that asks.
    closing = stopwords(language)
    opening = simple.split()
    starts = _asking_starts(language)
    # A preposition before the question word: "through which countries", and one of
    # several words ("во время какого визита", during which visit), whose first word is a
    # particle too.
    longer = _long_prepositions(language)
    while len(opening) > 1:
        long = next((size for phrase in longer if len(opening) > (size := len(phrase))
                     and tuple(opening[:size]) == phrase), None)
        if long is not None:
            opening = opening[long:]
        elif opening[0] in closing and opening[0] not in starts:
            opening.pop(0)
        else:
            break
    simple = " ".join(opening)
    first, _, second = simple.partition(" ")
    if first in _prepositions(language):
        simple = second
    if language_resources(language).asks_in_place:
        padded = f" {simple} "
        return any(f" {phrase} " in padded for phrase in asks)
    kept = simple.split()
    if len(kept) > 2 and kept[1] in phrases(language, "asks_second"):
        return True  # "обсуждали ли текстиль"
    while len(kept) > 1 and kept[-1] in closing:
        kept.pop()
    ending = " ".join(kept)
    return any(simple == phrase or simple.startswith(phrase + " ")
               or simple.endswith(" " + phrase) or ending.endswith(" " + phrase)
               for phrase in asks)


@cache
def _prepositions(language: str) -> frozenset[str]:
    """The language's one-word prepositions before a question word ("for military use?"
    goes on with the last question)."""
    return frozenset(phrase for phrase in phrases(language, "before_asks") if " " not in phrase)


@cache
def _long_prepositions(language: str) -> tuple[tuple[str, ...], ...]:
    """The language's prepositions of several words before a question word ("во время
    какого"), each as its words, the longest first: the one a text opens with is the
    longest it opens with."""
    longer = (phrase for phrase in phrases(language, "before_asks") if " " in phrase)
    return tuple(tuple(phrase.split()) for phrase in sorted(longer, key=len, reverse=True))


@cache
def _asking_starts(language: str) -> frozenset[str]:
    """The first words of the language's phrases that make a part a question of its own."""
    return frozenset(phrase.split()[0] for phrase in phrases(language, "asks"))


@cache
def asking_words(language: str) -> frozenset[str]:
    """The words of the language's question words ("who", "khi nào") and of its phrases
    asking for a number or a date ("what date", "how long"), as it reads them: a question
    made only of them names nothing of its own ("on what date?" after an answer asks its
    date)."""
    resources = language_resources(language)
    phrases = [*(word for group in resources.interrogatives for word in group),
               *resources.intent_words, *resources.asks_number]
    return frozenset(word for phrase in phrases for word in plain_words(phrase, language))


def joining_words(language: str) -> tuple[str, ...]:
    """The words that join two questions in one message, as the language reads them."""
    return phrases(language, "joins")


def after_opening(text: str, language: str) -> str | None:
    """What follows the last phrase opening a question in a message with a preamble ("hi, I'm
    a student writing a report, I want to know how much trade grew": "how much trade grew"),
    as read; None when no such phrase is followed by anything."""
    pattern = _openings(language)
    if pattern is None:
        return None
    normal = reader(language).normal(text)
    found = max((match.end() for match in pattern.finditer(normal)), default=-1)
    if found < 0:
        return None
    rest = normal[found:].strip(" ,.:;-–—")
    return rest or None


@lru_cache(maxsize=256)
def from_asking(text: str, language: str) -> str | None:
    """The last sentence from the first word that asks in it, words coming before that word
    ("as a student of economics I'd like to understand | which metals are mined?"); None
    when it opens with one, has none, or the language asks in place or has no spaces.
    Remembered for the few checks one message gets (the overview, the question alone)."""
    if unspaced(language) or language_resources(language).asks_in_place:
        return None
    tokens = last_sentence(text).split()
    starts = _question_starts(language)
    for at in range(1, len(tokens) - 1):
        opening = plain_words(tokens[at], language)
        if opening and opening[0] in starts:
            break
    else:
        return None
    # A preposition before the word asks with it ("through which ports").
    previous = plain_words(tokens[at - 1], language)
    if previous and previous[-1] in phrases(language, "before_asks"):
        at -= 1
    head, tail = tokens[:at], " ".join(tokens[at:])
    # A word or two before it may make it a clause of a statement ("правда, что ...",
    # "is it true that ..."), and a number before it is asked of ("in 2023 how much").
    if len(head) > 1 and not any(char.isdigit() for word in head for char in word) \
            and asks_itself(tail, language):
        return tail
    return None


@cache
def _question_starts(language: str) -> frozenset[str]:
    """The words that ask a question where they stand ("which", "кто"), not those that ask
    by the order of words ("is it ...", "есть ли")."""
    aside = {*phrases(language, "whether"), *phrases(language, "asks_second")}
    return frozenset(phrase for phrase in phrases(language, "asks")
                     if " " not in phrase and phrase not in aside)


@cache
def _openings(language: str) -> re.Pattern[str] | None:
    """The language's phrases opening a question, as read, as one pattern (whole words where
    the language has spaces); None when it has none."""
    read = reader(language).normal
    opens = language_resources(language).conversation.opens
    return phrase_pattern((read(phrase) for phrase in opens), language)
