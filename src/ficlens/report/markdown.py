"""A short Markdown summary of an `Analysis`.

Every value the template prints passes through `md_escape` (Jinja's `finalize`), so story text, names
and tags are shown as text by any Markdown renderer: no raw HTML, links or emphasis can come from them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from ficlens.model import Analysis, Character, Quote
from ficlens.report.graph import interaction_weight, prominence, strongest_kind
from ficlens.report.segments import quote_parts

MAX_CHARACTERS = 15
MAX_RELATIONSHIPS = 5
MAX_SPEAKERS = 4
QUOTES_PER_SPEAKER = 3
QUOTE_CHARS = 160

# Inline markup, links, raw HTML, table cells and headings; `&` only where it would start an entity.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~]|&(?=#?\w+;))")


def md_escape(value: object) -> str:
    """`value` as Markdown text: punctuation that means something is backslash-escaped, one line."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return _SPECIAL.sub(r"\\\1", text)


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("ficlens.report", "templates"),
        autoescape=False,  # Markdown, not HTML: md_escape below does the escaping
        finalize=md_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class RelationshipLine:
    names: str
    kinds: str
    lines: int
    scenes: int


@dataclass(frozen=True)
class Speaker:
    name: str
    quotes: list[str]


def render_markdown(analysis: Analysis) -> str:
    """A few screens of Markdown: the work, its characters, relationships and some of its dialogue."""
    names = {c.id: c.name for c in analysis.characters}
    work = analysis.work
    fandoms = ", ".join(work.fandoms) or (
        f"{analysis.fandom_guess.name} (guessed)" if analysis.fandom_guess else ""
    )
    characters = prominence(analysis.characters)
    return (
        environment()
        .get_template("summary.md.j2")
        .render(
            title=work.title or "Untitled",
            authors=", ".join(work.authors),
            fandoms=fandoms,
            rating=work.rating.text if work.rating else "",
            words=f"{work.words:,}" if work.words else "",
            chapters=len(analysis.chapters),
            summary=work.summary or "",
            characters=characters[:MAX_CHARACTERS],
            more_characters=max(0, len(characters) - MAX_CHARACTERS),
            relationships=_relationships(analysis, names),
            speakers=_speakers(analysis, characters),
        )
    )


def _relationships(analysis: Analysis, names: dict[str, str]) -> list[RelationshipLine]:
    ranked = sorted(
        analysis.relationships, key=lambda r: (-max(r.kinds.values(), default=0.0), -interaction_weight(r))
    )
    lines = []
    for rel in ranked[:MAX_RELATIONSHIPS]:
        kind = strongest_kind(rel)
        kinds = ", ".join(
            f"{k} {round(v * 100)}%" for k, v in sorted(rel.kinds.items(), key=lambda kv: -kv[1])
        )
        lines.append(
            RelationshipLine(
                " & ".join(names.get(c, c) for c in rel.characters),
                kinds if kind else "unclear",
                sum(rel.interactions.quotes.values()),
                rel.interactions.scenes,
            )
        )
    return lines


def _speakers(analysis: Analysis, characters: list[Character]) -> list[Speaker]:
    said: dict[str, list[Quote]] = defaultdict(list)
    for quote in analysis.quotes:
        if quote.speaker:
            said[quote.speaker].append(quote)
    talkers = sorted((c for c in characters if said.get(c.id)), key=lambda c: -len(said[c.id]))
    speakers = []
    for char in talkers[:MAX_SPEAKERS]:
        # The longest few, in story order: they carry most of the voice.
        longest = sorted(said[char.id], key=lambda q: -len(q.text))[:QUOTES_PER_SPEAKER]
        ordered = sorted(longest, key=lambda q: (q.chapter, q.paragraph, q.start))
        speakers.append(Speaker(char.name, [_shorten(_spoken(q, analysis)) for q in ordered]))
    return speakers


def _spoken(quote: Quote, analysis: Analysis) -> str:
    """The quote's parts as written, joined by an ellipsis ("Out," … "and now I'm back.")."""
    texts = []
    for part in quote_parts(quote):
        if not (0 < part.chapter <= len(analysis.chapters)):
            return quote.text
        paragraphs = analysis.chapters[part.chapter - 1].paragraphs
        if not (0 <= part.paragraph < len(paragraphs)):
            return quote.text
        texts.append(paragraphs[part.paragraph][part.start : part.end])
    return " … ".join(t.strip() for t in texts) or quote.text


def _shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit) if " " in text[:limit] else limit].rstrip(",;: ") + "…"
