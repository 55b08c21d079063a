"""The library entry points: `analyze` a story file into an `Analysis`. No printing, no exits."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ficlens.ingest import DEFAULT_MAX_BYTES, RawInput, read_input, read_story
from ficlens.kb import KnowledgeBase, load_knowledge_base
from ficlens.model import Analysis
from ficlens.pipeline import analyze_story


def analyze(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    nlp: bool = True,
    kb_paths: Sequence[Path] = (),
) -> Analysis:
    """Analyse the story file at `path` ('-' reads standard input).

    `nlp=False` stops after metadata and text (no characters or dialogue); `kb_paths` adds
    knowledge-base files or folders that extend or override the packaged fandoms.
    """
    return analyze_raw(read_input(path, max_bytes=max_bytes), nlp=nlp, kb_paths=kb_paths)


def analyze_bytes(
    data: bytes, name: str = "-", *, nlp: bool = True, kb_paths: Sequence[Path] = ()
) -> Analysis:
    """Analyse a story held in memory; `name` is used in messages and as `source.path`."""
    suffix = Path(name).suffix.lower() if name != "-" else ""
    return analyze_raw(RawInput(data=data, name=name, extension=suffix), nlp=nlp, kb_paths=kb_paths)


def analyze_raw(raw: RawInput, *, nlp: bool = True, kb_paths: Sequence[Path] = ()) -> Analysis:
    source, story = read_story(raw)
    kb = knowledge_base(tuple(str(p) for p in kb_paths)) if nlp else None
    return analyze_story(source, story, kb=kb, nlp=nlp)


@lru_cache(maxsize=4)
def knowledge_base(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The packaged knowledge base plus `extra` files, loaded once per process."""
    return load_knowledge_base([Path(p) for p in extra])
