"""AO3 "Download → HTML" reader: the real downloads in ../shared and small synthetic downloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest import ao3_html, ao3_workpage, read_story
from ficlens.ingest.raw import RawInput, read_input
from ficlens.model import Story


@pytest.fixture(scope="module")
def ao3_dir(shared: Path) -> Path:
    path = shared / "data" / "fics" / "ao3_html"
    if not path.is_dir():
        pytest.skip("the AO3 HTML downloads are not present")
    return path


@pytest.fixture(scope="module")
def fire(ao3_dir: Path) -> Story:
    source, story = read_story(read_input(ao3_dir / "ao3_218676_fire_and_feather.html"))
    assert source.format == "ao3-html"
    return story


@pytest.fixture(scope="module")
def wrist(ao3_dir: Path) -> Story:
    source, story = read_story(read_input(ao3_dir / "ao3_334557_the_world_on_his_wrist.html"))
    assert source.format == "ao3-html"
    return story


def _read(html: str, name: str = "work.html") -> tuple[str, Story]:
    source, story = read_story(RawInput(data=html.encode("utf-8"), name=name, extension=".html"))
    return source.format, story


# ---------------------------------------------------------------- real downloads


def test_fire_and_feather_metadata(fire: Story) -> None:
    w = fire.work
    assert w.title == "Fire and Feather"
    assert w.authors == ["nianeyna"]
    assert w.work_id == "218676"
    assert w.source_url == "https://archiveofourown.org/works/218676"
    assert w.fandoms == ["Valdemar Series - Mercedes Lackey"]
    assert w.rating is not None
    assert (w.rating.text, w.rating.ao3) == ("General Audiences", "General Audiences")
    assert w.warnings == ["No Archive Warnings Apply"]
    assert w.categories == ["Gen"]
    assert w.character_tags == ["Original Characters"]
    assert w.relationship_tags == []
    assert w.freeform_tags == []
    assert w.language == "English"
    assert w.series == []
    assert (w.published, w.updated) == ("2006-07-09", "2007-06-25")
    assert w.words == 7526
    assert (w.chapters_posted, w.chapters_expected) == (3, None)
    assert w.status == "in-progress"
    assert w.stats.kudos is None and w.stats.hits is None


def test_fire_and_feather_summary_and_notes(fire: Story) -> None:
    w = fire.work
    assert w.summary and "\n" not in w.summary  # one paragraph
    # the archive's two work notes, then the plea for reviews written into the last chapter's text
    assert [n.position for n in w.notes] == ["before", "after", "after"]
    assert "review" in w.notes[-1].text.lower()
    assert all(n.text and "See the end of the work" not in n.text for n in w.notes)
    assert "endnote" not in w.notes[0].text.lower()


def test_fire_and_feather_chapters(fire: Story) -> None:
    assert [c.title for c in fire.chapters] == ["Festival", "Riversong K'Vala", "Conversations"]
    assert [c.number for c in fire.chapters] == [1, 2, 3]
    # chapter 1 ends with a plea for reviews in its text; chapter 2 has notes and end notes, and
    # opens with replies to reviewers and ends with a plea in its text; chapter 3 only end notes
    assert [len(c.notes) for c in fire.chapters] == [1, 4, 1]
    assert not any("reviewer" in p.lower() for c in fire.chapters for p in c.paragraphs)
    assert all(n.text and "See the end of the chapter" not in n.text for c in fire.chapters for n in c.notes)
    assert all(n.position == "chapter" and n.chapter == c.number for c in fire.chapters for n in c.notes)
    # "xxx" lines are scene breaks, not paragraphs
    assert fire.chapters[0].scene_breaks == [5, 35]
    assert fire.chapters[2].scene_breaks == [39]
    assert not any(p == "xxx" for c in fire.chapters for p in c.paragraphs)


def test_notes_and_headings_are_not_paragraphs(fire: Story) -> None:
    body = [p for c in fire.chapters for p in c.paragraphs]
    notes = [n.text for n in fire.work.notes] + [n.text for c in fire.chapters for n in c.notes]
    for note in notes:
        assert note not in body
    labels = {"Summary", "Notes", "Chapter Notes", "Chapter End Notes", "End Notes", "Preface", "Afterword"}
    assert not labels & set(body)
    assert not any(p.startswith("Chapter 1:") or "See the end of the chapter" in p for p in body)
    assert fire.work.summary not in body


def test_world_on_his_wrist_metadata(wrist: Story) -> None:
    w = wrist.work
    assert w.title == "The World on His Wrist"
    assert w.authors == ["bendingsignpost"]
    assert w.work_id == "334557"
    assert w.fandoms == ["Sherlock (TV)"]
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Teen And Up Audiences",) * 2
    assert w.warnings == ["Creator Chose Not To Use Archive Warnings"]
    assert w.categories == ["F/M", "M/M"]
    assert [(r.tag, r.characters, r.kind) for r in w.relationship_tags] == [
        ("Sarah Sawyer/John Watson", ["Sarah Sawyer", "John Watson"], "romantic"),
        ("Sherlock Holmes/John Watson", ["Sherlock Holmes", "John Watson"], "romantic"),
    ]
    assert w.character_tags == [
        "Sherlock Holmes",
        "John Watson",
        "Jim Moriarty",
        "Sherlock Holmes (again)",
        "Sarah Sawyer",
    ]
    assert len(w.freeform_tags) == 6
    assert "watches 'verse" in w.freeform_tags  # &#39; decoded
    assert w.language == "English"
    assert [(s.name, s.position) for s in w.series] == [("Watches 'Verse", 1)]
    assert (w.published, w.updated) == ("2012-02-07", None)
    assert w.words == 31623
    assert (w.chapters_posted, w.chapters_expected, w.status) == (8, 8, "complete")
    assert w.notes == []
    assert w.summary


def test_world_on_his_wrist_chapters(wrist: Story) -> None:
    assert [c.title for c in wrist.chapters] == [
        "Prologue",
        None,
        "Part 2",
        "Part 3",
        "Part 4",
        "Part 5",
        "Part 6",
        "Epilogue",
    ]
    first = wrist.chapters[0]
    # one <p> holds the whole chapter: it is split at <br><br>, and runs of seven <br> are scene breaks
    assert len(first.paragraphs) == 39
    assert len(first.scene_breaks) == 7
    assert all("\n" not in p for c in wrist.chapters for p in c.paragraphs)
    body = [p for c in wrist.chapters for p in c.paragraphs]
    # the source's curly quotes and apostrophes are kept as they are
    assert any(p.startswith("“") and "”" in p for p in body)
    assert sum("’" in p for p in body) > 100
    assert not any('"' in p for p in body[:40])
    # the translation link and the "works inspired by this one" list are not story text
    assert not any("Translation into" in p or "Welcome Home" in p for p in body)
    assert wrist.work.summary not in body


def test_sniffers_tell_downloads_from_work_pages(ao3_dir: Path, shared: Path) -> None:
    download = read_input(ao3_dir / "ao3_218676_fire_and_feather.html")
    assert ao3_html.sniff(download) and not ao3_workpage.sniff(download)
    page_dir = shared / "data" / "fics" / "ao3_workpage"
    for page in sorted(page_dir.glob("*.html")):
        raw = read_input(page)
        assert ao3_workpage.sniff(raw) and not ao3_html.sniff(raw), page.name


def test_sniff_ignores_other_formats(shared: Path) -> None:
    fics = shared / "data" / "fics"
    others = [p for p in fics.rglob("*") if p.is_file() and not p.parent.name.startswith("ao3")]
    assert others
    for path in others:
        raw = read_input(path)
        assert not ao3_html.sniff(raw), path.name
        assert not ao3_workpage.sniff(raw), path.name


# ---------------------------------------------------------------- synthetic downloads

PREFACE = """<!DOCTYPE html><html><head><meta charset="utf-8"/><title>T</title></head><body>
<div id="preface">
  <h2 class="toc-heading">Preface</h2>
  <p class="message"><b>Lanterns</b><br/>
    Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at
    <a href="https://archiveofourown.org/works/4242">https://archiveofourown.org/works/4242</a>.</p>
  <div class="meta">
    <dl class="tags">
      <dt>Rating:</dt><dd><a href="https://archiveofourown.org/tags/Mature">Mature</a></dd>
      <dt>Archive Warnings:</dt><dd><a href="#">Graphic Depictions Of Violence</a>,
        <a href="#">Major Character Death</a></dd>
      <dt>Category:</dt><dd><a href="#">F/F</a></dd>
      <dt>Fandom:</dt><dd><a href="#">Fate/stay night</a></dd>
      <dt>Relationships:</dt><dd><a href="#">Rin Tohsaka/Saber</a>,
        <a href="#">Shirou Emiya &amp; Rin Tohsaka</a></dd>
      <dt>Characters:</dt><dd><a href="#">Rin Tohsaka</a>, <a href="#">Saber (Fate/stay night)</a></dd>
      <dt>Additional Tags:</dt><dd><a href="#">Angst</a>, <a href="#">it&#39;s fine</a></dd>
      <dt>Language:</dt><dd>English</dd>
      <dt>Series:</dt><dd>Part 2 of <a href="https://archiveofourown.org/series/1">Lights, Out</a>, Part 5 of
        <a href="https://archiveofourown.org/series/2">Other ✨</a></dd>
      <dt>Stats:</dt><dd>
        Published: 2020-01-02
          {status_line}
        Words: 1,234
        Chapters: {chapters}
      </dd>
    </dl>
    <h1>Lanterns</h1>
    <div class="byline">by <a rel="author" href="https://archiveofourown.org/users/a/pseuds/a">alpha</a>,
      <a rel="author" href="https://archiveofourown.org/users/b/pseuds/b">beta (bee)</a></div>
    <p>Summary</p>
    <blockquote class="userstuff"><p>Two lights.</p><p>One dark.</p></blockquote>
    <p>Notes</p>
    <blockquote class="userstuff"><p>For my sister.</p></blockquote>
    <div class="endnote-link">See the end of the work for <a href="#endnotes">more notes</a></div>
  </div>
