"""What a question sets aside ("apart from farming, which industries ..."): not what it asks."""

from __future__ import annotations

import re
from functools import cache

from bot.engine.cue_reading import plain_words, stopwords
from bot.engine.cues import without_others
from bot.engine.decision import Decision, answering, decide
from bot.engine.ranker import Ranker
from bot.engine.reading import compounds, reader
from bot.knowledge import language_resources

# Each thing set aside is named in a few words, up to a comma or the end ("besides
# сельского хозяйства и добычи": two things of two words and one).
_NAMED_WORDS = 3


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    """The language's "besides", "apart from" as one pattern over normal text, with what
    follows up to the next punctuation."""
    read = reader(language).normal
    phrases = sorted({read(phrase) for phrase in language_resources(language).excludes} - {""},
                     key=len, reverse=True)
    if not phrases or language_resources(language).segment is not None:
        return None  # no words to take what is set aside by (Lao)
    either = "|".join(map(re.escape, phrases))
    return re.compile(rf"(?<!\w)(?:{either})\s+([^\W\d_][^,.;:?!]*)")


@cache
def _compounds(language: str) -> tuple[tuple[str, str], ...]:
    """The language's compounds written apart one word of which is a "besides", each as
    written apart and as one word: "nước ngoài" (abroad) sets nothing aside."""
    read = reader(language).normal
    excluding = {read(phrase) for phrase in language_resources(language).excludes}
    return tuple((f"{first} {second}", together)
                 for (first, second), together in compounds(language).items()
                 if excluding.intersection((first, second)))


def _named(following: list[str], language: str) -> list[str]:
    """The words naming what is set aside, of the few after "besides": up to a function word
    ("besides agriculture were on the table": agriculture), but for one joining two things
    ("besides mining and agriculture"), or a question word ("besides farming what other
    industries": farming)."""
    resources = language_resources(language)
    joining = {*resources.conversation.joins, *resources.alternatives}
    stops = stopwords(language)  # read as the question is, once per language
    asking = _question_words(language)
    named: list[str] = []
    size = 0  # words of the thing being named
    for word in following:
        if named and ((word in stops and word not in joining) or word in asking):
            break
        size = 0 if word in joining else size + 1
        if size > _NAMED_WORDS:
            break
        named.append(word)
    while named and named[-1] in joining:
        named.pop()
    return named


@cache
def _question_words(language: str) -> frozenset[str]:
    """The language's question words ("what", "какие"), as it reads them."""
    groups = language_resources(language).interrogatives
    return frozenset(word for group in groups for phrase in group
                     for word in plain_words(phrase, language))


def set_aside(question: str, language: str) -> tuple[str, str] | None:
    """The question without what it sets aside, and what it sets aside ("which industries
    did they discuss", "farming"); None when it sets nothing aside."""
    pattern = _pattern(language)
    if pattern is None:
        return None
    normal = reader(language).normal(question)
    for apart, together in _compounds(language):
        normal = normal.replace(apart, together)
    found = pattern.search(normal)
    if found is None:
        return None
    named = _named(found[1].split(), language)
    end = found.start(1) + len(" ".join(named)) if named else found.end()
    rest = f"{normal[:found.start()]} {normal[end:]}".strip()
    return rest, " ".join(named)


def about_more(texts: tuple[str, ...], language: str) -> bool:
    """Whether a fact's phrasings ask about more than something ("nuclear technology beyond
    energy"): setting that something aside points at the fact, not away from it."""
    pattern = _pattern(language)
    read = reader(language).normal
    return pattern is not None and any(pattern.search(read(text)) for text in texts)


def besides(ranker: Ranker, question: str, language: str, reply: str) -> Decision | None:
    """A question setting something aside ("apart from farming, which industries did they
    discuss"): a fact about more than that very thing ("nuclear technology beyond energy",
    for "apart from power plants"), else what is left of the question answered by a fact
    other than those the thing names and those about more than something else; None when
    it sets nothing aside or that answers nothing."""
    aside = set_aside(question, language)
    if aside is None:
        return None
    rest, named = aside
    # "Other" asks again for what is set aside ("besides farming, what other industries"),
    # no fact saying "other".
    rest = without_others(rest, language) or rest
    knowledge, limits = ranker.knowledge, ranker.thresholds_for(language)
    index = ranker.index(language)
    words = {token for _, token in index.analyzer.pairs(named)}
    ranked = ranker.rank(rest, language)
    beyond = {c.fact_id for c in ranked
              if about_more(knowledge.by_id[c.fact_id].questions.get(language, ()), language)}
    meant = [c for c in ranked if c.fact_id in beyond and c.score >= limits.plausible
             and not words.isdisjoint(index.fact_tokens(
                 knowledge.facts.index(knowledge.by_id[c.fact_id])))]
    if len(meant) == 1:
        return answering(question, reply, knowledge.by_id[meant[0].fact_id], meant[0].score,
                         tuple(ranked[:3]))
    naming = ranker.rank(named, language)
    if not naming:
        return None
    avoided = beyond | {c.fact_id for c in naming if c.score >= naming[0].score - limits.window}
    kept = [c for c in ranked if c.fact_id not in avoided]
    decision = decide(question, reply, kept, knowledge, limits, ranker.asks(rest, language))
    return decision if decision.kind in ("fact", "clarify") else None
