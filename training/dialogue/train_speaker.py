"""Train the speaker ranker (`ficlens.dialogue.ranker`) on PDNC with leave-novels-out cross-validation.

    .venv/bin/python training/dialogue/train_speaker.py ../shared/data/pdnc --cache /tmp/pdnc-cache \
        --out src/ficlens/dialogue/weights/speaker.json [--pipeline-cv]

For every novel the pipeline runs up to the rules (`attribute_by_rules`), each quote's candidates
get their features, and a candidate is positive when it is the gold speaker: its final canonical
name (after the narrator is named) or its usual name is among the speaker's PDNC aliases. Held-out
accuracy is scored as `ficlens eval pdnc` scores it, by the canonical name alone.

Novels are split into 5 folds; each fold is scored by a ranker trained on the other four. The
ranker has two passes: the first scores each quote's candidates alone; the second adds the first
pass's choices for the turns around the quote, and is trained on cross-fitted first-pass choices
(for each training novel, from a first pass that never saw it). The turn decoder's two weights
are picked from a grid on held-out second-pass scores: each fold's on the other folds', the
exported ones on all. The table printed is the held-out accuracy (rules alone, first pass, both
passes, decoded); the exported weights are then fit on all novels.
`--pipeline-cv` also runs the whole `evaluate_pdnc` path on each held-out fold with that fold's
ranker (speaker by type and addressee accuracy). The two speaker passes are LightGBM rankers
(`fit_trees`); the addressee model is a conditional logit fit with NumPy and SciPy's L-BFGS
(`fit`, the `dev` extra), whose inference is plain Python.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ficlens.characters.types import Entity

if TYPE_CHECKING:
    import lightgbm

    from ficlens.dialogue.ranker import (
        QuoteEvidence,
        Scorer,
        SpeakerModel,
        SpeakerRanker,
        TreeModel,
        TurnDecoder,
    )
    from ficlens.evaluation.pdnc import PdncQuote

FOLDS = 5
L2 = 1.0
"""The conditional logit's L2 penalty."""
TREE_PARAMS: dict[str, object] = {
    "objective": "lambdarank",
    "lambdarank_truncation_level": 3,
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "seed": 0,
    "deterministic": True,
    "num_threads": 2,
    "verbose": -1,
}
"""LightGBM settings of the speaker passes, chosen on held-out PDNC folds (docs/eval-pdnc.md)."""
TREE_ROUNDS = 300


@dataclass
class QuoteRows:
    novel: str
    quote_type: str | None
    rule_right: bool
    entities: list[int]
    features: list[dict[str, float]]
    labels: list[int]
    hits: list[bool]
    paragraphs: tuple[int, int]
    convo: int
    evidence: QuoteEvidence
    addressed: list[int]
    """Per candidate, 1 when it is one of the gold addressees (by canonical or usual name)."""
    addressee_hits: list[bool] | None
    """Per candidate, whether the metric counts it as a gold addressee; None without gold ones."""


def spoken_name(entity: Entity) -> str:
    """The name a candidate goes by in the text (its most frequent name mention, the longer on a
    tie), used only to label training candidates against PDNC's aliases, which list the usual
    forms ("Elizabeth") more often than the fullest ones."""
    forms = Counter(
        " ".join(m.text.split())
        for m in entity.mentions
        if m.kind == "name" and not m.text.lower().startswith(("a ", "an "))
    )
    if not forms:
        return entity.name
    best = max(forms, key=lambda form: (forms[form], len(form)))
    return "The " + best[4:] if best.lower().startswith("the ") else best


