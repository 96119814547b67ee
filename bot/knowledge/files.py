"""Reading YAML files and describing what is wrong with them, one line per problem."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError


class KnowledgeError(Exception):
    """The knowledge base is invalid; `problems` holds one clear line per problem."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


def read_yaml(path: Path, problems: list[str], fast: bool = False, label: str = "") -> Any:
    """The parsed file, or None after adding a line to `problems` that starts with `label`
    (the file's name by default); `fast` uses libyaml's C safe loader when PyYAML has it."""
    label = label or path.name
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
