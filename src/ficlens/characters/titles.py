"""Whose a bare title is: "the Major", "Mademoiselle" said alone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

TITLE_DOMINANCE = 5
"""How many times as often as all its other bearers together a character must be mentioned for
a bare title they share to be theirs."""


def title_owner(mentioned: Mapping[int, int], bearers: Iterable[int]) -> int | None:
    """The one bearer of a title, or the one mentioned `TITLE_DOMINANCE` times as often as the
    rest ("Mademoiselle" is Mademoiselle Reisz, not a Mademoiselle Duvigne named twice; "the
    Major" is Major Callendar, not a Major Roberts named twice)."""
    sizes = sorted(((mentioned.get(i, 0), i) for i in bearers), reverse=True)
    if not sizes:
        return None
    if len(sizes) == 1 or sizes[0][0] >= TITLE_DOMINANCE * sum(n for n, _ in sizes[1:]):
        return sizes[0][1]
    return None
