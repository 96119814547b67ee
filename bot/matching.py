"""The answer engine: matches a question to the knowledge base and decides what to reply."""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.knowledge import Fact, Knowledge
from bot.messages import message
from bot.places import country_words
from bot.smalltalk import detect_smalltalk, strip_greeting
from bot.text import Analyzer, detect_language, fold, words

Kind = Literal["fact", "clarify", "smalltalk", "none"]

MAX_QUESTION_CHARS = 500
_FUZZY_MIN_LENGTH = 4
_PREFIX_SIMILARITY = 85.0
_SCAN_POSTINGS = 2_000  # up to this many postings, score fact by fact
_MAX_COMBINATIONS = 4_096  # beyond this many combinations of terms, score fact by fact
_EDIT_SIMILARITY = (100.0, 90.0, 80.0, 75.0)
_NEAR_MISS_RECALL = 0.8  # share of a `not_in_article` phrasing's words a question must have


# A fact whose phrasings use the question's question words gets `intent_bonus`: "what's
# driving the rail link via China" asks why, so it is the reason fact, not the routes fact.
_INTENT_WORDS = {
    "en": ("why", "purpose", "who", "when", "where"),
    "ru": ("почему", "зачем", "кто", "когда", "где"),
}


def _allowed_edits(length: int) -> int:
    """How many typos (Damerau-Levenshtein edits) a word of this length may carry."""
    return 1 if length <= 4 else 2 if length <= 8 else 3


@dataclass(frozen=True)
class Suggestion:
    """A question the user could ask instead, with the fact it leads to."""

    fact_id: str
    question: str


@dataclass(frozen=True)
class Candidate:
    """A fact the engine considered, with its score (0-100)."""

    fact_id: str
    score: float
    coverage: float = 1.0
    not_in_article: bool = False  # closer to a question the article does not answer


