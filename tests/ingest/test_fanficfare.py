"""FanFicFare output readers: txt, html and epub of the same story, plus synthetic variants."""

from __future__ import annotations

import io
import textwrap
import zipfile
from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest import RawInput, fanficfare_epub, fanficfare_html, fanficfare_txt, read_story
from ficlens.ingest.fanficfare import work_id_from_url
from ficlens.ingest.fanficfare_txt import clean_markdown, join_wrapped
from ficlens.model import Story

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FORMATS = ("txt", "html", "epub")
TITLES = [
    "Prologue tests:[bare amp(&) qt(') amp(&) gt(>) lt(<) ATnT(AT&T) L(£) Onna(女)]",
    "Chapter 1, Xenos on Cinnabar",
    "Chapter 2, Sinmay on Kintikin",
    'Chapter 3, "Over" Cinnabar',
    "Chapter 4 & 4.5",
    "Chapter 5 < 5.4",
    "Chapter A & B < C > D",
    "Chapter 7",
    "Chapter 8",
]


@pytest.fixture(scope="module")
def fff_dir() -> Path:
    folder = SHARED / "data" / "fics" / "fanficfare_generated"
    if not folder.is_dir():
        pytest.skip("../shared FanFicFare samples are not present")
    return folder


@pytest.fixture(scope="module")
def samples(fff_dir: Path) -> dict[str, tuple[str, Story]]:
    out = {}
    for ext in FORMATS:
        path = fff_dir / f"fff_test1_sid2.{ext}"
        source, story = read_story(RawInput(path.read_bytes(), str(path), f".{ext}"))
        out[ext] = (source.format, story)
    return out


def read(data: bytes | str, name: str = "story.txt") -> tuple[str, Story]:
    raw = RawInput(data.encode() if isinstance(data, str) else data, name, Path(name).suffix)
    source, story = read_story(raw)
    return source.format, story


# --- the real FanFicFare files ------------------------------------------------------------------


@pytest.mark.parametrize("ext", FORMATS)
def test_sample_is_detected_by_content(samples: dict[str, tuple[str, Story]], ext: str) -> None:
    assert samples[ext][0] == f"fanficfare-{ext}"


@pytest.mark.parametrize("ext", FORMATS)
def test_sample_metadata_exactly(samples: dict[str, tuple[str, Story]], ext: str) -> None:
    w = samples[ext][1].work
    assert w.title == "Test Story Title 2"
    assert w.authors == ["Test Author aa"]
    assert [(s.name, s.position) for s in w.series] == [("The Great Test", 2)]
    assert w.fandoms == [
        "Furbie",
        "Harry Potter",
        "Magical Girl Lyrical Nanoha",
        "Once Upon a Time (TV)",
        "Puella Magi Madoka Magica/魔法少女まどか★マギカ",
    ]
    assert w.freeform_tags == ["Comedy", "Fantasy", "Noir", "Sci-Fi"]
    assert w.character_tags == ["Bob Smith", "Fred Smythe", "George Johnson"]
    assert [(r.tag, r.characters, r.kind) for r in w.relationship_tags] == [
        ("Harry Potter & Hermione Granger", ["Harry Potter", "Hermione Granger"], "platonic"),
        ("Harry Potter/Ginny Weasley", ["Harry Potter", "Ginny Weasley"], "romantic"),
        (
            "Harry Potter/Ginny Weasley/Albus Dumbledore",
            ["Harry Potter", "Ginny Weasley", "Albus Dumbledore"],
            "romantic",
        ),
    ]
    assert w.status == "complete"
    assert (w.published, w.updated) == ("1975-03-15", "1975-04-15")
    assert w.rating is not None and (w.rating.text, w.rating.ao3) == ("Tweenie", None)
    assert w.warnings == ["Swearing", "Violence"]
    assert (w.chapters_posted, w.chapters_expected, w.words) == (9, None, 123456)
    assert w.source_url == "http://test1.com?sid=2"
    assert w.work_id is None  # not an AO3 or FFN address
    assert w.language is None  # no Language entry (the EPUB's dc:language "en" is FanFicFare's default)
    assert w.categories == [] and w.notes == []
    assert w.summary == (
        "Description tests:[bare amp(&) qt(') amp(&) gt(>) lt(<) ATnT(AT&T) L(£) Onna(女)] Done\n\n"
        'Some more longer description. "I suck at summaries!" "Better than it sounds!" A span! "My first fic"'
    )


