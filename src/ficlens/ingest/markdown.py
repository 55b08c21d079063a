"""Markdown stories (.md): "# Title", "by Author" or YAML-style front matter, "## Chapter" headings.

Layout understood:

- front matter between `---` lines at the very top (`title:`, `author:`, `rating:`, `fandom:`,
  `tags: [a, b]` or `- item` lists, `summary: |` blocks …; keys go through the same label table
  as plain-text headers, unknown keys are ignored);
- ATX headings (`#` … `######`) and `Title` + `=====` underlines. The first heading is the work
  title when a "by" line follows it or when it is the only top-level heading above deeper ones;
  the top heading level left starts chapters ("## Chapter 2: Home" → chapter 2 "Home"), deeper
  ones are dropped and mark a scene break. `Text` + `-----` is NOT read as a heading: fic writers
  use `---` for scene breaks;
- `***`, `---`, `___`, `* * *` and the usual fic dividers are scene breaks;
- paragraphs are separated by blank lines; wrapped lines are joined with a space, a hard break
  (two trailing spaces or a backslash) is kept as a newline.

Markup is removed from the text, as italics are elsewhere: `*italics*`, `_italics_`, `**bold**`,
`~~strike~~` and inline `code` keep their words, links keep their text, images and HTML comments
go. Backslash escapes are resolved ("\\*" → "*"); typographic characters are kept as written.
"""

from __future__ import annotations

import html
import re

from ficlens.ingest._blocks import Block, build_story, classify_headings_by_level, promote_title
from ficlens.ingest.headers import NOTE_FIELDS, apply_field, field_for_label, split_label
from ficlens.ingest.raw import RawInput
from ficlens.model import Note, Story, WorkMeta

name = "markdown"

_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd", ".mkdn"}
_ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?P<ch>[-*_])(?:[ \t]*(?P=ch)){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+(?=\S)")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z][\w '’()/-]{0,40}?)\s*:\s*(?P<value>.*)$")
_SPACES = re.compile(r"[ \t]+")
_SNIFF_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)

_INLINE = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<br\s*/?>", re.IGNORECASE), "\n"),
    (re.compile(r"</?(?:i|em|b|strong|u|s|del|span|small|sup|sub|font|mark)\b[^>]*>", re.IGNORECASE), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![\w*\\])\*\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w*\\])\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s\\*])\*(?!\*)"), r"\1"),
    (re.compile(r"(?<![\w\\])___(?=\S)(.+?)(?<=[^\s\\])___(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=[^\s\\])__(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s\\_])_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])"), r"\1"),
]


def sniff(raw: RawInput) -> bool:
    if raw.is_zip():
        return False
    if raw.extension in _EXTENSIONS:
        return True
    sample = raw.data[:65536].decode("utf-8", errors="ignore").lstrip("\ufeff").replace("\r\n", "\n")
    stripped = sample.lstrip()
    if stripped.startswith("---\n"):
        head = stripped[4:].split("\n---", 1)[0]
        if re.search(r"(?im)^title\s*:", head):
            return True
    first = next((line for line in stripped.split("\n") if line.strip()), "")
    return bool(re.match(r"^#{1,2}[ \t]+\S", first)) and len(_SNIFF_HEADING.findall(stripped)) >= 2


def read(raw: RawInput) -> Story:
    return parse_markdown(raw.text)


def parse_markdown(text: str) -> Story:
    """Parse Markdown text (LF line endings) into a `Story`."""
    lines = text.lstrip("\ufeff").split("\n")
    work = WorkMeta()
    start = _front_matter(lines, work)
    blocks = promote_title(_blocks(lines[start:]))
    if work.title and blocks and blocks[0].kind == "heading" and _same(blocks[0].text, work.title):
        blocks[0].kind = "title"
    return build_story(classify_headings_by_level(blocks), work)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _front_matter(lines: list[str], work: WorkMeta) -> int:
    """Read a `---` … `---` block at the top; return the index of the first line after it."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return 0
    end = next(
        (i for i in range(first + 1, min(len(lines), first + 200)) if lines[i].strip() in {"---", "..."}),
        None,
    )
    if end is None:
        return 0
    entries: list[tuple[str, list[str]]] = []
    for line in lines[first + 1 : end]:
        m = _FRONT_KEY.match(line)
        if m and not line[:1].isspace():
            entries.append((m.group("key"), [m.group("value").strip()]))
        elif entries and line.strip():
            entries[-1][1].append(line.strip())
    if not entries:
        return 0
    for key, parts in entries:
        _apply_front(work, key, parts)
    return end + 1


def _apply_front(work: WorkMeta, key: str, parts: list[str]) -> None:
    field = field_for_label(key.replace("_", " ").replace("-", " "))
    if field is None:
        return
    head, rest = parts[0], parts[1:]
    if head in {"|", ">", "|-", ">-"}:
        value = ("\n" if head.startswith("|") else " ").join(rest)
    elif rest and all(p.startswith("- ") for p in rest):
        value = ", ".join(_unquote(p[2:]) for p in rest)
    elif head.startswith("[") and head.endswith("]"):
        value = ", ".join(_unquote(v) for v in head[1:-1].split(","))
    else:
        value = _unquote(" ".join([head, *rest]))
    if field == "notes":
        if value.strip():
            work.notes.append(Note(position="before", text=value.strip()))
    elif field in NOTE_FIELDS or value.strip():
        apply_field(work, field, value)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    in_fence = False

    def flush() -> None:
        if not para:
            return
        cleaned = [inline_text(line) for line in para]
        if len(para) > 1 and all(split_label(line) for line in cleaned):
            blocks.extend(Block("para", line) for line in cleaned)  # "Label: value" lines, one per line
        else:
            text = inline_text(_join(para))
            if text:
                blocks.append(Block("para", text))
        para.clear()

    for line in lines:
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line.strip():
                para.append(line.strip())
            else:
                flush()
            continue
        if not line.strip():
            flush()
            continue
        heading = _ATX.match(line)
        if heading:
            flush()
            title = inline_text(heading.group("text") or "")
            if title:
                blocks.append(Block("heading", title, len(heading.group("hashes"))))
            continue
        if _SETEXT_H1.match(line) and len(para) == 1:
            title = inline_text(para.pop())
            if title:
                blocks.append(Block("heading", title, 1))
            continue
        if _RULE.match(line):
            flush()
            blocks.append(Block("break"))
            continue
        if _LIST_ITEM.match(line):
            flush()
            line = _LIST_ITEM.sub("", line, count=1)
        para.append(_QUOTE.sub("", line))
    flush()
    return blocks


def _join(lines: list[str]) -> str:
    """Join a paragraph's lines: soft wraps become spaces, hard breaks newlines."""
    out = ""
    for i, line in enumerate(lines):
        hard = line.endswith("  ") or (line.endswith("\\") and not line.endswith("\\\\"))
        piece = line.rstrip()
        if hard and piece.endswith("\\"):
            piece = piece[:-1].rstrip()
        out += piece.strip()
        if i < len(lines) - 1:
            out += "\n" if hard else " "
    return out


def inline_text(text: str) -> str:
    """Markdown inline markup removed; the words and their characters kept."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    text = html.unescape(text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()
