"""The language files' schema and checks: each file read, validated and made a `Language`."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Literal

import snowballstemmer
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
)

from bot.knowledge.files import KnowledgeError, describe, read_yaml
from bot.knowledge.resources import (
    REFERENCE,
    Conversation,
    Language,
    Romanized,
    Segmenting,
    Smalltalk,
)

# Strict: YAML reads a bare `on` or `no` as a boolean, which must not pass as a word.
Text = Annotated[StrictStr, StringConstraints(min_length=1)]
Texts = Annotated[tuple[Text, ...], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SmalltalkFile(_Strict):
    """Whole messages that are small talk, by intent."""

    greeting: Texts
    # Greetings only as the whole message ("start"): never removed from the front of a question.
    greeting_alone: tuple[Text, ...] = ()
    thanks: Texts
    # Acknowledgements ("ok", "great"): thanks as a whole message; before more words they
    # open a question ("ok, trade 2025"), unlike thanks ("thanks a lot, that helped").
    acknowledge: tuple[Text, ...] = ()
    bye: Texts
    help: Texts
    # Words as chats shorten them ("ko" for "không", "bn" for "bạn"), read as the word in
    # a message of small talk: "có ai ko" is the "có ai không" listed above.
    shortened: dict[Text, Text] = Field(default_factory=dict)
    # Words that say when, not what: around small talk they ask nothing ("how are you
    # today", "как дела сегодня"); a message of them alone is no small talk.
    padding: tuple[Text, ...] = ()


class ConversationFile(_Strict):
    """The cues of a conversation: what joins two questions in one message, what asks for the
    overview, for more or for the last answer again, and what leans on the last answer
    (lower case, as typed)."""

    joins: tuple[Text, ...] = ()
    # Words numbering the questions of a message in words ("First, ... ? Second, ..."): a
    # part opening with one is a question of its own, read without it.
    enumerators: tuple[Text, ...] = ()
    # Joining words that join only after a space, in a language written without spaces
    # between words (Lao ແລ້ວ: "and then" opening a clause, "already" glued to its verb).
    spaced_joins: tuple[Text, ...] = ()
    asks: tuple[Text, ...] = ()
    # Words that may come before a question word and leave the part a question of its own:
    # prepositions ("through which countries", "на какой срок").
    before_asks: tuple[Text, ...] = ()
    # Particles that ask from just after a part's first word ("обсуждали ли текстиль", did
    # they discuss textiles): the part is a question of its own.
    asks_second: tuple[Text, ...] = ()
    # Words asking whether rather than what ("does it say?", "есть ли"): a message naming
    # nothing but the article that asks only whether asks about the question before it
    # ("why hydro? does it say"), not what the article is about.
    whether: tuple[Text, ...] = ()
    overview: tuple[Text, ...] = ()
    # Words naming the article itself: a message of nothing but these, stopwords and
    # question words asks what it is about ("whats the story here").
    article: tuple[Text, ...] = ()
    more: tuple[Text, ...] = ()
    refers: tuple[Text, ...] = ()
    # Of those, the words pointing at a thing just named, not at people ("it", "this"; not
    # "they", which is as often the two countries): a question after another with one of
    # these and no answer of its own says more of the one before ("iron ore? are they
    # digging for it?").
    refers_thing: tuple[Text, ...] = ()
    # Phrases in which a word of `refers` points at nothing ("is there anything on gold?"):
    # it only says that something exists.
    existential: tuple[Text, ...] = ()
    leads: tuple[Text, ...] = ()
    # Openings narrowing the last answer ("only for power plants?"): they ask whether it is
    # all there is, which the last answer itself says.
    narrows: tuple[Text, ...] = ()
    # What asks the last answer again, for its content or another period of it ("like
    # what?", "and the year before?"): the article's answer is the one it already gave.
    again: tuple[Text, ...] = ()
    # What asks for another fact than the last answer ("any other industries?"): the last
    # answer is set aside.
    others: tuple[Text, ...] = ()
    # What opens the question after a preamble ("I want to know", "ຢາກຖາມວ່າ"): what follows
    # the last of them is the question part of the message.
    opens: tuple[Text, ...] = ()


class SegmentingFile(_Strict):
    """How text in a script written without spaces between words (Lao) is cut into tokens:
    overlapping character n-grams (no dependency), or a dictionary segmenter (laonlp, an
    optional extra) when installed."""

    method: Literal["ngrams", "laonlp"] = "ngrams"
    size: Annotated[StrictInt, Field(ge=2, le=5)] = 3


class RomanizedFile(_Strict):
    """How the language is typed in another script (Russian in Latin letters): the letters
    of that script, and what each letter group reads as, longest first. A key may start
    with ^ (only at the start of a word) or end with $ (only at its end)."""

    script: Text
    table: Annotated[dict[Text, StrictStr], Field(min_length=1)]
    # Letters typed in the other script are often left out of (the soft sign): stopwords
    # are also read without them ("est" is "есть", "nibud" "нибудь").
    dropped: Text = ""
    # Letters a Latin spelling leaves open, each read as written and as the other ("i" is и
    # or й, "sh" ш or щ): a word reading as none of the file's words (stopwords, question
    # words, small talk) is the one another reading is ("seichas" is "сейчас").
    choices: dict[Text, Text] = Field(default_factory=dict)


class LanguageFile(_Strict):
    """The schema of one language file."""

    name: Text
    # Characters of the language's script (a regex character class): a question's language is
    # the one whose script covers most of its letters.
    script: Text
    # Letters only this language uses among those sharing its script (Vietnamese ơ, ư, đ).
    letters: Text | None = None
    # Frequent words of the language as typed without marks: they tell it from another
    # language of the same script ("cua", "khong" are Vietnamese, not English).
    markers: tuple[Text, ...] = ()
    # Match without diacritics and tone marks (Vietnamese is often typed without them).
    fold_marks: bool = False
    # A language written syllable by syllable (Vietnamese): two syllables the knowledge base
    # writes next to each other at least this often, and in most of the times the rarer is
    # written, are also read as one word ("mở rộng", expand, is not "mỏ", a mine, once the
    # marks are gone). 0: never.
    collocations: Annotated[StrictInt, Field(ge=0)] = 0
    # Where syllables are written apart, the letters that are vowels: a syllable's last
    # letter mistyped is a slip between two consonants ("sắc" for "sắt"); a vowel there for
    # another letter makes another syllable ("mua", buy, is no "mục").
    vowels: Text = ""
    # Question words stay where the thing asked would stand ("Lào quan tâm gì tới ...", Laos
    # is interested in what ...): a part of a message asks by itself with one anywhere.
    asks_in_place: bool = False
    # A word list of pyspellchecker's (en, ru, ...): a word spelt right in it is another word,
    # not a typo of a knowledge base word ("more" is not "move"); only a form of one.
    dictionary: Text | None = None
    # How often a word must occur in the dictionary's list to count as spelt right: below it a
    # word may be a misspelling itself. The lists count differently (the Russian one holds
    # about 20,000 words, "агенство" 94 times, "кофе" 1,968).
    common_count: Annotated[StrictInt, Field(ge=1)] = 3000
    # A word list of pyspellchecker's whose words count as the language's own when telling
    # languages that share a script apart ("pogoda" read as "погода" is Russian), and nothing
    # else: they may still be typos of knowledge base words.
    word_list: Text | None = None
    # Optional spellings folded to one before matching: a character (or sequence) and what it
    # reads as ("" drops it), such as Lao tone marks and old spellings.
    variants: dict[Text, StrictStr] = Field(default_factory=dict)
    # Words that mean something else together, each read as the one word they mean: a verb
    # and its particle ("came up" in the talks is "discussed", neither a visit nor growth).
    phrases: dict[Text, Text] = Field(default_factory=dict)
    segment: SegmentingFile | None = None
    romanized: RomanizedFile | None = None
    stemmer: Text | None = None  # a Snowball algorithm; none: words are matched as written
    stopwords: Texts
    filler: Text
    joined: tuple[Text, ...] = ()
    # Words joined as `joined` are that are stopwords too, written once ("что то": "чтото").
    joined_stopwords: tuple[Text, ...] = ()
    # Joined only as written with their marks: without them they read as other words
    # ("đô la", dollar; "đó là", "that is", reads the same without its marks).
    joined_marked: tuple[Text, ...] = ()
    percent: Text
    numbers: dict[Text, Annotated[StrictInt, Field(ge=0)]] = Field(default_factory=dict)
    intent_words: Texts
    # Where words run together (Lao): particles closing a sentence glued to the word before
    # them ("ອ້ອຍບໍ່", sugarcane + the question particle), read apart from it; stopwords too.
    particles: tuple[Text, ...] = ()
    # Phrases that ask for a number or a date ("how many", "when"): a fact whose answer has
    # no number cannot answer such a question, however many words they share.
    asks_number: tuple[Text, ...] = ()
    # Words asking whether something is mentioned at all ("is nuclear mentioned?"): any fact
    # that says it answers, so of close facts explaining the question the best one does.
    asks_mention: tuple[Text, ...] = ()
    # Phrases checking a claim ("..., right?", "is it true that"): the words no fact has are
    # the claim's own, so the fact the other words point to answers, confirming or correcting.
    checks_claim: tuple[Text, ...] = ()
    # Words between the alternatives of a question ("or"): each alternative may be read on
    # its own ("an official visit or just passing through?" is the visit).
    alternatives: tuple[Text, ...] = ()
    # Words opening a clause that describes the thing before it ("the Lao president who met
    # Putin"): a question asking for a name is asked of what comes before the clause.
    relatives: tuple[Text, ...] = ()
    asks_name: tuple[Text, ...] = ()
    # Question words asking for a person ("who"): of facts equally likely, one giving a name.
    asks_person: tuple[Text, ...] = ()
    # Words asking for a reason ("why"): of facts equally likely, one giving a reason.
    asks_reason: tuple[Text, ...] = ()
    # Words with which an answer gives a reason ("due to"): that fact gives one.
    gives_reason: tuple[Text, ...] = ()
    # Phrases asking for a country ("which country"): of facts equally likely, one naming one.
    asks_country: tuple[Text, ...] = ()
    # Words asking for an amount of money ("in dollars"); an answer holding one gives it.
    asks_money: tuple[Text, ...] = ()
    # Words whose "which ..." asks for names ("which companies"), as `asks_name` does.
    name_kinds: tuple[Text, ...] = ()
    # Question words followed by the kind of thing asked ("which city", "how many tons").
    kind_askers: tuple[Text, ...] = ()
    # Question words after the kind of thing asked ("cảng nào", which port).
    kind_askers_after: tuple[Text, ...] = ()
    # Words after which such a question word asks no kind ("what did they sign").
    kind_stops: tuple[Text, ...] = ()
    # Words that follow a verb, not the kind asked ("which agency put this out": the agency).
    kind_ends: tuple[Text, ...] = ()
    # Words asking about another occasion than the article's ("the next summit").
    other_occasions: tuple[Text, ...] = ()
    # Month names and their short forms: a month no fact names dates a question ("jan-may
    # 2025" of "the first five months of 2025"); it is not a word the answer must have.
    months: tuple[Text, ...] = ()
    # Words dating a part of a year beside one ("early 2025", "в начале 2025"): no word the
    # answer must have there; elsewhere ("a late fee") a word like any other.
    periods: tuple[Text, ...] = ()
    # Years named relative to now ("last year": -1), read as the year of the knowledge base's
    # source date (an article of 2025: "last year" is 2024).
    relative_years: dict[Text, Annotated[StrictInt, Field(ge=-10, le=10)]] = Field(
        default_factory=dict)
    excludes: tuple[Text, ...] = ()
    # Category words and what belongs to each, as the language says them: the names of one
    # category separated by commas ("cereal, grain"), then its members ([rice, wheat, ...]).
    # A fact naming a member also has the category's names: "any cereals?" finds the rice.
    categories: dict[Text, Texts] = Field(default_factory=dict)
    # Words naming the same thing, as people in different places or registers say it (general
    # knowledge, not from any knowledge base): each group is read as its first word, as a
    # knowledge base's synonyms are, after them ("maize" is "corn", "bắp" is "ngô").
    equivalents: tuple[Annotated[Texts, Field(min_length=2)], ...] = ()
    # Words saying the contrary of a word facts use (general knowledge): a question naming
    # one beside what such a fact is about asks whether it is so, and the fact, saying the
    # contrary, answers it ("is the nuclear deal military?": for peaceful purposes).
    contrasts: dict[Text, Texts] = Field(default_factory=dict)
    interrogatives: Annotated[tuple[Texts, ...], Field(min_length=1)]
    smalltalk: SmalltalkFile
    countries: tuple[Text, ...] = ()
    conversation: ConversationFile = Field(default_factory=ConversationFile)
    messages: Annotated[dict[Text, Text], Field(min_length=1)]


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _braced(names: set[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def _duplicates(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    twice = []
    for item in items:
        if item in seen and item not in twice:
            twice.append(item)
        seen.add(item)
    return twice


def _describe(error: ValidationError, label: str) -> list[str]:
    lines = describe(error, f"{label}: ")
    # A bare on, off, yes or no is a boolean to YAML: say so, or "valid string" puzzles.
    return [line + (" (YAML reads a bare on/off/yes/no as true/false: quote it)"
                    if isinstance(item["input"], bool) else "")
            for line, item in zip(lines, error.errors(), strict=True)]


def _check(model: LanguageFile, label: str) -> list[str]:
    """Problems the schema cannot see: the stemmer, the regex, repeated or capitalised words."""
    problems = []
    if model.stemmer is not None and model.stemmer not in snowballstemmer.algorithms():
        problems.append(f"{label}: field 'stemmer': unknown Snowball stemmer '{model.stemmer}' "
                        f"(one of: {', '.join(snowballstemmer.algorithms())}; leave it out "
                        "to match words as written)")
    word_lists = (("dictionary", model.dictionary, "to read every unknown word as a possible typo"),
                  ("word_list", model.word_list, "to tell the language by its own words only"))
    for name, listed, without in word_lists:
        if listed is None:
            continue
        from spellchecker import SpellChecker  # only a language naming a word list needs it

        if listed not in SpellChecker.languages():
            problems.append(f"{label}: field '{name}': pyspellchecker has no word list "
                            f"'{listed}' (one of: {', '.join(SpellChecker.languages())}; "
                            f"leave it out {without})")
    patterns = {"filler": model.filler, "script": model.script, "letters": model.letters,
                "romanized.script": model.romanized.script if model.romanized else None}
    for key, pattern in patterns.items():
        if pattern is None:
            continue
        try:
            re.compile(pattern)
        except re.error as error:
            problems.append(f"{label}: field '{key}': not a valid regular expression ({error})")
    problems += [f"{label}: field 'smalltalk.shortened': '{short}' should be one word"
                 for short in model.smalltalk.shortened if len(short.split()) != 1]
    for key, entries in (("joined", model.joined), ("joined_stopwords", model.joined_stopwords),
                         ("joined_marked", model.joined_marked),
                         ("name_kinds", model.name_kinds)):
        problems += [f"{label}: field '{key}': '{entry}' should be two words"
                     for entry in entries if len(entry.split()) != 2]
    phrases = [*model.smalltalk.greeting, *model.smalltalk.greeting_alone, *model.smalltalk.thanks,
               *model.smalltalk.bye, *model.smalltalk.help]
    # Words are matched after case folding, so a capital letter would never match.
    lists = {"stopwords": model.stopwords, "joined": model.joined,
             "joined_stopwords": model.joined_stopwords,
             "joined_marked": model.joined_marked, "percent": (model.percent,),
             "numbers": tuple(model.numbers), "markers": model.markers,
             "intent_words": model.intent_words, "particles": model.particles,
             "smalltalk": phrases,
             "smalltalk.shortened": (*model.smalltalk.shortened,
                                     *dict.fromkeys(model.smalltalk.shortened.values())),
             "asks_number": model.asks_number, "asks_name": model.asks_name,
             "asks_mention": model.asks_mention, "checks_claim": model.checks_claim,
             "alternatives": model.alternatives, "relatives": model.relatives,
             "asks_person": model.asks_person, "asks_reason": model.asks_reason,
             "gives_reason": model.gives_reason, "asks_country": model.asks_country,
             "asks_money": model.asks_money,
             "name_kinds": model.name_kinds, "kind_askers": model.kind_askers,
             "kind_askers_after": model.kind_askers_after,
             "kind_stops": model.kind_stops, "kind_ends": model.kind_ends,
             "other_occasions": model.other_occasions, "months": model.months,
             "periods": model.periods,
             "relative_years": tuple(model.relative_years),
             "excludes": model.excludes,
             "categories": tuple(model.categories),
             "equivalents": tuple(word for group in model.equivalents for word in group),
             "contrasts": tuple(model.contrasts),
             **{f"contrasts '{word}'": contrary for word, contrary in model.contrasts.items()},
             **{f"category '{names}'": members for names, members in model.categories.items()},
             **{f"conversation.{key}": value
                for key, value in model.conversation.model_dump().items()},
             "interrogatives": tuple(word for group in model.interrogatives for word in group)}
    for key, items in lists.items():
        problems += [f"{label}: field '{key}': '{item}' is listed twice" for item in
                     _duplicates(items)]
        problems += [f"{label}: field '{key}': '{item}' should be lower case" for item in items
                     if item != item.lower()]
    for key, template in model.messages.items():
        try:
            _placeholders(template)
        except ValueError as error:
            problems.append(f"{label}: field 'messages.{key}': not a valid template ({error})")
    return problems


def _compare(model: LanguageFile, reference: LanguageFile, label: str) -> list[str]:
    """Problems in a translation's messages: a key missing or unknown, other placeholders."""
    problems = []
    for key, template in reference.messages.items():
        if key not in model.messages:
            problems.append(f"{label}: field 'messages.{key}': missing (English has it)")
            continue
        try:
            wanted, found = _placeholders(template), _placeholders(model.messages[key])
        except ValueError:
            continue  # reported by _check
        if wanted != found:
            problems.append(f"{label}: field 'messages.{key}': placeholders {_braced(found)} "
                            f"differ from English's {_braced(wanted)}")
    problems += [f"{label}: field 'messages.{key}': unknown message (English has no such key)"
                 for key in model.messages if key not in reference.messages]
    return problems


