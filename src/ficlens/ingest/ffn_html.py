"""FanFiction.net / FictionPress chapter pages as saved from the browser.

Metadata comes from `#profile_top`: the title (`b.xcontrast_txt`), the author link (`/u/N/Name`),
the summary and the grey line

    Rated: Fiction M - English - Adventure/Romance - [Naruto U., Mei T.] Kakashi H. - Chapters: 12 -
    Words: 56,452 - Reviews: 669 - Favs: 3,091 - Follows: 3,544 - Updated: 5/15 - Published: 9/8/2012 -
    Status: Complete - id: 8508883

FFN puts a pairing in square brackets, so "[Naruto U., Mei T.]" is the romantic relationship
"Naruto U./Mei T." (all bracketed names are character tags too). Genres become freeform tags.
FFN writes dates m/d/yyyy and drops the year for dates in the current year ("5/15"); the
`data-xutime` Unix timestamp on the date span supplies the year when present, otherwise such a
date stays null. FFN shows "Status: Complete" for finished stories only, so its absence means the
story is in progress. The fandom is the last breadcrumb link ("Anime/Manga > Naruto" → "Naruto").

A page holds one chapter (`#storytext`): it is emitted with its number and title from
`select#chap_select`, while `chapters_posted` keeps the stated count. Inside the text, everything
before an in-text heading that repeats the chapter ("Chapter 1 – Banishment", "Prologue") is the
author's preamble: a disclaimer goes to `work.disclaimer`, a repeated title/summary is dropped,
the rest becomes a note (a chapter note on multi-chapter stories, a work note on one-shots).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficlens.errors import InputError
from ficlens.ingest._blocks import (
    DISCLAIMER,
    NOTE_LABEL,
    chapter_of,
    html_blocks,
    is_text_heading,
    note_text,
    take_closing,
    take_opening,
    trailing_note_start,
)
from ficlens.ingest.headers import parse_count
from ficlens.ingest.html import node_text, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Note, NotePosition, Story, WorkMeta
from ficlens.text.dates import iso_date
from ficlens.text.paragraphs import chapter_heading
from ficlens.text.tags import parse_rating, parse_relationship, split_tag_list

name = "ffn-html"

_GENRES = {
    "adventure",
    "angst",
    "crime",
    "drama",
    "family",
    "fantasy",
    "friendship",
    "general",
    "horror",
    "humor",
    "hurt/comfort",
    "mystery",
    "parody",
    "poetry",
    "romance",
    "sci-fi",
    "spiritual",
    "supernatural",
    "suspense",
    "tragedy",
    "western",
}
_STORY_URL = re.compile(r"/s/(?P<id>\d+)(?:/(?P<chapter>\d+))?")
_PROFILE_TOP = re.compile(rb"""id\s*=\s*["']?profile_top\b""")
_END_OF = re.compile(
    r"^\s*(?i:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:chapter|prologue|part|epilogue)\b.{0,40})$"
)


def sniff(raw: RawInput) -> bool:
    data = raw.data
    return bool(_PROFILE_TOP.search(data)) and (b"fanfiction.net" in data or b"fictionpress.com" in data)


def read(raw: RawInput) -> Story:
    tree = parse_html(raw.text)
    profile = tree.css_first("#profile_top")
    if profile is None:
        raise InputError(raw.name, "is a FanFiction.net page without the story header (#profile_top)")
    work = read_metadata_tree(tree)
    storytext = tree.css_first("#storytext")
    if storytext is None:
        raise InputError(raw.name, "is a FanFiction.net page without story text (#storytext)")
    number, title = _current_chapter(tree)
    one_shot = tree.css_first("select#chap_select") is None
    chapter = chapter_of(html_blocks(storytext), number=number, title=title)
    _split_preamble(chapter, work, one_shot)
    return Story(work=work, chapters=[chapter])


def read_metadata(raw: RawInput) -> WorkMeta:
    """The story's metadata from an FFN chapter page (no story text needed)."""
    return read_metadata_tree(parse_html(raw.text))


