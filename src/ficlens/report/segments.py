"""Split paragraphs into plain runs of text at quote and mention offsets.

The HTML is built from these pieces by the template, which escapes each piece's text: story text
never passes through string replacement on HTML, so nothing in it can become markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

from ficlens.model import Chapter, Location, Mention, Quote

Key = tuple[int, int]  # (chapter number, paragraph index)
T = TypeVar("T")


@dataclass(frozen=True)
class Piece:
    """A run of text inside at most one mention."""

    text: str
    mention: Mention | None = None


@dataclass
class Segment:
    """Consecutive pieces that belong to the same quotation part (or to none)."""

    quote: Quote | None
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    order: int


def quote_parts(quote: Quote) -> list[Location]:
    """Every quoted span of `quote`; a quote without `parts` is its own single span."""
    if quote.parts:
        return list(quote.parts)
    return [Location(chapter=quote.chapter, paragraph=quote.paragraph, start=quote.start, end=quote.end)]


class ParagraphSplitter:
    """Indexes quotes and mentions by paragraph once, then splits any paragraph of the story."""

    def __init__(self, quotes: Iterable[Quote], mentions: Iterable[Mention]) -> None:
        self._quotes: dict[Key, list[tuple[_Span, Quote]]] = defaultdict(list)
        self._mentions: dict[Key, list[tuple[_Span, Mention]]] = defaultdict(list)
        for order, quote in enumerate(quotes):
            for part in quote_parts(quote):
                self._quotes[part.chapter, part.paragraph].append((_Span(part.start, part.end, order), quote))
        for order, mention in enumerate(mentions):
            key = (mention.chapter, mention.paragraph)
            self._mentions[key].append((_Span(mention.start, mention.end, order), mention))

    def split(self, chapter: int, index: int, text: str) -> list[Segment]:
        """`text` (paragraph `index` of chapter `chapter`) cut into segments whose texts add up to it."""
        quotes = _clamped(self._quotes.get((chapter, index), []), len(text))
        mentions = _clamped(self._mentions.get((chapter, index), []), len(text))
        if not quotes and not mentions:
            return [Segment(None, [Piece(text)])] if text else []
        cuts = sorted(
            {0, len(text)} | {s.start for s, _ in quotes + mentions} | {s.end for s, _ in quotes + mentions}
        )
        segments: list[Segment] = []
        for start, end in pairwise(cuts):
            quote = _covering(quotes, start, end, innermost=False)
            mention = _covering(mentions, start, end, innermost=True)
            piece = Piece(text[start:end], mention)
            if segments and segments[-1].quote is quote and _continues(quote, start, quotes):
                last = segments[-1].pieces[-1]
                if last.mention is mention and mention is not None:
                    segments[-1].pieces[-1] = Piece(last.text + piece.text, mention)
                else:
                    segments[-1].pieces.append(piece)
            else:
                segments.append(Segment(quote, [piece]))
        return segments


def _clamped(spans: Sequence[tuple[_Span, T]], length: int) -> list[tuple[_Span, T]]:
    """Spans cut to the paragraph; empty or inverted ones (bad offsets) are dropped."""
    kept = []
    for span, item in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            kept.append((_Span(start, end, span.order), item))
    return kept


def _covering(spans: Sequence[tuple[_Span, T]], start: int, end: int, *, innermost: bool) -> T | None:
    """The span covering [start, end): the shortest when `innermost`, else the first in the data."""
    best: tuple[int, int, int] | None = None
    found: T | None = None
    for span, item in spans:
        if span.start <= start and end <= span.end:
            rank = (span.end - span.start if innermost else 0, span.order, span.start)
            if best is None or rank < best:
                best, found = rank, item
    return found


def _continues(quote: Quote | None, start: int, quotes: Sequence[tuple[_Span, Quote]]) -> bool:
    """Whether the current part of `quote` goes on at `start` (two adjacent parts stay separate)."""
    if quote is None:
        return True
    return not any(item is quote and span.start == start for span, item in quotes)


def split_chapter(splitter: ParagraphSplitter, chapter: Chapter) -> list[list[Segment]]:
    """All of `chapter`'s paragraphs, split."""
    return [splitter.split(chapter.number, i, text) for i, text in enumerate(chapter.paragraphs)]
