"""The language resources as the engine and composer use them: each language's words and
messages, loaded once (validated by `language_files`) and looked up by language code."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

LANGUAGES_DIR = Path(__file__).resolve().parent / "languages"
# Every other language's messages are checked against English's: same keys, same placeholders.
REFERENCE = "en"


@dataclass(frozen=True)
class Smalltalk:
    """Whole messages that are small talk, by intent."""

    greeting: tuple[str, ...]
    # Greetings only as the whole message ("start"): never removed from the front of a question.
    greeting_alone: tuple[str, ...]
    thanks: tuple[str, ...]
    # Acknowledgements ("ok", "great"): thanks as a whole message, never before a question.
    acknowledge: tuple[str, ...]
    bye: tuple[str, ...]
    help: tuple[str, ...]
    # Chat short forms of words ("ko": "không"), read as the word in small talk.
    shortened: Mapping[str, str] = field(default_factory=dict)
    # Words saying when ("today"): around small talk they ask nothing.
    padding: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segmenting:
    """How text in a script written without spaces between words (Lao) is cut into tokens:
    overlapping character n-grams (no dependency), or a dictionary segmenter (laonlp, an
    optional extra) when installed."""

    method: Literal["ngrams", "laonlp"] = "ngrams"
    size: int = 3


@dataclass(frozen=True)
class Romanized:
    """How the language is typed in another script (Russian in Latin letters): the letters
    of that script, and what each letter group reads as, longest first. A key may start
    with ^ (only at the start of a word) or end with $ (only at its end)."""

    script: str
    table: Mapping[str, str]
    dropped: str = ""  # letters typists leave out (the soft sign): stopwords read without them
    # Letters a spelling leaves open ("i": и or й), read as a stopword where one reading is.
    choices: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Conversation:
    """The cues of a conversation in one language: what joins two questions in one message,
    what asks for the overview or for more, and what leans on the last answer."""

    joins: tuple[str, ...] = ()  # words between two questions: "and", "also", "plus"
    enumerators: tuple[str, ...] = ()  # words numbering questions: "first", "second"
    spaced_joins: tuple[str, ...] = ()  # joins only after a space (Lao ແລ້ວ, also "already")
    asks: tuple[str, ...] = ()  # words that make a part a question: "who", "how", "is"
    before_asks: tuple[str, ...] = ()  # prepositions before a question word: "through which"
    asks_second: tuple[str, ...] = ()  # particles asking after the first word: "есть ли"
    whether: tuple[str, ...] = ()  # words asking whether rather than what: "does", "ли"
    overview: tuple[str, ...] = ()  # "what is this article about", "summary", "tl;dr"
    article: tuple[str, ...] = ()  # the article itself: "article", "story", "news"
    more: tuple[str, ...] = ()  # "tell me more", "what else"
    refers: tuple[str, ...] = ()  # words pointing back: "it", "this", "they"
    refers_thing: tuple[str, ...] = ()  # of those, the ones pointing at a thing: "it", "this"
    existential: tuple[str, ...] = ()  # phrases where they point at nothing: "is there"
    leads: tuple[str, ...] = ()  # openings continuing the last question: "and", "what about"
    narrows: tuple[str, ...] = ()  # openings narrowing the last answer: "only", "just"
    again: tuple[str, ...] = ()  # the last answer again: "like what", "the year before"
    others: tuple[str, ...] = ()  # another fact than the last answer: "other", "else"
    opens: tuple[str, ...] = ()  # what opens the question after a preamble: "i want to know"


@dataclass(frozen=True)
class Language:
    """One language's resources, ready to use."""

    code: str
    name: str  # shown in the language menu, in the language itself
    stemmer: str | None  # a Snowball algorithm, or None to match words as written
    stopwords: frozenset[str]
    filler: re.Pattern[str]  # phrases about the article itself ("does the article say")
    joined: tuple[tuple[str, str], ...]  # words written apart that are one word ("из за")
    percent: str  # the word the % sign stands for
    numbers: Mapping[str, int]  # numbers written as words ("five"), read as digits
    intent_words: tuple[str, ...]  # question words that set the answer wanted (why, who)
    interrogatives: tuple[tuple[str, ...], ...]  # question words, grouped by what they ask
    smalltalk: Smalltalk
    countries: tuple[str, ...]  # short country names pycountry lacks ("Russia")
    messages: Mapping[str, str]
    script: re.Pattern[str] = re.compile("[a-z]")
    letters: re.Pattern[str] | None = None
    markers: frozenset[str] = frozenset()
    particles: tuple[str, ...] = ()  # sentence particles read apart where words run together
    fold_marks: bool = False
    asks_in_place: bool = False  # question words stand anywhere in a question ("... gì tới ...")
    dictionary: str | None = None  # a pyspellchecker word list: its words are no typos
    common_count: int = 3000  # how often a word of it occurs to count as spelt right
    word_list: str | None = None  # one whose words only tell the language from others
    variants: Mapping[str, str] = field(default_factory=dict)
    phrases: Mapping[str, str] = field(default_factory=dict)  # "came up": "discussed"
    segment: Segmenting | None = None
    romanized: Romanized | None = None
    asks_number: tuple[str, ...] = ()  # phrases that ask for a number or a date
    asks_mention: tuple[str, ...] = ()  # phrases asking whether something is mentioned
    checks_claim: tuple[str, ...] = ()  # phrases checking a claim ("..., right?")
    alternatives: tuple[str, ...] = ()  # words between a question's alternatives ("or")
    relatives: tuple[str, ...] = ()  # words opening a describing clause ("who", "который")
    collocations: int = 0  # syllables written together this often are also one word
    vowels: str = ""  # the vowels of a language written syllable by syllable
    asks_name: tuple[str, ...] = ()  # phrases that ask for a name ("what is it called")
    asks_person: tuple[str, ...] = ()  # question words asking for a person ("who")
    asks_reason: tuple[str, ...] = ()  # words asking for a reason ("why")
    gives_reason: tuple[str, ...] = ()  # words with which an answer gives one ("due to")
    asks_country: tuple[str, ...] = ()  # phrases asking for a country ("which country")
    asks_money: tuple[str, ...] = ()  # words asking for an amount of money ("in dollars")
    name_kinds: tuple[str, ...] = ()  # words whose "which ..." asks for names ("companies")
    kind_askers: tuple[str, ...] = ()  # question words followed by the kind asked ("which")
    kind_askers_after: tuple[str, ...] = ()  # question words after the kind ("cảng nào")
    kind_stops: tuple[str, ...] = ()  # words after which an asker asks no kind ("what did")
    kind_ends: tuple[str, ...] = ()  # words whose word before ends a kind ("put this")
    other_occasions: tuple[str, ...] = ()  # words asking of another occasion ("next")
    months: tuple[str, ...] = ()  # month names and short forms ("january", "jan")
    periods: tuple[str, ...] = ()  # words dating a part of a year beside one ("early")
    relative_years: Mapping[str, int] = field(default_factory=dict)  # "last year": -1
    excludes: tuple[str, ...] = ()  # phrases setting something aside ("apart from")
    # Category names and their members ((("cereal", "grain"), ("rice", "wheat", ...)), ...).
    categories: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    # Words naming the same thing, each group read as its first word (see the language files).
    equivalents: tuple[tuple[str, ...], ...] = ()
    # Words saying the contrary of a word facts use ("peaceful": military, weapons).
    contrasts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    conversation: Conversation = field(default_factory=Conversation)
    # Joined only as written with their marks ("đô la"; "đó là" reads the same without).
    joined_marked: tuple[tuple[str, str], ...] = ()


_loaded: dict[Path, Mapping[str, Language]] = {}


def load_languages(directory: Path | None = None) -> Mapping[str, Language]:
    """Every language file (`xx.yaml`, named by language code) in the directory, shipped ones
    by default, validated once; raise `KnowledgeError` listing every problem."""
    root = directory if directory is not None else LANGUAGES_DIR
    languages = _loaded.get(root)
    if languages is None:
        # Imported here: validation needs pydantic, which a start from a cached index skips.
        from bot.knowledge.language_files import read_languages

        languages = _loaded[root] = read_languages(root)
    return languages


def prime_languages(languages: Mapping[str, Language]) -> None:
    """Use these as the shipped languages (restored from a cached index), without reading
    the files again."""
    _loaded.setdefault(LANGUAGES_DIR, languages)


def language_resources(code: str) -> Language:
    """The shipped resources of a language; English's for a language without a file."""
    languages = load_languages()
    return languages.get(code) or languages[REFERENCE]
