"""`ficlens eval pdnc`: quotation detection and attribution scored on a PDNC-layout folder."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ficlens.dialogue.quotes import QuoteSpan, ends_paragraph
from ficlens.evaluation.pdnc import (
    QUOTE_MARKS,
    PdncNovel,
    PdncQuote,
    load_pdnc,
    pdnc_novel_names,
    quote_detection_score,
    speaker_matches,
)
from ficlens.evaluation.spans import Score
from ficlens.nlp.parse import parse_cached
from ficlens.text.document import Document, raw_paragraphs


def novel_document(text: str) -> tuple[Document, list[int]]:
    """The novel as a one-chapter `Document` and, per paragraph, its offset in the raw file."""
    raws = raw_paragraphs(text)
    return Document.from_texts([r.text for r in raws]), [r.source_offset for r in raws]


def _to_document(offsets: list[int], document: Document, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A raw-file span as document spans, one per paragraph it touches."""
    out: list[tuple[int, int]] = []
    k = max(bisect_right(offsets, span[0]) - 1, 0)
    while k < len(offsets) and offsets[k] < span[1]:
        p = document.paragraphs[k]
        s = max(span[0] - offsets[k], 0)
        e = min(span[1] - offsets[k], len(p.text))
        if s < e:
            out.append((p.offset + s, p.offset + e))
        k += 1
    return out


