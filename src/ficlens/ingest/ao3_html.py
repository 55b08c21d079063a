"""Archive of Our Own: "Download → HTML" files, and the parsers shared by every AO3 reader.

AO3 renders three shapes of the same work:

- the HTML download: `div#preface` (p.message with the work URL, `dl.tags` dt/dd pairs, h1 title,
  .byline, "Summary"/"Notes" label paragraphs each followed by a blockquote), `div#chapters`
  (per chapter: a meta group with `h2.heading` and "Chapter Summary"/"Chapter Notes" blocks, a
  userstuff div with the text, a `#endnotesN` block) and `div#afterword` (work end notes, works
  inspired by this one). `parse_download(tree)` reads it;
- the EPUB download, the same markup split by Calibre across files with its classes renamed
  (`ao3_epub` joins the spine bodies and calls `parse_download`);
- the work page as served by the site (`ao3_workpage`, parsed by `parse_workpage`).

Both parsers locate the notes by structure, never by regex over markup, and keep the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficlens.errors import InputError
from ficlens.ingest.headers import parse_chapters, parse_count
from ficlens.ingest.html import SCENE_BREAK, node_text, paragraphs_of, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Note, SeriesRef, Story, WorkMeta
from ficlens.text.dates import iso_date
from ficlens.text.paragraphs import is_scene_break
from ficlens.text.tags import parse_rating, parse_relationship

name = "ao3-html"

AO3_URL = "https://archiveofourown.org/works/"
_WORK_ID = re.compile(r"/works/(\d+)")
_CHAPTER_HEADING = re.compile(
    r"^\s*Chapter\s+\d+\s*(?:[:.]\s*(?P<title>.*?))?\s*$", re.IGNORECASE | re.DOTALL
)
_STATS_FIELD = re.compile(
    r"(?P<label>Published|Updated|Completed|Words|Chapters|Comments|Kudos|Bookmarks|Hits)\s*:\s*(?P<value>\S+)",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"Part\s+(\d+)\s+of\s*$", re.IGNORECASE)
_DOWNLOAD_LABELS = {
    "rating": "rating",
    "ratings": "rating",
    "archive warning": "warning",
    "archive warnings": "warning",
    "category": "category",
    "categories": "category",
    "fandom": "fandom",
    "fandoms": "fandom",
    "relationship": "relationship",
    "relationships": "relationship",
    "character": "character",
    "characters": "character",
    "additional tag": "freeform",
    "additional tags": "freeform",
    "language": "language",
    "series": "series",
    "stats": "stats",
}
"""dt labels of the download's dl.tags → the class names the work page gives the same fields."""


# --------------------------------------------------------------------------------------------
# reader: the HTML download
# --------------------------------------------------------------------------------------------


def sniff(raw: RawInput) -> bool:
    """An AO3 HTML download: the preface and chapters containers and an Archive link."""
    if raw.is_zip():
        return False
    data = raw.data
    return (
        b'id="preface"' in data
        and b'id="chapters"' in data
        and (b"archiveofourown.org" in data or b"Archive of Our Own" in data)
    )


def read(raw: RawInput) -> Story:
    return parse_download(parse_html(raw.text), raw.name)


def parse_download(tree: LexborHTMLParser, source: str) -> Story:
    """Read an AO3 download (HTML, or the joined bodies of an AO3 EPUB) into a `Story`."""
    prefaces = tree.css('[id="preface"]')
    containers = tree.css('[id="chapters"]')
    if not prefaces and not containers:
        raise InputError(source, "is not an Archive of Our Own download (no preface or chapters)")
    work = WorkMeta()
    tags = tree.css_first("dl.tags")
    if tags is not None:
        _read_download_tags(tags, work)
    _read_download_preface(prefaces, work, tree)
    for afterword in tree.css('[id="afterword"]'):
        for label, block in labelled_blocks(afterword):
            if label == "end notes":
                _add_note(work.notes, "after", block)
    return Story(work=work, chapters=_download_chapters(containers))


