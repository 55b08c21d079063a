"""AO3 work pages saved from a browser: the real pages in ../shared and synthetic site pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest import ao3_html, ao3_workpage, read_story
from ficlens.ingest.raw import RawInput, read_input
from ficlens.model import Story


@pytest.fixture(scope="module")
def pages(shared: Path) -> Path:
    path = shared / "data" / "fics" / "ao3_workpage"
    if not path.is_dir():
        pytest.skip("the AO3 work pages are not present")
    return path


def _ingest(path: Path) -> Story:
    source, story = read_story(read_input(path))
    assert source.format == "ao3-workpage"
    return story


def _read(html: str) -> Story:
    source, story = read_story(RawInput(data=html.encode("utf-8"), name="page.html", extension=".html"))
    assert source.format == "ao3-workpage"
    return story


# ---------------------------------------------------------------- real pages


def test_so_i_open_the_window(pages: Path) -> None:
    story = _ingest(pages / "ao3_work_so_i_open_the_window.html")
    w = story.work
    assert w.title == "so I open the window to hear sounds of people"
    assert w.authors == ["oriflamme"]
    assert w.work_id == "41822007"
    assert w.source_url == "https://archiveofourown.org/works/41822007"
    assert w.fandoms == ["The Locked Tomb Series | Gideon the Ninth Series - Tamsyn Muir"]
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Teen And Up Audiences",) * 2
    assert w.warnings == ["No Archive Warnings Apply"]
    assert w.categories == ["Gen"]
    assert w.relationship_tags == []
    assert len(w.character_tags) == 4 and all(" | " in c or "(" in c for c in w.character_tags)
    assert "John Gaius | Necrolord Prime" in w.character_tags
    assert len(w.freeform_tags) == 9
    assert any("/" in t for t in w.freeform_tags)  # a slash in a freeform tag is not a relationship
    assert w.language == "English"
    assert [(s.name, s.position) for s in w.series] == [("it's about the bones 👌", 3)]
    assert (w.published, w.updated, w.words) == ("2022-09-20", None, 5688)
    assert (w.chapters_posted, w.chapters_expected, w.status) == (1, 1, "complete")
    assert (w.stats.comments, w.stats.kudos, w.stats.bookmarks, w.stats.hits) == (88, 671, 192, 4370)
    assert w.summary
    # the beginning "Notes" module only points to the end notes; the end notes are one note
    assert [n.position for n in w.notes] == ["after"]
    assert len(story.chapters) == 1 and story.chapters[0].title is None
    body = story.chapters[0].paragraphs
    assert "Work Text:" not in body and not any(p == "---" for p in body)
    assert story.chapters[0].scene_breaks
    assert w.notes[0].text not in body
    assert story.chapters[0].words == pytest.approx(5688, abs=60)


def test_being_an_account_of_an_abduction(pages: Path) -> None:
    story = _ingest(pages / "ao3_work_being_an_account_of_an_abduction.html")
    w = story.work
    assert w.title == "Being An Account of An Abduction, and Its Aftermath"
    assert w.authors == ["lilithqueen"]
    assert w.work_id == "66326125"
    assert w.fandoms == ["Final Fantasy XIV"]
    assert w.rating is not None and w.rating.ao3 == "General Audiences"
    assert w.warnings == ["No Archive Warnings Apply"]
    assert w.categories == ["M/M"]
    assert [(r.tag, r.characters, r.kind) for r in w.relationship_tags] == [
        (
            "Honoroit Banlardois/Emmanellain de Fortemps",
            ["Honoroit Banlardois", "Emmanellain de Fortemps"],
            "romantic",
        )
    ]
    assert w.character_tags == ["Emmanellain de Fortemps", "Honoroit Banlardois"]
    assert w.freeform_tags == [
        "Kidnapping",
        "Getting Together",
        "First Kiss",
        "Age Difference",
        "Mistaken Identity",
    ]
    assert w.language == "English"
    assert (w.published, w.words, w.chapters_posted, w.chapters_expected) == ("2025-06-09", 4712, 1, 1)
    assert w.status == "complete"
    assert w.dedicated_to == ["nianeyna"]  # "For nianeyna." gift line
    assert w.summary and [n.position for n in w.notes] == ["after"]
    body = story.chapters[0].paragraphs
    # curly quotes and apostrophes as in the source
    assert body[0].startswith("“") and body[0].endswith("”")
    assert sum("’" in p for p in body) > 20


def test_freedom_found_in_love_2020_markup(pages: Path) -> None:
    story = _ingest(pages / "ao3_work_2020_freedom_found_in_love.html")
    w = story.work
    assert w.title == "Freedom Found in Love"
    assert w.authors == ["babyvfan"]
    assert w.work_id == "24949579"
    assert w.fandoms == ["Harry Potter - J. K. Rowling"]
    assert w.rating is not None and w.rating.ao3 == "Mature"
    assert w.warnings == ["Creator Chose Not To Use Archive Warnings"]
    assert w.categories == ["M/M"]
    assert [r.characters for r in w.relationship_tags] == [["Draco Malfoy", "Harry Potter"]]
    assert len(w.character_tags) == 6
    assert len(w.freeform_tags) == 12
    assert "Implied/Referenced Child Abuse" in w.freeform_tags
    assert w.words == 9543
    assert (w.published, w.chapters_posted, w.chapters_expected, w.status) == ("2020-06-27", 1, 1, "complete")
    assert w.stats.hits == 13
    assert (w.stats.kudos, w.stats.comments, w.stats.bookmarks) == (None, None, None)
    assert w.summary
    assert [n.position for n in w.notes] == ["before"]
    assert "Inspired by" not in w.notes[0].text
    assert w.dedicated_to == ["Sensiblytainted"]
    assert len(story.chapters) == 1 and len(story.chapters[0].paragraphs) > 100


def test_through_your_silver_eyes_full_work(pages: Path) -> None:
    story = _ingest(pages / "ao3_work_2020_through_your_silver_eyes_fullwork.html")
    w = story.work
    assert w.title == "Through Your Silver Eyes"
    assert w.authors == ["Amora0819"]
    assert w.work_id == "24861814"
    assert w.rating is not None and w.rating.ao3 == "Mature"
    assert w.warnings == ["Graphic Depictions Of Violence", "Rape/Non-Con"]
    assert len(w.relationship_tags) == 3
    assert all(r.kind == "romantic" for r in w.relationship_tags)
    assert w.relationship_tags[2].characters == ["Draco Malfoy", "Original Male Character(s)"]
    assert len(w.character_tags) == 5
    assert len(w.freeform_tags) == 15
    assert "Hurt/Comfort" in w.freeform_tags
    assert (w.published, w.updated) == ("2020-06-22", "2020-06-27")
    assert (w.words, w.chapters_posted, w.chapters_expected, w.status) == (43609, 20, 20, "complete")
    assert (w.stats.comments, w.stats.kudos, w.stats.bookmarks, w.stats.hits) == (2, 30, 3, 998)
    assert w.summary and w.notes == []

    chapters = story.chapters
    assert [c.number for c in chapters] == list(range(1, 21))
    assert chapters[0].title == "I will find you again"
    assert chapters[19].title == "All the hurt cast upon him...."
    assert all(c.title for c in chapters)
    # 8 chapter summaries + 18 chapter notes modules + 3 chapter end notes
    assert sum(len(c.notes) for c in chapters) == 29
    assert all(n.position == "chapter" and n.chapter == c.number for c in chapters for n in c.notes)
    body = [p for c in chapters for p in c.paragraphs]
    assert "Chapter Text" not in body
    assert not any(p.startswith("(See the end of the chapter") for p in body)
    for note in (n.text for c in chapters for n in c.notes):
        assert note not in body


def test_404_page_is_refused(pages: Path) -> None:
    with pytest.raises(InputError, match="no story on it") as info:
        read_story(read_input(pages / "ao3_404_deleted_work.html"))
    assert "404" in str(info.value)


# ---------------------------------------------------------------- synthetic pages

SITE_TOP = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>
<title>{title} [Archive of Our Own]</title></head>
<body class="logged-out"><div id="outer" class="wrapper">
<ul id="skiplinks"><li><a href="#main">Main Content</a></li></ul>
<header id="header" class="region"><h1 class="heading"><a href="/"><span>Archive of Our Own</span></a></h1>
<nav><ul class="primary navigation actions"><li><a href="/menu/fandoms">Fandoms</a></li></ul></nav></header>
<div id="inner" class="wrapper"><div id="main" class="{main_class} region" role="main">
"""
SITE_BOTTOM = """</div></div><div id="footer" role="contentinfo" class="region">
<h3 class="landmark heading">Footer</h3><ul class="navigation actions"><li><a href="/tos">Terms</a></li></ul>
</div></div></body></html>"""

