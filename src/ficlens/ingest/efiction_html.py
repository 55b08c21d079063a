"""eFiction archive pages ("viewstory.php"), e.g. hpfanficarchive.com.

The story index page lists metadata as `<span class="label">Rated:</span> value<br>` pairs
(Summary, Rated, Categories, Characters, Status, Genres, Pairings, Warnings, Series, Chapters,
Completed, Word count, Read, Published, Updated) and a "Story Chapters" block with one entry per
chapter (title link, "(2,938 words)", then the chapter's notes). It carries no story text, so
`read` refuses it; `read_index`/`read_metadata` return what it holds. A chapter page (the text in
`div#story`) is read as a one-chapter story with the same metadata where the page shows it.

eFiction "Categories" are site-defined (genres on hpfanficarchive, fandoms elsewhere); they are
kept as freeform tags with their path ("Dark or Evil > Dark Fic/Character"). "Pairings" such as
"Harry/Tonks" are romantic relationships. "Read" is the hit count.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficlens.errors import InputError
from ficlens.ingest._blocks import chapter_of, heading_parts, html_blocks
from ficlens.ingest.headers import apply_field, field_for_label, parse_count
from ficlens.ingest.html import node_text, paragraphs_of, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Note, Story, WorkMeta
from ficlens.text.tags import normalize_status, split_tag_list

name = "efiction-html"

INDEX_REASON = "is a story index page with no story text; download the chapters or the whole work"
_SNIFF = re.compile(rb"""(?i)efiction|id\s*=\s*["']?pagetitle\b""")
_SID = re.compile(r"viewstory\.php\?(?:[^\"'#]*&(?:amp;)?)?sid=(\d+)")
_FIELD_OVERRIDES = {"categories": "freeform", "category": "freeform", "read": "hits", "challenges": ""}


def sniff(raw: RawInput) -> bool:
    data = raw.data
    return b"viewstory.php?" in data and b"sid=" in data and bool(_SNIFF.search(data))


def read(raw: RawInput) -> Story:
    tree = parse_html(raw.text)
    index = _read_index_tree(tree)
    story_node = tree.css_first("#story")
    if story_node is None or not paragraphs_of(story_node):
        raise InputError(raw.name, INDEX_REASON)
    number, title = _chapter_heading(tree)
    chapter = chapter_of(html_blocks(story_node), number=number, title=title)
    for note in tree.css("div.notes .noteinfo, div.notes .notetext"):
        text = "\n\n".join(paragraphs_of(note))
        if text:
            chapter.notes.append(Note(position="chapter", text=text))
    return Story(work=index.work, chapters=[chapter])


def read_index(raw: RawInput) -> Story:
    """Metadata and the chapter list (titles, stated word counts, chapter notes; no text)."""
    return _read_index_tree(parse_html(raw.text))


def read_metadata(raw: RawInput) -> WorkMeta:
    return read_index(raw).work


def _read_index_tree(tree: LexborHTMLParser) -> Story:
    work = WorkMeta()
    _read_title(tree, work)
    for label, value in _labelled_values(tree):
        _apply(work, label, value)
    sort = tree.css_first("#sort")
    if sort is not None:
        m = re.search(r"Reviews\s*-\s*([\d,]+)", node_text(sort))
        if m:
            work.stats.reviews = parse_count(m.group(1))
    chapters: list[Chapter] = []
    for block in tree.css("div.block"):
        heading = node_text(block.css_first(".title")).lower()
        content = block.css_first(".content")
        if "notes" in heading and content is not None:
            text = "\n\n".join(paragraphs_of(content))
            if text:
                work.notes.append(Note(position="before", text=text))
        elif "chapters" in heading and content is not None:
            chapters = _chapter_list(content)
    work.freeform_tags = list(dict.fromkeys(work.freeform_tags))
    return Story(work=work, chapters=chapters)


