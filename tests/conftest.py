"""Shared fixtures: the read-only `../shared` data folder, skipped cleanly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def hard_truths(shared: Path) -> Path:
    path = shared / "examples" / "hard-truths.txt"
    if not path.is_file():
        pytest.skip("the example story is not present")
    return path