def read_metadata_tree(tree: LexborHTMLParser) -> WorkMeta:
    work = WorkMeta()
    profile = tree.css_first("#profile_top")
    if profile is None:
        return work
    title = profile.css_first("b.xcontrast_txt")
    work.title = node_text(title) or None
    for link in profile.css("a"):
        href = link.attributes.get("href") or ""
        if re.match(r"^(?:https?:)?(?://[^/]+)?/u/\d+", href):
            work.authors = [node_text(link)]
            break
    for div in profile.css("div.xcontrast_txt"):
        summary = node_text(div)
        if summary:
            work.summary = summary
            break
    work.fandoms = _fandoms(tree)
    grey = profile.css_first("span.xgray")
    if grey is not None:
        _read_grey_line(grey, work)
    canonical = tree.css_first('link[rel="canonical"]')
    canonical_href = (canonical.attributes.get("href") or "") if canonical is not None else ""
    if canonical_href:
        work.source_url = "https:" + canonical_href if canonical_href.startswith("//") else canonical_href
        m = _STORY_URL.search(canonical_href)
        if m and work.work_id is None:
            work.work_id = m.group("id")
    return work


def _fandoms(tree: LexborHTMLParser) -> list[str]:
    links = tree.css("#pre_story_links a")
    if not links:
        return []
    last = node_text(links[-1])
    if last.endswith(" Crossover") and " + " in last:
        return [f.strip() for f in last.removesuffix(" Crossover").split(" + ") if f.strip()]
    return [last] if last else []


def _read_grey_line(grey: LexborNode, work: WorkMeta) -> None:
    text = node_text(grey).replace("\n", " ")
    fields = [f.strip() for f in re.split(r"\s+-\s+", text) if f.strip()]
    timestamps = _timestamps(grey)
    positional: list[str] = []
    complete = False
    for field in fields:
        label, sep, value = field.partition(":")
        key = label.strip().lower()
        if not sep or key not in _LABELS:
            positional.append(field)
            continue
        value = value.strip()
        if key == "rated":
            work.rating = parse_rating(value)
        elif key == "chapters":
            work.chapters_posted = parse_count(value)
        elif key == "words":
            work.words = parse_count(value)
        elif key in {"reviews", "favs", "follows"}:
            setattr(work.stats, key, parse_count(value))
        elif key in {"updated", "published"}:
            setattr(work, key, ffn_date(value, timestamps.get(key)))
        elif key == "status":
            complete = value.lower().startswith("complete")
        elif key == "id":
            work.work_id = value.split()[0] if value else None
    work.status = "complete" if complete else "in-progress"
    _read_positional(positional, work)


_LABELS = {"rated", "chapters", "words", "reviews", "favs", "follows", "updated", "published", "status", "id"}


def _timestamps(grey: LexborNode) -> dict[str, int]:
    """'updated'/'published' → the data-xutime of the date span that follows the label."""
    out: dict[str, int] = {}
    label = ""
    child = grey.child
    while child is not None:
        if child.tag == "-text":
            words = re.findall(r"(Updated|Published)\s*:\s*$", child.text_content or "")
            if words:
                label = words[-1].lower()
        elif child.tag == "span":
            stamp = child.attributes.get("data-xutime")
            if label and stamp and stamp.isdigit():
                out[label] = int(stamp)
            label = ""
        child = child.next
    return out


