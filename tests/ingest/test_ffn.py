"""FanFiction.net chapter pages: the three saved pages in ../shared and synthetic variants."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest import ffn_html, read_story
from ficlens.ingest.raw import RawInput, read_input
from ficlens.model import Story


@pytest.fixture(scope="module")
def ffn_dir(shared: Path) -> Path:
    path = shared / "data" / "fics" / "ffn_html"
    if not path.is_dir():
        pytest.skip("the FFN pages are not present")
    return path


def _read_file(path: Path) -> Story:
    source, story = read_story(read_input(path))
    assert source.format == "ffn-html"
    return story


@pytest.fixture(scope="module")
def naruto(ffn_dir: Path) -> Story:
    return _read_file(ffn_dir / "ffn_8508883_naruto_guardian_of_the_mist.html")


@pytest.fixture(scope="module")
def why_we_fight(ffn_dir: Path) -> Story:
    return _read_file(ffn_dir / "ffn_1832968_why_we_fight.html")


@pytest.fixture(scope="module")
def oneshot(ffn_dir: Path) -> Story:
    return _read_file(ffn_dir / "ffn_4195819_unicorns_curse_oneshot.html")


def test_naruto_metadata(naruto: Story) -> None:
    w = naruto.work
    assert w.title == "Naruto Guardian Of The Mist"
    assert w.authors == ["SSJ3 Kyuubi Gohan"]
    assert w.work_id == "8508883"
    assert w.source_url == "https://www.fanfiction.net/s/8508883/1/Naruto-Guardian-Of-The-Mist"
    assert w.fandoms == ["Naruto"]
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Fiction M", "Mature")
    assert w.language == "English"
    assert w.freeform_tags == ["Adventure", "Romance"]
    assert w.character_tags == ["Naruto U.", "Mei T.", "Ameyuri R."]
    # FFN's square brackets mark a pairing
    assert [(r.tag, r.characters, r.kind) for r in w.relationship_tags] == [
        ("Naruto U./Mei T./Ameyuri R.", ["Naruto U.", "Mei T.", "Ameyuri R."], "romantic")
    ]
    assert w.chapters_posted == 12  # the stated count, not the one chapter on the page
    assert w.words == 56452
    assert (w.stats.reviews, w.stats.favs, w.stats.follows) == (669, 3091, 3544)
    assert w.published == "2012-09-08"
    # "Updated: 5/15" has no year; the span's data-xutime (2020-05-16 03:02 UTC) gives it
    assert w.updated == "2020-05-15"
    assert w.status == "in-progress"  # no "Status: Complete"
    assert w.summary and w.summary.startswith("Banished as soon as Tsunade")


def test_naruto_chapter_and_preamble(naruto: Story) -> None:
    assert len(naruto.chapters) == 1
    chapter = naruto.chapters[0]
    assert (chapter.number, chapter.title) == (1, "Banishment")
    # the author's preamble and the "Chapter 1 – Banishment" heading are not story text
    assert chapter.notes and chapter.notes[0].position == "chapter"
    assert not any(p.startswith("Chapter 1") for p in chapter.paragraphs)
    assert not any("SSJ3 Kyuubi Gohan" in p for p in chapter.paragraphs[:3])
    assert naruto.work.disclaimer and naruto.work.disclaimer.startswith("I don't own anything")
    # "-line break-" paragraphs are scene breaks, not text
    assert chapter.scene_breaks
    assert not any(p.strip("-").lower() == "line break" for p in chapter.paragraphs)
    assert 2500 < chapter.words < 3500


def test_why_we_fight(why_we_fight: Story) -> None:
    w = why_we_fight.work
    assert w.title == "Why We fight"
    assert w.authors == ["W'rkncacnter"]  # the apostrophe is part of the pen name
    assert w.work_id == "1832968"
    assert w.fandoms == ["Harry Potter"]
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Fiction T", "Teen And Up Audiences")
    assert w.freeform_tags == ["Adventure"]
    assert w.character_tags == ["Harry P.", "Ginny W."]
    assert w.relationship_tags == []  # no brackets, no pairing
    assert (w.chapters_posted, w.words) == (8, 26346)
    assert (w.stats.reviews, w.stats.favs, w.stats.follows) == (126, 90, 81)
    assert (w.published, w.updated) == ("2004-04-23", "2005-02-05")
    chapter = why_we_fight.chapters[0]
    assert (chapter.number, chapter.title) == (1, None)  # "1. Chapter 1" is FFN's untitled placeholder
    assert w.disclaimer and w.disclaimer.lower().startswith("i do not own harry potter")
    assert not any(p.lower().startswith("i do not own") for p in chapter.paragraphs)


def test_oneshot(oneshot: Story) -> None:
    w = oneshot.work
    assert w.title == "Harry Potter and the Unicorn's Curse"
    assert w.authors == ["Really Frozen Phoenix"]
    assert w.character_tags == ["Harry P.", "Blaise Z."]
    assert w.chapters_posted == 1  # no "Chapters:" field: finish_story counts the one chapter read
    assert w.words == 4206
    assert (w.stats.reviews, w.stats.favs, w.stats.follows) == (42, 51, 99)
    assert (w.published, w.updated) == ("2008-04-13", None)
    chapter = oneshot.chapters[0]
    assert chapter.number == 1 and chapter.title == "Prologue"
    # one-shot: the preamble and the closing "AN-" are work notes; title/summary repeats are dropped
    assert [n.position for n in w.notes] == ["before", "after"]
    assert w.disclaimer and w.disclaimer.startswith("I lay no claim")
    assert chapter.paragraphs[0] != w.title
    assert not any(p.startswith(("Summary:", "Disclaimer:", "AN-")) for p in chapter.paragraphs)
    assert chapter.paragraphs[-1] != "End of Prologue"


def _page(
    grey: str,
    *,
    breadcrumb: str = '<a href="/book/">Books</a><a href="/book/Harry-Potter/">Harry Potter</a>',
    chapters: str = "",
    text: str = "<p>Story text goes here for the test.</p>",
) -> str:
    return f"""<html><head><link rel="canonical" href="//www.fanfiction.net/s/42/3/Test"></head><body>
