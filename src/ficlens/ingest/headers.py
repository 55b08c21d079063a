"""Labelled header lines ("Title:", "Pairing(s):", "Word count:" …) → `WorkMeta` fields.

Used by the plain-text and FanFicFare readers, and by HTML readers whose metadata is a list of
"Label: value" pairs. One table maps the many spellings fans use to one field.
"""

from __future__ import annotations

import re

from ficlens.model import SeriesRef, WorkMeta
from ficlens.text.credits import beta_readers as _beta_names
from ficlens.text.dates import iso_date
from ficlens.text.tags import normalize_status, parse_rating, parse_relationship, split_tag_list

_FIELDS: dict[str, str] = {}
for _field, _labels in {
    "title": "title, story title, fic title",
    "authors": "author, authors, writer, written by, by, creator",
    "fandoms": "fandom, fandoms, fandom(s), universe",
    "category": "category, categories",
    "rating": "rating, rated",
    "relationships": "pairing, pairings, pairing(s), relationship, relationships, ship, ships",
    "characters": "character, characters, character(s), main characters",
    "summary": "summary, description, blurb",
    "disclaimer": "disclaimer, disclaimers",
    "words": "word count, words, wordcount, length, word(s)",
    "warnings": "warning, warnings, archive warning, archive warnings, content warnings, warning(s)",
    "beta": "beta, betas, beta reader, beta readers, beta'd by, betaed by, beta(s)",
    "notes": "notes, note, author's notes, author's note, authors notes, author notes, a/n, an, "
    "author's note(s)",
    "dedication": "dedication, dedicated to, for",
    "freeform": "genre, genres, tags, additional tags, freeform, keywords",
    "series": "series",
    "status": "status, completed, complete",
    "published": "published, posted, date, date posted, first published",
    "updated": "updated, last updated, date updated",
    "chapters": "chapters, chapter count",
    "url": "story url, url, link, source, source url",
    "language": "language",
}.items():
    for _label in _labels.split(", "):
        _FIELDS[_label] = _field

_AO3_CATEGORIES = {"gen", "f/m", "m/m", "f/f", "multi", "other", "het", "slash", "femslash"}

LABEL_LINE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z'’()/ ]{0,30}?)\s*:\s*(?P<value>.*?)\s*$")
NOTE_FIELDS = {"notes", "summary", "disclaimer", "dedication"}


def field_for_label(label: str) -> str | None:
    """The `WorkMeta` field a header label feeds, or None for a label ficlens does not know."""
    key = " ".join(label.lower().replace("’", "'").split())
    return _FIELDS.get(key)


def split_label(line: str) -> tuple[str, str, str] | None:
    """("Pairing(s)", "relationships", "Spike/Willow") for a known "Label: value" line, else None."""
    m = LABEL_LINE.match(line)
    if not m:
        return None
    field = field_for_label(m.group("label"))
    if field is None:
        return None
    return m.group("label"), field, m.group("value")


def apply_field(work: WorkMeta, field: str, value: str) -> None:
    """Store one header value into `work`, parsing lists, counts, dates and tags."""
    value = value.strip()
    if not value:
        return
    if field == "title":
        work.title = work.title or value
    elif field == "authors":
        work.authors = work.authors or [a for a in re.split(r"\s*(?:,|&|\band\b)\s*", value) if a]
    elif field == "fandoms":
        work.fandoms += split_tag_list(value)
    elif field == "category":
        tags = split_tag_list(value)
        if tags and all(t.lower() in _AO3_CATEGORIES for t in tags):
            work.categories += tags
        else:
            work.fandoms += tags
    elif field == "rating":
        work.rating = parse_rating(value)
    elif field == "relationships":
        for tag in split_tag_list(value):
            rel = parse_relationship(tag, work.fandoms)
            if rel:
                work.relationship_tags.append(rel)
    elif field == "characters":
        work.character_tags += split_tag_list(value)
    elif field == "summary":
        work.summary = value if not work.summary else f"{work.summary}\n\n{value}"
    elif field == "disclaimer":
        work.disclaimer = value
    elif field == "words":
        work.words = parse_count(value)
    elif field == "warnings":
        work.warnings += split_tag_list(value)
    elif field == "beta":
        work.beta_readers += [n for n in _beta_names(f"Beta: {value}") if n not in work.beta_readers]
    elif field == "dedication":
        work.dedicated_to.append(value.rstrip("."))
    elif field == "freeform":
        work.freeform_tags += split_tag_list(value)
    elif field == "series":
        work.series.append(parse_series(value))
    elif field == "status":
        work.status = normalize_status(value)  # type: ignore[assignment]
    elif field in {"published", "updated"}:
        setattr(work, field, iso_date(value))
    elif field == "chapters":
        work.chapters_posted, work.chapters_expected = parse_chapters(value)
    elif field == "url":
        work.source_url = work.source_url or value
    elif field == "language":
        work.language = value


def parse_count(text: str) -> int | None:
    """'123,456' / '9543' / '12 184 words' → int."""
    m = re.search(r"\d[\d,.\s\u00a0\u202f]*", text)
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group())
    return int(digits) if digits else None


def parse_chapters(text: str) -> tuple[int | None, int | None]:
    """'3/?' → (3, None); '8/8' → (8, 8); '12' → (12, None)."""
    m = re.match(r"\s*(\d+)\s*(?:/\s*(\d+|\?))?", text)
    if not m:
        return None, None
    posted = int(m.group(1))
    expected = m.group(2)
    return posted, int(expected) if expected and expected.isdigit() else None


def parse_series(text: str) -> SeriesRef:
    """'The Great Test [2]' / 'Part 1 of Watches 'Verse' → SeriesRef(name, position)."""
    text = " ".join(text.split())
    m = re.match(r"(?i)part\s+(\d+)\s+of\s+(?:the\s+)?(.+)$", text)
    if m:
        return SeriesRef(name=m.group(2).strip(" \"'"), position=int(m.group(1)))
    m = re.match(r"(.+?)\s*[\[(#]\s*(\d+)\s*[\])]?$", text)
    if m:
        return SeriesRef(name=m.group(1).strip(), position=int(m.group(2)))
    return SeriesRef(name=text)
