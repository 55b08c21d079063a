"""People named in author's notes: dedications ("For Missy, who…") and beta readers."""

from __future__ import annotations

import re

# A name or handle: capitalised words ("Gabrielle", "Mary Sue") or one handle token ("@kit_kat").
_NAME = (
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+)?@?[A-Z][\w'’\-]*"
    r"(?:\s+(?:[A-Z][\w'’\-]*|de|van|von))*|@[\w.\-]*\w)"
)
_HANDLE = r"(?P<name>@?[\w'’.\-]*[\w](?:\s+[A-Z][\w'’\-]*)*)"

_THANKS = r"(?i:thanks?(?: be| go(?:es)?| you)?(?: so much)?\s+to)"
_MY_BETA = r"(?i:my\s+(?:lovely\s+|wonderful\s+|awesome\s+|amazing\s+|fabulous\s+)?beta),?"
_FOR_BETA = r"(?i:for\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:beta|betaing|beta-?reading|beta'?ing))"

# Keywords are matched case-insensitively with (?i:…); names must keep their capitals.
_DEDICATION = [
    re.compile(
        rf"(?:^|[.!?]\s+|\n)(?i:(?:this\s+(?:story\s+|fic\s+|one\s+|chapter\s+)?is\s+)?for)\s+{_NAME}"
        rf"\s*(?:[,.!:;\-–—]|$|(?i:who|because|and|on)\b)"
    ),
    re.compile(rf"(?i:\bdedicated\s+to)\s+(?:(?i:my)\s+\w+\s+)?{_HANDLE}"),
    re.compile(rf"^\s*(?i:dedication)\s*:\s*{_HANDLE}", re.MULTILINE),
]

_BETA = [
    re.compile(rf"\b{_THANKS}\s+(?:{_MY_BETA}\s+)?{_HANDLE},?\s+{_FOR_BETA}"),
    re.compile(rf"(?i:\bbeta(?:'d|ed|-?read)\s+by)\s+{_HANDLE}"),
    re.compile(
        rf"^\s*(?i:beta(?:[- ]?reader)?s?)\s*[:\-–]\s*{_HANDLE}"
        rf"(?P<more>(?:\s*(?:,|&|and)\s*[\w@'’.\-]+)*)",
        re.MULTILINE,
    ),
    re.compile(rf"\b{_MY_BETA}\s+{_NAME}"),
    re.compile(rf"\b{_NAME}\s+(?i:beta'?d|betaed|beta-read)\s+(?i:this|it|the)\b"),
]

_NOT_NAMES = {
    "the",
    "this",
    "that",
    "all",
    "everyone",
    "anyone",
    "you",
    "me",
    "my",
    "her",
    "him",
    "them",
    "those",
    "now",
    "a",
    "an",
    "once",
    "fun",
    "more",
    "real",
    "reading",
    "me.",
    "ever",
    "years",
    "sure",
}


def dedicatees(text: str) -> list[str]:
    """Names a note dedicates the story to: "For Missy, who…" → ["Missy"]."""
    names: list[str] = []
    for pattern in _DEDICATION:
        for m in pattern.finditer(text):
            _add(names, m.group("name"))
    return names


def beta_readers(text: str) -> list[str]:
    """Names a note thanks for beta reading: "thanks be to Gabrielle for the beta" → ["Gabrielle"]."""
    names: list[str] = []
    for pattern in _BETA:
        for m in pattern.finditer(text):
            _add(names, m.group("name"))
            more = m.groupdict().get("more")
            if more:
                for extra in re.split(r"\s*(?:,|&|\band\b)\s*", more):
                    _add(names, extra)
    return names


def _add(names: list[str], raw: str | None) -> None:
    if not raw:
        return
    name = raw.strip(" .,;:!?'’\"")
    name = re.sub(r"[’']s$", "", name)
    if not name or name.lower() in _NOT_NAMES or name.split()[0].lower() in _NOT_NAMES:
        return
    if name not in names:
        names.append(name)
