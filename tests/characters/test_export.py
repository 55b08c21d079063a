"""Which entities the analysis lists as characters (`characters.export`)."""

from __future__ import annotations

from ficlens.characters.export import character_ids
from ficlens.characters.types import Cast, Entity, MentionSpan


def test_a_described_character_who_speaks_is_listed_however_rarely_mentioned() -> None:
    magistrate = MentionSpan(0, 14, "the magistrate", "nominal", 0, entity=1, head="magistrate")
    oliver = MentionSpan(20, 26, "Oliver", "name", 0, entity=0)
    cast = Cast(
        entities=[
            Entity(index=0, name="Oliver", mentions=[oliver]),
            Entity(index=1, name="the magistrate", named=False, mentions=[magistrate]),
        ],
        mentions=[magistrate, oliver],
    )
    assert set(character_ids(cast)) == {0}
    assert character_ids(cast, speakers={1}) == {1: "c1", 0: "c2"}


def test_a_vague_description_is_no_character_even_when_it_speaks() -> None:
    rest = MentionSpan(0, 8, "the rest", "nominal", 0, entity=1, head="rest")
    kaia = MentionSpan(20, 24, "Kaia", "name", 0, entity=0)
    cast = Cast(
        entities=[
            Entity(index=0, name="Kaia", mentions=[kaia]),
            Entity(index=1, name="the rest", named=False, mentions=[rest]),
        ],
        mentions=[rest, kaia],
    )
    assert set(character_ids(cast, speakers={1})) == {0}
