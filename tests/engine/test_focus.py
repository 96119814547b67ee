"""Tests for bot.engine.focus: the question part of a long message."""

from __future__ import annotations

import pytest

from bot.engine.focus import (
    alternatives,
    before_frame,
    before_relative,
    focus,
    in_preamble,
    last_sentence,
    sentences_of,
)


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("how much did trade grow", []),
        ("how much did trade grow?", []),
        ("I am writing a report. How much did trade grow?", ["How much did trade grow?"]),
        (
            "hi, I'm writing a report for school about the region, quick one: "
            "how much did trade grow?",
            ["how much did trade grow?"],
        ),
        (
            "Tell me more about it please. And what about the ports, which ones?",
            ["And what about the ports, which ones?", "which ones?"],
        ),
        (
            "I read the article yesterday evening. Tell me about the ports",
            ["Tell me about the ports"],
        ),
        (
            "I read the article yesterday. What about trade?\nAnd the ports?",
            ["What about trade?", "And the ports?"],
        ),
        # A smiley or an emoji ends a sentence; a colon inside a word does not.
        ("hi! student here :) who is the lao president", ["who is the lao president"]),
        ("спасибо)) а кто президент лаоса вообще", ["а кто президент лаоса вообще"]),
        ("ok 👍 and which ports will they use", ["and which ports will they use"]),
        ("note:Do tell me how much trade grew", []),
    ],
)
def test_focus_finds_the_asking_sentences_and_their_tails(text: str, readings: list[str]) -> None:
    """Short messages are left whole; long ones are read by their question sentences (else the
    last sentence) and each sentence's last clause."""
    assert focus(text) == readings


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("was it an official visit or just passing through?", "en",
         ["was it an official visit", "just passing through?"]),
        ("официальный визит это был или частная поездка?", "ru",
         ["официальный визит это был", "частная поездка?"]),
        ("thăm chính thức hay thăm làm việc?", "vi", ["thăm chính thức", "thăm làm việc?"]),
        ("how much did trade grow?", "en", []),
    ],
)
def test_alternatives(text: str, language: str, expected: list[str]) -> None:
    """A question's alternatives are what comes before its first "or" and what after."""
    assert alternatives(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("who is the Lao head of state who met Putin?", "en", "who is the Lao head of state"),
        ("как зовут президента Лаоса, который вёл переговоры?", "ru", "как зовут президента Лаоса"),
        ("kak zovut prezidenta laosa s kotorym putin vstrechalsya", "ru",
         "kak zovut prezidenta laosa s"),
        ("who announced the new routes?", "en", None),  # "who" opening the question asks
        ("and who announced it, who exactly?", "en", None),
        ("what was on the agenda that day?", "en", None),  # "that" opens no clause here
        # Written without spaces, the question word ending the question asks of the head.
        ("ປະທານປະເທດລາວທີ່ໄປລົມກັບປູຕິນແມ່ນໃຜ", "lo", "ປະທານປະເທດລາວ ໃຜ"),
        ("ທີ່ໃດມີການເຈລະຈາ", "lo", None),  # nothing before the clause word
        # ... its phrase, not a remark after it ("I forgot the name").
        ("ປະທານປະເທດລາວທີ່ໄປລົມກັບປູຕິນແມ່ນໃຜນໍ ລືມຊື່ແລ້ວ", "lo", "ປະທານປະເທດລາວ ໃຜນໍ"),
    ],
)
def test_before_relative(text: str, language: str, expected: str | None) -> None:
    """What comes before a clause describing a thing is the thing asked about."""
    assert before_relative(text, language) == expected


@pytest.mark.parametrize(
    ("names", "text", "part", "inside"),
    [
        (["cambodia"], "I trade with Cambodia. Anyway, how did trade grow?", "how did trade grow?",
         True),
        (["cambodia"], "I trade with Cambodia :) how did trade grow?", "how did trade grow?", True),
        (["2023"], "what about 2023, how much did it grow then?", "how much did it grow then?",
         False),
        ([], "Anyway, how did trade grow?", "how did trade grow?", False),
    ],
)
def test_names_in_the_preamble(names: list[str], text: str, part: str, inside: bool) -> None:
    """Names stand in the preamble when a sentence (or a smiley) ends after them and before
    the question part; a comma does not end one."""
    assert in_preamble(names, text, part) is inside


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("Is corn on the export list", "Is corn on the export list"),
        ("hi, I export maize. Is corn on the export list", "Is corn on the export list"),
        ("student here :) who is the lao president", "who is the lao president"),
        ("", ""),
    ],
)
def test_last_sentence(text: str, last: str) -> None:
    """The last sentence of a text is what follows its last sentence boundary."""
    assert last_sentence(text) == last


def test_sentences_of() -> None:
    """A text's sentences are cut where `focus` cuts them: at a full stop, a question mark,
    a line break or a smiley."""
    assert sentences_of("Is tea listed? I grow it :) thanks") == ["Is tea listed?", "I grow it",
                                                                  "thanks"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd like to import a long list of tasks into trello, what's the easiest way to do "
         "this?", "I'd like to import a long list of tasks into trello"),
        ("what about making clothes and fabric - did that come up?",
         "what about making clothes and fabric"),
        ("trade went up 66% in 2024, but how much is that in US dollars?", None),
        ("how much did trade grow?", None),
    ],
)
def test_before_frame(text: str, expected: str | None) -> None:
    """What comes before a last clause pointing back at it ("... do this?") is what is
    asked; a last clause asking a number of it is a question of its own."""
    def frames(clause: str) -> bool:
        return " this" in clause or " that come" in clause

    assert before_frame(text, frames) == expected
