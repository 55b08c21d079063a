"""eFiction, fanficauthors.net, fanfictions.fr and Wattpad: real pages in ../shared, synthetic variants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest import (
    efiction_html,
    fanficauthors_html,
    fanfictions_fr,
    ffn_html,
    read_story,
    wattpad,
    wattpad_html,
)
from ficlens.ingest.raw import RawInput, read_input

INDEX = "is a story index page with no story text"
SITE_READERS = [ffn_html, efiction_html, fanficauthors_html, fanfictions_fr, wattpad, wattpad_html]


@pytest.fixture(scope="module")
def other(shared: Path) -> Path:
    path = shared / "data" / "fics" / "other_sites"
    if not path.is_dir():
        pytest.skip("the other_sites samples are not present")
    return path


@pytest.mark.parametrize(
    ("file", "reader"),
    [
        ("hpfanficarchive_mercenary_of_hogwarts_index.html", "efiction-html"),
        ("fanficauthors_hope_index.html", "fanficauthors-html"),
        ("fanfictionsfr_4798_brasier_annee_zero_index.html", "fanfictions-fr-html"),
        ("fanfictionsfr_4798_brasier_annee_zero_ch1.html", "fanfictions-fr-html"),
        ("wattpad_173080052_api_story.json", "wattpad-json"),
        ("wattpad_675344459_chapter3_text_fragment.html", "wattpad-html"),
    ],
)
def test_each_site_reader_claims_only_its_own_file(other: Path, file: str, reader: str) -> None:
    raw = read_input(other / file)
    assert [r.name for r in SITE_READERS if r.sniff(raw)] == [reader]


# --- eFiction (hpfanficarchive) ---------------------------------------------------------------


def test_efiction_index_metadata(other: Path) -> None:
    raw = read_input(other / "hpfanficarchive_mercenary_of_hogwarts_index.html")
    w = efiction_html.read_metadata(raw)
    assert w.title == "The Mercenary of Hogwarts"
    assert w.authors == ["DanteTheRaven"]
    assert w.work_id == "471"
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("R - Restricted", "Mature")
    assert w.character_tags == ["Daphne Greengrass", "Harry James Potter", "Nymphadora Tonks"]
    assert [(r.tag, r.characters, r.kind) for r in w.relationship_tags] == [
        ("Harry/Tonks", ["Harry", "Tonks"], "romantic")
    ]
    assert w.warnings == ["Adult Themes", "Strong Violence"]
    # eFiction categories (site-defined) and genres are freeform tags
    for tag in ["Dark or Evil > Dark Fic/Character", "Hogwarts House > Main character at Ravenclaw"]:
        assert tag in w.freeform_tags
    for genre in ["Adventure/Action", "AU", "Dark", "Drama", "Suspense"]:
        assert genre in w.freeform_tags
    assert w.freeform_tags.count("Drama") == 1
    assert w.status == "in-progress"  # "Status: WIP" and "Completed: No"
    assert (w.chapters_posted, w.words) == (3, 12184)
    assert (w.published, w.updated) == ("2011-01-13", "2012-06-24")
    assert (w.stats.hits, w.stats.reviews) == (16621, 7)
    assert w.summary and w.summary.startswith("A young Harry")


def test_efiction_index_chapter_list(other: Path) -> None:
    story = efiction_html.read_index(read_input(other / "hpfanficarchive_mercenary_of_hogwarts_index.html"))
    assert [(c.number, c.title, c.words) for c in story.chapters] == [
        (1, "Prologue: Rescue from the Infection", 2938),
        (2, "Abysmal Beginnings to the Year", 5887),
        (3, "Of Poisoning and Hogwarts", 3359),
    ]
    assert all(len(c.notes) == 1 and c.notes[0].position == "chapter" for c in story.chapters)
    assert "Disclaimer:" in story.chapters[0].notes[0].text
    assert all(not c.paragraphs for c in story.chapters)


def test_efiction_index_is_refused(other: Path) -> None:
    with pytest.raises(InputError, match=INDEX):
        read_story(read_input(other / "hpfanficarchive_mercenary_of_hogwarts_index.html"))


EFICTION_CHAPTER = """<html><head><title>Night Watch by quill</title></head><body>
<div id="pagetitle"><a href="viewstory.php?sid=12">Night Watch</a>
 by <a href="viewuser.php?uid=3">quill</a></div>
