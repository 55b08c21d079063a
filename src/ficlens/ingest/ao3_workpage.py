"""Archive of Our Own work pages saved from a browser (archiveofourown.org/works/N, site chrome
included): one chapter or the full work. AO3 pages that hold no work (404, log-in wall,
adult-content notice) are refused with the message the page shows."""

from __future__ import annotations

from ficlens.ingest.ao3_html import parse_workpage
from ficlens.ingest.html import parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Story

name = "ao3-workpage"

_AO3_MARKERS = (
    b"[Archive of Our Own]",
    b"| Archive of Our Own",
    b'alt="Archive of Our Own"',
    b"ao3_logos",
    b'class="work meta group"',
)
_PAGE_MARKERS = (b'id="main"', b'id="outer"', b'id="workskin"')


def sniff(raw: RawInput) -> bool:
    """A page of the AO3 site: its title/logo and the site's page skeleton (not the HTML download)."""
    if raw.is_zip():
        return False
    data = raw.data
    if b"Archive of Our Own" not in data or b'id="preface"' in data:
        return False
    return any(m in data for m in _AO3_MARKERS) and any(m in data for m in _PAGE_MARKERS)


def read(raw: RawInput) -> Story:
    return parse_workpage(parse_html(raw.text), raw.name)