def _with_marks(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    if s > 0 and text[s - 1] in QUOTE_MARKS:
        s -= 1
    if e < len(text) and text[e] in QUOTE_MARKS:
        e += 1
    return s, e


def _closed(document: Document, part: tuple[int, int], index: int) -> bool:
    """A gold part (in paragraph `index`) is open when no quote mark ends it at its paragraph's
    end (a speech that goes on in the next paragraph)."""
    return not ends_paragraph(document, part[1], index) or document.text[part[1] - 1] in QUOTE_MARKS


def gold_quote_spans(
    novel: PdncNovel, document: Document, offsets: list[int]
) -> list[tuple[PdncQuote, QuoteSpan]]:
    """The gold quotations as `QuoteSpan`s of `document` (quote marks included), in text order."""
    out = []
    for quote in sorted(novel.quotes, key=lambda q: q.spans[0] if q.spans else (0, 0)):
        parts = [
            _with_marks(document.text, p)
            for span in quote.spans
            for p in _to_document(offsets, document, span)
        ]
        if parts:
            parts.sort()
            paragraphs = [document.index_at(s) for s, _ in parts]
            closed = [_closed(document, part, k) for part, k in zip(parts, paragraphs, strict=True)]
            out.append((quote, QuoteSpan(parts=parts, paragraphs=paragraphs, closed=closed)))
    return out


def predicted_raw_spans(
    document: Document, offsets: list[int], quotes: Sequence[QuoteSpan]
) -> list[tuple[int, int]]:
    """Detected quote parts as offsets into the raw novel file."""
    out = []
    for q in quotes:
        for (s, e), k in zip(q.parts, q.paragraphs, strict=True):
            base = document.paragraphs[k].offset
            out.append((s - base + offsets[k], e - base + offsets[k]))
    return out


@dataclass
class PdncTally:
    """Detection, speaker and addressee counts, summed over novels."""

    detection: Score = field(default_factory=lambda: Score(0, 0, 0))
    quotes: int = 0
    speaker: list[int] = field(default_factory=lambda: [0, 0])
    by_type: dict[str, list[int]] = field(default_factory=dict)
    addressee: list[int] = field(default_factory=lambda: [0, 0])
    any_name: dict[str, list[int]] = field(default_factory=dict)
    """Per quote type and "all": quotes whose predicted character is the gold speaker by any of
    the names the system gathered for it (a diagnostic; see `report`)."""

    def add(self, other: PdncTally) -> None:
        d = self.detection
        self.detection = Score(
            d.tp + other.detection.tp, d.fp + other.detection.fp, d.fn + other.detection.fn
        )
        self.quotes += other.quotes
        for mine, theirs in ((self.speaker, other.speaker), (self.addressee, other.addressee)):
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        for mine_by, theirs_by in ((self.by_type, other.by_type), (self.any_name, other.any_name)):
            for key, (right, total) in theirs_by.items():
                slot = mine_by.setdefault(key, [0, 0])
                slot[0] += right
                slot[1] += total

    def report(self) -> dict[str, Any]:
        """The scores. `diagnostics` is not part of the bar: it counts a speaker right when any of
        the names the system gathered for its character (JSON `name` and `aliases`) is among the
        gold speaker's, which separates whom a line was given to from which name stands for them
        ("Bill", where the annotators list only "Bill Gorton"). A wrong merge counts for everyone
        it swallowed, so it is an upper bound on naming's share of the errors."""

        def ratio(pair: list[int]) -> float:
            return round(pair[0] / pair[1], 4) if pair[1] else 0.0

        d = self.detection
        return {
            "quotes": self.quotes,
            "quote_detection": {
                "precision": round(d.precision, 4),
                "recall": round(d.recall, 4),
                "f1": round(d.f1, 4),
            },
            "speaker_accuracy": ratio(self.speaker),
            "speaker_accuracy_by_type": {t: ratio(self.by_type.get(t, [0, 0])) for t in _TYPES},
            "addressee_accuracy": ratio(self.addressee),
            "diagnostics": {
                "speaker_accuracy_any_name": ratio(self.any_name.get("all", [0, 0])),
                "speaker_accuracy_any_name_by_type": {t: ratio(self.any_name.get(t, [0, 0])) for t in _TYPES},
            },
        }


_TYPES = ("Explicit", "Anaphoric", "Implicit")


def score_novel(novel: PdncNovel, cache: Path | None = None) -> PdncTally:
    """Detection, speaker and addressee counts for one novel (the system finds its own characters).

    Attribution runs the whole language pipeline (`pipeline.run_nlp`) on the gold quote spans.
    """
    from ficlens.dialogue import detect_quotes
    from ficlens.pipeline import run_nlp

    tally = PdncTally()
    document, offsets = novel_document(novel.text)
    predicted = detect_quotes(document)
    gold_spans = [span for q in novel.quotes for span in q.spans]
    tally.detection = quote_detection_score(
        gold_spans, predicted_raw_spans(document, offsets, predicted), novel.text
    )
    parsed = parse_cached(document, cache)
    gold = gold_quote_spans(novel, document, offsets)
    spans = [q for _, q in gold]
    result = run_nlp(document, parsed=parsed, quotes=spans)
    cast, attributions = result.cast, result.attributions
    for (quote, _), attribution in zip(gold, attributions, strict=True):
        speaker = cast.entities[attribution.speaker] if attribution.speaker is not None else None
        right = int(speaker_matches(novel, quote.speaker, speaker.name if speaker else None))
        person = int(
            speaker is not None
            and any(speaker_matches(novel, quote.speaker, n) for n in [speaker.name, *speaker.aliases])
        )
        tally.quotes += 1
        tally.speaker[0] += right
        tally.speaker[1] += 1
        for key, hit, counts in (
            (quote.quote_type, right, tally.by_type),
            (quote.quote_type, person, tally.any_name),
            ("all", person, tally.any_name),
        ):
            if key is not None:
                slot = counts.setdefault(key, [0, 0])
                slot[0] += hit
                slot[1] += 1
        if quote.addressees:
            predicted_names = [cast.entities[a].name for a in attribution.addressees]
            tally.addressee[0] += int(
                any(
                    speaker_matches(novel, gold_name, p)
                    for gold_name in quote.addressees
                    for p in predicted_names
                )
            )
            tally.addressee[1] += 1
    return tally


def evaluate_pdnc(
    root: Path,
    novels: Sequence[str] | None = None,
    progress: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """The `ficlens eval pdnc` report over the novels of a PDNC-layout folder.

    Quote detection compares predicted spans with gold sub-quotation spans (quote marks stripped);
    speaker and addressee accuracy are measured on the gold quote spans, with the characters the
    system finds itself. `cache_dir` keeps spaCy parses between runs.
    """
    total = PdncTally()
    per_novel: dict[str, dict[str, Any]] = {}
    names = list(novels) if novels is not None else pdnc_novel_names(root)
    for name in names:
        if progress is not None:
            progress(name)
        novel = load_pdnc(root, [name])[0]
        tally = score_novel(novel, cache_dir / f"{name}.spacy" if cache_dir else None)
        per_novel[name] = tally.report()
        total.add(tally)
    return {"novels": len(names), **total.report(), "per_novel": per_novel}
