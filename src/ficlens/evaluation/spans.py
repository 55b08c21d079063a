"""Precision, recall and F1 over sets of items (spans, pairs, labels), and micro-averaging."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0.0 when both are 0."""
    return _ratio(2 * precision * recall, precision + recall)


@dataclass(frozen=True)
class Score:
    """Counts of true positives, false positives and false negatives, with P/R/F1 derived from them.

    Every ratio with a zero denominator is 0.0, so empty gold and empty predictions score 0/0/0.
    """

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        """Plain dict for JSON output."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def prf(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> Score:
    """Exact-match score of `predicted` against `gold` (both are treated as sets)."""
    gold_set, predicted_set = set(gold), set(predicted)
    tp = len(gold_set & predicted_set)
    return Score(tp=tp, fp=len(predicted_set) - tp, fn=len(gold_set) - tp)


def micro_average(scores: Iterable[Score]) -> Score:
    """Pool the counts of several documents' scores (micro-average); empty input gives 0/0/0."""
    total = Score(0, 0, 0)
    for score in scores:
        total = total + score
    return total


def macro_average(scores: Iterable[Score]) -> tuple[float, float, float]:
    """Unweighted mean (precision, recall, f1) over documents; (0, 0, 0) for no documents."""
    items = list(scores)
    if not items:
        return (0.0, 0.0, 0.0)
    n = len(items)
    return (
        sum(s.precision for s in items) / n,
        sum(s.recall for s in items) / n,
        sum(s.f1 for s in items) / n,
    )
