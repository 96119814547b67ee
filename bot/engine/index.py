"""The per-language index of a knowledge base: tokens, weights, phrasings and near misses."""

from __future__ import annotations

import gc
import itertools
import math
import pickle
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, KeysView
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any

from bot.engine.analysis import Analyzer
from bot.engine.dating import source_year
from bot.engine.kinds import kind_tokens
from bot.engine.places import country_words
from bot.engine.reading import CACHE_WORDS, with_unmarked, words
from bot.engine.spelling import dictionary_words, listed_words
from bot.knowledge import Knowledge, language_resources

# Per fact: token -> the phrasings having it, each phrasing's weight and question words,
# and each phrasing's tokens in sorted order, joined (as a word-order-free match reads it).
PhrasePostings = tuple[dict[str, list[int]], list[float], list[frozenset[str]], list[str]]


# Two tokens written next to each other in this share of the times the rarer is written are
# one word to the reader (see `collocations`).
_COLLOCATED = 0.8
# What is neither a letter, a digit nor a space: the few characters of a question worth
# asking Unicode whether they are a currency sign.
_SYMBOL = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class Shape:
    """A phrasing as a near-miss check weighs it, read once per fact rather than once per
    question: its tokens and their text, each distinct token with its weight, the weight
    of all its tokens, the subject it names first and the groups of its question words."""

    tokens: tuple[str, ...]
    text: str
    weighted: tuple[tuple[str, float], ...]
    weight: float
    subject: str
    asking: frozenset[str]


# Per fact: its `not_in_article` phrasings and its answerable ones, as shapes.
MissShapes = tuple[tuple[Shape, ...], tuple[Shape, ...]]


