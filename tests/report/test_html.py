"""The HTML report: structure, exact highlights, escaping, no outside resources, odd analyses."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html as lxml_html
from report_samples import build, quote

from ficlens.model import Analysis, Chapter, Character, Mention, Note, RelationshipTag, WorkMeta
from ficlens.report import render_html
from ficlens.report.segments import ParagraphSplitter, quote_parts

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def parse(page: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(page)


def paragraphs_of(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return doc.cssselect("#story .text p")


def test_page_has_every_part(sample: Analysis) -> None:
    doc = parse(render_html(sample))
    assert (doc.findtext(".//title") or "").startswith("A Test by Someone")
    assert doc.cssselect("h1")[0].text_content() == "A Test"
    for section in ("about", "cast", "relationships", "presence", "story"):
        assert doc.get_element_by_id(section) is not None
    assert [h.text_content() for h in doc.cssselect(".card h3 span:first-child")] == ["Anna", "Ben"]
    assert len(doc.cssselect("svg.graph .node circle")) == 2
    assert len(doc.cssselect("svg.graph line.edge")) == 1
    assert len(doc.cssselect("svg.presence rect")) == 2 * 3  # two characters × three one-paragraph columns
    assert "feels amused" in doc.get_element_by_id("cast").text_content()


def test_highlights_match_quote_text_exactly(sample: Analysis) -> None:
    doc = parse(render_html(sample))
    paras = paragraphs_of(doc)
    assert [p.text_content() for p in paras] == sample.chapters[0].paragraphs
    for q in sample.quotes:
        spans = doc.cssselect(f'.q[data-quote="{q.id}"]')
        expected = [sample.chapters[0].paragraphs[p.paragraph][p.start : p.end] for p in quote_parts(q)]
        assert [s.text_content() for s in spans] == expected
        assert all(s.get("tabindex") == "0" for s in spans)
    first = doc.cssselect('.q[data-quote="0"]')[0]
    assert first.get("data-speaker") == "Anna"
    assert first.get("data-to") == "Ben"
    assert first.get("data-type") == "explicit"
    assert first.get("data-conf") == "85%"
    # A mention inside a quote is nested in it and carries its own character's colour class.
    you = first.cssselect(".m")[0]
    assert you.text_content() == "you" and you.get("data-who") == "Ben"


def test_speakers_get_distinct_stable_colours(sample: Analysis) -> None:
    doc = parse(render_html(sample))
    anna = doc.cssselect('.q[data-quote="0"]')[0].get("class", "").split()
    ben = doc.cssselect('.q[data-quote="1"]')[0].get("class", "").split()
    assert anna != ben
    assert render_html(sample) == render_html(sample)


def test_real_pipeline_quotes_render_exactly(hard_truths: Path) -> None:
    from ficlens import analyze

    analysis = analyze(hard_truths)
    doc = parse(render_html(analysis))
    texts = {(ch.number, i): t for ch in analysis.chapters for i, t in enumerate(ch.paragraphs)}
    assert [p.text_content() for p in paragraphs_of(doc)] == list(texts.values())
    for q in analysis.quotes:
        spans = doc.cssselect(f'.q[data-quote="{q.id}"]')
        assert [s.text_content() for s in spans] == [
            texts[p.chapter, p.paragraph][p.start : p.end] for p in quote_parts(q)
        ]


def test_story_and_metadata_are_never_markup(make: Callable[..., Analysis]) -> None:
    work = WorkMeta(
        title=XSS,
        authors=[XSS],
        summary=XSS,
        notes=[Note(position="before", text=XSS), Note(position="after", text=XSS)],
        dedicated_to=[XSS],
        beta_readers=[XSS],
        fandoms=[XSS],
        warnings=[XSS],
        relationship_tags=[RelationshipTag(tag=XSS, characters=[], kind="romantic")],
        character_tags=[XSS],
        freeform_tags=[XSS],
        language='en"><script>alert(3)</script>',
        source_url="javascript:alert(4)",
        disclaimer=XSS,
    )
    analysis = make([f"He said “{XSS}” loudly.", XSS], work=work, names=[XSS, "Ben"])
    para = analysis.chapters[0].paragraphs[0]
    start = para.index("“") + 1
    analysis.mentions = [
        Mention(
            chapter=1,
            paragraph=1,
            start=0,
            end=8,
            id=0,
            text="<script>",
            kind="name",
            character="c1",
            confidence=1.0,
        )
    ]
    analysis.quotes = [
        quote(analysis.chapters[0].paragraphs, 0, [(0, para[start : para.index("”")])], "c1", ["c2"])
    ]
    page = render_html(analysis)
    doc = parse(page)
    assert len(doc.cssselect("script")) == 1  # ours
    assert "alert" not in doc.cssselect("script")[0].text_content()
    assert not doc.cssselect("img")
    assert not [el for el in doc.iter() if any(k.startswith("on") for k in el.attrib)]
    assert doc.get("lang") == 'en"><script>alert(3)</script>'
    assert doc.cssselect("h1")[0].text_content() == XSS
    assert [p.text_content() for p in paragraphs_of(doc)] == analysis.chapters[0].paragraphs
    assert doc.cssselect(".q")[0].get("data-speaker") == XSS
    assert not [a for a in doc.cssselect("a") if "javascript" in (a.get("href") or "")]
    assert "javascript:alert(4)" in doc.get_element_by_id("about").text_content()
    assert page.count("<script>alert(1)") == 0


def test_no_outside_resources_but_the_source_link(make: Callable[..., Analysis]) -> None:
    url = "https://archiveofourown.org/works/1"
    page = render_html(make(work=WorkMeta(title="T", source_url=url)))
    doc = parse(page)
    refs = [(el.tag, attr, el.get(attr, "")) for el in doc.iter() for attr in ("src", "href") if el.get(attr)]
    outside = [r for r in refs if re.match(r"\s*(https?:)?//", r[2])]
    assert outside == [("a", "href", url)]
    assert not doc.cssselect("link[rel=stylesheet], script[src], img, iframe, object, embed")
    assert "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page


def test_empty_analysis_renders(make: Callable[..., Analysis]) -> None:
    analysis = make([], work=WorkMeta(), names=[])
    analysis.chapters = []
    doc = parse(render_html(analysis))
    assert doc.cssselect("h1")[0].text_content() == "Untitled"
    assert not doc.cssselect("svg.graph") and not doc.cssselect("svg.presence")
    assert "No characters were found." in doc.text_content()


def test_one_character_no_quotes(make: Callable[..., Analysis]) -> None:
    analysis = make(["Anna walked alone."], names=["Anna"])
    analysis.mentions = [
        Mention(
            chapter=1,
            paragraph=0,
            start=0,
            end=4,
            id=0,
            text="Anna",
            kind="name",
            character="c1",
            confidence=1.0,
        )
    ]
    doc = parse(render_html(analysis))
    assert len(doc.cssselect("svg.graph .node")) == 1
    assert not doc.cssselect(".q")
    assert doc.cssselect(".m")[0].text_content() == "Anna"
    assert "No relationships were found" in doc.text_content()


def test_two_hundred_chapters(make: Callable[..., Analysis]) -> None:
    analysis = make(names=["Anna", "Ben"])
    analysis.chapters = [Chapter(number=n, paragraphs=[f"Anna in chapter {n}."]) for n in range(1, 201)]
    analysis.characters = [
        Character(id="c1", name="Anna", status="present", mentions=200, chapters=list(range(1, 201))),
        Character(id="c2", name="Ben", status="mentioned", mentions=1, chapters=[7]),
    ]
    analysis.mentions = [
        Mention(
            chapter=n,
            paragraph=0,
            start=0,
            end=4,
            id=n,
            text="Anna",
            kind="name",
            character="c1",
            confidence=1.0,
        )
        for n in range(1, 201)
    ]
    analysis.quotes, analysis.relationships, analysis.facts = [], [], []
    doc = parse(render_html(analysis))
    assert len(doc.cssselect("article.chapter")) == 200
    assert len(doc.cssselect("svg.presence rect")) == 2 * 200
    ticks = doc.cssselect("svg.presence > text.count")
    assert 5 <= len(ticks) <= 40  # labelled every few chapters, not all 200
    assert doc.cssselect("#presence h2")[0].text_content() == "Presence by chapter"


def test_bad_offsets_are_dropped_and_text_kept() -> None:
    analysis = build()
    analysis.mentions.append(
        Mention(
            chapter=1,
            paragraph=0,
            start=40,
            end=400,
            id=99,
            text="x",
            kind="name",
            character="c1",
            confidence=1.0,
        )
    )
    analysis.mentions.append(
        Mention(
            chapter=9,
            paragraph=0,
            start=0,
            end=4,
            id=98,
            text="x",
            kind="name",
            character="c1",
            confidence=1.0,
        )
    )
    doc = parse(render_html(analysis))
    assert [p.text_content() for p in paragraphs_of(doc)] == analysis.chapters[0].paragraphs


@pytest.mark.parametrize(
    ("quote_span", "mention_span"),
    [((5, 15), (0, 8)), ((5, 15), (12, 20)), ((5, 15), (5, 15)), ((5, 15), (0, 20))],
)
def test_mentions_across_quote_edges_split_cleanly(
    quote_span: tuple[int, int], mention_span: tuple[int, int]
) -> None:
    from ficlens.model import Quote

    text = "abcdefghijklmnopqrstuvwxyz"
    q = Quote(chapter=1, paragraph=0, start=quote_span[0], end=quote_span[1], id=0, text="", speaker="c1")
    m = Mention(
        chapter=1,
        paragraph=0,
        start=mention_span[0],
        end=mention_span[1],
        id=0,
        text="",
        kind="name",
        character="c1",
        confidence=1.0,
    )
    segments = ParagraphSplitter([q], [m]).split(1, 0, text)
    assert "".join(s.text for s in segments) == text
    quoted = [s for s in segments if s.quote is q]
    assert len(quoted) == 1 and quoted[0].text == text[slice(*quote_span)]
    assert "".join(p.text for s in segments for p in s.pieces if p.mention is m) == text[slice(*mention_span)]


def test_adjacent_parts_stay_separate() -> None:
    from ficlens.model import Location, Quote

    parts = [
        Location(chapter=1, paragraph=0, start=0, end=3),
        Location(chapter=1, paragraph=0, start=3, end=6),
    ]
    q = Quote(chapter=1, paragraph=0, start=0, end=6, id=0, text="", parts=parts)
    segments = ParagraphSplitter([q], []).split(1, 0, "abcdefgh")
    assert [(s.text, s.quote is q) for s in segments] == [("abc", True), ("def", True), ("gh", False)]
