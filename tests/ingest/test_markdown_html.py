"""Markdown stories and generic HTML pages (synthetic fixtures)."""

from __future__ import annotations

import pytest

from ficlens.errors import InputError
from ficlens.ingest import generic_html, markdown, read_story
from ficlens.ingest.raw import RawInput
from ficlens.model import Story


def _read(text: str, name: str, expected: str) -> Story:
    raw = RawInput(data=text.encode("utf-8"), name=name, extension="." + name.rsplit(".", 1)[-1])
    source, story = read_story(raw)
    assert source.format == expected
    return story


MD = """# The Long Road Home

by quillfeather

**Rating:** Teen And Up Audiences
Pairing: Harry/Draco

A/N: Thanks to my beta, Gabrielle.

## Chapter 1: The Station

“It’s *very* late,” Harry said. The snake_case word stays, and __bold__ goes.
This line was wrapped.

Draco didn’t [answer](https://example.org).
Still the same paragraph.\\
After a hard break.

***

Morning came. \\*Not italics.\\*

## Chapter 2

> The train left.

---

~*~

End scene — fin.

A/N: Reviews are love.
"""


def test_markdown_story() -> None:
    story = _read(MD, "story.md", "markdown")
    w = story.work
    assert (w.title, w.authors) == ("The Long Road Home", ["quillfeather"])
    assert w.rating is not None and w.rating.ao3 == "Teen And Up Audiences"
    assert [r.tag for r in w.relationship_tags] == ["Harry/Draco"]
    assert [(n.position, n.text) for n in w.notes] == [
        ("before", "Thanks to my beta, Gabrielle."),
        ("after", "Reviews are love."),
    ]
    assert [(c.number, c.title) for c in story.chapters] == [(1, "The Station"), (2, None)]
    first, second = story.chapters
    assert first.paragraphs == [
        "“It’s very late,” Harry said. The snake_case word stays, and bold goes. This line was wrapped.",
        "Draco didn’t answer. Still the same paragraph.\nAfter a hard break.",
        "Morning came. *Not italics.*",
    ]
    assert first.scene_breaks == [2]
    assert second.paragraphs == ["The train left.", "End scene — fin."]
    assert second.scene_breaks == [1]  # "---" then "~*~": one break


def test_markdown_front_matter_and_content_sniff() -> None:
    text = """---
title: "Night Shift"
author: quillfeather
fandom: Buffy the Vampire Slayer
rating: T
tags: [Angst, Fluff]
characters:
  - Willow
  - Spike
summary: >
  Willow takes the night
  shift.
---

Willow unlocked the door.

* * *

Spike was there.
"""
    # no .md extension: the front matter gives it away
    story = _read(text, "night.txt", "markdown")
    w = story.work
    assert (w.title, w.authors, w.fandoms) == ("Night Shift", ["quillfeather"], ["Buffy the Vampire Slayer"])
    assert w.rating is not None and w.rating.ao3 == "Teen And Up Audiences"
    assert (w.freeform_tags, w.character_tags) == (["Angst", "Fluff"], ["Willow", "Spike"])
    assert w.summary == "Willow takes the night shift."
    assert story.chapters[0].paragraphs == ["Willow unlocked the door.", "Spike was there."]
    assert story.chapters[0].scene_breaks == [1]


def test_markdown_sniff() -> None:
    def sniffed(text: str, name: str = "x") -> bool:
        return markdown.sniff(RawInput(data=text.encode(), name=name, extension=""))

    assert sniffed("# Title\n\nby me\n\n## Chapter 1\n\nText.\n")
    assert not sniffed("Title\n\nby me\n\nText with a # sign.\n")
    assert not sniffed("#hashtag\n\nText.\n")


def test_markdown_title_heading_then_chapter_headings_at_same_level() -> None:
    story = markdown.parse_markdown("# Chapter 1\n\nOne.\n\n# Chapter 2\n\nTwo.\n")
    assert story.work.title is None
    assert [c.paragraphs for c in story.chapters] == [["One."], ["Two."]]


PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Night Shift | My Fic Blog</title>
<meta name="author" content="quillfeather"><meta property="og:site_name" content="My Fic Blog"></head>
<body>
<nav><a href="/">Home</a> <a href="/about">About me and my many other stories</a></nav>
<article>
<h1>Night Shift</h1>
<p>by quillfeather</p>
<p>Rating: T</p>
<h2>Chapter 1: The Door</h2>
<p>Willow unlocked the door of the Magic Box and let the bell ring over her head.
“Anyone here?” she called into the dark.</p>
<p>Nobody answered, which was the <em>first</em> bad sign of the night — the second was the smell.</p>
<hr>
<p>Spike was sitting on the counter, boots swinging, as though he’d owned the place for years.</p>
<h2>Chapter 2</h2>
<p>The night went on, and on, and the two of them counted the hours until dawn came up grey.</p>
<h3>Later</h3>
<p>Dawn.</p>
<p>A/N: Thanks for reading!</p>
</article>
<footer>© 2024 My Fic Blog. All rights reserved. Powered by a blog engine with many words here.</footer>
</body></html>"""


def test_generic_html_page() -> None:
    story = _read(PAGE, "night.html", "html")
    w = story.work
    assert (w.title, w.authors) == ("Night Shift", ["quillfeather"])
    assert w.rating is not None and w.rating.text == "T"
    assert [(n.position, n.text) for n in w.notes] == [("after", "Thanks for reading!")]
    assert [(c.number, c.title) for c in story.chapters] == [(1, "The Door"), (2, None)]
    first, second = story.chapters
    assert first.paragraphs[0] == (
        "Willow unlocked the door of the Magic Box and let the bell ring over her head. "
        "“Anyone here?” she called into the dark."
    )
    assert first.paragraphs[1].startswith("Nobody answered, which was the first bad sign")
    assert first.scene_breaks == [2]
    assert second.paragraphs[-1] == "Dawn." and second.scene_breaks == [1]  # <h3> is a section break
    body = " ".join(p for c in story.chapters for p in c.paragraphs)
    assert "Home" not in body and "rights reserved" not in body


def test_generic_html_title_fallbacks_and_site_author() -> None:
    words = " ".join(["word"] * 60)
    html = (
        '<html><head><title>A Quiet Story</title><meta name="author" content="Fanfictions.fr"></head>'
        f"<body><div><p>A/N: hello.</p><p>{words}.</p><p>More text.</p></div></body></html>"
    )
    story = _read(html, "page.html", "html")
    assert story.work.title == "A Quiet Story"
    assert story.work.authors == []  # a site, not a person
    assert [n.text for n in story.work.notes] == ["hello."]


def test_generic_html_leading_text_before_chapters_is_a_note() -> None:
    prose = " ".join(["Prose"] * 40)
    html = (
        "<html><body><p>Thanks to everyone who read the last one!</p>"
        f"<h2>Chapter 1</h2><p>{prose}.</p><h2>Chapter 2</h2><p>{prose}.</p></body></html>"
    )
    story = _read(html, "page.html", "html")
    assert [n.text for n in story.work.notes] == ["Thanks to everyone who read the last one!"]
    assert len(story.chapters) == 2


def test_generic_html_refuses_pages_without_prose() -> None:
    html = (
        "<html><head><title>Login</title></head>"
        "<body><h1>Log in</h1><p>Username</p><p>Password</p></body></html>"
    )
    with pytest.raises(InputError, match="no story text found in this page"):
        read_story(RawInput(data=html.encode(), name="login.html", extension=".html"))


def test_generic_html_sniff() -> None:
    assert generic_html.sniff(RawInput(data=b"\xef\xbb\xbf<!DOCTYPE html><html></html>", name="x"))
    assert generic_html.sniff(RawInput(data=b"<p>Hello</p>", name="x"))
    assert not generic_html.sniff(RawInput(data=b"Hello <p> world", name="x"))
    assert not generic_html.sniff(RawInput(data=b"PK\x03\x04<html>", name="x"))
