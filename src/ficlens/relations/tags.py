"""The work's relationship tags against the text: does the story bear the tagged pairing out?

A tag's names match a character by full name or alias (case-insensitive, AO3's "(Fandom)"
disambiguation dropped), else by first name. "A/B" is romantic and is supported when the pair's
romantic score reaches `SUPPORT_THRESHOLD`; "A & B" is platonic, supported by friendship or family.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ficlens.characters.types import Cast, Entity
from ficlens.model import Relationship, RelationshipTag, TagSupport, WorkMeta

SUPPORT_THRESHOLD = 0.3

Pair = tuple[int, int]


def _norm(name: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", name).lower().replace("’", "'").split())


def _forms(entity: Entity) -> set[str]:
    forms = {_norm(entity.name), *(_norm(a) for a in entity.aliases)}
    if entity.canon is not None:
        forms |= {_norm(entity.canon.name), *(_norm(a) for a in entity.canon.aliases)}
        forms |= {_norm(a) for a in entity.canon.nicknames}
    forms |= {_norm(m.text) for m in entity.mentions if m.kind == "name"}
    return {f for f in forms if f}


def match_name(name: str, cast: Cast, ids: dict[int, str]) -> int | None:
    """The listed character a tag's name designates: exact form first, then first name."""
    target = _norm(name)
    if not target:
        return None
    listed = [e for e in cast.entities if e.index in ids]
    exact = [e for e in listed if target in _forms(e)]
    if not exact:
        first = target.split()[0]
        exact = [e for e in listed if any(f.split()[0] == first for f in _forms(e))]
    if not exact:
        return None
    return max(exact, key=lambda e: len(e.mentions)).index


Tagged = list[tuple[RelationshipTag, list[int]]]


def tagged_entities(work: WorkMeta | None, cast: Cast, ids: dict[int, str]) -> Tagged:
    """Each relationship tag of the work with the listed characters its names designate."""
    out: Tagged = []
    for tag in work.relationship_tags if work is not None else []:
        found = [match_name(n, cast, ids) for n in tag.characters]
        out.append((tag, list(dict.fromkeys(e for e in found if e is not None))))
    return out


def tag_pairs(tagged: Tagged, key: Callable[[int, int], Pair]) -> list[Pair]:
    """Pairs named together by a tag (reported even when the text says nothing of them)."""
    out = []
    for _, entities in tagged:
        for i, a in enumerate(entities):
            out += [key(a, b) for b in entities[i + 1 :]]
    return out


def tag_support(rel: Relationship, pair: Pair, tagged: Tagged) -> list[TagSupport]:
    """How far the pair's scores bear out each tag naming both of them."""
    out = []
    for tag, entities in tagged:
        if not set(pair) <= set(entities):
            continue
        if tag.kind == "romantic":
            score = rel.kinds.get("romantic", 0.0)
        else:
            score = max(rel.kinds.get("friendship", 0.0), rel.kinds.get("family", 0.0))
        out.append(TagSupport(tag=tag.tag, supported=score >= SUPPORT_THRESHOLD, score=score))
    return out