def _read_download_tags(dl: LexborNode, work: WorkMeta) -> None:
    relationships: list[str] = []
    for dt, dd in dl_pairs(dl):
        kind = _DOWNLOAD_LABELS.get(" ".join(node_text(dt).rstrip(":").lower().split()), "")
        if kind == "stats":
            _read_stats_text(node_text(dd).replace("\n", " "), work)
        elif kind == "language":
            work.language = node_text(dd) or None
        elif kind == "series":
            work.series += series_refs(dd)
        elif kind == "relationship":
            relationships += tag_texts(dd)
        else:
            _apply_tag_field(work, kind, tag_texts(dd))
    add_relationships(work, relationships)


def _apply_tag_field(work: WorkMeta, kind: str, tags: list[str]) -> None:
    """Store one AO3 tag class ('rating', 'warning', 'category', 'fandom', 'character', 'freeform')."""
    if kind == "rating":
        work.rating = parse_rating(", ".join(tags)) if tags else None
    elif kind == "warning":
        work.warnings += tags
    elif kind == "category":
        work.categories += tags
    elif kind == "fandom":
        work.fandoms += tags
    elif kind == "character":
        work.character_tags += tags
    elif kind == "freeform":
        work.freeform_tags += tags


def add_relationships(work: WorkMeta, tags: list[str]) -> None:
    """Relationship tags → `RelationshipTag`s ("A/B" romantic, "A & B" platonic); others are skipped."""
    for tag in tags:
        rel = parse_relationship(tag, work.fandoms)
        if rel is not None:
            work.relationship_tags.append(rel)


def _read_stats_text(text: str, work: WorkMeta) -> None:
    """'Published: 2006-07-09 Updated: 2007-06-25 Words: 7,526 Chapters: 3/?' → fields."""
    completed = False
    for m in _STATS_FIELD.finditer(text):
        label, value = m.group("label").lower(), m.group("value")
        if label == "completed":
            completed = True
        set_stat(work, label, value)
    set_status(work, completed)


def set_stat(work: WorkMeta, label: str, value: str) -> None:
    """One AO3 stats value by its label (lower case): dates, words, chapters and counters."""
    if label == "published":
        work.published = iso_date(value)
    elif label in {"updated", "completed"}:
        work.updated = iso_date(value)
    elif label == "words":
        work.words = parse_count(value)
    elif label == "chapters":
        work.chapters_posted, work.chapters_expected = parse_chapters(value)
    elif label in {"comments", "kudos", "bookmarks", "hits"}:
        setattr(work.stats, label, parse_count(value))


def set_status(work: WorkMeta, completed: bool) -> None:
    """AO3 says "Completed:" for a finished work; otherwise "3/?" or "5/10" is a work in progress."""
    if completed or (work.chapters_expected is not None and work.chapters_posted == work.chapters_expected):
        work.status = "complete"
    elif work.chapters_posted is not None:
        work.status = "in-progress"


def _read_download_preface(prefaces: list[LexborNode], work: WorkMeta, tree: LexborHTMLParser) -> None:
    for preface in prefaces:
        if work.title is None:
            heading = preface.css_first("h1")
            work.title = node_text(heading) or None
        if not work.authors:
            work.authors = byline_names(preface.css_first(".byline"))
        if work.source_url is None:
            _read_work_url(preface, work)
        for label, block in labelled_blocks(preface):
            if label == "summary" and work.summary is None:
                work.summary = block_text(block) or None
            elif label == "notes":
                _add_note(work.notes, "before", block)
    if work.title is None:
        message_title = tree.css_first("p.message b")
        work.title = node_text(message_title) or None
    if work.work_id is None:
        for link in tree.css("a[href]"):
            m = _WORK_ID.search(link.attributes.get("href") or "")
            if m:
                work.work_id = m.group(1)
                break


def _read_work_url(preface: LexborNode, work: WorkMeta) -> None:
    """The "Posted originally on the Archive of Our Own at <url>" link (not translations)."""
    for link in [*preface.css("p.message a[href]"), *preface.css("a[href]")]:
        href = (link.attributes.get("href") or "").strip()
        m = re.search(r"archiveofourown\.org/works/(\d+)/?$", href)
        if m:
            work.source_url = href
            work.work_id = m.group(1)
            return