<div class="jumpmenu"><select name="chapter">
<option value="viewstory.php?sid=12&amp;chapter=1">1. One</option>
<option value="viewstory.php?sid=12&amp;chapter=2" selected>2. Two</option></select></div>
<div class="chaptertitle">Chapter 2: The Tower by quill</div>
<div class="notes"><div class="title">Author's Chapter Notes:</div>
<div class="noteinfo">Thanks, Ash.</div></div>
<div id="story"><p>“Who goes there?” the guard asked.</p><p>Nobody answered him.</p></div>
<div id="footer">Powered by eFiction</div></body></html>"""


def test_efiction_chapter_page_is_read() -> None:
    source, story = read_story(RawInput(data=EFICTION_CHAPTER.encode(), name="viewstory.html"))
    assert source.format == "efiction-html"
    assert (story.work.title, story.work.authors, story.work.work_id) == ("Night Watch", ["quill"], "12")
    chapter = story.chapters[0]
    assert (chapter.number, chapter.title) == (2, "The Tower")
    assert chapter.paragraphs == ["“Who goes there?” the guard asked.", "Nobody answered him."]
    assert [n.text for n in chapter.notes] == ["Thanks, Ash."]


# --- fanficauthors.net --------------------------------------------------------------------------


def test_fanficauthors_index(other: Path) -> None:
    raw = read_input(other / "fanficauthors_hope_index.html")
    story = fanficauthors_html.read_index(raw)
    w = story.work
    assert (w.title, w.authors) == ("Hope", ["Jeconais"])
    assert w.status == "complete"
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Teens", "Teen And Up Audiences")
    assert (w.chapters_posted, w.words) == (12, 202926)
    assert w.freeform_tags == ["Action/Adventure", "Fluff"]
    assert (w.published, w.updated) == ("2005-05-06", "2007-05-30")
    assert w.summary and w.summary.startswith("A man who is lost")
    assert w.fandoms == []  # the page names none
    assert len(story.chapters) == 12
    assert (story.chapters[0].number, story.chapters[0].title, story.chapters[0].words) == (
        1,
        "Beauxbatons",
        8940,
    )
    assert story.chapters[-1].title == "London(2)"
    with pytest.raises(InputError, match=INDEX):
        read_story(raw)


def test_fanficauthors_chapter_page() -> None:
    html = """<html><head><title>Hope</title></head><body><div class="page-header"><h2>Hope</h2>
    <h3>By Jeconais</h3></div><div class="story"><ul class="pager"><li>Next</li></ul>
    <p>The rain didn’t stop.</p><p>* * *</p><p>Morning came.</p></div>
    <footer>https://www.fanficauthors.net/</footer></body></html>"""
    source, story = read_story(RawInput(data=html.encode(), name="chapter.html"))
    assert source.format == "fanficauthors-html"
    assert (story.work.title, story.work.authors) == ("Hope", ["Jeconais"])
    assert story.chapters[0].paragraphs == ["The rain didn’t stop.", "Morning came."]
    assert story.chapters[0].scene_breaks == [1]


# --- fanfictions.fr -----------------------------------------------------------------------------


def test_fanfictions_fr_index(other: Path) -> None:
    raw = read_input(other / "fanfictionsfr_4798_brasier_annee_zero_index.html")
    story = fanfictions_fr.read_index(raw)
    w = story.work
    assert (w.title, w.authors) == ("Brasier Année Zéro", ["Code 44"])
    assert w.fandoms == ["My Little Pony : friendship is magic"]
    assert w.status == "in-progress"  # "En cours"
    assert w.freeform_tags == ["Préquelle", "Drame", "Romance"]
    assert w.language == "French"
    assert w.updated == "2015-05-21"
    assert (w.work_id, w.chapters_posted) == ("4798", 4)
    assert [(c.number, c.title, c.words) for c in story.chapters] == [
        (1, "Avant propos", 366),
        (2, "Prologue : Cendres froides", 3767),
        (3, "Première partie : Fraisil", 11989),
        (4, "Première partie : Fraisil (02)", 9841),
    ]
    assert w.words == 366 + 3767 + 11989 + 9841  # the sum of the stated chapter counts
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("T", "Teen And Up Audiences")
    with pytest.raises(InputError, match=INDEX):
        read_story(raw)


