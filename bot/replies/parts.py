"""Message parts: what a reply says, as styled text runs and buttons, before any formatting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Style = Literal["", "b", "i"]
# Some parts belong to one kind of channel: Telegram shows the echo, the source and buttons;
# plain text (the console, `ask`) lists the choices as lines instead.
Channel = Literal["all", "rich", "plain"]
ButtonKind = Literal["fact", "topic", "language", "topics"]


@dataclass(frozen=True)
class Part:
    """A run of plain text in one style; renderers escape it."""

    text: str
    style: Style = ""
    channel: Channel = "all"


@dataclass(frozen=True)
class Button:
    """A button as data: its label and the action it asks for."""

    label: str
    kind: ButtonKind
    value: str = ""


@dataclass(frozen=True)
class Reply:
    """One message: its parts and rows of buttons."""

    parts: tuple[Part, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True)
class InlineEntry:
    """One inline-mode result: a title, a short description and the message it sends."""

    fact_id: str
    title: str
    description: str
    reply: Reply
