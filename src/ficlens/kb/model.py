"""Typed records of the canon knowledge base: characters, fandoms and the base itself."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr

from ficlens.kb.guess import NameIndex, build_index, guess_fandom
from ficlens.kb.normalize import (
    descriptor_key,
    descriptors_match,
    name_key,
    strip_honorific,
    strip_suffix,
    tag_alternatives,
)

Gender = Literal["female", "male", "nonbinary", "unknown"]
NameKind = Literal["name", "alias", "nickname"]

#: Minimum number of words a known tag needs before it may match as a prefix of a longer tag.
_PREFIX_MIN_WORDS = 2


class CanonCharacter(BaseModel):
    """One canon character with every way a story may name or describe them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    aliases: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    gender: Gender = "unknown"
    descriptors: tuple[str, ...] = ()
    fandom: str

    def surface_forms(self) -> tuple[tuple[str, NameKind], ...]:
        """Every name, alias and nickname, each with its kind."""
        return (
            (self.name, "name"),
            *((alias, "alias") for alias in self.aliases),
            *((nick, "nickname") for nick in self.nicknames),
        )

    def has_descriptor(self, word: str) -> bool:
        """True if one of the descriptors fits ``word`` ("vampires", "the witch", "upset vampire")."""
        query = descriptor_key(word)
        return any(descriptors_match(query, descriptor_key(d)) for d in self.descriptors)


def _thing_key(surface: str) -> str:
    """The name key of a place or thing, its possessive dropped ("St. Mungo's" = "St Mungo")."""
    return name_key(surface.replace("’s", "").replace("'s", ""))


def _thing_pattern(term: str) -> str:
    """A regular expression for a thing's name as prose writes it: any case, full stops optional
    inside it ("St Mungo" = "St. Mungo"), words apart by spaces or hyphens ("Time-Turner" =
    "time turner")."""
    words = [w for w in re.split(r"[\s\-]+", term.replace("’s", "").replace("'s", "")) if w]
    dots = [r"\.?" if k < len(words) - 1 or w.endswith(".") else "" for k, w in enumerate(words)]
    return r"[\s\-]+".join(re.escape(w.rstrip(".")) + dot for w, dot in zip(words, dots, strict=True))


class Fandom(BaseModel):
    """A fandom: the tags archives use for it and its canon characters."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    tags: tuple[str, ...] = ()
    characters: tuple[CanonCharacter, ...] = ()
    shared_names: tuple[str, ...] = ()
    not_characters: tuple[str, ...] = ()
    """Canon names of places, groups, spells and techniques ("Hogwarts", "Rasengan"): no one."""

    _index: dict[str, list[tuple[CanonCharacter, NameKind]]] = PrivateAttr(default_factory=dict)
    _no_ones: frozenset[str] = PrivateAttr(default=frozenset())
    _things: re.Pattern[str] | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any, /) -> None:
        self._no_ones = frozenset(filter(None, map(_thing_key, self.not_characters)))
        index: dict[str, list[tuple[CanonCharacter, NameKind]]] = {}
        for character in self.characters:
            for surface, kind in character.surface_forms():
                key = name_key(surface)
                entries = index.setdefault(key, [])
                if key and all(other is not character for other, _ in entries):
                    entries.append((character, kind))
        self._index = {key: entries for key, entries in index.items() if key}

    def name_entries(self) -> dict[str, list[tuple[CanonCharacter, NameKind]]]:
        """Name key -> characters claiming it, with the kind of claim (read-only view)."""
        return self._index

    def character(self, name: str) -> CanonCharacter | None:
        """The character whose canonical name is ``name`` (case-insensitive), if any."""
        key = name_key(name)
        return next((c for c in self.characters if name_key(c.name) == key), None)

    def lookup(self, surface: str) -> list[CanonCharacter]:
        """Characters whose name, alias or nickname is ``surface``.

        Case, full stops and dashes are ignored ("Mr. Darcy" = "mr darcy"). When nothing matches and
        the surface starts with a title ("Professor Snape", "Miss Granger"), the title is dropped and
        characters of the other gender are left out; a Japanese honorific suffix ("Naruto-kun",
        "Kakashi-sensei") is dropped likewise.
        """
        key = name_key(surface)
        found = [character for character, _ in self._index.get(key, [])]
        if found or not key:
            return found
        bare = strip_suffix(key)
        if bare is not None and bare in self._index:
            return [character for character, _ in self._index[bare]]
        split = strip_honorific(bare or key)
        if split is None:
            return []
        rest, gender = split
        return [
            character
            for character, _ in self._index.get(rest, [])
            if gender is None or character.gender in (gender, "unknown", "nonbinary")
        ]

    def with_descriptor(self, word: str) -> list[CanonCharacter]:
        """Characters having a descriptor that fits ``word`` (singular or plural, any case)."""
        return [character for character in self.characters if character.has_descriptor(word)]

    def is_shared_name(self, surface: str) -> bool:
        """True if ``surface`` is a surname several characters share (listed in ``shared_names``)."""
        key = name_key(surface)
        return any(name_key(shared) == key for shared in self.shared_names)

    def is_not_character(self, surface: str) -> bool:
        """True if ``surface`` is one of ``not_characters`` (same matching as `lookup`, with a
        possessive dropped: "St. Mungo's" is "St Mungo")."""
        return _thing_key(surface) in self._no_ones

    def things_in(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` writes one of ``not_characters`` in full, as (start, end) offsets: a name
        found inside one ("Body" of "Body Flicker", "Dark" of "the Dark Arts") is part of a thing."""
        if self._things is None:
            terms = sorted({t.strip() for t in self.not_characters if t.strip()}, key=len, reverse=True)
            if not terms:
                return []
            self._things = re.compile(
                r"(?<!\w)(?:" + "|".join(map(_thing_pattern, terms)) + r")(?:['’]s)?(?!\w)", re.IGNORECASE
            )
        return [m.span() for m in self._things.finditer(text)]

    def conflicts(self) -> dict[str, list[str]]:
        """Name keys claimed by more than one character, mapped to those characters' names."""
        return {
            key: [character.name for character, _ in entries]
            for key, entries in self._index.items()
            if len(entries) > 1
        }


