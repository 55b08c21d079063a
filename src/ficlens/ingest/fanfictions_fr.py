"""fanfictions.fr pages (French): the story's chapter list and the chapter reading page.

Both pages carry `#ficWell`: the title (`h1`), the author (`.authorName a`), the genres
("Préquelle / Drame / Romance" → freeform tags), the language (`meta[itemprop=inLanguage]`) and a
breadcrumb whose last category link is the fandom. The chapter list ("…/chapters.html") adds the
status badge ("En cours" → in-progress, "Terminée" → complete), the description, the last update
date and one card per chapter ("Chapitre 2 : Prologue : Cendres froides", "3767 mots",
"Catégorie: T"). It holds no story text, so `read` refuses it; `read_index`/`read_metadata` give
what it carries. There the work's rating is the highest chapter rating and `words` the sum of the
stated chapter counts (the site states no work totals). A chapter page ("…/lire.html") is read as
a one-chapter story: "Chapitre 1 : Avant propos" → chapter 1 "Avant propos", text from
`#readarea`, `chapters_posted` from the chapter menu; its one-chapter rating is not the work's.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ficlens.errors import InputError
from ficlens.ingest._blocks import chapter_of, heading_parts, html_blocks
from ficlens.ingest.efiction_html import INDEX_REASON
from ficlens.ingest.headers import parse_count
from ficlens.ingest.html import node_text, paragraphs_of, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Rating, Story, WorkMeta
from ficlens.text.dates import iso_date
from ficlens.text.tags import normalize_status, parse_rating

name = "fanfictions-fr-html"

_FIC_WELL = re.compile(rb"""id\s*=\s*["']?ficWell\b""")
_WORK_URL = re.compile(r"/(?P<id>\d+)_[^/]+/(?:chapters\.html|\d+_[^/]+/lire\.html)")
_RANK = {"General Audiences": 0, "Teen And Up Audiences": 1, "Mature": 2, "Explicit": 3}


def sniff(raw: RawInput) -> bool:
    return b"fanfictions.fr" in raw.data and bool(_FIC_WELL.search(raw.data))


def read(raw: RawInput) -> Story:
    tree = parse_html(raw.text)
    area = tree.css_first("#readarea")
    if area is None or not paragraphs_of(area):
        raise InputError(raw.name, INDEX_REASON)
    work = _common_metadata(tree)
    options = [
        o for o in tree.css("select.chapterSwitch option") if not _is_back_link(o.attributes.get("value"))
    ]
    if options:
        count = len({node_text(o) for o in options})
        work.chapters_posted = count
    number, title = heading_parts(node_text(tree.css_first(".card.chapter h2")))
    return Story(work=work, chapters=[chapter_of(html_blocks(area), number=number or 1, title=title)])


def read_index(raw: RawInput) -> Story:
    """Metadata and the chapter list (titles and stated word counts; no text)."""
    tree = parse_html(raw.text)
    work = _common_metadata(tree)
    well = tree.css_first("#ficWell")
    if well is not None:
        badge = well.css_first(".badge")
        work.status = normalize_status(node_text(badge)) if badge is not None else None  # type: ignore[assignment]
        abstract = well.css_first('[itemprop="abstract"]')
        work.summary = node_text(abstract) or None
        date = well.css_first("span.date-distance[data-date]")
        if date is not None:
            work.updated = iso_date((date.attributes.get("data-date") or "")[:10])
    chapters: list[Chapter] = []
    ratings: list[Rating] = []
    for card in tree.css(".card.chapter"):
        number, title = heading_parts(node_text(card.css_first("h2")))
        chapter = Chapter(number=number or len(chapters) + 1, title=title)
        info = node_text(card.css_first("p.card-text"))
        words = re.search(r"([\d\s\u00a0.,]+)\s*mots", info)
        chapter.words = (parse_count(words.group(1)) or 0) if words else 0
        rating = re.search(r"Catégorie\s*:\s*(\S+)", info)
        parsed = parse_rating(rating.group(1)) if rating else None
        if parsed is not None:
            ratings.append(parsed)
        chapters.append(chapter)
    if chapters:
        work.chapters_posted = len(chapters)
        if all(c.words for c in chapters):
            work.words = sum(c.words for c in chapters)
    ranked = [r for r in ratings if r.ao3 in _RANK]
    if ranked:
        work.rating = max(ranked, key=lambda r: _RANK[r.ao3 or ""])
    return Story(work=work, chapters=chapters)


def read_metadata(raw: RawInput) -> WorkMeta:
    return read_index(raw).work


def _common_metadata(tree: LexborHTMLParser) -> WorkMeta:
    work = WorkMeta()
    well = tree.css_first("#ficWell")
    if well is None:
        return work
    work.title = node_text(well.css_first("h1")) or None
    author = node_text(well.css_first(".authorName a"))
    work.authors = [author] if author else []
    work.freeform_tags = [t for t in (node_text(n) for n in well.css(".highlightable")) if t]
    language = well.css_first('meta[itemprop="inLanguage"]')
    if language is not None:
        work.language = (language.attributes.get("content") or "").strip() or None
    categories = [a for a in tree.css(".breadcrumb a") if "/category/" in (a.attributes.get("href") or "")]
    if categories:
        work.fandoms = [node_text(categories[-1])]
    url = tree.css_first('meta[property="og:url"]')
    href = (url.attributes.get("content") or "") if url is not None else ""
    m = _WORK_URL.search(href)
    if m:
        work.work_id = m.group("id")
        work.source_url = href
    return work


def _is_back_link(value: str | None) -> bool:
    return bool(value and value.rstrip("/").endswith("chapters.html"))
