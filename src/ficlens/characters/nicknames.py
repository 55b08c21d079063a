"""English given names and their pet forms ("Lizzy" is Elizabeth, "Mike" is Michael), from the
hand-curated table of the `nicknames` package (Apache-2.0)."""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer


@lru_cache(maxsize=1)
def _table() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=4096)
def formal_names(pet_name: str) -> frozenset[str]:
    """The lower-cased formal names `pet_name` is a pet form of ("Lizzy": {"elizabeth"}); empty
    for a formal name or a word the table does not know."""
    return frozenset(_table().canonicals_of(pet_name))
