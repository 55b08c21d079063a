"""Quotation detection: quoted spans of a document grouped into utterances.

Conventions: every part of a `QuoteSpan` is a `(start, end)` pair of `Document.text` offsets that
INCLUDES its quote marks (the opening mark, and the closing mark when there is one; a paragraph of
a multi-paragraph speech has no closing mark, and an unclosed quote ends at its paragraph's end).
Em-dash dialogue parts start at the dash. `QuoteSpan.inner` gives the spans without marks.

Grouping: parts in one paragraph separated by a speech tag ("“X,” she said, “Y.”") form one
utterance, as do the paragraphs of a speech whose paragraphs open with a quote mark but do not
close it. A quote left open at the end of a paragraph is closed there, unless the next paragraph
opens with a quote mark (a continued speech), so a missing close mark never swallows a chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ficlens.dialogue.marks import DASHES, Family, Role, Style, detect_style, family, mark_roles
from ficlens.text.document import Document

Span = tuple[int, int]

_ALL_MARKS = "\"'“”‘’„‟‚‛«»"
_TAG_VERBS = re.compile(
    r"\b(said|says|say|asked|asks|replied|cried|answered|added|continued|went on|returned|rejoined|"
    r"exclaimed|whispered|muttered|murmured|shouted|called|repeated|observed|remarked|began|resumed|"
    r"thought|inquired|enquired|demanded|suggested|interrupted|explained|insisted|pursued|snapped|"
    r"growled|sighed|laughed|told|tells|responded|retorted|urged|declared|protested|admitted|"
    r"breathed|hissed|yelled|screamed|mumbled|stammered|called out|agreed|offered|corrected|"
    r"shouting|crying|calling|saying|announced|exclaiming|whispering|muttering|cackled out|uttered)\b",
    re.IGNORECASE,
)


@dataclass
class QuoteSpan:
    """One utterance: its quoted parts (document offsets, quote marks included)."""

    parts: list[Span]
    paragraphs: list[int] = field(default_factory=list)
    closed: list[bool] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def inner(self, text: str) -> list[Span]:
        """The parts without their quote marks, dashes and surrounding spaces."""
        out = []
        for start, end in self.parts:
            s, e = start, end
            while s < e and (text[s] in _ALL_MARKS or text[s] in DASHES or text[s].isspace()):
                s += 1
            while e > s and (text[e - 1] in _ALL_MARKS or text[e - 1].isspace()):
                e -= 1
            if s < e:
                out.append((s, e))
        return out

    def text(self, text: str) -> str:
        return " ".join(text[s:e] for s, e in self.inner(text))


@dataclass
class _Part:
    start: int  # paragraph-relative
    end: int
    closed: bool
    opened: bool = True


def detect_quotes(document: Document, style: Style | None = None) -> list[QuoteSpan]:
    """All utterances of `document` in reading order; `style` defaults to the text's dominant one."""
    style = style or detect_style([p.text for p in document.paragraphs])
    fam = family(style)
    per_paragraph = [_paragraph_parts(p.text, fam) for p in document.paragraphs]
    quotes: list[QuoteSpan] = []
    continuing: QuoteSpan | None = None
    for index, (paragraph, parts) in enumerate(zip(document.paragraphs, per_paragraph, strict=True)):
        current: QuoteSpan | None = None
        for k, part in enumerate(parts):
            span = (paragraph.offset + part.start, paragraph.offset + part.end)
            if k == 0 and continuing is not None and part.start == _lead(paragraph.text):
                current = continuing
            elif current is None or not (
                fam == "dash" or _same_utterance(paragraph.text, parts[k - 1], part)
            ):
                current = QuoteSpan(parts=[])
                quotes.append(current)
            current.parts.append(span)
            current.paragraphs.append(index)
            current.closed.append(part.closed)
        continuing = None
        if parts and not parts[-1].closed and fam != "dash" and current is not None:
            nxt = per_paragraph[index + 1] if index + 1 < len(per_paragraph) else []
            if nxt and nxt[0].start == _lead(document.paragraphs[index + 1].text):
                continuing = current
    return quotes


def join_continued(document: Document, quotes: list[QuoteSpan]) -> tuple[list[QuoteSpan], list[int]]:
    """Quotes given one per paragraph (as in a corpus's gold spans) joined into the speeches
    `detect_quotes` would have made: a quote left open at its paragraph's end goes on in a quote
    opening the next paragraph, one speaker's one turn. Returns the joined quotes and, per input
    quote, the index of the speech it belongs to."""
    joined: list[QuoteSpan] = []
    owner: list[int] = []
    for q in quotes:
        if joined and _continues(document, joined[-1], q):
            last = joined[-1]  # a new span: the given quotes are left as they are
            joined[-1] = QuoteSpan(
                last.parts + q.parts, last.paragraphs + q.paragraphs, last.closed + q.closed
            )
        else:
            joined.append(q)
        owner.append(len(joined) - 1)
    return joined, owner


