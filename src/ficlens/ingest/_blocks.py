"""Shared by the document readers (DOCX, Markdown, HTML pages, Gutenberg, archive pages).

A reader turns its source into a flat list of `Block`s (title, chapter heading, section heading,
paragraph, scene break); `build_story` reads the header (title, "by" line, "Label: value" lines,
notes) and cuts the rest into chapters with scene breaks and chapter notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Literal

from selectolax.lexbor import LexborNode

from ficlens.ingest.headers import NOTE_FIELDS, apply_field, split_label
from ficlens.ingest.html import SCENE_BREAK, node_text, paragraphs_of, parse_html
from ficlens.model import Chapter, Note, Story, WorkMeta
from ficlens.text.paragraphs import chapter_heading, is_scene_break, number_value

BlockKind = Literal["title", "heading", "chapter", "section", "para", "break"]


@dataclass
class Block:
    """One unit of a document. `heading` blocks carry a `level` until a reader classifies them
    as `chapter` (starts a chapter) or `section` (a sub-heading: dropped, marks a scene break)."""

    kind: BlockKind
    text: str = ""
    level: int = 0


BY_LINE = re.compile(r"^\s*(?i:by|written by|von|par)\s*:?\s+(?P<author>\S.{0,80}?)\s*$")
NOTE_LABEL = re.compile(
    r"^\s*(?:(?:(?i:a/n|a\.n\.)|AN)\s*\d*\s*[:\-–—]|(?i:a/n)\b\s*\d*"  # "AN:" in capitals only
    r"|(?i:(?:author'?s?|authors|author’s)\s+notes?\s*[:\-–—]?|(?:end\s+)?notes?\s*[:\-–—]))"
    r"\s*(?P<rest>.*)$",
    re.DOTALL,
)
DISCLAIMER = re.compile(
    r"^\s*(?i:disclaimer\b|(?:i|we)\s+(?:do\s+not|don'?t|don’t|did\s+not|didn'?t)\s+own\b"
    r"|(?:i|we)\s+own\s+nothing\b)"
)
_BREAK_WORDS = re.compile(r"^[\W_]*(?i:(?:line|page|scene|section|time)[\s\-_]*(?:break|skip|change))[\W_]*$")
_REPEATED = re.compile(r"^(?P<ch>[^\w\s.…,!?'\"“”‘’])(?:\s*(?P=ch)){2,}$|^(?P<d>\d)(?P=d){2,}$")
_NUMBERED_TITLE = re.compile(r"^\s*(?P<number>\d{1,4})\s*[.:)\-–—]\s*(?P<title>\S.*?)\s*$")
_END_MARK = re.compile(r"^\s*[\[(]?(?i:the\s+end|end|fin|finis)[\])]?[.!…]*\s*$")
_HEADING_MARK = "\x01"
_HEADING_SEP = "\x02"


def is_break_text(text: str) -> bool:
    """A paragraph that only marks a scene change: ***, ~*~, "-line break-", "8888", "xXx" …"""
    stripped = text.strip()
    if not stripped or len(stripped) > 40:
        return False
    return bool(is_scene_break(stripped) or _BREAK_WORDS.match(stripped) or _REPEATED.match(stripped))


def heading_parts(text: str) -> tuple[int | None, str | None]:
    """ "Chapter 3: The Fall" → (3, "The Fall"); "Chapter Three" → (3, None); "2. Paris" → (2, "Paris");
    "Prologue" → (None, "Prologue"); any other heading → (None, heading)."""
    text = " ".join(text.split())
    parsed = chapter_heading(text)
    if parsed is not None:
        number, title = parsed
        return number_value(number), title
    m = _NUMBERED_TITLE.match(text)
    if m:
        return int(m.group("number")), m.group("title")
    return None, text or None


def is_text_heading(text: str) -> bool:
    """A short paragraph that is a chapter heading ("Chapter 1", "Chapter Two: Home", "Prologue")."""
    return len(text) <= 80 and "\n" not in text and chapter_heading(text) is not None


def html_blocks(node: LexborNode | None) -> list[Block]:
    """The blocks of an HTML container in reading order: <h1>-<h6> become `heading` blocks, <hr>
    (or a long run of <br>) a `break`, everything else paragraphs as `paragraphs_of` splits them.

    The headings of the tree are replaced in place, so pass a tree the caller owns.
    """
    if node is None:
        return []
    for heading in node.css("h1, h2, h3, h4, h5, h6"):
        text = " ".join(node_text(heading).split())
        level = (heading.tag or "h1")[1]
        marker = f"{_HEADING_MARK}{level}{_HEADING_SEP}{escape(text)}"
        replacement = parse_html(f"<p>{marker}</p>").css_first("p")
        if replacement is not None:
            heading.replace_with(replacement)
    blocks: list[Block] = []
    for para in paragraphs_of(node):
        if para == SCENE_BREAK:
            blocks.append(Block("break"))
        elif para.startswith(_HEADING_MARK):
            level, _, text = para[1:].partition(_HEADING_SEP)
            if text.strip():
                blocks.append(Block("heading", text.strip(), int(level) if level.isdigit() else 1))
        else:
            blocks.append(Block("para", para.replace(_HEADING_MARK, "").replace(_HEADING_SEP, "")))
    return blocks


def classify_headings_by_level(blocks: list[Block]) -> list[Block]:
    """Headings at the top level used in the body start chapters; deeper ones are sections."""
    levels = [b.level for b in blocks if b.kind == "heading"]
    top = min(levels) if levels else 0
    for block in blocks:
        if block.kind == "heading":
            block.kind = "chapter" if block.level == top else "section"
    return blocks


def classify_headings_by_pattern(blocks: list[Block]) -> list[Block]:
    """Headings that read as chapter headings ("Chapter 2", "Prologue", "3. Home") start chapters."""
    for block in blocks:
        if block.kind == "heading":
            number, _ = heading_parts(block.text)
            block.kind = "chapter" if number is not None or chapter_heading(block.text) else "section"
    return blocks


def build_story(blocks: list[Block], work: WorkMeta | None = None, *, text_headings: bool = True) -> Story:
    """Read the header at the top of `blocks`, then cut the rest into chapters.

    `text_headings`: plain paragraphs such as "Chapter 2" also start chapters.
    """
    work = work or WorkMeta()
    start = read_front_matter(blocks, work)
    chapters = chapters_from(blocks[start:], text_headings=text_headings)
    move_edge_notes(chapters, work)
    return Story(work=work, chapters=chapters)


def read_front_matter(blocks: list[Block], work: WorkMeta) -> int:
    """Consume title, "by" line, "Label: value" lines and notes before the story; return where it starts."""
    i = 0
    after_title = False
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "title":
            work.title = work.title or " ".join(block.text.split())
            after_title = True
            i += 1
            continue
        if block.kind == "break" and _header_started(work):
            i += 1
            continue
        if block.kind != "para":
            return i
        text = block.text.strip()
        if after_title and text.lower() == "by" and i + 1 < len(blocks) and blocks[i + 1].kind == "para":
            apply_field(work, "authors", blocks[i + 1].text)  # keeps authors already known
            i += 2
            continue
        by = BY_LINE.match(text) if "\n" not in text else None
        if by and after_title:
            apply_field(work, "authors", by.group("author"))
            i += 1
            continue
        if i == 0 and work.title is None and _is_title_before_by(blocks):
            work.title = " ".join(text.split())
            after_title = True
            i += 1
            continue
        if not _read_header_line(text, work):
            return i
        after_title = False
        i += 1
    return i


def _is_title_before_by(blocks: list[Block]) -> bool:
    first = blocks[0].text.strip()
    if len(first) > 150 or "\n" in first or len(blocks) < 2 or blocks[1].kind != "para":
        return False
    return bool(BY_LINE.match(blocks[1].text.strip()))


def _read_header_line(text: str, work: WorkMeta) -> bool:
    """Store a "Label: value" line or an "A/N:" note; False when `text` is neither."""
    labelled = split_label(text.split("\n", 1)[0])
    if labelled:
        _, field, value = labelled
        value = (value + " " + text.split("\n", 1)[1]).strip() if "\n" in text else value
        if field == "notes":
            if value:
                work.notes.append(Note(position="before", text=value))
        elif field in NOTE_FIELDS or value:
            apply_field(work, field, value)
        return True
    note = NOTE_LABEL.match(text)
    if note and note.group("rest").strip():
        work.notes.append(Note(position="before", text=note.group("rest").strip()))
        return True
    return False


def _header_started(work: WorkMeta) -> bool:
    return bool(work.title or work.authors or work.notes or work.summary)


def chapters_from(blocks: list[Block], *, text_headings: bool = True) -> list[Chapter]:
    """Cut blocks into chapters; breaks and section headings become `scene_breaks` indexes."""
    chapters: list[Chapter] = []
    current: Chapter | None = None
    pending_break = False
    for block in blocks:
        kind = block.kind
        if kind == "para" and text_headings and is_text_heading(block.text):
            kind = "chapter"
        if kind == "para" and is_break_text(block.text):
            kind = "break"
        if kind == "chapter":
            number, title = heading_parts(block.text)
            current = Chapter(number=number if number is not None else len(chapters) + 1, title=title)
            chapters.append(current)
            pending_break = False
        elif kind in {"section", "heading"}:
            if current is not None and not current.paragraphs and current.title is None:
                current.title = " ".join(block.text.split())
            else:
                pending_break = True
        elif kind == "break":
            pending_break = True
        elif kind in {"para", "title"}:
            if current is None:
                current = Chapter(number=1)
                chapters.append(current)
            if pending_break and current.paragraphs:
                current.scene_breaks.append(len(current.paragraphs))
            pending_break = False
            current.paragraphs.append(block.text)
    return chapters


def move_edge_notes(chapters: list[Chapter], work: WorkMeta) -> None:
    """ "A/N:" paragraphs opening a chapter become chapter notes; those closing it become chapter notes,
    or work end notes after the last chapter. A final "The End" line is dropped."""
    for index, chapter in enumerate(chapters):
        paras = chapter.paragraphs
        while paras and _END_MARK.match(paras[-1]):
            paras.pop()
        while paras and len(paras) > 1:
            note = NOTE_LABEL.match(paras[0])
            if not note or not note.group("rest").strip():
                break
            chapter.notes.append(Note(position="chapter", text=note.group("rest").strip()))
            take_opening(chapter, 1)
        tail = trailing_note_start(paras)
        if tail is not None:
            file_end_note(
                chapter, work, note_text(take_closing(chapter, tail)), last=index == len(chapters) - 1
            )


def take_opening(chapter: Chapter, count: int) -> list[str]:
    """Take the chapter's first `count` paragraphs out of its text (scene breaks move with it)."""
    taken = chapter.paragraphs[:count]
    del chapter.paragraphs[:count]
    chapter.scene_breaks = [i - count for i in chapter.scene_breaks if i > count]
    return taken