WORK_META = """
<ul class="work navigation actions"><li class="download"><ul class="expandable secondary">
<li><a href="/downloads/777/Ember.epub?updated_at=1">EPUB</a></li></ul></li></ul>
<div class="wrapper"><dl class="work meta group">
  <dt class="rating tags">Rating:</dt>
  <dd class="rating tags">
    <ul class="commas"><li><a class="tag" href="/tags/Explicit/works">Explicit</a></li></ul></dd>
  <dt class="warning tags">Archive Warning:</dt>
  <dd class="warning tags">
    <ul class="commas"><li><a class="tag" href="#">No Archive Warnings Apply</a></li></ul></dd>
  <dt class="category tags">Categories:</dt>
  <dd class="category tags"><ul class="commas"><li><a class="tag" href="#">Gen</a></li><li><a class="tag"
      href="#">Multi</a></li></ul></dd>
  <dt class="fandom tags">Fandom:</dt>
  <dd class="fandom tags"><ul class="commas"><li><a class="tag" href="#">Original Work</a></li></ul></dd>
  <dt class="relationship tags">Relationship:</dt>
  <dd class="relationship tags">
    <ul class="commas"><li><a class="tag" href="#">Ash &amp; Ember</a></li></ul></dd>
  <dt class="character tags">Characters:</dt>
  <dd class="character tags"><ul class="commas"><li><a class="tag" href="#">Ash</a></li><li><a class="tag"
      href="#">Ember</a></li></ul></dd>
  <dt class="freeform tags">Additional Tags:</dt>
  <dd class="freeform tags"><ul class="commas"><li><a class="tag" href="#">Found Family</a></li></ul></dd>
  <dt class="language">Language:</dt><dd class="language" lang="en">English</dd>
  <dt class="stats">Stats:</dt>
  <dd class="stats"><dl class="stats">
    <dt class="published">Published:</dt><dd class="published">2021-05-01</dd>
    <dt class="status">{status_label}:</dt><dd class="status">2021-06-01</dd><dt class="words">Words:</dt>
    <dd class="words">12,345</dd><dt class="chapters">Chapters:</dt><dd class="chapters">{chapters}</dd>
    <dt class="kudos">Kudos:</dt><dd class="kudos">1,001</dd><dt class="hits">Hits:</dt>
    <dd class="hits">20,000</dd></dl></dd>
</dl></div>
"""

