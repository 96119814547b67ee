"""Tests for bot.engine.reading: language files' patterns, read as each language reads text."""

from __future__ import annotations

import pickle

import pytest

from bot.engine import Engine
from bot.engine.reading import filler, fold, in_own_script, own_word, read_pattern, reader, words


@pytest.mark.parametrize(
    ("pattern", "language", "text"),
    [
        (r"\bdoes\s+the\s+article\s+say\b", "en", "what does the article say about it"),
        ("упомина[а-я]*", "ru", "бокситы упоминаются?"),
        ("упомина[а-я]*", "ru", "boksity upominayutsya"),  # read in Cyrillic first
        # "Bản" is kept apart from the stopword "bạn" when marked; unmarked, it reads as it.
        (r"bản\s+tin\s+nói", "vi", "bản tin nói gì"),
        (r"bản\s+tin\s+nói", "vi", "ban tin noi gi"),
    ],
)
def test_a_pattern_is_read_as_the_language_reads_text(pattern: str, language: str,
                                                      text: str) -> None:
    """A pattern matches text written as people write it in the language."""
    assert read_pattern(pattern, language).search(reader(language).normal(text))


def test_an_escape_the_language_would_misread_is_refused() -> None:
    """Russian reads a Latin "w" as "в", so "\\w" is refused with a message saying why."""
    with pytest.raises(ValueError, match="write the letters out"):
        read_pattern(r"упомина\w*", "ru")


@pytest.mark.parametrize("language", ["en", "ru", "vi", "lo"])
def test_every_shipped_filler_reads(language: str) -> None:
    """Every shipped language's filler compiles as its language reads it."""
    assert filler(language).pattern


@pytest.mark.parametrize(
    ("text", "word", "particle"),
    [
        ("ມີເວົ້າເຖິງອ້ອຍບໍ່", "ອອຍ", "ບໍ"),  # is sugarcane mentioned? (tone marks folded)
        ("ບໍລິສັດຂຸດແຮ່ຫຍັງແດ່", "ຫຍັງ", "ແດ"),  # what do companies dig, please
    ],
)
def test_a_lao_particle_closing_a_sentence_stands_apart(text: str, word: str,
                                                         particle: str) -> None:
    """A particle glued to the end of a Lao sentence is a token of its own, and the word
    before it makes no n-gram with it."""
    tokens = reader("lo").prepare(text).split()
    assert tokens[-2:] == [word, particle]


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("ທາງລົດໄຟຈະເປີດເມື່ອໃດ", "ເມືອໃດ"),  # when
        ("ເປັນຫຍັງຣັດເຊຍຈຶ່ງຂະຫຍາຍເສັ້ນທາງ", "ເປັນຫຍັງ"),  # why, not "what" inside it
    ],
)
def test_lao_question_words_stay_whole(text: str, whole: str) -> None:
    """In Lao, cut into 3-grams, a question word is one token, not n-grams with its neighbours."""
    tokens = reader("lo").prepare(text).split()
    assert whole in tokens
    assert not any(whole[:2] in token and token != whole for token in tokens)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what came up in the talks", ["what", "discussed", "in", "the", "talks"]),
        ("are they teaming up on energy", ["are", "they", "cooperate", "on", "energy"]),
        ("are they working together on energy", ["are", "they", "cooperate", "on", "energy"]),
        ("how much did trade go up", ["how", "much", "did", "trade", "go", "up"]),  # growth
        ("income upside", ["income", "upside"]),  # whole words only
        ("what’s the deal with dams", ["what", "about", "dams"]),  # no deal is meant
        ("was there a deal on water", ["was", "there", "a", "deal", "on", "water"]),
        # The news's own place and time, not a period or a direction.
        ("any mining over there right now", ["any", "mining", "there", "now"]),
        ("over what period", ["over", "what", "period"]),
    ],
)
def test_a_verb_and_its_particle_read_as_what_they_mean(text: str, expected: list[str]) -> None:
    """An English verb with a particle that changes it is read as the word it means, and
    the particle alone stays what it is."""
    assert words(reader("en").normal(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bao nhiêu đô la", ["baonhieu", "dola"]),  # dollars, written with its marks
        ("Đó là chuyến thăm gì?", ["do", "la", "chuyen", "tham", "gi"]),  # "that is", not dollars
        ("viet nam", ["vietnam"]),  # a name is one word however it is typed
    ],
)
def test_words_joined_only_with_their_marks(text: str, expected: list[str]) -> None:
    """Vietnamese words joined only as written with marks are not joined where another
    phrase reads the same without them."""
    assert words(reader("vi").normal(text)) == expected


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("what does the article say about bauxite", "what about bauxite"),
        ("what is the article saying in general", "what in general"),
        ("what the news says about hydropower", "what about hydropower"),
        ("what did china say", "what did china say"),  # what someone said is the question
        # A request's frame names nothing: what follows it is asked.
        ("is there a way to see the trade figures", "see the trade figures"),
        ("what's the easiest way to get the source", "get the source"),
        ("is it possible to ship via china", "ship via china"),
    ],
)
def test_english_filler_is_what_the_article_says(text: str, rest: str) -> None:
    """"What the article says" and a request's frame ("is there a way to") ask about what
    follows; what someone else said is asked."""
    assert " ".join(filler("en").sub(" ", reader("en").normal(text)).split()) == rest


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("ảnh", "anh"),  # photo, not "anh" (you)
        ("bán", "ban"),  # sell, not "bạn" (friend)
        ("vận", "van"),  # "vận tải", transport
    ],
)
def test_a_marked_word_is_no_stopword_it_only_folds_onto(marked: str, plain: str) -> None:
    """Typed with its marks, a word is a stopword only as written; typed without them, it
    may be any word of those letters, stopwords included."""
    from bot.engine.analysis import Analyzer

    analyzer = Analyzer("vi")
    assert analyzer.tokens(marked) and not analyzer.tokens(plain)
    assert analyzer.tokens("tôi") == analyzer.tokens("toi") == ()