@dataclass
class Index:
    """Everything precomputed for matching questions in one language."""

    analyzer: Analyzer
    postings: dict[str, list[int]]
    weights: dict[str, float]
    unknown_weight: float
    surface: dict[str, str]
    surface_keys: list[str]
    # The surface keys by first letter: a typo look-up only scans keys sharing the word's
    # first letter (typos rarely hit it), a fraction of the vocabulary.
    surface_buckets: dict[str, list[str]]
    # The surface keys only a synonym brings ("soars" of "grow"): no fact's own word.
    borrowed: frozenset[str]
    phrasings: list[list[str]]  # per fact, each phrasing's tokens joined by spaces
    misses: list[list[tuple[str, ...]]]  # per fact: its `not_in_article` phrasings, analysed
    miss_words: frozenset[str]  # every token of those phrasings
    miss_postings: dict[str, list[int]]  # token -> the facts with a near miss that has it
    # BM25 over each fact as one document (its phrasings and answer): per fact, how many of
    # its texts have each token, and how many tokens it has in all.
    term_counts: list[dict[str, int]]
    lengths: list[int]
    average_length: float
    places: frozenset[str]
    # A language cut into n-grams: each country name (but the main subjects) and its n-grams
    place_grams: tuple[tuple[str, frozenset[str]], ...]
    common: frozenset[str]
    subjects: frozenset[str]  # the article's main subjects: countries in most facts
    intents: frozenset[str]  # question words (why, who, when...) that set the answer wanted
    interrogatives: dict[str, str]  # question word token -> the first token of its group
    asks_number: re.Pattern[str] | None  # the language's "how many", "when", on normal text
    asks_name: re.Pattern[str] | None  # the language's "what is it called", on normal text
    asks_person: re.Pattern[str] | None  # the language's "who", on normal text
    fuzzy_cache: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    asks_mention: re.Pattern[str] | None = None  # the language's "is it mentioned", likewise
    checks_claim: re.Pattern[str] | None = None  # the language's "..., right?", likewise
    asks_reason: re.Pattern[str] | None = None  # the language's "why", likewise
    asks_country: re.Pattern[str] | None = None  # the language's "which country", likewise
    asks_money: re.Pattern[str] | None = None  # the language's "in dollars", likewise
    # The common words of the language's dictionary: spelt right, they are no typos.
    spelt: frozenset[str] = frozenset()
    # The words of its word list: they tell the language from others sharing its script.
    listed: frozenset[str] = frozenset()
    # Per fact: the kinds of thing its phrasings ask for ("during which visit": "visit").
    kinds: list[frozenset[str]] = field(default_factory=list)
    # Per fact: its phrasings asking for a kind of thing, by number, with the kinds.
    phrase_kinds: list[tuple[tuple[int, frozenset[str]], ...]] = field(default_factory=list)
    # Per fact: the names of the categories its answer lists two things of or more ("cereal"
    # of "rice, ..., corn"; "transport" of sea and rail): kinds it gives the names of.
    listing: list[frozenset[str]] = field(default_factory=list)
    # Per category whose names (not only a longer name's words) one fact alone has: those
    # names, and its things that are no name of it ("root crops": potato, ...): a question
    # naming both asks about the category, its things examples ("root crops, like potatoes?").
    examples: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    # Per fact: the question words (their groups) only its `not_in_article` phrasings ask
    # with ("when will the railway open?" of the routes): asked so, it does not say. Not
    # "what", nor a word of a number's or a kind's phrase ("how much", "which"): those ask
    # about anything.
    unasked: list[frozenset[str]] = field(default_factory=list)
    # A year's last two digits -> the year, for the years the facts have ("25" -> "2025").
    years: dict[str, str] = field(default_factory=dict)
    # What a word typed in Latin letters in a text cut into n-grams (Lao) weighs, against an
    # n-gram: as many n-grams as a word of the first language's questions is cut into in their
    # translations ("MOU" weighs a word, not a third of one).
    borrowed_weight: float = 1.0
    # The language file's categories as this index reads them (see `categories_of`).
    categories: Categories = ()
    # The month names' tokens: one no fact has dates a question, it asks for no word.
    months: frozenset[str] = frozenset()
    # The tokens of words dating a part of a year ("early"): beside a number, no word asked.
    periods: frozenset[str] = frozenset()
    # The words of the phrases asking for a number or a date ("hôm nào", which day): asking,
    # not naming, when no fact has them.
    number_words: frozenset[str] = frozenset()
    # The year of the source's date: it dates every fact, so keywords naming it ("ports
    # Vietnam Laos 2025": this news) need no fact saying it.
    source_year: str | None = None
    # Per fact, the names its answer gives (`naming.people`), read at the first question
    # about a person.
    people: dict[str, tuple[frozenset[str], ...]] | None = None
    # Token -> the facts whose answers have it (or name a member of its category): what the
    # article says, not how it is asked.
    answer_postings: dict[str, frozenset[int]] = field(default_factory=dict)

    def fact_tokens(self, fact: int) -> KeysView[str]:
        """Every token of a fact's phrasings and answer (the keys of its term counts: kept
        once, so a cached index stays small and quick to restore)."""
        return self.term_counts[fact].keys()

    def phrase_tokens(self, fact: int) -> list[tuple[str, ...]]:
        """A fact's phrasings as tokens (read from the joined phrasings, kept once)."""
        return [tuple(phrase.split()) for phrase in self.phrasings[fact]]

    def asks_for_number(self, normal: str) -> bool:
        """Whether a question, as read (`analyzer.normal`), asks for a number or a date
        ("how many", "what year")."""
        return _holds(self.asks_number, normal)

    def asks_for_mention(self, normal: str) -> bool:
        """Whether a question, as read (`analyzer.normal`), asks whether something is
        mentioned at all ("is nuclear mentioned?")."""
        return _holds(self.asks_mention, normal)

    def checks_a_claim(self, normal: str) -> bool:
        """Whether a question, as read (`analyzer.normal`), checks a claim ("so they signed
        a military pact, right?")."""
        return _holds(self.checks_claim, normal)

    def asks_for_name(self, normal: str) -> bool:
        """Whether a question, as read (`analyzer.normal`), asks for a name ("what are the
        companies called")."""
        return _holds(self.asks_name, normal)

    def asks_for_person(self, normal: str) -> bool:
        """Whether a question, as read (`analyzer.normal`), asks for a person ("who")."""
        return _holds(self.asks_person, normal)

    def asks_for_reason(self, normal: str) -> bool:
        """Whether a question, as read (`analyzer.normal`), asks for a reason ("why")."""
        return _holds(self.asks_reason, normal)

    def asks_for_money(self, normal: str) -> bool:
        """Whether a text, as read (`analyzer.normal`), names an amount of money ("in
        dollars"): a question asks for one, an answer gives one."""
        return _holds(self.asks_money, normal)

    def names_money(self, text: str, normal: str | None = None) -> bool:
        """Whether a text as typed (`normal`: as read, when known) names an amount of money:
        a word of the language's for one, or a currency sign ("in $?", "bao nhiêu ₫"),
        which reading drops."""
        return any(unicodedata.category(char) == "Sc" for char in _SYMBOL.findall(text)) \
            or self.asks_for_money(self.analyzer.normal(text) if normal is None else normal)

    def asks_for_country(self, normal: str) -> bool:
        """Whether a question, as read (`analyzer.normal`), asks for a country ("which
        country")."""
        return _holds(self.asks_country, normal)

    def idf(self, token: str) -> float:
        """BM25's inverse document frequency of a token ("" or an unknown one: in no fact)."""
        # Remembered: every question's terms ask for it again, fact after fact.
        idf = self.idfs.get(token)
        if idf is None:
            total = len(self.term_counts)
            having = len(self.postings.get(token, ()))
            idf = math.log((total - having + 0.5) / (having + 0.5) + 1)
            if len(self.idfs) < CACHE_WORDS:
                self.idfs[token] = idf
        return idf
    # Per fact, built when the fact is first scored: token -> the phrasings having it, and
    # each phrasing's weight.
    phrase_postings: dict[int, PhrasePostings] = field(
        default_factory=dict
    )
    idfs: dict[str, float] = field(default_factory=dict)  # `idf` of the tokens asked about
    # Per fact, built when a question is first checked against its near misses.
    miss_shapes: dict[int, MissShapes] = field(default_factory=dict)

    def token_weight(self, token: str) -> float:
        """A token's weight (an unknown one at `unknown_weight`); among n-grams, a whole
        word typed in Latin letters or a number ("MOU", "2023") weighs a word's n-grams."""
        weight = self.weights.get(token, self.unknown_weight)
        if self.borrowed_weight != 1.0 and token.isascii() and token.isalnum():
            weight *= self.borrowed_weight
        return weight

    def weigh(self, tokens: Iterable[str]) -> float:
        """The weight of tokens (see `token_weight`). fsum: the same total in any order (a
        set's order changes with the hash seed, and a different last bit can tip an exact
        tie between two phrasings)."""
        return math.fsum(map(self.token_weight, tokens))

    def question_words(self, tokens: Iterable[str]) -> frozenset[str]:
        """The groups of the question words among tokens ("when", "who"), each as its
        group's first token."""
        return frozenset(self.interrogatives[token] for token in tokens
                         if token in self.interrogatives)

    def what_group(self) -> str | None:
        """The group "what" is in (the language's first group of question words)."""
        what = language_resources(self.analyzer.language).interrogatives[0][0]
        return self.interrogatives.get(self.analyzer.token(what) or "")

    def shape(self, tokens: tuple[str, ...]) -> Shape:
        """A phrasing's shape (see `Shape`)."""
        return Shape(tokens, " ".join(tokens),
                     tuple((token, self.token_weight(token)) for token in set(tokens)),
                     self.weigh(tokens), subject(tokens, self.subjects),
                     self.question_words(tokens))

    def shapes(self, fact: int) -> MissShapes:
        """A fact's near misses and phrasings as shapes, made once."""
        shapes = self.miss_shapes.get(fact)
        if shapes is None:
            shapes = (tuple(map(self.shape, self.misses[fact])),
                      tuple(map(self.shape, self.phrase_tokens(fact))))
            self.miss_shapes[fact] = shapes
        return shapes


