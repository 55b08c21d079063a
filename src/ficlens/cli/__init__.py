"""The `ficlens` command line: a thin typer layer over the library API."""

from ficlens.cli.app import app, main

__all__ = ["app", "main"]
