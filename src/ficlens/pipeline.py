"""The analysis pipeline: ingest → document → parse → quotes → characters → attribution → export.

Each stage is a plain function; `run_nlp` chains the language stages on a `Document` so the same
code serves `analyze` and the evaluation commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ficlens.characters import Cast, build_cast
from ficlens.characters.export import character_ids, export_cast
from ficlens.model import Analysis, FandomGuess, Source, Story, WorkMeta
from ficlens.nlp import ParsedDocument, parse_document
from ficlens.text.document import Document

if TYPE_CHECKING:
    from ficlens.kb import KnowledgeBase


@dataclass
class NlpResult:
    """What the language stages found in one document (document offsets throughout)."""

    parsed: ParsedDocument
    cast: Cast
    quotes: list = field(default_factory=list)  # dialogue.QuoteSpan
    attributions: list = field(default_factory=list)  # dialogue.Attribution


def run_nlp(document: Document, work: WorkMeta | None = None, kb: KnowledgeBase | None = None) -> NlpResult:
    """Parse the document, find its cast and (when the dialogue stage is available) its quotes."""
    parsed = parse_document(document)
    cast = build_cast(parsed, (), work, kb)
    return NlpResult(parsed=parsed, cast=cast)


def analyze_story(
    source: Source, story: Story, kb: KnowledgeBase | None = None, nlp: bool = True
) -> Analysis:
    """Build the full `Analysis` of an ingested story."""
    analysis = Analysis(source=source, work=story.work, chapters=story.chapters)
    if not nlp:
        return analysis
    document = Document.from_chapters(story.chapters)
    result = run_nlp(document, story.work, kb)
    ids = character_ids(result.cast)
    analysis.characters, analysis.mentions = export_cast(result.cast, document, ids)
    if result.cast.fandom_guess is not None and not story.work.fandoms:
        name, confidence = result.cast.fandom_guess
        analysis.fandom_guess = FandomGuess(name=name, confidence=round(confidence, 3))
    return analysis
