"""A learned speaker ranker: for every quote, score the characters near it and keep the best.

The rules of `attribution` run first; their choices (the speech tag's subject, turn-taking, the
speakers of neighbouring quotes) become features of each candidate, next to plain evidence from
the text: who is named in narration around the quote and how close, who is addressed inside it,
whose gender fits the tag's pronoun. A logistic model trained on PDNC with leave-novels-out
cross-validation (`training/dialogue/train_speaker.py`) weighs them; inference is a dot product.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ficlens.characters.types import Cast, MentionSpan
from ficlens.dialogue.quotes import QuoteSpan

WINDOW_BEFORE = 4
"""Paragraphs before a quote whose narration names candidates."""
WINDOW_AFTER = 1
NEIGHBOURS = 2
"""Quotes on each side whose speakers are candidates (inside one conversation)."""

FEATURES = (
    "rule",
    "rule_explicit",
    "rule_anaphoric",
    "rule_implicit",
    "rule_weak",
    "cue_name",
    "cue_pronoun",
    "cue_nominal",
    "cue_beat",
    "cue_gender_fits",
    "cue_gender_clash",
    "prev1",
    "prev2",
    "prev_same_paragraph",
    "next1",
    "next2",
    "next1_explicit",
    "next2_explicit",
    "vocative_here",
    "named_here",
    "vocative_prev",
    "addressee_prev",
    "vocative_next",
    "paragraph_before",
    "paragraph_after",
    "paragraph_name",
    "recent1",
    "recent2",
    "recent3",
    "distance",
    "window_count",
    "salience",
    "narrator",
    "unnamed",
    "no_gender",
    "conversation_start",
)


_CUE_FEATURE = {"name": "cue_name", "nominal": "cue_nominal", "beat": "cue_beat"}


@dataclass
class QuoteEvidence:
    """What the rules found for one quote, the ranker's input."""

    speaker: int | None
    kind: str
    confidence: float
    cue_kind: str | None  # "name", "pronoun", "nominal" or None; "beat" for action beats
    cue_gender: str | None
    addressees: list[int]
    vocatives: list[int]
    named_inside: set[int]
    cue_addressees: list[int]


def candidate_features(
    cast: Cast,
    quotes: Sequence[QuoteSpan],
    evidence: Sequence[QuoteEvidence],
    convo: Sequence[int],
    narrator: int | None = None,
) -> list[dict[int, dict[str, float]]]:
    """Per quote, its candidate entities and their feature values (absent features are 0)."""
    narration = sorted(
        (m for m in cast.mentions if not m.in_quote and m.entity is not None and not m.is_title),
        key=lambda m: m.start,
    )
    by_paragraph: dict[int, list[MentionSpan]] = {}
    for m in narration:
        by_paragraph.setdefault(m.paragraph, []).append(m)
    salience = Counter(m.entity for m in cast.mentions if m.entity is not None)
    out: list[dict[int, dict[str, float]]] = []
    for i, q in enumerate(quotes):
        first, last = q.paragraphs[0], q.paragraphs[-1]
        window = [
            m for p in range(first - WINDOW_BEFORE, last + WINDOW_AFTER + 1) for m in by_paragraph.get(p, [])
        ]
        cands: dict[int, dict[str, float]] = {}
        for m in window:
            f = cands.setdefault(m.entity, {})  # type: ignore[arg-type]
            f["window_count"] = f.get("window_count", 0.0) + 1.0
            gap = abs(m.paragraph - first) if m.start < q.start else abs(m.paragraph - last)
            f["distance"] = min(f.get("distance", 9.0), float(gap))
            if first <= m.paragraph <= last:
                key = "paragraph_before" if m.start < q.start else "paragraph_after"
                f[key] = 1.0
                if m.kind == "name":
                    f["paragraph_name"] = 1.0
        recent: list[int] = []
        for m in reversed([m for m in window if m.end <= q.start]):
            if m.entity not in recent:
                recent.append(m.entity)  # type: ignore[arg-type]
            if len(recent) == 3:
                break
        for rank, entity in enumerate(recent, 1):
            cands.setdefault(entity, {})[f"recent{rank}"] = 1.0
        ev = evidence[i]
        if ev.speaker is not None:
            f = cands.setdefault(ev.speaker, {})
            f["rule"] = 1.0
            f[f"rule_{ev.kind}"] = 1.0
            if ev.confidence < 0.3:
                f["rule_weak"] = 1.0
            if ev.cue_kind is not None:
                f[_CUE_FEATURE.get(ev.cue_kind, "cue_pronoun")] = 1.0
        for entity in ev.vocatives:
            cands.setdefault(entity, {})["vocative_here"] = 1.0
        for entity in ev.named_inside:
            cands.setdefault(entity, {})["named_here"] = 1.0
        _neighbours(i, quotes, evidence, convo, cands)
        for entity, f in cands.items():
            e = cast.entities[entity]
            f["salience"] = math.log1p(salience[entity]) / 5.0
            f["window_count"] = math.log1p(f.get("window_count", 0.0))
            f["distance"] = f.get("distance", 9.0) / 9.0
            if entity == narrator:
                f["narrator"] = 1.0
            if not e.named:
                f["unnamed"] = 1.0
            if e.gender is None:
                f["no_gender"] = 1.0
            if ev.cue_gender is not None and e.gender is not None:
                f["cue_gender_fits" if e.gender == ev.cue_gender else "cue_gender_clash"] = 1.0
            if i == 0 or convo[i - 1] != convo[i]:
                f["conversation_start"] = 1.0
        out.append(cands)
    return out


