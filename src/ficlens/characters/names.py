"""Pass 1-3 of name clustering: identical names, name variants and titles, knowledge-base aliases."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ficlens.characters.lexicon import HONORIFICS
from ficlens.characters.types import Entity, MentionSpan

if TYPE_CHECKING:
    from ficlens.kb import CanonCharacter, Fandom


def split_title(name: str) -> tuple[str | None, list[str]]:
    """("mr", ["Darcy"]) for "Mr. Darcy"; (None, ["Buffy", "Summers"]) for "Buffy Summers"."""
    tokens = name.replace("’s", "").replace("'s", "").split()
    title = None
    while tokens and tokens[0].lower().rstrip(".") in {h.rstrip(".") for h in HONORIFICS} and len(tokens) > 1:
        title = title or tokens[0].lower().rstrip(".")
        tokens = tokens[1:]
    return title, tokens


@dataclass
class _Group:
    forms: Counter[str] = field(default_factory=Counter)
    tokens: set[str] = field(default_factory=set)
    full: list[str] = field(default_factory=list)
    canon: CanonCharacter | None = None
    gender: str | None = None
    mentions: list[MentionSpan] = field(default_factory=list)


def cluster_names(mentions: list[MentionSpan], fandom: Fandom | None) -> list[Entity]:
    """Group name mentions into entities; mentions get their `entity` index set."""
    by_form: dict[str, list[MentionSpan]] = {}
    for m in mentions:
        if m.kind == "name":
            by_form.setdefault(_clean(m.text), []).append(m)
    groups: list[_Group] = []
    canon_groups: dict[str, _Group] = {}
    # longest forms first so "Buffy Summers" exists before "Buffy" and "Summers" look for it
    for form in sorted(by_form, key=lambda f: (-len(split_title(f)[1]), -len(by_form[f]), f)):
        title, tokens = split_title(form)
        group = _canon_group(form, fandom, canon_groups, groups) or _variant_group(title, tokens, groups)
        if group is None:
            group = _Group()
            groups.append(group)
        group.forms[form] += len(by_form[form])
        group.tokens.update(t.lower() for t in tokens)
        if len(tokens) > 1:
            group.full.append(" ".join(tokens))
        if title and HONORIFICS.get(title) and group.gender is None:
            group.gender = HONORIFICS.get(title)
        group.mentions.extend(by_form[form])
    entities: list[Entity] = []
    for group in groups:
        entity = Entity(index=len(entities), name=_canonical_name(group))
        entity.canon = group.canon
        entity.gender = _gender(group)
        entity.aliases = [f for f, _ in group.forms.most_common()]
        for m in group.mentions:
            m.entity = entity.index
            m.confidence = 0.95
        entity.mentions = sorted(group.mentions, key=lambda m: m.start)
        entities.append(entity)
    return entities


def _clean(text: str) -> str:
    return " ".join(text.replace("’s", "").replace("'s", "").split()).strip(" ,.")


def _canon_group(
    form: str, fandom: Fandom | None, canon_groups: dict[str, _Group], groups: list[_Group]
) -> _Group | None:
    if fandom is None:
        return None
    found = fandom.lookup(form)
    if len(found) != 1:
        return None
    canon = found[0]
    group = canon_groups.get(canon.name)
    if group is None:
        group = _Group(canon=canon)
        canon_groups[canon.name] = group
        groups.append(group)
    return group


def _variant_group(title: str | None, tokens: list[str], groups: list[_Group]) -> _Group | None:
    """An existing group this name is a variant of: same full name, or a first/last name of exactly one."""
    if not tokens:
        return None
    key = [t.lower() for t in tokens]
    exact = [g for g in groups if any(f.lower() == " ".join(key) for f in g.full)]
    if exact:
        return exact[0]
    if len(key) == 1:
        candidates = [g for g in groups if key[0] in g.tokens]
        if title == "mrs":
            # "Mrs. Bennet" is rarely the Bennet already named: only join a group already called so
            candidates = [g for g in candidates if any(split_title(f)[0] == "mrs" for f in g.forms)]
        if title and HONORIFICS.get(title):
            want = HONORIFICS[title]
            candidates = [g for g in candidates if _gender(g) in (None, want)]
        if len(candidates) == 1:
            return candidates[0]
        return None
    # "Harry James Potter" vs "Harry Potter": first and last tokens agree with one group
    candidates = [
        g
        for g in groups
        if g.full and any(f.lower().split()[0] == key[0] and f.lower().split()[-1] == key[-1] for f in g.full)
    ]
    return candidates[0] if len(candidates) == 1 else None


def _canonical_name(group: _Group) -> str:
    if group.canon is not None:
        return group.canon.name
    if group.full:
        return Counter(group.full).most_common(1)[0][0]
    form, _ = group.forms.most_common(1)[0]
    return form


def _gender(group: _Group) -> str | None:
    if group.canon is not None and group.canon.gender in {"female", "male", "nonbinary"}:
        return group.canon.gender
    return group.gender
