"""`ficlens eval`: score the system on annotated corpora (LitBank, PDNC)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

eval_app = typer.Typer(
    help="Score ficlens on annotated corpora.\n\nExample: ficlens eval litbank ../shared/data/litbank --json",
    no_args_is_help=True,
)
_err = Console(stderr=True)

Folder = Annotated[
    Path, typer.Argument(exists=True, file_okay=False, help="Corpus folder in its upstream layout.")
]
AsJson = Annotated[bool, typer.Option("--json", help="Print the scores as JSON instead of a table.")]
Limit = Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N documents.")]


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        transient=True,
    )


def _print(report: dict[str, object], as_json: bool, title: str) -> None:
    if as_json:
        typer.echo(json.dumps(report, indent=2))
        return
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in _flatten(report):
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    Console().print(table)


def _flatten(report: dict[str, object], prefix: str = "") -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for key, value in report.items():
        if isinstance(value, dict):
            rows += _flatten(value, f"{prefix}{key}.")
        else:
            rows.append((f"{prefix}{key}", value))
    return rows


@eval_app.command("litbank")
def litbank_command(folder: Folder, as_json: AsJson = False, limit: Limit = None) -> None:
    """Score PER mention detection and PER coreference on a LitBank folder.

    Example: ficlens eval litbank ../shared/data/litbank --json
    """
    from ficlens.api import knowledge_base
    from ficlens.evaluation.litbank import litbank_ids
    from ficlens.evaluation.litbank_eval import evaluate_litbank

    ids = litbank_ids(folder)[:limit] if limit else litbank_ids(folder)
    with _progress(len(ids)) as progress:
        task = progress.add_task("litbank", total=len(ids))
        report = evaluate_litbank(folder, ids, knowledge_base(), lambda _: progress.advance(task))
    _print(report, as_json, "LitBank")


@eval_app.command("pdnc")
def pdnc_command(
    folder: Folder,
    as_json: AsJson = False,
    limit: Limit = None,
    per_novel: Annotated[bool, typer.Option("--per-novel", help="Include per-novel scores.")] = False,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", file_okay=False, help="Folder to keep spaCy parses between runs."),
    ] = None,
) -> None:
    """Score quote detection, speaker and addressee attribution on a PDNC folder.

    Example: ficlens eval pdnc ../shared/data/pdnc --json --cache /tmp/pdnc-cache
    """
    from ficlens.evaluation.pdnc import pdnc_novel_names
    from ficlens.evaluation.pdnc_eval import evaluate_pdnc

    names = pdnc_novel_names(folder)[:limit] if limit else pdnc_novel_names(folder)
    with _progress(len(names)) as progress:
        task = progress.add_task("pdnc", total=len(names))

        def advance(name: str) -> None:
            progress.update(task, description=name)
            progress.advance(task)

        report = evaluate_pdnc(folder, names, advance, cache)
    if not per_novel:
        report.pop("per_novel", None)
    _print(report, as_json, "PDNC")