@pytest.mark.parametrize("ext", FORMATS)
def test_sample_chapters(samples: dict[str, tuple[str, Story]], ext: str) -> None:
    chapters = samples[ext][1].chapters
    assert [c.title for c in chapters] == TITLES
    assert [c.number for c in chapters] == list(range(1, 10))
    body = [p for c in chapters for p in c.paragraphs]
    assert not any(p.startswith(("TABLE OF CONTENTS", "Table of Contents", "End file", "#")) for p in body)
    assert not any(p in TITLES or p == "Chapter title from site" for p in body)  # headings are not body
    first = chapters[0].paragraphs
    assert first[0] == (
        "This is a fake adapter for testing purposes. Different sid's will give different errors:"
    )
    assert first[1] == "sid>=1000 will use custom test story data from your configuration(personal.ini)"
    one = chapters[1]
    assert one.paragraphs[0] == "chapter URL:http://test1.com?sid=2&chapter=2"
    assert one.paragraphs[2].startswith(
        "Lorem tests:[bare amp(&) qt(') amp(&) gt(>) lt(<) ATnT(AT&T) L(£) Onna(女)] "
        "italics, bold, underline, Strike through consectetur adipisicing elit"
    )
    assert one.paragraphs[4] == (
        "Puella Magi Madoka Magica/魔法少女まどか★マギカ img goes here when sid=92\nbr breaks"
    )
    assert one.paragraphs[5] == "Don't—e;ver—d;o—that—a;gain, 法 é"
    assert one.paragraphs[6] == "horizontal rules"
    # <hr> before and after "horizontal rules", and nine <br> in a row before the last paragraph
    assert one.scene_breaks == [6, 7, 9]
    assert len(one.paragraphs) == 10


def _normalized(story: Story) -> list[list[str]]:
    """Paragraph texts, whitespace collapsed, without the test adapter's "Timestamp:" lines: FanFicFare's
    test site stamps the download time into each chapter and the three files were made seconds apart."""
    return [
        [" ".join(p.split()) for p in c.paragraphs if not p.startswith("Timestamp:")] for c in story.chapters
    ]


def test_same_story_in_all_three_formats(samples: dict[str, tuple[str, Story]]) -> None:
    txt, html, epub = (samples[ext][1] for ext in FORMATS)
    assert txt.work == html.work == epub.work
    for other in (html, epub):
        assert [c.title for c in other.chapters] == [c.title for c in txt.chapters]
        assert [c.scene_breaks for c in other.chapters] == [c.scene_breaks for c in txt.chapters]
        assert [c.words for c in other.chapters] == [c.words for c in txt.chapters]
        assert _normalized(other) == _normalized(txt)
    # even without normalising, the paragraphs are identical character for character
    assert [p for c in txt.chapters for p in c.paragraphs if not p.startswith("Timestamp:")] == [
        p for c in html.chapters for p in c.paragraphs if not p.startswith("Timestamp:")
    ]


def test_other_samples_are_not_claimed(fff_dir: Path) -> None:
    fics = fff_dir.parent
    others = [p for p in fics.rglob("*") if p.is_file() and p.parent != fff_dir and p.suffix != ".md"]
    assert others
    for path in others:
        raw = RawInput(path.read_bytes(), str(path), path.suffix)
        assert not fanficfare_txt.sniff(raw), path
        assert not fanficfare_html.sniff(raw), path
        assert not fanficfare_epub.sniff(raw), path


# --- synthetic FanFicFare txt, written the way writer_txt.py writes it --------------------------


def fff_txt(
    entries: list[tuple[str, str]],
    chapters: list[tuple[str, str]],
    *,
    title: str = "A Quiet Harbour",
    author: str = "tidewriter",
    eol: str = "\r\n",
) -> str:
    """FanFicFare's txt layout: title block, wrapped title page, TOC (2+ chapters), TAB-indented
    chapter titles, html2text chapter bodies, "End file."."""

    def wrap(text: str) -> str:
        return "\n".join("\n".join(textwrap.wrap(p, 78)) for p in text.split("\n")) + "\n"

    head = f"\n\n\n{title}\n\nby {author}\n\n\n\n"
    head += "".join(f"{label}: {value}\n" for label, value in entries) + "\n\n\n"
    if len(chapters) > 1:
        head += "\n\nTABLE OF CONTENTS\n\n" + "".join(f"\n{t}\n" for t, _ in chapters) + "\n"
    out = wrap(head)
    for chapter_title, body in chapters:
        out += wrap(f"\n\n\t{chapter_title}\n\n") + body
    out += wrap("\n\nEnd file.\n")
    return out.replace("\n", eol)


