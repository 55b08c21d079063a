"""Coreference metrics: MUC, B-cubed, CEAF (entity- and mention-based) and the CoNLL F1.

Clusters are sequences of collections of hashable mentions, e.g. ``[{(0, 5), (17, 20)}, {(8, 12)}]``.
The metrics follow the CoNLL-2012 reference scorer v8.01 (Pradhan et al., ACL 2014):

* Twinless mentions (in the response but not in the key, or the reverse) need no alignment: every
  metric is computed on the original partitions, so a spurious mention lowers precision and a missed
  one lowers recall. Singleton clusters are scored as given (drop them first for CoNLL-2012 style).
* A mention repeated in the response is kept only where it occurs first (clusters in sequence order)
  and clusters left empty are dropped. The same is done to the key.
* Corpus scores add the numerators and denominators of all documents (``+`` or
  ``sum_coref_scores``), as the reference scorer does; the CoNLL F1 is the mean of the MUC, B-cubed
  and CEAF-e F1s.

CEAF's optimal entity alignment uses ``scipy.optimize.linear_sum_assignment`` when scipy is
installed, and otherwise the Kuhn-Munkres (Hungarian) solver in this module.
"""

from __future__ import annotations

import importlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from ficlens.evaluation.spans import f1_score

Clusters = Sequence[Collection[Hashable]]

_scipy_optimize: ModuleType | None
try:  # optional fast path
    _scipy_optimize = importlib.import_module("scipy.optimize")
except ImportError:  # pragma: no cover - depends on the environment
    _scipy_optimize = None


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True)
class MetricScore:
    """Numerators and denominators of recall and precision for one metric (summable over documents)."""

    recall_num: float
    recall_den: float
    precision_num: float
    precision_den: float

    @property
    def recall(self) -> float:
        return _ratio(self.recall_num, self.recall_den)

    @property
    def precision(self) -> float:
        return _ratio(self.precision_num, self.precision_den)

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    def __add__(self, other: MetricScore) -> MetricScore:
        return MetricScore(
            self.recall_num + other.recall_num,
            self.recall_den + other.recall_den,
            self.precision_num + other.precision_num,
            self.precision_den + other.precision_den,
        )

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