</div>
"""

AFTERWORD = """<div id="afterword">
  <h2 class="toc-heading">Afterword</h2>
  <div class="meta"><div id="endnotes"><p>End Notes</p>
    <blockquote class="userstuff"><p>Thanks for reading!</p></blockquote></div></div>
  <p class="message">Please <a href="https://archiveofourown.org/works/4242/comments/new">drop by</a>.</p>
</div></body></html>"""

MULTI_CHAPTER = (
    PREFACE
    + """
<div id="chapters" class="userstuff">
  <div class="meta group">
    <h2 class="heading">Chapter 1: The “First” Light</h2>
    <p>Chapter Summary</p>
    <blockquote class="userstuff"><p>Rin waits.</p></blockquote>
    <p>Chapter Notes</p>
    <blockquote class="userstuff"><p>Beta'd by Sam.</p></blockquote>
    <div class="endnote-link">See the end of the chapter for <a href="#endnotes1">more notes</a></div>
  </div>
  <!--chapter content-->
  <div class="userstuff">
    <p>“It’s late,” Rin said.</p>
    <p>Saber didn’t answer.</p>
    <hr/>
    <p>Morning came.</p>
  </div>
  <!--/chapter content-->
  <div class="meta" id="endnotes1"><p>Chapter End Notes</p>
    <blockquote class="userstuff"><p>More soon.</p></blockquote></div>
  <div class="meta group"><h2 class="heading">Chapter 2</h2></div>
  <div class="userstuff"><p>Second chapter text.</p><p>* * *</p><p>After the break.</p></div>
