"""Scene breaks, chapter headings, number words, hard-wrap detection."""

from __future__ import annotations

import pytest

from ficlens.text.dates import iso_date
from ficlens.text.paragraphs import chapter_heading, is_scene_break, looks_hard_wrapped, number_value
from ficlens.text.words import count_words


@pytest.mark.parametrize(
    "line", ["***", "* * *", "~*~", "-----", "oOoOo", "xXx", "<><><>", "  ~ * ~  ", "#" * 5]
)
def test_scene_breaks(line: str) -> None:
    assert is_scene_break(line)


@pytest.mark.parametrize("line", ["", "Oh.", "xoxo Anna", "She said no.", "...", "-- Willow"])
def test_not_scene_breaks(line: str) -> None:
    assert not is_scene_break(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Chapter 3", ("3", None)),
        ("Chapter Three: The Fall", ("Three", "The Fall")),
        ("CHAPTER XII.", ("XII", None)),
        ("Part 2 - Home", ("2", "Home")),
        ("Prologue", (None, "Prologue")),
        ("Chapter twenty-one", ("twenty-one", None)),
        ("Chapter and verse were quoted at him all day long.", None),
        ("Parting is such sweet sorrow", None),
    ],
)
def test_chapter_heading(line: str, expected: tuple[str | None, str | None] | None) -> None:
    assert chapter_heading(line) == expected


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3), ("XII", 12), ("iv", 4), ("Three", 3), ("twenty-one", 21), ("soon", None)]
)
def test_number_value(text: str, value: int | None) -> None:
    assert number_value(text) == value


def test_count_words_ignores_bare_punctuation() -> None:
    assert count_words("“You’re beneath me,” Buffy said — and left.") == 7


def test_looks_hard_wrapped() -> None:
    wrapped = ["x" * 74, "y" * 76, "z" * 72] * 4
    assert looks_hard_wrapped(wrapped)
    assert not looks_hard_wrapped(["a long paragraph " * 20, "short", "another " * 30] * 4)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2012-02-07", "2012-02-07"),
        ("January 13, 2011", "2011-01-13"),
        ("9/8/2012", "2012-09-08"),
        ("21 mai 2015", "2015-05-21"),
        ("13th March 2020", "2020-03-13"),
        ("5/15", None),
        ("someday", None),
    ],
)
def test_iso_date(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


def test_iso_date_month_day_with_default_year() -> None:
    assert iso_date("5/15", default_year=2024) == "2024-05-15"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Un : Kiba", ("Un", "Kiba")), ("Three: The Fall", ("Three", "The Fall")), ("One: two words.", None)],
)
def test_spelled_number_headings(line: str, expected: tuple[str, str] | None) -> None:
    assert chapter_heading(line) == expected


@pytest.mark.parametrize(("text", "value"), [("dix-sept", 17), ("Un", 1), ("vingt", 20)])
def test_french_number_words(text: str, value: int) -> None:
    assert number_value(text) == value
