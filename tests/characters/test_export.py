"""Which entities the analysis lists as characters (`characters.export`)."""

from __future__ import annotations

from ficlens.characters.export import character_ids
from ficlens.characters.types import Cast, Entity, MentionSpan


def _named_and_described(name: str, description: str) -> Cast:
    """A cast of one named character (entity 0) and one known by a description (entity 1)."""
    head = description.split()[-1]
    described = MentionSpan(0, len(description), description, "nominal", 0, entity=1, head=head)
    named = MentionSpan(20, 20 + len(name), name, "name", 0, entity=0)
    return Cast(
        entities=[
            Entity(index=0, name=name, mentions=[named]),
            Entity(index=1, name=description, named=False, mentions=[described]),
        ],
        mentions=[described, named],
    )


def test_a_described_character_who_speaks_is_listed_however_rarely_mentioned() -> None:
    cast = _named_and_described("Oliver", "the magistrate")
    assert set(character_ids(cast)) == {0}
    assert character_ids(cast, speakers={1}) == {1: "c1", 0: "c2"}


def test_a_vague_description_is_no_character_even_when_it_speaks() -> None:
    assert set(character_ids(_named_and_described("Kaia", "the rest"), speakers={1})) == {0}
