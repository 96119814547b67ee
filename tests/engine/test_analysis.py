"""Tests for bot.engine.analysis: folding, words, stopwords, stemming and synonyms."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.analysis import Analyzer
from bot.engine.reading import fold, reader, words
from bot.knowledge import Knowledge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ёлка", "елка"),
        ("ＴＲＡＤＥ", "trade"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    """Folding applies NFKC, case-folding and ё→е."""
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How much did trade grow?!", ["how", "much", "did", "trade", "grow"]),
        ("66% in 2025-2026", ["66", "%", "in", "2025", "2026"]),
        ("<b>trade</b> & <a href='x'>co</a>", ["trade", "co"]),
        ("a < b > c", ["a", "b", "c"]),
        ("🙂🙂 ???", []),
        ("Laos' water", ["laos", "water"]),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    """Words keep letters and numbers and drop punctuation, HTML tags and emoji."""
    assert words(text) == expected


def test_analyzer_merges_synonyms_and_drops_stopwords() -> None:
    """Synonyms map to one canonical token, inflections stem together, stopwords vanish."""
    analyzer = Analyzer("en", [["grow", "increase", "rise"]])
    assert analyzer.tokens("How did the trade increase?") == ("how", "trade", "grow")
    assert analyzer.tokens("trades rising") == analyzer.tokens("trade rise")


@pytest.mark.parametrize(
    ("language", "synonyms", "said", "same_as"),
    [
        ("en", [], "maize", "corn"),
        ("vi", [], "đậu phộng", "lạc"),
        # A word the knowledge base groups is read as its group: the equivalent joins it.
        ("en", [["railroad", "train"]], "railway", "train"),
    ],
)
def test_equivalents_read_as_one_word(language: str, synonyms: list[list[str]], said: str,
                                      same_as: str) -> None:
    """Words the language file says name the same thing read as one token, after the
    knowledge base's own synonyms (two syllables also as their syllables)."""
    analyzer = Analyzer(language, synonyms)
    assert set(analyzer.tokens(same_as)) <= set(analyzer.tokens(said))


def test_russian_inflections_stem_together() -> None:
    """Russian case forms stem together (товарооборот / товарооборота, порты / портов)."""
    analyzer = Analyzer("ru")
    assert analyzer.tokens("товарооборота") == analyzer.tokens("товарооборот")
    assert analyzer.tokens("портов") == analyzer.tokens("порты")
    assert analyzer.tokens("Ёмкость") == analyzer.tokens("емкость")


@pytest.mark.parametrize(("language", "word"), [("en", "percent"), ("lo", "ສ່ວນຮ້ອຍ")])
def test_percent_sign_is_a_word(language: str, word: str) -> None:
    """The percent sign counts as the language's word for it, cut as that word is (Lao)."""
    analyzer = Analyzer(language)
    assert analyzer.tokens("66%") == analyzer.tokens(f"66 {word}")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("Из-за чего открывают маршруты", "почему чего открывают маршруты"),
        ("из за чего открывают маршруты", "почему чего открывают маршруты"),
        ("слушай, а что насчёт бокситов", "что бокситы"),
        ("Россия решила расширять перевозки", "Россия расширять перевозки"),
        ("а торговля сильно выросла?", "торговля выросла"),
        ("что делают компании", "что компании"),
    ],
)
def test_russian_compounds_and_filler(text: str, same_as: str) -> None:
    """"из-за" is one word meaning "because", and filler ("слушай", "насчёт", "решила") drops."""
    analyzer = Analyzer("ru", [["почему", "изза"]])
    assert analyzer.tokens(text) == analyzer.tokens(same_as)


