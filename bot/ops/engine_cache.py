"""A built engine kept on disk, keyed by the content of everything it is built from."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bot.engine import Engine
from bot.engine.index import collector_paused
from bot.knowledge import default_knowledge_dir, load_languages
from bot.knowledge.files import MAX_FILE_BYTES_VARIABLE
from bot.knowledge.resources import LANGUAGES_DIR, prime_languages

logger = logging.getLogger(__name__)

CACHE_DIR_VARIABLE = "BOT_CACHE_DIR"
# Building the indexes costs more than the rest of a start-up; loading them costs ~5 ms.
# The key covers the knowledge files, the language files and the code that reads them, so an
# edit to any of them builds afresh; a file that does not unpickle to an engine is rebuilt.
_CODE_DIRS = ("engine", "knowledge")
_PREFIX = "engine-"


def cache_dir() -> Path:
    """Where built engines are kept: BOT_CACHE_DIR, else the user's cache directory."""
    configured = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return Path(base) / "laos-russia-bot"


def _inputs(directory: Path) -> Iterator[Path]:
    package = Path(__file__).resolve().parents[1]
    roots = [directory, LANGUAGES_DIR, *(package / name for name in _CODE_DIRS)]
    for root in roots:
        for path in sorted(root.rglob("*")):
            hidden = any(part.startswith(".") or part == "__pycache__"
                         for part in path.relative_to(root).parts)
            if path.is_file() and not hidden and path.suffix != ".pyc":
                yield path


def cache_key(directory: Path) -> str:
    """A digest of everything the engine is built from, and of what changes how it reads."""
    digest = hashlib.sha256()
    setting = os.environ.get(MAX_FILE_BYTES_VARIABLE, "")
    # Optional packages that change how text is read or stemmed.
    extras = [importlib.util.find_spec(name) is not None
              for name in ("laonlp", "Stemmer", "wordllama")]
    # The indexes keep pyspellchecker's word lists: its release (its info.py) is in the key.
    spelling = importlib.util.find_spec("spellchecker")
    places = spelling.submodule_search_locations if spelling is not None else None
    release = Path(next(iter(places))) / "info.py" if places else None
    if release is not None and release.is_file():
        digest.update(release.read_bytes())
    digest.update(f"{sys.version}|{pickle.HIGHEST_PROTOCOL}|{setting}|{extras}".encode())
    for path in _inputs(directory):
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _restore(path: Path, key: str) -> Engine | None:
    try:
        with collector_paused(), path.open("rb") as handle:
            stored = pickle.load(handle)  # noqa: S301 - written by this user, into their own cache directory
    except FileNotFoundError:
        return None
    except Exception as error:  # a corrupt or foreign file is rebuilt, never trusted
        logger.warning("cached index %s unreadable (%s); rebuilding", path.name, error)
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key
            and isinstance(stored[1], Engine)):
        logger.warning("cached index %s is not this knowledge base's; rebuilding", path.name)
        return None
    prime_languages(stored[2])
    engine: Engine = stored[1]
    return engine


def _store(folder: Path, path: Path, key: str, engine: Engine) -> None:
    try:
        data = pickle.dumps((key, engine, load_languages()), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # something unpicklable only costs the next start its build
        logger.warning("index not cached: %s", error)
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
        for old in folder.glob(f"{_PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:  # a read-only home only costs the next start its build
        logger.info("index not cached in %s: %s", folder, error)


def load_engine(directory: Path | None = None) -> Engine:
    """The engine of the knowledge base in `directory` (KNOWLEDGE_DIR or the shipped one by
    default): from the cache when it was built from the same files, else built, validated
    (raising `KnowledgeError`) and cached."""
    directory = (directory or default_knowledge_dir()).resolve()
    key = cache_key(directory)
    folder = cache_dir()
    path = folder / f"{_PREFIX}{key}.pickle"
    engine = _restore(path, key)
    if engine is None:
        from bot.knowledge import load_knowledge

        engine = Engine(load_knowledge(directory))
        _store(folder, path, key, engine)
    return engine

