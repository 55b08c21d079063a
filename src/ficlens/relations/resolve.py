"""Which character a token names: the cast's mentions first, then a salience fallback.

The cast leaves some references open ("her best friend", a "her" inside a quote that is neither
speaker nor addressee). When such a reference is an argument of a relationship cue, the most salient
listed character that fits is taken instead: recent mentions count most (exponential decay over
characters), gender must agree, and the cue's other participants, the quote's speaker and
addressees are excluded (a third-person reference in a quote is never the speaker or the one
addressed; a non-reflexive argument is never its co-argument, a phrase never its own possessor).
The answer carries a lower weight.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ficlens.characters.lexicon import PRONOUNS
from ficlens.characters.types import Cast, MentionSpan
from ficlens.nlp.parse import ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Token

SALIENCE_DECAY = 500.0
"""Characters over which a mention's salience falls by a factor e."""
SALIENCE_WINDOW = 3000
MIN_SALIENCE = 0.25
SALIENCE_MARGIN = 1.5
"""The best candidate must be this many times as salient as the next."""
INFERRED_WEIGHT = 0.7
"""Weight of a cue whose participant was inferred by salience rather than resolved by the cast."""


class Spoken(Protocol):
    """One utterance: quoted spans (document offsets), speaker and addressee entity indexes.

    `ficlens.characters.speech_refs.Utterance` (what `NlpResult.utterances` returns) fits.
    """

    @property
    def parts(self) -> Sequence[tuple[int, int]]: ...

    @property
    def speaker(self) -> int | None: ...

    @property
    def addressees(self) -> Sequence[int]: ...


@dataclass(frozen=True)
class Ref:
    """A character a token refers to, and how sure we are (1.0 from the cast, lower when inferred)."""

    entity: int
    weight: float


class Resolver:
    """Token → listed character, through the cast's mentions and, failing that, salience."""

    def __init__(
        self, parsed: ParsedDocument, cast: Cast, ids: dict[int, str], utterances: Sequence[Spoken] = ()
    ) -> None:
        self.parsed = parsed
        self.cast = cast
        self.ids = ids
        self._by_token: dict[tuple[int, int], MentionSpan] = {}
        for m in sorted(cast.mentions, key=lambda m: (m.start, -(m.end - m.start))):
            root = parsed.root_of(m.start, m.end)
            if root is not None:
                self._by_token.setdefault((root.doc.user_data["paragraph"], root.i), m)
        self._starts: dict[int, list[int]] = {}
        for m in cast.mentions:
            if m.entity in ids:
                self._starts.setdefault(m.entity, []).append(m.start)
        for starts in self._starts.values():
            starts.sort()
        self._spans = sorted((s, e, u) for u in utterances for s, e in u.parts)
        self._span_starts = [s for s, _, _ in self._spans]

    def mention(self, tok: Token) -> MentionSpan | None:
        return self._by_token.get((tok.doc.user_data["paragraph"], tok.i))

    def direct(self, tok: Token) -> int | None:
        """The listed character the cast resolved this token to, if any."""
        m = self.mention(tok)
        return m.entity if m is not None and m.entity in self.ids else None

    def utterance_at(self, offset: int) -> Spoken | None:
        k = self._span_index(offset)
        return self._spans[k][2] if k >= 0 else None

    def same_voice(self, a: Token, b: Token) -> bool:
        """Both tokens in the same quoted span, or both in the narration."""
        return self._span_index(self.parsed.doc_start(a)) == self._span_index(self.parsed.doc_start(b))

    def _span_index(self, offset: int) -> int:
        k = bisect_left(self._span_starts, offset + 1) - 1
        return k if k >= 0 and self._spans[k][0] <= offset < self._spans[k][1] else -1

    def resolve(self, tok: Token, exclude: Iterable[int] = (), gender: str | None = None) -> Ref | None:
        """The character `tok` names: the cast's answer, else the most salient fitting one."""
        direct = self.direct(tok)
        if direct is not None:
            return Ref(direct, 1.0)
        m = self.mention(tok)
        if m is None and not _third_person(tok):
            return None
        if m is not None and (m.plural or m.entity is not None or m.kind == "name"):
            return None
        return self.infer(tok, exclude, gender)

    def infer(self, tok: Token, exclude: Iterable[int] = (), gender: str | None = None) -> Ref | None:
        """The most salient listed character `tok` may refer to (gender agreeing, none of `exclude`,
        neither speaker nor addressee of the quote it stands in)."""
        m = self.mention(tok)
        if tok.lower_ in PRONOUNS:
            person_gender, plural, person = PRONOUNS[tok.lower_]
            if plural or person != 3:
                return None
            gender = gender or person_gender
        elif m is not None and m.gender in {"female", "male"}:
            gender = gender or m.gender
        offset = self.parsed.doc_start(tok)
        banned = set(exclude)
        banned.update(e for c in tok.children if c.dep_ == "poss" and (e := self.direct(c)) is not None)
        utterance = self.utterance_at(offset)
        if utterance is not None:
            banned.update(utterance.addressees)
            if utterance.speaker is not None:
                banned.add(utterance.speaker)
        best = self._salient(offset, banned, gender)
        return Ref(best, INFERRED_WEIGHT) if best is not None else None

    def _salient(self, offset: int, banned: set[int], gender: str | None) -> int | None:
        chapter = self.parsed.document.paragraph_at(offset).chapter
        scores: list[tuple[float, int]] = []
        for entity, starts in self._starts.items():
            if entity in banned:
                continue
            g = self.cast.entities[entity].gender
            if gender is not None and g in {"female", "male"} and g != gender:
                continue
            score = 0.0
            for s in reversed(starts[: bisect_left(starts, offset)]):
                if offset - s > SALIENCE_WINDOW or self.parsed.document.paragraph_at(s).chapter != chapter:
                    break
                score += math.exp(-(offset - s) / SALIENCE_DECAY)
            if gender is not None and g not in {"female", "male"}:
                score *= 0.5
            if score > 0:
                scores.append((score, entity))
        scores.sort(reverse=True)
        if not scores or scores[0][0] < MIN_SALIENCE:
            return None
        if len(scores) > 1 and scores[0][0] < SALIENCE_MARGIN * scores[1][0]:
            return None
        return scores[0][1]


def _third_person(tok: Token) -> bool:
    entry = PRONOUNS.get(tok.lower_)
    return entry is not None and entry[2] == 3 and not entry[1]
