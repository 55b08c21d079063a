"""The self-contained HTML report: one file, inline CSS/JS/SVG, nothing fetched."""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ficlens import __version__
from ficlens.model import Analysis, Chapter, Character, Fact, Mention, Quote
from ficlens.report.graph import (
    presence_chart,
    prominence,
    relationship_graph,
    relationship_summary,
    strongest_kind,
)
from ficlens.report.palette import NO_KIND_COLOUR, RELATION_COLOURS, Swatch, palette, unknown_swatch
from ficlens.report.segments import ParagraphSplitter, Segment, split_chapter

MAX_CARDS = 40
MAX_MINOR = 60
FACTS_PER_CARD = 5
# Which facts say most about a character, best first; one-word actions ("said") say least.
FACT_PRIORITY = {"called": 0, "described_as": 1, "feels": 2, "done_to": 3, "does": 4}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Autoescaping Jinja2 environment over the packaged templates."""
    return Environment(
        loader=PackageLoader("ficlens.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class QuoteView:
    """What a quotation's tooltip shows, as data-* attributes."""

    css: str
    speaker: str
    addressees: str
    type: str
    confidence: str
    cue: str


@dataclass
class Card:
    character: Character
    swatch: Swatch
    facts: list[str] = field(default_factory=list)
    relationships: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ChapterView:
    number: int
    title: str | None
    anchor: str
    paragraphs: list[list[Segment]]
    scene_breaks: frozenset[int]
    notes_before: list[str]
    notes_after: list[str]


def render_html(analysis: Analysis) -> str:
    """The report page for `analysis`, as one self-contained HTML document."""
    swatches = palette([c.id for c in analysis.characters])
    names = {c.id: c.name for c in analysis.characters}
    dangling = sorted({q.speaker for q in analysis.quotes if q.speaker and q.speaker not in swatches})
    grey = unknown_swatch(len(swatches))
    quote_views = {id(q): _quote_view(q, names, swatches, grey) for q in analysis.quotes}
    splitter = ParagraphSplitter(analysis.quotes, [m for m in analysis.mentions if m.character in swatches])
    chapters = [_chapter_view(splitter, ch) for ch in analysis.chapters]
    speakers = _speakers(analysis, swatches)
    cards, minor = _cast(analysis, swatches, names)
    all_swatches = [*swatches.values(), grey]
    style = Markup(_static("report.css") + _colour_rules(all_swatches))  # our own files: not story text
    script = Markup(_static("report.js"))
    template = environment().get_template("report.html.j2")
    return template.render(
        version=__version__,
        style=style,
        script=script,
        style_hash=_csp_hash(style),
        script_hash=_csp_hash(script),
        a=analysis,
        work=analysis.work,
        title=analysis.work.title or "Untitled",
        source_link=_safe_link(analysis.work.source_url),
        fandoms=analysis.work.fandoms,
        fandom_guess=analysis.fandom_guess if not analysis.work.fandoms else None,
        stats=[
            (k.replace("_", " "), v) for k, v in analysis.work.stats.model_dump().items() if v is not None
        ],
        before_notes=[n.text for n in analysis.work.notes if n.position == "before"],
        after_notes=[n.text for n in analysis.work.notes if n.position == "after"],
        cards=cards[:MAX_CARDS],
        minor=[(c, swatches[c.id]) for c in minor[:MAX_MINOR]],
        more_minor=max(0, len(minor) - MAX_MINOR),
        graph=relationship_graph(analysis, swatches, names),
        relationships=_relationship_rows(analysis, names),
        relation_colours=RELATION_COLOURS,
        presence=presence_chart(analysis, swatches),
        chapters=chapters,
        speakers=speakers,
        unknown_speaker=any(q.speaker is None for q in analysis.quotes) or bool(dangling),
        grey=grey,
        quote_view=lambda q: quote_views[id(q)],
        mention_css=lambda m: _mention_css(m, swatches),
        mention_who=lambda m: names.get(m.character or "", ""),
    )


def _quote_view(quote: Quote, names: dict[str, str], swatches: dict[str, Swatch], grey: Swatch) -> QuoteView:
    speaker = names.get(quote.speaker, quote.speaker) if quote.speaker else "unknown speaker"
    swatch = swatches.get(quote.speaker or "", grey)
    return QuoteView(
        css=swatch.css,
        speaker=speaker,
        addressees=", ".join(names.get(a, a) for a in quote.addressees),
        type=quote.type or "",
        confidence=f"{round(quote.confidence * 100)}%",
        cue=quote.cue or "",
    )


