"""Put back apostrophes that a conversion turned into spaces ("Mrs. Allen s side", "I didn t").

Some e-texts and copy-pasted fics lost every apostrophe to a space. The parser then reads "Allen s"
as two words and "didn t" as a verb and a stray letter, so possessives, negations and speech tags
next to them ("Thorpe s saying") are misread. The repair swaps one space for one apostrophe, so
every offset into the text stays where it was; it is only made when a text shows the loss all
through: contractions and possessives written with a space, and almost none with an apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_LOST = re.compile(r"(?<=[A-Za-z])n (?=t\b)|(?<=[A-Za-z]) (?=(?:s|m|d|ll|re|ve)\b(?![’'\-]))")
"""A space where an apostrophe was: "didn t", "Allen s", "I m", "she d", "we ll", "you re", "I ve"."""
_LOST_FIXED = re.compile(r"\b(?:ma(?= am\b)|o(?= clock\b)|t(?= other\b))")
"""Words an apostrophe joins ("ma am", "o clock", "t other")."""
_KEPT = re.compile(r"(?<=[A-Za-z])[’'](?:s|t|m|d|ll|re|ve)\b")
MIN_LOST = 20
"""Spaced contractions a text needs before it is repaired (a few "I m" may be typos)."""
KEPT_SHARE = 0.05
"""Share of its contractions a text may still write with an apostrophe and be repaired."""


def lost_apostrophes(texts: Sequence[str]) -> bool:
    """Whether these paragraphs (one text) write contractions and possessives with a space."""
    lost = kept = 0
    for text in texts:
        lost += len(_LOST.findall(text))
        kept += len(_KEPT.findall(text))
    return lost >= MIN_LOST and kept <= KEPT_SHARE * (lost + kept)


def restore_apostrophes(text: str) -> str:
    """`text` with each lost apostrophe back in its space (same length, same offsets)."""
    chars = list(text)
    for m in _LOST.finditer(text):
        chars[m.end() - 1] = "'"
    for m in _LOST_FIXED.finditer(text):
        chars[m.end()] = "'"
    return "".join(chars)
