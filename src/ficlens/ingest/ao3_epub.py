"""Archive of Our Own "Download → EPUB" files (Calibre-made EPUB 2, `*_split_NNN.xhtml`).

The XHTML is the HTML download split across files with Calibre's class names, so the spine
documents' bodies are joined in reading order and read by `ao3_html.parse_download`. Chapter titles
come from the XHTML headings; the OPF fills only what the XHTML lacks (title, creators).
"""

from __future__ import annotations

from ficlens.errors import InputError
from ficlens.ingest.ao3_html import parse_download
from ficlens.ingest.epub_container import EpubPackage, looks_like_epub, open_epub
from ficlens.ingest.html import parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Story

name = "ao3-epub"

AO3_PUBLISHER = "archive of our own"


def sniff(raw: RawInput) -> bool:
    """An EPUB whose OPF names the Archive as publisher, or whose first page is an AO3 preface."""
    if not looks_like_epub(raw):
        return False
    try:
        package = open_epub(raw)
        return is_ao3_package(package)
    except InputError:
        return False  # the generic EPUB reader reports what is wrong with the file


def is_ao3_package(package: EpubPackage) -> bool:
    meta = package.metadata
    if any(i.lower().startswith("fanficfare-uid:") for i in meta.identifiers):
        return False
    if (meta.publisher or "").strip().lower() == AO3_PUBLISHER:
        return True
    if not package.spine:
        return False
    first = package.read_text(package.spine[0])
    return 'id="preface"' in first and "archiveofourown.org" in first


def read(raw: RawInput) -> Story:
    package = open_epub(raw)
    bodies: list[str] = []
    for path in package.spine:
        if path == package.nav_path:
            continue
        body = parse_html(package.read_text(path)).body
        if body is not None:
            bodies.append(body.inner_html or "")
    tree = parse_html("<html><body>\n" + "\n".join(bodies) + "\n</body></html>")
    story = parse_download(tree, raw.name)
    work = story.work
    work.title = work.title or package.metadata.title
    work.authors = work.authors or list(package.metadata.creators)
    return story
