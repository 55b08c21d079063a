"""Pass 4-5: descriptions ("the witch", "the upset vampire") and pronouns resolved to characters.

Descriptions join the recently mentioned character whose knowledge-base descriptors or earlier
descriptions fit the head noun. Pronouns join the most salient gender- and number-compatible
character of the last few sentences (recency, subject role, same paragraph), never the subject
of their own clause when they are a non-reflexive object.
"""

from __future__ import annotations

from dataclasses import dataclass

from ficlens.characters.lexicon import FEMALE_NOUNS, MALE_NOUNS, PRONOUNS
from ficlens.characters.types import Entity, MentionSpan
from ficlens.nlp.parse import ParsedDocument

WINDOW_PARAGRAPHS = 3
"""How many paragraphs back a pronoun or description looks for its character."""


@dataclass
class _Seen:
    entity: int
    position: int
    paragraph: int
    subject: bool
    plural: bool = False


def resolve_references(parsed: ParsedDocument, mentions: list[MentionSpan], entities: list[Entity]) -> None:
    """Assign `entity` to nominal and third-person pronoun mentions in place."""
    descriptions: dict[int, set[str]] = {e.index: set() for e in entities}
    by_description: dict[str, int] = {}
    history: list[_Seen] = []
    narrator: int | None = None
    narrators: int | None = None
    for m in sorted(mentions, key=lambda x: x.start):
        token = parsed.token_at(m.start + len(m.text) - 1) if m.kind != "name" else parsed.token_at(m.start)
        subject = bool(token is not None and token.dep_ in {"nsubj", "nsubjpass"})
        if m.kind == "name" and m.entity is not None:
            history.append(_Seen(m.entity, m.start, m.paragraph, subject))
            continue
        if m.kind == "nominal":
            chosen = _resolve_nominal(m, entities, history, descriptions)
            key = _description_key(m)
            if chosen is None and key is not None:
                chosen = by_description.get(key)
                if chosen is None:
                    chosen = _new_entity(entities, m, descriptions)
                    by_description[key] = chosen
            if chosen is not None:
                m.entity, m.confidence = chosen, 0.7
                descriptions[chosen].add(m.head)
                history.append(_Seen(chosen, m.start, m.paragraph, subject, m.plural))
            continue
        if m.kind == "pronoun":
            gender, plural, person = PRONOUNS.get(m.text.lower(), (None, False, 3))
            if person == 1 and not plural and not m.in_quote:
                if narrator is None:
                    narrator = _new_entity(entities, m, descriptions, name="the narrator")
                    entities[narrator].named = True
                m.entity, m.confidence = narrator, 0.8
                continue
            if person == 1 and plural and not m.in_quote:
                if narrators is None:
                    narrators = _new_entity(entities, m, descriptions, name="we (the narrator's group)")
                m.entity, m.confidence = narrators, 0.7
                continue
            if person == 3 and plural:
                chosen = _resolve_plural(m, history) or _new_entity(entities, m, descriptions, name="they")
                m.entity, m.confidence = chosen, 0.5
                history.append(_Seen(chosen, m.start, m.paragraph, subject, True))
                continue
            if person != 3:
                continue
            excluded = _clause_subject_entity(parsed, m, mentions) if _is_object(token) else None
            chosen, confidence = _resolve_pronoun(m, gender, entities, history, excluded)
            if chosen is not None:
                m.entity, m.confidence = chosen, confidence
                history.append(_Seen(chosen, m.start, m.paragraph, subject))


def _resolve_plural(m: MentionSpan, history: list[_Seen]) -> int | None:
    """The most recent plural group (\"the girls\", an earlier \"they\") within the window."""
    for seen in reversed(history):
        if m.paragraph - seen.paragraph > WINDOW_PARAGRAPHS:
            return None
        if seen.plural:
            return seen.entity
    return None


def _description_key(m: MentionSpan) -> str | None:
    """ "the old man" → "old man"; None for indefinite or possessed descriptions."""
    words = m.text.lower().split()
    if len(words) < 2 or words[0] not in {"the", "that", "this", "these", "those"}:
        return None
    return " ".join(words[1:])


def _new_entity(
    entities: list[Entity], m: MentionSpan, descriptions: dict[int, set[str]], name: str | None = None
) -> int:
    """A character known so far only by a description (or as the first-person narrator)."""
    head = m.head
    gender = "female" if head in FEMALE_NOUNS else "male" if head in MALE_NOUNS else None
    entity = Entity(index=len(entities), name=name or m.text, gender=gender, named=False)
    entities.append(entity)
    descriptions[entity.index] = set()
    return entity.index


def _resolve_nominal(
    m: MentionSpan, entities: list[Entity], history: list[_Seen], descriptions: dict[int, set[str]]
) -> int | None:
    words = m.text.lower().split()
    if not words or words[0] not in {"the", "that", "this"} or m.plural:
        return None  # "a master vampire", "her best friend": predicates and relations, not names
    head = m.head
    fits = {
        e.index
        for e in entities
        if (e.canon is not None and e.canon.has_descriptor(head)) or head in descriptions[e.index]
    }
    gender = "female" if head in FEMALE_NOUNS else "male" if head in MALE_NOUNS else None
    recent = [s for s in reversed(history) if m.paragraph - s.paragraph <= WINDOW_PARAGRAPHS]
    for seen in recent:
        if seen.entity in fits:
            return seen.entity
    if gender is None:
        return None
    # a gendered description ("the woman") of the only recent character of that gender
    recent_ids = list(dict.fromkeys(s.entity for s in recent))
    same = [i for i in recent_ids if entities[i].gender == gender]
    return same[0] if len(same) == 1 and not fits else None


def _resolve_pronoun(
    m: MentionSpan, gender: str | None, entities: list[Entity], history: list[_Seen], excluded: int | None
) -> tuple[int | None, float]:
    scores: dict[int, float] = {}
    for rank, seen in enumerate(reversed(history)):
        if m.paragraph - seen.paragraph > WINDOW_PARAGRAPHS:
            break
        if seen.entity == excluded or seen.plural:
            continue
        entity_gender = entities[seen.entity].gender
        if gender and entity_gender and entity_gender != gender and entity_gender != "nonbinary":
            continue
        score = (
            1.0 / (1 + rank)
            + (0.5 if seen.subject else 0.0)
            + (0.3 if seen.paragraph == m.paragraph else 0.0)
        )
        if gender and entity_gender is None:
            score *= 0.6
        scores[seen.entity] = max(scores.get(seen.entity, 0.0), score)
    if not scores:
        return None, 0.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, top = ranked[0]
    margin = top - (ranked[1][1] if len(ranked) > 1 else 0.0)
    return best, round(min(0.95, 0.5 + margin / 2), 3)


def _is_object(token: object) -> bool:
    dep = getattr(token, "dep_", "")
    text = getattr(token, "lower_", "")
    return dep in {"dobj", "pobj", "dative", "iobj"} and not text.endswith("self")


def _clause_subject_entity(parsed: ParsedDocument, m: MentionSpan, mentions: list[MentionSpan]) -> int | None:
    """Entity of the subject of the verb governing object pronoun `m` (binding: "Willow hit her" ≠ Willow)."""
    token = parsed.token_at(m.start)
    if token is None:
        return None
    verb = token.head.head if token.dep_ == "pobj" else token.head
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            start = parsed.doc_start(child)
            for other in mentions:
                if other.start <= start < other.end and other.entity is not None:
                    return other.entity
    return None
