"""`ficlens quotes`: the dialogue of a story as a readable table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ficlens.api import analyze
from ficlens.errors import FiclensError
from ficlens.model import Analysis


def quotes_command(
    path: Annotated[str, typer.Argument(help="Story file, or '-' for standard input.")],
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Only this character's lines (name or alias).")
    ] = None,
    kb: Annotated[
        list[Path] | None, typer.Option("--kb", exists=True, help="Extra knowledge-base files.")
    ] = None,
) -> None:
    """Print every quotation with its speaker, addressees and how the speaker was found.

    Example: ficlens quotes hard-truths.txt --speaker Spike
    """
    analysis = analyze(path, kb_paths=kb or [])
    wanted = _character_id(analysis, speaker) if speaker else None
    names = {c.id: c.name for c in analysis.characters}
    table = Table(title=analysis.work.title or path, show_lines=False)
    for column in ("#", "ch.", "speaker", "to", "type", "quote"):
        table.add_column(column, overflow="fold", justify="right" if column in {"#", "ch."} else "left")
    for q in analysis.quotes:
        if wanted is not None and q.speaker != wanted:
            continue
        table.add_row(
            str(q.id),
            str(q.chapter),
            names.get(q.speaker or "", "?"),
            ", ".join(names.get(a, "?") for a in q.addressees),
            q.type or "",
            q.text,
        )
    Console().print(table)


def _character_id(analysis: Analysis, name: str) -> str:
    key = name.casefold()
    for c in analysis.characters:
        if key == c.name.casefold() or key in (a.casefold() for a in c.aliases):
            return c.id
    known = ", ".join(c.name for c in analysis.characters) or "none"
    raise FiclensError(f"no character called {name!r} in this story (characters: {known})")