def byline_names(byline: LexborNode | None) -> list[str]:
    """Creator names of a byline: its rel=author links, else its text without the leading 'by'."""
    if byline is None:
        return []
    names = [node_text(a) for a in byline.css('a[rel="author"]')]
    names = [n for n in names if n]
    if names:
        return names
    text = re.sub(r"^\s*by\s+", "", node_text(byline), flags=re.IGNORECASE)
    return [n.strip() for n in re.split(r",\s*|\s+and\s+", text) if n.strip()]


def _download_chapters(containers: list[LexborNode]) -> list[Chapter]:
    """Chapters of the download's #chapters container(s) (the EPUB repeats it once per file)."""
    stream = [child for container in containers for child in element_children(container)]
    has_headings = any(_chapter_heading(child) is not None for child in stream)
    has_bodies = any(_is_userstuff(child) for child in stream)
    if not has_headings and not has_bodies:
        # a one-shot whose text sits directly in #chapters
        paragraphs: list[str] = []
        for container in containers:
            paragraphs += paragraphs_of(container)
        return [make_chapter(1, None, paragraphs)] if paragraphs else []
    chapters: list[Chapter] = []
    current: Chapter | None = None
    for child in stream:
        heading = None if _is_userstuff(child) else _chapter_heading(child)
        if heading is not None:
            current = Chapter(number=len(chapters) + 1, title=chapter_title(node_text(heading)))
            chapters.append(current)
            _chapter_blocks(child, current)
        elif _is_end_notes(child):
            if current is not None:
                _chapter_blocks(child, current)
        elif _is_userstuff(child) or node_text(child):
            if current is None:
                current = Chapter(number=1)
                chapters.append(current)
            _append_body(current, paragraphs_of(child))
    return chapters


def _chapter_heading(node: LexborNode) -> LexborNode | None:
    if node.tag == "h2" and "heading" in _classes(node):
        return node
    return node.css_first("h2.heading")


def _is_userstuff(node: LexborNode) -> bool:
    return node.tag == "div" and any(c.startswith("userstuff") for c in _classes(node))


def _is_end_notes(node: LexborNode) -> bool:
    if (node.attributes.get("id") or "").startswith("endnotes"):
        return True
    return any(label == "chapter end notes" for label, _ in labelled_blocks(node))


def _chapter_blocks(node: LexborNode, chapter: Chapter) -> None:
    """Chapter summary, notes and end notes of a download's chapter meta block → chapter notes."""
    for label, block in labelled_blocks(node):
        if label in {"chapter summary", "chapter notes", "chapter end notes"}:
            _add_note(chapter.notes, "chapter", block)


# --------------------------------------------------------------------------------------------
# the work page served by the site (ao3_workpage reads with this)
# --------------------------------------------------------------------------------------------


def parse_workpage(tree: LexborHTMLParser, source: str) -> Story:
    """Read an AO3 work page (archiveofourown.org/works/N, one chapter or the full work)."""
    meta = tree.css_first("dl.work.meta")
    chapters_el = tree.css_first('[id="chapters"]')
    if chapters_el is None or not node_text(chapters_el):
        raise InputError(source, f"is an Archive of Our Own page with no story on it ({page_message(tree)})")
    work = WorkMeta()
    if meta is not None:
        _read_work_meta(meta, work)
    workskin = tree.css_first('[id="workskin"]') or tree.body
    if workskin is not None:
        _read_work_preface(workskin, work)
    endnotes = tree.css_first('[id="work_endnotes"]')
    if endnotes is not None:
        _add_note(work.notes, "after", endnotes.css_first("blockquote"))
    work.work_id = _workpage_id(tree)
    work.source_url = _canonical_url(tree) or (AO3_URL + work.work_id if work.work_id else None)
    for landmark in chapters_el.css(".landmark"):
        landmark.decompose()
    return Story(work=work, chapters=_workpage_chapters(chapters_el))


def page_message(tree: LexborHTMLParser) -> str:
    """What an AO3 page without a work says instead (error, log-in wall, adult-content notice)."""
    main = tree.css_first('[id="main"]') or tree.body
    parts: list[str] = []
    if main is not None:
        for selector in (".flash", "h2.heading", "p.caution", "p.notice", "h3.heading"):
            for node in main.css(selector):
                text = node_text(node).replace("\n", " ")
                if text and text not in parts:
                    parts.append(text)
    message = ": ".join(parts[:2]) or "no work text found"
    return message if len(message) <= 160 else message[:157] + "…"