def without_phrases(pattern: re.Pattern[str] | None, normal: str) -> str:
    """A text, as read, without the phrases of a pattern the language has (its words asking
    for a number, "which day", or why, "с чего вдруг"): what else it names."""
    return normal if pattern is None else pattern.sub(" ", normal)


def _holds(pattern: re.Pattern[str] | None, normal: str) -> bool:
    """Whether a text, as read, holds one of the phrases of a pattern the language has."""
    return pattern is not None and pattern.search(normal) is not None


def asking(analyzer: Analyzer, listed: tuple[str, ...]) -> re.Pattern[str] | None:
    """Phrases of the language asking for a kind of answer (a number, a name) or giving one
    (a reason), as one pattern over normal text (whole words, except in a script written
    without spaces)."""
    read = {analyzer.normal(phrase) for phrase in with_unmarked(listed, analyzer.reader.language)}
    romanized = analyzer.reader.language.romanized
    if romanized is not None and romanized.dropped:
        # Typed in the other script, the letters typists leave out are missing ("pravilno").
        read |= {phrase.translate(str.maketrans("", "", romanized.dropped)) for phrase in read}
    phrases = sorted(read - {""}, key=len, reverse=True)
    if not phrases:
        return None
    if analyzer.reader.language.segment is not None:
        return re.compile("|".join(map(re.escape, phrases)))
    # A stopword may stand between a phrase's words ("tên các công ty", "đúng vậy không").
    stops = sorted({word for stop in analyzer.reader.language.stopwords
                    for word in analyzer.normal(stop).split()} - {""}, key=len, reverse=True)
    gap = r"\s+(?:(?:" + "|".join(map(re.escape, stops)) + r")\s+)?" if stops else r"\s+"
    either = "|".join(gap.join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)")