class KnowledgeBase(BaseModel):
    """All known fandoms, with lookups by archive tag and by the names a story uses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fandoms: tuple[Fandom, ...] = ()

    _tags: dict[str, Fandom] = PrivateAttr(default_factory=dict)
    _names: NameIndex = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        tags: dict[str, Fandom] = {}
        for fandom in self.fandoms:
            for tag in (fandom.name, *fandom.tags):
                for key in tag_alternatives(tag):
                    tags.setdefault(key, fandom)
        self._tags = tags
        self._names = build_index(self.fandoms)

    def __len__(self) -> int:
        return len(self.fandoms)

    def names(self) -> list[str]:
        """The fandom names, in load order."""
        return [fandom.name for fandom in self.fandoms]

    def get(self, name: str) -> Fandom | None:
        """The fandom called ``name`` (or tagged so), if any."""
        return next((f for f in self.fandoms if f.name == name), None) or self.fandom_for_tag(name)

    def fandom_for_tag(self, tag: str) -> Fandom | None:
        """The fandom a story's fandom tag refers to, e.g. "Harry Potter - J. K. Rowling", "Sherlock (TV)".

        Case, punctuation, a trailing " - Author", parenthesised qualifiers and AO3's " | "
        alternatives are ignored; a tag that merely extends a known two-word-or-longer tag
        ("Star Wars: The Clone Wars") falls back to it.
        """
        keys = tag_alternatives(tag)
        for key in keys:
            if key in self._tags:
                return self._tags[key]
        best: tuple[int, Fandom] | None = None
        for key in keys:
            for known, fandom in self._tags.items():
                words = known.count(" ") + 1
                if words < _PREFIX_MIN_WORDS or not key.startswith(known + " "):
                    continue
                if best is None or words > best[0]:
                    best = (words, fandom)
        return best[1] if best else None

    def lookup(self, surface: str) -> list[CanonCharacter]:
        """Characters of any fandom that ``surface`` names (see `Fandom.lookup`)."""
        return [character for fandom in self.fandoms for character in fandom.lookup(surface)]

    def guess_fandom(self, names: Iterable[str]) -> list[tuple[Fandom, float]]:
        """Fandoms a story naming ``names`` (with repetitions) probably belongs to, best first.

        See `ficlens.kb.guess` for the scoring; confidences are in [0, 1].
        """
        return guess_fandom(self.fandoms, names, self._names)
