"""Paragraph splitting, hard-wrap re-joining, scene breaks and chapter headings in plain text."""

from __future__ import annotations

import re

_SCENE_BREAK = re.compile(
    r"""^\s*(?:
        [*~#=_\-+•·o0xX<>|/\\.\s]{3,}            # ***, ~*~, * * *, ----, ooOoo, xXx, <><><>
        |(?:~\s*)?\*(?:\s*~)?                     # ~*~ written tight
        |§+
    )\s*$""",
    re.VERBOSE,
)

_ENGLISH_NUMBERS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_FRENCH_NUMBERS = [
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_NUMBER_VALUES: dict[str, int] = {
    **{word: n for n, word in enumerate(_ENGLISH_NUMBERS, start=1)},
    **{word: n for n, word in enumerate(_FRENCH_NUMBERS, start=1)},
    "une": 1,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "vingt": 20,
    "trente": 30,
}
_WORDS = "|".join(sorted(_NUMBER_VALUES, key=len, reverse=True))
_NUMBER = rf"(?:\d+|[IVXLC]+|(?:{_WORDS})(?:[\s-](?:{_WORDS}))?)"
CHAPTER_HEADING = re.compile(
    rf"^\s*(?:chapter|part|chapitre|kapitel|cap[ií]tulo|book|prologue|epilogue|interlude)"
    rf"(?:\s+(?P<number>{_NUMBER}))?\s*(?:[:.\-–—]\s*(?P<title>.*\S)?)?\s*$",
    re.IGNORECASE,
)
NUMBER_TITLE_HEADING = re.compile(
    rf"^\s*(?P<number>(?:{_WORDS})(?:[\s-](?:{_WORDS}))?)\s*[:–—]\s*(?P<title>\S.{{0,60}})$", re.IGNORECASE
)
"""A spelled-out number and a title: "Three: The Fall", "Un : Kiba"."""


def is_scene_break(line: str) -> bool:
    """True for a line that only marks a scene change: ***, ~*~, * * *, ----, oOo and the like."""
    stripped = line.strip()
    if not stripped or len(stripped) > 40 or set(stripped) <= {".", "…", " "}:
        return False
    if _SCENE_BREAK.match(stripped):
        return True
    # decorative breaks such as "oOoOo" or "xXxXx": only o/x/0 between the decoration
    letters = set(stripped.lower()) - set(" *~-_=.")
    return len(stripped) >= 3 and bool(letters) and letters <= {"o", "x", "0"}


def chapter_heading(line: str) -> tuple[str | None, str | None] | None:
    """Parse a chapter heading line; return (number text, title) or None.

    "Chapter 3" → ("3", None); "Chapter Three: The Fall" → ("Three", "The Fall");
    "Prologue" → (None, "Prologue").
    """
    stripped = line.strip()
    if len(stripped) > 120:
        return None
    m = CHAPTER_HEADING.match(stripped)
    if not m:
        n = NUMBER_TITLE_HEADING.match(stripped)
        return (
            (n.group("number"), n.group("title").strip())
            if n and not stripped.endswith((".", "?", "!"))
            else None
        )
    word = stripped.split()[0].rstrip(":.").lower()
    number, title = m.group("number"), m.group("title")
    if word in {"prologue", "epilogue", "interlude"}:
        return None, stripped
    if number is None:
        return None
    return number, title


def number_value(text: str | None) -> int | None:
    """Value of '3', 'III', 'Three', 'twenty-one' or 'dix-sept'; None when it is none of those."""
    if not text:
        return None
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    roman = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    if t and all(ch in roman for ch in t):
        total = 0
        for a, b in zip(t, t[1:] + " ", strict=True):
            value = roman[a]
            total += -value if b in roman and roman[b] > value else value
        return total
    if t in _NUMBER_VALUES:
        return _NUMBER_VALUES[t]
    total = 0
    for part in re.split(r"[\s-]+", t):
        if part not in _NUMBER_VALUES:
            return None
        total += _NUMBER_VALUES[part]
    return total


def looks_hard_wrapped(lines: list[str], width: int | None = None) -> bool:
    """True when most long lines end near one column, as in hard-wrapped (~70-80 column) text."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 8:
        return False
    limit = width or max(lengths)
    if limit > 100:
        return False
    near = sum(1 for n in lengths if n >= limit - 15)
    return near >= 0.5 * len(lengths)


def unwrap(block: str) -> str:
    """Join a hard-wrapped block's lines into one paragraph line."""
    return re.sub(r"[ \t]*\n[ \t]*", " ", block.strip())
