"""Typer application: commands, shared options and the single error funnel."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ficlens import __version__
from ficlens.api import analyze
from ficlens.cli.evaluate import eval_app
from ficlens.cli.output import write_text
from ficlens.cli.quotes import quotes_command
from ficlens.errors import FiclensError
from ficlens.ingest import DEFAULT_MAX_BYTES, READERS
from ficlens.model import Analysis
from ficlens.report import render_html, render_markdown

app = typer.Typer(
    name="ficlens",
    help="Read fan fiction the way a careful reader does: metadata, characters, dialogue, relationships.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)

MaxBytes = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, help="Refuse input files larger than this many bytes.", show_default=True
    ),
]


class OutputFormat(StrEnum):
    json = "json"
    html = "html"
    md = "md"


KbOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--kb",
        help="Knowledge-base .toml file or folder extending the packaged fandoms (repeatable).",
        exists=True,
        readable=True,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ficlens {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn a story file (plain text, AO3 HTML/EPUB, FanFicFare output, FFN pages, DOCX…) into JSON."""


@app.command("analyze")
def analyze_command(
    path: Annotated[str, typer.Argument(help="Story file to analyse, or '-' to read standard input.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the result to this file instead of stdout.")
    ] = None,
    indent: Annotated[int, typer.Option(min=0, max=8, help="JSON indentation (0 for one line).")] = 2,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="json (the analysis), html (a self-contained report page) or md (a Markdown summary).",
        ),
    ] = OutputFormat.json,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    kb: KbOption = None,
    metadata_only: Annotated[
        bool, typer.Option("--metadata-only", help="Stop after metadata and text: no characters or dialogue.")
    ] = False,
) -> None:
    """Analyse one story and print its analysis as JSON, an HTML report or a Markdown summary.

    Example: ficlens analyze hard-truths.txt --format html -o hard-truths.html
    """
    analysis = analyze(path, max_bytes=max_bytes, nlp=not metadata_only, kb_paths=kb or [])
    if fmt is OutputFormat.html:
        text = render_html(analysis)
    elif fmt is OutputFormat.md:
        text = render_markdown(analysis)
    else:
        text = json.dumps(analysis.model_dump(mode="json"), ensure_ascii=False, indent=indent or None)
    write_text(text, output)


@app.command("formats")
def formats_command() -> None:
    """List the story formats ficlens recognises, in the order they are tried.

    Example: ficlens formats
    """
    for reader in READERS:
        doc = (reader.__doc__ or "").strip().splitlines()[0] if reader.__doc__ else ""
        typer.echo(f"{reader.name:22} {doc}")


app.add_typer(eval_app, name="eval")
app.command("quotes")(quotes_command)


@app.command("schema")
def schema_command(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the schema to this file.")
    ] = None,
) -> None:
    """Print the JSON Schema of the analysis document that `analyze` prints.

    Example: ficlens schema -o analysis.schema.json
    """
    write_text(json.dumps(Analysis.model_json_schema(), ensure_ascii=False, indent=2) + "\n", output)


def main() -> None:
    """Console entry point: run the app and turn library errors into one line and an exit code.

    Usage errors are typer's own (exit 2). `--debug` anywhere on the line shows tracebacks.
    """
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        app()
    except FiclensError as exc:
        if debug:
            raise
        err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True, soft_wrap=True)
        sys.exit(exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        err.print(
            f"[bold red]internal error:[/] {type(exc).__name__} (run with --debug for details)",
            markup=True,
            highlight=False,
        )
        sys.exit(70)
