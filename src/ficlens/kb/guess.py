"""Guessing a story's fandom from the character names it uses.

Each surface name that matches a canon name, alias or nickname is evidence for the character's
fandom. Evidence is weighted by distinctiveness: a nickname counts half, a name claimed by several
fandoms is split between them, and a lone common given name or word ("John", "Red") counts little.
A character's evidence grows slowly with how often the story names them. A fandom's score is the
sum over its distinct characters; its confidence combines how strong that score is on its own
(1 - e^-score) with its share of all fandoms' scores.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ficlens.kb.common_names import COMMON_TOKENS
from ficlens.kb.normalize import name_key, strip_honorific, strip_suffix

if TYPE_CHECKING:
    from ficlens.kb.model import CanonCharacter, Fandom, NameKind

KIND_WEIGHT: dict[str, float] = {"name": 1.0, "alias": 1.0, "nickname": 0.5}
COMMON_FACTOR = 0.3
PART_FACTOR = 0.5
MAX_REPEAT_BONUS = 1.5


@dataclass
class _Evidence:
    weight: float = 0.0
    count: int = 0


_Hit = tuple[int, "CanonCharacter", "NameKind"]
NameIndex = dict[str, list[_Hit]]


def guess_fandom(
    fandoms: Sequence[Fandom], names: Iterable[str], index: NameIndex | None = None
) -> list[tuple[Fandom, float]]:
    """Score ``fandoms`` for a story that uses ``names``; best first, zero scores left out.

    ``index`` is `build_index(fandoms)`, passed in when the caller keeps one.
    """
    if index is None:
        index = build_index(fandoms)
    counts = Counter(key for key in map(name_key, names) if key)
    evidence: dict[tuple[int, str], _Evidence] = {}
    for key, count in counts.items():
        for used_key, factor in _candidate_keys(key, index):
            hits = index[used_key]
            n_fandoms = len({fandom_index for fandom_index, _, _ in hits})
            per_fandom = Counter(fandom_index for fandom_index, _, _ in hits)
            base = _specificity(used_key) * factor / n_fandoms
            for fandom_index, character, kind in hits:
                weight = base * KIND_WEIGHT[kind] / per_fandom[fandom_index]
                slot = evidence.setdefault((fandom_index, character.name), _Evidence())
                slot.weight = max(slot.weight, weight)
                slot.count += count
    scores: dict[int, float] = {}
    for (fandom_index, _), item in evidence.items():
        bonus = min(math.log(item.count), 3.0) * MAX_REPEAT_BONUS / 3.0
        scores[fandom_index] = scores.get(fandom_index, 0.0) + item.weight * (1.0 + bonus)
    total = sum(scores.values())
    if total <= 0:
        return []
    ranked = [
        (fandoms[fandom_index], (1.0 - math.exp(-score)) * score / total)
        for fandom_index, score in scores.items()
        if score > 0
    ]
    ranked.sort(key=lambda pair: (-pair[1], pair[0].name))
    return ranked


def build_index(fandoms: Sequence[Fandom]) -> NameIndex:
    """Name key -> (fandom position, character, kind) for every name, alias and nickname."""
    index: NameIndex = {}
    for fandom_index, fandom in enumerate(fandoms):
        for key, entries in fandom.name_entries().items():
            index.setdefault(key, []).extend((fandom_index, c, kind) for c, kind in entries)
    return index


def _candidate_keys(key: str, index: NameIndex) -> list[tuple[str, float]]:
    """The index keys a surface key stands for: itself, itself without a title, or its first/last word."""
    if key in index:
        return [(key, 1.0)]
    bare = strip_suffix(key)
    if bare is not None:
        key = bare
        if key in index:
            return [(key, 1.0)]
    split = strip_honorific(key)
    if split is not None and split[0] in index:
        return [(split[0], 1.0)]
    words = key.split()
    if len(words) < 2:
        return []
    parts = {words[0], words[-1]}
    return [(part, PART_FACTOR) for part in sorted(parts) if part in index]


def _specificity(key: str) -> float:
    """How much a name key alone says: full names say much, common given names or words little."""
    if " " in key:
        return 1.0
    if len(key) <= 2 or key in COMMON_TOKENS:
        return COMMON_FACTOR
    return 1.0
