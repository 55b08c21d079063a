"""The conditional logit that trains the speaker ranker (training/dialogue/train_speaker.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("scipy")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "dialogue"))

import train_speaker

from ficlens.dialogue.ranker import QuoteEvidence


def _row(features: list[dict[str, float]], labels: list[int]) -> train_speaker.QuoteRows:
    evidence = QuoteEvidence(None, "implicit", 0.0, None, None, [], [], set(), [])
    return train_speaker.QuoteRows(
        novel="n",
        quote_type=None,
        rule_right=False,
        entities=list(range(len(features))),
        features=features,
        labels=labels,
        hits=[bool(label) for label in labels],
        paragraphs=(0, 0),
        convo=0,
        evidence=evidence,
        addressed=[0] * len(features),
        addressee_hits=None,
    )


def test_the_conditional_logit_learns_which_evidence_picks_the_right_candidate() -> None:
    # "tag" marks the speaker in 9 quotes of 10; "near" is noise that is as often on the wrong one
    rows = (
        [
            _row([{"tag": 1.0}, {"near": 1.0}], [1, 0])
            if k % 10
            else _row([{"tag": 1.0}, {"near": 1.0}], [0, 1])
            for k in range(500)
        ]
        + [_row([{"near": 1.0}, {}], [0, 1]) for _ in range(250)]
        + [_row([{}], [0])]
    )  # no right one: ignored
    model = train_speaker.fit(rows, ["tag", "near"])
    # only differences between a quote's candidates count: "tag" beats "near" by about log(9)
    assert model.weights["tag"] - model.weights["near"] > 1.5 and model.weights["near"] < 0.0
    best, probability = model.best({7: {"near": 1.0}, 8: {"tag": 1.0}})
    assert best == 8 and 0.5 < probability < 1.0
