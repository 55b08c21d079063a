"""Conversations and turn-taking: which quotes belong together and who speaks when no tag says.

A conversation is a run of quotes with at most `MAX_GAP` narration-only paragraphs between them,
in one chapter and scene. Inside one, an untagged quote in a new paragraph goes to the speaker
before the previous one (two people alternate); an untagged quote in the paragraph of the previous
utterance keeps its speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from ficlens.dialogue.quotes import QuoteSpan
from ficlens.text.document import Document

MAX_GAP = 2
"""Narration paragraphs allowed between two quotes of one conversation."""


def conversations(document: Document, quotes: Sequence[QuoteSpan]) -> list[int]:
    """A conversation number per quote."""
    out: list[int] = []
    current = -1
    last_paragraph: int | None = None
    for q in quotes:
        first = q.paragraphs[0]
        if last_paragraph is None or not _same_stretch(document, last_paragraph, first):
            current += 1
        out.append(current)
        last_paragraph = q.paragraphs[-1]
    return out


def _same_stretch(document: Document, a: int, b: int) -> bool:
    pa, pb = document.paragraphs[a], document.paragraphs[b]
    return pa.chapter == pb.chapter and pa.scene == pb.scene and b - a - 1 <= MAX_GAP


def alternate(
    speakers: list[int | None],
    quotes: Sequence[QuoteSpan],
    convo: Sequence[int],
    forbidden: Sequence[set[int]],
) -> list[int | None]:
    """Fill untagged speakers by turn-taking; returns the filled speakers (None where unknown)."""
    filled = list(speakers)
    n = len(quotes)
    for i in range(n):
        if filled[i] is not None:
            continue
        guess = _forward(filled, quotes, convo, i)
        if guess is None or guess in forbidden[i]:
            guess = _backward(speakers, quotes, convo, i)
        if guess is not None and guess not in forbidden[i]:
            filled[i] = guess
    return filled


def _forward(
    filled: list[int | None], quotes: Sequence[QuoteSpan], convo: Sequence[int], i: int
) -> int | None:
    if i == 0 or convo[i - 1] != convo[i]:
        return None
    previous = filled[i - 1]
    if quotes[i - 1].paragraphs[-1] == quotes[i].paragraphs[0]:
        return previous  # same paragraph, same speaker
    for j in range(i - 2, -1, -1):
        if convo[j] != convo[i]:
            break
        if filled[j] is not None and filled[j] != previous:
            return filled[j]
    return None


def _backward(
    speakers: list[int | None], quotes: Sequence[QuoteSpan], convo: Sequence[int], i: int
) -> int | None:
    n = len(quotes)
    if i + 1 >= n or convo[i + 1] != convo[i]:
        return None
    following = speakers[i + 1]
    if quotes[i + 1].paragraphs[0] == quotes[i].paragraphs[-1]:
        return following
    if i + 2 < n and convo[i + 2] == convo[i]:
        after = speakers[i + 2]
        if after is not None and after != following:
            return after
    return None
