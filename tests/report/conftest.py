"""Fixtures for the report tests (builders in report_samples.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from report_samples import build

from ficlens.model import Analysis


@pytest.fixture
def sample() -> Analysis:
    return build()


@pytest.fixture
def make() -> Callable[..., Analysis]:
    """`make(paragraphs=..., work=..., names=...) -> Analysis`."""
    return build