def take_closing(chapter: Chapter, start: int) -> list[str]:
    """Take the chapter's paragraphs from `start` on out of its text."""
    taken = chapter.paragraphs[start:]
    del chapter.paragraphs[start:]
    chapter.scene_breaks = [i for i in chapter.scene_breaks if i < len(chapter.paragraphs)]
    return taken


def file_end_note(chapter: Chapter, work: WorkMeta, text: str, last: bool) -> None:
    """A note closing a chapter is the chapter's; closing the last chapter, the work's end note."""
    if last:
        work.notes.append(Note(position="after", text=text))
    else:
        chapter.notes.append(Note(position="chapter", text=text))


def trailing_note_start(paragraphs: list[str], window: int = 5) -> int | None:
    """Index of an "A/N:" paragraph among the last `window` ones that starts an end note."""
    for idx in range(max(1, len(paragraphs) - window), len(paragraphs)):
        m = NOTE_LABEL.match(paragraphs[idx])
        if m and m.group("rest").strip():
            return idx
    return None


def note_text(paragraphs: list[str]) -> str:
    """Join note paragraphs, dropping the "A/N:" label of the first one."""
    first = NOTE_LABEL.match(paragraphs[0])
    head = first.group("rest").strip() if first else paragraphs[0]
    return "\n\n".join(p for p in [head, *paragraphs[1:]] if p.strip())


