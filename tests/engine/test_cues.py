"""Tests for bot.engine.cues: overview and "more" requests, questions leaning on an answer."""

from __future__ import annotations

import pytest

from bot.engine.cues import (
    after_more,
    after_opening,
    asks_itself,
    asks_more,
    asks_overview,
    asks_with_word,
    from_asking,
    leans_back,
    names_article,
    narrows_back,
    overview_cut,
    without_others,
    written_after,
)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("What is this article about?", "en", True),
        ("whats it about", "en", True),
        ("summary", "en", True),
        ("summry", "en", True),
        ("tl;dr", "en", True),
        ("can you give me a summary of the article please", "en", True),
        ("main points", "en", True),
        ("explain it like I'm 5", "en", True),  # the idiom for "in the simplest words"
        ("what happened to trade", "en", False),
        ("summary of the nuclear road map", "en", False),
        ("О чём эта статья?", "ru", True),
        ("краткое содержание", "ru", True),
        ("кратко, о чём статья?", "ru", True),
        ("briefly, what is the article about", "en", True),
        ("Насколько вырос товарооборот?", "ru", False),
        ("tóm tắt", "vi", True),
        ("ສະຫຼຸບ", "lo", True),
        ("ສະຫຼຸບເນື້ອໃນຫຼັກຂອງຂ່າວນີ້ໃຫ້ແດ່", "lo", True),  # summarise, main content: two cues
        # "So, in the end, ...": the cue word begins a sentence that asks something else.
        ("ສະຫຼຸບແລ້ວສອງປະເທດເຊັນສັນຍາດ້ານການທະຫານກັນແມ່ນບໍ?", "lo", False),
        # "What does this article talk about": the article and a question word, nothing else.
        ("ບົດຄວາມນີ້ເວົ້າກ່ຽວກັບຫຍັງ", "lo", True),
        ("ບົດຄວາມນີ້ເວົ້າກ່ຽວກັບຫຍັງ?", "lo", True),  # a question mark is no word
        ("ບົດຄວາມນີ້ເວົ້າກ່ຽວກັບກາເຟບໍ", "lo", False),
        ("ບົດຄວາມນີ້ເວົ້າກ່ຽວກັບກາເຟບໍ?", "lo", False),
        ("could u sumarize the articel please", "en", True),
        ("дай краткое содержанее статьи", "ru", True),
        ("summarise the bauxite plans", "en", False),
        ("what are the main points?", "en", True),
        ("what is the main point of this story", "en", True),  # another form of a cue word
        ("what's the story here", "en", True),
        ("where is this article from?", "en", False),
        ("откуда эта новость", "ru", False),
        ("bai nay noi ve cai gi vay", "vi", True),
        ("what does the article say?", "en", True),
        ("что говорится в статье?", "ru", True),
        ("what does the article say about bauxite", "en", False),
        ("summarizing the article please", "en", True),  # another form of "summary"
        ("резюмируй статью", "ru", True),
        ("текстиль", "ru", False),  # begins like "текст", is no form of it
        # "Story" in each language names the article too; in Lao, with or without a verb.
        ("Bài báo này nói về chuyện gì vậy?", "vi", True),
        ("ເລື່ອງນີ້ກ່ຽວກັບຫຍັງ", "lo", True),
        ("ຂ່າວນີ້ກ່ຽວກັບຫຍັງ", "lo", True),
        ("ຂ່າວນີ້ກ່ຽວກັບກາເຟບໍ", "lo", False),
        # Asking whether it says (of the question before) is no request for what it says.
        ("does it say", "en", False),
        ("does the article mention it?", "en", False),
        ("в статье есть ли?", "ru", False),
        ("bài báo có nói không", "vi", False),
        # Typed without marks, a phrase whose marked word is kept apart from a stopword.
        ("noi dung chinh la gi", "vi", True),
        ("nội dung chính là gì", "vi", True),
    ],
)
def test_asks_overview(text: str, language: str, expected: bool) -> None:
    """An overview request is recognised whole or with only stopwords and question words
    around it, typos in its words allowed; so is a message naming nothing but the article,
    unless it asks who, where, when or only whether."""
    assert asks_overview(text, language) is expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("tell me more", "en", True),
        ("what else?", "en", True),
        ("more please", "en", True),
        ("more about trade with vietnam", "en", False),
        ("ещё", "ru", True),
        ("расскажи подробнее", "ru", True),
        ("что ещё обсуждали на переговорах", "ru", False),
        # "and" with a question word asks its own question.
        ("and by whom", "en", False),
        ("and what else?", "en", True),
        ("а кто?", "ru", False),
    ],
)
def test_asks_more(text: str, language: str, expected: bool) -> None:
    """A request for more is a whole message, not a question that happens to say "more"."""
    assert asks_more(text, language) is expected


