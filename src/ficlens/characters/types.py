"""Working records of the characters stage (document offsets); `model.py` holds their JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ficlens.kb import CanonCharacter

Kind = Literal["name", "nominal", "pronoun"]


@dataclass
class MentionSpan:
    """A reference to a person in the document: offsets are into `Document.text` (end-exclusive)."""

    start: int
    end: int
    text: str
    kind: Kind
    paragraph: int
    in_quote: bool = False
    entity: int | None = None
    confidence: float = 1.0
    head: str = ""
    gender: str | None = None
    plural: bool = False

    @property
    def is_title(self) -> bool:
        """A bare title ("Mr.", "Lady") nested in a name: a PER span in LitBank, but no reference."""
        from ficlens.characters.lexicon import HONORIFICS

        return self.kind == "nominal" and " " not in self.text.strip() and self.text.lower() in HONORIFICS


@dataclass
class Entity:
    """One character: a cluster of mentions."""

    index: int
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    canon: CanonCharacter | None = None
    mentions: list[MentionSpan] = field(default_factory=list)
    present: bool = False
    named: bool = True
    """False for entities known only by descriptions ("the old man"): not listed as characters."""

    @property
    def id(self) -> str:
        return f"c{self.index}"


@dataclass
class Cast:
    """All characters and mentions of a document."""

    entities: list[Entity]
    mentions: list[MentionSpan]
    fandom_guess: tuple[str, float] | None = None
    common_words: frozenset[str] = frozenset()
    """Words the text writes in lower case ("poor", "meaning"): never part of a name."""
    narrator: int | None = None
    """The first-person narrator ("I" in narration), under whatever name the text gives them."""

    def entity_of(self, mention: MentionSpan) -> Entity | None:
        return self.entities[mention.entity] if mention.entity is not None else None

    def mention_covering(self, start: int, end: int) -> MentionSpan | None:
        """The mention that best covers [start, end): exact first, then the smallest enclosing one."""
        best: MentionSpan | None = None
        for m in self.mentions:
            if (
                m.start <= start
                and end <= m.end
                and (best is None or m.end - m.start < best.end - best.start)
            ):
                best = m
        return best

    def by_id(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
