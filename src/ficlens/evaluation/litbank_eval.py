"""`ficlens eval litbank`: PER mention detection and PER coreference scored on LitBank.

Each LitBank line (one sentence) becomes a paragraph of a `Document`; system offsets are mapped
back to the file. The whole language pipeline runs (quotes, characters, speakers), as for a story.
Mention detection is scored on names and descriptions (LitBank's PER entities are proper and
common noun phrases, exact span match); coreference on all PER mentions the system finds,
pronouns included, with unresolved mentions as singletons, as the CoNLL scorer expects. Bare
titles ("Mr." in "Mr. Bennet") count as PER spans, as LitBank nests them, but are not references,
so they are left out of coreference.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ficlens.evaluation.coref_metrics import CorefScores, coref_scores, sum_coref_scores
from ficlens.evaluation.litbank import LitBankDoc, load_litbank
from ficlens.evaluation.spans import Score, micro_average, prf
from ficlens.nlp import ParsedDocument, parse_document
from ficlens.pipeline import run_nlp
from ficlens.text.document import Document

if TYPE_CHECKING:
    from ficlens.characters.mention_model import PerModel
    from ficlens.kb import KnowledgeBase

Span = tuple[int, int]


def litbank_document(doc: LitBankDoc) -> tuple[Document, list[int]]:
    """The excerpt as a `Document` and each paragraph's offset in the file.

    LitBank's text has one sentence per line and no paragraph breaks. Each line is a paragraph,
    except that lines are joined (newline → space, so offsets are kept) while a quotation is open:
    a speech of several sentences stays one quotation.
    """
    paragraphs: list[str] = []
    starts: list[int] = []
    offset = 0
    open_quotes = 0
    for line in doc.text.split("\n"):
        if open_quotes > 0 and paragraphs:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
            starts.append(offset)
        open_quotes = max(0, open_quotes + line.count("“") - line.count("”"))
        offset += len(line) + 1
    return Document.from_texts(paragraphs), starts


def system_output(
    doc: LitBankDoc,
    kb: KnowledgeBase | None = None,
    parsed: ParsedDocument | None = None,
    mention_model: PerModel | None = None,
) -> tuple[set[Span], list[set[Span]]]:
    """Predicted PER spans (names and descriptions) and PER clusters (all mentions) for one doc.

    `parsed` must come from `litbank_document(doc)` when given (cached parses).
    """
    document, starts = litbank_document(doc)
    parsed = parsed or parse_document(document)
    cast = run_nlp(parsed.document, None, kb, parsed=parsed, mention_model=mention_model).cast
    document = parsed.document

    def source(start: int, end: int) -> Span:
        index = document.index_at(start)
        shift = starts[index] - document.paragraphs[index].offset
        return start + shift, end + shift

    spans = {source(m.start, m.end) for m in cast.mentions if m.kind in {"name", "nominal"}}
    clusters: dict[int, set[Span]] = {}
    singletons: list[set[Span]] = []
    for m in cast.mentions:
        if m.is_title:
            continue
        span = source(m.start, m.end)
        if m.entity is None:
            singletons.append({span})
        else:
            clusters.setdefault(m.entity, set()).add(span)
    return spans, list(clusters.values()) + singletons


def score_doc(doc: LitBankDoc, spans: set[Span], clusters: list[set[Span]]) -> tuple[Score, CorefScores]:
    return prf(set(doc.per_spans), spans), coref_scores(doc.coref_clusters, clusters)


def report(scores: Sequence[tuple[Score, CorefScores]]) -> dict[str, object]:
    """The `--json` report from per-document scores (micro-averaged; coref summed as CoNLL does)."""
    mentions = micro_average([m for m, _ in scores])
    total = sum_coref_scores([c for _, c in scores])
    return {
        "docs": len(scores),
        "per_mentions": {"precision": mentions.precision, "recall": mentions.recall, "f1": mentions.f1},
        "coref": {
            "muc": total.muc.f1,
            "b3": total.b_cubed.f1,
            "ceafe": total.ceaf_e.f1,
            "conll_f1": total.conll_f1,
        },
    }


def evaluate_litbank(
    root: Path,
    ids: Sequence[str] | None = None,
    kb: KnowledgeBase | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, object]:
    """Score the system on every LitBank document under `root`; returns the `--json` report."""
    scores = []
    for doc in load_litbank(root, ids):
        scores.append(score_doc(doc, *system_output(doc, kb)))
        if progress:
            progress(doc.id)
    return report(scores)