@pytest.mark.parametrize(
    ("text", "language", "subjects", "expected"),
    [
        ("when?", "en", 0, True),
        ("who announced it?", "en", 1, True),
        ("and in 2025?", "en", 1, True),
        ("what about bauxite?", "en", 1, True),
        ("how much did trade grow", "en", 2, False),
        ("which routes does Russia plan through the ports of Vietnam and China", "en", 0, False),
        # The article named, and nothing pointing back: a question of the article.
        ("where is this news from?", "en", 0, False),
        ("is it in the article?", "en", 0, True),
        ("а кто это объявил?", "ru", 1, True),
        ("Насколько вырос товарооборот?", "ru", 2, False),
        # Written without spaces, the continuation is glued to what follows.
        ("ແລ້ວປີ 2025 ເດ?", "lo", 1, True),
        ("ແລ້ວ", "lo", 1, False),
        # A few words opening with a preposition go on with the last question.
        ("for military use?", "en", 2, True),
        ("what's his role here?", "en", 1, True),  # a possessive points back too
        ("for how many years is the road map?", "en", 2, False),
    ],
)
def test_leans_back(text: str, language: str, subjects: int, expected: bool) -> None:
    """A short question leans on the last answer when it names nothing, points back or
    opens as a continuation; one naming its own subject stands alone."""
    assert leans_back(text, language, subjects) is expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("who announced the routes?", "en", True),
        ("Russia", "en", False),
        ("russia growing", "en", False),
        ("кто это объявил?", "ru", True),
        ("лаоса что обсуждали", "ru", False),
        ("какое агентство опубликовало новость", "ru", True),  # every form of "какой"
        ("какую страну пройдёт железная дорога", "ru", True),
        ("какого числа было заявление", "ru", True),
        ("thương mại tăng bao nhiêu", "vi", True),
        ("through which countries will the railway run", "en", True),
        ("на какой срок дорожная карта", "ru", True),
        ("qua nước nào", "vi", True),
        # A preposition of several words, the first a particle too.
        ("а во время какого визита это было?", "ru", True),
        ("in the course of which visit", "en", True),
        ("во время визита", "ru", False),
        # A question word alone asks too ("what are the routes? why?").
        ("why", "en", True),
        ("почему", "ru", True),
        ("russia", "en", False),
        # A closing particle comes after the word that asks.
        ("Nga định vận chuyển hàng qua những đâu vậy?", "vi", True),
        ("trade with them", "en", False),
        # An opening particle comes before it.
        ("so whats the deal with hydropower", "en", True),
        ("hey what did they sign", "en", True),
        ("ну что подписали", "ru", True),
        ("so the railway", "en", False),
        ("обсуждали ли текстиль", "ru", True),  # "ли" asks from after the first word
        # A question word made indefinite ("где-то", somewhere) asks nothing.
        ("где-то читал об этом", "ru", False),
        ("кто-нибудь в курсе", "ru", False),
        ("có ký hợp đồng ko", "vi", True),  # "ko", không as typed in chats
    ],
)
def test_asks_itself(text: str, language: str, expected: bool) -> None:
    """A part of a message is a question of its own when it opens (after opening particles
    and a preposition, if any) or ends (before closing particles) with a word that asks, or
    has a particle asking from just after its first word."""
    assert asks_itself(text, language) is expected


@pytest.mark.parametrize(
    ("text", "language", "tail"),
    [
        ("as a student of economics I'd like to understand which metals are mined?", "en",
         "which metals are mined?"),
        ("я студент, хочу понять через какие порты пойдут грузы", "ru",
         "через какие порты пойдут грузы"),
        ("which metals are mined?", "en", None),  # nothing before the word that asks
        ("через какие порты пойдут грузы", "ru", None),  # the preposition asks with it
        ("правда что наши золото добывают", "ru", None),  # a claim, not a preamble
        ("а в 2023 году торговля насколько выросла?", "ru", None),  # the year is asked of
        ("thương mại tăng bao nhiêu?", "vi", None),  # Vietnamese asks in place
    ],
)
def test_from_asking(text: str, language: str, tail: str | None) -> None:
    """The last sentence from the first word that asks, when a preamble comes before it."""
    assert from_asking(text, language) == tail


@pytest.mark.parametrize(
    ("text", "language", "cut"),
    [
        ("we argued all day. in short, what are they mining?", "en",
         ("we argued all day", "what are they mining")),
        ("summary of the trade figures", "en", ("", "of the trade figures")),
        ("hi! give me the main points please", "en", ("hi give me the", "please")),
        ("how much did trade grow", "en", None),
        ("кратко про ядерное сотрудничество", "ru", ("", "про ядерное сотрудничество")),
        ("что в итоге подписали", "ru", None),  # "в итоге", in the end, is no "итог"
        ("ບົດຄວາມນີ້ກ່ຽວກັບຫຍັງ", "lo", ("", "")),
    ],
)
def test_overview_cut(text: str, language: str, cut: tuple[str, str] | None) -> None:
    """The words before and after the longest overview cue; None without one."""
    assert overview_cut(text, language) == cut


