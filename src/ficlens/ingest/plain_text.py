"""Plain-text stories: "Title by Author" lines, labelled LiveJournal-style headers, A/N blocks,
chapter headings and scene breaks. The fallback reader for any text file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ficlens.ingest.headers import NOTE_FIELDS, apply_field, split_label
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Note, Story, WorkMeta
from ficlens.text.paragraphs import chapter_heading, is_scene_break, looks_hard_wrapped, number_value, unwrap

name = "text"

_TITLE_BY = re.compile(r"^(?P<title>\S.{0,150}?)\s+(?i:by)\s+(?P<author>\S[^.!?]{0,60})$")
_BY_LINE = re.compile(r"^\s*(?i:by)\s*:?\s+(?P<author>\S.{0,60})$")
_NOTE_LABEL = re.compile(
    r"^\s*(?P<label>(?i:a/n|author'?s?[’']?s?\s+notes?|authors?\s+notes?|end\s+notes?|notes?))\s*:?\s*(?P<rest>.*)$"
)
_END_MARKERS = re.compile(r"^\s*(?i:end\s+file\.?)\s*$")


def sniff(raw: RawInput) -> bool:
    """Any decodable text is a plain-text story; the registry tries this reader last."""
    return not raw.is_zip()


def read(raw: RawInput) -> Story:
    return parse_text(raw.text)


@dataclass
class _Lines:
    lines: list[str]
    i: int = 0

    def skip_blank(self) -> int:
        """Advance past blank lines; return how many were skipped."""
        start = self.i
        while self.i < len(self.lines) and not self.lines[self.i].strip():
            self.i += 1
        return self.i - start

    def done(self) -> bool:
        return self.i >= len(self.lines)

    @property
    def current(self) -> str:
        return self.lines[self.i]


@dataclass
class _Block:
    """A run of non-blank lines and how many blank lines preceded it."""

    lines: list[str]
    gap_before: int
    notes: list[str] = field(default_factory=list)


def parse_text(text: str) -> Story:
    """Parse a plain-text story (LF line endings) into a `Story`."""
    text = text.lstrip("\ufeff")
    lines = [line.rstrip() for line in text.split("\n")]
    work = WorkMeta()
    cursor = _Lines(lines)
    _read_title_lines(cursor, work)
    _read_header(cursor, work)
    blocks = _blocks(lines[cursor.i :])
    blocks, after_notes = _split_end_notes(blocks)
    work.notes += [Note(position="after", text=t) for t in after_notes]
    chapters = _chapters(blocks, hard_wrapped=looks_hard_wrapped([ln for b in blocks for ln in b.lines]))
    if work.title is None and chapters and chapters[0].title is None:
        _take_leading_title(chapters, work)
    return Story(work=work, chapters=chapters)


def _read_title_lines(cursor: _Lines, work: WorkMeta) -> None:
    cursor.skip_blank()
    if cursor.done():
        return
    first = cursor.current.strip()
    if split_label(first) or _NOTE_LABEL.match(first) or chapter_heading(first):
        return
    m = _TITLE_BY.match(first)
    if m and not re.search(r"[“”\"]", first):
        work.title, work.authors = m.group("title").strip(), [m.group("author").strip()]
        cursor.i += 1
        return
    # "Title" then "by Author" on the next non-blank line (FanFicFare and many zines)
    j = cursor.i + 1
    while j < len(cursor.lines) and not cursor.lines[j].strip():
        j += 1
    if j < len(cursor.lines) and len(first) <= 150:
        by = _BY_LINE.match(cursor.lines[j])
        if by:
            work.title, work.authors = first, [by.group("author").strip()]
            cursor.i = j + 1


def _read_header(cursor: _Lines, work: WorkMeta) -> None:
    """Consume labelled header lines and note blocks before the story starts."""
    while True:
        gap = cursor.skip_blank()
        if cursor.done():
            return
        line = cursor.current
        labelled = split_label(line)
        note = _NOTE_LABEL.match(line)
        if labelled and labelled[1] not in NOTE_FIELDS:
            _, fld, value = labelled
            cursor.i += 1
            # wrapped values continue on following non-blank lines that are not labels
            while not cursor.done() and cursor.current.strip() and not split_label(cursor.current):
                value += " " + cursor.current.strip()
                cursor.i += 1
            apply_field(work, fld, value)
        elif labelled or note:
            if labelled:
                fld, rest = labelled[1], labelled[2]
            else:
                assert note is not None
                fld, rest = "notes", note.group("rest")
            cursor.i += 1
            text = _note_text(cursor, rest)
            if fld == "notes":
                if text:
                    work.notes.append(Note(position="before", text=text))
            else:
                apply_field(work, fld, text)
        elif is_scene_break(line) and gap <= 2 and _header_started(work):
            cursor.i += 1  # a rule between header and story
        else:
            return


def _header_started(work: WorkMeta) -> bool:
    return bool(work.title or work.authors or work.notes or work.summary)


def _note_text(cursor: _Lines, rest: str) -> str:
    """The text of a note block that starts with `rest` on its label line.

    With text on the label line the note is that paragraph. With a bare label the note runs over
    the following paragraphs until two or more blank lines, a scene break or a new label; when the
    text shows no such boundary, only the first paragraph is taken.
    """
    if rest.strip():
        lines = [rest.strip()]
        while not cursor.done() and cursor.current.strip() and not split_label(cursor.current):
            lines.append(cursor.current.strip())
            cursor.i += 1
        return " ".join(lines)
    paragraphs = [" ".join(_take_paragraph(cursor))]
    first_end = cursor.i
    while len(paragraphs) < 6:
        save = cursor.i
        gap = cursor.skip_blank()
        if cursor.done():
            break
        line = cursor.current
        if gap >= 2 or is_scene_break(line) or split_label(line) or _NOTE_LABEL.match(line):
            cursor.i = save
            return "\n\n".join(p for p in paragraphs if p)
        paragraphs.append(" ".join(_take_paragraph(cursor)))
    cursor.i = first_end
    return paragraphs[0]


def _take_paragraph(cursor: _Lines) -> list[str]:
    """The next run of non-blank lines (skipping blank lines before it)."""
    cursor.skip_blank()
    out = []
    while not cursor.done() and cursor.current.strip():
        out.append(cursor.current.strip())
        cursor.i += 1
    return out


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    gap = 0
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
            continue
        if current:
            blocks.append(_Block(current, gap))
            current, gap = [], 0
        gap += 1
    if current:
        blocks.append(_Block(current, gap))
    while blocks and _END_MARKERS.match(blocks[-1].lines[0]) and len(blocks[-1].lines) == 1:
        blocks.pop()
    return blocks


def _split_end_notes(blocks: list[_Block]) -> tuple[list[_Block], list[str]]:
    """Trailing "A/N:" / "Author's Note:" blocks after the story are after-notes."""
    for idx in range(len(blocks) - 1, max(-1, len(blocks) - 8), -1):
        m = _NOTE_LABEL.match(blocks[idx].lines[0])
        if m and idx > 0 and not any(_is_heading(b) for b in blocks[idx - 1 :]):
            rest = m.group("rest").strip()
            texts = [" ".join([rest, *(ln.strip() for ln in blocks[idx].lines[1:])]).strip()]
            texts += [" ".join(ln.strip() for ln in b.lines) for b in blocks[idx + 1 :]]
            note = "\n\n".join(t for t in texts if t)
            return blocks[:idx], [note] if note else []
    return blocks, []


def _is_heading(block: _Block) -> bool:
    return len(block.lines) <= 2 and chapter_heading(block.lines[0]) is not None


def _chapters(blocks: list[_Block], hard_wrapped: bool) -> list[Chapter]:
    chapters: list[Chapter] = []
    current = Chapter(number=1)
    pending_break = False
    for block in blocks:
        first = block.lines[0]
        heading = chapter_heading(first) if len(block.lines) <= 2 else None
        if heading is not None:
            if current.paragraphs or current.title:
                chapters.append(current)
            number, title = heading
            if len(block.lines) == 2 and not title:
                title = block.lines[1].strip()
            current = Chapter(number=number_value(number) or len(chapters) + 1, title=title)
            pending_break = False
            continue
        if len(block.lines) == 1 and is_scene_break(first):
            pending_break = True
            continue
        note = _NOTE_LABEL.match(first)
        if note and not current.paragraphs and (note.group("rest") or len(block.lines) > 1):
            text = " ".join([note.group("rest"), *(ln.strip() for ln in block.lines[1:])]).strip()
            current.notes.append(Note(position="chapter", text=text))
            continue
        for para in _block_paragraphs(block, hard_wrapped):
            if is_scene_break(para):
                pending_break = True
                continue
            if pending_break:
                current.scene_breaks.append(len(current.paragraphs))
                pending_break = False
            current.paragraphs.append(para)
    if current.paragraphs or not chapters:
        chapters.append(current)
    return chapters


def _block_paragraphs(block: _Block, hard_wrapped: bool) -> list[str]:
    if hard_wrapped or len(block.lines) == 1:
        return [unwrap("\n".join(block.lines))]
    return [line.strip() for line in block.lines]


def _take_leading_title(chapters: list[Chapter], work: WorkMeta) -> None:
    """A headerless file whose first paragraph is one short line with no sentence punctuation,
    followed by more text or by a chapter heading: that line is the title."""
    first_chapter = chapters[0]
    if not first_chapter.paragraphs:
        return
    first = first_chapter.paragraphs[0]
    alone = len(first_chapter.paragraphs) == 1
    if alone and len(chapters) == 1:
        return
    if len(first) > 60 or len(first.split()) > 8 or re.search(r"[.!?,;]$|[“”\"]", first):
        return
    work.title = first
    if alone:
        chapters.pop(0)
    else:
        first_chapter.paragraphs.pop(0)
        first_chapter.scene_breaks = [i - 1 for i in first_chapter.scene_breaks if i > 1]
