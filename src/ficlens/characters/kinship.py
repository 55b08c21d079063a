"""Relational descriptions ("her husband", "his mother") resolved through family names.

A description that names someone by their tie to another character is that character's relative,
and families share a surname: Mrs. Pontellier's husband is the Mr. Pontellier of the story, Miss
Bennet's mother the Mrs. Bennet. Only ties a person has one of, or that a surname narrows to one
candidate, are resolved; an uncle, an aunt or a cousin often bears another name, so they are not.
"""

from __future__ import annotations

from collections.abc import Sequence

from ficlens.characters.lexicon import HONORIFICS, MARRIED_TITLES, rank_of
from ficlens.characters.types import Entity

KIN_NOUNS: dict[str, tuple[str, str]] = {
    # noun: (the relative's gender, the tie)
    "husband": ("male", "spouse"),
    "wife": ("female", "spouse"),
    "father": ("male", "parent"),
    "papa": ("male", "parent"),
    "dad": ("male", "parent"),
    "daddy": ("male", "parent"),
    "mother": ("female", "parent"),
    "mamma": ("female", "parent"),
    "mama": ("female", "parent"),
    "mum": ("female", "parent"),
    "mom": ("female", "parent"),
    "brother": ("male", "sibling"),
    "sister": ("female", "sibling"),
    "son": ("male", "child"),
    "daughter": ("female", "child"),
}
"""Ties a surname usually follows. A spouse and a parent get the titled form of the name
("Mr. Pontellier", "Mrs. Bennet"); a sibling or a child must be the only one of the name."""

POSSESSIVES = {"his": "male", "her": "female"}


def kin_tie(head: str) -> tuple[str, str] | None:
    """The relative's gender and the tie a relational head noun names, if it is one."""
    return KIN_NOUNS.get(head.lower())


def _title_gender(word: str) -> str | None:
    return HONORIFICS.get(word.lower())


def _is_title(word: str) -> bool:
    return word.lower() in HONORIFICS or rank_of(word) is not None


def surnames(entity: Entity) -> set[str]:
    """The family names an entity's name forms show: the last word of a full name or of a titled
    one ("Edna Pontellier", "Mrs. Pontellier" → Pontellier); a bare one-word name shows none."""
    out: set[str] = set()
    for form in {entity.name, *entity.aliases}:
        words = form.split()
        if len(words) >= 2 and words[-1][:1].isupper() and not _is_title(words[-1]):
            out.add(words[-1].casefold())
    return out


_PARENT_TITLES = MARRIED_TITLES | {"lady"}
"""Titles a wife or a mother bears (Lady Bertram is a mother; a Miss is nobody's)."""


def _titled_as(entity: Entity, gender: str) -> bool:
    """Some name form of `entity` opens with a title a husband, a wife or a parent of `gender`
    bears ("Mr. Pontellier", "Mrs. Bennet"; a "Miss Bennet" is a daughter)."""
    return any(
        len(words) >= 2
        and _title_gender(words[0]) == gender
        and (gender != "female" or words[0].lower().rstrip(".") in _PARENT_TITLES)
        for words in (form.split() for form in {entity.name, *entity.aliases})
    )


def relative(possessor: Entity, head: str, entities: Sequence[Entity]) -> Entity | None:
    """The named character a relational head noun of `possessor` stands for, when the family name
    leaves one: the only other character of the tie's gender who shares a surname with the
    possessor (for a spouse or a parent, one whose name carries that gender's title)."""
    tie = kin_tie(head)
    family = surnames(possessor)
    if tie is None or not family:
        return None
    gender, kind = tie
    found = [
        e
        for e in entities
        if e.named
        and e.index != possessor.index
        and e.gender in (gender, None)
        and surnames(e) & family
        and (kind not in {"spouse", "parent"} or _titled_as(e, gender))
    ]
    return found[0] if len(found) == 1 else None