BODY_ONE = (
    "The tide came in **slowly** , and _Mara_ watched it from the well-worn steps of the old\n"
    "harbour-master's house.  \n"
    "She did not move.\n\n"
    '"You\'re late," said [Ellis](https://example.org/ellis) from the doorway. ![a gull](gull.png)\n\n'
    "* * *\n\n"
    "### Later\n\n"
    "> A letter, folded twice.\n"
    "> \n"
    "> Signed only with an initial, in an old-fashioned hand that nobody in the\n"
    "village could place.\n\n"
    "  * bread\n"
    "  * salt\n\n"
    "\\- a line that starts with a dash\n\n"
)
BODY_TWO = "Morning.\n\nThe boats were gone and the harbour was--\nempty, and -- \nquiet.\n\n"


def test_txt_synthetic_story_crlf_and_lf_agree() -> None:
    entries = [
        ("Series", "Harbour Tales [3]"),
        ("Category", "Original Work"),
        ("Relationships", "Mara/Ellis"),
        ("Status", "In-Progress"),
        ("Published", "2021-06-01"),
        ("Rating", "Teen And Up Audiences"),
        ("Chapters", "2"),
        ("Words", "1,234"),
        ("Publisher", "archiveofourown.org"),
        ("Story URL", "https://archiveofourown.org/works/12345"),
        ("Summary", "Mara waits.\n\nEllis does not."),
    ]
    text = fff_txt(entries, [("Arrival", BODY_ONE), ("Departure", BODY_TWO)])
    fmt, story = read(text)
    fmt_lf, story_lf = read(text.replace("\r\n", "\n"))
    assert fmt == fmt_lf == "fanficfare-txt"
    assert story == story_lf
    w = story.work
    assert (w.title, w.authors) == ("A Quiet Harbour", ["tidewriter"])
    assert [(s.name, s.position) for s in w.series] == [("Harbour Tales", 3)]
    assert w.fandoms == ["Original Work"] and w.status == "in-progress"
    assert w.rating is not None and w.rating.ao3 == "Teen And Up Audiences"
    assert (w.words, w.chapters_posted, w.work_id) == (1234, 2, "12345")
    assert w.summary == "Mara waits.\n\nEllis does not."
    assert [c.title for c in story.chapters] == ["Arrival", "Departure"]
    one = story.chapters[0]
    assert one.paragraphs == [
        "The tide came in slowly, and Mara watched it from the well-worn steps of the old "
        "harbour-master's house.\nShe did not move.",
        '"You\'re late," said Ellis from the doorway.',
        "Later",
        "A letter, folded twice.",
        "Signed only with an initial, in an old-fashioned hand that nobody in the village could place.",
        "bread",
        "salt",
        "- a line that starts with a dash",
    ]
    assert one.scene_breaks == [2]
    assert story.chapters[1].paragraphs == [
        "Morning.",
        "The boats were gone and the harbour was--empty, and -- quiet.",
    ]


def test_txt_one_chapter_no_series_no_words() -> None:
    entries = [
        ("Category", "Sherlock (TV)"),
        ("Status", "Completed"),
        ("Story URL", "https://www.fanfiction.net/s/777/1/"),
    ]
    body = "Baker Street was quiet.\n\nToo quiet, thought John.\n\n"
    fmt, story = read(fff_txt(entries, [("Quiet", body)], eol="\n"))
    assert fmt == "fanficfare-txt"
    w = story.work
    assert w.series == [] and w.rating is None and w.summary is None
    assert w.words == 8  # no "Words:" entry: counted on the body
    assert (w.chapters_posted, w.work_id, w.status) == (1, "777", "complete")
    assert len(story.chapters) == 1 and story.chapters[0].title == "Quiet"
    assert story.chapters[0].paragraphs == ["Baker Street was quiet.", "Too quiet, thought John."]