</div>
"""
    + AFTERWORD
)


def test_synthetic_multichapter_download() -> None:
    fmt, story = _read(MULTI_CHAPTER.format(status_line="Updated: 2020-02-03", chapters="2/3"))
    assert fmt == "ao3-html"
    w = story.work
    assert w.title == "Lanterns"
    assert w.authors == ["alpha", "beta (bee)"]
    assert w.work_id == "4242"
    assert w.rating is not None and w.rating.ao3 == "Mature"
    assert w.warnings == ["Graphic Depictions Of Violence", "Major Character Death"]
    assert w.categories == ["F/F"]
    assert w.fandoms == ["Fate/stay night"]
    assert [(r.characters, r.kind) for r in w.relationship_tags] == [
        (["Rin Tohsaka", "Saber"], "romantic"),
        (["Shirou Emiya", "Rin Tohsaka"], "platonic"),
    ]
    assert w.character_tags == ["Rin Tohsaka", "Saber (Fate/stay night)"]
    assert w.freeform_tags == ["Angst", "it's fine"]
    assert [(s.name, s.position) for s in w.series] == [("Lights, Out", 2), ("Other ✨", 5)]
    assert (w.published, w.updated, w.words) == ("2020-01-02", "2020-02-03", 1234)
    assert (w.chapters_posted, w.chapters_expected, w.status) == (2, 3, "in-progress")
    assert w.summary == "Two lights.\n\nOne dark."
    assert [(n.position, n.text) for n in w.notes] == [
        ("before", "For my sister."),
        ("after", "Thanks for reading!"),
    ]
    assert w.beta_readers == ["Sam"]

    one, two = story.chapters
    assert (one.number, one.title) == (1, "The “First” Light")
    assert one.paragraphs == ["“It’s late,” Rin said.", "Saber didn’t answer.", "Morning came."]
    assert one.scene_breaks == [2]
    assert [n.text for n in one.notes] == ["Rin waits.", "Beta'd by Sam.", "More soon."]
    assert all(n.position == "chapter" and n.chapter == 1 for n in one.notes)
    assert (two.number, two.title) == (2, None)
    assert two.paragraphs == ["Second chapter text.", "After the break."]
    assert two.scene_breaks == [1]
    assert two.notes == []


def test_completed_label_means_complete_and_sets_updated() -> None:
    _, story = _read(MULTI_CHAPTER.format(status_line="Completed: 2020-03-04", chapters="2/2"))
    assert story.work.status == "complete"
    assert story.work.updated == "2020-03-04"


def test_oneshot_download_without_chapter_heading() -> None:
    html = (
        PREFACE.format(status_line="", chapters="1/1")
        + """
<div id="chapters" class="userstuff">
  <div class="userstuff"><p>Only&nbsp;chapter, with a<br/>line break.</p>
  <p>Second<br/><br/>and third.</p></div>
</div>"""
        + AFTERWORD
    )
    _, story = _read(html)
    assert len(story.chapters) == 1
    chapter = story.chapters[0]
    assert chapter.title is None
    assert chapter.paragraphs == ["Only\u00a0chapter, with a\nline break.", "Second", "and third."]
    assert story.work.status == "complete"
    assert story.work.updated is None


def test_download_without_story_text_is_refused() -> None:
    html = PREFACE.format(status_line="", chapters="1/1") + '<div id="chapters"></div>' + AFTERWORD
    with pytest.raises(InputError, match="no story text"):
        _read(html)


def test_chapter_title() -> None:
    assert ao3_html.chapter_title("Chapter 2: Riversong K'Vala") == "Riversong K'Vala"
    assert ao3_html.chapter_title("  Chapter 12  ") is None
    assert ao3_html.chapter_title("Chapter 3: Part 2") == "Part 2"
    assert ao3_html.chapter_title("Prologue") == "Prologue"
    assert ao3_html.chapter_title("") is None
