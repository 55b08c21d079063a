"""Train the speaker ranker (`ficlens.dialogue.ranker`) on PDNC with leave-novels-out cross-validation.

    .venv/bin/python training/dialogue/train_speaker.py ../shared/data/pdnc --cache /tmp/pdnc_cache \
        --out src/ficlens/dialogue/weights/speaker.json [--pipeline-cv]

For every novel the pipeline runs up to the rules (`attribute_by_rules`), each quote's candidates
get their features, and a candidate is positive when its final canonical name (after the narrator
is named) matches the gold speaker. Novels are split into 5 folds; each fold is scored by a model
trained on the other four. The table printed is the held-out accuracy (rules alone vs ranker); the
exported weights are then fit on all novels. `--pipeline-cv` also runs the whole `evaluate_pdnc`
path on each held-out fold with that fold's weights (speaker by type and addressee accuracy).
scikit-learn is used here only (the `train` extra); inference is plain Python.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ficlens.characters.types import Entity

FOLDS = 5
C = 1.0


@dataclass
class QuoteRows:
    novel: str
    quote_type: str | None
    rule_right: bool
    features: list[dict[str, float]]
    labels: list[int]


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
    from ficlens.characters.narrator import NARRATOR, name_narrator
    from ficlens.characters.speech_refs import Utterance, resolve_speech_pronouns
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
    narrator = next((e.index for e in cast.entities if e.name == NARRATOR), None)
    features = candidate_features(cast, quotes, evidence, convo, narrator)
    resolve_speech_pronouns(
        cast, [Utterance(q.parts, a.speaker, tuple(a.addressees)) for q, a in zip(quotes, rules, strict=True)]
    )
    merged = name_narrator(cast)

    def final_name(entity: int | None) -> str | None:
        return None if entity is None else spoken_name(cast.entities[merged.get(entity, entity)])

    out = []
    for (quote, _), rule, candidates in zip(gold, rules, features, strict=True):
        entities = list(candidates)
        out.append(
            QuoteRows(
                novel=name,
                quote_type=quote.quote_type,
                rule_right=speaker_matches(novel, quote.speaker, final_name(rule.speaker)),
                features=[candidates[e] for e in entities],
                labels=[int(speaker_matches(novel, quote.speaker, final_name(e))) for e in entities],
            )
        )
    return out


def _matrix(rows: Sequence[QuoteRows], names: Sequence[str]) -> tuple[list[list[float]], list[int]]:
    x = [[f.get(k, 0.0) for k in names] for r in rows for f in r.features]
    y = [label for r in rows for label in r.labels]
    return x, y


def fit(rows: Sequence[QuoteRows], names: Sequence[str]) -> tuple[dict[str, float], float]:
    from sklearn.linear_model import LogisticRegression

    x, y = _matrix(rows, names)
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(x, y)
    return dict(zip(names, (float(w) for w in model.coef_[0]), strict=True)), float(model.intercept_[0])


def ranker_right(rows: Sequence[QuoteRows], weights: dict[str, float]) -> list[bool]:
    """Whether the ranker's choice (`SpeakerModel.best`, as in the pipeline) is a right candidate."""
    from ficlens.dialogue.ranker import SpeakerModel

    model = SpeakerModel(weights)
    out = []
    for r in rows:
        best, _ = model.best(dict(enumerate(r.features)))
        out.append(best is not None and bool(r.labels[best]))
    return out


def folds(novels: Sequence[str]) -> list[list[str]]:
    return [list(novels[k::FOLDS]) for k in range(FOLDS)]


def _ratio(flags: Sequence[bool]) -> str:
    return f"{sum(flags) / len(flags):.3f}" if flags else "-"


def cross_validate(rows: Sequence[QuoteRows], novels: Sequence[str], names: Sequence[str]) -> None:
    """Print held-out accuracy per fold, overall and by quote type."""
    held: list[tuple[QuoteRows, bool]] = []
    print("| fold | novels | quotes | rules | ranker | ceiling |")
    print("|---|---|---|---|---|---|")
    for k, test in enumerate(folds(novels)):
        train_rows = [r for r in rows if r.novel not in test]
        test_rows = [r for r in rows if r.novel in test]
        weights, _ = fit(train_rows, names)
        right = ranker_right(test_rows, weights)
        held += list(zip(test_rows, right, strict=True))
        print(
            f"| {k} | {', '.join(test)} | {len(test_rows)} | {_ratio([r.rule_right for r in test_rows])} "
            f"| {_ratio(right)} | {_ratio([any(r.labels) for r in test_rows])} |"
        )
    print("\n| quotes | n | rules | ranker (held out) | ceiling (a candidate is right) |")
    print("|---|---|---|---|---|")
    for kind in (None, "Explicit", "Anaphoric", "Implicit"):
        part = [(r, ok) for r, ok in held if kind is None or r.quote_type == kind]
        print(
            f"| {kind or 'all'} | {len(part)} | {_ratio([r.rule_right for r, _ in part])} "
            f"| {_ratio([ok for _, ok in part])} | {_ratio([any(r.labels) for r, _ in part])} |"
        )


def pipeline_cv(
    root: Path, novels: Sequence[str], rows: Sequence[QuoteRows], names: Sequence[str], cache: Path | None
) -> None:
    """`evaluate_pdnc` on each held-out fold with the ranker trained on the other folds."""
    import ficlens.dialogue.attribution as attribution
    from ficlens.dialogue.ranker import SpeakerModel
    from ficlens.evaluation.pdnc_eval import evaluate_pdnc

    totals: dict[str, list[float]] = {}
    for test in folds(novels):
        weights, bias = fit([r for r in rows if r.novel not in test], names)
        model = SpeakerModel(weights, bias)
        attribution.shipped_model = lambda model=model: model  # type: ignore[assignment]
        report = evaluate_pdnc(root, test, cache_dir=cache)
        for name, novel in report["per_novel"].items():
            print(name, json.dumps(novel), file=sys.stderr)
            n = novel["quotes"]
            for key, value in (
                ("speaker", novel["speaker_accuracy"]),
                *((t, v) for t, v in novel["speaker_accuracy_by_type"].items()),
                ("addressee", novel["addressee_accuracy"]),
            ):
                totals.setdefault(key, []).append(value * n)
            totals.setdefault("n", []).append(n)
    n = sum(totals["n"])
    print("\nwhole pipeline, held-out folds (by-type and addressee weighted by novel quotes):")
    print({k: round(sum(v) / n, 4) for k, v in totals.items() if k != "n"})


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

    from ficlens.dialogue.ranker import FEATURES
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
    cross_validate(rows, novels, FEATURES)
    weights, bias = fit(rows, FEATURES)
    print("\nweights (all novels):", {k: round(v, 2) for k, v in weights.items()}, "bias", round(bias, 2))
    if args.out is not None:
        args.out.write_text(
            json.dumps(
                {
                    "features": list(FEATURES),
                    "weights": weights,
                    "bias": bias,
                    "trained_on": "PDNC, 23 novels",
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
    if args.pipeline_cv:
        pipeline_cv(args.root, novels, rows, FEATURES, args.cache)


if __name__ == "__main__":
    main()