def ffn_date(shown: str, timestamp: int | None) -> str | None:
    """An FFN date: "9/8/2012" as written; "5/15" (this year's date) takes its year from the
    Unix timestamp FFN attaches, and is None without one. A timestamp alone gives its UTC date."""
    shown = " ".join(shown.split())
    full = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", shown)
    if full:
        return iso_date(shown)
    if timestamp is None:
        return None
    stamped = datetime.fromtimestamp(timestamp, tz=UTC).date()
    month_day = re.fullmatch(r"(\d{1,2})/(\d{1,2})", shown)
    if not month_day:
        return stamped.isoformat()
    month, day = int(month_day.group(1)), int(month_day.group(2))
    candidates = []
    for year in (stamped.year - 1, stamped.year, stamped.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return stamped.isoformat()
    return min(candidates, key=lambda d: abs((d - stamped).days)).isoformat()


def _read_positional(fields: list[str], work: WorkMeta) -> None:
    """Unlabelled fields after the rating: language, then genres, then characters/pairings."""
    if not fields:
        return
    work.language = fields[0]
    rest = fields[1:]
    if rest and _is_genre_field(rest[0]):
        work.freeform_tags += _genres(rest[0])
        rest = rest[1:]
    for field in rest:
        _read_characters(field, work)


def _genres(field: str) -> list[str]:
    masked = field.replace("Hurt/Comfort", "Hurt\x00Comfort")
    return [g.replace("\x00", "/").strip() for g in masked.split("/") if g.strip()]


def _is_genre_field(field: str) -> bool:
    genres = _genres(field)
    return bool(genres) and all(g.lower() in _GENRES for g in genres)


def _read_characters(field: str, work: WorkMeta) -> None:
    """ "[Naruto U., Mei T.] Kakashi H." → characters, and the bracketed group as a pairing."""
    for group in re.findall(r"\[([^\]]*)\]", field):
        names = split_tag_list(group)
        work.character_tags += names
        if len(names) >= 2:
            relationship = parse_relationship("/".join(names))
            if relationship:
                work.relationship_tags.append(relationship)
    work.character_tags += split_tag_list(re.sub(r"\[[^\]]*\]", ",", field))


def _current_chapter(tree: LexborHTMLParser) -> tuple[int, str | None]:
    """(number, title) of the chapter this page holds, from the chapter menu (1, None for one-shots)."""
    select = tree.css_first("select#chap_select")
    if select is None:
        return 1, None
    options = select.css("option")
    chosen = next((o for o in options if "selected" in o.attributes), options[0] if options else None)
    if chosen is None:
        return 1, None
    value = chosen.attributes.get("value") or ""
    text = node_text(chosen)
    m = re.match(r"^\s*(\d+)\.\s*(.*)$", text)
    number = int(value) if value.isdigit() else int(m.group(1)) if m else 1
    title = (m.group(2) if m else text).strip() or None
    if title and re.fullmatch(rf"(?i:chapter\s+{number})", title):
        title = None  # FFN's placeholder for an untitled chapter
    return number, title


def _split_preamble(chapter: Chapter, work: WorkMeta, one_shot: bool) -> None:
    """Move the author's preamble, disclaimer and end note out of the chapter text."""
    paras = chapter.paragraphs
    note_position: NotePosition = "before" if one_shot else "chapter"
    heading = _heading_index(paras, chapter.title)
    if heading is not None:
        preamble = paras[:heading]
        heading_text = paras[heading]
        del paras[: heading + 1]
        chapter.scene_breaks = [i - heading - 1 for i in chapter.scene_breaks if i > heading + 1]
        if chapter.title is None and one_shot:
            parsed = chapter_heading(heading_text)
            chapter.title = parsed[1] if parsed else None
        notes = []
        for para in preamble:
            if DISCLAIMER.match(para):
                work.disclaimer = re.sub(r"^\s*(?i:disclaimer)\s*[:\-–—]?\s*", "", para) or para
            elif _is_repeat(para, work):
                continue
            else:
                notes.append(para)
        if notes:
            _add_note(chapter, work, note_text(notes), note_position)
    elif paras and DISCLAIMER.match(paras[0]) and len(paras) > 1:
        work.disclaimer = re.sub(r"^\s*(?i:disclaimer)\s*[:\-–—]?\s*", "", paras[0]) or paras[0]
        take_opening(chapter, 1)
    tail = trailing_note_start(paras, window=4)
    if tail is not None:
        _add_note(chapter, work, note_text(take_closing(chapter, tail)), "after" if one_shot else "chapter")
    while paras and _END_OF.match(paras[-1]):
        paras.pop()
    chapter.scene_breaks = [i for i in chapter.scene_breaks if i < len(paras)]


def _heading_index(paras: list[str], title: str | None) -> int | None:
    """Index of an in-text chapter heading near the top ("Chapter 1 – Banishment", "Prologue")."""
    limit = min(40, len(paras) // 2)
    for index, para in enumerate(paras[:limit]):
        text = para.strip()
        if is_text_heading(text) or (title and text.lower() == title.lower()):
            return index
    return None


def _is_repeat(para: str, work: WorkMeta) -> bool:
    """The story title or summary repeated at the top of the text."""
    text = " ".join(para.split()).lower()
    if work.title and text == work.title.lower():
        return True
    return bool(re.match(r"^\s*(?i:summary)\s*:", para))


def _add_note(chapter: Chapter, work: WorkMeta, text: str, position: NotePosition) -> None:
    if position == "chapter":
        chapter.notes.append(Note(position="chapter", text=text))
    else:
        work.notes.append(Note(position=position, text=text))


__all__ = ["NOTE_LABEL", "ffn_date", "name", "read", "read_metadata", "sniff"]