def test_txt_wrapped_labels_and_long_chapter_titles() -> None:
    long_title = "The One Where Everything That Could Possibly Go Wrong Did Go Wrong, Twice, In A Row"
    entries = [
        ("Characters", "Alpha Person, Beta Person, Gamma Person, Delta Person, Epsilon Person, Zeta Person"),
        ("Genre", "Gen, M/M, Angst, Hurt/Comfort"),
        ("Publisher", "archiveofourown.org"),
        ("Kudos", "1,024"),
        ("Hits", "20,480"),
    ]
    text = fff_txt(entries, [(long_title, "One.\n\n"), ("Short", "Two.\n\n")])
    assert "Person, Zeta Person" in text.split("\r\n")  # the Characters value wrapped at 78 columns
    _, story = read(text)
    w = story.work
    assert w.character_tags[-1] == "Zeta Person" and len(w.character_tags) == 6
    assert w.categories == ["Gen", "M/M"] and w.freeform_tags == ["Angst", "Hurt/Comfort"]
    assert (w.stats.kudos, w.stats.hits) == (1024, 20480)
    assert [c.title for c in story.chapters] == [long_title, "Short"]


def test_txt_ao3_chapter_notes() -> None:
    body_one = (
        "**Author's Note:**\n\n> Thanks to my beta, Rowan.\n\n"
        "**Summary for the Chapter:**\n\n> In which tea is made.\n\n"
        "The kettle sang.\n\n"
        "**Notes for the Chapter:**\n\n> More soon!\n\n"
    )
    body_two = "The end.\n\n**Author's Note:**\n\n> Thank you for reading.\n\n"
    _, story = read(fff_txt([("Publisher", "archiveofourown.org")], [("Tea", body_one), ("End", body_two)]))
    assert [(n.position, n.text) for n in story.work.notes] == [
        ("before", "Thanks to my beta, Rowan."),
        ("after", "Thank you for reading."),
    ]
    assert story.work.beta_readers == ["Rowan"]
    one = story.chapters[0]
    assert one.paragraphs == ["The kettle sang."]
    assert [(n.position, n.chapter, n.text) for n in one.notes] == [
        ("chapter", 1, "In which tea is made."),
        ("chapter", 1, "More soon!"),
    ]
    assert story.chapters[1].paragraphs == ["The end."]


# One chapter as FanFicFare's HTML writer stores it, and what FanFicFare's bundled html2text makes of
# it for the txt output (generated once with that html2text, bodywidth=78, and pasted here).
CHAPTER_HTML = (
    "<div><p>“<i>Now</i>,” she said—<i>quietly</i>—and <b>Harry</b>’s wand (<i>maybe</i>); <i>a</i>: b.</p>"
    "<blockquote><p>Quoted line that is long enough to be wrapped by html2text at the seventy-eight column "
    "body width.</p><p>Second.</p></blockquote><p>Line one<br/>Line two</p><br/><br/><br/><br/>"
    '<p>After <a href="http://x.org/a(b)">the link</a>.</p><ul><li>one</li><li>two</li></ul>'
    "<p>- dash start</p></div>"
)
CHAPTER_MARKDOWN = (
    "“ _Now_ ,” she said— _quietly_ —and **Harry** ’s wand ( _maybe_ ); _a_ : b.\n\n> Quoted line that is "
    "long enough to be wrapped by html2text at the seventy-\neight column body width.\n\n>\n\n> Second.\n\n"
    "Line one  \nLine two\n\n  \n  \n  \n  \n\nAfter [the link](http://x.org/a\\(b\\)).\n\n"
    "  * one\n  * two\n\n"
    "\\- dash start\n\n"
)