def _buckets(surface: dict[str, str]) -> dict[str, list[str]]:
    """The sorted surface keys grouped by their first letter."""
    buckets: dict[str, list[str]] = {}
    for key in sorted(surface):
        buckets.setdefault(key[0], []).append(key)
    return buckets


def subject(tokens: tuple[str, ...], subjects: frozenset[str]) -> str:
    """The first of the article's main subjects (Laos, Russia) a phrasing names: a question
    matches "what does Russia export to Laos" only if it names Russia too. "" when it names
    neither."""
    return next((token for token in tokens if token in subjects), "")


def phrase_postings(
    phrases: list[tuple[str, ...]], weights: dict[str, float], intents: frozenset[str]
) -> PhrasePostings:
    """For one fact: each token with the numbers of the phrasings that have it, each
    phrasing's weight, the question words (who, when, where, why) each asks with, and each
    one's tokens sorted and joined."""
    postings: dict[str, list[int]] = {}
    for number, tokens in enumerate(phrases):
        for token in tokens:
            postings.setdefault(token, []).append(number)
    return (postings, [sum(map(weights.__getitem__, tokens)) for tokens in phrases],
            [intents.intersection(tokens) for tokens in phrases],
            [" ".join(sorted(tokens)) for tokens in phrases])


def _one_token(analyzer: Analyzer) -> Callable[[str], str | None]:
    """A question word as the language reads it: one token ("tại sao" joined is one word),
    or None (a stopword, or a phrase that is more than one)."""

    def read(word: str) -> str | None:
        tokens = analyzer.tokens(word)
        return tokens[0] if len(tokens) == 1 else None

    return read


def collocations(analyzer: Analyzer, texts: Iterable[str], least: int
                 ) -> frozenset[tuple[str, str]]:
    """Pairs of tokens the texts write next to each other at least `least` times, and in
    most (`_COLLOCATED`) of the times the rarer of the two is written."""
    pairs: Counter[tuple[str, str]] = Counter()
    single: Counter[str] = Counter()
    for text in texts:
        sequence = analyzer.sequence(text)
        single.update(token for token in sequence if token)
        # A number ("hai bên", the two sides; "2025-2026") is a word of its own.
        pairs.update((first, second) for first, second in itertools.pairwise(sequence)
                     if first and second and not first[0].isdigit()
                     and not second[0].isdigit())
    return frozenset(pair for pair, count in pairs.items() if count >= least
                     and count >= _COLLOCATED * min(single[pair[0]], single[pair[1]]))


@dataclass(frozen=True)
class Category:
    """One category of the language file as an analyzer reads it."""

    names: frozenset[str]  # the tokens of its names ("cereal", "grain")
    loose: frozenset[str]  # those only in a name of several words ("oil" of "oil crop")
    things: frozenset[str]  # its members of one word, as tokens ("rice")
    members: tuple[tuple[str, ...], ...]  # every member's stems, word for word
    titles: tuple[tuple[str, ...], ...]  # every name's stems of several words, word for word


Categories = tuple[Category, ...]


def categories_of(analyzer: Analyzer, language: str) -> Categories:
    """The language file's `categories` as this analyzer reads them: each category's name
    tokens and its members' stems, word for word (not through the knowledge base's synonyms,
    which would widen them). A member a word of which is a stopword is left out: unsure."""
    spaced = language_resources(language).segment is None
    # Where words are written syllable by syllable (Vietnamese) a name of several is one word.
    worded = spaced and not language_resources(language).collocations
    read: list[Category] = []
    for names, members in language_resources(language).categories:
        stems = [_stems_of(analyzer, member, spaced) for member in members]
        # Named by a name of several words ("forest products"): one word alone, or a syllable,
        # is too often another thing's word.
        titles = [_stems_of(analyzer, name, spaced) for name in names
                  if worded and len(name.split()) > 1]
        named = {name: analyzer.tokens(name) for name in names}
        every = {token for tokens in named.values() for token in tokens}
        whole = {token for name, tokens in named.items()
                 if len(name.split()) == 1 or not worded for token in tokens}
        things = {token for member in members if len(member.split()) == 1
                  for token in analyzer.tokens(member)}
        read.append(Category(frozenset(every), frozenset(every - whole), frozenset(things),
                             tuple(stem for stem in stems if stem),
                             tuple(title for title in titles if title)))
    return tuple(read)


