"""Tests for bot.engine.ranker: a question's language, what it asks, and the facts ranked."""

from __future__ import annotations

import pytest

from bot.engine import Engine


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("how much did trade grow?", "en"),
        ("насколько вырос товарооборот?", "ru"),
        ("ການຄ້າເພີ່ມຂຶ້ນເທົ່າໃດ?", "lo"),
        ("thương mại tăng bao nhiêu?", "vi"),
    ],
)
def test_language_of_reads_the_script_and_words(engine: Engine, question: str,
                                                language: str) -> None:
    """A question is read in the language it is written in."""
    assert engine.ranker.language_of(question) == language


@pytest.mark.parametrize(
    ("question", "number", "person", "money"),
    [
        ("how much did trade grow?", True, False, False),
        ("who announced the new routes?", False, True, False),
        ("why does russia want new routes?", False, False, False),
        # A price is an amount of money: a fact giving only percentages or dates cannot
        # answer it ("the price of lao tea", "how much will it cost").
        ("what is the price of lao tea?", False, False, True),
        ("how much will the railway cost?", True, False, True),
    ],
)
def test_asks_reads_a_number_a_person_and_money(engine: Engine, question: str, number: bool,
                                                person: bool, money: bool) -> None:
    """What a question asks beside its words: a number, a person, an amount of money."""
    asks = engine.ranker.asks(question, "en")
    assert asks.number is number
    assert (asks.person is not None) is person
    assert (asks.money is not None) is money


def test_rank_puts_the_fact_sharing_the_words_first(engine: Engine) -> None:
    """The fact whose words the question shares, misspelt or not, is ranked first."""
    ranked = engine.ranker.rank("bauxit mines", "en")
    assert ranked[0].fact_id == "bauxite"
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)


def test_rank_gives_each_caller_a_list_of_its_own(engine: Engine) -> None:
    """A ranking remembered is handed out as a new list, so a caller may change it."""
    first = engine.ranker.rank("hydropower", "en")
    first.clear()
    assert engine.ranker.rank("hydropower", "en")


@pytest.mark.parametrize(("word", "subject"), [("Laos", True), ("Russia", True),
                                                ("bauxite", False), ("Thailand", False)])
def test_names_subject_is_one_of_the_article_subjects(engine: Engine, word: str,
                                                      subject: bool) -> None:
    """Only the article's main subjects are subjects; a fact's word or another country is not."""
    assert engine.ranker.names_subject(word, "en") is subject


@pytest.mark.parametrize("question", ["is a price given for the tea exports?",
                                      "price of lao rice", "какая цена на лаосский чай?"])
def test_a_price_is_not_answered_by_a_list_of_exports(engine: Engine, question: str) -> None:
    """Asking a price asks a number: the export list, which gives none, does not answer it."""
    assert engine.decide(question).kind != "fact"


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Which cereal grains were named as Lao export items?", "agri_exports"),
        ("какие зерновые культуры называются в тексте", "agri_exports"),
        # One thing of a kind is no list of its names: the companies are still not named.
        ("как называются российские компании, которые добывают металлы", None),
        # A country a fact names is no name of anything else asked: the railway's, the
        # ports'. Asked of a person, the fact naming them gives it.
        ("what is the railway through China called?", None),
        ("what are the names of the ports they will use?", None),
        ("what's the name of the Lao president?", "thongloun"),
    ],
)
def test_names_asked_of_a_kind_a_fact_lists(engine: Engine, question: str,
                                            answered: str | None) -> None:
    """Asked the names of a kind of thing, a fact listing two or more things of it gives
    them; a fact naming one such thing does not."""
    decision = engine.decide(question)
    assert (decision.fact_id if decision.kind == "fact" else None) == answered


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("nga co dinh lam mo boxit o lao ko", "bauxite"),
        ("Lào có lợi thế gì mà hai bên lại bàn chuyện làm thủy điện?", "textile_hydropower"),
    ],
)
def test_a_verb_of_doing_names_nothing(engine: Engine, question: str, fact_id: str) -> None:
    """"Làm" (do, make) before what is done names nothing itself, as English "do" does not:
    the mine or the hydropower named after it is what is asked about."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


@pytest.mark.parametrize(
    "question",
    ["как зовут президента лаоса, напомни", "kak zovut prezidenta laosa napomnite",
     "what's the lao president's name again?"],
)
def test_asking_to_be_reminded_asks_nothing_more(engine: Engine, question: str) -> None:
    """"Remind me" ("напомни", "again") asks nothing of the article: the name asked is."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "thongloun")
