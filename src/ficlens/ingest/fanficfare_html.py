"""FanFicFare's HTML output (`fanficfare -f html`), and the HTML helpers its EPUB reader shares.

Layout (FanFicFare's `writer_html.py`): `<h1><a href=storyUrl>Title</a> by <a class='authorlink'>
Author</a></h1>`, the title page as `<table class="full">` rows of `<td><b>Label:</b></td><td>value
</td>`, a table of contents (`<a name="TOCTOP">`), then per chapter `<a name="section0001"><h2>Title
</h2></a>` followed by the chapter HTML (normally one `<div>`).

Chapter text: paragraphs as `ingest/html.py` reads them (only `<br>` breaks a line; `<hr>`, four or
more `<br>` in a row and scene-break paragraphs such as "* * *" become `scene_breaks`),
headings before the first paragraph (the site's chapter heading) dropped, and the notes FanFicFare
puts in AO3 chapters (`div.fff_chapter_notes`: "Author's Note:", "Summary for the Chapter:", "Notes
for the Chapter:") moved to work or chapter notes.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ficlens.ingest.fanficfare import (
    MULTI_PARAGRAPH,
    TitlePage,
    build_work,
    file_note,
    label_field,
    note_label,
    one_line,
    paragraphs_text,
    split_authors,
)
from ficlens.ingest.html import SCENE_BREAK, node_text, paragraphs_of, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Note, Story
from ficlens.text.paragraphs import is_scene_break

name = "fanficfare-html"

_SECTION = re.compile(r"section\d+")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PRE = {"pre", "textarea", "script", "style"}


def sniff(raw: RawInput) -> bool:
    """FanFicFare's title table (`table.full` of `<b>Label:</b>` cells) and `<a name="sectionN">`."""
    if raw.is_zip():
        return False
    head = raw.data[:65536].decode("utf-8", errors="ignore").lower()
    if "<" not in head[:2048]:
        return False
    if not re.search(r"<table\s+class=[\"']full[\"']", head) or not re.search(r"<b>[^<>]{1,60}:</b>", head):
        return False
    return re.search(rb"<a\s+name=[\"']section\d+[\"']", raw.data, re.IGNORECASE) is not None


def read(raw: RawInput) -> Story:
    doc = parse_html(raw.text)
    page = heading_page(doc.css_first("h1"))
    table = doc.css_first("table.full")
    if table is not None:
        page.entries = title_page_entries(table)
    if page.title is None:
        page.title, authors = _split_by(node_text(doc.css_first("title")))
        page.authors = page.authors or authors
    work = build_work(page)
    anchors = [a for a in doc.css("a[name]") if _SECTION.fullmatch(a.attributes.get("name") or "")]
    chapters: list[Chapter] = []
    for anchor in anchors:
        content = fragment(_chapter_nodes(anchor))
        chapter, notes = chapter_from_container(content, node_text(anchor) or None, len(chapters) + 1)
        work.notes += notes
        if chapter.paragraphs or chapter.notes:
            chapters.append(chapter)
    return Story(work=work, chapters=chapters)


def _chapter_nodes(anchor: LexborNode) -> list[LexborNode]:
    """The nodes after a chapter's anchor, up to the next chapter anchor."""
    nodes = []
    node = anchor.next
    while node is not None:
        if node.tag == "a" and _SECTION.fullmatch(node.attributes.get("name") or ""):
            break
        nodes.append(node)
        node = node.next
    return nodes


# --- shared with the EPUB reader ----------------------------------------------------------------


def fragment(nodes: list[LexborNode]) -> LexborNode:
    """A detached `<div>` holding copies of `nodes` (re-parsed from their HTML)."""
    doc = parse_html("<div>" + "".join(n.html or "" for n in nodes) + "</div>")
    div = doc.css_first("body > div")
    assert div is not None
    return div


def heading_page(heading: LexborNode | None) -> TitlePage:
    """Title, authors and story URL from `<h1><a href=url>Title</a> by <a class=authorlink>A</a></h1>`."""
    page = TitlePage()
    if heading is None:
        return page
    links = [a for a in heading.css("a") if "authorlink" not in (a.attributes.get("class") or "")]
    title_link = links[0] if links else None
    page.authors = [t for t in (node_text(a) for a in heading.css("a.authorlink")) if t]
    title, authors = _split_by(node_text(heading))
    if title_link is not None:
        page.title = node_text(title_link) or title
        page.story_url = (title_link.attributes.get("href") or "").strip() or None
    else:
        page.title = title
    page.authors = page.authors or authors
    return page


