"""fanficauthors.net pages (one subdomain per author, e.g. jeconais.fanficauthors.net).

The story index shows the title (`.page-header h2`), "By Author" (`h3`), "Hope was updated on
30th May 07", the line "Status: Completed - Rating: Teens - Chapters: 12 - Word count: 202,926 -
Genre: Action/Adventure, Fluff", the summary in a blockquote and one paragraph per chapter
("1 - Hope :: 1 - Beauxbatons", word count, reviews, rating, "Uploaded on: 6th May 05"). It holds
no story text, so `read` refuses it and `read_index`/`read_metadata` return what it carries; the
published date is the first chapter's upload date (the site states no other). The page names no
fandom. A chapter page (text in `div.story`) is read as a one-chapter story.
"""

from __future__ import annotations

import re
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from ficlens.errors import InputError
from ficlens.ingest._blocks import chapter_of, html_blocks
from ficlens.ingest.efiction_html import INDEX_REASON
from ficlens.ingest.headers import parse_count
from ficlens.ingest.html import node_text, paragraphs_of, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Story, WorkMeta
from ficlens.text.dates import iso_date
from ficlens.text.tags import normalize_status, parse_rating

name = "fanficauthors-html"

_META_LABELS = re.compile(r"(?P<label>Status|Rating|Chapters|Word count|Genre)\s*:\s*")
_UPLOADED = re.compile(r"Uploaded on:\s*(?P<date>.+?)\s*$")


def sniff(raw: RawInput) -> bool:
    data = raw.data
    return b"fanficauthors.net" in data and (b"Word count:" in data or b'class="story"' in data)


def read(raw: RawInput) -> Story:
    tree = parse_html(raw.text)
    index = _read_index_tree(tree)
    story_node = tree.css_first("div.story")
    if story_node is None or not paragraphs_of(story_node):
        raise InputError(raw.name, INDEX_REASON)
    for junk in story_node.css("ul.pager, div.alert, div.btn-group"):
        junk.decompose()
    return Story(work=index.work, chapters=[chapter_of(html_blocks(story_node))])


def read_index(raw: RawInput) -> Story:
    """Metadata and the chapter list (titles and stated word counts; no text)."""
    return _read_index_tree(parse_html(raw.text))


def read_metadata(raw: RawInput) -> WorkMeta:
    return read_index(raw).work


def _read_index_tree(tree: LexborHTMLParser) -> Story:
    work = WorkMeta()
    work.title = node_text(tree.css_first(".page-header h2")) or node_text(tree.css_first("title")) or None
    by = node_text(tree.css_first(".page-header h3"))
    m = re.match(r"(?i)^by\s+(.+)$", by)
    if m:
        work.authors = [m.group(1).strip()]
    well = tree.css_first("div.well")
    if well is not None:
        for para in well.css("p"):
            text = " ".join(node_text(para).split())
            updated = re.search(r"was updated on\s+(.+)$", text)
            if updated:
                work.updated = site_date(updated.group(1))
            elif _META_LABELS.search(text):
                _read_meta_line(text, work)
        summary = well.css_first("blockquote")
        if summary is not None:
            work.summary = "\n\n".join(paragraphs_of(summary)) or None
    chapters = _chapter_list(tree)
    dates = [c[1] for c in chapters if c[1]]
    if dates:
        work.published = min(dates)
        work.updated = work.updated or max(dates)
    return Story(work=work, chapters=[c[0] for c in chapters])


def _read_meta_line(text: str, work: WorkMeta) -> None:
    marks = list(_META_LABELS.finditer(text))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        value = text[mark.end() : end].strip().rstrip("-").strip()
        label = mark.group("label").lower()
        if label == "status":
            work.status = normalize_status(value) or ("in-progress" if "progress" in value.lower() else None)  # type: ignore[assignment]
        elif label == "rating":
            work.rating = parse_rating(value)
        elif label == "chapters":
            work.chapters_posted = parse_count(value)
        elif label == "word count":
            work.words = parse_count(value)
        elif label == "genre":
            work.freeform_tags += [g.strip() for g in re.split(r"\s*[,;]\s*|\s+-\s+", value) if g.strip()]


def _chapter_list(tree: LexborHTMLParser) -> list[tuple[Chapter, str | None]]:
    out: list[tuple[Chapter, str | None]] = []
    for para in tree.css("p"):
        text = node_text(para)
        if "Word count:" not in text or "Uploaded on:" not in text:
            continue
        link = next((a for a in para.css("a") if "/reviews/" not in (a.attributes.get("href") or "")), None)
        if link is None:
            continue
        title = node_text(link)
        title = title.split("::", 1)[1].strip() if "::" in title else title
        m = re.match(r"^(\d+)\s*-\s*(.*)$", title)
        number = int(m.group(1)) if m else len(out) + 1
        chapter = Chapter(number=number, title=(m.group(2) if m else title).strip() or None)
        words = re.search(r"Word count:\s*([\d,]+)", text)
        chapter.words = (parse_count(words.group(1)) or 0) if words else 0
        uploaded = None
        for line in text.split("\n"):
            found = _UPLOADED.search(line)
            if found:
                uploaded = site_date(found.group("date"))
        out.append((chapter, uploaded))
    return out


def site_date(text: str) -> str | None:
    """ "30th May 07" / "6th May 2005" → ISO date."""
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", " ".join(text.split()))
    for fmt in ("%d %b %y", "%d %B %y"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return iso_date(cleaned)