def _read_title(tree: LexborHTMLParser, work: WorkMeta) -> None:
    title_box = tree.css_first("#pagetitle")
    if title_box is not None:
        for link in title_box.css("a"):
            href = link.attributes.get("href") or ""
            if "viewstory.php" in href and work.title is None:
                work.title = node_text(link) or None
                m = _SID.search(href)
                work.work_id = m.group(1) if m else None
            elif "viewuser.php" in href:
                work.authors.append(node_text(link))
    if work.title is None:
        page_title = node_text(tree.css_first("title"))
        title, by, author = page_title.rpartition(" by ")
        if by:
            work.title = title.strip() or None
            work.authors = work.authors or [author.strip()]


def _labelled_values(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """("Rated", "R - Restricted") for every `span.label` and the text after it up to <br>."""
    pairs: list[tuple[str, str]] = []
    parents: list[LexborNode] = []
    for span in tree.css("span.label"):
        parent = span.parent
        if parent is not None and not any(parent.mem_id == p.mem_id for p in parents):
            parents.append(parent)
    for parent in parents:
        label: str | None = None
        value: list[str] = []
        child = parent.child
        while child is not None:
            is_label = child.tag == "span" and "label" in (child.attributes.get("class") or "").split()
            if is_label or child.tag == "br":
                if label:
                    pairs.append((label, " ".join(" ".join(value).split())))
                label = node_text(child).strip().rstrip(":").strip() if is_label else None
                value = []
            elif child.tag == "-text":
                value.append(child.text_content or "")
            elif child.tag != "_comment":
                value.append(node_text(child))
            child = child.next
        if label:
            pairs.append((label, " ".join(" ".join(value).split())))
    return pairs


def _apply(work: WorkMeta, label: str, value: str) -> None:
    key = " ".join(label.lower().split())
    if not value or value.lower() == "none":
        return
    field = _FIELD_OVERRIDES.get(key, field_for_label(key) or "")
    if field == "hits":
        work.stats.hits = parse_count(value)
    elif field == "status":
        status = normalize_status(re.sub(r"\(.*?\)", "", value).strip())
        work.status = status or work.status  # type: ignore[assignment]
    elif field == "freeform":
        work.freeform_tags += split_tag_list(value)
    elif field:
        apply_field(work, field, value)


def _chapter_list(content: LexborNode) -> list[Chapter]:
    """Chapters of the index: "<b>1. <a …chapter=1>Title</a></b> … (2,938 words)" then notes."""
    chapters: list[Chapter] = []
    current: Chapter | None = None
    notes: list[str] = []

    def close() -> None:
        if current is not None and notes:
            current.notes.append(Note(position="chapter", text="\n\n".join(notes)))
        notes.clear()

    for para in content.css("p"):
        link = para.css_first('b a[href*="chapter="]')
        if link is not None:
            close()
            href = link.attributes.get("href") or ""
            m = re.search(r"chapter=(\d+)", href)
            number = int(m.group(1)) if m else len(chapters) + 1
            current = Chapter(number=number, title=node_text(link) or None)
            words = re.search(r"\(([\d,.]+)\s+words?\)", node_text(para))
            current.words = parse_count(words.group(1)) or 0 if words else 0
            chapters.append(current)
        elif current is not None:
            text = node_text(para)
            if text:
                notes.append(text)
    close()
    return chapters


def _chapter_heading(tree: LexborHTMLParser) -> tuple[int, str | None]:
    """(number, title) of a chapter page, from its chapter menu or `.chaptertitle`."""
    number = 1
    for option in tree.css("select option"):
        if "selected" in option.attributes:
            value = option.attributes.get("value") or ""
            m = re.search(r"(?:chapter=)?(\d+)$", value)
            if m:
                number = int(m.group(1))
            break
    title_node = tree.css_first("#chaptertitle, .chaptertitle")
    title = re.sub(r"\s+by\s+.+$", "", node_text(title_node)).strip() or None
    if title is not None:
        parsed_number, title = heading_parts(title)
        if parsed_number is not None and number == 1:
            number = parsed_number
    return number, title