_ZERO = MetricScore(0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class CorefScores:
    """MUC, B-cubed and CEAF-e scores of one document or corpus, and their CoNLL average."""

    muc: MetricScore
    b_cubed: MetricScore
    ceaf_e: MetricScore

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def __add__(self, other: CorefScores) -> CorefScores:
        return CorefScores(self.muc + other.muc, self.b_cubed + other.b_cubed, self.ceaf_e + other.ceaf_e)

    def to_dict(self) -> dict[str, object]:
        return {
            "muc": self.muc.to_dict(),
            "b_cubed": self.b_cubed.to_dict(),
            "ceaf_e": self.ceaf_e.to_dict(),
            "conll_f1": self.conll_f1,
        }


def normalize_clusters(clusters: Clusters) -> list[frozenset[Hashable]]:
    """Drop repeated mentions (the first occurrence wins) and empty clusters."""
    seen: set[Hashable] = set()
    result: list[frozenset[Hashable]] = []
    for cluster in clusters:
        fresh = [m for m in dict.fromkeys(cluster) if m not in seen]
        seen.update(fresh)
        if fresh:
            result.append(frozenset(fresh))
    return result


def _index(clusters: Sequence[frozenset[Hashable]]) -> dict[Hashable, int]:
    return {mention: i for i, cluster in enumerate(clusters) for mention in cluster}


def _overlaps(
    key: Sequence[frozenset[Hashable]], response: Sequence[frozenset[Hashable]]
) -> dict[tuple[int, int], int]:
    """|k ∩ r| for every (key index, response index) pair that shares a mention."""
    key_of = _index(key)
    counts: Counter[tuple[int, int]] = Counter()
    for j, cluster in enumerate(response):
        for mention in cluster:
            i = key_of.get(mention)
            if i is not None:
                counts[(i, j)] += 1
    return dict(counts)


def muc(key: Clusters, response: Clusters) -> MetricScore:
    """MUC link-based score (Vilain et al., 1995)."""
    k, r = normalize_clusters(key), normalize_clusters(response)
    # Each (key, response) intersection of size c yields c - 1 common links; the reference
    # scorer's partition count treats twinless mentions as singleton parts, which this matches.
    correct = sum(c - 1 for c in _overlaps(k, r).values())
    return MetricScore(
        recall_num=correct,
        recall_den=sum(len(c) - 1 for c in k),
        precision_num=correct,
        precision_den=sum(len(c) - 1 for c in r),
    )


def b_cubed(key: Clusters, response: Clusters) -> MetricScore:
    """B-cubed mention-based score (Bagga & Baldwin, 1998); twinless mentions contribute 0."""
    k, r = normalize_clusters(key), normalize_clusters(response)
    recall_num = precision_num = 0.0
    for (i, j), c in _overlaps(k, r).items():
        recall_num += c * c / len(k[i])
        precision_num += c * c / len(r[j])
    return MetricScore(
        recall_num=recall_num,
        recall_den=sum(len(c) for c in k),
        precision_num=precision_num,
        precision_den=sum(len(c) for c in r),
    )


def _components(edges: Iterable[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split the bipartite key/response overlap graph into connected components (lists of edges)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    edge_list = list(edges)
    for i, j in edge_list:
        a, b = find(("k", i)), find(("r", j))
        if a != b:
            parent[a] = b
    groups: defaultdict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in edge_list:
        groups[find(("k", i))].append((i, j))
    return list(groups.values())


def _ceaf_similarity(
    key: Sequence[frozenset[Hashable]],
    response: Sequence[frozenset[Hashable]],
    similarity: Callable[[int, int, int], float],
) -> float:
    """Total similarity of the optimal one-to-one key/response alignment.

    Pairs that share no mention have similarity 0, so the optimum is the sum of the optima of the
    connected components of the overlap graph, which keeps each assignment problem small.
    """
    overlaps = _overlaps(key, response)
    total = 0.0
    for edges in _components(overlaps):
        rows = sorted({i for i, _ in edges})
        cols = sorted({j for _, j in edges})
        weights = [[0.0] * len(cols) for _ in rows]
        row_pos = {i: n for n, i in enumerate(rows)}
        col_pos = {j: n for n, j in enumerate(cols)}
        for i, j in edges:
            weights[row_pos[i]][col_pos[j]] = similarity(i, j, overlaps[(i, j)])
        total += sum(weights[a][b] for a, b in max_weight_assignment(weights))
    return total


def ceaf_e(key: Clusters, response: Clusters) -> MetricScore:
    """Entity-based CEAF (Luo, 2005) with φ4; recall over key entities, precision over response ones."""
    k, r = normalize_clusters(key), normalize_clusters(response)
    common = _ceaf_similarity(k, r, lambda i, j, c: 2 * c / (len(k[i]) + len(r[j])))
    return MetricScore(common, len(k), common, len(r))


def ceaf_m(key: Clusters, response: Clusters) -> MetricScore:
    """Mention-based CEAF (Luo, 2005) with φ3 = |K ∩ R|; recall and precision over mentions."""
    k, r = normalize_clusters(key), normalize_clusters(response)
    common = _ceaf_similarity(k, r, lambda i, j, c: float(c))
    return MetricScore(common, sum(len(c) for c in k), common, sum(len(c) for c in r))


def coref_scores(key: Clusters, response: Clusters) -> CorefScores:
    """MUC, B-cubed and CEAF-e of one document."""
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))


def conll_f1(key: Clusters, response: Clusters) -> float:
    """CoNLL-2012 score of one document: mean of the MUC, B-cubed and CEAF-e F1s."""
    return coref_scores(key, response).conll_f1


def sum_coref_scores(scores: Iterable[CorefScores]) -> CorefScores:
    """Corpus-level scores: numerators and denominators summed over documents."""
    total = CorefScores(_ZERO, _ZERO, _ZERO)
    for score in scores:
        total = total + score
    return total


# --- optimal assignment -------------------------------------------------------------------------


def hungarian(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost assignment of a rectangular matrix (Kuhn-Munkres with potentials, O(n²m)).

    Returns ``min(rows, cols)`` (row, col) pairs sorted by row, every row or every column used once.
    """
    n = len(cost)
    m = len(cost[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if n > m:  # the algorithm below needs rows <= cols
        transposed = [[cost[i][j] for i in range(n)] for j in range(m)]
        return sorted((i, j) for j, i in hungarian(transposed))
    inf = float("inf")
    u = [0.0] * (n + 1)  # row potentials (1-based; index 0 is a sentinel)
    v = [0.0] * (m + 1)  # column potentials
    match = [0] * (m + 1)  # match[j] = row assigned to column j (0 = free)
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        match[0] = row
        j0 = 0
        min_slack = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:  # grow an alternating tree until a free column is reached
            used[j0] = True
            i0 = match[j0]
            delta, j1 = inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                slack = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if slack < min_slack[j]:
                    min_slack[j], way[j] = slack, j0
                if min_slack[j] < delta:
                    delta, j1 = min_slack[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    min_slack[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:  # augment along the path
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sorted((match[j] - 1, j - 1) for j in range(1, m + 1) if match[j])


def max_weight_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment; (row, col) pairs sorted by row."""
    if not weights or not weights[0]:
        return []
    if _scipy_optimize is not None:
        rows, cols = _scipy_optimize.linear_sum_assignment(weights, maximize=True)
        return sorted(zip((int(i) for i in rows), (int(j) for j in cols), strict=True))
    return hungarian([[-w for w in row] for row in weights])
