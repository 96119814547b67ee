"""Follow-ups: what a conversation was last told, and the facts a short question leans on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.engine.decision import Decision
from bot.knowledge import Knowledge

MORE = 2  # facts given for one "tell me more"


@dataclass(frozen=True)
class Context:
    """What one conversation was last told: fact ids only, never the user's words."""

    given: tuple[str, ...] = ()  # the facts of the last answer, in order
    seen: tuple[str, ...] = ()  # every fact answered in the conversation, oldest first
    opened: bool = False  # the overview was given: "tell me more" goes on to the facts

    @property
    def started(self) -> bool:
        """Whether the conversation was told anything "more" can follow."""
        return bool(self.given) or self.opened

    def after(self, given: tuple[str, ...]) -> Context:
        """The context once these facts are answered; an answer without facts (a decline,
        small talk) leaves it as it was."""
        if not given:
            return self
        seen = tuple(fact for fact in self.seen if fact not in given) + given
        return Context(given, seen, self.opened)

    def told(self, decision: Decision) -> Context:
        """The context once this decision is the reply: the facts whose answers it shows (a
        lone "did you mean" shows one), or that the overview was given."""
        if decision.kind == "overview":
            return Context((), self.seen, opened=True)
        return self.after(decision.shown)

    def to_json(self) -> dict[str, Any]:
        """The context as JSON-ready data (a session file, another store)."""
        return {"given": list(self.given), "seen": list(self.seen), "opened": self.opened}

    @classmethod
    def from_json(cls, data: object, knowledge: Knowledge) -> Context:
        """A context read back; ids the knowledge base no longer has are dropped, and
        anything that is not a context reads as a fresh conversation."""
        if not isinstance(data, Mapping):
            return cls()

        def ids(key: str) -> tuple[str, ...]:
            value = data.get(key)
            items = value if isinstance(value, list) else []
            known = knowledge.by_id
            return tuple(item for item in items if isinstance(item, str) and item in known)

        return cls(ids("given"), ids("seen"), data.get("opened") is True)


def neighbourhood(knowledge: Knowledge, given: tuple[str, ...]) -> tuple[str, ...]:
    """The facts a question leaning on these may mean: they and their related facts."""
    found = [fact for fact in given if fact in knowledge.by_id]
    for fact in list(found):
        found += knowledge.by_id[fact].related
    return tuple(dict.fromkeys(found))


def next_facts(knowledge: Knowledge, context: Context, count: int = MORE) -> tuple[str, ...]:
    """The next facts for "tell me more": the rest of the last answer's topic first (those
    related to the answer before the others), then facts related to the answer, then those
    related to them (after the overview: the first fact of each topic), then the rest of the
    knowledge base in order; never one already answered."""
    seen = set(context.seen)
    related = neighbourhood(knowledge, context.given)
    topics = {knowledge.by_id[fact].topic for fact in context.given if fact in knowledge.by_id}
    order = [fact for fact in related if knowledge.by_id[fact].topic in topics]
    order += [fact.id for fact in knowledge.facts if fact.topic in topics]
    order += related
    if not context.given:
        order += [facts[0].id for facts in map(knowledge.facts_in_topic, knowledge.topics)
                  if facts]
    order += neighbourhood(knowledge, tuple(order))
    order += [fact.id for fact in knowledge.facts]
    fresh = [fact for fact in dict.fromkeys(order) if fact not in seen]
    return tuple(fresh[:count])