def test_fanfictions_fr_chapter_page(other: Path) -> None:
    source, story = read_story(read_input(other / "fanfictionsfr_4798_brasier_annee_zero_ch1.html"))
    assert source.format == "fanfictions-fr-html"
    w = story.work
    assert (w.title, w.authors, w.work_id) == ("Brasier Année Zéro", ["Code 44"], "4798")
    assert w.chapters_posted == 4
    assert w.rating is None  # the page shows only this chapter's rating
    assert len(story.chapters) == 1
    chapter = story.chapters[0]
    assert (chapter.number, chapter.title) == (1, "Avant propos")
    assert len(chapter.paragraphs) == 6
    assert any("’" in p for p in chapter.paragraphs)  # curly apostrophes kept
    assert not any("Signaler" in p or "Commenter" in p for p in chapter.paragraphs)


# --- Wattpad ------------------------------------------------------------------------------------


def test_wattpad_story_json(other: Path) -> None:
    raw = read_input(other / "wattpad_173080052_api_story.json")
    story = wattpad.read_index(raw)
    w = story.work
    assert w.title == "The Kids Aren't Alright"
    assert w.authors == ["bee_mcd"]
    assert w.summary and w.summary.startswith("The year is 1988")
    assert w.status == "complete"
    assert w.rating is None  # mature: false; the numeric "rating": 1 has no published meaning
    assert w.language == "English"
    assert len(w.freeform_tags) == 25
    assert w.chapters_posted == 77
    assert (w.work_id, w.words) == ("173080052", None)  # "length" counts characters
    assert (w.published, w.updated) == ("2019-01-02", "2019-11-21")
    titles = [c.title for c in story.chapters]
    assert len(titles) == 77
    assert titles[0] == "Chapter 1: Finn"
    assert not any(t and t.startswith("Chapter 33") for t in titles)
    assert titles[-1] == 'Sneak Peak of Book #2, "Kids These Days"'
    with pytest.raises(InputError, match="Wattpad story description"):
        read_story(raw)


def test_wattpad_mature_and_bad_json() -> None:
    data = json.dumps({"title": "T", "mature": True, "url": "https://www.wattpad.com/story/1", "parts": []})
    assert wattpad.read_metadata(RawInput(data=data.encode(), name="s.json")).rating is not None
    broken = b'{"url": "https://www.wattpad.com/story/1", "parts": ['
    with pytest.raises(InputError, match="not valid JSON"):
        read_story(RawInput(data=broken, name="s.json"))


def test_wattpad_chapter_fragment(other: Path) -> None:
    source, story = read_story(read_input(other / "wattpad_675344459_chapter3_text_fragment.html"))
    assert source.format == "wattpad-html"
    # the fragment carries no title, author or "Chapter 3: Ronan" heading
    assert (story.work.title, story.work.authors) == (None, [])
    chapter = story.chapters[0]
    assert chapter.title is None
    assert len(chapter.paragraphs) == 138  # 139 <p>, one of them the "***" scene break
    assert len(chapter.scene_breaks) == 1
    assert "***" not in chapter.paragraphs


def test_wattpad_fragment_synthetic() -> None:
    html = '<p data-p-id="a">“Hi,” she said.</p>\n<p data-p-id="b">***</p>\n<p data-p-id="c">Bye.</p>'
    source, story = read_story(RawInput(data=html.encode(), name="part.html"))
    assert source.format == "wattpad-html"
    assert story.chapters[0].paragraphs == ["“Hi,” she said.", "Bye."]
    assert story.chapters[0].scene_breaks == [1]
