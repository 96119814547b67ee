"""Normalising text for matching: Unicode, case, punctuation, stopwords, stemming, synonyms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import snowballstemmer

_STEMMER_NAMES = {"en": "english", "ru": "russian"}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+|%", re.UNICODE)
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]{0,80}>")
# "What does the article say about X" asks about X: "say" there is filler, unlike "what did
# China say", where it is the question.
_FILLER: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:does|did|do)\s+(?:the\s+|this\s+)?(?:article|text|story|news|piece|report|it)\s+"
        r"(?:say|says|tell|mention)\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(r"(?:говорится|сказано|пишется|упоминается|написано)", re.IGNORECASE),
}
# Words written with a hyphen or a space that are one word to the reader: "из-за" is "because".
_JOINED = {("из", "за"): "изза"}
# Small numbers are written as words or digits ("five months", "5 months"): both become digits.
# "one" is left out: it is mostly a pronoun ("quick one", "which one").
NUMBER_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": tuple("two three four five six seven eight nine ten eleven twelve".split()),
    "ru": tuple("два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать"
                .split()),
}

# Function words and conversational filler; question words (who, when, ...) are kept on
# purpose: they tell "who announced" from "when was it announced".
STOPWORDS: Mapping[str, frozenset[str]] = {
    "en": frozenset(
        """
        a an the of to in on at for by with from into onto about as and or but nor so
        is are was were be been being am do does did done doing has have had having
        it its it's this that these those there here then than
        i me my we us our you your he him his she her they them their
        can could would will shall should may might must let lets
        please pls plz kindly tell know knows mention mentioned
        mentions mentioning article text story news piece report
        just like want wanna need give show explain describe find out
        hey ok okay well also any some something anything actually really
        get got s t d ll re ve m
        quick question already according among list
        """.split()
    ),
    "ru": frozenset(
        """
        и в во не на с со по о об обо а к ко у из за от до ли же бы то это этот эта эти
        этом этой этого тот та те был была были было быть есть будет
        мне меня я ты вы мы он она они его ее их нам вам им
        скажи скажите подскажи подскажите пожалуйста пжл плз расскажи расскажите
        объясни объясните можно можешь можете хочу хотел хотела хотелось знать
        про статья статье статьи статью написано пишут
        ну вот так там тут уже еще ещё ли либо или но да же
        материал материала материале материалу текст текста тексте новость новости новостях
        заметка заметке заметки
        собирается собираются собиралась собирался собирались собираться решила решил
        решили хочет хотят хотела хотели может могут мог могла могли
        вообще примерно вроде кстати всетаки разве неужели ведь уж хоть
        просто очень нибудь какието слушай слушайте известно известны насчет ситуация
        ситуацию ситуации ситуацией сильно значительно намного существенно резко
        делают делает делать делали пойдут пойдет идут идет
        """.split()
    ),
}


def fold(text: str) -> str:
    """Unicode-normalise, case-fold and fold ё and э to е (typed interchangeably)."""
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е").replace("э", "е")


def words(text: str) -> list[str]:
    """Split folded text into words, numbers and percent signs; HTML-like tags are not words,
    and a compound written apart ("из-за", "из за") is one word."""
    plain = _MARKUP.sub(" ", text) if "<" in text else text
    # The same tokens as `_TOKEN.findall` over the whole text, faster: no token spans white
    # space, an all-letter piece is one word, and "," only ever appears in numbers as ".".
    found: list[str] = []
    for piece in fold(plain).replace(",", ".").split():
        if piece.isalpha():
            found.append(piece)
        else:
            found.extend(_TOKEN.findall(piece))
        if len(found) > 1 and (found[-2], found[-1]) in _JOINED:
            found[-2:] = [_JOINED[found[-2], found[-1]]]
    return found


class Analyzer:
    """Turns a text of one language into canonical tokens (stemmed, synonyms merged)."""

    def __init__(self, language: str, synonyms: Iterable[Iterable[str]] = ()) -> None:
        self.language = language
        self.stopwords = frozenset(map(fold, STOPWORDS.get(language, ())))
        self._stemmer = snowballstemmer.stemmer(_STEMMER_NAMES.get(language, "english"))
        self._canonical: dict[str, str] = {}
        self._percent = self._stem("percent" if language == "en" else "процент")
        self._numbers = {self._stem(fold(word)): str(value)
                         for value, word in enumerate(NUMBER_WORDS.get(language, ()), start=2)}
        for group in synonyms:
            folded = [fold(word) for word in group]
            if not folded:
                continue
            canonical = self._stem(folded[0])
            for word in folded:
                self._canonical.setdefault(word, canonical)
                self._canonical.setdefault(self._stem(word), canonical)
        self._stop_stems = frozenset(
            stem for stem in map(self._stem, self.stopwords) if len(stem) >= 4
        )
        self._cache: dict[str, str | None] = {}
        self._stems: dict[str, str] = {}

    def _stem(self, word: str) -> str:
        return str(self._stemmer.stemWord(word))

    def token(self, word: str) -> str | None:
        """Return the canonical token for one folded word, or None for a stopword."""
        cached = self._cache.get(word, "")
        if cached != "":
            return cached
        result: str | None
        if word == "%":
            result = self._canonical.get(self._percent, self._percent)
        elif word[0].isdigit():
            result = word
        elif word in self.stopwords or len(word) == 1:
            result = None
        elif word in self._canonical:
            result = self._canonical[word]
        else:
            stem = self._stem(word)
            if stem in self._stop_stems and stem not in self._canonical:
                result = None  # an inflected stopword: "wants", "saying"
            elif stem in self._numbers:
                result = self._numbers[stem]
            else:
                result = self._canonical.get(stem, stem)
        if len(self._cache) < 100_000:
            self._cache[word] = result
        return result

    def stem(self, word: str) -> str:
        """The Snowball stem of one folded word (the key typos are matched on)."""
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stem(word)
            if len(self._stems) < 100_000:
                self._stems[word] = stem
        return stem

    def _drop_filler(self, text: str) -> str:
        """Remove phrases about the article itself ("what does the article say about")."""
        pattern = _FILLER.get(self.language)
        return pattern.sub(" ", text) if pattern is not None else text

    def pairs(self, text: str) -> tuple[tuple[str, str], ...]:
        """Return (word, canonical token) for each distinct canonical token of a text."""
        seen: dict[str, str] = {}
        cache = self._cache
        for word in words(self._drop_filler(text)):
            token = cache.get(word, "")  # inlined cache hit of `token`: indexing calls it a lot
            if token == "":
                token = self.token(word)
            if token and token not in seen:
                seen[token] = word
        return tuple((word, token) for token, word in seen.items())

    def tokens(self, text: str) -> tuple[str, ...]:
        """Return the distinct canonical tokens of a text, in order."""
        seen: dict[str, None] = {}
        for word in words(self._drop_filler(text)):
            token = self.token(word)
            if token:
                seen.setdefault(token, None)
        return tuple(seen)
