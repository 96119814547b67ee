"""The engine's reading of a question against the knowledge base: its language, what it
asks, and the facts ranked for it, with the indexes and thresholds they are read with."""

from __future__ import annotations

from bot.engine import semantic
from bot.engine.beyond import asks_beyond
from bot.engine.cue_reading import unspaced
from bot.engine.cues import asking_words, names_article
from bot.engine.dating import source_year
from bot.engine.decision import Asks, Candidate, Thresholds, calibrated
from bot.engine.focus import relative_clause
from bot.engine.index import Index, Indexes, build_index
from bot.engine.kinds import kind_tokens
from bot.engine.language import question_language
from bot.engine.members import kin_fact
from bot.engine.naming import asks_kind, named_facts, placed_facts
from bot.engine.reasons import asked_why, reason_facts
from bot.engine.retrieval import Weights, weighted
from bot.engine.scoring import rank, with_meaning
from bot.engine.typos import knows
from bot.knowledge import Knowledge

# Rankings remembered: one message is ranked again as it is read different ways (on its own,
# leaning on the last answer, asking for another fact), a few messages back never.
_RANKINGS = 16


class Ranker:
    """Reads questions against one knowledge base: built once, its indexes never change."""

    def __init__(
        self,
        knowledge: Knowledge,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.thresholds = thresholds or calibrated(knowledge.calibration)
        # A language's own calibration, over the knowledge base's (unless thresholds are given).
        self._thresholds = {
            language: calibrated({**knowledge.calibration, **own}) if thresholds is None
            else thresholds
            for language, own in knowledge.language_calibration.items()
        }
        self.weights = weights or weighted(knowledge.calibration)
        self._indexes = Indexes({
            language: build_index(knowledge, language) for language in knowledge.languages
        })
        # Answers are checked for names in the first language, as for numbers: names are
        # written with capitals there.
        first = self.index(knowledge.languages[0])
        self.named = named_facts(knowledge, first)
        self.people = named_facts(knowledge, first, people=True)
        self.reasons = reason_facts(knowledge, first)
        self.asked_why = asked_why(knowledge, first)
        self.placed = placed_facts(knowledge, first)
        self.priced = frozenset(fact.id for fact in knowledge.facts if first.names_money(
            fact.answer_in(first.analyzer.language)))
        # The facts about the article itself: their answers name its publisher ("VNA").
        publisher = knowledge.article.publisher
        self.sourced = frozenset(fact.id for fact in knowledge.facts if publisher and publisher
                                 in fact.answer_in(first.analyzer.language))
        self._ranked: dict[tuple[str, str], tuple[Candidate, ...]] = {}
        self.year = source_year(knowledge)  # "last year" is counted from it
        self.meanings = semantic.meanings_of(knowledge) if self.weights.semantic_weight else {}

    def index(self, language: str) -> Index:
        """The index of one of the knowledge base's languages."""
        return self._indexes[language]

    def language_of(self, question: str, language_hint: str | None = None) -> str:
        """The language the question is written in, as the knowledge base reads it."""
        return question_language(question, language_hint, self.knowledge.languages,
                                 lambda code, word: knows(self._indexes.lexicon(code), word))

    def thresholds_for(self, language: str) -> Thresholds:
        """The thresholds questions in this language are decided with."""
        return self._thresholds.get(language, self.thresholds)

    def asks(self, question: str, language: str) -> Asks:
        """What the question asks for beside its words: a number, a name, something beyond
        any fact."""
        index = self.index(language)
        normal = index.analyzer.normal(question)
        claims = index.checks_claim
        if claims is not None and claims.search(normal):
            # The words of a phrase checking a claim ("кто прав?", who's right) ask nothing.
            question = claims.sub(" ", normal)
            normal = index.analyzer.normal(question)
        person = self.people if self._asks_person(question, language) else None
        reason = self.reasons if index.asks_for_reason(normal) else None
        unasked_why = self.asked_why if reason is None else frozenset()
        country = self.placed if index.asks_for_country(normal) else None
        money = self.priced if index.names_money(question, normal) else None
        number = self.asks_number(question, language)
        named = self.asks_name(question, language)
        mention = index.asks_for_mention(normal)
        # Who put the article out, or when ("статья от какого числа"): its source. Not
        # whether it mentions a thing, nor what its news is.
        dated = (number or person is not None or named is not None) and not mention
        article = self.sourced if dated and names_article(question, language) else None
        return Asks(number, named, asks_beyond(index, question, language), person, mention,
                    reason, country, money, article, self.unasked(question, language),
                    unasked_why)

    def unasked(self, question: str, language: str) -> frozenset[str]:
        """The facts the question asks with a word only their near misses ask with (see
        `Index.unasked`); none read when no fact has such words (a FAQ without near
        misses)."""
        index = self.index(language)
        if not any(index.unasked):
            return frozenset()
        groups = index.question_words(index.analyzer.tokens(question))
        return frozenset(fact.id for fact, words in zip(
            self.knowledge.facts, index.unasked, strict=True) if not words.isdisjoint(groups))

    def _asks_person(self, question: str, language: str) -> bool:
        """Whether the question asks for a person ("who announced ...?"): not with a word
        that only opens a clause describing someone ("was it Putin who flew to Laos?")."""
        index = self.index(language)
        if not index.asks_for_person(index.analyzer.normal(question)):
            return False
        found = None if unspaced(language) else relative_clause(question, language)
        if found is None:
            return True  # where words run together the question word ends the question
        return any(index.asks_for_person(index.analyzer.normal(text)) for text in found if text)

    def asks_number(self, question: str, language: str) -> bool:
        """Whether the question asks for a number or a date ("how many", "when")."""
        index = self.index(language)
        return index.asks_for_number(index.analyzer.normal(question))

    def asks_detail(self, question: str, language: str) -> bool:
        """Whether the question asks for a detail a fact may not give: a number or a date,
        an amount of money ("in rubles"), or a thing of a category whose other things a fact
        lists ("is coffee on it?")."""
        index = self.index(language)
        normal = index.analyzer.normal(question)
        return (index.asks_for_number(normal) or index.names_money(question, normal)
                or kin_fact(index, question) is not None)

    def asks_name(self, question: str, language: str) -> frozenset[str] | None:
        """When the question asks for a name ("what are they called", "which companies"),
        the facts whose answers give one; else None."""
        index = self.index(language)
        if index.asks_for_name(index.analyzer.normal(question)) or asks_kind(
                index, question, language):
            # "Which cereal crops are named?": the fact listing cereals names them too.
            kinds = kind_tokens(index, question, language)
            # A name asked of anything but a country ("the names of the ports", "what is
            # the railway called") is none of the countries a fact names.
            named = self.named if index.asks_for_country(index.analyzer.normal(question)) \
                else self.people
            return named | {fact.id for fact, names in zip(
                self.knowledge.facts, index.listing, strict=True) if not names.isdisjoint(kinds)}
        return None

    def rank(self, question: str, language: str) -> list[Candidate]:
        """Score the facts that share (possibly misspelt) words with the question, best first."""
        # The same text in the same language ranks the same: the built indexes, the facts
        # and the weights do not change.
        remembered = self._ranked
        ranked = remembered.get((question, language))
        if ranked is None:
            found = rank(self.index(language), question, self.knowledge.facts, self.weights)
            meanings = self.meanings.get(language)
            if meanings is not None and (embedder := semantic.model()) is not None:
                found = with_meaning(found, meanings.similarity(question, embedder),
                                     self.knowledge.facts, self.weights)
            ranked = tuple(found)
            if len(remembered) >= _RANKINGS:
                remembered.clear()  # earlier messages: never ranked again
            remembered[question, language] = ranked
        return list(ranked)  # a list of its own: a caller may change it

    def names_subject(self, word: str, language: str) -> bool:
        """Whether a word names one of the article's main subjects ("Lào", "Russia")."""
        index = self.index(language)
        read = index.analyzer.tokens(word)
        return len(read) == 1 and read[0] in index.subjects

    def subjects(self, question: str, language: str) -> int:
        """How many of the question's words name something rather than ask (who, when)."""
        asking = asking_words(language)
        analyzer = self.index(language).analyzer
        return sum(1 for word, _ in analyzer.pairs(question) if word not in asking)