<div id=pre_story_links><span class="lc-left">{breadcrumb}</span></div>
<div id=profile_top><b class="xcontrast_txt">Test Story</b>
<span class="xcontrast_txt">By:</span> <a class="xcontrast_txt" href="/u/1/Some-Body">Some Body</a>
<div class="xcontrast_txt">A summary.</div>
<span class="xgray xcontrast_txt">{grey}</span></div>
{chapters}
<div class="storytext xcontrast_txt nocopy" id="storytext">{text}</div></body></html>"""


def _read_page(html: str) -> Story:
    source, story = read_story(RawInput(data=html.encode(), name="ffn.html", extension=".html"))
    assert source.format == "ffn-html"
    return story


def test_crossover_genres_brackets_and_complete() -> None:
    grey = (
        'Rated: <a href="x">Fiction  K+</a> - Spanish - Hurt/Comfort/Romance - [Harry P., Draco M.] '
        "[Ron W., Hermione G.] Luna L. - Chapters: 3 - Words: 1,234 - Reviews: 5 - Favs: 6 - Follows: 7 - "
        'Updated: <span data-xutime="1700000000">11/14/2023</span> - '
        'Published: <span data-xutime="1600000000">9/13/2020</span> - Status: Complete - id: 42'
    )
    crumbs = '<a href="/crossovers/">Crossover</a><a href="/x/">Harry Potter + Naruto Crossover</a>'
    menu = (
        '<select id="chap_select"><option value="1">1. Start</option><option value="2">2. Middle</option>'
        '<option value="3" selected>3. The End Game</option></select>'
    )
    text = (
        "<p>First paragraph of the chapter, with “curly quotes” and an em dash — kept.</p><hr>"
        "<p>Second scene.</p><p>A/N: Thanks for reading!</p>"
    )
    story = _read_page(_page(grey, breadcrumb=crumbs, chapters=menu, text=text))
    w = story.work
    assert w.fandoms == ["Harry Potter", "Naruto"]
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Fiction K+", "General Audiences")
    assert w.language == "Spanish"
    assert w.freeform_tags == ["Hurt/Comfort", "Romance"]
    assert [r.tag for r in w.relationship_tags] == ["Harry P./Draco M.", "Ron W./Hermione G."]
    assert w.character_tags == ["Harry P.", "Draco M.", "Ron W.", "Hermione G.", "Luna L."]
    assert (w.status, w.chapters_posted, w.words, w.work_id) == ("complete", 3, 1234, "42")
    assert (w.published, w.updated) == ("2020-09-13", "2023-11-14")
    chapter = story.chapters[0]
    assert (chapter.number, chapter.title) == (3, "The End Game")
    assert chapter.paragraphs == [
        "First paragraph of the chapter, with “curly quotes” and an em dash — kept.",
        "Second scene.",
    ]
    assert chapter.scene_breaks == [1]
    assert [n.text for n in chapter.notes] == ["Thanks for reading!"]


def test_year_less_date_without_timestamp_stays_null() -> None:
    grey = "Rated: Fiction T - English - Words: 900 - Updated: 5/15 - Published: 1/2/2019 - id: 42"
    w = _read_page(_page(grey)).work
    assert (w.updated, w.published) == (None, "2019-01-02")


def test_ffn_date_rules() -> None:
    stamp = int(datetime(2021, 1, 1, 3, 0, tzinfo=UTC).timestamp())
    assert ffn_html.ffn_date("12/31", stamp) == "2020-12-31"  # the nearest 12/31 to the timestamp
    assert ffn_html.ffn_date("5/15", 1589598153) == "2020-05-15"
    assert ffn_html.ffn_date("5/15", None) is None
    assert ffn_html.ffn_date("9/8/2012", None) == "2012-09-08"
    assert ffn_html.ffn_date("14h ago", 1589598153) == "2020-05-16"


def test_page_without_story_text_is_refused() -> None:
    html = _page("Rated: Fiction T - English - Words: 9 - id: 42").replace('id="storytext"', 'id="other"')
    with pytest.raises(InputError, match="without story text"):
        read_story(RawInput(data=html.encode(), name="ffn.html"))


def test_metadata_without_text(ffn_dir: Path) -> None:
    work = ffn_html.read_metadata(read_input(ffn_dir / "ffn_1832968_why_we_fight.html"))
    assert (work.title, work.chapters_posted) == ("Why We fight", 8)
