"""Ad-hoc fandoms built from a story's own character tags, for fandoms the knowledge base lacks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ficlens.kb.model import CanonCharacter, Fandom
from ficlens.kb.normalize import HONORIFICS, name_key

_BRACKETED = re.compile(r"\s*[(\[{][^)\]}]*[)\]}]")
_ALTERNATIVES = re.compile(r"\s+\|\s+")
_SPACES = re.compile(r"\s+")

#: Tags archives use for people who are not canon characters.
_NOT_CHARACTERS = {
    "original character",
    "original characters",
    "original female character",
    "original female characters",
    "original male character",
    "original male characters",
    "original child character",
    "original child characters",
    "original character s",
    "original female character s",
    "original male character s",
    "reader",
    "you",
    "everyone",
    "ensemble",
    "other characters",
    "minor characters",
    "background characters",
}
#: Words that never make a useful alias on their own.
_PARTICLES = {"de", "du", "da", "di", "del", "der", "van", "von", "le", "la", "the", "of", "and", "jr", "sr"}


def clean_character_tag(tag: str) -> list[str]:
    """The names one character tag offers: "Sherlock Holmes (again)" -> ["Sherlock Holmes"].

    AO3-style " | " alternatives ("Peter Parker | Spider-Man") give several names, first the main one.
    """
    names: list[str] = []
    for part in _ALTERNATIVES.split(tag):
        name = _SPACES.sub(" ", _BRACKETED.sub(" ", part)).strip(" \t-,;:")
        if name and name not in names:
            names.append(name)
    return names


def fandom_from_character_tags(fandom_name: str, tags: Sequence[str]) -> Fandom:
    """A `Fandom` whose characters are the tagged ones, so unknown fandoms still resolve names.

    Each tag's first name and surname become aliases when no other tagged character shares them;
    shared ones go to ``shared_names``. Tags such as "Original Characters" or "Reader" are skipped.
    """
    entries: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for tag in tags:
        names = clean_character_tag(tag)
        if not names or name_key(names[0]) in seen or name_key(names[0]) in _NOT_CHARACTERS:
            continue
        seen.add(name_key(names[0]))
        entries.append((names[0], names[1:]))

    token_owners: Counter[str] = Counter()
    for name, _ in entries:
        token_owners.update({name_key(token) for token in _alias_tokens(name)})
    full_names = {name_key(name) for name, _ in entries}

    characters: list[CanonCharacter] = []
    shared: list[str] = []
    for name, alternatives in entries:
        aliases = list(alternatives)
        for token in _alias_tokens(name):
            key = name_key(token)
            if token_owners[key] == 1 and key not in full_names:
                aliases.append(token)
            elif token_owners[key] > 1 and token not in shared:
                shared.append(token)
        characters.append(CanonCharacter(name=name, aliases=tuple(aliases), fandom=fandom_name))
    return Fandom(
        name=fandom_name, tags=(fandom_name,), characters=tuple(characters), shared_names=tuple(shared)
    )


def _alias_tokens(name: str) -> list[str]:
    """First name and surname of a multi-word name ("Mr. Darcy" gives "Darcy"); no particles or initials."""
    all_words = name.split()
    words = [w for w in all_words if name_key(w) not in HONORIFICS]
    if len(all_words) < 2 or not words:
        return []
    candidates = [words[0], words[-1]]
    return [
        word
        for word in dict.fromkeys(candidates)
        if len(name_key(word)) > 1 and name_key(word) not in _PARTICLES and "." not in word
    ]
