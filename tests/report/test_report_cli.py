"""`ficlens analyze --format html|md`: written to -o or printed; JSON stays the default."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

STORY = "A Tale by Someone\n\n“Hello,” Anna said to Ben.\n\n“Hi,” Ben said.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from ficlens.cli import main; main()", "analyze", "-", *args],
        input=STORY,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_html_to_file(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h1>A Tale</h1>" in page


def test_markdown_on_stdout() -> None:
    result = run("--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# A Tale\n")


def test_json_is_still_the_default() -> None:
    assert json.loads(run().stdout)["work"]["title"] == "A Tale"


def test_unknown_format_is_a_usage_error() -> None:
    result = run("--format", "pdf")
    assert result.returncode == 2
    assert result.stdout == ""
