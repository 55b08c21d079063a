"""Characters: who is in the story, every name they go by, every reference resolved to them.

`build_cast` runs the passes in order: mention detection → name clustering (identical names,
variants and titles, knowledge-base aliases) → gender → descriptions and pronouns → presence.
"""

from ficlens.characters.cast import build_cast, choose_fandom
from ficlens.characters.types import Cast, Entity, MentionSpan

__all__ = ["Cast", "Entity", "MentionSpan", "build_cast", "choose_fandom"]
