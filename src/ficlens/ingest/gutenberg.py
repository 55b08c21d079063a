"""Project Gutenberg plain-text ebooks ("gutenberg").

The licence header runs up to "*** START OF THE (or THIS) PROJECT GUTENBERG EBOOK … ***" and the
footer starts at "*** END OF …" (or the older "End of the Project Gutenberg EBook of …" line):
both are cut. "Title:", "Author:" and "Language:" lines in the header give the metadata, as does a
first line "The Project Gutenberg EBook of <Title>, by <Author>". Without header lines, the
title page at the top of the text ("EMMA" / "By Jane Austen") is used.

The text is hard-wrapped: blank lines separate paragraphs and the lines of a paragraph are joined
with a space. Chapters start at "CHAPTER I", "Chapter 1", "CHAPTER I. Title", "CHAPTER" + "1" on
two lines, "PART I" or, when the book uses them throughout, bare numerals ("I.", "II"). A heading
such as "VOLUME II" or "BOOK THE FIRST" directly followed by a chapter heading only groups
chapters and is skipped (numbering restarts per volume, so chapters are then numbered by position).
A chapter title is the rest of the heading line, its second line, or the block right after it
when that is all capitals ("IN WHICH WE ARE INTRODUCED TO …") or one short title-cased line.
Front matter before the first chapter (title page, contents, dedication) is left out; longer
prose there (a preface, an epigraph) becomes a note. Underscores are also removed from the text,
so character offsets differ from the raw file (PDNC offsets refer to the raw file).
"[Illustration]" and "Produced by …" blocks are dropped, as are "THE END"/"FINIS" at the end.
Gutenberg marks italics with underscores (`_word_`): the underscores are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ficlens.ingest._blocks import is_break_text
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Note, Story, WorkMeta
from ficlens.text.paragraphs import chapter_heading, number_value
from ficlens.text.words import count_words

name = "gutenberg"

_START = re.compile(r"^[ \t]*\*{3}[ \t]*START OF (?:THE |THIS )?PROJECT GUTENBERG E-?BOOK\b.*$", re.I | re.M)
_END = re.compile(r"^[ \t]*\*{3}[ \t]*END OF (?:THE |THIS )?PROJECT GUTENBERG E-?BOOK\b.*$", re.I | re.M)
_OLD_END = re.compile(r"^[ \t]*End of (?:the )?Project Gutenberg'?s?\b.*$", re.I | re.M)
_FIRST_LINE = re.compile(
    r"^\s*(?:The )?Project Gutenberg'?s? E-?Book,?\s+of\s+(?P<title>.+?)(?:,\s+by\s+(?P<author>.+?))?\s*$",
    re.I,
)
_HEADER_FIELD = re.compile(r"^(?P<label>Title|Author|Language)\s*:\s*(?P<value>.*\S)\s*$", re.I)
_DIVISION = re.compile(
    r"^(?:VOLUME|VOL\.|BOOK|PART)\s+(?:[IVXLC]+|\d+|THE\s+\w+|[A-Z][a-z]+|[A-Z]+)\b.*$", re.I
)
_BARE_NUMBER = re.compile(r"^(?:[IVXLC]{1,7}|\d{1,3})\.?$")
_BY = re.compile(r"^\s*(?i:by)\s+(?P<author>\S.*?)\s*$")
_DROP = re.compile(
    r"^\s*(?:\[(?i:illustration|transcriber)|(?i:produced by|e-text prepared by|transcriber'?s? note))"
)
_END_WORDS = re.compile(r"^\s*[\[(]?(?i:the\s+end|end|finis|fin)[\])]?[.!]?\s*$")
_ITALICS = re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])", re.DOTALL)


def sniff(raw: RawInput) -> bool:
    if raw.is_zip():
        return False
    sample = raw.data[:200_000].decode("utf-8", errors="ignore")
    if _START.search(sample):
        return True
    first = next((line for line in sample.split("\n") if line.strip()), "")
    return bool(_FIRST_LINE.match(first.lstrip("\ufeff")))


def read(raw: RawInput) -> Story:
    return parse_gutenberg(raw.text)


@dataclass
class _Block:
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def parse_gutenberg(text: str) -> Story:
    """Parse a Project Gutenberg text (with or without its licence header/footer) into a `Story`."""
    text = text.lstrip("\ufeff")
    work = WorkMeta()
    header, body = _split_header(text)
    _read_header(header, work)
    if not header:
        _read_header("\n".join(body.split("\n")[:40]), work)  # "Title:" lines on a bare title page
    blocks = [b for b in _blocks(body) if not _DROP.match(b.lines[0])]
    while blocks and _END_WORDS.match(blocks[-1].text):
        blocks.pop()
    headings = _heading_indexes(blocks)
    first = headings[0] if headings else 0
    _read_title_page(blocks[:first] if headings else blocks[:3], work)
    if headings:
        prose = [b.text for b in blocks[:first] if _is_prose(b)]
        if prose:
            work.notes.append(Note(position="before", text=_clean("\n\n".join(prose))))
        chapters = _chapters(blocks, headings)
    else:
        start = _title_page_end(blocks, work)
        chapters = [_chapter(blocks[start:], Chapter(number=1))]
    return Story(work=work, chapters=chapters)


def _split_header(text: str) -> tuple[str, str]:
    start = _START.search(text)
    if start:
        header, body = text[: start.start()], text[start.end() :]
    else:
        lines = text.split("\n", 1)
        is_first = bool(_FIRST_LINE.match(lines[0]))
        header, body = (lines[0], lines[1] if len(lines) > 1 else "") if is_first else ("", text)
    end = _END.search(body)
    if end:
        body = body[: end.start()]
    old_end = _OLD_END.search(body)
    if old_end:
        body = body[: old_end.start()]
    return header, body


def _read_header(header: str, work: WorkMeta) -> None:
    lines = header.split("\n")
    for i, line in enumerate(lines):
        first = _FIRST_LINE.match(line)
        if first and work.title is None:
            work.title = first.group("title").strip()
            if first.group("author"):
                work.authors = [first.group("author").strip()]
            continue
        m = _HEADER_FIELD.match(line)
        if not m:
            continue
        value = m.group("value")
        j = i + 1
        while j < len(lines) and lines[j].startswith((" ", "\t")) and lines[j].strip():
            value += " " + lines[j].strip()  # a wrapped "Title:" continues on indented lines
            j += 1
        label = m.group("label").lower()
        if label == "title":
            work.title = value
        elif label == "author":
            work.authors = [a.strip() for a in re.split(r"\s+and\s+|\s*;\s*", value) if a.strip()]
        elif label == "language":
            work.language = value


def _blocks(body: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    for line in body.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(_Block(current))
            current = []
    if current:
        blocks.append(_Block(current))
    return blocks


def _heading(block: _Block) -> tuple[int | None, str | None] | None:
    """(number, title) when the block is a chapter heading."""
    if len(block.lines) > 6 or len(block.text) > 400:
        return None
    first = block.lines[0]
    candidates = [(first, block.lines[1:])]
    if len(block.lines) >= 2:
        candidates.insert(0, (f"{first} {block.lines[1]}", block.lines[2:]))  # "CHAPTER" / "1"
    for line, rest in candidates:
        parsed = chapter_heading(line) if len(line) <= 100 else None
        if parsed is None:
            continue
        number, title = parsed
        if number is None and title and not re.match(r"(?i)prologue|epilogue", title):
            continue
        if title is None and rest:
            if len(rest) > 3 or len(" ".join(rest)) > 200:
                return None
            title = " ".join(rest)
        elif title and rest:
            title = " ".join([title, *rest])  # a long title wrapped onto the next lines
        return number_value(number), title
    return None


def _heading_indexes(blocks: list[_Block]) -> list[int]:
    indexes = [i for i, b in enumerate(blocks) if _heading(b) is not None]
    bare = [i for i, b in enumerate(blocks) if len(b.lines) == 1 and _BARE_NUMBER.match(b.lines[0])]
    if len(bare) >= 3 and len(bare) > len(indexes):
        indexes = sorted(set(indexes) | set(bare))
    # a division ("VOLUME I", "PART I: MOSQUE") directly followed by a chapter heading is not one
    return [i for i in indexes if not (_is_division(blocks[i]) and i + 1 in indexes)]


def _is_division(block: _Block) -> bool:
    return bool(_DIVISION.match(block.lines[0])) or bool(re.match(r"(?i)^(?:book|part)\b", block.lines[0]))


def _chapters(blocks: list[_Block], headings: list[int]) -> list[Chapter]:
    chapters: list[Chapter] = []
    bounds = [*headings, len(blocks)]
    for position, (start, end) in enumerate(pairwise(bounds), start=1):
        parsed = _heading(blocks[start])
        number, title = (
            parsed if parsed is not None else (number_value(blocks[start].lines[0].rstrip(".")), None)
        )
        content = blocks[start + 1 : end]
        # skip divisions sitting between this chapter's end and the next heading
        while content and _is_division(content[-1]) and len(content[-1].lines) <= 2:
            content = content[:-1]
        if len(content) > 1 and title is None and (_is_caps_title(content[0]) or _is_title_line(content[0])):
            title = content[0].text
            content = content[1:]
        chapter = Chapter(
            number=number if number is not None else position, title=_clean(title) if title else None
        )
        chapters.append(_chapter(content, chapter))
    return chapters


def _chapter(blocks: list[_Block], chapter: Chapter) -> Chapter:
    pending_break = False
    for block in blocks:
        text = block.text
        if is_break_text(text):
            pending_break = True
            continue
        if pending_break and chapter.paragraphs:
            chapter.scene_breaks.append(len(chapter.paragraphs))
        pending_break = False
        chapter.paragraphs.append(_clean(text))
    return chapter


def _is_caps_title(block: _Block) -> bool:
    text = block.text
    letters = [c for c in text if c.isalpha()]
    return (
        len(block.lines) <= 4
        and len(text) <= 200
        and len(letters) >= 3
        and all(c.isupper() for c in letters)
        and not re.search(r"[\"“”]|[!?]$", text)
    )


_SMALL_WORDS = {
    *("a", "an", "and", "as", "at", "by", "for", "from"),
    *("in", "of", "on", "or", "the", "to", "with"),
}


def _is_title_line(block: _Block) -> bool:
    """A short title-cased line ("The Lamp", "Down the Rabbit-Hole") standing alone after a heading."""
    text = block.text
    words = text.split()
    if len(block.lines) != 1 or not words or len(words) > 8 or len(text) > 80:
        return False
    if re.search(r"[.!?,;:\"“”’']$", text) or not text[0].isupper():
        return False
    significant = [w for w in words[1:] if w.lower() not in _SMALL_WORDS]
    return all(w[0].isupper() for w in significant if w[0].isalpha())


def _is_prose(block: _Block) -> bool:
    return count_words(block.text) >= 40 and _heading(block) is None


def _read_title_page(blocks: list[_Block], work: WorkMeta) -> None:
    """Title and author from the title page when the header gave none."""
    if work.title and work.authors:
        return
    for i, block in enumerate(blocks[:8]):
        by = _BY.match(block.text)
        if by and not work.authors:
            work.authors = [_clean(by.group("author")).strip(" ._")]
        elif block.text.lower() == "by" and i + 1 < len(blocks) and not work.authors:
            work.authors = [_clean(blocks[i + 1].text)]
        if (by or block.text.lower() == "by") and work.title is None and i > 0:
            work.title = _clean(blocks[i - 1].text) if i == 1 else _clean(blocks[0].text)


def _title_page_end(blocks: list[_Block], work: WorkMeta) -> int:
    """Index after a leading "Title" / "by Author" title page in a book without chapters."""
    for i, block in enumerate(blocks[:4]):
        if _BY.match(block.text) or block.text.lower() == "by":
            return i + (2 if block.text.lower() == "by" else 1)
    if work.title and blocks and blocks[0].text.casefold() == work.title.casefold():
        return 1
    return 0


def _clean(text: str) -> str:
    """Drop the underscores Gutenberg uses for italics."""
    return _ITALICS.sub(r"\1", text)