def _neighbours(
    i: int,
    quotes: Sequence[QuoteSpan],
    evidence: Sequence[QuoteEvidence],
    convo: Sequence[int],
    cands: dict[int, dict[str, float]],
) -> None:
    """Features from the quotes around quote `i` in its conversation (other paragraphs)."""
    back = 0
    for j in range(i - 1, max(i - 1 - 2 * NEIGHBOURS, -1), -1):
        if convo[j] != convo[i]:
            break
        ev = evidence[j]
        if quotes[j].paragraphs[-1] == quotes[i].paragraphs[0]:
            if ev.speaker is not None and back == 0:
                cands.setdefault(ev.speaker, {})["prev_same_paragraph"] = 1.0
            continue
        back += 1
        if back > NEIGHBOURS:
            break
        if ev.speaker is not None:
            cands.setdefault(ev.speaker, {})[f"prev{back}"] = 1.0
        if back == 1:
            for entity in ev.vocatives:
                cands.setdefault(entity, {})["vocative_prev"] = 1.0
            for entity in ev.addressees:
                cands.setdefault(entity, {})["addressee_prev"] = 1.0
    ahead = 0
    for j in range(i + 1, min(i + 1 + 2 * NEIGHBOURS, len(quotes))):
        if convo[j] != convo[i]:
            break
        if quotes[j].paragraphs[0] == quotes[i].paragraphs[-1]:
            continue
        ahead += 1
        if ahead > NEIGHBOURS:
            break
        ev = evidence[j]
        if ev.speaker is not None:
            f = cands.setdefault(ev.speaker, {})
            f[f"next{ahead}"] = 1.0
            if ev.kind == "explicit":
                f[f"next{ahead}_explicit"] = 1.0
        if ahead == 1:
            for entity in ev.vocatives:
                cands.setdefault(entity, {})["vocative_next"] = 1.0


@dataclass(frozen=True)
class SpeakerModel:
    """A linear scorer over `FEATURES`."""

    weights: dict[str, float]
    bias: float = 0.0

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def best(self, candidates: dict[int, dict[str, float]]) -> tuple[int | None, float]:
        """The highest-scoring candidate and its probability under the model; a speech tag whose
        subject is a name ("said Emma") decides alone."""
        if not candidates:
            return None, 0.0
        tagged = [kv for kv in candidates.items() if kv[1].get("cue_name")]
        entity, features = tagged[0] if tagged else max(candidates.items(), key=lambda kv: self.score(kv[1]))
        return entity, 1.0 / (1.0 + math.exp(-self.score(features)))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SpeakerModel:
        weights = data["weights"]
        bias = data.get("bias", 0.0)
        assert isinstance(weights, dict) and isinstance(bias, int | float)
        return cls(weights={str(k): float(v) for k, v in weights.items()}, bias=float(bias))


@lru_cache(maxsize=1)
def shipped_model() -> SpeakerModel | None:
    """The weights in `dialogue/weights/speaker.json`, or None when they are not installed."""
    path = resources.files("ficlens.dialogue") / "weights" / "speaker.json"
    if not path.is_file():
        return None
    return SpeakerModel.from_json(json.loads(path.read_text(encoding="utf-8")))