def novel_rows(root: Path, name: str, cache: Path | None) -> list[QuoteRows]:
    """Candidate features and labels for every gold quote of one novel."""
    from ficlens.characters import build_cast
    from ficlens.dialogue.attribution import attribute_by_rules
    from ficlens.dialogue.ranker import candidate_features
    from ficlens.evaluation.pdnc import load_pdnc, speaker_matches
    from ficlens.evaluation.pdnc_eval import gold_quote_spans, novel_document
    from ficlens.nlp.parse import parse_cached

    novel = load_pdnc(root, [name])[0]
    document, offsets = novel_document(novel.text)
    parsed = parse_cached(document, cache / f"{name}.spacy" if cache else None)
    gold = gold_quote_spans(novel, document, offsets)
    quotes = [q for _, q in gold]
    cast = build_cast(parsed, [p for q in quotes for p in q.parts])
    rules, evidence, convo = attribute_by_rules(parsed, quotes, cast)
    narrator = cast.narrator
    features = candidate_features(cast, quotes, evidence, convo, narrator, parsed)

    def final(entity: int | None) -> Entity | None:
        return None if entity is None else cast.entities[entity]

    def hit(gold: str, entity: int | None) -> bool:
        found = final(entity)
        return found is not None and speaker_matches(novel, gold, found.name)

    def same_person(gold: str, entity: int | None) -> bool:
        found = final(entity)
        if found is not None and entity == narrator and is_narrator(gold):
            return True  # the narrator, whatever the annotators call them ("Jake" is not listed)
        return found is not None and (hit(gold, entity) or speaker_matches(novel, gold, spoken_name(found)))

    def is_narrator(gold: str) -> bool:
        return any("narr" in {a.lower().strip("_ ") for a in c.aliases} for c in novel.find_characters(gold))

    def addressed(quote: PdncQuote, entity: int) -> bool:
        return any(same_person(gold_name, entity) for gold_name in quote.addressees)

    def addressee_hit(quote: PdncQuote, entity: int) -> bool:
        return any(hit(gold_name, entity) for gold_name in quote.addressees)

    out = []
    for (quote, span), rule, candidates, c, ev in zip(gold, rules, features, convo, evidence, strict=True):
        entities = list(candidates)
        out.append(
            QuoteRows(
                novel=name,
                quote_type=quote.quote_type,
                rule_right=hit(quote.speaker, rule.speaker),
                entities=entities,
                features=[candidates[e] for e in entities],
                labels=[int(same_person(quote.speaker, e)) for e in entities],
                hits=[hit(quote.speaker, e) for e in entities],
                paragraphs=(span.paragraphs[0], span.paragraphs[-1]),
                convo=c,
                evidence=ev,
                addressed=[int(addressed(quote, e)) for e in entities],
                addressee_hits=[addressee_hit(quote, e) for e in entities] if quote.addressees else None,
            )
        )
    return out


def fit(rows: Sequence[QuoteRows], names: Sequence[str]) -> SpeakerModel:
    """A conditional logit over each quote's candidates: the weights that make the right
    candidates likeliest among those of their own quote (a softmax per quote, L2-penalised),
    fit with L-BFGS. Quotes without a right candidate teach nothing and are left out. Choosing
    among a quote's candidates is the task, so this fits it better than a yes/no classifier of
    each candidate alone (held out on PDNC, first pass: 0.655 against 0.649)."""
    import numpy as np
    from scipy.optimize import minimize

    from ficlens.dialogue.ranker import SpeakerModel

    matrix: list[list[float]] = []
    right: list[bool] = []
    starts: list[int] = []
    for r in rows:
        if not any(r.labels):
            continue
        starts.append(len(matrix))
        matrix += [[f.get(k, 0.0) for k in names] for f in r.features]
        right += [bool(label) for label in r.labels]
    x, positive, first = np.asarray(matrix), np.asarray(right), np.asarray(starts)
    quote = np.repeat(np.arange(len(first)), np.diff(np.append(first, len(matrix))))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        e = np.exp(s - np.maximum.reduceat(s, first)[quote])
        z = np.add.reduceat(e, first)
        zp = np.add.reduceat(np.where(positive, e, 0.0), first)
        gradient = x.T @ (e / z[quote] - np.where(positive, e, 0.0) / zp[quote]) + 2 * L2 * w
        return float(-np.log(zp / z).sum() + L2 * w @ w), gradient

    found = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    return SpeakerModel(dict(zip(names, (float(w) for w in found.x), strict=True)), 0.0)