@pytest.mark.parametrize(
    ("text", "language", "written"),
    [
        ("we argued all day. In short, what are they Mining?", "en", "what are they Mining?"),
        ("tóm tắt giúp: Nga đã ký những văn bản gì?", "vi", "giúp: Nga đã ký những văn bản gì?"),
        ("ຊ່ວຍສະຫຼຸບແດ່ ສອງຝ່າຍເຊັນຫຍັງ?", "lo", "ແດ່ ສອງຝ່າຍເຊັນຫຍັງ?"),
        ("in short", "en", ""),
    ],
)
def test_written_after(text: str, language: str, written: str) -> None:
    """The words after an overview cue come back as the message writes them."""
    cut = overview_cut(text, language)
    assert cut is not None
    assert written_after(text, language, cut[1]) == written


@pytest.mark.parametrize(
    ("text", "language", "rest"),
    [
        ("tell me more about the talks", "en", "about the talks"),
        ("more details on the railway", "en", "on the railway"),
        ("tell me more", "en", None),
        ("and who announced it", "en", None),
        ("расскажи подробнее про бокситы", "ru", "про бокситы"),
    ],
)
def test_after_more(text: str, language: str, rest: str | None) -> None:
    """The words after a request for more that opens the message, not after "and"."""
    assert after_more(text, language) == rest


@pytest.mark.parametrize(
    ("text", "language", "rest"),
    [
        ("any other industries?", "en", "any industries"),
        ("what else did they discuss", "en", "what did they discuss"),
        ("and besides farming?", "en", "and besides farming"),
        ("какие ещё отрасли?", "ru", "какие отрасли"),
        ("а кроме сельского хозяйства?", "ru", "а кроме сельского хозяйства"),
        # "bàn" (discuss) keeps a mark of its own ("n" with a line below): it is no "bạn"
        # (you), a stopword.
        ("hai bên có bàn thêm ngành nào khác không", "vi",
         "hai ben co ba\u1e49 them nganh nao khong"),
    ],
)
def test_without_others_drops_what_points_away_from_the_last_answer(
        text: str, language: str, rest: str) -> None:
    """"Other" and "else" leave a follow-up; what sets a named thing aside stays."""
    assert without_others(text, language) == rest


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("hi, I'm a student writing a report, I want to know how much trade grew", "en",
         "how much trade grew"),
        ("Я студентка, пишу доклад. Подскажите, через какие страны?", "ru",
         "через какие страны?"),
        ("chao bot, minh la sinh vien, cho minh hoi lao xuat khau gi", "vi", "lao xuat khau gi"),
        ("ຂ້ອຍເປັນນັກສຶກສາ ຢາກຖາມວ່າປີ 2024 ການຄ້າເພີ່ມຂຶ້ນຈັກເປີເຊັນ", "lo",
         "ປີ 2024 ການຄາເພີມຂຶນຈັກເປີເຊັນ"),
        ("how much did trade grow", "en", None),
        ("I want to know", "en", None),  # nothing after it
    ],
)
def test_after_opening(text: str, language: str, expected: str | None) -> None:
    """What follows the last phrase opening a question is the question part, as read."""
    assert after_opening(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "narrows"),
    [
        ("only for power plants?", "en", True),
        ("just for power plants, or more than that?", "en", True),
        ("только для АЭС?", "ru", True),
        ("chỉ cho điện thôi à?", "vi", True),
        ("ສະເພາະໄຟຟ້າບໍ", "lo", True),
        # The other alternative, however long, adds nothing to what is narrowed.
        ("just for power plants or other uses as well", "en", True),
        ("только для электростанций или ещё для каких-то других целей?", "ru", True),
        ("only for power plants in the north of the country and nothing else", "en", False),
        ("just tell me the figures", "en", False),  # no preposition: a request of its own
        ("what is it for?", "en", False),
    ],
)
def test_narrows_back(text: str, language: str, narrows: bool) -> None:
    """A short message opening with "only" and a preposition narrows the last answer."""
    assert narrows_back(text, language) is narrows



@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("статья от какого числа", "ru", True),
        ("bai nay cua bao nao", "vi", True),
        ("who wrote the piece?", "en", True),
        ("how much did trade grow?", "en", False),
        ("ຂ່າວນີ້ລົງວັນທີເທົ່າໃດ", "lo", True),
    ],
)
def test_names_article(text: str, language: str, expected: bool) -> None:
    """A text names the article itself by one of its language's words for it."""
    assert names_article(text, language) is expected


@pytest.mark.parametrize(("text", "language", "asking"), [
    ("does it say", "en", False),
    ("is there any way to tell?", "en", False),
    ("where?", "en", True),
    ("when will it be finished?", "en", True),
    ("об этом говорится?", "ru", False),
    ("а когда?", "ru", True),
])
def test_asks_with_word(text: str, language: str, asking: bool) -> None:
    """A part asking with a question word asks what it names; one asking only whether not."""
    assert asks_with_word(text, language) is asking
