"""The command line: JSON on stdout, one-line errors on stderr, exit codes, atomic --output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ficlens.cli.app import app


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from ficlens.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


STORY = b"A Tale by Someone\n\nOnce upon a time there was a story.\n\nThe end.\n"


def test_analyze_prints_json_on_stdout() -> None:
    result = run("analyze", "-", stdin=STORY)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == "1.0"
    assert doc["work"]["title"] == "A Tale"
    assert doc["source"]["path"] == "-"
    assert result.stderr == b""


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("analyze", "-", "-o", str(out), stdin=STORY)
    assert result.returncode == 0
    assert result.stdout == b""
    assert json.loads(out.read_text())["work"]["authors"] == ["Someone"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "/definitely/not/here.txt"], "no such file"),
        (["analyze", "."], "is a directory"),
        (["analyze", "-"], "is empty"),
    ],
)
def test_errors_are_one_line_exit_2(args: list[str], message: str) -> None:
    result = run(*args, stdin=b"")
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode()
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_output_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    result = run("analyze", "-", "-o", str(tmp_path / "no" / "out.json"), stdin=STORY)
    assert result.returncode == 1
    assert "does not exist" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_max_bytes_flag() -> None:
    result = run("analyze", "-", "--max-bytes", "10", stdin=STORY)
    assert result.returncode == 2
    assert "--max-bytes" in result.stderr.decode()


def test_usage_error_exit_2() -> None:
    result = run("analyze")
    assert result.returncode == 2
    assert "Missing argument" in result.stderr.decode()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("ficlens ")


def test_every_command_has_help_with_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    commands = getattr(group, "commands", {})
    assert commands, "the app defines commands"
    for name, command in commands.items():
        assert command.help, f"{name} has no help"
        assert "Example:" in command.help, f"{name} help has no example"
        result = run(name, "--help")
        assert result.returncode == 0
