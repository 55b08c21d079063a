"""`ficlens eval litbank`: PER mention detection and PER coreference scored on LitBank.

Each LitBank line (one sentence) becomes a paragraph of a `Document`; system offsets are mapped
back to the file. Mention detection is scored on names and descriptions (LitBank's PER entities
are proper and common noun phrases, exact span match); coreference on all PER mentions the system
finds, pronouns included, with unresolved mentions as singletons, as the CoNLL scorer expects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ficlens.characters import build_cast
from ficlens.evaluation.coref_metrics import CorefScores, coref_scores, sum_coref_scores
from ficlens.evaluation.litbank import LitBankDoc, load_litbank
from ficlens.evaluation.spans import Score, micro_average, prf
from ficlens.kb import KnowledgeBase
from ficlens.nlp import parse_document
from ficlens.text.document import Document

Span = tuple[int, int]


def system_output(doc: LitBankDoc, kb: KnowledgeBase | None = None) -> tuple[set[Span], list[set[Span]]]:
    """Predicted PER spans (names and descriptions) and PER clusters (all mentions) for one doc."""
    lines = doc.text.split("\n")
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    document = Document.from_texts(lines)
    parsed = parse_document(document)
    cast = build_cast(parsed, (), None, kb)

    def source(start: int, end: int) -> Span:
        index = document.index_at(start)
        shift = starts[index] - document.paragraphs[index].offset
        return start + shift, end + shift

    spans = {source(m.start, m.end) for m in cast.mentions if m.kind in {"name", "nominal"}}
    clusters: dict[int, set[Span]] = {}
    singletons: list[set[Span]] = []
    for m in cast.mentions:
        span = source(m.start, m.end)
        if m.entity is None:
            singletons.append({span})
        else:
            clusters.setdefault(m.entity, set()).add(span)
    return spans, list(clusters.values()) + singletons


def evaluate_litbank(
    root: Path,
    ids: Sequence[str] | None = None,
    kb: KnowledgeBase | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, object]:
    """Score the system on every LitBank document under `root`; returns the `--json` report."""
    docs = load_litbank(root, ids)
    mention_scores: list[Score] = []
    coref: list[CorefScores] = []
    for doc in docs:
        spans, clusters = system_output(doc, kb)
        mention_scores.append(prf(set(doc.per_spans), spans))
        coref.append(coref_scores(doc.coref_clusters, clusters))
        if progress:
            progress(doc.id)
    mentions = micro_average(mention_scores)
    total = sum_coref_scores(coref)
    return {
        "docs": len(docs),
        "per_mentions": {"precision": mentions.precision, "recall": mentions.recall, "f1": mentions.f1},
        "coref": {
            "muc": total.muc.f1,
            "b3": total.b_cubed.f1,
            "ceafe": total.ceaf_e.f1,
            "conll_f1": total.conll_f1,
        },
    }
