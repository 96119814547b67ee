"""The knowledge layer: the facts, the article they come from, and loading them safely."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.knowledge.files import KnowledgeError, default_knowledge_dir
from bot.knowledge.models import Article, Fact, Knowledge, Source
from bot.knowledge.resources import Language, language_resources, load_languages

if TYPE_CHECKING:
    from bot.knowledge.loading import load_knowledge

__all__ = [
    "Article",
    "Fact",
    "Knowledge",
    "KnowledgeError",
    "Language",
    "Source",
    "default_knowledge_dir",
    "language_resources",
    "load_knowledge",
    "load_languages",
]


def __getattr__(name: str) -> object:
    # Loading validates with pydantic, slow to import; a start from a cached index never
    # loads, so it is imported on first use.
    if name == "load_knowledge":
        from bot.knowledge.loading import load_knowledge

        return load_knowledge
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