WORK_PREFACE = """<div id="workskin"><div class="preface group">
  <h2 class="title heading">Ember</h2>
  <h3 class="byline heading"><a rel="author" href="/users/quill/pseuds/quill">quill</a></h3>
  <div class="summary module"><h3 class="heading">Summary:</h3>
    <blockquote class="userstuff"><p>A fire.</p></blockquote></div>
  <div class="notes module"><h3 class="heading">Notes:</h3>
    <ul class="associations"><li>For <a href="/users/friend/gifts">friend</a>.</li></ul>
    <blockquote class="userstuff"><p>Hello.</p></blockquote>
    <p class="jump">(See the end of the work for <a href="#work_endnotes">more notes</a>.)</p></div>
</div>
"""

FULL_WORK = """<div id="chapters" role="article">
<div class="chapter" id="chapter-1">
  <div class="chapter preface group" role="complementary">
    <h3 class="title"><a href="/works/777/chapters/1">Chapter 1</a>: Sparks</h3>
    <div id="summary" class="summary module"><h3 class="heading">Summary:</h3>
      <blockquote class="userstuff"><p>Chapter one summary.</p></blockquote></div>
    <div id="notes" class="notes module"><h3 class="heading">Notes:</h3>
      <blockquote class="userstuff"><p>Chapter one notes.</p></blockquote>
      <p>(See the end of the chapter for <a href="#chapter_1_endnotes">more notes</a>.)</p></div>
  </div>
  <div class="userstuff module" role="article"><h3 class="landmark heading" id="work">Chapter Text</h3>
    <p>“Ash?” she asked.</p><p>He didn’t turn.</p><hr/><p>Later.</p></div>
  <div class="chapter preface group"><div class="end notes module" id="chapter_1_endnotes">
    <h3 class="heading">Notes:</h3>
    <blockquote class="userstuff"><p>Chapter one end notes.</p></blockquote></div></div>
</div>
<div class="chapter" id="chapter-2">
  <div class="chapter preface group">
    <h3 class="title"><a href="/works/777/chapters/2">Chapter 2</a></h3></div>
  <div class="userstuff module" role="article"><h3 class="landmark heading">Chapter Text</h3>
    <p>Second.</p></div>
</div>
</div>
<div class="afterword preface group"><div id="work_endnotes" class="end notes module">
  <h3 class="heading">Notes:</h3><blockquote class="userstuff"><p>Goodbye.</p></blockquote></div></div>
</div>
"""


