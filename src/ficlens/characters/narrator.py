"""Give a first-person narrator the name the other characters call them.

A narrator is "I" in the narration, so their name appears almost only inside other people's
speech ("Jake, old boy," Bill said). The named character whose name mentions are nearly all
inside quotations, and who is addressed the most, is taken to be the narrator and merged into
the narrator entity, when the narration is told in the first person (a letter or a stray "I" in
a story told in the third person names no one). This runs as the cast is built, so attribution
sees one character where the narration says "I" and the dialogue says "Jake". Friends and
strangers often call a narrator differently ("Jake" and "Mr. Barnes"): another name heard only
in speech whose first name is the formal form of the first's pet name ("Jacob Barnes" for
"Jake"), or the other way round, is the narrator's too.
"""

from __future__ import annotations

from ficlens.characters.names import canonical_name, split_title
from ficlens.characters.nicknames import formal_names
from ficlens.characters.types import Cast, Entity

NARRATOR = "the narrator"
MIN_NARRATOR_MENTIONS = 10
FIRST_PERSON_RATE = 6.0
"""Narration is told in the first person when it has at least this many "I" per 1,000 words. On
the PDNC novels the two told in the first person have 21 and 28, the 21 others at most 4 (letters,
addresses to the reader): below this, merging the "I" with a name heard only in speech named it
after whoever was called that ("Eliza Bennet", "Cottager")."""
MIN_NAME_MENTIONS = 3
QUOTED_SHARE = 0.9


def name_narrator(cast: Cast, narration_words: int) -> None:
    """Merge a first-person narrator with their names, if the text shows them (in place: the
    names' mentions move to `cast.narrator`). `narration_words` counts the words outside quotations."""
    narrator = cast.entities[cast.narrator] if cast.narrator is not None else None
    if narrator is None or narrator.name != NARRATOR or len(narrator.mentions) < MIN_NARRATOR_MENTIONS:
        return
    said = sum(m.text.lower() == "i" and not m.in_quote for m in narrator.mentions)
    if said * 1000 < FIRST_PERSON_RATE * narration_words:
        return
    heard = [e for e in cast.entities if e is not narrator and _heard_only(e)]
    if not heard:
        return
    best = max(heard, key=_name_count)
    names = [best] + [e for e in heard if e is not best and _pet_forms_of_one(best, e)]
    narrator.gender = narrator.gender or best.gender
    for entity in names:
        for m in entity.mentions:
            m.entity = narrator.index
        narrator.mentions.extend(entity.mentions)
        entity.mentions, entity.named = [], False
    narrator.mentions.sort(key=lambda m: m.start)
    if len(names) == 1:
        narrator.name, narrator.aliases = best.name, best.aliases
    else:
        narrator.name, narrator.aliases = canonical_name(narrator.mentions, cast.common_words)


def _name_count(entity: Entity) -> int:
    return sum(m.kind == "name" for m in entity.mentions)


def _heard_only(entity: Entity) -> bool:
    """A named character, not from the knowledge base, whose names are nearly all in quotes."""
    names = [m for m in entity.mentions if m.kind == "name"]
    return (
        entity.named
        and entity.canon is None
        and len(names) >= MIN_NAME_MENTIONS
        and sum(m.in_quote for m in names) >= QUOTED_SHARE * len(names)
    )


def _pet_forms_of_one(a: Entity, b: Entity) -> bool:
    """One's bare first name is a pet form of the other's full name's first name ("Jake",
    "Jacob Barnes")."""

    def firsts(entity: Entity, full: bool) -> set[str]:
        out = set()
        for alias in entity.aliases:
            title, tokens = split_title(alias)
            if title is None and len(tokens) == (2 if full else 1):
                out.add(tokens[0])
        return out

    def pet_of(pets: set[str], fulls: set[str]) -> bool:
        formal = {f.lower() for f in fulls}
        return any(formal_names(p) & formal for p in pets)

    return pet_of(firsts(a, False), firsts(b, True)) or pet_of(firsts(b, False), firsts(a, True))
