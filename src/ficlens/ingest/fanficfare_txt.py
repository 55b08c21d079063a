"""FanFicFare's plain-text output (`fanficfare -f txt`).

Layout (FanFicFare's `writer_txt.py`): a title block ("Title", blank line, "by Author"), the title page
as "Label: value" lines, "TABLE OF CONTENTS" with one title per paragraph (only for 2+ chapters),
then each chapter as a TAB-indented title line (the TAB becomes 8 spaces when wrapping) and the
chapter text, and "End file." at the end. Everything is wrapped at 78 columns (`wrap_width`) with
CRLF line ends by default.

The chapter text is html2text's Markdown rendering of the chapter HTML. It is turned back into the
text an HTML reader would see, so the three FanFicFare formats agree:

- blank (or whitespace-only) lines separate paragraphs; the lines of a paragraph are re-joined with
  a space, without one after a word broken at a hyphen or before/after a "--" dash (textwrap breaks
  there), and with a newline after a line ending in two spaces (html2text's `<br>`);
- emphasis markers are removed (`_italics_`, `**bold**`, `~~strike~~` become plain text, as italics do
  in every ficlens reader), together with the space html2text adds between a marker and an adjacent
  quote, bracket, punctuation mark or unspaced dash ("“ _Now_ ,”" → "“Now,”", "a— _b_ —c" → "a—b—c");
  a single `*` is kept (html2text never writes one, authors do: *sigh*);
- links `[text](url)` keep their text, images `![alt](src)` are dropped, html2text's backslash
  escapes (`\\-`, `1\\.`) are undone; blockquote `> ` prefixes and list bullets are removed; a block
  indented by 4 spaces (`<pre>`) keeps its line breaks;
- `* * *` (an `<hr>`) and other scene-break lines become `scene_breaks`;
- `### Heading` lines before the first paragraph of a chapter are the site's chapter heading and are
  dropped; later headings stay as paragraphs (without the `#` marks);
- AO3 notes FanFicFare puts in chapters ("**Author's Note:**", "**Notes for the Chapter:**" …
  followed by `> ` quoted text) become work or chapter notes.

What cannot be recovered: a space html2text added between a word and an emphasis marker written
inside a word ("un<i>believ</i>able" reads "un believable"), a no-break space (html2text writes an
ordinary space), and line breaks inside one summary paragraph (they are wrapped like spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ficlens.ingest.fanficfare import (
    MULTI_PARAGRAPH,
    STRONG_LABELS,
    TitlePage,
    build_work,
    file_note,
    label_field,
    note_label,
    one_line,
    split_authors,
)
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Note, Story
from ficlens.text.paragraphs import is_scene_break

name = "fanficfare-txt"

_TOC = "TABLE OF CONTENTS"
_END = "End file."
_CHAPTER_LINE = re.compile(r"^(?:\t| {8})[ \t]*\S")
_INDENTED = re.compile(r"^[ \t]+\S")
_LABEL = re.compile(r"^(?P<label>[^\W\d_][^:\n]{0,40}?):(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_BY = re.compile(r"^by\s+(?P<author>\S.*?)\s*$")
_WRAP_FILLED = 60
"""A line this long may have been filled by the 78-column wrap, so the next line may continue it."""


def sniff(raw: RawInput) -> bool:
    """A "by Author" line near the top plus FanFicFare's own labels and/or its TABLE OF CONTENTS."""
    if raw.is_zip():
        return False
    head = raw.data[:8192].decode("utf-8", errors="ignore").lstrip("\ufeff")
    if head.lstrip().startswith("<"):
        return False
    lines = [ln.strip() for ln in head.replace("\r\n", "\n").split("\n")]
    nonblank = [ln for ln in lines if ln]
    if not any(_BY.match(ln) for ln in nonblank[1:6]):
        return False
    strong = any(ln.startswith(STRONG_LABELS) for ln in lines)
    labels = sum(1 for ln in lines if (m := _LABEL.match(ln)) and label_field(m.group("label")))
    toc = _TOC in lines
    return (strong and labels >= 2) or (toc and labels >= 1)


def read(raw: RawInput) -> Story:
    return parse_fanficfare_text(raw.text)


