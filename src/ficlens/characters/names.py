"""Pass 1-3 of name clustering: identical names, name variants and titles, knowledge-base aliases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ficlens.characters.gender import census_name, first_name_gender
from ficlens.characters.lexicon import (
    HONORIFICS,
    INTERJECTIONS,
    MARRIED_TITLES,
    SALUTATIONS,
    TAG_VERB_PASTS,
    rank_of,
)
from ficlens.characters.nicknames import formal_names
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


def cluster_names(
    mentions: list[MentionSpan], fandom: Fandom | None, common_words: frozenset[str] = frozenset()
) -> list[Entity]:
    """Group name mentions into entities; mentions get their `entity` index set.

    Mentions are grouped by their name core (`name_core`): a mention span may be a whole noun
    phrase ("a certain Frank Churchill"), but the name it carries is what identifies the person.
    """
    by_form: dict[str, list[MentionSpan]] = {}
    for m in mentions:
        if m.kind == "name":
            core = name_core(m.text, common_words)
            if core:
                by_form.setdefault(core, []).append(m)
    groups: list[_Group] = []
    canon_groups: dict[str, _Group] = {}
    known_tokens = {t.lower() for f in by_form for t in split_title(f)[1]}
    # longest forms first so "Buffy Summers" exists before "Buffy" and "Summers" look for it
    for form in sorted(by_form, key=lambda f: (-len(split_title(f)[1]), -len(by_form[f]), f)):
        title, tokens = split_title(form)
        family = _family_form(tokens, by_form[form], known_tokens)
        group = _canon_group(form, fandom, canon_groups, groups) or (
            None
            if family
            else _variant_group(title, tokens, groups)
            or _pet_name_group(title, tokens, by_form[form], groups)
        )
        if group is None:
            group = _Group()
            groups.append(group)
        group.forms[form] += len(by_form[form])
        proper = [t for t in tokens if _proper_token(t)]
        if not _wife_form(title, tokens):  # her husband's names are not hers to lend
            group.tokens.update(t.lower() for t in proper if not _initial(t))
            if len(tokens) > 1 and len(proper) == len(tokens):
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


def _family_form(tokens: list[str], mentions: list[MentionSpan], known: set[str]) -> bool:
    """ "the Emersons", beside an "Emerson": a family, no one person's surname to lend it to. A
    surname that merely ends in s ("Ferrars", "Childers") has no such singular beside it."""
    if len(tokens) != 1 or sum(m.plural for m in mentions) * 2 <= len(mentions):
        return False
    word = tokens[0].lower()
    return any(word.endswith(end) and word[: -len(end)] in known for end in ("es", "s"))


_PARTICLES = frozenset("de da del della di du van von der den le la al bin ibn".split())
_PEERAGE = frozenset({"sir", "lady", "dame"})
"""Titles that are part of a full name ("Sir Harry Otway", "Lady Catherine de Bourgh")."""


def _own_title(title: str) -> bool:
    """A rank, knighthood or peerage: a title the person holds, unlike "Mr." or "Miss"."""
    return title in _PEERAGE or rank_of(title) is not None


def _fits(group: _Group, want: str | None) -> bool:
    """Whether `group` may be of the gender `want` a title asks for (None: any)."""
    return want is None or _gender(group) in (None, want)


def _initial(token: str) -> bool:
    """ "E." of "E. W. B. Childers": part of a full name, but no name to be called by."""
    return len(token) == 2 and token[0].isupper() and token[1] == "."


def _proper_token(token: str) -> bool:
    """A token that can be part of a name: capitalised, or a particle ("de", "van")."""
    return token[:1].isupper() or token in _PARTICLES


_RUN_BREAK = re.compile(r"--|[—–!?;:,.\"“”()\[\]]")
_ABBREVIATED_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Capt|Col|Prof|Rev|[A-Z](?=\.\s+[A-Z]))\.")
"""Periods that do not end a name: abbreviated titles and initials ("Mr. E. W. B. Childers")."""


def name_core(text: str, common_words: frozenset[str] = frozenset()) -> str:
    """The proper name inside a mention: "a certain Frank Churchill" → "Frank Churchill",
    "Jane!\"--repeated Frank Churchill" → "Frank Churchill", "Poor Miss Bates" → "Miss Bates".

    Runs of capitalised tokens (particles allowed inside) are split at punctuation and before a
    title; leading capitalised words that the text also uses in lower case (`common_words`:
    "Poor", "The") or that open a sentence or letter before a name (`_opening_word`: "Groaned
    Naruto", "Dear Harry") are dropped; the longest run wins (the last on a tie).
    """
    text = _ABBREVIATED_TITLE.sub("\\1\u00b7", text.replace("’s", "").replace("'s", ""))
    runs: list[list[str]] = []
    for piece in _RUN_BREAK.split(text):
        run: list[str] = []
        for token in piece.split():
            word = token.strip(" '’").replace("\u00b7", ".")
            if (
                not word
                or word.lower() in _PRONOUNS
                or not (word[:1].isupper() or (run and word in _PARTICLES))
            ):
                runs.append(run)
                run = []
            elif run and word.lower().rstrip(".") in _TITLES:
                runs.append(run)
                run = [word]
            else:
                run.append(word)
        runs.append(run)
    best: list[str] = []
    for run in runs:
        while len(run) > 1 and (
            (run[0].lower() in common_words and run[0].lower().rstrip(".") not in _TITLES)
            or run[0] in _VOCATIVE_PARTICLES
            or _opening_word(run[0])
        ):
            run = run[1:]
        if run and len(run) >= len(best):
            best = run
    return " ".join(best)


def _opening_word(word: str) -> bool:
    """A capitalised word that opens a sentence or a letter before a name and is no part of it:
    a past speech verb ("Groaned Naruto"), an interjection or greeting ("Hello Harry"), a letter's
    salutation or closing ("Dear Naruto", "Love Kushina") or a sentence adverb ("Frankly Harry
    thought…"; an -ly word the census has as a name, "Emily", "Kelly", "Connolly", stays)."""
    low = word.lower()
    if low in TAG_VERB_PASTS or low in INTERJECTIONS or low in SALUTATIONS:
        return True
    return len(low) > 4 and low.endswith("ly") and low not in _LY_ADJECTIVES and not census_name(word)


_LY_ADJECTIVES = frozenset(
    "deadly lovely lonely early ugly jolly silly friendly lively elderly curly kindly likely daily "
    "weekly monthly yearly nightly costly cowardly worldly heavenly ghostly godly saintly stately "
    "manly womanly motherly fatherly brotherly sisterly beastly orderly unlikely surly burly wily "
    "holy only".split()
)
"""Adjectives in -ly, which may open a name ("the Deadly Sins", "Jolly Roger"); adverbs do not."""


_TITLES = frozenset(h.rstrip(".") for h in HONORIFICS)
_VOCATIVE_PARTICLES = frozenset({"O", "Oh"})
"""Words of address before a name ("O Mouse"), not part of it."""
_PRONOUNS = frozenset("i he she it we they you me him her us them my his its our their your".split())


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
    if _wife_form(title, tokens):
        # "Mrs. John Dashwood" is John Dashwood's wife: she joins only her own name
        return next((g for g in groups if any(split_title(f) == (title, tokens) for f in g.forms)), None)
    key = [t.lower() for t in tokens]
    want = HONORIFICS.get(title) if title else None
    # "Mrs. van der Luyden" is not the "Mr. van der Luyden" whose full name she shares
    exact = [g for g in groups if any(f.lower() == " ".join(key) for f in g.full) and _fits(g, want)]
    if exact:
        return exact[0]
    if len(key) == 1 and title:
        # "Mr. Knightley" may be John Knightley's brother: a titled surname joins only a group
        # already called so, or (not for Miss/Mrs./Lady) one known by that surname alone
        candidates = [
            g
            for g in groups
            if any(split_title(f)[0] == title and split_title(f)[1] == tokens for f in g.forms)
            # "Miss Darcy" is not Darcy; "Mr. Fielding" is the Cyril Fielding called plain "Fielding";
            # "Dr. Grant" is not the "Mrs. Grant" who bears his name
            or (want != "female" and not _wife_only(g) and (g.tokens == {key[0]} or tokens[0] in g.forms))
            # "Professor Godbole" is the "Professor Narayan Godbole" (a rank, unlike "Mr.", is
            # not shared by a brother)
            or (rank_of(title) is not None and any(_ranked_surname(f, title, key[0]) for f in g.forms))
        ]
        candidates = [g for g in candidates if _fits(g, want)]
        if not candidates and title == "miss":
            candidates = _miss_of(key[0], groups)
        own = first_name_gender(tokens[0])
        if not candidates and own is not None and want in (None, own):
            candidates = _titled_first_name(title, key[0], want, groups)
        return candidates[0] if len(candidates) == 1 else None
    if len(key) == 1:
        # a bare "Hall" is not the "Mrs. Hall" known by no other name: narration calls a wife by
        # her title, so it is her husband or someone new
        candidates = [g for g in groups if key[0] in g.tokens and not _wife_only(g)]
        if len(candidates) > 1:
            owners = _first_name_owner(key[0], candidates)
            if len(owners) == 1:
                candidates = owners
            elif owners:
                candidates = _dominant_full_name(key[0], owners)
            else:
                candidates = _bare_surname_owner(candidates)
        return candidates[0] if len(candidates) == 1 else None
    # "Harry James Potter" vs "Harry Potter": first and last tokens agree with one group;
    # "Soo Lin" opens "Soo Lin Yao"
    candidates = [
        g
        for g in groups
        if g.full
        and any(
            (f.lower().split()[0] == key[0] and f.lower().split()[-1] == key[-1])
            or f.lower().split()[: len(key)] == key
            for f in g.full
        )
        and _fits(g, want)
    ]
    return candidates[0] if len(candidates) == 1 else None


PET_NAME_SHARE = 0.2
"""Share of a character's name mentions their formal first name must have for a pet form of it
("Lizzy" for "Elizabeth") that nobody bears to join them."""
PET_NAME_MIN = 3
"""Mentions a pet name needs to join anyone (a "Ned" said twice may be anyone's Ned); the formal
form needs one more."""
TOGETHER_SHARE = 0.25
"""Share of a pet name's narration paragraphs that may also name the formal name's bearer."""


def _pet_name_group(
    title: str | None, tokens: list[str], mentions: list[MentionSpan], groups: list[_Group]
) -> _Group | None:
    """The one character whose formal first name a bare pet name nobody bears is a form of:
    "Lizzy" is the Elizabeth the text calls "Elizabeth".

    The formal name must be how the text regularly calls them (`PET_NAME_SHARE` of their name
    mentions: "Thomas Gradgrind", said a few times against hundreds of "Mr. Gradgrind", does not
    make "Tom" his), genders must not clash, and the two may seldom be named together in narration
    (two people are, "Tom and Thomas"; one person is not). Only pet → formal: a formal name may
    have several pet forms in a text, a pet form names one person ("Eliza" is an Elizabeth's and
    a Louisa's)."""
    if (
        title is not None
        or len(tokens) != 1
        or len(mentions) < PET_NAME_MIN
        or any(tokens[0].lower() in g.tokens for g in groups)
    ):
        return None
    formal = formal_names(tokens[0])
    if not formal:
        return None
    own = first_name_gender(tokens[0])
    found = []
    for group in groups:
        total = sum(group.forms.values())
        used = sum(n for f, n in group.forms.items() if _untitled_first(f) in formal)
        gender = _gender(group)
        if used < max(PET_NAME_MIN + 1, PET_NAME_SHARE * total) or (own and gender and own != gender):
            continue
        if _seldom_together(mentions, group):
            found.append(group)
    return found[0] if len(found) == 1 else None


def _untitled_first(form: str) -> str | None:
    title, tokens = split_title(form)
    return tokens[0].lower() if title is None and tokens else None


def _ranked_surname(form: str, title: str, surname: str) -> bool:
    rank, tokens = split_title(form)
    return rank == title and len(tokens) >= 2 and tokens[-1].lower() == surname


def _first_name_owner(token: str, candidates: list[_Group]) -> list[_Group]:
    """The groups whose full name opens with a bare first name shared by several ("Adela" is
    Adela Quested, not the "Madamsell Adela" of a servant's greeting); the caller takes a lone one.

    A name the census does not know as a first name ("Newland", "Sherlock") is one when a single
    full name opens with it and the text uses that full name `FIRST_NAME_DOMINANCE` times as often
    as full names it ends and titles it follows ("Newland Archer" against a garbled "Vandie
    Newland"); "Bounderby" ends "Josiah Bounderby", whatever "Bounderby Bank" opens with, and the
    "Fitzwilliam" of a "Colonel Fitzwilliam" is not Fitzwilliam Darcy."""
    opening = [g for g in candidates if any(f.lower().split()[0] == token for f in g.full)]
    if first_name_gender(token) is not None:
        return opening
    # a family ("the Newland Archers") is no one's first name
    opening = [g for g in opening if sum(m.plural for m in g.mentions) * 2 <= len(g.mentions)]
    ending = [g for g in candidates if any(f.lower().split()[-1] == token for f in g.full)]

    def uses(groups: list[_Group], at: int, least: int = 2) -> int:
        full = ((split_title(f), n) for g in groups for f, n in g.forms.items())
        return sum(
            n
            for (title, tokens), n in full
            if len(tokens) >= least and tokens[at].lower() == token and (least > 1 or title)
        )

    opens = uses(opening, 0)
    surname = uses(ending, -1) + uses(candidates, -1, least=1)  # "Josiah Bounderby", "Colonel Fitzwilliam"
    if len(opening) == 1 and opens >= 2 and opens >= FIRST_NAME_DOMINANCE * surname:
        return opening
    return []


def _wife_form(title: str | None, tokens: list[str]) -> bool:
    """ "Mrs. John Dashwood", "Mrs. Newland Archer": a wife named by her husband's full name."""
    return title == "mrs" and len(tokens) >= 2 and tokens[0] not in _PARTICLES


def _wife_only(group: _Group) -> bool:
    """A group every form of which carries a married woman's title ("Mrs. Hall"): the surname it
    holds is her husband's too. ("Miss Elizabeth" and "Lady Mary" may carry a first name.)"""
    return all(split_title(f)[0] in MARRIED_TITLES for f in group.forms)


def _miss_of(surname: str, groups: list[_Group]) -> list[_Group]:
    """ "Miss Quested" is Adela Quested when she is the one full name with that surname whose first
    name is not a man's (a Miss is called by her own first name, unlike a Mrs.)."""
    return [
        g
        for g in groups
        if _gender(g) != "male"
        and any(
            f.lower().split()[-1] == surname and first_name_gender(f) != "male" and len(f.split()) == 2
            for f in g.full
        )
    ]


def _titled_first_name(title: str, first: str, want: str | None, groups: list[_Group]) -> list[_Group]:
    """ "Miss Anne", "Sir Walter", "Mrs. Rachel", "Mr. Thaddeus": a title before a first name
    of its gender is the person of that first name (called so bare or in a full name), of the
    title's gender; a wife's "Mrs. Charles", her husband's first name, never comes here. A
    knighthood, peerage or rank joins only someone the text already calls by it ("Sir Walter
    Elliot", not Henry Crawford for a "Sir Henry"); a plain "Mr. Thomas" is not Sir Thomas."""
    distinct = _own_title(title)

    def titles(group: _Group) -> set[str]:
        return {t for f in group.forms if (t := split_title(f)[0]) and _own_title(t)}

    return [
        g
        for g in groups
        if _fits(g, want)
        and (any(f.lower() == first for f in g.forms) or any(f.lower().split()[0] == first for f in g.full))
        and (title in titles(g) if distinct else not titles(g))
    ]


REGULAR_SHARE = 0.05
"""Share of a character's name mentions a form needs to be a name the text calls them by."""
SURNAME_DOMINANCE = 3
"""How many times as often a man must be called by a shared surname's titled form as all the other
non-female bearers together for the bare surname to be his."""


def _bare_surname_owner(candidates: list[_Group]) -> list[_Group]:
    """The man a bare surname shared by several groups names: "Darcy" is "Mr. Darcy", not "Miss
    Darcy" (narration calls women by title or first name) nor a "Georgiana Darcy" seen once, when
    he is called so at least `SURNAME_DOMINANCE` times as often as all other men and unknowns.

    A man may be known as one by his full name's first name ("William Rodney", said 28 times, owns
    "Rodney" against a "Katharine Rodney" said once; a woman known so still counts against him,
    since fan fiction calls women by surname too). A bare first name several full names open with
    is `_dominant_full_name`'s to settle."""

    def size(group: _Group) -> int:
        return sum(group.forms.values())

    rest = sorted((g for g in candidates if _gender(g) != "female"), key=size, reverse=True)
    if (
        rest
        and _gender(rest[0], first_names=True) == "male"
        and size(rest[0]) >= SURNAME_DOMINANCE * sum(map(size, rest[1:]))
    ):
        return rest[:1]
    return candidates


FIRST_NAME_DOMINANCE = 5
"""How many times as often as all the others a full name must be used to own a bare first name
they share."""
SPOKEN_FULL_NAME_SHARE = 2 / 3
"""Share of a full name's uses inside quotes above which it is what someone calls a person, not
how the narration names them."""


def _dominant_full_name(token: str, owners: list[_Group]) -> list[_Group]:
    """The one of several full names opening with a bare first name that the text uses
    `FIRST_NAME_DOMINANCE` times as often as the rest together ("Oliver" is Oliver Twist, not an
    "Oliver White" named once), if the narration uses it too: in Hard Times "Tom Gradgrind" is
    what a friend calls the father, and "Tom" in narration is the son. Else all of them, for a
    title to settle."""

    def uses(group: _Group) -> list[MentionSpan]:
        forms = {f for f in group.full if f.lower().split()[0] == token}
        return [m for m in group.mentions if any(m.text.endswith(f) for f in forms)]

    by_size = sorted(((uses(g), g) for g in owners), key=lambda ug: len(ug[0]), reverse=True)
    top, rest = by_size[0][0], sum(len(u) for u, _ in by_size[1:])
    spoken = sum(m.in_quote for m in top)
    if len(top) >= FIRST_NAME_DOMINANCE * rest and spoken <= SPOKEN_FULL_NAME_SHARE * len(top):
        return [by_size[0][1]]
    return owners


def _seldom_together(mentions: list[MentionSpan], group: _Group) -> bool:
    """Whether at most `TOGETHER_SHARE` of the narration paragraphs naming `mentions` also name
    `group` (one person is seldom named twice over in a paragraph; two people often are)."""
    paragraphs = {m.paragraph for m in mentions if not m.in_quote}
    together = paragraphs & {m.paragraph for m in group.mentions if not m.in_quote}
    return len(together) <= max(1.0, TOGETHER_SHARE * len(paragraphs))


def canonical_name(
    mentions: list[MentionSpan], common_words: frozenset[str] = frozenset()
) -> tuple[str, list[str]]:
    """The name and aliases (most used first) of a character merged after clustering from these
    mentions, by the rule of `_canonical_name`."""
    group = _Group(mentions=[m for m in mentions if m.kind == "name"])
    group.forms.update(filter(None, (name_core(m.text, common_words) for m in group.mentions)))
    return _canonical_name(group), [f for f, _ in group.forms.most_common()]


def _canonical_name(group: _Group) -> str:
    """The knowledge-base name, else the fullest proper name the text regularly calls them by.

    A form counts when it is used at least twice and for `REGULAR_SHARE` of the name mentions:
    "William Rodney", said 27 times, beats "Rodney"; "Elizabeth Bennet", said 7 times against 634
    "Elizabeth", is a formal variant, not the name (a once-seen garbled form cannot win either).
    A proper name beats a capitalised description ("Fagin" over "the Jew") and a form in capitals
    ("FAGIN", from a heading); a title stays with a lone surname ("Mr. Darcy", "Professor de
    Worms") and goes from a full name ("Miss Elizabeth Bennet" → "Elizabeth Bennet") unless it is
    the person's own rank, knighthood or peerage ("Dr. Panna Lal", "Sir Harry Otway", "Lady
    Catherine de Bourgh"); a character
    only ever called "the Hatter" is "The Hatter".
    """
    if group.canon is not None:
        return group.canon.name
    forms = [(f, n) for f, n in group.forms.items() if all(map(_proper_token, f.split()))] or list(
        group.forms.items()
    )
    forms = [(f, n) for f, n in forms if not (f.isupper() and len(f) > 1)] or forms
    total = sum(n for _, n in forms)
    regular = [(f, n) for f, n in forms if n >= max(2.0, REGULAR_SHARE * total)] or forms
    described = _article_forms(group)
    named = [(f, n) for f, n in regular if f not in described] or regular
    best = max(named, key=lambda fn: (len(split_title(fn[0])[1]), fn[1]))[0]
    best = _with_rank(best, named)
    if (surname := _regular_surname(best, forms, group, described)) is not None:
        return f"{best} {surname}"
    title, tokens = split_title(best)
    if (
        title
        and len(tokens) >= 2
        and tokens[0] not in _PARTICLES
        and not _initial(tokens[0])  # "Mr. E. W. B. Childers" keeps his title
        and not _wife_form(title, tokens)
        and not _own_title(title)
    ):
        return " ".join(tokens)
    return "The " + best if best in described else best


def _with_rank(best: str, regular: list[tuple[str, int]]) -> str:
    """A lone surname with the rank the text regularly gives it ("Ratcliffe", said beside
    "Inspector Ratcliffe", is Inspector Ratcliffe; "Aziz" is Dr. Aziz); a first name or a social
    title ("Mr. Thorpe") does not take one."""
    if " " in best or first_name_gender(best) is not None:
        return best
    ranked = [(f, n) for f, n in regular if split_title(f) == (split_title(f)[0], [best])]
    ranked = [(f, n) for f, n in ranked if rank_of(split_title(f)[0] or "") is not None]
    return max(ranked, key=lambda fn: fn[1])[0] if ranked else best


def _regular_surname(
    first: str, forms: list[tuple[str, int]], group: _Group, described: set[str]
) -> str | None:
    """The surname to put after a first name the text calls someone by ("Jake", with "Barnes" and
    "Mr. Barnes" beside it, is Jake Barnes): the one lone name other than `first`, bare or titled,
    that is used regularly (as `_canonical_name` counts) and ends a full name of theirs ("Jacob
    Barnes"), is mostly no family's plural ("the Emersons") and not among the `described` forms
    (`_article_forms`). None when `first` is no census first name or has no such surname."""
    if " " in first or first_name_gender(first) is None:
        return None
    total = sum(n for _, n in forms)
    lone: Counter[str] = Counter()
    for form, n in forms:
        _, tokens = split_title(form)
        if len(tokens) == 1 and tokens[0] != first:
            lone[tokens[0]] += n
    endings = {split_title(f)[1][-1] for f, _ in forms if len(split_title(f)[1]) >= 2}
    said: Counter[str] = Counter()
    plural: Counter[str] = Counter()
    for m in group.mentions:
        if words := m.text.split():
            said[words[-1]] += 1
            plural[words[-1]] += m.plural
    found = [
        s
        for s, n in lone.items()
        if n >= max(2.0, REGULAR_SHARE * total)
        and s in endings
        and s not in described
        and plural[s] * 2 <= said[s]
    ]
    return found[0] if len(found) == 1 else None


def _article_forms(group: _Group) -> set[str]:
    """Forms the text mostly writes in a phrase opening with "the" ("the Hatter", "the Jew", "the
    White Rabbit"): descriptions, not names."""
    seen: Counter[str] = Counter()
    led: Counter[str] = Counter()
    for m in group.mentions:
        words = m.text.split()
        article = bool(words) and words[0].lower() == "the"
        for form in group.forms:
            if m.text.endswith(form):
                seen[form] += 1
                led[form] += article  # "the Hatter", "the White Rabbit" (for "Rabbit")
    return {f for f, n in seen.items() if led[f] * 2 > n}


def _gender(group: _Group, first_names: bool = False) -> str | None:
    """The knowledge base's gender, else the title's, else (with `first_names`) the one its full
    names' first names agree on ("William Rodney" is a man before any "Mr." joins him)."""
    if group.canon is not None and group.canon.gender in {"female", "male", "nonbinary"}:
        return group.canon.gender
    if group.gender is not None or not first_names:
        return group.gender
    found = {first_name_gender(f) for f in group.full if not _initial(f.split()[0])}
    return found.pop() if len(found) == 1 else None
