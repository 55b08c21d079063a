"""Project Gutenberg texts: a synthetic ebook and the PDNC novels in ../shared.

The PDNC `novel_text.txt` files are Gutenberg texts with the licence header and footer already
removed (only A Passage to India keeps the first line "The Project Gutenberg EBook of …"), so the
full-licence case is tested on a synthetic book and on Emma wrapped in a header/footer at run time.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ficlens.ingest import gutenberg, read_story
from ficlens.ingest.raw import RawInput, read_input
from ficlens.model import Story

HEADER = """\ufeffThe Project Gutenberg EBook of {title}, by {author}

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.  You may copy it, give it away or
re-use it under the terms of the Project Gutenberg License included
with this eBook or online at www.gutenberg.org


Title: {title}

Author: {author}

Release Date: August 1, 2001 [EBook #999999]
Last Updated: May 5, 2020

Language: English

Character set encoding: UTF-8

*** START OF THIS PROJECT GUTENBERG EBOOK {upper} ***




Produced by Some Volunteers and the Online Distributed
Proofreading Team


"""

FOOTER = """



End of the Project Gutenberg EBook of {title}, by {author}

*** END OF THIS PROJECT GUTENBERG EBOOK {upper} ***

***** This file should be named 999999-0.txt or 999999-0.zip *****

Updated editions will replace the previous one--the old editions will
be renamed.

START: FULL LICENSE

THE FULL PROJECT GUTENBERG LICENSE
PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK
"""

BODY = """



                            THE LANTERN-KEEPER

                                    By

                               Mary Example



                                 CONTENTS

     CHAPTER I.    The Lamp
     CHAPTER II.   The Storm



CHAPTER I.

The Lamp


Old Tom kept the lantern on the point, and had kept it for forty
years, through fair weather and foul, without once letting the
flame go out. "It is a _small_ thing," he would say, "but a small
thing done every night is a great thing."

[Illustration: Tom at the lamp]

His daughter thought otherwise.

                          *       *       *       *       *

The winter came early that year.



CHAPTER II.

The Storm


It blew for three days. On the fourth the sea lay flat as a plate
and the boats went out again.

                                THE END
"""


def _gutenberg(body: str, title: str, author: str) -> str:
    fields = {"title": title, "author": author, "upper": title.upper()}
    return HEADER.format(**fields) + body + FOOTER.format(**fields)


def _read(text: str, name: str = "book.txt") -> Story:
    source, story = read_story(RawInput(data=text.encode("utf-8"), name=name, extension=".txt"))
    assert source.format == "gutenberg"
    return story


def test_synthetic_ebook() -> None:
    story = _read(_gutenberg(BODY, "The Lantern-Keeper", "Mary Example"))
    w = story.work
    assert (w.title, w.authors, w.language) == ("The Lantern-Keeper", ["Mary Example"], "English")
    assert [(c.number, c.title) for c in story.chapters] == [(1, "The Lamp"), (2, "The Storm")]
    first, second = story.chapters
    assert first.paragraphs == [
        "Old Tom kept the lantern on the point, and had kept it for forty years, through fair "
        'weather and foul, without once letting the flame go out. "It is a small thing," he would '
        'say, "but a small thing done every night is a great thing."',
        "His daughter thought otherwise.",
        "The winter came early that year.",
    ]
    assert first.scene_breaks == [2]
    assert second.paragraphs == [
        "It blew for three days. On the fourth the sea lay flat as a plate and the boats went out again."
    ]
    text = " ".join(p for c in story.chapters for p in c.paragraphs)
    for licence_word in ("Gutenberg", "LICENSE", "Produced by", "CONTENTS", "Illustration", "THE END"):
        assert licence_word not in text


def test_sniff() -> None:
    def sniffed(text: str) -> bool:
        return gutenberg.sniff(RawInput(data=text.encode(), name="x.txt"))

    assert sniffed(_gutenberg(BODY, "T", "A"))
    assert sniffed("The Project Gutenberg EBook of A Passage to India, by E. M. Forster\n\nText.")
    assert not sniffed("CHAPTER I\n\nIt was a dark and stormy night.\n")
    assert not sniffed("Title: Night Shift\nAuthor: quill\n\nText mentioning Project Gutenberg.\n")


@pytest.fixture(scope="module")
def pdnc(shared: Path) -> Path:
    path = shared / "data" / "pdnc" / "data"
    if not path.is_dir():
        pytest.skip("PDNC is not present")
    return path


def test_emma_wrapped_in_a_licence(pdnc: Path) -> None:
    emma = (pdnc / "Emma" / "novel_text.txt").read_text(encoding="utf-8")
    story = _read(_gutenberg(emma, "Emma", "Jane Austen"), "emma.txt")
    assert (story.work.title, story.work.authors) == ("Emma", ["Jane Austen"])
    # 3 volumes of 18, 18 and 19 chapters; "VOLUME I" headings only group them
    assert len(story.chapters) == 55
    assert [c.number for c in story.chapters] == list(range(1, 56))
    assert all(c.title is None for c in story.chapters)
    # the first paragraph is the first block under the first heading, its lines joined
    block = emma.split("\nCHAPTER I\n", 1)[1].strip().split("\n\n")[0]
    assert story.chapters[0].paragraphs[0] == " ".join(block.split())
    body = [p for c in story.chapters for p in c.paragraphs]
    assert not any(p.startswith(("VOLUME", "CHAPTER", "FINIS")) for p in body)
    assert not any("_" in p for p in body)  # _them_ → them
    assert 150_000 < story.work.words < 165_000  # type: ignore[operator]


def test_emma_without_licence_uses_the_title_page(pdnc: Path) -> None:
    story = gutenberg.parse_gutenberg((pdnc / "Emma" / "novel_text.txt").read_text(encoding="utf-8"))
    assert (story.work.title, story.work.authors, len(story.chapters)) == ("EMMA", ["Jane Austen"], 55)


def test_a_passage_to_india(pdnc: Path) -> None:
    source, story = read_story(read_input(pdnc / "APassageToIndia" / "novel_text.txt"))
    assert source.format == "gutenberg"  # its first line is "The Project Gutenberg EBook of …"
    assert (story.work.title, story.work.authors) == ("A Passage to India", ["E. M. Forster"])
    assert len(story.chapters) == 37  # "PART I: MOSQUE" etc. group chapters, they are not chapters
    assert not any(p.startswith("PART") for c in story.chapters for p in c.paragraphs)


def _raw_title(raw: str, first_paragraph: str) -> str | None:
    """What the raw text has between its first "Chapter I" heading and the first chapter's first
    paragraph, whitespace collapsed: the title the parser should find, read without it."""
    flat = " ".join(raw.split())
    heading = re.search(r"\bchapter\s+(?:[ivxlc]+|\d+)\b[:.]?", flat, re.IGNORECASE)
    assert heading is not None
    end = flat.index(" ".join(first_paragraph.split())[:20], heading.end())
    return flat[heading.end() : end].strip() or None


@pytest.mark.parametrize(
    ("novel", "chapters", "titled"),
    [
        ("WinnieThePooh", 10, True),
        ("TheSunAlsoRises", 19, False),  # "CHAPTER" and "1" on two lines
        ("TheAgeOfInnocence", 34, False),  # bare "I." numerals
        ("HardTimes", 37, True),
        ("ARoomWithAView", 20, True),
    ],
)
def test_pdnc_chapter_headings(pdnc: Path, novel: str, chapters: int, titled: bool) -> None:
    raw = (pdnc / novel / "novel_text.txt").read_text(encoding="utf-8")
    story = gutenberg.parse_gutenberg(raw)
    assert len(story.chapters) == chapters
    first = story.chapters[0]
    expected = _raw_title(raw, first.paragraphs[0]) if titled else None
    assert (first.title, first.title is not None) == (expected, titled)
    assert all(c.paragraphs for c in story.chapters)


def test_hard_times_title_lines(pdnc: Path) -> None:
    story = gutenberg.parse_gutenberg((pdnc / "HardTimes" / "novel_text.txt").read_text(encoding="utf-8"))
    assert (story.work.title, story.work.authors) == ("Hard Times", ["Charles Dickens"])
