"""Apostrophes a conversion turned into spaces are put back for the parser (`text.apostrophes`)."""

from __future__ import annotations

from ficlens.text.apostrophes import lost_apostrophes, restore_apostrophes

LOST = "I didn t see Mrs. Allen s shawl, ma am, and I m sure you re right; we ll go at ten o clock."


def test_each_lost_apostrophe_goes_back_in_its_space() -> None:
    fixed = restore_apostrophes(LOST)
    assert fixed == (
        "I didn't see Mrs. Allen's shawl, ma'am, and I'm sure you're right; we'll go at ten o'clock."
    )
    assert len(fixed) == len(LOST)


def test_a_letter_starting_a_compound_keeps_its_space() -> None:
    assert restore_apostrophes("an s-shaped curve") == "an s-shaped curve"


def test_only_a_text_that_lost_its_apostrophes_throughout_is_repaired() -> None:
    assert lost_apostrophes([LOST] * 4)
    assert not lost_apostrophes([LOST])  # a few spaced contractions may be typos
    kept = "I didn't see Mrs. Allen's shawl, and I'm sure you're right."
    assert not lost_apostrophes([LOST] * 4 + [kept] * 10)
    assert not lost_apostrophes(["The letters s and t were carved on the door."] * 30 + [kept] * 30)