def _page(body: str, main_class: str = "works-show", title: str = "Ember - quill - Original Work") -> str:
    return SITE_TOP.format(title=title, main_class=main_class) + body + SITE_BOTTOM


def test_synthetic_full_work_page() -> None:
    html = _page(WORK_META.format(status_label="Completed", chapters="2/2") + WORK_PREFACE + FULL_WORK)
    story = _read(html)
    w = story.work
    assert (w.title, w.authors, w.work_id) == ("Ember", ["quill"], "777")
    assert w.source_url == "https://archiveofourown.org/works/777"
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Explicit", "Explicit")
    assert w.categories == ["Gen", "Multi"]
    assert [(r.characters, r.kind) for r in w.relationship_tags] == [(["Ash", "Ember"], "platonic")]
    assert (w.published, w.updated, w.status) == ("2021-05-01", "2021-06-01", "complete")
    assert (w.words, w.chapters_posted, w.chapters_expected) == (12345, 2, 2)
    assert (w.stats.kudos, w.stats.hits, w.stats.comments) == (1001, 20000, None)
    assert w.summary == "A fire."
    assert [(n.position, n.text) for n in w.notes] == [("before", "Hello."), ("after", "Goodbye.")]
    assert w.dedicated_to == ["friend"]
    one, two = story.chapters
    assert (one.number, one.title, two.number, two.title) == (1, "Sparks", 2, None)
    assert one.paragraphs == ["“Ash?” she asked.", "He didn’t turn.", "Later."]
    assert one.scene_breaks == [2]
    assert [n.text for n in one.notes] == [
        "Chapter one summary.",
        "Chapter one notes.",
        "Chapter one end notes.",
    ]
    assert two.paragraphs == ["Second."] and two.notes == []


def test_synthetic_single_chapter_view_keeps_its_number() -> None:
    chapter_three = FULL_WORK.replace('id="chapter-1"', 'id="chapter-3"').replace(
        '<div class="chapter" id="chapter-2">', '<div class="chapter" id="other">'
    )
    html = _page(WORK_META.format(status_label="Updated", chapters="3/?") + WORK_PREFACE + chapter_three)
    story = _read(html)
    assert story.work.status == "in-progress"
    assert (story.work.chapters_posted, story.work.chapters_expected) == (3, None)
    assert story.work.updated == "2021-06-01"
    assert [c.number for c in story.chapters] == [3]
    assert story.chapters[0].notes[0].chapter == 3


ADULT_NOTICE = """<div class="flash"></div><h2 class="landmark heading">Adult Content Warning</h2>
<p class="caution">This work could have adult content. If you continue, you have agreed that
you are willing to see such content.</p>
<ul class="actions"><li><a href="/works/777?view_adult=true">Yes, Continue</a></li>
<li><a href="/">No, Go Back</a></li></ul>
<ol class="work index group"><li id="work_777" class="work blurb group" role="article">
<div class="header module"><h4 class="heading"><a href="/works/777">Ember</a> by
<a rel="author" href="/users/quill/pseuds/quill">quill</a></h4></div>
<blockquote class="userstuff summary"><p>A fire.</p></blockquote>
<dl class="stats"><dt class="words">Words:</dt><dd class="words">12,345</dd></dl></li></ol>"""

LOGIN_WALL = """<div class="flash error">Sorry, you don't have permission to access the page you were trying
to reach. Please log in.</div><h2 class="heading">Log In</h2>
<form action="/users/login"><dl><dt>Username or email:</dt><dd><input name="user[login]"/></dd></dl></form>"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (ADULT_NOTICE, "Adult Content Warning: This work could have adult content"),
        (LOGIN_WALL, "Please log in"),
    ],
    ids=["adult-content", "login-wall"],
)
def test_site_pages_without_a_work_are_refused(body: str, expected: str) -> None:
    html = _page(body, main_class="works-show", title="Mystery Work")
    raw = RawInput(data=html.encode(), name="page.html", extension=".html")
    assert ao3_workpage.sniff(raw) and not ao3_html.sniff(raw)
    with pytest.raises(InputError, match="no story on it") as info:
        read_story(raw)
    assert expected in str(info.value)
