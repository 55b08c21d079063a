"""Infer a character's gender from the text when neither the knowledge base nor a title says it:
the pronoun that follows a character's name as sentence subject votes for a gender."""

from __future__ import annotations

from collections import Counter

from ficlens.characters.lexicon import PRONOUNS
from ficlens.characters.types import Entity, MentionSpan
from ficlens.nlp.parse import ParsedDocument


def infer_genders(
    parsed: ParsedDocument, mentions: list[MentionSpan], entities: list[Entity], min_votes: int = 1
) -> None:
    """Set `gender` on entities that lack one.

    Votes come from the first he/she pronoun after a name that is the subject of its sentence,
    within that sentence ("Spike jerked his head up" votes male for Spike).
    """
    votes: dict[int, Counter[str]] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        if m.kind != "name" or m.entity is None:
            continue
        token = parsed.token_at(m.start)
        if token is None or token.dep_ not in {"nsubj", "compound"}:
            continue
        sentence_end = parsed.document.paragraphs[m.paragraph].offset + token.sent.end_char
        for nxt in ordered[i + 1 : i + 4]:
            if nxt.start >= sentence_end or nxt.in_quote != m.in_quote:
                break
            if nxt.kind == "name" and nxt.entity != m.entity:
                break
            if nxt.kind == "pronoun":
                gender = PRONOUNS.get(nxt.text.lower(), (None, False, 3))[0]
                if gender:
                    votes.setdefault(m.entity, Counter())[gender] += 1
                break
    for entity in entities:
        if entity.gender is not None or entity.index not in votes:
            continue
        (top, n), *rest = votes[entity.index].most_common()
        if n >= min_votes and (not rest or n >= 2 * rest[0][1]):
            entity.gender = top