def _category_words(analyzer: Analyzer, language: str) -> frozenset[str]:
    """The words of the language file's categories, names and members, where words are
    spaced: written from general knowledge, each is spelt right ("maize" is no typo of
    "main"). Not syllable by syllable (Vietnamese): one syllable is too often another
    word's part."""
    resources = language_resources(language)
    if resources.segment is not None or resources.collocations:
        return frozenset()
    return frozenset(word for names, members in resources.categories
                     for phrase in (*names, *members) for word, _ in analyzer.pairs(phrase))


def _stems_of(analyzer: Analyzer, phrase: str, spaced: bool) -> tuple[str, ...]:
    """A member's or a name's stems, word for word; none when a word of it is a stopword
    (unsure)."""
    pairs = analyzer.pairs(phrase)
    if not pairs or (spaced and len(pairs) != len(phrase.split())):
        return ()
    return tuple(analyzer.stem(word) for word, _ in pairs)


def _answer_runs(analyzer: Analyzer, answer: str,
                categories: Categories) -> set[tuple[str, ...]]:
    """An answer's runs of stems as long as the categories' longest member or name: what
    `categories_named` looks its members and names up in, read once per answer."""
    said = tuple(analyzer.stem(word) for word, _ in analyzer.pairs(answer))
    longest = max((len(member) for category in categories
                   for member in (*category.members, *category.titles)), default=0)
    return {said[start:start + size] for size in range(1, longest + 1)
            for start in range(len(said) - size + 1)}


def categories_named(analyzer: Analyzer, answer: str, categories: Categories,
                     least: int = 1) -> set[str]:
    """The name tokens of the categories an answer names a member of ("cereal", "grain" of
    "rice"), but a word of a longer name that is a thing of a category the answer names
    nothing of ("oil" of "oil crop", a fossil fuel): alone, it asks about that thing.
    `least`: the members the answer must name (2: the categories it lists things of)."""
    return _named_in(_answer_runs(analyzer, answer, categories), categories, least)


def _named_in(runs: set[tuple[str, ...]], categories: Categories, least: int) -> set[str]:
    """`categories_named` of an answer's runs, read once for both uses in an index."""
    # A category is named by one of its members ("rice") or by one of its names of several
    # words ("forest products" has the other names of its category: "timber", "wood").
    named = [len(runs.intersection(category.members)) >= least
             or not runs.isdisjoint(category.titles) for category in categories]
    kept: set[str] = set()
    elsewhere: set[str] = set()
    for category, is_named in zip(categories, named, strict=True):
        if is_named:
            kept |= (category.names - category.loose) | category.things
        else:
            elsewhere |= category.things
    return {token for category, is_named in zip(categories, named, strict=True) if is_named
            for token in category.names if token in kept or token not in elsewhere}


def _written(knowledge: Knowledge, language: str) -> Iterator[str]:
    """Every text of one language the knowledge base writes."""
    for fact in knowledge.facts:
        yield from fact.questions.get(language, ())
        yield fact.answer.get(language, "")
        yield from fact.not_in_article.get(language, ())
    for group in knowledge.synonyms.get(language, ()):
        yield from group


def _postings(per_fact: list[frozenset[str]]) -> dict[str, frozenset[int]]:
    """Each token with the facts (by number) whose sets have it."""
    found: dict[str, set[int]] = {}
    for number, tokens in enumerate(per_fact):
        for token in tokens:
            found.setdefault(token, set()).add(number)
    return {token: frozenset(numbers) for token, numbers in found.items()}


