"""Who a quote is spoken to: vocatives, "said to X", else the other participant of the conversation.

Names inside a quote are evidence of the addressee, never of the speaker: "What is this, Red?"
is said to Red. A name counts as a vocative at the start or end of a quote part or when set off
by commas.
"""

from __future__ import annotations

import re

from ficlens.characters.kinship import KIN_NOUNS
from ficlens.characters.types import MentionSpan
from ficlens.dialogue.cues import MentionIndex
from ficlens.dialogue.quotes import QuoteSpan

_BEFORE = re.compile(r"(?:^|[,;:!?.—–-]|\b(?:oh|o|dear|my dear|hey|hi|hello|yes|no|well))\s*$", re.IGNORECASE)
_AFTER = re.compile(r"^\s*(?:[,;:!?.—–-]|$)")


def vocatives(text: str, quote: QuoteSpan, mentions: MentionIndex) -> list[MentionSpan]:
    """Name mentions inside `quote` used to address someone."""
    out: list[MentionSpan] = []
    for start, end in quote.inner(text):
        for m in mentions.within(start, end):
            if m.kind == "pronoun" or m.entity is None:
                continue
            before, after = text[start : m.start], text[m.end : end]
            if (
                _BEFORE.search(before)
                and _AFTER.match(after)
                and not re.search(r"\b(the|a|an)\s*$", before, re.I)
            ):
                out.append(m)
    return out


def mentioned_inside(text: str, quote: QuoteSpan, mentions: MentionIndex) -> set[int]:
    """Entities named (not by pronoun) inside the quote."""
    return {
        m.entity
        for s, e in quote.inner(text)
        for m in mentions.within(s, e)
        if m.entity is not None and m.kind == "name"
    }


_ADDRESS_WORDS = {
    "female": "madam|madame|ma'am|ma’am|mam|mamma|mama|mum|mummy|mother|my lady|milady|my girl|"
    "young lady|my good woman|my dear girl|lass|aunt|auntie|sister|miss",
    "male": "sir|sirs|mister|papa|pa|dad|daddy|father|my lord|milord|my boy|young man|my good man|"
    "old man|old fellow|old chap|old boy|my dear fellow|my good fellow|lad|uncle|brother|monsieur|signor",
}
_ADDRESS = {
    gender: re.compile(
        rf"(?:^|[,;:!?.—–-]|\b(?:oh|o|dear|my dear|yes|no|well))\s*(?:{words})\s*(?:[,;:!?.—–-]|$)", re.I
    )
    for gender, words in _ADDRESS_WORDS.items()
}


def addressed_gender(text: str, quote: QuoteSpan) -> str | None:
    """The gender a quote's words of address imply for its addressee ("Yes, sir" → male, "I do
    indeed, madam" → female); None when it uses none, or words of both."""
    found = {
        gender
        for start, end in quote.inner(text)
        for gender, pattern in _ADDRESS.items()
        if pattern.search(text[start:end])
    }
    return found.pop() if len(found) == 1 else None


_KIN_ADDRESS = re.compile(
    rf"(?:^|[,;:!?.—–-]|\b(?:oh|o|yes|no|well))\s*(?:my\s+)?(?:dear\s+|dearest\s+)?({'|'.join(KIN_NOUNS)})"
    r"\s*(?=[,;:!?.—–-]|$)",
    re.IGNORECASE,
)


def kin_addressed(text: str, quote: QuoteSpan) -> list[str]:
    """The family words a quote addresses someone by ("Yes, mamma", "my dear father,"), lower case."""
    return [
        m.group(1).lower() for start, end in quote.inner(text) for m in _KIN_ADDRESS.finditer(text[start:end])
    ]
