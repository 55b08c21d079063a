"""Archive tags: relationship tags, ratings, tag lists."""

from __future__ import annotations

import re

from ficlens.model import AO3Rating, Rating, RelationshipKind, RelationshipTag

_RATINGS: dict[str, AO3Rating] = {
    "general audiences": "General Audiences",
    "g": "General Audiences",
    "k": "General Audiences",
    "k+": "General Audiences",
    "fiction k": "General Audiences",
    "fiction k+": "General Audiences",
    "pg": "Teen And Up Audiences",
    "pg-13": "Teen And Up Audiences",
    "pg13": "Teen And Up Audiences",
    "t": "Teen And Up Audiences",
    "teen": "Teen And Up Audiences",
    "teens": "Teen And Up Audiences",
    "fiction t": "Teen And Up Audiences",
    "teen and up audiences": "Teen And Up Audiences",
    "m": "Mature",
    "r": "Mature",
    "mature": "Mature",
    "fiction m": "Mature",
    "r - restricted": "Mature",
    "nc-17": "Explicit",
    "nc17": "Explicit",
    "ma": "Explicit",
    "fiction ma": "Explicit",
    "e": "Explicit",
    "x": "Explicit",
    "xxx": "Explicit",
    "explicit": "Explicit",
    "not rated": "Not Rated",
}


def parse_rating(text: str | None) -> Rating | None:
    """Keep the rating as written and add the AO3 rating it maps to, when it maps."""
    if not text or not text.strip():
        return None
    written = " ".join(text.split())
    key = written.lower().strip(" .")
    ao3 = _RATINGS.get(key) or _RATINGS.get(key.split(" - ")[0].strip())
    return Rating(text=written, ao3=ao3)


_ROMANTIC = re.compile(r"\s*/\s*")
_PLATONIC = re.compile(r"\s+&\s+|\s*&\s*(?=\S)")


def parse_relationship(tag: str, fandoms: list[str] | None = None) -> RelationshipTag | None:
    """Split "A/B" (romantic) or "A & B" (platonic) into character names.

    Slashes inside a known fandom name ("Fate/stay night") or inside a parenthesised
    disambiguator ("Harry Potter (Harry Potter/Cursed Child)") are not pairing slashes.
    """
    text = " ".join(tag.split())
    masked = _mask_non_pairing_slashes(text, fandoms or [])
    kind: RelationshipKind
    if "/" in masked:
        kind = "romantic"
        parts = _split_masked(text, masked, "/")
    elif "&" in masked:
        kind = "platonic"
        parts = _split_masked(text, masked, "&")
    else:
        return None
    names = [p.strip() for p in parts if p.strip()]
    if len(names) < 2:
        return None
    return RelationshipTag(tag=text, characters=names, kind=kind)


def _mask_non_pairing_slashes(text: str, fandoms: list[str]) -> str:
    masked = text
    for fandom in fandoms:
        for name in {fandom, fandom.split(" - ")[0].strip()}:
            if "/" in name or "&" in name:
                masked = masked.replace(name, "#" * len(name))
    # anything inside parentheses is a disambiguator, never a pairing separator
    return re.sub(r"\([^)]*\)", lambda m: "#" * len(m.group()), masked)


def _split_masked(text: str, masked: str, sep: str) -> list[str]:
    parts, start = [], 0
    for i, ch in enumerate(masked):
        if ch == sep:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def split_tag_list(text: str | None) -> list[str]:
    """Split a comma-separated tag list ("A, B, C") respecting parentheses; empty → []."""
    if not text:
        return []
    out: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return [" ".join(t.split()) for t in out if t.strip()]


def normalize_status(text: str | None) -> str | None:
    """Map archive status words to 'complete' or 'in-progress'."""
    if not text:
        return None
    t = text.strip().lower()
    if t in {"completed", "complete", "yes", "terminée", "terminé", "finished", "oneshot", "one-shot"}:
        return "complete"
    if t in {
        "in-progress",
        "in progress",
        "wip",
        "no",
        "en cours",
        "incomplete",
        "ongoing",
        "work in progress",
    }:
        return "in-progress"
    return None
