"""Coreference metrics against the CoNLL-2012 reference scorer's own test cases.

Cases and expected numbers come from conll/reference-coreference-scorers (v8.01),
``test/TestCases.README`` and ``test/CorefMetricTestConfig.pm`` (Pradhan et al., ACL 2014). Expected
values are [recall, precision, F1]; the config gives some as 5-decimal roundings, hence abs=1e-4.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Collection, Hashable, Sequence

import pytest

from ficlens.evaluation import coref_metrics as cm
from ficlens.evaluation.coref_metrics import (
    MetricScore,
    b_cubed,
    ceaf_e,
    ceaf_m,
    conll_f1,
    coref_scores,
    hungarian,
    max_weight_assignment,
    muc,
    normalize_clusters,
    sum_coref_scores,
)


def clusters(spec: str) -> list[list[str]]:
    """'a bc def' -> [['a'], ['b', 'c'], ['d', 'e', 'f']] (one character per mention; order kept)."""
    return [list(group) for group in spec.split()]


def f1(r: float, p: float) -> float:
    return 2 * r * p / (r + p) if r + p else 0.0


def check(score: MetricScore, expected: Sequence[float]) -> None:
    assert (score.recall, score.precision, score.f1) == pytest.approx(tuple(expected), abs=1e-4)


KEY_A = "a bc def"
A4_EXPECTED = {
    "muc": [1 / 3, 1 / 3, 1 / 3],
    "bcub": [(3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7, f1(5 / 9, 17 / 42)],
    "ceafm": [0.66667, 0.57143, 0.61538],
    "ceafe": [0.73333, 0.55, 0.62857],
}

# (id, key, response, expected) — B is a mention distinct from b ("overlapping"), except in
# A7-A9 where the repeated b is the same mention and must be de-duplicated.
CASES: list[tuple[str, str, list[list[str]], dict[str, list[float]]]] = [
    (
        "A1",
        KEY_A,
        clusters("a bc def"),
        {"muc": [1, 1, 1], "bcub": [1, 1, 1], "ceafm": [1, 1, 1], "ceafe": [1, 1, 1]},
    ),
    (
        "A2",
        KEY_A,
        clusters("a de"),
        {
            "muc": [1 / 3, 1, 0.5],
            "bcub": [(7 / 3) / 6, 1, 14 / 25],
            "ceafm": [0.5, 1, 0.66667],
            "ceafe": [0.6, 0.9, 0.72],
        },
    ),
    (
        "A3",
        KEY_A,
        clusters("a bcx defy z"),
        {
            "muc": [1, 3 / 5, 0.75],
            "bcub": [1, (4 + 7 / 12) / 9, 110 / 163],
            "ceafm": [1, 0.66667, 0.8],
            "ceafe": [0.88571, 0.66429, 0.75918],
        },
    ),
    ("A4", KEY_A, clusters("a bcx dy z"), A4_EXPECTED),
    (
        "A5",
        KEY_A,
        clusters("a bcxB dy z"),
        {
            "muc": [1 / 3, 1 / 4, 2 / 7],
            "bcub": [(3 + 1 / 3) / 6, 2.5 / 8, f1(5 / 9, 5 / 16)],
            "ceafm": [0.66667, 0.5, 0.57143],
            "ceafe": [0.68889, 0.51667, 0.59048],
        },
    ),
    (
        "A6",
        KEY_A,
        clusters("a bcx dy Bz"),
        {
            "muc": [1 / 3, 1 / 4, 2 / 7],
            "bcub": [(10 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 8, f1(5 / 9, 17 / 48)],
            "ceafm": [0.66667, 0.5, 0.57143],
            "ceafe": [0.73333, 0.55, 0.62857],
        },
    ),
    ("A7", KEY_A, clusters("a bcxb dy z"), A4_EXPECTED),
    ("A8", KEY_A, clusters("a bcx dy bz"), A4_EXPECTED),
    ("A9", KEY_A, [*clusters("a bcx dy"), ["b"] * 10 + ["z"]], A4_EXPECTED),
    ("A10", KEY_A, clusters("a b c d e f"), {"muc": [0, 0, 0], "bcub": [3 / 6, 1, 2 / 3]}),
    (
        "A11",
        KEY_A,
        clusters("abcdef"),
        {"muc": [1, 3 / 5, 6 / 8], "bcub": [1, (1 / 6 + 2 * 2 / 6 + 3 * 3 / 6) / 6, 14 / 25]},
    ),
    (
        "A12",
        KEY_A,
        clusters("a x y c d e z"),
        {"muc": [0, 0, 0], "bcub": [(1 + 1 / 2 + 2 / 3) / 6, 4 / 7, f1(13 / 36, 4 / 7)]},
    ),
    (
        "A13",
        KEY_A,
        clusters("axycdez"),
        {
            "muc": [1 / 3, 1 / 6, 2 / 9],
            "bcub": [(1 + 1 / 2 + 2 * 2 / 3) / 6, (1 / 7 + 1 / 7 + 2 * 2 / 7) / 7, f1(17 / 36, 6 / 49)],
        },
    ),
    # B-cubed paper examples (mentions 1-9, A-C)
    (
        "D1",
        "12345 67 89ABC",
        clusters("12345 6789ABC"),
        {"muc": [1, 9 / 10, f1(1, 0.9)], "bcub": [1, 16 / 21, f1(1, 16 / 21)]},
    ),
    (
        "E1",
        "12345 67 89ABC",
        clusters("1234589ABC 67"),
        {"muc": [1, 9 / 10, f1(1, 0.9)], "bcub": [1, 7 / 12, f1(1, 7 / 12)]},
    ),
    # MUC paper examples
    ("F1", "ABCD", clusters("AB CD"), {"muc": [2 / 3, 1, f1(2 / 3, 1)]}),
    ("G1", "AB CD", clusters("ABCD"), {"muc": [1, 2 / 3, f1(1, 2 / 3)]}),
    ("H1", "ABCD", clusters("ABCD"), {"muc": [1, 1, 1]}),
    ("J1", "ABC", clusters("AC"), {"muc": [1 / 2, 1, f1(1 / 2, 1)]}),
    ("K1", "BCDEGHJ", clusters("ABC DEF GHI"), {"muc": [3 / 6, 3 / 6, 3 / 6]}),
    ("L1", "ABC DEFG", clusters("AB CD FGH"), {"muc": [2 / 5, 2 / 4, f1(2 / 5, 2 / 4)]}),
    (
        "M1",
        "abcdef",
        clusters("abcdef"),
        {"muc": [1, 1, 1], "bcub": [1, 1, 1], "ceafm": [1, 1, 1], "ceafe": [1, 1, 1]},
    ),
    ("M2", "abcdef", clusters("a b c d e f"), {"muc": [0, 0, 0]}),
    ("M5", "abcdef", clusters("a b c x y z"), {"muc": [0, 0, 0]}),
    # key of singletons only: no links, so MUC is 0 even for a perfect response
    ("N1", "a b c d e f", clusters("a b c d e f"), {"muc": [0, 0, 0], "bcub": [1, 1, 1], "ceafe": [1, 1, 1]}),
    ("N4", "a b c d e f", clusters("a b c x y z"), {"muc": [0, 0, 0]}),
]

METRICS = {"muc": muc, "bcub": b_cubed, "ceafm": ceaf_m, "ceafe": ceaf_e}


@pytest.mark.parametrize(("case_id", "key", "response", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reference_scorer_cases(
    case_id: str, key: str, response: list[list[str]], expected: dict[str, list[float]]
) -> None:
    for name, values in expected.items():
        check(METRICS[name](clusters(key), response), values)


def test_pradhan_2014_worked_example() -> None:
    """Key {a,b,c},{d,e,f,g}; response {a,b},{c,d},{f,g,h,i} (h, i twinless; e missed)."""
    key, response = clusters("abc defg"), clusters("ab cd fghi")
    check(muc(key, response), [2 / 5, 2 / 5, 2 / 5])
    # recall (2²/3 + 1²/3 + 1²/4 + 2²/4) / 7, precision (2²/2 + 1²/2 + 1²/2 + 2²/4) / 8
    check(b_cubed(key, response), [5 / 12, 1 / 2, f1(5 / 12, 1 / 2)])
    # optimal alignment {abc}-{ab} (φ4 = 4/5) and {defg}-{fghi} (φ4 = 4/8)
    check(ceaf_e(key, response), [1.3 / 2, 1.3 / 3, f1(0.65, 1.3 / 3)])
    scores = coref_scores(key, response)
    expected = (0.4 + f1(5 / 12, 1 / 2) + f1(0.65, 1.3 / 3)) / 3
    assert scores.conll_f1 == pytest.approx(expected, abs=1e-9)
    assert conll_f1(key, response) == pytest.approx(expected, abs=1e-9)


def test_span_mentions_and_sets_work() -> None:
    key: list[set[tuple[int, int]]] = [{(0, 3), (10, 12)}, {(20, 25)}]
    response: list[set[tuple[int, int]]] = [{(0, 3), (10, 12)}, {(20, 25)}]
    assert conll_f1(key, response) == pytest.approx(1.0)


def test_empty_inputs_are_safe() -> None:
    for metric in METRICS.values():
        score = metric([], [])
        assert (score.recall, score.precision, score.f1) == (0.0, 0.0, 0.0)
    assert conll_f1([], [["a"]]) == 0.0
    assert coref_scores([["a", "b"]], []).muc.recall == 0.0


def test_normalize_clusters_first_occurrence_wins() -> None:
    assert normalize_clusters([["a", "b", "a"], ["b", "c"], ["a"], []]) == [
        frozenset("ab"),
        frozenset("c"),
    ]


def test_corpus_scores_sum_numerators_and_denominators() -> None:
    doc1 = coref_scores(clusters(KEY_A), clusters("a bcx dy z"))
    doc2 = coref_scores(clusters("ABCD"), clusters("AB CD"))
    total = sum_coref_scores([doc1, doc2])
    assert total.muc.recall == pytest.approx((1 + 2) / (3 + 3))
    assert total.muc.precision == pytest.approx((1 + 2) / (3 + 2))
    assert total == doc1 + doc2
    assert set(total.to_dict()) == {"muc", "b_cubed", "ceaf_e", "conll_f1"}


def _brute_force_max(weights: list[list[float]]) -> float:
    n, m = len(weights), len(weights[0])
    if n <= m:
        return max(sum(weights[i][p[i]] for i in range(n)) for p in itertools.permutations(range(m), n))
    return max(sum(weights[p[j]][j] for j in range(m)) for p in itertools.permutations(range(n), m))


@pytest.mark.parametrize("seed", range(40))
def test_hungarian_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(1, 6), rng.randint(1, 6)
    weights = [[rng.choice([0.0, rng.random()]) for _ in range(m)] for _ in range(n)]
    pairs = hungarian([[-w for w in row] for row in weights])
    assert len(pairs) == min(n, m)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert sum(weights[i][j] for i, j in pairs) == pytest.approx(_brute_force_max(weights))


def test_hungarian_known_matrix_and_edges() -> None:
    cost = [[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]]
    assert hungarian(cost) == [(0, 1), (1, 0), (2, 2)]  # total 5, the unique optimum
    assert hungarian([]) == []
    assert max_weight_assignment([[]]) == []


def test_ceaf_without_scipy_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cm, "_scipy_optimize", None)
    check(ceaf_e(clusters(KEY_A), clusters("a bcx defy z")), [0.88571, 0.66429, 0.75918])


def test_ceaf_components_pick_global_optimum() -> None:
    # one response cluster overlapping two key clusters: the larger overlap must win
    key: list[Collection[Hashable]] = [list("abcd"), list("ef")]
    response: list[Collection[Hashable]] = [list("abcdef")]
    score = ceaf_e(key, response)
    assert score.recall_num == pytest.approx(2 * 4 / 10)