def fit_trees(rows: Sequence[QuoteRows], names: Sequence[str]) -> TreeModel:
    """A LightGBM lambdarank model over each quote's candidates (one query per quote, the right
    candidates relevant); quotes without a right candidate are left out, as in `fit`."""
    import lightgbm
    import numpy as np

    kept = [r for r in rows if any(r.labels)]
    matrix = np.asarray([[f.get(k, 0.0) for k in names] for r in kept for f in r.features], dtype=np.float64)
    labels = [label for r in kept for label in r.labels]
    data = lightgbm.Dataset(matrix, labels, group=[len(r.features) for r in kept], feature_name=list(names))
    return trees_of(lightgbm.train(TREE_PARAMS, data, TREE_ROUNDS), names)


def trees_of(booster: lightgbm.Booster, names: Sequence[str]) -> TreeModel:
    """The booster's trees as the arrays `TreeModel` scores with (numerical splits on features
    that are never missing, so each node is one "at most the threshold" test)."""
    import numpy as np

    from ficlens.dialogue.ranker import Tree, TreeModel

    def flatten(root: dict[str, Any]) -> Tree:
        feature: list[int] = []
        threshold: list[float] = []
        left: list[int] = []
        right: list[int] = []
        leaves: list[float] = []

        def visit(node: dict[str, Any]) -> int:
            if "leaf_value" in node:
                leaves.append(float(node["leaf_value"]))
                return ~(len(leaves) - 1)
            assert node["decision_type"] == "<=", node["decision_type"]
            k = len(feature)
            feature.append(int(node["split_feature"]))
            threshold.append(float(node["threshold"]))
            left.append(0)
            right.append(0)
            left[k] = visit(node["left_child"])
            right[k] = visit(node["right_child"])
            return k

        visit(root)
        return Tree(
            np.asarray(feature, dtype=np.int64),
            np.asarray(threshold, dtype=np.float64),
            np.asarray(left, dtype=np.int64),
            np.asarray(right, dtype=np.int64),
            np.asarray(leaves, dtype=np.float64),
        )

    dump = booster.dump_model()
    assert dump["feature_names"] == list(names)
    return TreeModel(tuple(names), tuple(flatten(t["tree_structure"]) for t in dump["tree_info"]))


def _by_novel(rows: Sequence[QuoteRows]) -> dict[str, list[QuoteRows]]:
    out: dict[str, list[QuoteRows]] = {}
    for r in rows:
        out.setdefault(r.novel, []).append(r)
    return out


def _candidates(rows: Sequence[QuoteRows]) -> list[dict[int, dict[str, float]]]:
    return [dict(zip(r.entities, r.features, strict=True)) for r in rows]


def extend(rows: Sequence[QuoteRows], first: Scorer) -> tuple[list[QuoteRows], list[int | None]]:
    """Rows with the second-pass features read from `first`'s scores, novel by novel, and
    `first`'s choice for each row."""
    from ficlens.dialogue.ranker import read_first_pass

    out: list[QuoteRows] = []
    choices: list[int | None] = []
    for part in _by_novel(rows).values():
        picks, extended = read_first_pass(
            first, _candidates(part), [r.paragraphs for r in part], [r.convo for r in part]
        )
        out += [replace(r, features=[x[e] for e in r.entities]) for r, x in zip(part, extended, strict=True)]
        choices += picks
    return out, choices


def cross_fitted(rows: Sequence[QuoteRows], novels: Sequence[str]) -> tuple[list[QuoteRows], list[QuoteRows]]:
    """Second-pass rows and addressee rows whose first-pass choices come from models that never
    saw their novel."""
    from ficlens.dialogue.ranker import FEATURES

    second: list[QuoteRows] = []
    addressee: list[QuoteRows] = []
    for held in folds(novels):
        first = fit_trees([r for r in rows if r.novel not in held], FEATURES)
        part = [r for novel in _by_novel(rows).values() for r in novel if r.novel in held]
        extended, choices = extend(part, first)  # `part` is in novel order, as `extend` reads it
        second += extended
        addressee += addressee_rows(part, choices)
    return second, addressee


