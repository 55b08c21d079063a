"""Infer a character's gender from the text when neither the knowledge base nor a title says it:
the pronoun that follows a character's name as sentence subject votes for a gender."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from ficlens.characters.lexicon import PRONOUNS
from ficlens.characters.types import Entity, MentionSpan
from ficlens.nlp.parse import SUBJECT_DEPS, ParsedDocument

K = TypeVar("K")

CENSUS_VOTES = 3
"""Pronoun votes a clear-cut first name counts for: in a story told close to someone else, "Rachel
says. He shrugs." votes male for Rachel, so a Rachel is a man only when the text says so clearly
and often (a gender-flipped character, every "she" for "Harry")."""


def infer_genders(
    parsed: ParsedDocument, mentions: list[MentionSpan], entities: list[Entity], min_votes: int = 1
) -> None:
    """Set `gender` on entities that lack one.

    Text evidence first: the first he/she pronoun after a name that is the subject of its sentence,
    within that sentence or as the subject of the next one, votes ("Spike jerked his head up" and
    "Brett laughed. She ..." vote male for Spike and female for Brett). Without votes,
    census first-name frequencies decide when they are clear-cut.
    """
    votes = _pronoun_votes(parsed, mentions, "name", lambda m: m.entity)
    for entity in entities:
        if entity.gender is not None:
            continue
        census = first_name_gender(entity.name)
        if entity.index in votes:
            tally = votes[entity.index] + Counter({census: CENSUS_VOTES} if census else {})
            (top, n), *rest = tally.most_common()
            if votes[entity.index][top] >= min_votes and (not rest or n >= 2 * rest[0][1]):
                entity.gender = top
                continue
        entity.gender = census


HEAD_VOTES = 2
"""Pronoun votes a description's head noun needs to have a gender (`head_genders`)."""


def head_genders(parsed: ParsedDocument, mentions: list[MentionSpan]) -> dict[str, str]:
    """The gender the text gives each description's head noun, voted as `infer_genders` votes
    for names ("The beadle nodded. He …" votes male for "beadle"): at least `HEAD_VOTES` votes and
    twice as many as the other gender. A story uses one word for one kind of person, so the votes
    of every "the beadle" count together; a word the text uses for men and women alike gets none."""
    votes = _pronoun_votes(parsed, mentions, "nominal", lambda m: m.head.lower() or None)
    out: dict[str, str] = {}
    for head, tally in votes.items():
        (top, n), *rest = tally.most_common()
        if n >= HEAD_VOTES and (not rest or n >= 2 * rest[0][1]):
            out[head] = top
    return out


def _pronoun_votes(
    parsed: ParsedDocument,
    mentions: list[MentionSpan],
    kind: str,
    key: Callable[[MentionSpan], K | None],
) -> dict[K, Counter[str]]:
    """Per `key` of the subject mentions of `kind`, the genders of the he/she pronouns that follow
    them in their sentence or as the next sentence's subject, before anyone else is named."""
    votes: dict[K, Counter[str]] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        mine = key(m) if m.kind == kind else None
        if mine is None:
            continue
        token = parsed.root_of(m.start, m.end)
        if token is None or token.dep_ not in SUBJECT_DEPS:
            continue
        base = parsed.document.paragraphs[m.paragraph].offset
        sentence_end = base + token.sent.end_char
        following = token.doc[token.sent.end : token.sent.end + 1]
        next_end = base + following[0].sent.end_char if len(following) else sentence_end
        for nxt in ordered[i + 1 : i + 6]:
            if nxt.start >= next_end or nxt.in_quote != m.in_quote:
                break
            if nxt.kind != "pronoun":
                if nxt.kind in ("name", kind) and (nxt.kind != kind or key(nxt) != mine):
                    break  # someone else named or described first: the pronoun may be theirs
                continue
            if nxt.start >= sentence_end and not parsed.is_subject(nxt.start, nxt.end):
                break  # the next sentence votes only through its subject ("Brett said. She ...")
            gender = PRONOUNS.get(nxt.text.lower(), (None, False, 3))[0]
            if gender:
                votes.setdefault(mine, Counter())[gender] += 1
            break
    return votes


@lru_cache(maxsize=1)
def _census_first_names() -> dict[str, tuple[float, float]]:
    """First name → (female frequency, male frequency) from the US Census 1990 lists that the
    MIT-licensed `names` package ships (public-domain data)."""
    table: dict[str, list[float]] = {}
    for position, filename in ((0, "dist.female.first"), (1, "dist.male.first")):
        text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 2:
                table.setdefault(parts[0].lower(), [0.0, 0.0])[position] = float(parts[1])
    return {name: (f, m) for name, (f, m) in table.items()}


@lru_cache(maxsize=1)
def _census_surnames() -> frozenset[str]:
    """Surnames of the US Census 1990 list the `names` package ships."""
    text = resources.files("names").joinpath("dist.all.last").read_text(encoding="ascii")
    return frozenset(line.split()[0].lower() for line in text.splitlines() if line.strip())


def census_name(word: str) -> bool:
    """Whether the census lists `word` as a first name or a surname ("Kelly", "Connolly")."""
    low = word.lower().strip(".,")
    return low in _census_first_names() or low in _census_surnames()


def first_name_gender(name: str) -> str | None:
    """'female'/'male' when census frequencies make a first name at least 10:1 one or the other."""
    first = name.split()[0].lower().strip(".,") if name.split() else ""
    female, male = _census_first_names().get(first, (0.0, 0.0))
    if female > 10 * male:
        return "female"
    if male > 10 * female:
        return "male"
    return None
