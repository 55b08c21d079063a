"""Any HTML page holding a story ("html"): the fallback after the site-specific HTML readers.

Site chrome is removed first (script, style, nav, header, footer, aside, form …); the story is
read from the first of `article`, `main`, `[role=main]`, `#story`, `#content`, `.story`,
`.entry-content`, else `body`. The work title is the first `<h1>` that is not a chapter heading,
else `og:title`, else `<title>`; the author comes from `<meta name="author">` (or
`article:author`, `a[rel=author]`) or a "by Author" paragraph under the title. Headings that read
as chapter headings ("Chapter 2: Home", "Prologue", "3. Paris") start chapters; other headings are
dropped and mark a scene break, as `<hr>` and "* * *" paragraphs do. "Label: value" paragraphs and
"A/N:" notes before the story fill the metadata and notes; untitled text of under 300 words before
the first chapter heading is a note too. `<meta name="author">` is ignored when it names the site
(`og:site_name`, a domain). A page with fewer than 50 words of prose is refused ("no story text
found in this page").
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ficlens.errors import InputError
from ficlens.ingest._blocks import (
    Block,
    build_story,
    classify_headings_by_pattern,
    heading_parts,
    html_blocks,
)
from ficlens.ingest.html import node_text, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Note, Story, WorkMeta
from ficlens.text.paragraphs import chapter_heading
from ficlens.text.words import count_words

name = "html"

MIN_WORDS = 50
_MARKUP = (b"<html", b"<!doctype html", b"<body", b"<head", b"<p", b"<div", b"<h1", b"<h2", b"<article")
_CHROME = (
    "script, style, noscript, template, nav, header, footer, aside, form, button, select, "
    "iframe, svg, object, canvas, [role=navigation], [aria-hidden=true]"
)
_SITE_LIKE = re.compile(r"^https?://|\.(?:com|net|org|fr|de|io|co\.uk)\b", re.IGNORECASE)
LEADING_NOTE_WORDS = 300
_CONTAINERS = ("article", "main", "[role=main]", "#story", "#content", ".story", ".entry-content")


def sniff(raw: RawInput) -> bool:
    if raw.is_zip():
        return False
    head = raw.head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and any(tag in head for tag in _MARKUP)


def read(raw: RawInput) -> Story:
    tree = parse_html(raw.text)
    work = WorkMeta()
    title = _page_title(tree)
    author = _meta_author(tree)
    for junk in tree.css(_CHROME):
        junk.decompose()
    container = next((n for n in (tree.css_first(s) for s in _CONTAINERS) if n is not None), tree.body)
    blocks = html_blocks(container)
    _mark_title(blocks, title)
    if title and not any(b.kind == "title" for b in blocks):
        work.title = title
    if author:
        work.authors = [author]
    story = build_story(classify_headings_by_pattern(blocks), work)
    _leading_note(story)
    words = sum(count_words(p) for chapter in story.chapters for p in chapter.paragraphs)
    if words < MIN_WORDS:
        raise InputError(raw.name, "no story text found in this page")
    return story


def _page_title(tree: LexborHTMLParser) -> str | None:
    for h1 in tree.css("h1"):
        text = " ".join(node_text(h1).split())
        if text and not _is_chapter(text):
            return text
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and (og.attributes.get("content") or "").strip():
        return " ".join((og.attributes.get("content") or "").split())
    return " ".join(node_text(tree.css_first("title")).split()) or None


def _meta_author(tree: LexborHTMLParser) -> str | None:
    site = tree.css_first('meta[property="og:site_name"]')
    site_name = (site.attributes.get("content") or "").strip().casefold() if site is not None else ""
    for selector in ('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator"]'):
        node = tree.css_first(selector)
        value = (node.attributes.get("content") or "").strip() if node is not None else ""
        # a site's own name ("Fanfictions.fr") or a URL is not the story's author
        if value and value.casefold() != site_name and not _SITE_LIKE.search(value):
            return value
    link = tree.css_first('a[rel="author"]')
    return node_text(link) or None


def _mark_title(blocks: list[Block], title: str | None) -> None:
    """The title heading at the top of the story becomes a `title` block; later copies are dropped."""
    if not title:
        return
    for index, block in enumerate(blocks):
        if block.kind == "heading" and " ".join(block.text.split()).casefold() == title.casefold():
            block.kind = "title" if index < 3 else "section"
            return


def _leading_note(story: Story) -> None:
    """Short untitled text before the first chapter heading (an author's note, a site's
    preamble) becomes a work note rather than a chapter."""
    chapters = story.chapters
    if len(chapters) < 2 or chapters[0].title is not None:
        return
    first = chapters[0]
    if count_words(" ".join(first.paragraphs)) < LEADING_NOTE_WORDS:
        text = "\n\n".join(first.paragraphs)
        if text:
            story.work.notes.insert(0, Note(position="before", text=text))
        for note in first.notes:
            story.work.notes.append(Note(position="before", text=note.text))
        del chapters[0]


def _is_chapter(text: str) -> bool:
    return chapter_heading(text) is not None or heading_parts(text)[0] is not None
