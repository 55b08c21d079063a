"""Plain-text reader: the example story, header styles, notes, chapters, scene breaks, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens import analyze, analyze_bytes
from ficlens.errors import InputError


def test_example_story_metadata_exactly(hard_truths: Path) -> None:
    a = analyze(hard_truths, nlp=False)
    assert a.source.format == "text"
    assert a.work.title == "Hard Truths"
    assert a.work.authors == ["angelskuuipo"]
    assert a.work.dedicated_to == ["Missy"]
    assert a.work.beta_readers == ["Gabrielle"]
    assert [n.position for n in a.work.notes] == ["before"]
    assert a.work.notes[0].text.startswith("For Missy, who’s disillusioned")
    assert a.work.words == 398
    assert len(a.chapters) == 1
    body = a.chapters[0].paragraphs
    assert len(body) == 9
    assert body[0] == "“You’re beneath me,” Buffy said as she walked away from Spike."
    assert not any("Gabrielle" in p or "Missy" in p for p in body)
    assert "talkin’ ‘bout" in body[3]


LJ_HEADER = """Title: Night Shift
Author: quillfeather
Fandom: Buffy the Vampire Slayer
Rating: PG-13
Pairing(s): Spike/Willow, Buffy & Willow
Characters: Willow, Spike, Buffy
Word count: 1,234
Warnings: None
Beta: moonlitpen and Ash
Summary: Willow takes the night
shift at the Magic Box.
Disclaimer: Not mine, all Joss.

* * *

Willow unlocked the door. The bell rang.

"Anyone here?" she called.

~*~

Spike was.

A/N: Thanks for reading! Reviews are love.
"""


def test_livejournal_header_block() -> None:
    a = analyze_bytes(LJ_HEADER.encode(), "night.txt", nlp=False)
    w = a.work
    assert w.title == "Night Shift"
    assert w.authors == ["quillfeather"]
    assert w.fandoms == ["Buffy the Vampire Slayer"]
    assert w.rating is not None and w.rating.text == "PG-13" and w.rating.ao3 == "Teen And Up Audiences"
    assert [(r.characters, r.kind) for r in w.relationship_tags] == [
        (["Spike", "Willow"], "romantic"),
        (["Buffy", "Willow"], "platonic"),
    ]
    assert w.character_tags == ["Willow", "Spike", "Buffy"]
    assert w.words == 1234
    assert w.beta_readers == ["moonlitpen", "Ash"]
    assert w.summary == "Willow takes the night shift at the Magic Box."
    assert w.disclaimer == "Not mine, all Joss."
    ch = a.chapters[0]
    assert ch.paragraphs == [
        "Willow unlocked the door. The bell rang.",
        '"Anyone here?" she called.',
        "Spike was.",
    ]
    assert ch.scene_breaks == [2]
    assert [n.position for n in w.notes] == ["after"]
    assert w.notes[0].text == "Thanks for reading! Reviews are love."


CHAPTERED = """The Long Road by Ash Vale

Chapter One: Departure

They left at dawn.

It rained.

Chapter 2

A/N: Sorry this one is late!

They arrived at dusk.

Part Three

The end came quickly.
"""


def test_chapter_headings_and_chapter_notes() -> None:
    a = analyze_bytes(CHAPTERED.encode(), "road.txt", nlp=False)
    assert a.work.title == "The Long Road" and a.work.authors == ["Ash Vale"]
    assert [(c.number, c.title) for c in a.chapters] == [(1, "Departure"), (2, None), (3, None)]
    assert a.chapters[0].paragraphs == ["They left at dawn.", "It rained."]
    assert a.chapters[1].paragraphs == ["They arrived at dusk."]
    assert [(n.text, n.chapter) for n in a.chapters[1].notes] == [("Sorry this one is late!", 2)]
    assert a.work.chapters_posted == 3
    assert a.work.words == 14


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "cp1252"],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_line_endings(encoding: str, newline: str) -> None:
    text = "Café Nights by Zoë\n\n“Don’t,” she said — softly.\n\nHe didn’t.\n".replace("\n", newline)
    a = analyze_bytes(text.encode(encoding), "cafe.txt", nlp=False)
    assert a.work.title == "Café Nights"
    assert a.work.authors == ["Zoë"]
    assert a.chapters[0].paragraphs == ["“Don’t,” she said — softly.", "He didn’t."]
    assert a.source.encoding is not None


def test_latin1_text_is_decoded() -> None:
    text = "Noël by Renée\n\nIl était une fois à Noël, une forêt très épaisse.\n\nLa fin était là.\n"
    a = analyze_bytes(text.encode("latin-1"), "noel.txt", nlp=False)
    assert a.work.title == "Noël"
    assert "forêt très épaisse" in a.chapters[0].paragraphs[0]


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    para = (
        "This is a long paragraph of story text that an old archive wrapped at about\n"
        "seventy-eight columns, so every line ends near the same column and needs to\n"
        "be joined back together before anyone can count or analyse it properly ok.\n"
    )
    text = "Wrapped by Someone\n\n" + "\n".join([para] * 4)
    a = analyze_bytes(text.encode(), "wrapped.txt", nlp=False)
    assert len(a.chapters[0].paragraphs) == 4
    assert "\n" not in a.chapters[0].paragraphs[0]
    assert (
        a.chapters[0]
        .paragraphs[0]
        .startswith("This is a long paragraph of story text that an old archive wrapped at")
    )


def test_one_line_per_paragraph_text() -> None:
    text = "First paragraph line.\nSecond paragraph line.\nThird one here.\n"
    a = analyze_bytes(text.encode(), "lines.txt", nlp=False)
    assert a.chapters[0].paragraphs == ["First paragraph line.", "Second paragraph line.", "Third one here."]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (bytes(range(256)) * 20, "binary"),
    ],
)
def test_bad_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        analyze_bytes(data, "bad.txt", nlp=False) if data.strip() else analyze_empty(data)


def analyze_empty(data: bytes) -> None:
    import tempfile

    from ficlens.ingest.raw import read_input

    with tempfile.NamedTemporaryFile(suffix=".txt") as fh:
        fh.write(data)
        fh.flush()
        read_input(fh.name)


UNLABELLED_NOTES = """Title: The Slayer's Homework
Author: Ash Vale

Chapter 1

Thanks for all the lovely comments on the first draft!

Okay, on with the story.

Willow opened the book.

"It's in Latin," she said.

Did you like it? Please review and let me know!

Chapter 2

Buffy closed the book.

P.S. Reviews make me write faster.
"""


def test_author_talk_without_a_label_becomes_notes() -> None:
    a = analyze_bytes(UNLABELLED_NOTES.encode(), "homework.txt", nlp=False)
    assert a.chapters[0].paragraphs == ["Willow opened the book.", '"It\'s in Latin," she said.']
    assert [n.text for n in a.chapters[0].notes] == [
        "Thanks for all the lovely comments on the first draft!\n\nOkay, on with the story.",
        "Did you like it? Please review and let me know!",
    ]
    assert a.chapters[1].paragraphs == ["Buffy closed the book."]
    assert [n.text for n in a.work.notes if n.position == "after"] == ["P.S. Reviews make me write faster."]