def _read_work_meta(dl: LexborNode, work: WorkMeta) -> None:
    relationships: list[str] = []
    for dt, dd in dl_pairs(dl):
        kinds = _classes(dd) or _classes(dt)
        if "stats" in kinds:
            _read_stats_dl(dd, work)
        elif "language" in kinds:
            work.language = node_text(dd) or None
        elif "series" in kinds:
            positions = dd.css(".position") or [dd]
            for position in positions:
                work.series += series_refs(position)
        elif "relationship" in kinds:
            relationships += tag_texts(dd)
        else:
            kind = next((k for k in kinds if k not in {"tags", "meta"}), "")
            _apply_tag_field(work, kind, tag_texts(dd))
    add_relationships(work, relationships)


def _read_stats_dl(node: LexborNode, work: WorkMeta) -> None:
    stats = node.css_first("dl.stats") or node
    completed = False
    for dt, dd in dl_pairs(stats):
        label = node_text(dt).rstrip(":").strip().lower()
        if label == "completed":
            completed = True
        set_stat(work, label, node_text(dd))
    set_status(work, completed)


def _read_work_preface(workskin: LexborNode, work: WorkMeta) -> None:
    preface = next(
        (
            child
            for child in workskin.css("div.preface")
            if not {"chapter", "afterword"} & set(_classes(child))
        ),
        None,
    )
    if preface is None:
        return
    work.title = node_text(preface.css_first("h2.title")) or None
    work.authors = byline_names(preface.css_first(".byline"))
    summary = preface.css_first(".summary blockquote")
    if summary is not None:
        work.summary = block_text(summary) or None
    notes = preface.css_first(".notes")
    if notes is not None:
        _add_note(work.notes, "before", notes.css_first("blockquote"))
        for gift in notes.css('ul.associations a[href$="/gifts"]'):
            name_ = node_text(gift)
            if name_ and name_ not in work.dedicated_to:
                work.dedicated_to.append(name_)


def _workpage_chapters(chapters_el: LexborNode) -> list[Chapter]:
    chapter_divs = [
        div
        for div in chapters_el.css("div.chapter")
        if (div.attributes.get("id") or "").startswith("chapter-")
    ]
    if not chapter_divs:
        work_text = next((c for c in element_children(chapters_el) if _is_userstuff(c)), chapters_el)
        return [make_chapter(1, None, paragraphs_of(work_text))]
    chapters = []
    for position, div in enumerate(chapter_divs, start=1):
        number = (div.attributes.get("id") or "").removeprefix("chapter-")
        title = chapter_title(node_text(div.css_first("h3.title")))
        body = next((c for c in element_children(div) if _is_userstuff(c)), None)
        chapter = make_chapter(int(number) if number.isdigit() else position, title, paragraphs_of(body))
        # summary and notes modules sit in the chapter's preface groups, before and after the text
        for group in (c for c in element_children(div) if "preface" in _classes(c)):
            for module in group.css("div.module"):
                if {"summary", "notes"} & set(_classes(module)):
                    _add_note(chapter.notes, "chapter", module.css_first("blockquote"))
        chapters.append(chapter)
    return chapters


def _workpage_id(tree: LexborHTMLParser) -> str | None:
    kudo = tree.css_first('input[id="kudo_commentable_id"]')
    if kudo is not None and (kudo.attributes.get("value") or "").isdigit():
        return kudo.attributes.get("value")
    patterns = (
        ('a[href*="/downloads/"]', r"/downloads/(\d+)"),
        ('a[href*="work_id="]', r"work_id=(\d+)"),
        ("[data-url]", r"/works/(\d+)"),
        ('a[href*="/bookmarks"]', r"^/works/(\d+)/bookmarks"),
        ("h3.title a[href]", r"/works/(\d+)/chapters"),
    )
    for selector, pattern in patterns:
        for node in tree.css(selector):
            value = node.attributes.get("href") or node.attributes.get("data-url") or ""
            m = re.search(pattern, value)
            if m:
                return m.group(1)
    url = _canonical_url(tree)
    m = _WORK_ID.search(url or "")
    return m.group(1) if m else None


