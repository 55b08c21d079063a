"""The models that train the speaker ranker (training/dialogue/train_speaker.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("scipy")
pytest.importorskip("lightgbm")
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


def test_the_trees_learn_evidence_that_counts_only_without_a_tag_and_survive_a_json_round_trip() -> None:
    from ficlens.dialogue.ranker import TreeModel, scorer_from_json

    # "turn" (spoke two turns back) picks the speaker only when no "tag" is there; a tag picks
    # its own candidate whatever "turn" says: an interaction no sum of weights can express
    rows = []
    for k in range(600):
        if k % 2:
            rows.append(_row([{"tag": 1.0}, {"turn": 1.0}], [1, 0]))
        else:
            rows.append(_row([{}, {"turn": 1.0}], [0, 1]))
    model = train_speaker.fit_trees(rows, ["tag", "turn"])
    tagged, untagged = model.score_many([{1: {"tag": 1.0}, 2: {"turn": 1.0}}, {1: {}, 2: {"turn": 1.0}}])
    assert tagged[1] > tagged[2] and untagged[2] > untagged[1]
    loaded = scorer_from_json(model.to_json(["tag", "turn"]))
    assert isinstance(loaded, TreeModel) and loaded.score_many([{1: {}, 2: {"turn": 1.0}}]) == [untagged]


def test_the_shipped_tree_arrays_score_as_lightgbm_does() -> None:
    import lightgbm
    import numpy as np

    from ficlens.dialogue.ranker import TreeModel

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3)).round(2)
    x[:, 2] = x[:, 2] > 0.5  # a 0/1 feature, as most are
    relevant = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int)
    booster = lightgbm.train(
        train_speaker.TREE_PARAMS,
        lightgbm.Dataset(x, relevant, group=[4] * 100, feature_name=["a", "b", "c"]),
        40,
    )
    model = train_speaker.trees_of(booster, ["a", "b", "c"])
    rows = [
        {k: {n: float(v) for n, v in zip("abc", x[k], strict=True)} for k in range(4 * q, 4 * q + 4)}
        for q in range(100)
    ]
    ours = [s for quote in model.score_many(rows) for s in quote.values()]
    assert len(model.trees) == 40 and isinstance(model, TreeModel)
    assert np.allclose(ours, booster.predict(x), atol=1e-9)
