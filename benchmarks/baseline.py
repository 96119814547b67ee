"""The BM25 baseline: rank_bm25's BM25Okapi over the engine's own analysis of each fact."""

from __future__ import annotations

from collections.abc import Callable

from rank_bm25 import BM25Okapi

from bot.engine import Engine
from bot.engine.analysis import Analyzer
from bot.knowledge import Fact, Knowledge


def fact_document(analyzer: Analyzer, fact: Fact, language: str) -> list[str]:
    """A fact as one BM25 document: the tokens of each phrasing and of the answer, in turn,
    so a token's frequency is how many of the fact's texts have it."""
    texts = (*fact.questions.get(language, ()), fact.answer.get(language, ""))
    return [token for text in texts for token in analyzer.tokens(text)]


class Bm25Ranker:
    """Ranks the facts for a question with BM25, one index per language of the knowledge base."""

    def __init__(
        self, knowledge: Knowledge, language_of: Callable[[str], str] | None = None
    ) -> None:
        self.knowledge = knowledge
        # The language is decided as the engine decides it (Latin letters may be English,
        # Vietnamese or Russian): pass the engine's when there is one, to build it once.
        self.language_of = language_of or Engine(knowledge).language_of
        self._indexes: dict[str, tuple[Analyzer, BM25Okapi]] = {}
        for language in knowledge.languages:
            analyzer = Analyzer(language, knowledge.synonyms.get(language, ()))
            corpus = [fact_document(analyzer, fact, language) for fact in knowledge.facts]
            self._indexes[language] = (analyzer, BM25Okapi(corpus))

    def top(self, question: str) -> str | None:
        """The best fact's id, or None when no fact shares a token with the question."""
        language = self.language_of(question)
        analyzer, index = self._indexes[language]
        tokens = list(analyzer.tokens(question))
        if not tokens:
            return None
        scores = index.get_scores(tokens)
        best = int(scores.argmax())
        # Zero everywhere means no shared token: the first fact would win by its position.
        return self.knowledge.facts[best].id if scores[best] > 0 else None