def _canonical_url(tree: LexborHTMLParser) -> str | None:
    for selector, attr in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        value = (node.attributes.get(attr) or "").strip() if node is not None else ""
        if _WORK_ID.search(value):
            return value
    return None


# --------------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------------


def chapter_title(heading: str) -> str | None:
    """'Chapter 2: Riversong K'Vala' → "Riversong K'Vala"; 'Chapter 2' → None; 'Prologue' → 'Prologue'."""
    heading = " ".join(heading.split())
    if not heading:
        return None
    m = _CHAPTER_HEADING.match(heading)
    if m:
        return m.group("title") or None
    return heading


def make_chapter(number: int, title: str | None, paragraphs: list[str]) -> Chapter:
    chapter = Chapter(number=number, title=title)
    _append_body(chapter, paragraphs)
    return chapter


def _append_body(chapter: Chapter, paragraphs: list[str]) -> None:
    """Add paragraphs; scene-break markers and break lines (***, xxx, ---) become `scene_breaks`."""
    pending = False
    for para in paragraphs:
        if para == SCENE_BREAK or is_scene_break(para):
            pending = True
            continue
        if pending and chapter.paragraphs:
            chapter.scene_breaks.append(len(chapter.paragraphs))
        pending = False
        chapter.paragraphs.append(para)
    if pending and chapter.paragraphs:
        # a break at the end of one container carries over to the next container's first paragraph
        chapter.scene_breaks.append(len(chapter.paragraphs))


def block_text(node: LexborNode | None) -> str:
    """A summary or note: its paragraphs joined by blank lines."""
    return "\n\n".join(p for p in paragraphs_of(node) if p != SCENE_BREAK)


def _add_note(notes: list[Note], position: str, block: LexborNode | None) -> None:
    text = block_text(block)
    if text:
        notes.append(Note(position=position, text=text))  # type: ignore[arg-type]


def labelled_blocks(container: LexborNode) -> Iterator[tuple[str, LexborNode]]:
    """("summary", <blockquote>) for each label paragraph ("Summary", "Chapter Notes" …) that is
    followed by a blockquote, in document order; labels inside blockquotes are story text, not labels."""
    for para in container.css("p"):
        if _inside_blockquote(para, container):
            continue
        label = node_text(para).rstrip(":").strip().lower()
        if not label or len(label) > 20:
            continue
        sibling = next_element(para)
        if sibling is not None and sibling.tag == "blockquote":
            yield label, sibling


def _inside_blockquote(node: LexborNode, stop: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if parent.tag == "blockquote":
            return True
        parent = parent.parent
    return False


def dl_pairs(dl: LexborNode) -> Iterator[tuple[LexborNode, LexborNode]]:
    """(dt, dd) pairs among the direct children of a <dl>."""
    dt: LexborNode | None = None
    for child in element_children(dl):
        if child.tag == "dt":
            dt = child
        elif child.tag == "dd" and dt is not None:
            yield dt, child
            dt = None


def tag_texts(dd: LexborNode) -> list[str]:
    """The tags in a dd: one per link (AO3 tags are links), else the comma-separated text."""
    links = dd.css("a.tag") or dd.css("a")
    if links:
        return [t for t in (node_text(a) for a in links) if t]
    return [t.strip() for t in node_text(dd).split(",") if t.strip()]


def series_refs(node: LexborNode) -> list[SeriesRef]:
    """'Part 3 of <a>Series</a>' (possibly several, comma-separated) → SeriesRefs."""
    refs: list[SeriesRef] = []
    for link in node.css('a[href*="/series/"]'):
        before = link.prev
        text = before.text_content if before is not None and before.tag == "-text" else ""
        m = _PART_OF.search(text or "")
        series_name = node_text(link)
        if series_name:
            refs.append(SeriesRef(name=series_name, position=int(m.group(1)) if m else None))
    return refs


def element_children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        if child.is_element_node:
            yield child
        child = child.next


def next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        if sibling.tag == "-text" and (sibling.text_content or "").strip():
            return None
        sibling = sibling.next
    return sibling


def _classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()
