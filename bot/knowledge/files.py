"""Reading YAML files and describing what is wrong with them, one line per problem."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported only where files are read and validated, not from a cached index
    from pydantic import ValidationError

MANIFEST_FILE = "knowledge.yaml"
ARTICLE_FILE = "article.yaml"  # the older single-article manifest
SYNONYMS_FILE = "synonyms.yaml"
CALIBRATION_FILE = "calibration.yaml"  # decision thresholds fitted by `python -m bot calibrate`

# A knowledge file larger than this is refused before it is parsed: a YAML file of tens of MB
# takes minutes and gigabytes to load, and the live reload would hold the bot up meanwhile.
# The real knowledge base is a few hundred KB; KNOWLEDGE_MAX_BYTES changes the limit.
DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_FILE_BYTES_VARIABLE = "KNOWLEDGE_MAX_BYTES"


def max_file_bytes() -> int:
    """The size limit of one knowledge file: KNOWLEDGE_MAX_BYTES, else the default."""
    raw = os.environ.get(MAX_FILE_BYTES_VARIABLE, "").strip()
    try:
        value = int(raw) if raw else DEFAULT_MAX_FILE_BYTES
    except ValueError:
        return DEFAULT_MAX_FILE_BYTES
    return value if value > 0 else DEFAULT_MAX_FILE_BYTES


def oversized(path: Path, label: str = "") -> str | None:
    """One problem line when the file is over the size limit, else None (also when it cannot
    be looked at: reading it reports that)."""
    limit = max_file_bytes()
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= limit:
        return None
    return (f"{label or path.name}: file is too large ({size:,} bytes; the limit is "
            f"{limit:,}, set by {MAX_FILE_BYTES_VARIABLE})")


def default_knowledge_dir() -> Path:
    """Return `KNOWLEDGE_DIR` if set, else the knowledge base shipped with the package."""
    configured = os.environ.get("KNOWLEDGE_DIR")
    if configured:
        return Path(configured)
    source_tree = Path(__file__).resolve().parents[2] / "knowledge"
    if (source_tree / MANIFEST_FILE).is_file() or (source_tree / ARTICLE_FILE).is_file():
        return source_tree
    return Path(__file__).resolve().parents[1] / "knowledge_data"


class KnowledgeError(Exception):
    """The knowledge base is invalid; `problems` holds one clear line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


def read_yaml(path: Path, problems: list[str], fast: bool = False, label: str = "") -> Any:
    """The parsed file, or None after adding a line to `problems` that starts with `label`
    (the file's name by default); `fast` uses libyaml's C safe loader when PyYAML has it."""
    import yaml

    label = label or path.name
    too_large = oversized(path, label)
    if too_large is not None:
        problems.append(too_large)
        return None
    try:
        with path.open(encoding="utf-8") as handle:
            if fast and hasattr(yaml, "CSafeLoader"):
                return yaml.load(handle, Loader=yaml.CSafeLoader)
            return yaml.safe_load(handle)
    except OSError as error:
        problems.append(f"{label}: cannot read file ({error.strerror or error})")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problems.append(f"{label}:{where}: YAML syntax error: {reason}")
    except UnicodeDecodeError:
        problems.append(f"{label}: not valid UTF-8 text")
    return None


def describe(error: ValidationError, prefix: str) -> list[str]:
    """One line per validation error: the prefix (file, fact), the field and what is wrong."""
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"{prefix}field '{where}': {item['msg']}")
    return lines


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> set[str]:
    """The numbers written in a text ("66", "2025", "1.5"), as written: an answer, an overview
    or a translation may only say numbers its source says."""
    return set(_NUMBER.findall(text))
