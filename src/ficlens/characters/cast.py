"""`build_cast`: the characters stage from a parsed document to a `Cast`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ficlens.characters.coref import resolve_references
from ficlens.characters.filters import drop_non_people
from ficlens.characters.gender import head_genders, infer_genders
from ficlens.characters.mentions import detect_mentions
from ficlens.characters.names import cluster_names
from ficlens.characters.narrator import NARRATOR, name_narrator
from ficlens.characters.presence import mark_presence
from ficlens.characters.types import Cast
from ficlens.model import WorkMeta
from ficlens.nlp.parse import ParsedDocument

if TYPE_CHECKING:
    from ficlens.characters.mention_model import PerModel
    from ficlens.kb import Fandom, KnowledgeBase

GUESS_THRESHOLD = 0.5
"""Least confidence at which a guessed fandom's knowledge base is used for an untagged story."""


def choose_fandom(work: WorkMeta | None, kb: KnowledgeBase | None) -> Fandom | None:
    """The knowledge-base fandom of the work's first recognised fandom tag, else an ad-hoc fandom
    built from its character tags, else None."""
    if work is None:
        return None
    if kb is not None:
        for tag in work.fandoms:
            fandom = kb.fandom_for_tag(tag)
            if fandom is not None:
                return fandom
    if work.character_tags:
        from ficlens.kb import fandom_from_character_tags

        return fandom_from_character_tags(work.fandoms[0] if work.fandoms else "unknown", work.character_tags)
    return None


def build_cast(
    parsed: ParsedDocument,
    quote_spans: Sequence[tuple[int, int]] = (),
    work: WorkMeta | None = None,
    kb: KnowledgeBase | None = None,
    mention_model: PerModel | None = None,
) -> Cast:
    """Find the characters of `parsed` and resolve every reference to them.

    `mention_model` replaces the shipped mention classifier (cross-validation).
    """
    fandom = choose_fandom(work, kb)
    tag_names = _tag_names(work)
    guess: tuple[str, float] | None = None
    mentions = detect_mentions(
        parsed, quote_spans, tag_names + _fandom_names(fandom), _descriptors(fandom), model=mention_model
    )
    if fandom is None and kb is not None:
        names = [m.text for m in mentions if m.kind == "name"]
        ranked = kb.guess_fandom(names)
        if ranked:
            best, confidence = ranked[0]
            guess = (best.name, confidence)
            if confidence >= GUESS_THRESHOLD:
                fandom = best
                mentions = detect_mentions(
                    parsed,
                    quote_spans,
                    tag_names + _fandom_names(fandom),
                    _descriptors(fandom),
                    model=mention_model,
                )
    lower_words = frozenset(tok.text for doc in parsed.docs for tok in doc if tok.is_lower)
    common_words = lower_words - name_words(parsed)
    entities = cluster_names(mentions, fandom, common_words)
    mentions = drop_non_people(parsed, mentions, entities, lower_words, tag_names, fandom)
    infer_genders(parsed, mentions, entities)
    resolve_references(parsed, mentions, entities, head_genders(parsed, mentions))
    mark_presence(parsed, mentions, entities)
    for entity in entities:
        entity.mentions = [m for m in mentions if m.entity == entity.index]
    cast = Cast(entities=entities, mentions=mentions)
    cast.fandom_guess = guess
    cast.common_words = common_words
    cast.narrator = next((e.index for e in entities if e.name == NARRATOR and e.named), None)
    text = parsed.document.text
    quoted = sum(len(text[start:end].split()) for start, end in quote_spans)
    name_narrator(cast, len(text.split()) - quoted)
    return cast


def name_words(parsed: ParsedDocument) -> frozenset[str]:
    """Lower-cased words the text capitalises inside sentences more often than it writes them in
    lower case: "Bill" in a novel that also pays "the bill" is still a name."""
    lower: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for doc in parsed.docs:
        for tok in doc:
            if tok.is_lower:
                lower[tok.text] += 1
            elif tok.is_title and not tok.is_sent_start and tok.i > 0 and not tok.nbor(-1).is_punct:
                inside[tok.lower_] += 1
    return frozenset(w for w, n in inside.items() if n > lower[w])


def _tag_names(work: WorkMeta | None) -> list[str]:
    if work is None:
        return []
    from ficlens.kb import clean_character_tag

    names = [n for tag in work.character_tags for n in clean_character_tag(tag)]
    names += [n for rel in work.relationship_tags for c in rel.characters for n in clean_character_tag(c)]
    return names


def _fandom_names(fandom: Fandom | None) -> list[str]:
    if fandom is None:
        return []
    return [surface for c in fandom.characters for surface, _ in c.surface_forms()]


def _descriptors(fandom: Fandom | None) -> list[str]:
    if fandom is None:
        return []
    counts = Counter(d.lower() for c in fandom.characters for d in c.descriptors)
    return list(counts)
