"""The composer: turns an engine decision into the parts of a reply, in the reply language."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine import Decision
from bot.knowledge import Fact, Knowledge
from bot.replies.clipping import clip
from bot.replies.parts import Button, Channel, InlineEntry, Part, Reply
from bot.replies.wording import Wording

MAX_ECHO_LENGTH = 120


class Composer:
    """Words every reply to a question: an answer, a clarification, small talk or a decline."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.wording = Wording(knowledge)

    def fact_buttons(
        self, fact_ids: Sequence[str], language: str
    ) -> tuple[tuple[Button, ...], ...]:
        """One row per fact: a button with its display question."""
        by_id = self.knowledge.by_id
        return tuple(
            (Button(self.wording.question(by_id[fact_id], language), "fact", fact_id),)
            for fact_id in fact_ids
            if fact_id in by_id
        )

    def compose(self, decision: Decision) -> Reply:
        """The reply to a decision."""
        if decision.kind == "fact" and decision.fact is not None:
            return self.answer(decision.fact, decision.language)
        if decision.kind == "clarify":
            return self._clarify(decision)
        if decision.kind == "smalltalk":
            return Reply((Part(self.wording.say(decision.language, decision.intent or "help")),))
        if decision.kind == "parts":
            return self._parts(decision)
        if decision.kind == "overview":
            return self.overview(decision.language)
        if decision.reason == "exhausted":
            say, language = self.wording.say, decision.language
            return Reply((Part(say(language, "exhausted")),),
                         ((Button(say(language, "browse_topics"), "topics"),),))
        return self._decline(decision)

    def overview(self, language: str) -> Reply:
        """What the article is about, with its source, and a button for each topic."""
        say = self.wording.say
        parts = (Part(self.knowledge.overview_in(language)), Part("\n\n", channel="rich"),
                 Part(self.wording.article_citation(language), "i", "rich"),
                 Part("\n\n" + say(language, "overview_topics"), channel="rich"))
        buttons = [Button(self.wording.topic_name(topic, language), "topic", topic)
                   for topic in self.knowledge.topics]
        rows = tuple(tuple(buttons[start:start + 2]) for start in range(0, len(buttons), 2))
        return Reply(parts, rows)

    def _parts(self, decision: Decision) -> Reply:
        """Several questions in one message: each answer (or the overview) in order with its
        source; for a question it could not answer, a line saying so and its closest facts
        as buttons."""
        say, language = self.wording.say, decision.language
        parts: list[Part] = []
        offered: list[str] = []
        answered: list[Fact] = []
        for number, part in enumerate(decision.parts):
            if number:
                parts.append(Part("\n\n"))
            if part.kind == "fact" and part.fact is not None:
                answered.append(part.fact)
                parts += self._cited(part.fact, language)
                continue
            if part.kind == "overview":
                # "What is this about? And how much did trade grow?": the gist, then the rest.
                parts += [Part(self.knowledge.overview_in(language)), Part("\n", channel="rich"),
                          Part(self.wording.article_citation(language), "i", "rich")]
                continue
            question = clip(" ".join(part.question.split()), MAX_ECHO_LENGTH)
            if part.offers_one:
                # One fact it may mean: shown with its answer, as for a question alone.
                fact = self.knowledge.by_id[part.suggestions[0]]
                answered.append(fact)
                parts += [Part(say(language, "part_clarify_one", question=question) + "\n"),
                          Part(self.wording.question(fact, language), "b"), Part("\n"),
                          *self._cited(fact, language)]
                continue
            key = "part_clarify" if part.kind == "clarify" else "part_none"
            parts.append(Part(say(language, key, question=question)))
            # A near miss offers the fact that says what is known first.
            nearest = (part.closest.id,) if part.closest is not None else ()
            offered += [fact for fact in (*nearest, *part.suggestions) if fact not in offered]
        given = {fact.id for fact in answered}
        unclear = bool(offered)  # the offers are listed where buttons cannot be pressed
        if not offered and answered:  # everything answered: what follows from the last answer
            offered = [fact for fact in answered[-1].related if fact not in given][:3]
        buttons = self.fact_buttons([fact for fact in offered if fact not in given], language)
        parts += [Part(f"\n• {row[0].label}", channel="plain") for row in buttons if unclear]
        return Reply(tuple(parts), buttons)

    def _cited(self, fact: Fact, language: str) -> list[Part]:
        """A fact's answer as one part of several, its source on the line below."""
        return [Part(fact.answer_in(language)), Part("\n", channel="rich"),
                Part(self.wording.citation(fact, language), "i", "rich")]

    def answer(self, fact: Fact, language: str) -> Reply:
        """A fact's answer with its source line, and its related facts as buttons."""
        parts = (Part(fact.answer_in(language)), Part("\n\n", channel="rich"),
                 Part(self.wording.citation(fact, language), "i", "rich"))
        return Reply(parts, self.fact_buttons(fact.related, language))

    def _clarify(self, decision: Decision) -> Reply:
        language = decision.language
        buttons = self.fact_buttons(decision.suggestions, language)
        if len(buttons) == 1:
            return self._offer(self.knowledge.by_id[buttons[0][0].value], language)
        parts = [Part(self.wording.say(language, "clarify"))]
        parts += [Part(f"\n• {row[0].label}", channel="plain") for row in buttons]
        return Reply(tuple(parts), buttons)

    def _offer(self, fact: Fact, language: str) -> Reply:
        """The one fact the question may mean: asked about, with its answer shown at once (a
        button to press would cost the user a step for what is most often the right fact)."""
        answer = self.answer(fact, language)
        lead = (Part(self.wording.say(language, "clarify_one") + "\n"),
                Part(self.wording.question(fact, language), "b"), Part("\n"))
        return Reply((*lead, *answer.parts), answer.buttons)

    def _decline(self, decision: Decision) -> Reply:
        """Say the article does not say it; for a near miss, what it does say; else the topics
        and the closest questions."""
        say, language = self.wording.say, decision.language
        buttons = self.fact_buttons(decision.suggestions, language)
        parts: list[Part] = []
        question = " ".join(decision.question.split())
        if question:
            parts += [Part(say(language, "you_asked") + " ", channel="rich"),
                      Part(clip(question, MAX_ECHO_LENGTH), "i", "rich"),
                      Part("\n", channel="rich")]
        parts += [Part(say(language, decision.reason or "none"), "b"), Part("\n")]
        offer: Channel = "rich"
        if decision.closest is not None:
            parts += [Part(say(language, "closest") + "\n"),
                      Part(decision.closest.answer_in(language)), Part("\n\n", channel="rich"),
                      Part(self.wording.citation(decision.closest, language), "i", "rich")]
        else:
            topics = ", ".join(self.wording.topic_names(language))
            parts += [Part(say(language, "none_topics", topics=topics))]
            offer = "all"
            parts += [Part(f"\n{say(language, 'try')}", channel="plain")] if not buttons else []
        if buttons:
            parts += [Part("\n", channel=offer), Part(say(language, "try"), channel=offer)]
            if decision.closest is None:
                parts += [Part(f"\n• {row[0].label}", channel="plain") for row in buttons]
        topics_row = (Button(say(language, "browse_topics"), "topics"),)
        return Reply(tuple(parts), (*buttons, topics_row))

    def inline_entry(self, fact: Fact, language: str) -> InlineEntry:
        """An inline result for a fact: its question, its answer, and the message it sends."""
        question = self.wording.question(fact, language)
        answer = self.answer(fact, language)
        reply = Reply((Part(question, "b"), Part("\n"), *answer.parts))
        return InlineEntry(fact.id, question, fact.answer_in(language), reply)
