"""The cast in its JSON form: `Character` and `Mention` records with paragraph-relative locations."""

from __future__ import annotations

from collections.abc import Collection

from ficlens.characters.names import name_core
from ficlens.characters.types import Cast, Entity, MentionSpan
from ficlens.model import Character, Location, Mention
from ficlens.text.document import Document

MIN_DESCRIBED_MENTIONS = 3
"""A character known only by descriptions ("the old man") is listed from this many mentions on."""


def listed_entities(cast: Cast, speakers: Collection[int] = ()) -> list[Entity]:
    """Entities reported as characters, in order of first mention: the named ones, and those known
    by a description ("the magistrate") that speak or are mentioned often enough."""
    chosen = [
        e
        for e in cast.entities
        if e.mentions
        and (
            e.named or (_described(e) and (e.index in speakers or len(e.mentions) >= MIN_DESCRIBED_MENTIONS))
        )
    ]
    return sorted(chosen, key=lambda e: e.mentions[0].start)


def character_ids(cast: Cast, speakers: Collection[int] = ()) -> dict[int, str]:
    """Entity index → public id ("c1", "c2" … in order of first mention); `speakers` are the
    entities that speak a quote, listed whatever their number of mentions."""
    return {e.index: f"c{n}" for n, e in enumerate(listed_entities(cast, speakers), start=1)}


def locate(document: Document, start: int, end: int) -> Location:
    """Paragraph-relative location of document offsets [start, end)."""
    index = document.index_at(start)
    para = document.paragraphs[index]
    return Location(
        chapter=para.chapter, paragraph=para.index, start=start - para.offset, end=end - para.offset
    )


def export_cast(cast: Cast, document: Document, ids: dict[int, str]) -> tuple[list[Character], list[Mention]]:
    """Characters (the entities in `ids`) and mentions for the analysis JSON (lines spoken are
    added by the dialogue stage).

    Bare titles ("Mr." inside "Mr. Darcy") are mention spans for evaluation but not references,
    so they are left out."""
    characters = []
    for entity in (cast.entities[index] for index in ids):
        first = entity.mentions[0]
        characters.append(
            Character(
                id=ids[entity.index],
                name=entity.name,
                aliases=_aliases(entity, cast.common_words),
                status="present" if entity.present else "mentioned",
                mentions=len(entity.mentions),
                gender=entity.gender if entity.gender in {"female", "male", "nonbinary"} else None,  # type: ignore[arg-type]
                first_mention=locate(document, first.start, first.end),
                canon=entity.canon.fandom if entity.canon is not None else None,
                chapters=sorted({document.paragraphs[m.paragraph].chapter for m in entity.mentions}),
            )
        )
    mentions = [
        _mention(n, m, document, ids)
        for n, m in enumerate(sorted((m for m in cast.mentions if not m.is_title), key=lambda m: m.start))
    ]
    return characters, mentions


_VAGUE_HEADS = frozenset("one ones other others rest thing something person people".split())


def _described(entity: Entity) -> bool:
    """A singular character known by a description with a real head noun ("the old man", not "the one")."""
    nominals = [m for m in entity.mentions if m.kind == "nominal"]
    return (
        bool(nominals)
        and not any(m.plural for m in entity.mentions)
        and not any(m.head in _VAGUE_HEADS for m in nominals)
    )


def _aliases(entity: Entity, common_words: frozenset[str]) -> list[str]:
    """Every name and description used for the character, most frequent first; no pronouns.

    A name mention may be a longer phrase ("all John"); its alias is the name inside it."""
    counts: dict[str, int] = {}
    for m in entity.mentions:
        if m.kind == "pronoun" or m.is_title:
            continue
        text = name_core(m.text, common_words) if m.kind == "name" else " ".join(m.text.split())
        if m.kind == "nominal" and text.split()[0].lower() in {"the", "that", "this"}:
            text = text[0].lower() + text[1:]
        if text:
            counts[text] = counts.get(text, 0) + 1
    if entity.named and entity.name not in counts and entity.canon is None:
        counts[entity.name] = 0
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _mention(n: int, m: MentionSpan, document: Document, ids: dict[int, str]) -> Mention:
    loc = locate(document, m.start, m.end)
    return Mention(
        id=n,
        chapter=loc.chapter,
        paragraph=loc.paragraph,
        start=loc.start,
        end=loc.end,
        text=m.text,
        kind=m.kind,
        character=ids.get(m.entity) if m.entity is not None else None,
        confidence=round(m.confidence, 3) if m.entity is not None else 0.0,
        in_quote=m.in_quote,
    )
