"""The library entry points: `analyze` a story file into an `Analysis`. No printing, no exits."""

from __future__ import annotations

from pathlib import Path

from ficlens.ingest import DEFAULT_MAX_BYTES, RawInput, read_input, read_story
from ficlens.model import Analysis


def analyze(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Analysis:
    """Analyse the story file at `path` ('-' reads standard input)."""
    return analyze_raw(read_input(path, max_bytes=max_bytes))


def analyze_bytes(data: bytes, name: str = "-") -> Analysis:
    """Analyse a story held in memory; `name` is used in messages and as `source.path`."""
    suffix = Path(name).suffix.lower() if name != "-" else ""
    return analyze_raw(RawInput(data=data, name=name, extension=suffix))


def analyze_raw(raw: RawInput) -> Analysis:
    source, story = read_story(raw)
    return Analysis(source=source, work=story.work, chapters=story.chapters)