def addressee_rows(rows: Sequence[QuoteRows], speakers: Sequence[int | None]) -> list[QuoteRows]:
    """Rows of the quotes with gold addressees: every candidate but the speaker, with its
    addressee features and labels."""
    from ficlens.dialogue.ranker import addressee_features

    out: list[QuoteRows] = []
    chosen = dict(zip((id(r) for r in rows), speakers, strict=True))
    for part in _by_novel(rows).values():
        features = addressee_features(
            _candidates(part),
            [r.paragraphs for r in part],
            [r.convo for r in part],
            [chosen[id(r)] for r in part],
            [r.evidence for r in part],
        )
        for r, f in zip(part, features, strict=True):
            if r.addressee_hits is None:
                continue
            keep = [k for k, e in enumerate(r.entities) if e != chosen[id(r)]]
            out.append(
                replace(
                    r,
                    entities=[r.entities[k] for k in keep],
                    features=[f[r.entities[k]] for k in keep],
                    labels=[r.addressed[k] for k in keep],
                )
            )
    return out


def fit_ranker(rows: Sequence[QuoteRows], novels: Sequence[str]) -> SpeakerRanker:
    """All three models on `rows`: the first pass on all of them, the second pass and the
    addressee model on cross-fitted first-pass choices."""
    from ficlens.dialogue.ranker import ADDRESSEE_FEATURES, FEATURES, SECOND_FEATURES, SpeakerRanker

    first = fit_trees(rows, FEATURES)
    second_rows, addressee_rows_ = cross_fitted(rows, novels)
    second = fit_trees(second_rows, SECOND_FEATURES)
    return SpeakerRanker(first, second, fit(addressee_rows_, ADDRESSEE_FEATURES))


def ranker_right(rows: Sequence[QuoteRows], ranker: SpeakerRanker) -> list[bool]:
    """Whether the ranker's choice (`SpeakerRanker.choose`, as in the pipeline) is a right candidate."""
    return [right for right, _ in ranker_results(rows, ranker)]


def ranker_results(rows: Sequence[QuoteRows], ranker: SpeakerRanker) -> list[tuple[bool, bool | None]]:
    """Per row, whether the chosen speaker is right and (for quotes with gold addressees, when the
    ranker has an addressee model) whether one chosen addressee is."""
    out: list[tuple[bool, bool | None]] = []
    for part in _by_novel(rows).values():
        candidates, paragraphs, convo = (
            _candidates(part),
            [r.paragraphs for r in part],
            [r.convo for r in part],
        )
        speakers = [best for best, _ in ranker.choose(candidates, paragraphs, convo)]
        addressees = ranker.addressees(candidates, paragraphs, convo, speakers, [r.evidence for r in part])
        for k, (r, best) in enumerate(zip(part, speakers, strict=True)):
            right = best is not None and r.hits[r.entities.index(best)]
            addressed = None
            if addressees is not None and r.addressee_hits is not None:
                addressed = any(
                    r.addressee_hits[r.entities.index(e)] for e in addressees[k] if e in r.entities
                )
            out.append((right, addressed))
    return out


@dataclass
class NovelScores:
    """One novel's second-pass scores, what the turn decoder reads, and which candidates are right."""

    scores: list[dict[int, float]]
    tagged: list[int | None]
    paragraphs: list[tuple[int, int]]
    convo: list[int]
    hits: list[dict[int, bool]]


