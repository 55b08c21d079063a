"""Conversion of detected and attributed quotes into the JSON records of `ficlens.model`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ficlens.dialogue.attribution import Attribution
from ficlens.dialogue.quotes import QuoteSpan
from ficlens.model import Character, Location, Quote
from ficlens.text.document import Document


def _location(document: Document, start: int, end: int) -> Location:
    paragraph = document.paragraph_at(start)
    return Location(
        chapter=paragraph.chapter,
        paragraph=paragraph.index,
        start=start - paragraph.offset,
        end=min(end, paragraph.end) - paragraph.offset,
    )


def quotes_to_model(
    document: Document,
    quotes: Sequence[QuoteSpan],
    attributions: Sequence[Attribution],
    ids: Mapping[int, str],
) -> list[Quote]:
    """JSON quote records: paragraph-relative locations of the quoted text (marks excluded).

    `ids` maps entity indexes to public character ids (`characters.export.character_ids`); a
    speaker or addressee that is not a listed character is left out.
    """
    records: list[Quote] = []
    for number, (quote, attribution) in enumerate(zip(quotes, attributions, strict=True)):
        inner = quote.inner(document.text) or quote.parts
        parts = [_location(document, s, e) for s, e in inner]
        first, last = parts[0], parts[-1]
        same = (first.chapter, first.paragraph) == (last.chapter, last.paragraph)
        records.append(
            Quote(
                id=number,
                chapter=first.chapter,
                paragraph=first.paragraph,
                start=first.start,
                end=last.end if same else first.end,
                text=quote.text(document.text),
                parts=parts,
                speaker=ids.get(attribution.speaker) if attribution.speaker is not None else None,
                addressees=[ids[a] for a in attribution.addressees if a in ids],
                type=attribution.type if attribution.speaker is not None else None,
                cue=attribution.cue,
                confidence=round(attribution.confidence, 3),
            )
        )
    return records


def speech_counts(quotes: Sequence[Quote]) -> dict[str, tuple[int, int]]:
    """Per character id: (lines spoken, words spoken)."""
    counts: dict[str, tuple[int, int]] = {}
    for q in quotes:
        if q.speaker is None:
            continue
        lines, words = counts.get(q.speaker, (0, 0))
        counts[q.speaker] = (lines + 1, words + len(q.text.split()))
    return counts


def add_speech_counts(characters: Sequence[Character], quotes: Sequence[Quote]) -> None:
    """Fill `Character.lines` and `Character.words_spoken` from attributed quotes."""
    counts = speech_counts(quotes)
    for character in characters:
        character.lines, character.words_spoken = counts.get(character.id, (0, 0))