def build_index(knowledge: Knowledge, language: str) -> Index:
    """Analyse every phrasing and answer of the knowledge base in one language."""
    first = knowledge.languages[0]
    # A script of its own (Lao): words typed in Latin letters ("MOU", "bauxite") are read as
    # the first language reads them, and the facts are indexed in it too for such words.
    borrowing = (language_resources(language).segment is not None and first != language
                 and language_resources(first).segment is None)
    foreign = Analyzer(first, knowledge.synonyms.get(first, ())) if borrowing else None
    analyzer = Analyzer(language, knowledge.synonyms.get(language, ()), foreign)
    analyzer.reader.keep_apart(_written(knowledge, language))
    least = language_resources(language).collocations
    if least:
        analyzer.bigrams = collocations(analyzer, [
            text for fact in knowledge.facts
            for text in (*fact.questions.get(language, ()), fact.answer.get(language, ""))],
            least)
    analysed_facts: list[list[tuple[str, ...]]] = []
    asked_texts: list[list[str]] = []  # per fact, the questions its phrasings are read from
    analysed_misses: list[list[tuple[str, ...]]] = []
    term_counts: list[dict[str, int]] = []
    answer_words: list[frozenset[str]] = []
    postings: dict[str, list[int]] = {}
    surface: dict[str, str] = {}
    surfaced: set[str] = set()  # words already in `surface` (a word always has the same token)

    def read(text: str) -> tuple[str, ...]:
        """A text's tokens, its words kept as the surface typos are matched against."""
        pairs = analyzer.pairs(text)
        for word, token in pairs:
            if word not in surfaced:
                surfaced.add(word)
                surface.setdefault(word, token)
                surface.setdefault(analyzer.stem(word), token)
        return tuple([token for _, token in pairs])

    cut = words_in_first = 0  # the questions' tokens in this language and in the first
    for number, fact in enumerate(knowledge.facts):
        analysed = [read(text) for text in
                    (*fact.questions.get(language, ()), fact.answer.get(language, ""))]
        analysed_facts.append([tokens for tokens in analysed[:-1] if tokens])
        answer_words.append(frozenset(analysed[-1]))
        asked_texts.append([text for text, tokens in
                            zip(fact.questions.get(language, ()), analysed[:-1], strict=True)
                            if tokens])
        if foreign is not None:  # the fact's words, not phrasings of it
            borrowed = [read(text) for text in
                        (*fact.questions.get(first, ()), fact.answer.get(first, ""))]
            cut += sum(map(len, analysed[:-1]))
            words_in_first += sum(map(len, borrowed[:-1]))
            analysed += borrowed
        vocabulary = {token for tokens in analysed for token in tokens}
        # Near misses are kept apart: their words ("2023", "companies") are not the fact's.
        misses = (analyzer.tokens(text) for text in fact.not_in_article.get(language, ()))
        analysed_misses.append([tokens for tokens in misses if tokens])
        counts: dict[str, int] = {}
        for tokens in analysed:
            for token in tokens:
                counts[token] = counts.get(token, 0) + 1
        term_counts.append(counts)
        for token in vocabulary:
            postings.setdefault(token, []).append(number)
    own = set(surface)
    for group in knowledge.synonyms.get(language, ()):
        for word in map(analyzer.normal, group):
            canonical = analyzer.token(word)
            if canonical is not None and canonical in postings:
                surface.setdefault(word, canonical)
                surface.setdefault(analyzer.stem(word), canonical)
    total = max(len(knowledge.facts), 1)
    # Not a word asking for another fact than the last ("other", "else"): which one it asks
    # for depends on what was said before, not on the phrasing that happens to hold it.
    others = {token for phrase in language_resources(language).conversation.others
              for token in analyzer.tokens(phrase)}
    for number, phrases in enumerate(analysed_facts):
        # A word found in this fact alone ("rice", "sugarcane") is a keyword question for it.
        for token in sorted(term_counts[number]):
            if len(postings[token]) == 1 and not token[0].isdigit() and token not in others:
                phrases.append((token,))
    # The categories of the things an answer names ("cereal" of "rice") are words of that
    # fact too: only words no fact has, so that they add to what a question can say and change
    # nothing else (nor a fact's length, counted in its own words).
    known = set(postings)
    lengths = [sum(counts.values()) for counts in term_counts]
    categories = categories_of(analyzer, language)
    runs = [_answer_runs(analyzer, fact.answer.get(language, ""), categories)
            for fact in knowledge.facts]
    for number, answered in enumerate(runs):
        names = _named_in(answered, categories, 1)
        answer_words[number] |= names
        for token in sorted(names - known):
            term_counts[number][token] = term_counts[number].get(token, 0) + 1
            postings.setdefault(token, []).append(number)
    weights = {token: math.log(1 + total / len(facts)) for token, facts in postings.items()}
    # Countries other than the article's main subjects: naming one the fact lacks rules it out.
    common = frozenset(token for token, facts in postings.items() if len(facts) > total / 2)
    place_grams: tuple[tuple[str, frozenset[str]], ...] = ()
    specific: frozenset[str] = frozenset()
    if language_resources(language).segment is None:
        named = {word: analyzer.token(word) for word in country_words(language)}
        places = set(named.values())
        # A country the facts name is a place only if they name it: "груз" is Georgia's
        # stem and cargo's, "nhat" Japan's and "nhất"'s (most); the facts saying "cargo"
        # make no question about cargo need it.
        written = {word for fact in knowledge.facts
                   for text in (fact.answer_in(language), *fact.questions.get(language, ()))
                   for word in words(analyzer.reader.prepare(text))}
        specific = frozenset(
            token for word, token in named.items() if token in postings
            and len(postings[token]) <= total / 2 and word in written
        ) | frozenset(token for token in places if token and token not in postings)
    else:
        # Cut into n-grams, a name is found in the text as written, and a fact names it
        # when it has all of the name's n-grams: one alone is in other words too.
        grams = [(name, frozenset(analyzer.tokens(name))) for name in country_words(language)]
        place_grams = tuple((name, cut) for name, cut in grams if cut and not cut <= common)
        places = {token for _, cut in grams for token in cut}
    interrogatives: dict[str, str] = {}
    for group in language_resources(language).interrogatives:
        found = [token for token in map(_one_token(analyzer), group) if token is not None]
        for token in found:
            interrogatives.setdefault(token, found[0])
    miss_postings: dict[str, list[int]] = {}
    for number, fact_misses in enumerate(analysed_misses):
        for token in sorted({token for tokens in fact_misses for token in tokens}):
            miss_postings.setdefault(token, []).append(number)
    index = Index(
        answer_postings=_postings(answer_words),
        term_counts=term_counts,
        lengths=lengths,
        average_length=sum(lengths) / len(lengths) if lengths else 1.0,
        analyzer=analyzer,
        miss_postings=miss_postings,
        interrogatives=interrogatives,
        asks_number=asking(analyzer, language_resources(language).asks_number),
        asks_name=asking(analyzer, language_resources(language).asks_name),
        asks_person=asking(analyzer, language_resources(language).asks_person),
        asks_mention=asking(analyzer, language_resources(language).asks_mention),
        checks_claim=asking(analyzer, language_resources(language).checks_claim),
        asks_reason=asking(analyzer, language_resources(language).asks_reason),
        asks_country=asking(analyzer, language_resources(language).asks_country),
        asks_money=asking(analyzer, language_resources(language).asks_money),
        number_words=frozenset(token for phrase in language_resources(language).asks_number
                             for token in analyzer.tokens(phrase)),
        months=frozenset(token for token in map(analyzer.token, language_resources(language).months)
                         if token),
        periods=frozenset(token for token in map(analyzer.token,
                                                 language_resources(language).periods) if token),
        places=specific,
        place_grams=place_grams,
        categories=categories,
        # A fact whose phrasings use the question's question words gets `intent_bonus`:
        # "what's driving the rail link via China" asks why: the reason fact, not the routes.
        intents=frozenset(
            token
            for token in map(_one_token(analyzer), language_resources(language).intent_words)
            if token
        ),
        common=common,
        subjects=common.intersection(places),
        postings=postings,
        weights=weights,
        unknown_weight=math.log(1 + total),
        surface=surface,
        surface_keys=sorted(surface),
        surface_buckets=_buckets(surface),
        borrowed=frozenset(surface) - own,
        phrasings=[[" ".join(tokens) for tokens in fact] for fact in analysed_facts],
        misses=analysed_misses,
        miss_words=frozenset(
            token for fact in analysed_misses for tokens in fact for token in tokens
        ),
        spelt=dictionary_words(language_resources(language).dictionary,
                               language_resources(language).common_count)
        | _category_words(analyzer, language),
        listed=listed_words(language_resources(language).word_list),
    )
    years = sorted(token for token in postings if len(token) == 4 and token.isdigit())
    index.years = {year[2:]: year for year in years
                   if sum(other[2:] == year[2:] for other in years) == 1}
    year = source_year(knowledge)
    index.source_year = str(year) if year is not None else None
    if words_in_first:
        # As many n-grams as a word of the first language's questions is cut into in their
        # translations, counted from the questions read above.
        index.borrowed_weight = max(1.0, cut / words_in_first)
    # Written with care: the questions' asking words are not looked for as typos.
    index.phrase_kinds = [tuple((number, kinds) for number, question in enumerate(texts)
                                if (kinds := kind_tokens(index, question, language,
                                                         typos=False)))
                          for texts in asked_texts]
    index.kinds = [frozenset().union(*(kinds for _, kinds in asking))
                   for asking in index.phrase_kinds]
    index.listing = [frozenset(_named_in(answered, categories, 2))
                     for answered in runs]
    index.unasked = _unasked(index, language, len(knowledge.facts))
    index.examples = tuple(
        (alone, category.things - category.names) for category in categories
        if (alone := frozenset(name for name in category.names - category.loose
                               if len(postings.get(name, [])) == 1)))
    return index