def test_txt_and_html_read_one_chapter_identically() -> None:
    html = (
        '<html><body><h1><a href="u">T</a> by <a class="authorlink" href="a">A</a></h1>'
        '<table class="full"><tr><td><b>Status:</b></td><td>Completed</td></tr></table>'
        f'<a name="section0001"><h2>Only</h2></a>{CHAPTER_HTML}</body></html>'
    )
    fmt_h, from_html = read(html, "t.html")
    entries = [("Status", "Completed"), ("Publisher", "x.org")]
    fmt_t, from_txt = read(fff_txt(entries, [("Only", CHAPTER_MARKDOWN)]))
    assert (fmt_h, fmt_t) == ("fanficfare-html", "fanficfare-txt")
    h, t = from_html.chapters[0], from_txt.chapters[0]
    assert (
        t.paragraphs
        == h.paragraphs
        == [
            "“Now,” she said—quietly—and Harry’s wand (maybe); a: b.",
            "Quoted line that is long enough to be wrapped by html2text at the seventy-eight "
            "column body width.",
            "Second.",
            "Line one\nLine two",
            "After the link.",
            "one",
            "two",
            "- dash start",
        ]
    )
    assert t.scene_breaks == h.scene_breaks == [4]  # four <br> in a row


def test_join_wrapped_hyphens_dashes_and_line_breaks() -> None:
    assert join_wrapped(["a well-", "known fact"]) == "a well-known fact"
    assert join_wrapped(["it was--", "gone"]) == "it was--gone"
    assert join_wrapped(["it was", "--gone"]) == "it was--gone"
    assert join_wrapped(["first line  ", "second line"]) == "first line\nsecond line"
    assert join_wrapped(["plain", "words"]) == "plain words"


def test_clean_markdown_keeps_author_text() -> None:
    assert clean_markdown("“ _Now_ ,” she said.") == "“Now,” she said."
    assert clean_markdown("_Harry_ 's wand") == "Harry's wand"
    assert clean_markdown("*sigh* and ^_^ and snake_case_name") == "*sigh* and ^_^ and snake_case_name"
    assert clean_markdown("see [the index](http://x.org/a\\(b\\)) or <https://y.org>") == (
        "see the index or https://y.org"
    )
    assert clean_markdown("**_both_** ~~gone~~ 1\\. one") == "both gone 1. one"


def test_work_id_from_url() -> None:
    assert work_id_from_url("https://archiveofourown.org/works/218676/chapters/1") == "218676"
    assert work_id_from_url("https://www.fanfiction.net/s/8508883/1/Naruto") == "8508883"
    assert work_id_from_url("http://test1.com?sid=2") is None
    assert work_id_from_url("https://archiveofourown.org/series/5") is None


def test_txt_sniff_needs_fanficfare_labels() -> None:
    plain = "My Story\n\nby someone\n\nRating: T\n\nIt was a dark night.\n"
    assert not fanficfare_txt.sniff(RawInput(plain.encode(), "p.txt", ".txt"))
    fff = fff_txt([("Publisher", "x.org"), ("Status", "Completed")], [("One", "Text.\n\n")])
    assert fanficfare_txt.sniff(RawInput(fff.encode(), "f.txt", ".txt"))


