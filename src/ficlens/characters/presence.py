"""Who is present in the story (acts or speaks) and who is only talked about."""

from __future__ import annotations

from ficlens.characters.lexicon import COGNITION_VERBS
from ficlens.characters.types import Entity, MentionSpan
from ficlens.nlp.parse import ParsedDocument

_ACTING_ROLES = {"nsubj", "nsubjpass", "dobj", "agent", "iobj", "dative"}


def mark_presence(
    parsed: ParsedDocument,
    mentions: list[MentionSpan],
    entities: list[Entity],
    speakers: frozenset[int] = frozenset(),
) -> None:
    """An entity is present when it speaks or is subject/object of a narrated, non-mental verb."""
    for entity in entities:
        entity.present = entity.index in speakers
    for m in mentions:
        if m.entity is None or m.in_quote or entities[m.entity].present:
            continue
        token = parsed.root_of(m.start, m.end)
        if token is None:
            continue
        root = token
        while root.dep_ in {"compound", "flat", "appos", "conj"} and root.head is not root:
            root = root.head
        if root.dep_ in _ACTING_ROLES and root.head.lemma_.lower() not in COGNITION_VERBS:
            entities[m.entity].present = True