def _unasked(index: Index, language: str, facts: int) -> list[frozenset[str]]:
    """Per fact, the question words only its `not_in_article` phrasings ask with (see
    `Index.unasked`)."""
    resources = language_resources(language)

    def asked(phrases: Iterable[tuple[str, ...]]) -> frozenset[str]:
        return index.question_words(token for tokens in phrases for token in tokens)

    generic = {index.what_group()} | asked(
        index.analyzer.tokens(phrase)
        for phrase in (*resources.asks_number, *resources.kind_askers))
    return [asked(index.misses[number]) - asked(index.phrase_tokens(number)) - generic
            for number in range(facts)]


@dataclass
class Lexicon:
    """A language's words and how it reads them: enough to tell whether it knows a word,
    without the rest of its index. Telling languages apart asks each language a question
    may be in, and a restored engine unpickles only this of them."""

    analyzer: Analyzer
    weights: dict[str, float]
    surface: dict[str, str]
    surface_keys: list[str]
    surface_buckets: dict[str, list[str]]
    borrowed: frozenset[str]
    miss_words: frozenset[str]
    intents: frozenset[str]
    fuzzy_cache: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    spelt: frozenset[str] = frozenset()
    listed: frozenset[str] = frozenset()

    @classmethod
    def of(cls, index: Index) -> Lexicon:
        """The lexicon of a built index, sharing its words and its typo cache."""
        return cls(**{name: getattr(index, name) for name in LEXICON})


