"""Typed errors raised by the library; the CLI turns each into one line and an exit code."""

from __future__ import annotations

from pathlib import Path


class FiclensError(Exception):
    """Base class for every error ficlens reports to a user."""

    exit_code = 1


class InputError(FiclensError):
    """A story file that cannot be read: missing, empty, binary, too large, corrupt, or not a story."""

    exit_code = 2

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class KnowledgeBaseError(FiclensError):
    """A fandom knowledge-base file that cannot be read or does not validate."""

    exit_code = 2

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")