def test_a_photo_question_typed_with_marks_asks_about_the_photo(engine: Engine) -> None:
    """"Ảnh" (photo) once read as "anh" (you), a stopword: the question named no photo."""
    decision = engine.decide("nguồn ảnh trong bài ghi là của trang nào thế")
    assert (decision.kind, decision.fact_id) == ("fact", "photo")


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("seichas", "сейчас"),  # "i" for й: a word the language file names (a stopword)
        ("voobshe", "вообще"),  # "sh" for щ
        ("kakoi", "какой"),  # a question word
        ("zdravstvuite", "здравствуйте"),  # small talk
        ("stoit", "стоит"),  # a reading of no listed word stays as the table reads it
        ("moi", "мои"),
        ("statya", "статья"),  # a soft sign left out of a word the language file names
        ("stat'ya", "статья"),
        ("statje", "статье"),  # "j" for the soft sign before a vowel
    ],
)
def test_an_open_letter_is_read_as_the_listed_word_it_makes(latin: str, cyrillic: str) -> None:
    """A Latin spelling that leaves a letter open ("i": и or й) reads as the word of the
    language file that one of its readings is, and as the table reads it otherwise."""
    assert reader("ru").normal(latin) == cyrillic


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("vizit byl oficialnyj ili net?", "ru", "визит был официалный или нет?"),
        ("ok, 4to s rudoy", "ru", "ок, что с рудой"),
        # Some Cyrillic typed: the language's own script already, left as typed.
        ("vizit был официальный?", "ru", "vizit был официальный?"),
        ("was the visit official?", "en", "was the visit official?"),  # no other script
    ],
)
def test_a_message_in_the_other_script_is_read_in_the_own(text: str, language: str,
                                                          expected: str) -> None:
    """Russian typed wholly in Latin letters reads in Cyrillic, punctuation kept; other
    text is left as it is."""
    assert in_own_script(text, language) == expected