# --- synthetic FanFicFare html and epub ---------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><meta charset="UTF-8"><title>Tea by kettle, pot</title></head><body>
<h1><a href="https://archiveofourown.org/works/42">Tea</a> by
<a class='authorlink' href='x'>kettle</a>, <a class='authorlink' href='y'>pot</a></h1>
<table class="full">
<tr><td><b>Category:</b></td><td>Original Work</td></tr>
<tr><td><b>Genre:</b></td><td>Gen, Fluff</td></tr>
<tr><td><b>Publisher:</b></td><td>archiveofourown.org</td></tr>
<tr><td><b>Language:</b></td><td>English</td></tr>
<tr><td><b>Summary:</b></td><td><p>Tea is made.</p><p>Then drunk.</p></td></tr>
</table>
<a name="section0001"><h2>Brewing</h2></a>
<div>
<div class="fff_chapter_notes fff_head_notes"><b>Author's Note:</b>
<blockquote><p>For Sam.</p></blockquote></div>
<div class="userstuff module"><h3>Brewing</h3><p>The kettle <i>sang</i>.</p><hr/><p>Steam rose.</p></div>
<div class="fff_chapter_notes fff_foot_notes"><b>Notes for the Chapter:</b>
<blockquote><p>Short one.</p></blockquote></div>
</div>
</body></html>"""


def test_html_synthetic_with_notes() -> None:
    fmt, story = read(HTML, "tea.html")
    assert fmt == "fanficfare-html"
    w = story.work
    assert (w.title, w.authors, w.work_id) == ("Tea", ["kettle", "pot"], "42")
    assert (w.categories, w.freeform_tags, w.language) == (["Gen"], ["Fluff"], "English")
    assert w.summary == "Tea is made.\n\nThen drunk."
    assert [(n.position, n.text) for n in w.notes] == [("before", "For Sam.")]
    assert w.dedicated_to == ["Sam"]
    chapter = story.chapters[0]
    assert chapter.title == "Brewing"
    assert chapter.paragraphs == ["The kettle sang.", "Steam rose."]
    assert chapter.scene_breaks == [1]
    assert [n.text for n in chapter.notes] == ["Short one."]


def _xhtml(body_class: str, body: str, title: str = "x") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f'<title>{title}</title></head><body class="{body_class}">{body}</body></html>'
    )


def fff_epub(title_page: bool = True) -> bytes:
    items = ([("title_page", "OEBPS/title_page.xhtml")] if title_page else []) + [
        ("file0001", "OEBPS/file0001.xhtml"),
        ("file0002", "OEBPS/file0002.xhtml"),
    ]
    opf = (
        '<?xml version="1.0" encoding="utf-8"?><package version="2.0" xmlns="http://www.idpf.org/2007/opf" '
        'unique-identifier="fanficfare-uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:opf="http://www.idpf.org/2007/opf">'
        '<dc:identifier id="fanficfare-uid">fanficfare-uid:example.org-u1-s9</dc:identifier>'
        '<dc:title>Salt</dc:title><dc:creator opf:role="aut">brine</dc:creator>'
        "<dc:language>en</dc:language>"
        '<dc:date opf:event="publication">2020-01-02</dc:date>'
        '<dc:date opf:event="modification">2020-02-03</dc:date>'
        "<dc:description>Sea.\n\nMore sea.</dc:description>"
        "<dc:source>https://www.fanfiction.net/s/99/1/</dc:source></metadata><manifest>"
        + "".join(f'<item id="{i}" href="{h}" media-type="application/xhtml+xml"/>' for i, h in items)
        + "</manifest><spine>"
        + "".join(f'<itemref idref="{i}"/>' for i, _ in items)
        + "</spine></package>"
    )
    page = _xhtml(
        "fff_titlepage",
        '<h3><a href="https://www.fanfiction.net/s/99/1/">Salt</a> by '
        '<a class="authorlink" href="a">brine</a></h3>'
        "<div>\n<b>Category:</b> Pirates<br />\n<b>Words:</b> 4<br />\n"
        "<b>Summary:</b> <div>Sea.<p>More sea.</p></div><br />\n</div>",
    )
    files = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            '<?xml version="1.0"?>'
            '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
            "</container>"
        ),
        "content.opf": opf,
        "OEBPS/file0001.xhtml": _xhtml(
            "fff_chapter", '<h3 class="fff_chapter_title">One &amp; Only</h3><div><p>Waves.</p></div>'
        ),
        "OEBPS/file0002.xhtml": _xhtml(
            "fff_chapter", '<h3 class="fff_chapter_title">Two</h3><div>Gulls.</div>'
        ),
    }
    if title_page:
        files["OEBPS/title_page.xhtml"] = page
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def test_epub_synthetic_title_page() -> None:
    fmt, story = read(fff_epub(), "salt.epub")
    assert fmt == "fanficfare-epub"
    w = story.work
    assert (w.title, w.authors, w.fandoms, w.words) == ("Salt", ["brine"], ["Pirates"], 4)
    assert (w.summary, w.work_id, w.language) == ("Sea.\n\nMore sea.", "99", None)
    assert w.published is None  # the title page states no date; the OPF is not consulted for it
    assert [(c.title, c.paragraphs) for c in story.chapters] == [
        ("One & Only", ["Waves."]),
        ("Two", ["Gulls."]),
    ]


def test_epub_without_title_page_uses_opf() -> None:
    _, story = read(fff_epub(title_page=False), "salt.epub")
    w = story.work
    assert (w.title, w.authors, w.source_url) == ("Salt", ["brine"], "https://www.fanfiction.net/s/99/1/")
    assert (w.published, w.updated, w.summary) == ("2020-01-02", "2020-02-03", "Sea.\n\nMore sea.")
    assert w.language is None and w.words == 2


def test_truncated_epub_is_an_input_error() -> None:
    data = fff_epub()
    with pytest.raises(InputError):
        read(data[: len(data) // 2], "broken.epub")
