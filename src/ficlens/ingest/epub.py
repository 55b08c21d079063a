"""Any EPUB 2/3 that no more specific reader claimed: metadata from the OPF, one chapter per
spine document (a document with no table-of-contents entry of its own continues the previous
chapter, as Calibre's `_split_` files do), titles from the NCX/nav or the document's heading."""

from __future__ import annotations

import re

from ficlens.ingest.ao3_html import make_chapter
from ficlens.ingest.epub_container import EpubMetadata, EpubPackage, looks_like_epub, open_epub
from ficlens.ingest.html import SCENE_BREAK, node_text, paragraphs_of, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Story, WorkMeta
from ficlens.text.dates import iso_date
from ficlens.text.paragraphs import chapter_heading, is_scene_break

name = "epub"

_NOT_STORY_TYPES = {"cover", "toc", "title-page", "titlepage", "copyright-page", "loi", "lot"}
_LOOKS_LIKE_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")
_NOT_STORY_TITLES = {"cover", "title page", "table of contents", "contents", "toc", "copyright"}


def sniff(raw: RawInput) -> bool:
    """A ZIP that names META-INF/container.xml, declares the EPUB mimetype or is called *.epub."""
    return looks_like_epub(raw)


def read(raw: RawInput) -> Story:
    package = open_epub(raw)
    return Story(work=work_from_metadata(package.metadata), chapters=epub_chapters(package))


def work_from_metadata(meta: EpubMetadata) -> WorkMeta:
    """The `WorkMeta` the OPF states: title, creators, language, description, date, subjects, URL."""
    work = WorkMeta(title=meta.title, authors=list(meta.creators), language=meta.language)
    if meta.description:
        work.summary = description_text(meta.description) or None
    work.published = iso_date(meta.date) if meta.date else None
    work.freeform_tags = list(meta.subjects)
    urls = [
        u for u in [meta.source, *meta.identifiers] if u and u.lower().startswith(("http://", "https://"))
    ]
    work.source_url = urls[0] if urls else None
    return work


def description_text(description: str) -> str:
    """An OPF description, which is often (escaped) HTML, as plain paragraphs."""
    if not _LOOKS_LIKE_MARKUP.search(description):
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", description) if p.strip())
    paragraphs = paragraphs_of(parse_html(f"<div>{description}</div>").css_first("div"))
    return "\n\n".join(p for p in paragraphs if p != SCENE_BREAK)


def epub_chapters(package: EpubPackage) -> list[Chapter]:
    titles = package.toc_titles()
    skip = {package.nav_path} | {p for kind, p in package.guide.items() if kind in _NOT_STORY_TYPES}
    chapters: list[Chapter] = []
    for path in package.spine:
        toc_title = titles.get(path)
        if path in skip or (toc_title or "").strip().lower() in _NOT_STORY_TITLES:
            continue
        body = parse_html(package.read_text(path)).body
        if body is None:
            continue
        paragraphs = paragraphs_of(body)
        heading = body.css_first("h1, h2, h3")
        heading_text = node_text(heading)
        first_text = next((p for p in paragraphs if p != SCENE_BREAK and not is_scene_break(p)), None)
        if heading_text and first_text == heading_text:
            paragraphs.remove(heading_text)
        if titles and toc_title is None and chapters:
            _continue_chapter(chapters[-1], paragraphs)
            continue
        chapters.append(make_chapter(len(chapters) + 1, _title(toc_title or heading_text), paragraphs))
    return chapters


def _continue_chapter(chapter: Chapter, paragraphs: list[str]) -> None:
    more = make_chapter(chapter.number, None, paragraphs)
    offset = len(chapter.paragraphs)
    chapter.paragraphs += more.paragraphs
    chapter.scene_breaks += [i + offset for i in more.scene_breaks]


def _title(text: str | None) -> str | None:
    """'Chapter 1: Festival' → 'Festival'; 'Chapter 2' → None; anything else as written."""
    if not text:
        return None
    text = " ".join(text.split())
    parsed = chapter_heading(text)
    if parsed is None:
        return text
    return parsed[1]
