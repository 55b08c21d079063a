"""Relationships between characters: cue signals, speech and shared scenes summed per pair.

Each kind's raw weight becomes a score in [0, 1] by saturation, `1 - exp(-raw / SCALE)`, so one
clear cue scores about 0.6 and several approach 1 whatever the length of the work. Rejection cues
(and negated positive cues) divide the score of the kind they reject: a rejected romance is still a
romance, with a lower score. Ambiguous affection ("I love her", a hug) goes to friendship or
family when role words already tie the pair that way, else to romance.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ficlens.characters.types import Cast
from ficlens.model import Evidence, Interactions, RelationKind, Relationship, WorkMeta
from ficlens.nlp.parse import ParsedDocument
from ficlens.relations.cues import KINDS
from ficlens.relations.resolve import Resolver, Spoken
from ficlens.relations.signals import Signal, find_signals
from ficlens.relations.syntax import sentence_location
from ficlens.relations.tags import tag_pairs, tag_support, tagged_entities

SCALE = 1.0
REJECT_DAMPING = 0.5
MAX_EVIDENCE = 12
"""Evidence sentences kept per kind and pair, in reading order."""

Pair = tuple[int, int]
Key = Callable[[int, int], Pair]


@dataclass
class PdncTally:
    raw: defaultdict[RelationKind, float] = field(default_factory=lambda: defaultdict(float))
    rejected: defaultdict[RelationKind, float] = field(default_factory=lambda: defaultdict(float))
    physical: int = 0
    signals: list[tuple[RelationKind, Signal]] = field(default_factory=list)
    rejections: list[tuple[RelationKind, Signal]] = field(default_factory=list)


def build_relationships(
    parsed: ParsedDocument,
    cast: Cast,
    ids: dict[int, str],
    utterances: Sequence[Spoken] = (),
    work: WorkMeta | None = None,
) -> list[Relationship]:
    """Every pair of listed characters the text relates, strongest first.

    `ids` maps entity index → public character id (`character_ids(cast)`); `utterances` are the
    attributed quotes (`NlpResult.utterances`); `work` brings the relationship tags to check.
    """
    resolver = Resolver(parsed, cast, ids, utterances)
    order = {e: int(i.lstrip("c")) if i.lstrip("c").isdigit() else n for n, (e, i) in enumerate(ids.items())}

    def key(a: int, b: int) -> Pair:
        return (a, b) if order[a] <= order[b] else (b, a)

    tallies: dict[Pair, PdncTally] = defaultdict(PdncTally)
    signals = [s for s in find_signals(parsed, resolver, utterances) if s.a in ids and s.b in ids]
    for s in signals:
        if not s.reject and not s.defer and s.kind is not None:
            tally = tallies[key(s.a, s.b)]
            tally.raw[s.kind] += s.weight
            tally.signals.append((s.kind, s))
    for s in signals:
        tally = tallies[key(s.a, s.b)]
        if s.physical and not s.reject:
            tally.physical += 1
        if s.kind is None or (not s.defer and not s.reject):
            continue
        if s.reject:
            tally.rejected[s.kind] += s.weight
            tally.rejections.append((s.kind, s))
            continue
        kind = max(s.defer, key=lambda k: tally.raw[k]) if any(tally.raw[k] > 0 for k in s.defer) else s.kind
        tally.raw[kind] += s.weight
        tally.signals.append((kind, s))
    quotes = _quotes(utterances, ids, key)
    scenes = _scenes(parsed, cast, ids, utterances, key)
    tagged = tagged_entities(work, cast, ids)
    pairs = set(tallies) | set(quotes) | set(tag_pairs(tagged, key))
    out = []
    for pair in pairs:
        tally = tallies.get(pair, PdncTally())
        rel = Relationship(
            characters=[ids[pair[0]], ids[pair[1]]],
            kinds=_scores(tally),
            interactions=Interactions(
                scenes=scenes[pair], quotes=quotes.get(pair, {}), physical=tally.physical
            ),
            evidence=_evidence(parsed, tally),
        )
        rel.tag_support = tag_support(rel, pair, tagged)
        out.append(rel)
    out.sort(key=_strength, reverse=True)
    return out


def _scores(tally: PdncTally) -> dict[RelationKind, float]:
    scores: dict[RelationKind, float] = {}
    for kind in KINDS:
        raw = tally.raw[kind]
        if raw <= 0:
            continue
        score = (1 - math.exp(-raw / SCALE)) / (1 + REJECT_DAMPING * tally.rejected[kind])
        scores[kind] = round(score, 3)
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))


def _evidence(parsed: ParsedDocument, tally: PdncTally) -> list[Evidence]:
    seen: set[tuple[str, int, int, int]] = set()
    per_kind: Counter[str] = Counter()
    found: list[Evidence] = []
    supported = [(k, s) for k, s in tally.rejections if tally.raw[k] > 0]
    for kind, s in sorted(tally.signals + supported, key=lambda ks: ks[1].token.sent.start_char):
        loc, text = sentence_location(parsed, s.token)
        mark = (kind, loc.chapter, loc.paragraph, loc.start)
        if mark in seen or per_kind[kind] >= MAX_EVIDENCE:
            continue
        seen.add(mark)
        per_kind[kind] += 1
        found.append(Evidence(**loc.model_dump(), text=text, kind=kind))
    found.sort(key=lambda e: (e.chapter, e.paragraph, e.start))
    return found


def _quotes(utterances: Sequence[Spoken], ids: dict[int, str], key: Key) -> dict[Pair, dict[str, int]]:
    counts: dict[Pair, Counter[str]] = defaultdict(Counter)
    for u in utterances:
        if u.speaker not in ids:
            continue
        for a in dict.fromkeys(u.addressees):
            if a in ids and a != u.speaker:
                counts[key(u.speaker, a)][f"{ids[u.speaker]}->{ids[a]}"] += 1
    return {pair: dict(sorted(c.items())) for pair, c in counts.items()}


def _scenes(
    parsed: ParsedDocument, cast: Cast, ids: dict[int, str], utterances: Sequence[Spoken], key: Key
) -> Counter[Pair]:
    """Scenes in which both characters act, speak, are spoken to, or are named in the narration."""
    paragraphs = parsed.document.paragraphs
    present: dict[int, set[int]] = defaultdict(set)
    for m in cast.mentions:
        if m.entity in ids and not m.in_quote:
            present[paragraphs[m.paragraph].scene].add(m.entity)
    for u in utterances:
        if not u.parts:
            continue
        scene = parsed.document.paragraph_at(u.parts[0][0]).scene
        present[scene].update(e for e in (u.speaker, *u.addressees) if e in ids)
    counts: Counter[Pair] = Counter()
    for members in present.values():
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                counts[key(a, b)] += 1
    return counts


def _strength(rel: Relationship) -> tuple[float, int]:
    talk = sum(rel.interactions.quotes.values())
    return sum(rel.kinds.values()) + 0.1 * math.log1p(talk) + 0.1 * rel.interactions.physical, talk
