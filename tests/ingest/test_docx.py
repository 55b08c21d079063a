"""Word documents, built at test time with python-docx."""

from __future__ import annotations

import io
import zipfile

import docx as python_docx
import pytest

from ficlens.errors import InputError
from ficlens.ingest import docx as docx_reader
from ficlens.ingest import read_story
from ficlens.ingest.raw import RawInput
from ficlens.model import Story


def _bytes(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _read(data: bytes, name: str = "story.docx") -> Story:
    source, story = read_story(RawInput(data=data, name=name, extension=".docx"))
    assert source.format == "docx"
    return story


def _styled_story() -> bytes:
    d = python_docx.Document()
    d.add_paragraph("The Long Road Home", style="Title")
    d.add_paragraph("by quillfeather")
    d.add_paragraph("Fandom: Harry Potter")
    d.add_paragraph("Rating: Teen And Up Audiences")
    d.add_paragraph("Pairing: Harry Potter/Draco Malfoy")
    d.add_paragraph("Summary: Two boys, one train.")
    d.add_paragraph("A/N: For Missy. Thanks to my beta, Gabrielle.")
    d.add_heading("Chapter 1: The Station", level=1)
    p = d.add_paragraph("“It’s late,” Harry said. ")
    p.add_run("Very").italic = True
    p.add_run(" late — too late.")
    d.add_paragraph("Draco didn’t answer.")
    d.add_paragraph("* * *")
    bold = d.add_paragraph()
    bold.add_run("Morning").bold = True
    bold.add_run(" came, grey and ‘cold’.")
    d.add_heading("Chapter 2", level=1)
    d.add_paragraph("The train left.")
    d.add_paragraph("A/N: Reviews are love.")
    return _bytes(d)


def test_styled_document() -> None:
    story = _read(_styled_story())
    w = story.work
    assert (w.title, w.authors) == ("The Long Road Home", ["quillfeather"])
    assert w.fandoms == ["Harry Potter"]
    assert w.rating is not None and w.rating.ao3 == "Teen And Up Audiences"
    assert [r.tag for r in w.relationship_tags] == ["Harry Potter/Draco Malfoy"]
    assert w.summary == "Two boys, one train."
    assert [(n.position, n.text) for n in w.notes] == [
        ("before", "For Missy. Thanks to my beta, Gabrielle."),
        ("after", "Reviews are love."),
    ]
    assert w.beta_readers == ["Gabrielle"]
    assert [(c.number, c.title) for c in story.chapters] == [(1, "The Station"), (2, None)]
    first = story.chapters[0]
    # italic/bold runs are plain text; curly quotes, apostrophes and dashes are kept
    assert first.paragraphs == [
        "“It’s late,” Harry said. Very late — too late.",
        "Draco didn’t answer.",
        "Morning came, grey and ‘cold’.",
    ]
    assert first.scene_breaks == [2]
    assert story.chapters[1].paragraphs == ["The train left."]
    assert w.chapters_posted == 2


def test_plain_paragraph_headings_and_subheadings() -> None:
    d = python_docx.Document()
    d.add_paragraph("Untitled Draft")
    d.add_paragraph("By Ash")
    d.add_paragraph("Chapter One")
    d.add_paragraph("It began.")
    d.add_paragraph("Chapter Two: After")
    d.add_paragraph("It ended.")
    story = _read(_bytes(d))
    assert (story.work.title, story.work.authors) == ("Untitled Draft", ["Ash"])
    assert [(c.number, c.title, c.paragraphs) for c in story.chapters] == [
        (1, None, ["It began."]),
        (2, "After", ["It ended."]),
    ]

    d = python_docx.Document()
    d.add_heading("Prologue", level=1)
    d.add_heading("The Night Before", level=2)  # right under the chapter heading: its title
    d.add_paragraph("Rain.")
    d.add_heading("Harry's POV", level=2)  # inside the text: dropped, a scene break
    d.add_paragraph("Thunder.")
    d.add_heading("Chapter 1", level=1)
    d.add_paragraph("Sun.")
    story = _read(_bytes(d))
    assert [(c.title, c.paragraphs, c.scene_breaks) for c in story.chapters] == [
        ("Prologue", ["Rain.", "Thunder."], [1]),
        (None, ["Sun."], []),
    ]


def test_core_properties() -> None:
    d = python_docx.Document()
    d.core_properties.title = "From Properties"
    d.core_properties.author = "Real Name"
    d.add_paragraph("Just a little text.")
    story = _read(_bytes(d))
    assert story.work.title == "From Properties"
    assert story.work.authors == []  # the account name is not the pen name


def test_epub_is_not_taken_for_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", "<container/>")
    assert not docx_reader.sniff(RawInput(data=buffer.getvalue(), name="book.epub"))


def test_damaged_documents() -> None:
    data = _styled_story()
    with pytest.raises(InputError, match="corrupt or truncated DOCX"):
        read_story(RawInput(data=data[: len(data) // 2], name="cut.docx", extension=".docx"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>not really")
    with pytest.raises(InputError, match="DOCX"):
        read_story(RawInput(data=buffer.getvalue(), name="bad.docx", extension=".docx"))


def test_empty_document_has_no_story() -> None:
    d = python_docx.Document()
    d.add_paragraph("Only a Title", style="Title")
    with pytest.raises(InputError, match="no story text"):
        read_story(RawInput(data=_bytes(d), name="empty.docx", extension=".docx"))