@dataclass(frozen=True)
class Answer:
    """What the bot replies to one question: a fact, a clarification, small talk or nothing."""

    question: str
    kind: Kind
    text: str
    language: str
    lead: str = ""
    fact: Fact | None = None
    score: float = 0.0
    suggestions: tuple[Suggestion, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    intent: str | None = None
    closest: Fact | None = None  # a declined near miss: the fact that says what is known

    @property
    def fact_id(self) -> str | None:
        """The id of the answered fact, if any."""
        return self.fact.id if self.fact else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of the command-line contract."""
        return {
            "question": self.question,
            "kind": self.kind,
            "answer": self.text,
            "fact_id": self.fact_id,
            "closest_fact_id": self.closest.id if self.closest else None,
            "score": round(self.score, 1),
            "language": self.language,
            "suggestions": [
                {"fact_id": item.fact_id, "question": item.question} for item in self.suggestions
            ],
        }


@dataclass(frozen=True)
class Thresholds:
    """The decision rules: when a match is good enough, and when it is too close to call."""

    fact: float = 70.0
    clarify: float = 60.0
    margin: float = 2.0
    suggest: float = 35.0
    min_evidence: float = 1.1
    min_coverage: float = 0.7
    lone_coverage: float = 0.8
    lone_margin: float = 15.0
    window: float = 8.0
    query_weight: float = 0.4
    phrase_weight: float = 0.3
    conflict: float = 0.5
    unknown_factor: float = 1.5
    intent_bonus: float = 5.0
    shortlist: int = 12


@dataclass
class _Index:
    """Everything precomputed for matching questions in one language."""

    analyzer: Analyzer
    postings: dict[str, list[int]]
    weights: dict[str, float]
    unknown_weight: float
    surface: dict[str, str]
    surface_keys: list[str]
    phrasings: list[list[str]]
    phrase_tokens: list[list[tuple[str, ...]]]
    misses: list[list[tuple[str, ...]]]  # per fact: its `not_in_article` phrasings, analysed
    miss_words: frozenset[str]  # every token of those phrasings
    fact_tokens: list[frozenset[str]]
    places: frozenset[str]
    common: frozenset[str]
    subjects: frozenset[str]  # the article's main subjects: countries in most facts
    intents: frozenset[str]  # question words (why, who, when...) that set the answer wanted
    fuzzy_cache: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # Per fact, built when the fact is first scored: token -> the phrasings having it, and
    # each phrasing's weight.
    phrase_postings: dict[int, tuple[dict[str, list[int]], list[float]]] = field(
        default_factory=dict
    )


@dataclass(frozen=True)
class _Query:
    """A question's terms and weights, as the shortlist scores facts against them."""

    terms: list[tuple[float, list[tuple[str, float]]]]  # (weight, matches), in order
    required: frozenset[str]  # numbers and countries a fact must have
    shared: float  # weight of the article's main subjects, which fit every fact
    total_weight: float  # every term, unknown words included
    known_weight: float  # the terms that some fact has (`shared` excluded)

    def share(self, evidence: float, known: float, conflict: float) -> float:
        """A fact's coverage: the evidence it has over the question's weight, less a penalty
        for the known terms it lacks."""
        missing_known = self.known_weight - known
        return (evidence + self.shared) / (self.total_weight + conflict * missing_known)


def _subject(tokens: tuple[str, ...], subjects: frozenset[str]) -> str:
    """The first of the article's main subjects (Laos, Russia) a phrasing names: a question
    matches "what does Russia export to Laos" only if it names Russia too. "" when it names
    neither."""
    return next((token for token in tokens if token in subjects), "")


def _phrase_postings(
    phrases: list[tuple[str, ...]], weights: dict[str, float]
) -> tuple[dict[str, list[int]], list[float]]:
    """For one fact: each token with the numbers of the phrasings that have it, and each
    phrasing's weight."""
    postings: dict[str, list[int]] = {}
    for number, tokens in enumerate(phrases):
        for token in tokens:
            postings.setdefault(token, []).append(number)
    return postings, [sum(map(weights.__getitem__, tokens)) for tokens in phrases]


def _build_index(knowledge: Knowledge, language: str) -> _Index:
    analyzer = Analyzer(language, knowledge.synonyms.get(language, ()))
    analysed_facts: list[list[tuple[str, ...]]] = []
    analysed_misses: list[list[tuple[str, ...]]] = []
    fact_tokens: list[frozenset[str]] = []
    postings: dict[str, list[int]] = {}
    surface: dict[str, str] = {}
    surfaced: set[str] = set()  # words already in `surface` (a word always has the same token)
    for number, fact in enumerate(knowledge.facts):
        analysed: list[tuple[str, ...]] = []
        vocabulary: set[str] = set()
        for text in (*fact.questions.get(language, ()), fact.answer.get(language, "")):
            pairs = analyzer.pairs(text)
            for word, token in pairs:
                if word not in surfaced:
                    surfaced.add(word)
                    surface.setdefault(word, token)
                    surface.setdefault(analyzer.stem(word), token)
            tokens = tuple([token for _, token in pairs])
            vocabulary.update(tokens)
            analysed.append(tokens)
        analysed_facts.append([tokens for tokens in analysed[:-1] if tokens])
        # Near misses are kept apart: their words ("2023", "companies") are not the fact's.
        misses = (analyzer.tokens(text) for text in fact.not_in_article.get(language, ()))
        analysed_misses.append([tokens for tokens in misses if tokens])
        fact_tokens.append(frozenset(vocabulary))
        for token in vocabulary:
            postings.setdefault(token, []).append(number)
    for group in knowledge.synonyms.get(language, ()):
        for word in map(fold, group):
            canonical = analyzer.token(word)
            if canonical is not None and canonical in postings:
                surface.setdefault(word, canonical)
                surface.setdefault(analyzer.stem(word), canonical)
    total = max(len(knowledge.facts), 1)
    weights = {token: math.log(1 + total / len(facts)) for token, facts in postings.items()}
    for number, phrases in enumerate(analysed_facts):
        # A word found in this fact alone ("rice", "sugarcane") is a keyword question for it.
        for token in sorted(fact_tokens[number]):
            if len(postings[token]) == 1 and not token[0].isdigit():
                phrases.append((token,))
    # Countries other than the article's main subjects: naming one the fact lacks rules it out.
    places = {analyzer.token(word) for word in country_words(language)}
    specific = frozenset(
        token for token in places if token in postings and len(postings[token]) <= total / 2
    ) | frozenset(token for token in places if token and token not in postings)
    common = frozenset(token for token, facts in postings.items() if len(facts) > total / 2)
    return _Index(
        analyzer=analyzer,
        places=specific,
        intents=frozenset(
            token for token in map(analyzer.token, _INTENT_WORDS.get(language, ())) if token
        ),
        common=common,
        subjects=common.intersection(places),
        postings=postings,
        weights=weights,
        unknown_weight=math.log(1 + total),
        surface=surface,
        surface_keys=sorted(surface),
        phrasings=[[" ".join(tokens) for tokens in fact] for fact in analysed_facts],
        phrase_tokens=analysed_facts,
        misses=analysed_misses,
        miss_words=frozenset(
            token for fact in analysed_misses for tokens in fact for token in tokens
        ),
        fact_tokens=fact_tokens,
    )


class Engine:
    """Answers questions from one knowledge base; build once, ask many times."""

    def __init__(self, knowledge: Knowledge, thresholds: Thresholds | None = None) -> None:
        self.knowledge = knowledge
        self.thresholds = thresholds or Thresholds()
        self._indexes = {
            language: _build_index(knowledge, language) for language in knowledge.languages
        }

    # ----------------------------------------------------------------- public helpers
    def display_question(self, fact: Fact, language: str) -> str:
        """The question shown for a fact on buttons and in suggestions."""
        questions = fact.questions.get(language) or next(iter(fact.questions.values()))
        return questions[0]

    def suggest(self, fact_ids: Sequence[str], language: str) -> tuple[Suggestion, ...]:
        """Suggestions for the given fact ids, in order."""
        by_id = self.knowledge.by_id
        return tuple(
            Suggestion(fact_id, self.display_question(by_id[fact_id], language))
            for fact_id in fact_ids
            if fact_id in by_id
        )

    def example(self, language: str) -> str:
        """An example question for help texts."""
        return self.display_question(self.knowledge.facts[0], language)

    def _article_values(self, language: str) -> dict[str, str]:
        article = self.knowledge.article
        return {
            "title": article.title.get(language) or next(iter(article.title.values())),
            "publisher": article.publisher,
            "date": article.date,
            "photo_credit": article.photo_credit,
            "example": self.example(language),
        }

    def say(self, language: str, key: str, **values: object) -> str:
        """A message in the language, with the article's details filled in."""
        return message(language, key, **{**self._article_values(language), **values})

    def topic_names(self, language: str) -> list[str]:
        """The display names of the topics, in order."""
        return [names.get(language) or names["en"] for names in self.knowledge.topics.values()]

    # ----------------------------------------------------------------- the engine
    def find_answer(
        self, question: str, language_hint: str | None = None, reply_language: str | None = None
    ) -> Answer:
        """Decide the reply to one question."""
        languages = self.knowledge.languages
        language = detect_language(question, language_hint, languages)
        reply = reply_language if reply_language and reply_language in languages else language
        if not words(question):
            return self._none(question, reply, self.say(reply, "empty"))
        if len(question) > MAX_QUESTION_CHARS:
            return self._none(question, reply, self.say(reply, "too_long"))
        intent = detect_smalltalk(question, language)
        if intent is not None:
            text = self.say(reply, intent)
            return Answer(question, "smalltalk", text, reply, lead=text, score=100.0, intent=intent)
        ranked = self._rank(strip_greeting(question), language)
        return self._decide(question, reply, ranked)

    def _token_matches(self, index: _Index, word: str, token: str) -> list[tuple[str, float]]:
        """The knowledge tokens a question word stands for, with similarity (typos allowed)."""
        if token in index.weights:
            return [(token, 100.0)]
        if token[0].isdigit() or len(word) < _FUZZY_MIN_LENGTH - 1:
            return []
        cached = index.fuzzy_cache.get(word)
        if cached is None:
            cached = self._fuzzy_matches(index, word)
            if len(index.fuzzy_cache) < 50_000:
                index.fuzzy_cache[word] = cached
        return cached

    def _fuzzy_matches(self, index: _Index, word: str) -> list[tuple[str, float]]:
        best: dict[str, float] = {}
        keys = index.surface_keys
        for key in dict.fromkeys((word, index.analyzer.stem(word))):
            edits = _allowed_edits(len(key))
            found: dict[str, int] = {}
            for choice, distance, _ in process.extract(
                key, keys, scorer=DamerauLevenshtein.distance, score_cutoff=edits, limit=8
            ):
                if choice[0] != key[0]:
                    continue  # typos rarely hit the first letter; "price" is not "rice"
                target = index.surface[choice]
                found[target] = min(found.get(target, edits), int(distance))
            if not found:
                continue
            closest = min(found.values())
            nearest = [target for target, distance in found.items() if distance == closest]
            if closest > 1 and len(nearest) > 1:
                continue  # two edits away from several words: a different word, not a typo
            for target in nearest:
                best[target] = max(best.get(target, 0.0), _EDIT_SIMILARITY[closest])
        if len(word) >= _FUZZY_MIN_LENGTH:
            # An abbreviation ("tech", "hydro") matches the words it begins.
            start = bisect.bisect_left(keys, word)
            for choice in keys[start : start + 5]:
                if choice.startswith(word):
                    target = index.surface[choice]
                    best[target] = max(best.get(target, 0.0), _PREFIX_SIMILARITY)
        return sorted(best.items(), key=lambda item: item[1], reverse=True)

    def _rank(self, question: str, language: str) -> list[Candidate]:
        """Score the facts that share (possibly misspelt) words with the question, best first."""
        index = self._indexes[language]
        limits = self.thresholds
        pairs = index.analyzer.pairs(question)
        if not pairs:
            return []
        required = {token for _, token in pairs if token[0].isdigit() or token in index.places}
        similarity_of: dict[str, float] = {}
        terms: list[tuple[float, list[tuple[str, float]]]] = []  # (weight, matches) in order
        total_weight = 0.0
        known_weight = 0.0
        shared = 0.0
        resolved: list[str] = []  # the question's tokens as the knowledge spells them (typos)
        for word, token in pairs:
            matches = self._token_matches(index, word, token)
            resolved.append(matches[0][0] if matches else token)
            if not matches:
                total_weight += index.unknown_weight * limits.unknown_factor
                continue
            weight = index.weights[matches[0][0]]
            total_weight += weight
            if token in index.common:
                # The article's main subjects (Laos, Russia) fit every fact, stated or not.
                shared += weight
                continue
            known_weight += weight
            for choice, similarity in matches:
                similarity_of[choice] = max(similarity_of.get(choice, 0.0), similarity / 100.0)
            terms.append((weight, matches))
        coverage = self._shortlist(
            index, _Query(terms, frozenset(required), shared, total_weight, known_weight)
        )
        query = " ".join(resolved)
        # Near misses have words of their own ("transit", "military"): not typos of others.
        as_missed = [
            token if token in index.miss_words else found
            for (_, token), found in zip(pairs, resolved, strict=True)
        ]
        facts = self.knowledge.facts
        ranked: list[Candidate] = []
        intents = index.intents.intersection(resolved)
        for share, fact in coverage:
            score = 100.0 * limits.query_weight * share + self._phrase_score(
                index, fact, query, similarity_of
            )
            if intents and intents <= index.fact_tokens[fact]:
                score += limits.intent_bonus
            missed = bool(index.misses[fact]) and self._near_miss(index, as_missed, fact)
            ranked.append(Candidate(facts[fact].id, score, share, missed))
        ranked.sort(key=lambda candidate: candidate.score, reverse=True)
        return ranked

    def _phrase_score(
        self, index: _Index, fact: int, query: str, similarity_of: dict[str, float]
    ) -> float:
        """The phrasing part of a fact's score: weighted recall of its closest phrasing and
        word-order-free similarity to its closest phrasing."""
        limits = self.thresholds
        # Only phrasings that have one of the question's words can recall anything.
        weights = index.weights
        built = index.phrase_postings.get(fact)
        if built is None:
            built = _phrase_postings(index.phrase_tokens[fact], weights)
            index.phrase_postings[fact] = built
        having, totals = built
        found: dict[int, float] = {}
        for token, similarity in similarity_of.items():
            for phrase in having.get(token, ()):
                found[phrase] = found.get(phrase, 0.0) + weights[token] * similarity
        recall = max((value / totals[phrase] for phrase, value in found.items()), default=0.0)
        best_phrase = process.extractOne(query, index.phrasings[fact], scorer=fuzz.token_sort_ratio)
        similarity = best_phrase[1] if best_phrase else 0.0
        rest = 1.0 - limits.query_weight - limits.phrase_weight
        return 100.0 * limits.phrase_weight * recall + rest * similarity

    def _near_miss(self, index: _Index, resolved: list[str], fact: int) -> bool:
        """Whether the question asks one of the fact's `not_in_article` phrasings: it has
        (nearly) all of that phrasing's words, and it is closer to it than to any answerable
        phrasing, by the weight of the words they share over the weight of all their words,
        then by word order ("what does Russia export to Laos" is not "what does Laos export
        to Russia")."""
        weights = index.weights
        unknown = index.unknown_weight
        question = set(resolved)
        text = " ".join(resolved)

        def weigh(tokens: Iterable[str]) -> float:
            return sum(weights.get(token, unknown) for token in tokens)

        def closeness(tokens: tuple[str, ...]) -> tuple[float, float]:
            overlap = weigh(question.intersection(tokens)) / weigh(question.union(tokens))
            return overlap, fuzz.ratio(text, " ".join(tokens))

        asked = [
            tokens
            for tokens in index.misses[fact]
            if weigh(question.intersection(tokens)) >= _NEAR_MISS_RECALL * weigh(tokens)
            and _subject(tokens, index.subjects) in {*question, ""}
        ]
        if not asked:
            return False
        miss = max(map(closeness, asked))
        return miss > max(map(closeness, index.phrase_tokens[fact]))

    def _shortlist(self, index: _Index, query: _Query) -> list[tuple[float, int]]:
        """The `shortlist` best (coverage share, fact) pairs, best first.

        A fact's share is the weight of the question's terms it has (times their similarity)
        over the question's weight, less a penalty for the known terms it lacks. Few postings:
        score each fact. Many: a fact's share depends only on which terms it has (and how
        closely), so score each such combination once and take its facts with set operations,
        best combination first, until the shortlist is full. Both give the same result.
        """
        limits = self.thresholds
        terms = query.terms
        walked = sum(len(index.postings[choice]) for _, matches in terms for choice, _ in matches)
        combinations = math.prod(1 + len({s for _, s in matches}) for _, matches in terms)
        if walked <= _SCAN_POSTINGS or combinations > _MAX_COMBINATIONS:
            coverage = self._scan(index, query)
        else:
            coverage = self._combine(index, query)
        return heapq.nlargest(limits.shortlist, coverage)

    def _scan(self, index: _Index, query: _Query) -> list[tuple[float, int]]:
        """(share, fact) of every eligible fact, walking the terms' postings."""
        matched: dict[int, float] = {}
        known_in_fact: dict[int, float] = {}
        for weight, matches in query.terms:
            best: dict[int, float] = {}
            for choice, similarity in matches:
                for fact in index.postings[choice]:
                    if similarity > best.get(fact, 0.0):
                        best[fact] = similarity
            for fact, similarity in best.items():
                matched[fact] = matched.get(fact, 0.0) + weight * similarity / 100.0
                known_in_fact[fact] = known_in_fact.get(fact, 0.0) + weight
        coverage: list[tuple[float, int]] = []
        for fact, evidence in matched.items():
            if evidence < self.thresholds.min_evidence:
                continue
            if query.required and not query.required <= index.fact_tokens[fact]:
                continue
            share = query.share(evidence, known_in_fact[fact], self.thresholds.conflict)
            coverage.append((share, fact))
        return coverage

    def _combine(self, index: _Index, query: _Query) -> list[tuple[float, int]]:
        """(share, fact) of at least the `shortlist` best eligible facts (all facts that tie
        with the last of them included), grouping the facts by the terms they have."""
        limits = self.thresholds
        postings = index.postings
        eligible: set[int] | None = None
        terms = query.terms
        for token in query.required:
            having = set(postings.get(token, ()))
            eligible = having if eligible is None else eligible & having
        # For each term: its levels (similarity, facts whose closest match it is), best first,
        # and every fact that has the term at all.
        levels: list[list[tuple[float, set[int]]]] = []
        having_term: list[set[int]] = []
        for _, matches in terms:
            found: set[int] = set()
            term_levels: list[tuple[float, set[int]]] = []
            for level in sorted({similarity for _, similarity in matches}, reverse=True):
                facts: set[int] = set()
                for choice, similarity in matches:
                    if similarity == level:
                        facts.update(postings[choice])
                term_levels.append((level, facts - found))
                found |= facts
            levels.append(term_levels)
            having_term.append(found)
        scored: list[tuple[float, tuple[int, ...]]] = []  # level chosen per term, -1: absent
        for combination in itertools.product(*(range(-1, len(lv)) for lv in levels)):
            evidence = 0.0
            known = 0.0
            for (weight, _), term_levels, chosen in zip(terms, levels, combination, strict=True):
                if chosen >= 0:
                    evidence += weight * term_levels[chosen][0] / 100.0
                    known += weight
            if all(chosen < 0 for chosen in combination) or evidence < limits.min_evidence:
                continue
            share = query.share(evidence, known, limits.conflict)
            scored.append((share, combination))
        scored.sort(key=lambda item: item[0], reverse=True)
        coverage: list[tuple[float, int]] = []
        for number, (share, combination) in enumerate(scored):
            if len(coverage) >= limits.shortlist and share != scored[number - 1][0]:
                break  # full, and no tie with the combination before
            present = [levels[term][chosen][1] for term, chosen in enumerate(combination)
                       if chosen >= 0]
            present.sort(key=len)
            facts = present[0].intersection(*present[1:])
            if eligible is not None:
                facts &= eligible
            for term, chosen in enumerate(combination):
                if chosen < 0 and facts:
                    facts -= having_term[term]
            if len(facts) > limits.shortlist:  # equal shares: the highest fact numbers first
                coverage.extend((share, fact) for fact in sorted(facts)[-limits.shortlist :])
            else:
                coverage.extend((share, fact) for fact in facts)
        return coverage

    def _decide(self, question: str, language: str, ranked: list[Candidate]) -> Answer:
        limits = self.thresholds
        top = tuple(ranked[:3])
        if not ranked:
            return self._none(question, language, self.say(language, "none"))
        best = ranked[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        clear = best.score - runner_up >= limits.margin and best.coverage >= limits.min_coverage
        lone = (
            best.coverage >= limits.lone_coverage
            and best.score >= limits.clarify
            and best.score - runner_up >= limits.lone_margin
        )
        missed = next(
            (
                c
                for c in top
                if c.not_in_article
                and c.score >= limits.clarify
                and best.score - c.score <= limits.window
            ),
            None,
        )
        if missed is not None:
            # A close candidate is nearer to a question the article is known not to answer
            # than to any question it does answer.
            fact = self.knowledge.by_id[missed.fact_id]
            return self._not_in_article(question, language, fact, best.score, top)
        if (clear and best.score >= limits.fact) or lone:
            fact = self.knowledge.by_id[best.fact_id]
            text = fact.answer_in(language)
            return Answer(
                question,
                "fact",
                text,
                language,
                lead=text,
                fact=fact,
                score=best.score,
                suggestions=self.suggest(fact.related, language),
                candidates=top,
            )
        close = [
            c for c in top if c.score >= limits.clarify and best.score - c.score <= limits.window
        ]
        if len(close) >= 2:
            suggestions = self.suggest([c.fact_id for c in close], language)
            lead = self.say(language, "clarify")
            text = "\n".join([lead, *(f"• {item.question}" for item in suggestions)])
            return Answer(
                question,
                "clarify",
                text,
                language,
                lead=lead,
                score=best.score,
                suggestions=suggestions,
                candidates=top,
            )
        return self._none(question, language, self.say(language, "none"), top, best.score)

    def _not_in_article(
        self,
        question: str,
        language: str,
        fact: Fact,
        score: float,
        top: tuple[Candidate, ...],
    ) -> Answer:
        """Decline a near miss, and say what the article does say on the subject."""
        lead = self.say(language, "none")
        answer = fact.answer_in(language)
        text = "\n".join([lead, self.say(language, "closest"), answer])
        return Answer(
            question,
            "none",
            text,
            language,
            lead=lead,
            score=score,
            suggestions=self.suggest(fact.related, language),
            candidates=top,
            closest=fact,
        )

    def _none(
        self,
        question: str,
        language: str,
        lead: str,
        top: tuple[Candidate, ...] = (),
        score: float = 0.0,
    ) -> Answer:
        """Decline: say so, name the topics and suggest the closest (or first) questions."""
        hints = [c.fact_id for c in top if c.score >= self.thresholds.suggest]
        if not hints:
            hints = [fact.id for fact in self.knowledge.facts[:3]]
        suggestions = self.suggest(hints, language)
        topics = ", ".join(self.topic_names(language))
        text = "\n".join(
            [
                lead,
                self.say(language, "none_topics", topics=topics),
                self.say(language, "try"),
                *(f"• {item.question}" for item in suggestions),
            ]
        )
        return Answer(
            question,
            "none",
            text,
            language,
            lead=lead,
            score=score,
            suggestions=suggestions,
            candidates=top,
        )
