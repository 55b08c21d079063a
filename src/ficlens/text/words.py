"""Word counting, the way archives count: whitespace-separated tokens that hold a letter or digit."""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"\S+")
_WORDISH = re.compile(r"\w")


def count_words(text: str) -> int:
    """Count whitespace-separated tokens with at least one letter or digit (lone dashes don't count)."""
    return sum(1 for tok in _TOKEN.findall(text) if _WORDISH.search(tok))


def count_words_in(paragraphs: Iterable[str]) -> int:
    return sum(count_words(p) for p in paragraphs)
