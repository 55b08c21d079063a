from __future__ import annotations

import pytest

from ficlens.evaluation.spans import Score, f1_score, macro_average, micro_average, prf


def test_prf_counts_and_ratios() -> None:
    score = prf({(0, 4), (5, 9), (10, 12)}, {(0, 4), (5, 8)})
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(0.4)


def test_prf_treats_inputs_as_sets() -> None:
    assert prf([(1, 2), (1, 2)], [(1, 2)]) == Score(1, 0, 0)


def test_empty_sets_are_safe() -> None:
    for score in (prf(set(), set()), prf(set(), {(1, 2)}), prf({(1, 2)}, set())):
        assert score.precision == score.recall == score.f1 == 0.0
    assert prf(set(), {(1, 2)}).fp == 1
    assert f1_score(0.0, 0.0) == 0.0


def test_micro_average_pools_counts() -> None:
    docs = [prf({1, 2}, {1, 2}), prf({3, 4, 5, 6}, {7})]
    total = micro_average(docs)
    assert total == Score(tp=2, fp=1, fn=4)
    assert total.precision == pytest.approx(2 / 3)
    assert total.recall == pytest.approx(2 / 6)
    assert micro_average([]) == Score(0, 0, 0)


def test_macro_average() -> None:
    p, r, f = macro_average([Score(1, 0, 0), Score(0, 1, 1)])
    assert (p, r, f) == pytest.approx((0.5, 0.5, 0.5))
    assert macro_average([]) == (0.0, 0.0, 0.0)


def test_to_dict() -> None:
    assert Score(1, 1, 0).to_dict() == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(2 / 3),
        "tp": 1,
        "fp": 1,
        "fn": 0,
    }