def _language(code: str, model: LanguageFile) -> Language:
    return Language(
        code=code,
        name=model.name,
        stemmer=model.stemmer,
        # Particles read apart are stopwords too, written once.
        stopwords=frozenset(model.stopwords) | set(model.particles)
        | {"".join(entry.split()) for entry in model.joined_stopwords},
        filler=re.compile(model.filler, re.IGNORECASE),
        joined=tuple((first, second) for first, second
                     in map(str.split, (*model.joined, *model.joined_stopwords))),
        joined_marked=tuple((first, second)
                            for first, second in map(str.split, model.joined_marked)),
        percent=model.percent,
        numbers=dict(model.numbers),
        intent_words=model.intent_words,
        particles=model.particles,
        asks_number=model.asks_number,
        asks_mention=model.asks_mention,
        checks_claim=model.checks_claim,
        alternatives=model.alternatives,
        relatives=model.relatives,
        collocations=model.collocations,
        vowels=model.vowels,
        asks_name=model.asks_name,
        asks_person=model.asks_person,
        asks_reason=model.asks_reason,
        gives_reason=model.gives_reason,
        asks_country=model.asks_country,
        asks_money=model.asks_money,
        name_kinds=model.name_kinds,
        kind_askers=model.kind_askers,
        kind_askers_after=model.kind_askers_after,
        kind_stops=model.kind_stops,
        kind_ends=model.kind_ends,
        other_occasions=model.other_occasions,
        months=model.months,
        periods=model.periods,
        relative_years=dict(model.relative_years),
        excludes=model.excludes,
        categories=tuple((tuple(name.strip() for name in names.split(",") if name.strip()),
                          members) for names, members in model.categories.items()),
        equivalents=tuple(map(tuple, model.equivalents)),
        contrasts={word: tuple(contrary) for word, contrary in model.contrasts.items()},
        conversation=Conversation(**model.conversation.model_dump()),
        interrogatives=tuple(map(tuple, model.interrogatives)),
        smalltalk=Smalltalk(**model.smalltalk.model_dump()),
        countries=model.countries,
        messages=dict(model.messages),
        script=re.compile(model.script),
        letters=re.compile(model.letters) if model.letters else None,
        markers=frozenset(model.markers),
        fold_marks=model.fold_marks,
        asks_in_place=model.asks_in_place,
        dictionary=model.dictionary,
        common_count=model.common_count,
        word_list=model.word_list,
        variants=dict(model.variants),
        phrases=dict(model.phrases),
        segment=Segmenting(**model.segment.model_dump()) if model.segment else None,
        romanized=(Romanized(model.romanized.script, dict(model.romanized.table),
                             model.romanized.dropped, dict(model.romanized.choices))
                   if model.romanized else None),
    )


