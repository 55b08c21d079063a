"""Quote marks: the dominant quote style of a text and apostrophe-versus-quote decisions.

Fans type “curly”, "straight", ‘British single’ and 'straight single' quotes, «guillemets», and
em-dash dialogue lines. A single quote mark is also an apostrophe (talkin’, ’em, the Smiths’,
rock ’n’ roll); `single_mark_role` tells them apart from the characters around the mark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Literal

Style = Literal["double_curly", "double_straight", "single_curly", "single_straight", "guillemets", "dash"]
Family = Literal["double", "single", "guillemets", "dash"]
Role = Literal["open", "close", "toggle", "weak_close", "apostrophe"]
"""`toggle`: opens or closes depending on state; `weak_close`: closes only if no later close mark
in the paragraph does (talkin’, the Smiths’)."""

DOUBLE_OPEN = "“„‟"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘‚‛"
SINGLE_CLOSE = "’"
DASHES = "—―"

ELIDED_START = {
    "em",
    "bout",
    "cause",
    "cos",
    "coz",
    "cuz",
    "til",
    "till",
    "tis",
    "twas",
    "twere",
    "round",
    "im",
    "er",
    "ere",
    "ow",
    "ave",
    "n",
    "nuff",
    "kay",
    "sup",
    "ello",
    "e",
    "ad",
    "appen",
    "alf",
    "ome",
    "elp",
    "eard",
    "fraid",
    "spose",
    "scuse",
    "member",
    "less",
    "cept",
    "gainst",
    "mongst",
    "ya",
    "yer",
}
"""Words whose first letter fans elide with an apostrophe (’em, ‘bout, ’til, ’n’)."""

ELIDED_END = {"n", "o", "th", "an", "ol", "po", "yo", "ma", "y", "fo", "wha", "tha", "nothin", "somethin"}
"""Words ending in an elision apostrophe besides the g-dropping -in’ (o’, th’, an’)."""

_PUNCT_BEFORE_CLOSE = ",.!?;:…—-–~*)"
_DASH_LINE = re.compile(r"^\s*(?:[—―]|–\s|--\s?)")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def single_mark_role(text: str, i: int) -> Role:
    """Role of the single quote mark at `text[i]`: an opening/closing quote, either, or an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _is_word(before) and _is_word(after):
        return "apostrophe"  # don't, o'clock, rock'n'roll
    if not _is_word(before) and _is_word(after):
        word = re.match(r"[A-Za-z]+", text[i + 1 :])
        following = word.group().lower() if word else ""
        if re.match(r"\d\ds\b", text[i + 1 :]):
            return "apostrophe"  # the ’90s
        if following in ELIDED_START and not _quote_start_context(text, i):
            return "apostrophe"
        return "open"
    if _is_word(before) and not _is_word(after):
        word = re.search(r"[A-Za-z]+$", text[:i])
        preceding = word.group().lower() if word else ""
        if (
            (preceding.endswith("in") and len(preceding) > 3)
            or preceding in ELIDED_END
            or preceding.endswith("s")
        ):
            return "weak_close"  # talkin’, the Smiths’: an apostrophe unless no other close mark follows
        return "close"
    if before in _PUNCT_BEFORE_CLOSE and not after.isalnum():
        return "close"
    return "toggle"


def _quote_start_context(text: str, i: int) -> bool:
    """A mark at the very start of a paragraph followed by an elided word still opens a quote only
    if a closing mark after punctuation appears later ('Bout time,' she said.)."""
    if i > 0 and text[:i].strip():
        return False
    return bool(re.search(r"[,.!?]['’]", text[i + 1 :]))


def _count_single_openers(text: str) -> int:
    return sum(1 for m in re.finditer(r"['‘’‚]", text) if single_mark_role(text, m.start()) == "open")


def detect_style(paragraphs: Sequence[str]) -> Style:
    """The quote style most of the text's dialogue uses."""
    counts: Counter[Style] = Counter()
    dash_lines = 0
    for text in paragraphs:
        counts["double_curly"] += sum(text.count(c) for c in DOUBLE_OPEN)
        counts["double_straight"] += text.count('"') // 2
        counts["guillemets"] += text.count("«") + text.count("»") // 2
        openers = _count_single_openers(text)
        if "‘" in text:
            counts["single_curly"] += openers
        else:
            counts["single_straight"] += openers
        dash_lines += bool(_DASH_LINE.match(text))
    counts["dash"] = dash_lines
    if not counts or max(counts.values()) == 0:
        return "double_curly"
    double = counts["double_curly"] + counts["double_straight"]
    single = counts["single_curly"] + counts["single_straight"]
    # single openers are noisy (’em, scare quotes): they must clearly outnumber double quotes
    if single >= 2 * double and single > 0 and single >= counts["guillemets"] and single >= 0.5 * dash_lines:
        return "single_curly" if counts["single_curly"] >= counts["single_straight"] else "single_straight"
    if counts["guillemets"] > double and counts["guillemets"] >= dash_lines:
        return "guillemets"
    if dash_lines > double and dash_lines >= 3:
        return "dash"
    return "double_curly" if counts["double_curly"] >= counts["double_straight"] else "double_straight"


def family(style: Style) -> Family:
    if style.startswith("double"):
        return "double"
    if style.startswith("single"):
        return "single"
    return style  # type: ignore[return-value]


def mark_roles(text: str, fam: Family) -> list[tuple[int, Role]]:
    """Positions of the quote marks of family `fam` in one paragraph with their roles."""
    out: list[tuple[int, Role]] = []
    for i, ch in enumerate(text):
        if fam == "double":
            if ch in DOUBLE_OPEN:
                out.append((i, "open"))
            elif ch in DOUBLE_CLOSE:
                out.append((i, "close"))
            elif ch == '"':
                out.append((i, _straight_role(text, i)))
        elif fam == "single":
            if ch in "'‘’‚‛":
                role = single_mark_role(text, i)
                if role != "apostrophe":
                    out.append((i, role))
        elif fam == "guillemets":
            if ch == "«":
                out.append((i, "open"))
            elif ch == "»":
                out.append((i, "close"))
    return out


def _straight_role(text: str, i: int) -> Role:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ",.;:!?)]}—–-"):
        return "close"
    return "toggle"
