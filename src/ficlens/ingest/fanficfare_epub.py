"""FanFicFare's own EPUB output (`fanficfare -f epub`; not a Calibre conversion).

Layout (FanFicFare's `writer_epub.py`): content.opf with the `fanficfare-uid:` unique identifier and
FanFicFare as dc:contributor; in the spine `OEBPS/title_page.xhtml` (`body.fff_titlepage`: an
`<h3>` "Title by Author" heading and `<b>Label:</b> value<br/>` entries, or a `table.full` with
`titlepage_use_table`), optionally `toc_page.xhtml` / `log_page.xhtml` / `cover.xhtml`, then one
`fileNNNN.xhtml` per chapter (`body.fff_chapter` with `<h3 class="fff_chapter_title">`).

Metadata comes from the title page, read like the HTML output's, so the three FanFicFare formats
give the same `WorkMeta`. The OPF only fills what the title page lacks (title, authors, story URL;
summary and dates when there is no title page). dc:language is ignored: FanFicFare writes "en"
when the story states no language. Chapters are read like the HTML output's
(`fanficfare_html.chapter_from_container`).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ficlens.errors import InputError
from ficlens.ingest.epub_container import EpubPackage, looks_like_epub, open_epub, parse_xml
from ficlens.ingest.fanficfare import TitlePage, build_work, one_line, paragraphs_text
from ficlens.ingest.fanficfare_html import chapter_from_container, heading_page, title_page_entries
from ficlens.ingest.html import node_text, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.ingest.zipsafe import open_zip
from ficlens.model import Chapter, Note, Story

name = "fanficfare-epub"

_KINDS = {
    "fff_titlepage": "title",
    "fff_chapter": "chapter",
    "fff_tocpage": "skip",
    "fff_logpage": "skip",
    "fff_coverpage": "skip",
}
_IDS = {"title_page": "title", "toc_page": "skip", "log_page": "skip", "cover": "skip"}
_CHAPTER_ID = re.compile(r"file\d+")


def sniff(raw: RawInput) -> bool:
    """An EPUB whose OPF carries FanFicFare's `fanficfare-uid` identifier or names FanFicFare."""
    if not looks_like_epub(raw):
        return False
    try:
        archive = open_zip(raw, "EPUB")
        opf = next((n for n in archive.names() if n.lower().endswith(".opf")), None)
        data = archive.read(opf) if opf else b""
    except InputError:
        return False
    return b"fanficfare-uid" in data or b"FanFicFare [https://github.com/JimmXinu/FanFicFare]" in data


def read(raw: RawInput) -> Story:
    package = open_epub(raw)
    ids = {path: item_id for item_id, path in package.manifest.items()}
    page: TitlePage | None = None
    chapters: list[Chapter] = []
    work_notes: list[Note] = []
    for path in package.spine:
        doc = parse_html(package.read_text(path))
        body = doc.body
        if body is None:
            continue
        kind = _kind(body.attributes.get("class") or "", ids.get(path, ""))
        if kind == "title" and page is None:
            page = _title_page(body)
        elif kind == "chapter":
            heading = body.css_first("h3.fff_chapter_title")
            meta = doc.css_first('meta[name="chaptertitle"]')
            title = node_text(heading) or (meta.attributes.get("content") if meta is not None else None)
            title = title or node_text(doc.css_first("title")) or None
            if heading is not None:
                heading.decompose()
            chapter, notes = chapter_from_container(body, title, len(chapters) + 1)
            work_notes += notes
            if chapter.paragraphs or chapter.notes:
                chapters.append(chapter)
    work = build_work(_with_opf(page, package))
    work.notes += work_notes
    return Story(work=work, chapters=chapters)


def _kind(body_class: str, item_id: str) -> str | None:
    """'title', 'chapter' or 'skip' from FanFicFare's body classes, else from its manifest ids."""
    for cls in body_class.split():
        if cls in _KINDS:
            return _KINDS[cls]
    if item_id in _IDS:
        return _IDS[item_id]
    return "chapter" if _CHAPTER_ID.fullmatch(item_id) else None


def _title_page(body: LexborNode) -> TitlePage:
    page = heading_page(body.css_first("h3") or body.css_first("h1"))
    container = body.css_first("table.full") or body.css_first("body > div")
    if container is not None:
        page.entries = title_page_entries(container)
    return page


def _with_opf(page: TitlePage | None, package: EpubPackage) -> TitlePage:
    """Fill from the OPF what the title page does not state (everything, when there is none)."""
    meta = package.metadata
    urls = [
        u for u in [meta.source, *meta.identifiers] if u and u.lower().startswith(("http://", "https://"))
    ]
    if page is None:
        page = TitlePage()
        if meta.description:
            page.entries.append(("Summary", paragraphs_text(re.split(r"\n\s*\n", meta.description))))
        dates = _opf_dates(package)
        page.entries += [
            (label, dates[event])
            for event, label in (("publication", "Published"), ("modification", "Updated"))
            if event in dates
        ]
    page.title = page.title or (one_line(meta.title) if meta.title else None)
    page.authors = page.authors or [one_line(c) for c in meta.creators if c.strip()]
    page.story_url = page.story_url or (urls[0] if urls else None)
    return page


def _opf_dates(package: EpubPackage) -> dict[str, str]:
    """FanFicFare's `<dc:date opf:event="publication|modification">` values."""
    opf = parse_xml(package.zip.read(package.opf_path), package.source, package.opf_path)
    dates: dict[str, str] = {}
    for el in opf.xpath("//*[local-name()='metadata']/*[local-name()='date']"):
        event = next((v for k, v in el.attrib.items() if str(k).endswith("event")), "")
        text = " ".join("".join(el.itertext()).split())
        if event and text:
            dates.setdefault(str(event), text)
    return dates
