"""Writing results: stdout or an atomically replaced file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ficlens.errors import FiclensError


def write_text(text: str, output: Path | None) -> None:
    """Print to stdout, or write `output` atomically (temp file + rename): never half a file."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    target = output.resolve()
    if target.is_dir():
        raise FiclensError(f"{output}: is a directory")
    if not target.parent.is_dir():
        raise FiclensError(f"{output}: folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