def test_misspelt_russia_is_not_growth(knowledge: Knowledge) -> None:
    """A misspelt "России" never turns into a word for growth through a shared stem."""
    analyzer = Analyzer("ru", knowledge.synonyms["ru"])
    assert analyzer.tokens("росии") != analyzer.tokens("рост")


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("boksit upominaetsya", "боксит упоминается"),
        ("chto planiruetsya", "что планируется"),
        ("ulitsa", "улица"),
        ("boksity upominayutsa", "бокситы упоминаются"),
        ("interesuetsa", "интересуется"),
        ("4to podpisali v 2025", "что подписали в 2025"),
        ("e6e obsuzhdali voob6e za 6 mesyacev", "еще обсуждали вообще за 6 месяцев"),
        ("marwruty i soglawenie", "маршруты и соглашение"),
        ("rossi9 i 9 stran", "россия и 9 стран"),
        ("rossiq i zheleznaq doroga", "россия и железная дорога"),
    ],
)
def test_romanized_russian_reflexive_ending(latin: str, cyrillic: str) -> None:
    """Russian typed in Latin letters reads "-tsya" and "-etsa", "-utsa" as the reflexive
    "-тся", "ts" elsewhere as "ц", "4", "6" and "9" inside a word as "ч", "щ" and "я" (not
    in "2025" nor alone), "w", drawn like "ш", as "ш", and "q", drawn like "я" turned, as "я"."""
    analyzer = Analyzer("ru")
    assert analyzer.tokens(latin) == analyzer.tokens(cyrillic)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("rossiyskie kompanii", "российские компании"),
        ("rossiya", "россия"),
        ("kakiye", "какие"),
        ("novyy", "новый"),
        ("stroyka", "стройка"),
    ],
)
def test_romanized_russian_y_after_a_vowel(latin: str, cyrillic: str) -> None:
    """Russian typed in Latin letters reads "y" after a vowel as "й", and "ya", "yu", "ye"
    after one as the vowels "я", "ю", "е"."""
    assert reader("ru").normal(latin) == cyrillic


@pytest.mark.parametrize("word", ["ест", "нибуд", "есть", "нибудь"])
def test_stopwords_are_also_read_without_the_letters_romanization_drops(
        engine: Engine, word: str) -> None:
    """Russian typed in Latin letters leaves out the soft sign: "est" is still "есть"."""
    assert engine.index("ru").analyzer.token(word) is None


def test_a_romanized_question_without_soft_signs_is_answered(engine: Engine) -> None:
    """"pro tekstil chto-nibud est?" asks about textiles, nothing else."""
    decision = engine.decide("pro tekstil chto-nibud est?")
    assert (decision.kind, decision.fact_id) == ("fact", "textile_hydropower")


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        ("buôn bán giữa hai nước", "thương mại giữa hai nước"),
        ("buon ban giua hai nuoc", "thương mại giữa hai nước"),
        ("tàu hỏa qua Trung Quốc", "đường sắt qua Trung Quốc"),
    ],
)
def test_a_two_syllable_vietnamese_synonym_is_one_word(
        engine: Engine, text: str, same_as: str) -> None:
    """A Vietnamese synonym written in two syllables, with or without marks, is read as its
    group's word too."""
    analyzer = engine.index("vi").analyzer
    group_word = next(token for token in analyzer.tokens(same_as) if "_" in token)
    assert group_word in analyzer.tokens(text)


@pytest.mark.parametrize(
    ("text", "same_as"),
    [("buôn bán", "thương mại"), ("chủ tịch", "tổng thống"), ("chu tich", "tổng thống")],
)
def test_a_two_syllable_vietnamese_synonym_has_its_group_words_syllables(
        engine: Engine, text: str, same_as: str) -> None:
    """A synonym read as its group's word has every word the group's own word has."""
    analyzer = engine.index("vi").analyzer
    assert set(analyzer.tokens(same_as)) <= set(analyzer.tokens(text))


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # "Tổng thống" of Putin, "chủ tịch nước" of Thongloun: one title, as in English.
        ("Chủ tịch nước Lào hội đàm với Putin tên là gì ạ? em quên mất", "thongloun"),
        ("Tổng thống Lào tên gì nhỉ?", "thongloun"),
        ("Trong buổi hội đàm, hai nước bàn về những mảng nào?", "talks_topics"),  # fields
        ("Lào có quan tâm tới điện nguyên tử không?", "nuclear_interest"),  # interest
    ],
)
def test_vietnamese_words_mean_what_their_english_groups_do(
        engine: Engine, question: str, fact_id: str) -> None:
    """Vietnamese has the synonym groups English has (titles, fields, interest): a question
    in another of the group's words is answered."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", fact_id)


def test_two_syllable_synonyms_only_where_words_are_syllables() -> None:
    """A synonym with a space means nothing in a language whose words are written whole."""
    analyzer = Analyzer("en", [["trade", "buy sell"]])
    assert analyzer.tokens("buy sell") == ("buy", "sell")


def test_a_synonym_written_in_several_words_is_one_token_without_a_space() -> None:
    """A group led by a phrase ("power plant") reads its members as one token with no space,
    since a fact's phrasings are kept as their tokens joined by spaces."""
    analyzer = Analyzer("en", [["power plant", "powerplant", "powerstation"]])
    assert analyzer.token("powerstation") == analyzer.token("powerplant")
    assert " " not in (analyzer.token("powerplant") or " ")