LEXICON = tuple(item.name for item in fields(Lexicon))  # the index's fields a lexicon holds


class Indexes:
    """The indexes of a knowledge base's languages. Pickled (in the engine cache), each is
    bytes of its own, its lexicon apart from the rest, unpickled when a question first needs
    them: a restore reads only the languages its questions use, and of the others only the
    lexicons that telling the languages apart reads."""

    def __init__(self, built: dict[str, Index]) -> None:
        self._built = built
        self._packed: dict[str, tuple[bytes, bytes]] = {}  # (lexicon, the rest)
        self._lexicons: dict[str, Lexicon] = {}

    def __getitem__(self, language: str) -> Index:
        index = self._built.get(language)
        if index is None:
            lexicon = self.lexicon(language)
            rest: dict[str, Any] = _unpack(self._packed.pop(language)[1])
            words: dict[str, Any] = {name: getattr(lexicon, name) for name in LEXICON}
            index = self._built[language] = Index(**words, **rest)
        return index

    def lexicon(self, language: str) -> Lexicon:
        """The language's lexicon (its index's own words and typo cache, where built)."""
        lexicon = self._lexicons.get(language)
        if lexicon is None:
            index = self._built.get(language)
            lexicon = (Lexicon.of(index) if index is not None
                       else _unpack(self._packed[language][0]))
            self._lexicons[language] = lexicon
        return lexicon

    def loaded(self) -> frozenset[str]:
        """The languages whose index is unpickled."""
        return frozenset(self._built)

    def __getstate__(self) -> dict[str, object]:
        packed = {code: _pack(index) for code, index in self._built.items()}
        return {"_built": {}, "_packed": {**self._packed, **packed}, "_lexicons": {}}


def _pack(index: Index) -> tuple[bytes, bytes]:
    """An index as the bytes of its lexicon and of the rest."""
    rest = {name: value for name, value in vars(index).items() if name not in LEXICON}
    return (pickle.dumps(Lexicon.of(index), protocol=pickle.HIGHEST_PROTOCOL),
            pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL))


def _unpack(packed: bytes) -> Any:
    """What `Indexes` pickled (this bot's own cache): a lexicon, or the rest of an index."""
    with collector_paused():
        return pickle.loads(packed)  # noqa: S301 - bytes of this bot's own cache


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a block: unpickling an index makes many small
    objects that all survive, and the collector walking them again and again while they are
    made costs about three quarters of a large restore."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