def second_pass_scores(rows: Sequence[QuoteRows], ranker: SpeakerRanker) -> list[NovelScores]:
    """Per novel of `rows`, the second-pass scores of `ranker` (which has a second pass)."""
    from ficlens.dialogue.ranker import read_first_pass, tagged_speaker

    assert ranker.second is not None
    out = []
    for part in _by_novel(rows).values():
        paragraphs, convo = [r.paragraphs for r in part], [r.convo for r in part]
        _, extended = read_first_pass(ranker.first, _candidates(part), paragraphs, convo)
        out.append(
            NovelScores(
                scores=ranker.second.score_many(extended),
                tagged=[tagged_speaker(c) for c in extended],
                paragraphs=paragraphs,
                convo=convo,
                hits=[dict(zip(r.entities, r.hits, strict=True)) for r in part],
            )
        )
    return out


DECODER_GRID = [
    (p, b) for p in (0.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0) for b in (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
]
"""(repeat_penalty, same_paragraph_bonus) pairs the turn decoder is tuned over."""


def decoded_right(novels: Sequence[NovelScores], decoder: TurnDecoder) -> list[bool]:
    """Per quote of `novels`, whether `decoder`'s speaker is a right candidate."""
    out = []
    for n in novels:
        path = decoder.decode(n.scores, n.tagged, n.paragraphs, n.convo)
        out += [e is not None and h.get(e, False) for e, h in zip(path, n.hits, strict=True)]
    return out


def tune_decoder(novels: Sequence[NovelScores]) -> TurnDecoder:
    """The decoder of `DECODER_GRID` that gets most speakers right on `novels` (held-out scores)."""
    from ficlens.dialogue.ranker import TurnDecoder

    return max(
        (TurnDecoder(p, b) for p, b in DECODER_GRID),
        key=lambda d: (sum(decoded_right(novels, d)), -d.repeat_penalty, -d.same_paragraph_bonus),
    )


def folds(novels: Sequence[str]) -> list[list[str]]:
    return [list(novels[k::FOLDS]) for k in range(FOLDS)]


def _ratio(flags: Sequence[bool]) -> str:
    return f"{sum(flags) / len(flags):.3f}" if flags else "-"


def cross_validate(
    rows: Sequence[QuoteRows], novels: Sequence[str]
) -> tuple[list[SpeakerRanker], TurnDecoder]:
    """Print held-out accuracy per fold, overall and by quote type; return each fold's ranker and
    the turn decoder tuned on all held-out second-pass scores (for the shipped ranker).

    Each fold's decoder is tuned on the other folds' held-out scores, so no fold's score has seen
    its own novels."""
    from ficlens.dialogue.ranker import SpeakerRanker

    split = folds(novels)
    fitted = []
    for test in split:
        train = [n for n in novels if n not in test]
        ranker = fit_ranker([r for r in rows if r.novel in train], train)
        fitted.append((ranker, second_pass_scores([r for r in rows if r.novel in test], ranker)))
    held: list[tuple[QuoteRows, bool, bool, bool]] = []
    addressed: list[bool] = []
    rankers = []
    print(
        "| fold | novels | quotes | rules | first pass | both passes | decoded (penalty, bonus) | ceiling |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for k, (test, (ranker, _)) in enumerate(zip(split, fitted, strict=True)):
        decoder = tune_decoder([n for j, (_, scores) in enumerate(fitted) if j != k for n in scores])
        decoded = replace(ranker, decoder=decoder)
        rankers.append(decoded)
        test_rows = [r for r in rows if r.novel in test]
        first = ranker_right(test_rows, SpeakerRanker(ranker.first))
        both = ranker_right(test_rows, ranker)
        results = ranker_results(test_rows, decoded)
        final = [right for right, _ in results]
        addressed += [a for _, a in results if a is not None]
        held += list(zip(test_rows, first, both, final, strict=True))
        print(
            f"| {k} | {', '.join(test)} | {len(test_rows)} | {_ratio([r.rule_right for r in test_rows])} "
            f"| {_ratio(first)} | {_ratio(both)} "
            f"| {_ratio(final)} ({decoder.repeat_penalty}, {decoder.same_paragraph_bonus}) "
            f"| {_ratio([any(r.hits) for r in test_rows])} |"
        )
    print("\n| quotes | n | rules | first pass | both passes | decoded (held out) | ceiling |")
    print("|---|---|---|---|---|---|---|")
    for kind in (None, "Explicit", "Anaphoric", "Implicit"):
        part = [h for h in held if kind is None or h[0].quote_type == kind]
        print(
            f"| {kind or 'all'} | {len(part)} | {_ratio([h[0].rule_right for h in part])} "
            f"| {_ratio([h[1] for h in part])} | {_ratio([h[2] for h in part])} "
            f"| {_ratio([h[3] for h in part])} "
            f"| {_ratio([any(h[0].hits) for h in part])} |"
        )
    print(f"\naddressee model, held out: {_ratio(addressed)} of {len(addressed)} quotes with gold addressees")
    return rankers, tune_decoder([n for _, scores in fitted for n in scores])


def pipeline_cv(
    root: Path, novels: Sequence[str], rankers: Sequence[SpeakerRanker], cache: Path | None
) -> None:
    """`ficlens eval pdnc` scoring on each held-out fold with the ranker trained on the other folds,
    summed over all folds (the per-novel reports go to stderr)."""
    import ficlens.dialogue.attribution as attribution
    from ficlens.evaluation.pdnc import load_pdnc
    from ficlens.evaluation.pdnc_eval import PdncTally, score_novel

    total = PdncTally()
    for test, ranker in zip(folds(novels), rankers, strict=True):
        attribution.shipped_model = lambda ranker=ranker: ranker  # type: ignore[assignment]
        for name in test:
            tally = score_novel(load_pdnc(root, [name])[0], cache / f"{name}.spacy" if cache else None)
            print(name, json.dumps(tally.report()), file=sys.stderr)
            total.add(tally)
    print("\nwhole pipeline (`ficlens eval pdnc` scoring), every novel held out:")
    print(json.dumps(total.report(), indent=1))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--rows", type=Path, default=None, help="pickle of extracted rows (reused if present)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pipeline-cv", action="store_true")
    args = parser.parse_args(argv)

    from ficlens.dialogue.ranker import ADDRESSEE_FEATURES, FEATURES, SECOND_FEATURES, TreeModel
    from ficlens.evaluation.pdnc import pdnc_novel_names

    novels = pdnc_novel_names(args.root)
    if args.rows is not None and args.rows.is_file():
        rows = pickle.loads(args.rows.read_bytes())
    else:
        with ProcessPoolExecutor(args.workers) as pool:
            parts = pool.map(novel_rows, [args.root] * len(novels), novels, [args.cache] * len(novels))
            rows = [r for part in parts for r in part]
        if args.rows is not None:
            args.rows.write_bytes(pickle.dumps(rows))
    rankers, decoder = cross_validate(rows, novels)
    ranker = replace(fit_ranker(rows, novels), decoder=decoder)
    print(f"\nturn decoder (tuned on all held-out folds): {decoder}")
    assert ranker.second is not None and ranker.addressee is not None
    for label, trees in (("first pass", ranker.first), ("second pass", ranker.second)):
        assert isinstance(trees, TreeModel)
        splits = Counter(trees.features[k] for tree in trees.trees for k in tree.feature.tolist())
        top = dict(splits.most_common(20))
        print(f"\n{label} (all novels), {len(trees.trees)} trees; splits per feature:", top)
    weights = {k: round(v, 2) for k, v in ranker.addressee.weights.items()}
    print("\naddressees (all novels):", weights, "bias", round(ranker.addressee.bias, 2))
    if args.out is not None:
        data = {
            **ranker.first.to_json(FEATURES),
            "second": ranker.second.to_json(SECOND_FEATURES),
            "addressee": ranker.addressee.to_json(ADDRESSEE_FEATURES),
            "decoder": {
                "repeat_penalty": decoder.repeat_penalty,
                "same_paragraph_bonus": decoder.same_paragraph_bonus,
            },
            "trained_on": "PDNC, 23 novels",
        }
        args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    if args.pipeline_cv:
        pipeline_cv(args.root, novels, rankers, args.cache)


if __name__ == "__main__":
    main()