def parse_fanficfare_text(text: str) -> Story:
    """Parse FanFicFare txt output (any line ends) into a `Story`."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cursor = _Cursor(lines)
    page = TitlePage()
    _read_title_block(cursor, page)
    _read_title_page(cursor, page)
    toc = _read_toc(cursor)
    work = build_work(page)
    chapters: list[Chapter] = []
    for title, body in _split_chapters(lines, cursor.i, toc):
        chapter, notes = _chapter(body, title, len(chapters) + 1)
        work.notes += notes
        if chapter.paragraphs or chapter.notes:
            chapters.append(chapter)
    return Story(work=work, chapters=chapters)


@dataclass
class _Cursor:
    lines: list[str]
    i: int = 0

    def skip_blank(self, start: int | None = None) -> int:
        """Index of the first non-blank line at or after `start` (default: the cursor)."""
        k = self.i if start is None else start
        while k < len(self.lines) and not self.lines[k].strip():
            k += 1
        return k

    def block(self, start: int) -> list[str]:
        """The non-blank lines from `start` up to the next blank line."""
        out = []
        k = start
        while k < len(self.lines) and self.lines[k].strip():
            out.append(self.lines[k])
            k += 1
        return out


def _read_title_block(cursor: _Cursor, page: TitlePage) -> None:
    """ "Title" (maybe wrapped), a blank line, "by Author" (maybe wrapped)."""
    k = cursor.skip_blank()
    title = cursor.block(k)
    if not title or _is_entry(title[0], "", known_only=True) or title[0].strip() == _TOC:
        return
    j = cursor.skip_blank(k + len(title))
    by = cursor.block(j)
    m = _BY.match(by[0].strip()) if by else None
    if not m:
        return
    page.title = join_wrapped(title)
    page.authors = split_authors(join_wrapped([m.group("author"), *by[1:]]))
    cursor.i = j + len(by)


def _is_entry(line: str, previous: str, known_only: bool = False) -> bool:
    """True when `line` starts a title-page entry rather than continuing the previous one."""
    m = _LABEL.match(line.strip())
    if not m or _INDENTED.match(line):
        return False
    if label_field(m.group("label")) is not None:
        return True
    return not known_only and len(previous.rstrip()) < _WRAP_FILLED


def _read_title_page(cursor: _Cursor, page: TitlePage) -> None:
    """'Label: value' entries; values wrap onto the next lines and the Summary spans paragraphs."""
    lines = cursor.lines
    while True:
        k = cursor.skip_blank()
        if k >= len(lines) or lines[k].strip() == _TOC or _CHAPTER_LINE.match(lines[k]):
            return
        if not _is_entry(lines[k], lines[k - 1] if k else ""):
            return
        m = _LABEL.match(lines[k].strip())
        assert m is not None
        label = m.group("label")
        multi = label_field(label) in MULTI_PARAGRAPH
        parts = [m.group("value") or ""]
        cursor.i = k + 1
        while cursor.i < len(lines) and lines[cursor.i].strip():
            if _is_entry(lines[cursor.i], lines[cursor.i - 1], known_only=multi):
                break
            parts.append(lines[cursor.i])
            cursor.i += 1
        paragraphs = [join_wrapped(parts)]
        if multi:
            paragraphs += _more_paragraphs(cursor)
        page.entries.append((label, "\n\n".join(one_line(p) for p in paragraphs if p.strip())))


def _more_paragraphs(cursor: _Cursor) -> list[str]:
    """Further paragraphs of a Summary: up to 2 blank lines apart, until the TOC, a chapter or a label."""
    out: list[str] = []
    while True:
        k = cursor.skip_blank()
        gap = k - cursor.i
        if k >= len(cursor.lines) or gap == 0 or gap > 2:
            return out
        line = cursor.lines[k]
        if line.strip() == _TOC or _CHAPTER_LINE.match(line) or _is_entry(line, "", known_only=True):
            return out
        block = cursor.block(k)
        out.append(join_wrapped(block))
        cursor.i = k + len(block)


def _read_toc(cursor: _Cursor) -> list[str]:
    """The chapter titles listed under TABLE OF CONTENTS (one per paragraph), if there is one."""
    k = cursor.skip_blank()
    if k >= len(cursor.lines) or cursor.lines[k].strip() != _TOC:
        return []
    cursor.i = k + 1
    titles: list[str] = []
    while True:
        k = cursor.skip_blank()
        if k >= len(cursor.lines) or _INDENTED.match(cursor.lines[k]) or (titles and k - cursor.i > 1):
            return titles
        block = cursor.block(k)
        titles.append(join_wrapped(block))
        cursor.i = k + len(block)


def _split_chapters(lines: list[str], start: int, toc: list[str]) -> list[tuple[str | None, list[str]]]:
    """(title, body lines) per chapter. Chapter title lines are indented and follow 2+ blank lines;
    with a table of contents, the titles must also match its entries in order."""
    cursor = _Cursor(lines)
    end = len(lines)
    last = cursor.skip_blank(start)
    while end > start and not lines[end - 1].strip():
        end -= 1
    if end > start and lines[end - 1].strip() == _END:
        end -= 1

    def candidate(k: int, pattern: re.Pattern[str]) -> bool:
        if not pattern.match(lines[k]):
            return False
        return k == last or (k >= 2 and not lines[k - 1].strip() and not lines[k - 2].strip())

    starts: list[tuple[int, str, int]] = []  # (title line, title, first body line)
    if toc:
        k = start
        for want in toc:
            while k < end and not (candidate(k, _INDENTED) and _same(join_wrapped(cursor.block(k)), want)):
                k += 1
            if k >= end:
                starts = []
                break
            block = cursor.block(k)
            starts.append((k, join_wrapped(block), k + len(block)))
            k += len(block)
    if not starts:
        k = start
        while k < end:
            if candidate(k, _CHAPTER_LINE):
                block = cursor.block(k)
                starts.append((k, join_wrapped(block), k + len(block)))
                k += len(block)
            else:
                k += 1
    if not starts:
        return [(None, lines[start:end])]
    out: list[tuple[str | None, list[str]]] = []
    if any(line.strip() for line in lines[start : starts[0][0]]):
        out.append((None, lines[start : starts[0][0]]))
    for n, (_, title, body) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else end
        out.append((title, lines[body:stop]))
    return out


def _same(a: str, b: str) -> bool:
    return one_line(a) == one_line(b)


# --- re-joining wrapped lines -------------------------------------------------------------------

_HYPHEN_END = re.compile(r"(?:[^\W\d_]{2}|[^\W\d_]-[^\W\d_])-$")
_DASH_END = re.compile(r"[\w!\"'&.,?]-{2,}$")
_DASH_START = re.compile(r"^-{2,}\w")


def join_wrapped(lines: list[str]) -> str:
    """Re-join hard-wrapped lines: a space between lines, none where textwrap broke a hyphenated word
    or at a "--" dash, and a newline after a line ending in two spaces (a Markdown line break)."""
    out = ""
    for n, raw in enumerate(lines):
        line = re.sub(r"[ \t]+", " ", raw.strip())
        if not line:
            continue
        if n == 0 or not out:
            out = line
            continue
        if lines[n - 1].endswith("  "):
            sep = "\n"
        elif (
            (_HYPHEN_END.search(out) and line[0].isalpha())
            or (_DASH_END.search(out) and (line[0].isalnum() or line[0] == "_"))
            or (_DASH_START.match(line) and re.search(r"[\w!\"'&.,?]$", out))
        ):
            sep = ""
        else:
            sep = " "
        out += sep + line
    return out


# --- chapter text -------------------------------------------------------------------------------


@dataclass
class _Body:
    paragraphs: list[str] = field(default_factory=list)
    scene_breaks: list[int] = field(default_factory=list)
    pending_break: bool = False

    def add(self, text: str) -> None:
        text = clean_markdown(text)
        if not text:
            return
        if is_scene_break(text):
            self.pending_break = True
            return
        if self.pending_break:
            self.scene_breaks.append(len(self.paragraphs))
            self.pending_break = False
        self.paragraphs.append(text)


def _chapter(lines: list[str], title: str | None, number: int) -> tuple[Chapter, list[Note]]:
    """A chapter from its html2text lines; returns the chapter and any work-level notes found in it."""
    blocks = _blocks(lines)
    breaks = _br_runs(lines)
    body = _Body()
    chapter_notes: list[Note] = []
    work_notes: list[Note] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if breaks[i] >= _BR_SCENE_BREAK:
            body.pending_break = True
        first = block[0].strip()
        bold_label = len(block) == 1 and first.startswith("**") and first.endswith(":**")
        kind = note_label(first) if bold_label else None
        if kind:
            i += 1
            texts: list[str] = []
            while i < len(blocks) and (_is_quote(blocks[i]) or _is_list(blocks[i])):
                texts += _block_paragraphs(blocks[i])
                i += 1
            text = "\n\n".join(t for t in (clean_markdown(t) for t in texts) if t)
            if text:
                file_note(kind, not body.paragraphs, text, chapter_notes, work_notes)
            continue
        i += 1
        heading = re.match(r"^#{1,6}\s+", first)
        if heading:
            text = join_wrapped([first[heading.end() :], *block[1:]])
            if body.paragraphs:  # a heading before any text is the site's chapter heading
                body.add(text)
            continue
        for text in _block_paragraphs(block):
            body.add(text)
    chapter = Chapter(
        number=number,
        title=title,
        paragraphs=body.paragraphs,
        scene_breaks=body.scene_breaks,
        notes=chapter_notes,
    )
    return chapter, work_notes


_BR_SCENE_BREAK = 4
"""Four or more `<br>` in a row are a scene break, as `ingest/html.py` reads them."""


def _br_runs(lines: list[str]) -> list[int]:
    """For each block of `_blocks(lines)`, how many `<br>` came right before it.

    html2text writes `<br>` as two spaces and a line end: the line before a run ends in "  " and
    each further `<br>` is a line of just spaces, while paragraph ends are truly empty lines.
    """
    runs: list[int] = []
    count = 0
    in_block = False
    for line in lines:
        if line.strip():
            if not in_block:
                runs.append(count)
                in_block = True
            count = 1 if line.endswith("  ") else 0
        else:
            in_block = False
            if line:
                count += 1
    return runs


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


_QUOTE = re.compile(r"^\s*>+(?: |$)")
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d+\.)\s+(?=\S)")


def _is_quote(block: list[str]) -> bool:
    """A `> ` quoted block; older html2text wraps quoted lines without repeating the `> `."""
    return bool(_QUOTE.match(block[0]))


def _is_list(block: list[str]) -> bool:
    return bool(_LIST_ITEM.match(block[0])) and not is_scene_break(block[0])


def _block_paragraphs(block: list[str]) -> list[str]:
    """The paragraphs in one blank-line-separated block: a plain paragraph, a quote or a list."""
    if _is_quote(block):
        inner = [_QUOTE.sub("", line) for line in block]
        return [p for sub in _blocks(inner) for p in _block_paragraphs(sub)]
    if all(line.startswith(("    ", "\t")) for line in block):  # <pre>: html2text indents it
        return ["\n".join(line.strip() for line in block)]
    if _is_list(block):
        items: list[list[str]] = []
        for line in block:
            m = _LIST_ITEM.match(line)
            if m or not items:
                items.append([line[m.end() :] if m else line])
            else:
                items[-1].append(line)
        return [join_wrapped(item) for item in items]
    return [join_wrapped(block)]


# --- inline Markdown ----------------------------------------------------------------------------

_IMAGE = re.compile(r"!\[(?:\\.|[^\]\\])*\]\((?:\\.|[^)\\])*\)")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?:\\.|[^)\\\s])*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(
    r"(?:^|(?<=[\s(\[{“‘\"'—–*~_-]))"
    r"(?P<mark>\*\*(?![\s*])|~~(?![\s~])|_(?![\s_]))"
    r"(?P<text>[\s\S]*?[^\s\\_*~])(?P=mark)"
    r"(?=$|[\s.,;:!?)\]}”’\"'—–*~-]|(?<!_)_)"
)
_SPACE_AFTER_OPEN = re.compile(r"(?:(?<=[“‘\"(\[])|(?<=^')|(?<=\s')|(?<=\S[—–]))[ ](?=\x01)")
_SPACE_BEFORE_CLOSE = re.compile(r"(?<=\x02)[ ](?=[”\"),;:\]]|['’](?:s|d|ll|re|ve|t|m)\b|['’](?!\w)|[—–]\S)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def clean_markdown(text: str) -> str:
    """html2text's inline Markdown → the plain text of the HTML it came from (see module doc)."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    for _ in range(3):  # nested emphasis: **_both_**
        marked = _EMPHASIS.sub(lambda m: f"\x01{m.group('text')}\x02", text)
        if marked == text:
            break
        marked = _SPACE_AFTER_OPEN.sub("", marked)
        marked = _SPACE_BEFORE_CLOSE.sub("", marked)
        text = marked.replace("\x01", "").replace("\x02", "")
    text = _ESCAPE.sub(lambda m: m.group(1), text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
