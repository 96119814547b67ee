"""End-to-end tests of the callback-button handler, against the fake Bot API."""

from __future__ import annotations

import pytest
from botapi import FakeBotApi
from harness import after_sentinel, buttons, sent_messages

from bot.telegram.app import App


async def test_topics_browse_flow(app: App, server: FakeBotApi) -> None:
    """/topics → a topic button edits in its questions → a question sends its answer → back
    edits the topic list in again; every press is acknowledged."""
    server.command("/topics")
    listing = (await sent_messages(server))[0]
    topic_buttons = buttons(listing)
    assert ("Trade", "t:trade") in topic_buttons and len(topic_buttons) == 10
    message_id = 7000
    server.callback_query("t:transport", message_id=message_id)
    edit = (await server.await_calls("editMessageText"))[0]
    assert edit["message_id"] == message_id and "Transport routes" in edit["text"]
    choices = buttons(edit)
    assert choices[-1] == ("« Topics", "topics")
    assert {"f:new_routes", "f:routes_reason", "f:routes_purpose"} <= {d for _, d in choices}
    server.callback_query("f:new_routes", message_id=message_id)
    answer = (await sent_messages(server, 2))[1]
    assert "Vietnam" in answer["text"] and "<i>Source:" in answer["text"]
    server.callback_query("topics", message_id=message_id)
    back = (await server.await_calls("editMessageText", 2))[1]
    assert buttons(back) == topic_buttons
    acknowledged = await server.await_calls("answerCallbackQuery", 3)
    assert all("text" not in call for call in acknowledged)


@pytest.mark.parametrize(
    "data",
    [
        "f:../../etc",
        "x" * 64,
        "f:" + "a" * 62,
        "€" * 30,
        "f:unknown_fact",
        "t:no_such_topic",
        "l:de",
        "topics:extra",
        "f:trade_growth\n",
        "",
    ],
)
async def test_tampered_button_gets_polite_notice(
    app: App, server: FakeBotApi, data: str
) -> None:
    """A stale, tampered or unknown button is answered with a polite notice and nothing else."""
    server.callback_query(data, message_id=9000)
    notice = (await server.await_calls("answerCallbackQuery"))[0]
    assert notice["text"] == "That button has expired. Please ask again."
    assert await after_sentinel(server) == []
    assert not server.calls_to("editMessageText")
