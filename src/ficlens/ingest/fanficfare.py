"""FanFicFare output (txt, html, epub): the labelled metadata FanFicFare writes, shared by its readers.

FanFicFare (https://github.com/JimmXinu/FanFicFare) writes the same "title page" in every format: a
heading "Title by Author" and "Label: value" entries whose labels come from its `defaults.ini`
(`category_label:Category` …). This module maps those labels to `WorkMeta` fields:

- Category and Fandoms → `fandoms` (FanFicFare's "category" *is* the fandom list);
- Genre and Freeform Tags → `freeform_tags`, except that on AO3 downloads FanFicFare folds the AO3
  categories (Gen, F/M, M/M, F/F, Multi, Other) into Genre: those go to `categories`;
- Relationships / Pairings (FFN's label) → `relationship_tags`, parsed after the fandoms are known so
  a "/" inside a fandom name is not a pairing;
- Series / Additional Series ("The Great Test [2]") → `series`; Series URL, Author URL, Packaged,
  Publisher and FanFicFare's bookkeeping labels are not stored;
- Story URL → `source_url`, and `work_id` when it is an AO3 /works/N or an FFN /s/N address;
- Kudos, Hits, Comments, Bookmarks, Reviews, Favs/Faves, Follows → `stats`.

Only what the file states is stored: the EPUB writer's dc:language falls back to "en" when the story
has no language, so the language comes from a "Language:" entry only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ficlens.ingest.headers import apply_field, parse_chapters, parse_count, parse_series
from ficlens.model import Note, NotePosition, WorkMeta
from ficlens.text.tags import split_tag_list

_LABELS: dict[str, str] = {}
for _field, _labels in {
    "title": "title",
    "authors": "author, authors",
    "series": "series, additional series",
    "fandoms": "category, fandoms",
    "genre": "genre",
    "freeform": "freeform tags",
    "categories": "ao3 categories",
    "language": "language",
    "characters": "characters",
    "relationships": "relationships, pairings",
    "status": "status",
    "published": "published",
    "updated": "updated",
    "rating": "rating",
    "warnings": "warnings",
    "chapters": "chapters, chapters/total chapters",
    "chapters_expected": "total chapters",
    "words": "words",
    "publisher": "publisher",
    "url": "story url",
    "summary": "summary",
    "disclaimer": "disclaimer",
    "dedication": "dedication",
    "beta": "beta readers",
    "notes": "story notes, author comment",
    "stat:kudos": "kudos",
    "stat:hits": "hits",
    "stat:comments": "comments",
    "stat:bookmarks": "bookmarks",
    "stat:reviews": "reviews",
    "stat:favs": "favs, faves, favorites",
    "stat:follows": "follows",
    "ignore": (
        "series url, author url, packaged, site abbrev, story id, author id, extra tags, "
        "downloader version, file format, file extension, collections, translators, likes"
    ),
}.items():
    for _label in _labels.split(", "):
        _LABELS[_label] = _field

MULTI_PARAGRAPH = {"summary", "notes", "disclaimer"}
"""Fields whose values keep their paragraphs (joined with a blank line)."""

AO3_CATEGORIES = {"gen", "f/m", "m/m", "f/f", "multi", "other"}

NOTE_LABELS = {
    "author's note": "work",
    "summary for the chapter": "chapter",
    "notes for the chapter": "chapter",
}
"""FanFicFare's default labels for the notes it puts inside AO3 (OTW) chapters: the work's beginning
notes (head of chapter 1) and end notes (foot of the last chapter) are "Author's Note:"."""

STRONG_LABELS = ("Story URL:", "Packaged:", "Publisher:")
"""Labels only FanFicFare writes on a title page; used when sniffing."""


def label_field(label: str) -> str | None:
    """The field a FanFicFare label feeds ("ignore" for known labels ficlens does not store)."""
    key = " ".join(label.strip().rstrip(":").lower().replace("’", "'").split())
    return _LABELS.get(key)


def note_label(text: str) -> str | None:
    """'work' or 'chapter' for one of FanFicFare's chapter-note labels ("Notes for the Chapter:")."""
    key = " ".join(text.strip().strip("*").strip().rstrip(":").lower().replace("’", "'").split())
    return NOTE_LABELS.get(key)


