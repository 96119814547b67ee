"""Tests that the built package carries the knowledge base and answers from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_answers_from_another_directory(tmp_path: Path) -> None:
    """A wheel unpacked elsewhere answers with the shipped knowledge base and passes check."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    wheel = next((tmp_path / "dist").glob("*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "bot/knowledge_data/facts.yaml" in names
    assert "bot/knowledge_data/source.txt" in names
    assert {"bot/knowledge/languages/en.yaml", "bot/knowledge/languages/ru.yaml"} <= set(names)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "KNOWLEDGE_DIR"}}
    env["PYTHONPATH"] = str(site)
    asked = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "how much did trade grow?"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    answer = json.loads(asked.stdout)
    assert answer["kind"] == "fact"
    assert "66 percent" in answer["answer"] and "20 percent" in answer["answer"]
    checked = subprocess.run(
        [sys.executable, "-m", "bot", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "knowledge_data" in checked.stdout