def _mention_css(mention: Mention, swatches: dict[str, Swatch]) -> str:
    swatch = swatches.get(mention.character or "")
    return swatch.css if swatch else ""


def _chapter_view(splitter: ParagraphSplitter, chapter: Chapter) -> ChapterView:
    return ChapterView(
        number=chapter.number,
        title=chapter.title,
        anchor=f"ch{chapter.number}",
        paragraphs=split_chapter(splitter, chapter),
        scene_breaks=frozenset(i for i in chapter.scene_breaks if i > 0),
        notes_before=[n.text for n in chapter.notes if n.position != "after"],
        notes_after=[n.text for n in chapter.notes if n.position == "after"],
    )


def _speakers(analysis: Analysis, swatches: dict[str, Swatch]) -> list[tuple[Character, Swatch, int]]:
    """Characters who speak, with their colour and number of quotes, most talkative first."""
    lines: dict[str, int] = defaultdict(int)
    for q in analysis.quotes:
        if q.speaker:
            lines[q.speaker] += 1
    speaking = [c for c in analysis.characters if lines.get(c.id)]
    speaking.sort(key=lambda c: -lines[c.id])
    return [(c, swatches[c.id], lines[c.id]) for c in speaking]


def _cast(
    analysis: Analysis, swatches: dict[str, Swatch], names: dict[str, str]
) -> tuple[list[Card], list[Character]]:
    """Cards for the characters on stage (for everyone when nobody is), and the merely mentioned."""
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in analysis.facts:
        facts[fact.character].append(fact)
    related: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rel in analysis.relationships:
        if len(rel.characters) != 2:
            continue
        kind = strongest_kind(rel) or "related"
        a, b = rel.characters
        related[a].append((names.get(b, b), kind))
        related[b].append((names.get(a, a), kind))
    ordered = prominence(analysis.characters)
    on_stage = [c for c in ordered if c.status == "present"] or ordered
    overflow = on_stage[MAX_CARDS:]
    cards = [Card(c, swatches[c.id], top_facts(facts[c.id], names), related[c.id][:4]) for c in on_stage]
    carded = {c.id for c in on_stage}
    minor = overflow + [c for c in ordered if c.id not in carded]
    return cards[:MAX_CARDS], minor


def top_facts(facts: list[Fact], names: dict[str, str], limit: int = FACTS_PER_CARD) -> list[str]:
    """The few facts that say most about a character, as short phrases, without repeats."""
    ranked = sorted(
        (f for f in facts if not (f.kind == "does" and " " not in f.value)),
        key=lambda f: FACT_PRIORITY.get(f.kind, 9),
    )
    seen: set[str] = set()
    phrases = []
    for fact in ranked:
        phrase = _fact_phrase(fact, names)
        if phrase.lower() in seen:
            continue
        seen.add(phrase.lower())
        phrases.append(phrase)
        if len(phrases) == limit:
            break
    return phrases


def _fact_phrase(fact: Fact, names: dict[str, str]) -> str:
    if fact.kind == "called":
        by = f" by {names.get(fact.by, fact.by)}" if fact.by else ""
        return f"called “{fact.value}”{by}"
    if fact.kind == "described_as":
        return f"described as {fact.value}"
    if fact.kind == "feels":
        return f"feels {fact.value}"
    return fact.value


@dataclass(frozen=True)
class RelationshipRow:
    summary: str
    kind: str | None
    colour: str
    evidence: list[str]


def _relationship_rows(analysis: Analysis, names: dict[str, str]) -> list[RelationshipRow]:
    rows = []
    for rel in analysis.relationships:
        kind = strongest_kind(rel)
        rows.append(
            RelationshipRow(
                relationship_summary(rel, names),
                kind,
                RELATION_COLOURS.get(kind or "", NO_KIND_COLOUR),
                [e.text for e in rel.evidence[:2]],
            )
        )
    return rows


def _safe_link(url: str | None) -> str | None:
    """`url` if it is a plain web address; anything else (javascript:, data:) is shown as text only."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _static(name: str) -> str:
    """A packaged template file's text, unrendered."""
    env = environment()
    assert env.loader is not None
    return env.loader.get_source(env, name)[0]


def _colour_rules(swatches: list[Swatch]) -> str:
    """CSS custom properties per character and per relationship kind (numbers and hex only)."""
    rules = [f".{s.css}{{--c:{s.channels}}}" for s in swatches]
    rules += [f".kind-{kind}{{--k:{colour}}}" for kind, colour in RELATION_COLOURS.items()]
    rules.append(f".kind-unclear{{--k:{NO_KIND_COLOUR}}}")
    return "\n" + "\n".join(rules) + "\n"


def _csp_hash(text: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline block."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
