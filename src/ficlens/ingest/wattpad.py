"""Wattpad's v3 story API JSON ("wattpad-json"): the story's description, with no text.

`GET /api/v3/stories/<id>` answers with the title, `user` (name, fullname), `description`,
`completed`, `mature`, `rating` (a number Wattpad does not document), `language.name`, `tags`,
`numParts` and `parts` (title, url, dates, `length` in characters). It holds no story text, so
`read` refuses it; `read_index`/`read_metadata` give the metadata and the parts as chapters.

Mapping: description → summary; completed → status; `mature: true` → rating "Mature" (as
FanFicFare does; a non-mature story gets no rating, since the numeric `rating` has no published
meaning); tags → freeform tags; numParts → chapters_posted; first/last published part dates →
published/updated; voteCount/readCount/commentCount → kudos/hits/comments. `length` counts
characters, not words, so `words` stays null. Part titles are kept as written ("Chapter 1: Finn")
and parts are numbered by position (the author's own numbering may skip, e.g. no "Chapter 33").
The chapter text fragment is read by `wattpad_html`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ficlens.errors import InputError
from ficlens.ingest.raw import RawInput
from ficlens.model import Chapter, Rating, Story, WorkMeta
from ficlens.text.dates import iso_date

name = "wattpad-json"

INDEX_REASON = (
    "is a Wattpad story description (API JSON) with no story text; download the chapters or the whole work"
)


def sniff(raw: RawInput) -> bool:
    data = raw.data.lstrip()
    return data[:1] == b"{" and b"wattpad.com" in data and (b'"numParts"' in data or b'"parts"' in data)


def read(raw: RawInput) -> Story:
    read_index(raw)  # reports invalid JSON first
    raise InputError(raw.name, INDEX_REASON)


def read_metadata(raw: RawInput) -> WorkMeta:
    return read_index(raw).work


def read_index(raw: RawInput) -> Story:
    """The story's metadata and its parts as chapters (titles only, no text)."""
    try:
        info = json.loads(raw.data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(raw.name, f"is not valid JSON ({exc})") from None
    if not isinstance(info, dict):
        raise InputError(raw.name, "is JSON but not a Wattpad story object")
    work = WorkMeta(
        title=_text(info.get("title")),
        summary=_text(info.get("description")),
        freeform_tags=[t for t in (_text(x) for x in info.get("tags") or []) if t],
        work_id=_text(info.get("id")),
        source_url=_text(info.get("url")),
    )
    user = info.get("user")
    if isinstance(user, dict) and _text(user.get("name")):
        work.authors = [str(user["name"]).strip()]
    language = info.get("language")
    if isinstance(language, dict):
        work.language = _text(language.get("name"))
    if isinstance(info.get("completed"), bool):
        work.status = "complete" if info["completed"] else "in-progress"
    if info.get("mature") is True:
        work.rating = Rating(text="Mature", ao3="Mature")
    if isinstance(info.get("numParts"), int):
        work.chapters_posted = info["numParts"]
    work.published = _date(info.get("firstPublishedPart")) or _iso(info.get("createDate"))
    work.updated = _date(info.get("lastPublishedPart"))
    for field, key in (("kudos", "voteCount"), ("hits", "readCount"), ("comments", "commentCount")):
        if isinstance(info.get(key), int):
            setattr(work.stats, field, info[key])
    parts = [p for p in info.get("parts") or [] if isinstance(p, dict)]
    chapters = [Chapter(number=i, title=_text(p.get("title"))) for i, p in enumerate(parts, start=1)]
    return Story(work=work, chapters=chapters)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    lines = [" ".join(line.split()) for line in str(value).strip().split("\n")]
    text = "\n".join(lines).strip()
    return text or None


def _date(part: Any) -> str | None:
    return _iso(part.get("createDate")) if isinstance(part, dict) else None


def _iso(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return iso_date(m.group()) if m else None
