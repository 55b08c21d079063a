"""Train the PER mention classifier on LitBank, cross-validated by document, and export its weights.

    pip install -e '.[nlp,train]'
    python training/mentions/train_per.py ../shared/data/litbank            # CV table + weights
    python training/mentions/train_per.py ../shared/data/litbank --no-export  # CV table only

Every LitBank document is parsed as `ficlens.evaluation.litbank_eval` parses it (one paragraph
per line), the candidate spans of `ficlens.characters.mention_spans` are labelled positive when
they equal a gold PER span (entities/brat), and a logistic regression (scikit-learn, only here)
learns which are people. The k folds split the documents (document i goes to fold i mod k, ids
sorted), each fold's model runs through the real `detect_mentions` on the held-out documents, and
the table reports exact-span precision, recall and F1 per fold and micro-averaged over all
held-out documents, and the coreference scores (MUC, B3, CEAF-e, CoNLL F1) of the whole
pipeline run with each fold's model on its held-out documents. The model trained on all
documents is then written as JSON (`src/ficlens/characters/weights/per_mentions.json`) for
plain-Python inference.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from ficlens.characters.mention_model import (
    DocumentContext,
    LogisticModel,
    PerModel,
    boundary_features,
    head_features,
)
from ficlens.characters.mention_spans import Candidate, candidates
from ficlens.evaluation.coref_metrics import CorefScores
from ficlens.evaluation.litbank import LitBankDoc, load_litbank
from ficlens.evaluation.litbank_eval import litbank_document, report, score_doc, system_output
from ficlens.evaluation.spans import Score
from ficlens.nlp.parse import ParsedDocument, parse_cached

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = ROOT / "src/ficlens/characters/weights/per_mentions.json"
Span = tuple[int, int]


@dataclass
class Example:
    """One LitBank document: its parse, line offsets and labelled candidate features."""

    doc: LitBankDoc
    parsed: ParsedDocument
    line_starts: list[int]
    head_rows: list[list[str]]
    head_labels: list[int]
    boundary_rows: list[list[str]]
    boundary_labels: list[int]


def parse(doc: LitBankDoc, cache: Path | None) -> tuple[ParsedDocument, list[int]]:
    document, starts = litbank_document(doc)
    return parse_cached(document, cache / f"{doc.id}.spacy" if cache else None), starts


def example(doc: LitBankDoc, cache: Path | None) -> Example:
    """Label every head (is one of its candidates a gold PER span?) and, for the heads that are,
    every candidate (is it that span?)."""
    parsed, starts = parse(doc, cache)
    ctx = DocumentContext.from_docs(parsed.docs)
    ex = Example(doc, parsed, starts, [], [], [], [])
    for line, sdoc in enumerate(parsed.docs):
        by_head: dict[int, list[Candidate]] = {}
        for cand in candidates(sdoc):
            by_head.setdefault(cand.head, []).append(cand)
        for head_index, cands in by_head.items():
            head = sdoc[head_index]
            gold = [doc_span(sdoc, c.start, c.end, starts[line]) in doc.per_spans for c in cands]
            ex.head_rows.append(head_features(head, ctx))
            ex.head_labels.append(int(any(gold)))
            if any(gold):
                ex.boundary_rows.extend(boundary_features(sdoc, c, head) for c in cands)
                ex.boundary_labels.extend(int(g) for g in gold)
    return ex


def doc_span(sdoc: object, start: int, end: int, base: int) -> Span:
    span = sdoc[start:end]  # type: ignore[index]
    return base + span.start_char, base + span.end_char


def fit(rows: list[list[str]], labels: list[int], c: float) -> LogisticModel:
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(row, 1) for row in rows])
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, labels)
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    return LogisticModel(weights, round(float(clf.intercept_[0]), 4))


def train(examples: list[Example], c: float, threshold: float) -> PerModel:
    head = fit(
        [r for ex in examples for r in ex.head_rows], [y for ex in examples for y in ex.head_labels], c
    )
    boundary = fit(
        [r for ex in examples for r in ex.boundary_rows],
        [y for ex in examples for y in ex.boundary_labels],
        c,
    )
    return PerModel(head, boundary, threshold)


def cross_validate(
    examples: list[Example], folds: int, c: float, threshold: float
) -> list[list[tuple[Score, CorefScores]]]:
    """Per fold, per held-out document: PER mention scores and coreference scores of the whole
    pipeline (`evaluation.litbank_eval.system_output`) run with that fold's mention model."""
    by_fold: list[list[tuple[Score, CorefScores]]] = []
    for k in range(folds):
        test = [ex for i, ex in enumerate(examples) if i % folds == k]
        model = train([ex for i, ex in enumerate(examples) if i % folds != k], c, threshold)
        by_fold.append(
            [score_doc(ex.doc, *system_output(ex.doc, None, ex.parsed, mention_model=model)) for ex in test]
        )
    return by_fold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("litbank", type=Path, help="LitBank folder (entities/brat, coref/brat, quotations/tsv)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=1.0, help="inverse L2 regularisation strength")
    ap.add_argument("--threshold", type=float, default=0.4, help="least probability of an accepted span")
    ap.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache/ficlens/litbank-parses", help="parse cache folder"
    )
    ap.add_argument("--no-export", action="store_true", help="only print the cross-validation table")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args(argv)

    t0 = time.time()
    examples = [example(doc, args.cache) for doc in load_litbank(args.litbank)]
    n_heads = sum(len(ex.head_rows) for ex in examples)
    n_pos = sum(sum(ex.boundary_labels) for ex in examples)
    n_gold = sum(len(ex.doc.per_spans) for ex in examples)
    print(
        f"{len(examples)} docs, {n_heads} candidate heads, {n_pos} candidates match one of {n_gold} gold "
        f"PER spans (candidate recall {n_pos / n_gold:.3f}); {time.time() - t0:.0f}s",
        file=sys.stderr,
    )
    by_fold = cross_validate(examples, args.folds, args.C, args.threshold)
    print(
        f"{'fold':>6} {'docs':>5} {'P':>6} {'R':>6} {'F1':>6} {'MUC':>6} {'B3':>6} {'CEAFe':>6} {'CoNLL':>6}"
    )
    rows = [(str(k), scores) for k, scores in enumerate(by_fold)]
    rows.append(("all", [s for scores in by_fold for s in scores]))
    for label, scores in rows:
        r = report(scores)
        m, co = r["per_mentions"], r["coref"]
        assert isinstance(m, dict) and isinstance(co, dict)
        print(
            f"{label:>6} {len(scores):>5} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
            f"{co['muc']:6.3f} {co['b3']:6.3f} {co['ceafe']:6.3f} {co['conll_f1']:6.3f}"
        )
    if not args.no_export:
        model = train(examples, args.C, args.threshold)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n")
        n = len(model.head.weights) + len(model.boundary.weights)
        print(f"wrote {args.out} ({n} weights)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
