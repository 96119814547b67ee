"""Which of the knowledge base's topics a text names by the topic's title."""

from __future__ import annotations

from bot.engine.cue_reading import unspaced
from bot.engine.index import Index
from bot.knowledge import Knowledge


def named_topic(index: Index, knowledge: Knowledge, text: str) -> str | None:
    """The one topic whose title (in the index's language) shares a word with the text,
    beyond the article's subjects ("the gist of the transport plans": transport routes);
    None when none or several do."""
    language = index.analyzer.language
    told = {token for _, token in index.analyzer.pairs(text)} - index.common
    glued = text.replace(" ", "")

    def names(title: str) -> bool:
        if unspaced(language):
            # Character n-grams share too much by chance: the whole title, written in.
            return bool(title) and title.replace(" ", "") in glued
        return not told.isdisjoint(token for _, token in index.analyzer.pairs(title))

    named = [topic for topic, titles in knowledge.topics.items()
             if names(titles.get(language, "")) and knowledge.facts_in_topic(topic)]
    return named[0] if len(named) == 1 else None