def read_languages(root: Path) -> Mapping[str, Language]:
    """Every language file (`xx.yaml`, named by language code) in the directory, validated;
    raise `KnowledgeError` listing every problem."""
    if not root.is_dir():
        raise KnowledgeError([f"{root}: language directory not found"])
    paths = sorted(root.glob("*.yaml"))
    problems: list[str] = []
    models: dict[str, LanguageFile] = {}
    for path in paths:
        label = f"{root.name}/{path.name}"
        count = len(problems)
        raw = read_yaml(path, problems, fast=True, label=label)
        if raw is None:
            if len(problems) == count:
                problems.append(f"{label}: file is empty")
            continue
        try:
            models[path.stem] = LanguageFile.model_validate(raw)
        except ValidationError as error:
            problems.extend(_describe(error, label))
            continue
        problems.extend(_check(models[path.stem], label))
    if not (root / f"{REFERENCE}.yaml").is_file():
        problems.append(f"{root}: no {REFERENCE}.yaml (English is the reference for every "
                        "language's messages)")
    elif REFERENCE in models:
        for code, model in models.items():
            problems.extend(_compare(model, models[REFERENCE], f"{root.name}/{code}.yaml"))
    if problems:
        raise KnowledgeError(problems)
    return {code: _language(code, model) for code, model in models.items()}