def chapter_of(blocks: list[Block], number: int = 1, title: str | None = None) -> Chapter:
    """One chapter from a page's blocks (headings inside are kept out of the text as section breaks)."""
    chapter = Chapter(number=number, title=title)
    pending_break = False
    for block in blocks:
        if block.kind in {"break", "section", "heading", "chapter"} or is_break_text(block.text):
            pending_break = True
            continue
        if pending_break and chapter.paragraphs:
            chapter.scene_breaks.append(len(chapter.paragraphs))
        pending_break = False
        chapter.paragraphs.append(block.text)
    return chapter


def promote_title(blocks: list[Block]) -> list[Block]:
    """Without a `title` block, a first heading is the work title when a "by" line follows it, or
    when it is the document's only top-level heading above deeper ones ("# Title" + "## Chapter")."""
    if not blocks or any(b.kind == "title" for b in blocks) or blocks[0].kind != "heading":
        return blocks
    first = blocks[0]
    followed_by_byline = len(blocks) > 1 and blocks[1].kind == "para" and BY_LINE.match(blocks[1].text)
    same_level = [b for b in blocks[1:] if b.kind == "heading" and b.level <= first.level]
    deeper = [b for b in blocks[1:] if b.kind == "heading" and b.level > first.level]
    if followed_by_byline or (not same_level and deeper):
        first.kind = "title"
    return blocks