def _split_by(text: str) -> tuple[str | None, list[str]]:
    """'Title by A, B' → ('Title', ['A', 'B'])."""
    text = one_line(text)
    if not text:
        return None, []
    title, sep, author = text.rpartition(" by ")
    return (title, split_authors(author)) if sep and title else (text, [])


def title_page_entries(container: LexborNode) -> list[tuple[str, str]]:
    """(label, value) pairs from a table of `<b>Label:</b>` rows or a div of `<b>Label:</b> value<br/>`."""
    groups: list[tuple[str, list[LexborNode]]] = []
    if container.tag == "table":
        for row in container.css("tr"):
            owner = _closest(row, "table")
            if owner is None or owner.mem_id != container.mem_id:
                continue  # a row of a table nested in a value
            cells = [c for c in _children(row) if c.tag in {"td", "th"}]
            if len(cells) >= 2 and _is_label(cells[0].css_first("b")):
                groups.append((node_text(cells[0]), _children(cells[1], elements=False)))
            elif cells:
                groups += _label_runs(cells[0])
    else:
        groups = _label_runs(container)
    entries = []
    for label, nodes in groups:
        label = label.strip().rstrip(":").strip()
        box = fragment(nodes)
        if label_field(label) in MULTI_PARAGRAPH:
            value = paragraphs_text(p for p in paragraphs_of(box) if p != SCENE_BREAK)
        else:
            value = one_line(node_text(box))
        entries.append((label, value))
    return entries


def _label_runs(container: LexborNode) -> list[tuple[str, list[LexborNode]]]:
    """Children of `container` grouped by the `<b>Label:</b>` that starts each run."""
    groups: list[tuple[str, list[LexborNode]]] = []
    for child in _children(container, elements=False):
        if child.tag == "b" and _is_label(child):
            groups.append((node_text(child), []))
        elif groups:
            groups[-1][1].append(child)
    return groups


def _is_label(node: LexborNode | None) -> bool:
    if node is None:
        return False
    text = node_text(node)
    return text.endswith(":") and 1 < len(text) <= 60


def _children(node: LexborNode, elements: bool = True) -> list[LexborNode]:
    out = []
    child = node.child
    while child is not None:
        if not elements or child.is_element_node:
            out.append(child)
        child = child.next
    return out


def _closest(node: LexborNode, tag: str) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.tag != tag:
        parent = parent.parent
    return parent


def _inside(node: LexborNode, tags: set[str], stop: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def chapter_from_container(
    container: LexborNode, title: str | None, number: int
) -> tuple[Chapter, list[Note]]:
    """A chapter from the element holding its HTML; returns it and any work-level notes it held."""
    chapter_notes, work_notes = _extract_notes(container)
    _drop_leading_headings(container)
    paragraphs: list[str] = []
    breaks: list[int] = []
    pending = False
    for text in paragraphs_of(container):
        if text == SCENE_BREAK or is_scene_break(text):
            pending = True
            continue
        if pending:
            breaks.append(len(paragraphs))
            pending = False
        paragraphs.append(text)
    chapter = Chapter(
        number=number,
        title=one_line(title) if title else None,
        paragraphs=paragraphs,
        scene_breaks=breaks,
        notes=chapter_notes,
    )
    return chapter, work_notes


def _extract_notes(container: LexborNode) -> tuple[list[Note], list[Note]]:
    """Remove FanFicFare's `div.fff_chapter_notes` blocks; return (chapter notes, work notes)."""
    chapter_notes: list[Note] = []
    work_notes: list[Note] = []
    for div in container.css("div.fff_chapter_notes"):
        head = "fff_head_notes" in (div.attributes.get("class") or "")
        for label, nodes in _label_runs(div):
            blocks = [n for n in nodes if n.is_element_node]
            text = paragraphs_text(p for p in paragraphs_of(fragment(blocks)) if p != SCENE_BREAK)
            if text:
                file_note(note_label(label) or "chapter", head, text, chapter_notes, work_notes)
        div.decompose()
    return chapter_notes, work_notes


def _drop_leading_headings(container: LexborNode) -> None:
    """Remove headings that come before any other text: the site's own chapter heading."""
    while True:
        first = next(
            (
                n
                for n in container.traverse(include_text=True)
                if n.tag == "-text" and (n.text_content or "").strip() and not _inside(n, _PRE, container)
            ),
            None,
        )
        if first is None:
            return
        heading = first.parent
        while heading is not None and heading.mem_id != container.mem_id and heading.tag not in _HEADINGS:
            heading = heading.parent
        if heading is None or heading.mem_id == container.mem_id:
            return
        heading.decompose()
