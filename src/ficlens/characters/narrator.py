"""Give a first-person narrator the name the other characters call them.

A narrator is "I" in the narration, so their name appears almost only inside other people's
speech ("Jake, old boy," Bill said). The named character whose name mentions are nearly all
inside quotations, and who is addressed the most, is taken to be the narrator and merged into
the narrator entity.
"""

from __future__ import annotations

from ficlens.characters.types import Cast

NARRATOR = "the narrator"
MIN_NARRATOR_MENTIONS = 10
MIN_NAME_MENTIONS = 3
QUOTED_SHARE = 0.9


def name_narrator(cast: Cast) -> dict[int, int]:
    """Merge the narrator with their name, if the text shows it; returns {old entity: new entity}."""
    narrator = next((e for e in cast.entities if e.name == NARRATOR and e.named), None)
    if narrator is None or len(narrator.mentions) < MIN_NARRATOR_MENTIONS:
        return {}
    best, best_count = None, 0
    for entity in cast.entities:
        if entity is narrator or not entity.named or entity.canon is not None:
            continue
        names = [m for m in entity.mentions if m.kind == "name"]
        quoted = sum(m.in_quote for m in names)
        if (
            len(names) >= MIN_NAME_MENTIONS
            and quoted >= QUOTED_SHARE * len(names)
            and len(names) > best_count
        ):
            best, best_count = entity, len(names)
    if best is None:
        return {}
    narrator.name = best.name
    narrator.aliases = best.aliases
    narrator.gender = narrator.gender or best.gender
    for m in best.mentions:
        m.entity = narrator.index
    narrator.mentions = sorted(narrator.mentions + best.mentions, key=lambda m: m.start)
    best.mentions, best.named = [], False
    return {best.index: narrator.index}