def _continues(document: Document, speech: QuoteSpan, q: QuoteSpan) -> bool:
    if not speech.closed or speech.closed[-1] or not q.paragraphs:
        return False
    if q.paragraphs[0] != speech.paragraphs[-1] + 1:
        return False
    after = document.paragraphs[q.paragraphs[0]]
    opens_next = q.start - after.offset == _lead(after.text)
    return opens_next and ends_paragraph(document, speech.end, speech.paragraphs[-1])


def ends_paragraph(document: Document, offset: int, index: int) -> bool:
    """Whether only whitespace follows `offset` in paragraph `index`."""
    return not document.text[offset : document.paragraphs[index].end].strip()


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _same_utterance(text: str, previous: _Part, part: _Part) -> bool:
    """Two parts of one paragraph belong to one utterance when the narration between them is a
    short speech tag, or the first part breaks off mid-sentence ("“X,” she said, “Y.”")."""
    between = text[previous.end : part.start]
    inner = text[previous.start : previous.end].rstrip(_ALL_MARKS + " ")
    words = len(between.split())
    if not previous.closed:
        return False
    if words == 0:
        return True
    if words <= 12 and _TAG_VERBS.search(between):
        return True
    return bool(inner) and inner[-1] in ",—–-:;" and words <= 12 and not re.search(r"[.!?]\s", between)


def _paragraph_parts(text: str, fam: Family) -> list[_Part]:
    if fam == "dash":
        return _dash_parts(text)
    marks = mark_roles(text, fam)
    parts: list[_Part] = []
    open_at: int | None = None
    for k, (i, role) in enumerate(marks):
        if open_at is None:
            if role in ("open", "toggle"):
                open_at = i
            continue
        if role == "open":
            # a new opening mark while a quote is open: the previous one lost its close mark
            if i > open_at + 1:
                parts.append(_Part(open_at, len(text[:i].rstrip()), closed=False))
            open_at = i
        elif role in ("close", "toggle") or (role == "weak_close" and not _later_close(marks, k)):
            parts.append(_Part(open_at, i + 1, closed=True))
            open_at = None
    if open_at is not None and open_at < len(text.rstrip()) - 1:
        parts.append(_Part(open_at, len(text.rstrip()), closed=False))
    return [p for p in parts if not _is_term(text, p)]


TERM_WORDS = 4
"""A quoted phrase of at most this many words inside a sentence may be a term, not speech."""


def _is_term(text: str, part: _Part) -> bool:
    """A quoted term or scare quote, not speech: a few words set in a sentence right after a word
    ("the “thundering good sort” might", "christened their “lapses”"), with no closing punctuation
    of an utterance and no speech verb before it (“said “Golly!”” and “shouting “Off with his
    head!”” stay speech)."""
    inner = text[part.start : part.end].strip(_ALL_MARKS + " ")
    words = inner.split()
    if not part.closed or not words or len(words) > TERM_WORDS or inner[-1] in ",.!?;:-—–…":
        return False
    before = text[: part.start].rstrip()
    if not before or not before[-1].isalpha():
        return False
    return not _TAG_VERBS.search(" ".join(before.split()[-2:]))


def _later_close(marks: list[tuple[int, Role]], k: int) -> bool:
    for _, role in marks[k + 1 :]:
        if role == "open":
            return False
        if role in ("close", "toggle", "weak_close"):
            return True
    return False


def _dash_parts(text: str) -> list[_Part]:
    """Em-dash dialogue: "—Speech —she said—. More speech." alternates speech and narration at
    each dash that follows a space."""
    lead = _lead(text)
    if not text[lead:].startswith(tuple(DASHES)) and not re.match(r"(–|--)\s", text[lead:]):
        return []
    parts: list[_Part] = []
    pos = lead
    while pos < len(text):
        stop = re.search(r"\s[—―]", text[pos + 1 :])
        end = pos + 1 + stop.start() if stop else len(text.rstrip())
        if text[pos:end].strip(DASHES + " "):
            parts.append(_Part(pos, len(text[:end].rstrip()), closed=True))
        if stop is None:
            break
        # narration runs to the next dash; speech resumes after it and its punctuation
        resume = re.search(r"[—―][.,;:]?\s*", text[end + 2 :])
        if resume is None:
            break
        pos = end + 2 + resume.end()
        if not text[pos:].strip():
            break
    return parts
