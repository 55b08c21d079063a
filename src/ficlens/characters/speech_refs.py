"""Pronouns inside quotations, once speakers are known: "I" is the speaker, "you" the addressee.

A third-person pronoun inside a quote never refers to its speaker or (single) addressee, so one
that the narrative pass gave to either is moved to the next best candidate or left unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ficlens.characters.lexicon import PRONOUNS
from ficlens.characters.types import Cast, Entity


@dataclass(frozen=True)
class Utterance:
    """Quoted spans (document offsets) with the entity that speaks them and the ones addressed."""

    parts: Sequence[tuple[int, int]]
    speaker: int | None
    addressees: Sequence[int] = ()


def resolve_speech_pronouns(cast: Cast, utterances: Sequence[Utterance]) -> None:
    """Assign first- and second-person pronouns in quotes; undo third-person ones that point at
    the speaker or the addressee."""
    spans = sorted(((s, e, u) for u in utterances for s, e in u.parts), key=lambda t: t[0])
    if not spans:
        return
    cursor = 0
    unknown: dict[tuple[int, int], int] = {}  # (utterance, person) → stand-in entity
    for m in sorted(cast.mentions, key=lambda m: m.start):
        if m.kind != "pronoun" or not m.in_quote:
            continue
        while cursor < len(spans) and spans[cursor][1] <= m.start:
            cursor += 1
        if cursor >= len(spans) or not (spans[cursor][0] <= m.start < spans[cursor][1]):
            continue
        utterance = spans[cursor][2]
        _, plural, person = PRONOUNS.get(m.text.lower(), (None, False, 3))
        if person == 1 and not plural:
            if utterance.speaker is not None:
                m.entity, m.confidence = utterance.speaker, 0.85
            else:
                m.entity, m.confidence = _stand_in(cast, unknown, id(utterance), 1, "the speaker"), 0.3
        elif person == 2 and not plural:
            if len(utterance.addressees) == 1:
                m.entity, m.confidence = utterance.addressees[0], 0.75
            else:
                m.entity, m.confidence = _stand_in(cast, unknown, id(utterance), 2, "the one addressed"), 0.3
        elif (
            person == 3
            and m.entity is not None
            and (m.entity == utterance.speaker or m.entity in utterance.addressees)
        ):
            m.entity, m.confidence = None, 0.0
    for entity in cast.entities:
        entity.mentions = [m for m in cast.mentions if m.entity == entity.index]


def _stand_in(cast: Cast, made: dict[tuple[int, int], int], utterance: int, person: int, name: str) -> int:
    """One unnamed entity per utterance and person, so an unattributed quote's "I"s (or "you"s)
    stay together without being guessed onto a character."""
    key = (utterance, person)
    if key not in made:
        made[key] = len(cast.entities)
        cast.entities.append(Entity(index=made[key], name=name, named=False))
    return made[key]
