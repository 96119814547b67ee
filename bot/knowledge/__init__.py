"""The knowledge layer: the facts, the article they come from, and loading them safely."""

from __future__ import annotations

from bot.knowledge.files import KnowledgeError
from bot.knowledge.loading import default_knowledge_dir, load_knowledge
from bot.knowledge.models import Article, Fact, Knowledge, Source
from bot.knowledge.resources import Language, language_resources, load_languages

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
