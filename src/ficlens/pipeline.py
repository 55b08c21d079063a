"""The analysis pipeline: ingest → document → parse → quotes → characters → attribution →
relationships and facts → export.

Each stage is a plain function; `run_nlp` chains the language stages on a `Document` so the same
code serves `analyze` and the evaluation commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ficlens.characters import Cast, build_cast
from ficlens.characters.export import character_ids, export_cast
from ficlens.characters.presence import mark_presence
from ficlens.characters.speech_refs import Utterance, resolve_speech_pronouns
from ficlens.dialogue import (
    Attribution,
    QuoteSpan,
    add_speech_counts,
    attribute,
    detect_quotes,
    quotes_to_model,
)
from ficlens.model import Analysis, FandomGuess, Source, Story, WorkMeta
from ficlens.nlp import ParsedDocument, parse_document
from ficlens.relations import build_relationships, extract_facts
from ficlens.text.document import Document

if TYPE_CHECKING:
    from ficlens.characters.mention_model import PerModel
    from ficlens.kb import KnowledgeBase


@dataclass
class NlpResult:
    """What the language stages found in one document (document offsets throughout)."""

    parsed: ParsedDocument
    cast: Cast
    quotes: list[QuoteSpan] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    @property
    def utterances(self) -> list[Utterance]:
        return [
            Utterance(q.parts, a.speaker, tuple(a.addressees))
            for q, a in zip(self.quotes, self.attributions, strict=True)
        ]


def run_nlp(
    document: Document,
    work: WorkMeta | None = None,
    kb: KnowledgeBase | None = None,
    parsed: ParsedDocument | None = None,
    quotes: list[QuoteSpan] | None = None,
    mention_model: PerModel | None = None,
) -> NlpResult:
    """Parse the document, find its quotes and cast, attribute the quotes, then settle the
    pronouns inside quotes ("I" is the speaker) and who is present.

    `parsed` and `quotes` may be given (cached parses; gold quote spans in evaluation), and
    `mention_model` replaces the shipped mention classifier (cross-validation).
    """
    parsed = parsed or parse_document(document)
    quotes = detect_quotes(document) if quotes is None else quotes
    cast = build_cast(parsed, [part for q in quotes for part in q.parts], work, kb, mention_model)
    attributions = attribute(parsed, quotes, cast)
    result = NlpResult(parsed=parsed, cast=cast, quotes=quotes, attributions=attributions)
    resolve_speech_pronouns(cast, result.utterances)
    speakers = frozenset(a.speaker for a in attributions if a.speaker is not None)
    mark_presence(parsed, cast.mentions, cast.entities, speakers)
    return result


def analyze_story(
    source: Source, story: Story, kb: KnowledgeBase | None = None, nlp: bool = True
) -> Analysis:
    """Build the full `Analysis` of an ingested story."""
    analysis = Analysis(source=source, work=story.work, chapters=story.chapters)
    if not nlp:
        return analysis
    document = Document.from_chapters(story.chapters)
    result = run_nlp(document, story.work, kb)
    ids = character_ids(result.cast, {a.speaker for a in result.attributions if a.speaker is not None})
    analysis.characters, analysis.mentions = export_cast(result.cast, document, ids)
    analysis.quotes = quotes_to_model(document, result.quotes, result.attributions, ids)
    add_speech_counts(analysis.characters, analysis.quotes)
    analysis.relationships = build_relationships(
        result.parsed, result.cast, ids, result.utterances, story.work
    )
    analysis.facts = extract_facts(result.parsed, result.cast, ids, result.utterances)
    if result.cast.fandom_guess is not None and not story.work.fandoms:
        name, confidence = result.cast.fandom_guess
        analysis.fandom_guess = FandomGuess(name=name, confidence=round(confidence, 3))
    return analysis