def note_position(kind: str, head: bool) -> NotePosition:
    """Where a FanFicFare chapter note belongs: work notes before/after, or the chapter's own."""
    if kind == "work":
        return "before" if head else "after"
    return "chapter"


def file_note(kind: str, head: bool, text: str, chapter_notes: list[Note], work_notes: list[Note]) -> None:
    """Append a note found at the head or foot of a chapter to the chapter's or the work's notes."""
    position = note_position(kind, head)
    (chapter_notes if position == "chapter" else work_notes).append(Note(position=position, text=text))


def work_id_from_url(url: str | None) -> str | None:
    """'123' for an AO3 …/works/123 or an FFN/FictionPress …/s/123 address, else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if "archiveofourown" in host or host.endswith("ao3.org"):
        m = re.match(r"/works/(\d+)", parts.path)
        return m.group(1) if m else None
    if host.endswith(("fanfiction.net", "fictionpress.com")):
        m = re.match(r"/s/(\d+)", parts.path)
        return m.group(1) if m else None
    return None


def one_line(value: str) -> str:
    """Collapse all whitespace (wrapped lines, newlines) to single spaces."""
    return " ".join(value.split())


def paragraphs_text(paragraphs: Iterable[str]) -> str:
    """Paragraphs with their inner whitespace collapsed, joined by a blank line."""
    return "\n\n".join(p for p in (one_line(p) for p in paragraphs) if p)


@dataclass
class TitlePage:
    """What a FanFicFare title page states, before it becomes a `WorkMeta`."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    story_url: str | None = None
    entries: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs in order; multi-paragraph values use blank lines between paragraphs."""


def split_authors(text: str) -> list[str]:
    """FanFicFare joins several authors with ", "."""
    return [a for a in (one_line(x) for x in text.split(", ")) if a]


def build_work(page: TitlePage) -> WorkMeta:
    """Turn a title page into `WorkMeta`, parsing tags, counts, dates and series."""
    work = WorkMeta(title=one_line(page.title) if page.title else None, authors=list(page.authors))
    fields = [(label_field(label), value) for label, value in page.entries]
    publisher = next((one_line(v).lower() for f, v in fields if f == "publisher"), "")
    ao3 = "archiveofourown" in publisher or "archiveofourown" in (page.story_url or "")
    relationships: list[str] = []
    for fld, value in fields:
        if fld is None or fld == "ignore" or not value.strip():
            continue
        if fld == "relationships":
            relationships.append(value)  # after the fandoms: "/" inside a fandom name is no pairing
        else:
            _apply(work, fld, value, ao3)
    for value in relationships:
        apply_field(work, "relationships", one_line(value))
    work.source_url = work.source_url or (page.story_url.strip() if page.story_url else None)
    work.work_id = work_id_from_url(work.source_url)
    return work


def _apply(work: WorkMeta, fld: str, value: str, ao3: bool) -> None:
    text = value.strip() if fld in MULTI_PARAGRAPH else one_line(value)
    if fld == "title":
        work.title = work.title or text
    elif fld == "authors":
        work.authors = work.authors or split_authors(text)
    elif fld == "series":
        work.series.append(parse_series(text))
    elif fld == "genre":
        for tag in split_tag_list(text):
            (work.categories if ao3 and tag.lower() in AO3_CATEGORIES else work.freeform_tags).append(tag)
    elif fld == "categories":
        work.categories += split_tag_list(text)
    elif fld == "freeform":
        work.freeform_tags += split_tag_list(text)
    elif fld == "summary":
        work.summary = text if not work.summary else f"{work.summary}\n\n{text}"
    elif fld == "notes":
        work.notes.append(Note(position="before", text=text))
    elif fld == "chapters":
        posted, expected = parse_chapters(text)
        work.chapters_posted = posted
        work.chapters_expected = expected or work.chapters_expected
    elif fld == "chapters_expected":
        _, expected = parse_chapters(f"0/{text}")
        work.chapters_expected = expected
    elif fld.startswith("stat:"):
        setattr(work.stats, fld[5:], parse_count(text))
    elif fld in {"publisher", "url"}:
        if fld == "url":
            work.source_url = text
    else:  # fandoms, language, characters, status, dates, rating, warnings, words, disclaimer, …
        apply_field(work, fld, text)