def test_the_article_named_in_latin_letters_asks_for_the_overview(engine: Engine) -> None:
    """"Statya" typed without its soft sign still names the article: the overview is sent."""
    assert engine.decide("o chem voobshe eta statya? kratko plz").kind == "overview"


def test_a_word_of_the_language_typed_with_its_marks_is_kept_apart(engine: Engine) -> None:
    """"hỏi" (ask), a word of the Vietnamese file, folds onto "hội" of "hội đàm" (talks): typed
    with its marks it is read as no token, as a stopword is; the knowledge word stays."""
    analyzer = engine.index("vi").analyzer
    assert [token for _, token in analyzer.pairs("cho mình hỏi hội đàm")] == [
        "hoi", "dam", "hoi_dam"]
    assert "hoi" in {token for _, token in analyzer.pairs("cho minh hoi")}  # no marks: either


def test_a_reader_keeps_the_words_apart_once_pickled(engine: Engine) -> None:
    """A cached index's reader, restored, keeps the same words apart."""
    reader = engine.index("vi").analyzer.reader
    restored = pickle.loads(pickle.dumps(reader))  # noqa: S301 - our own bytes, just made
    assert restored.normal("cho mình hỏi") == reader.normal("cho mình hỏi")
    assert own_word(restored.normal("hỏi"))


@pytest.mark.parametrize(
    ("variant", "spelling"),
    [
        ("ຣັດເຊຍ", "ລັດເຊຍ"),  # old and new spellings of one sound
        ("ເຊັຍ", "ເຊຍ"),  # an older spelling
        ("ບັອກໄຊ", "ບອກໄຊ"),  # a short "o" in a borrowed word, read as the long one
        ("ບໍ່", "ບໍ"),  # a tone mark left out
    ],
)
def test_lao_spelling_variants_read_alike(variant: str, spelling: str) -> None:
    """Lao spelling variants and optional marks are folded to one reading."""
    assert reader("lo").normal(variant) == reader("lo").normal(spelling)


@pytest.mark.parametrize(
    ("typed", "as_written"),
    [("обьявил", "объявил"), ("ещё", "еще"), ("Этот", "етот")],
)
def test_letters_typed_interchangeably_read_alike(typed: str, as_written: str) -> None:
    """Ё and е, э and е, the hard and the soft sign are typed for one another: read alike."""
    assert fold(typed) == fold(as_written)


@pytest.mark.parametrize("question", ["какая дата у самой новости?",
                                      "kakaya data u samoi novosti?"])
def test_a_word_stressing_a_noun_names_nothing_the_article_lacks(
        engine: Engine, question: str) -> None:
    """"Самой" (of the news itself), typed in either script, is no name the article lacks:
    the date of the article is answered."""
    decision = engine.decide(question)
    assert (decision.kind, decision.fact_id) == ("fact", "source")


@pytest.mark.parametrize(("latin", "cyrillic"), [("selhozkultury", "сельхозкультуры"),
                                                 ("uvelichilas", "увеличилась"),
                                                 ("kitai", "китай")])  # "i" for й
def test_a_latin_spelling_of_a_knowledge_word_reads_as_that_word(
        engine: Engine, latin: str, cyrillic: str) -> None:
    """Russian typed in Latin letters often leaves out the soft sign, and "i" is и or й: a
    word that is the knowledge base's but for them reads as that word, also once a cached
    index is restored."""
    reader = engine.index("ru").analyzer.reader
    restored = pickle.loads(pickle.dumps(reader))  # noqa: S301 - our own bytes, just made
    assert reader.normal(latin) == restored.normal(latin) == cyrillic


def test_a_question_typed_without_soft_signs_is_answered(engine: Engine) -> None:
    """"kakie selhozkultury ..." (no soft signs) is answered as its Cyrillic spelling is."""
    decision = engine.decide("kakie selhozkultury laos mozhet eksportirovat?")
    assert (decision.kind, decision.fact_id) == ("fact", "agri_exports")
