"""Tests for the language files: loading, validation and how problems are reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli
from bot.knowledge import KnowledgeError, load_knowledge, load_languages
from bot.knowledge import loading as knowledge_loading
from bot.knowledge.resources import LANGUAGES_DIR
from bot.replies.messages import language_name, message

SHIPPED = sorted(path.stem for path in LANGUAGES_DIR.glob("*.yaml"))


@pytest.fixture
def languages_dir(tmp_path: Path) -> Path:
    """A writable copy of the shipped language files, in a folder named `languages`."""
    target = tmp_path / "languages"
    shutil.copytree(LANGUAGES_DIR, target)
    return target


def _edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(directory: Path) -> tuple[str, ...]:
    with pytest.raises(KnowledgeError) as raised:
        load_languages(directory)
    return raised.value.problems


def test_english_and_russian_are_shipped() -> None:
    """The package ships a language file for each language the knowledge base speaks."""
    assert {"en", "ru"} <= set(SHIPPED)


@pytest.mark.parametrize("code", SHIPPED)
def test_every_shipped_language_loads_with_every_message(code: str) -> None:
    """Each shipped file loads, has every message English has, and the bot says its texts."""
    english = load_languages()["en"]
    language = load_languages()[code]
    assert language.code == code
    assert set(language.messages) == set(english.messages)
    assert language.stopwords and language.intent_words and language.smalltalk.greeting
    assert message(code, "none") == language.messages["none"]
    assert language_name(code) == language.name


@pytest.mark.parametrize(
    ("code", "name", "none", "stopword", "percent"),
    [
        ("en", "English", "Sorry, the article does not say that.", "the", "percent"),
        ("ru", "Русский", "К сожалению, в статье об этом не говорится.", "пожалуйста", "процент"),
    ],
)
def test_shipped_values_are_what_users_see(
    code: str, name: str, none: str, stopword: str, percent: str
) -> None:
    """The language menu names, the decline message and the word lists come from the files."""
    language = load_languages()[code]
    assert language.name == name
    assert message(code, "none") == none
    assert stopword in language.stopwords
    assert language.percent == percent
    assert list(language.numbers.values()) == list(range(2, 13))


def test_message_fills_placeholders_and_unknown_languages_get_english() -> None:
    """A message is filled with its values; a language without a file speaks English."""
    assert message("ru", "source", publisher="VNA", date="2025-08-01") == (
        "Источник: VNA, 2025-08-01"
    )
    assert message("xx", "none") == message("en", "none")
    assert language_name("xx") == "xx"


def test_loading_is_cached() -> None:
    """The files are read once: loading again returns the very same languages."""
    assert load_languages() is load_languages()


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "ru.yaml",
            "  none: К сожалению, в статье об этом не говорится.\n",
            "",
            "languages/ru.yaml: field 'messages.none': missing (English has it)",
        ),
        (
            "ru.yaml",
            "{topic}: выберите вопрос.",
            "{тема}: выберите вопрос.",
            "languages/ru.yaml: field 'messages.topic_facts': placeholders {тема} differ from "
            "English's {topic}",
        ),
        (
            "ru.yaml",
            '"Источник: {publisher}, {date}"',
            '"Источник: {publisher}"',
            "languages/ru.yaml: field 'messages.source': placeholders {publisher} differ from "
            "English's {date}, {publisher}",
        ),
        (
            "ru.yaml",
            "  auto: Автоматически\n",
            "  auto: Автоматически\n  autumn: Осень\n",
            "languages/ru.yaml: field 'messages.autumn': unknown message (English has no such key)",
        ),
        (
            "en.yaml",
            'source: "Source: {publisher}, {date}"',
            'source: "Source: {publisher, {date}"',
            "languages/en.yaml: field 'messages.source': not a valid template "
            "(unexpected '{' in field name)",
        ),
        (
            "ru.yaml",
            "stemmer: russian",
            "stemmer: russain",
            "languages/ru.yaml: field 'stemmer': unknown Snowball stemmer 'russain'",
        ),
        (
            "en.yaml",
            "dictionary: en",
            "dictionary: english",
            "languages/en.yaml: field 'dictionary': pyspellchecker has no word list 'english'",
        ),
        (
            "ru.yaml",
            "word_list: ru",
            "word_list: russian",
            "languages/ru.yaml: field 'word_list': pyspellchecker has no word list 'russian'",
        ),
        (
            "ru.yaml",
            "filler: '(?:говорится",
            "filler: '(?:(?:говорится",
            "languages/ru.yaml: field 'filler': not a valid regular expression",
        ),
        (
            "ru.yaml",
            "intent_words: [почему, зачем, кто, когда, где]",
            "intent_words: []",
            "languages/ru.yaml: field 'intent_words': Tuple should have at least 1 item",
        ),
        (
            "en.yaml",
            '"cereal, grain, cereal crop, staple crop, food crop": [rice,',
            '"cereal, grain, cereal crop, staple crop, food crop": [Rice,',
            "languages/en.yaml: field 'category 'cereal, grain, cereal crop, staple crop, food "
            "crop'': 'Rice' should be lower case",
        ),
        (
            "ru.yaml",
            "joined: [из за,",
            "joined: [изза,",
            "languages/ru.yaml: field 'joined': 'изза' should be two words",
        ),
        (
            "ru.yaml",
            "name_kinds: [какие компании,",
            "name_kinds: [компании,",
            "languages/ru.yaml: field 'name_kinds': 'компании' should be two words",
        ),
        (
            "vi.yaml",
            "shortened: {ko: không,",
            "shortened: {k o: không,",
            "languages/vi.yaml: field 'smalltalk.shortened': 'k o' should be one word",
        ),
        (
            "ru.yaml",
            "  bye: [пока,",
            "  bye: [привет, пока,",
            "languages/ru.yaml: field 'smalltalk': 'привет' is listed twice",
        ),
        (
            "en.yaml",
            "intent_words: [why,",
            "intent_words: [Why,",
            "languages/en.yaml: field 'intent_words': 'Why' should be lower case",
        ),
        (
            "en.yaml",
            '"on"',
            "on",
            "languages/en.yaml: field 'stopwords.6': Input should be a valid string (YAML reads "
            "a bare on/off/yes/no as true/false: quote it)",
        ),
        (
            "en.yaml",
            "five: 5,",
            "five: V,",
            "languages/en.yaml: field 'numbers.five': Input should be a valid integer",
        ),
        (
            "ru.yaml",
            "percent: процент",
            "percent: процент\nplural: true",
            "languages/ru.yaml: field 'plural': Extra inputs are not permitted",
        ),
        (
            "ru.yaml",
            "name: Русский",
            "name: [Русский",
            "languages/ru.yaml: line 3, column 1: YAML syntax error:",
        ),
        (
            "en.yaml",
            "  - [corn, maize]",
            "  - [corn]",
            "languages/en.yaml: field 'equivalents.0': Tuple should have at least 2 items",
        ),
        (
            "en.yaml",
            "  - [corn, maize]",
            "  - [corn, Maize]",
            "languages/en.yaml: field 'equivalents': 'Maize' should be lower case",
        ),
    ],
    ids=["missing-message", "renamed-placeholder", "dropped-placeholder", "unknown-message",
         "broken-template", "unknown-stemmer", "unknown-dictionary", "unknown-word-list",
         "broken-regex", "empty-list",
         "capital-in-category", "joined-one-word",
         "name-kind-one-word", "shortened-one-word",
         "repeated-phrase", "capital-letter", "yaml-boolean", "number-not-a-number", "unknown-key",
         "yaml-syntax", "one-word-equivalents", "capital-in-equivalents"],
)
def test_a_broken_language_file_names_the_file_and_key(
    languages_dir: Path, name: str, old: str, new: str, expected: str
) -> None:
    """Each problem in a language file is one line naming the file and the key."""
    _edit(languages_dir, name, old, new)
    problems = _problems(languages_dir)
    assert any(line.startswith(expected) for line in problems), problems
    assert all("\n" not in line for line in problems)


def test_every_problem_is_reported_at_once(languages_dir: Path) -> None:
    """Several problems in several files are all listed, not just the first."""
    _edit(languages_dir, "ru.yaml", "stemmer: russian", "stemmer: russain")
    _edit(languages_dir, "ru.yaml", '  related: "По теме:"\n', "")
    _edit(languages_dir, "en.yaml", "percent: percent", "percent: Percent")
    problems = _problems(languages_dir)
    assert len(problems) == 3
    assert problems[0] == "languages/en.yaml: field 'percent': 'Percent' should be lower case"
    assert problems[1].startswith(
        "languages/ru.yaml: field 'stemmer': unknown Snowball stemmer 'russain' (one of: "
    )
    assert problems[2] == "languages/ru.yaml: field 'messages.related': missing (English has it)"


@pytest.mark.parametrize(
    ("remove", "expected"),
    [
        ("en.yaml", "no en.yaml (English is the reference for every language's messages)"),
        ("ru.yaml", ""),
    ],
)
def test_english_is_required_other_languages_are_not(
    languages_dir: Path, remove: str, expected: str
) -> None:
    """Without en.yaml nothing loads (it is the reference); without ru.yaml the rest does."""
    (languages_dir / remove).unlink()
    if expected:
        assert _problems(languages_dir)[-1].endswith(expected)
    else:
        assert set(load_languages(languages_dir)) == {"en", "lo", "vi"}


def test_a_new_language_is_a_new_file(languages_dir: Path) -> None:
    """A new file in the directory is a new language, with its own words and messages."""
    english = (languages_dir / "en.yaml").read_text(encoding="utf-8")
    german = (
        english.replace("name: English", "name: Deutsch")
        .replace("stemmer: english", "stemmer: german")
        .replace("percent: percent", "percent: prozent")
        .replace("none: Sorry, the article does not say that.",
                 "none: Leider steht das nicht im Artikel.")
    )
    (languages_dir / "de.yaml").write_text(german, encoding="utf-8")
    loaded = load_languages(languages_dir)
    assert set(loaded) == {"de", "en", "lo", "ru", "vi"}
    assert loaded["de"].name == "Deutsch"
    assert loaded["de"].stemmer == "german"
    assert loaded["de"].messages["none"] == "Leider steht das nicht im Artikel."
    assert loaded["de"].filler.search("What does the article say about rice?")


def test_a_missing_directory_is_one_clear_line(tmp_path: Path) -> None:
    """Pointing the loader at a folder that does not exist says so in one line."""
    assert _problems(tmp_path / "nowhere") == (
        f"{tmp_path / 'nowhere'}: language directory not found",
    )


def test_a_knowledge_language_without_a_file_is_reported(tiny_dir: Path) -> None:
    """A language in article.yaml with no language file is a knowledge error naming the file."""
    _edit(tiny_dir, "article.yaml", "languages: [en, ru]", "languages: [en, ru, fr]")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(tiny_dir)
    assert (
        f"article.yaml: field 'languages': no language file fr.yaml in {LANGUAGES_DIR}"
        in raised.value.problems
    )


def test_check_reports_language_file_problems(
    languages_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bot check` prints a broken language file's problems like the facts' and fails."""
    _edit(languages_dir, "ru.yaml", "  back: « Темы\n", "")
    monkeypatch.setattr(knowledge_loading, "load_languages", lambda: load_languages(languages_dir))
    monkeypatch.delenv("KNOWLEDGE_DIR", raising=False)
    assert cli.main(["check"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "knowledge error: languages/ru.yaml: field 'messages.back': missing (English has it)"
    ]
