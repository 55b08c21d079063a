"""Word documents (.docx), read with python-docx after `open_zip` has checked the container.

Paragraph styles carry the structure: "Title" is the work title, "Heading N" headings at the top
level used start chapters ("Chapter 2: Home" → chapter 2 "Home"; any other text is the chapter's
title), deeper headings are dropped and mark a scene break. Without heading styles, short
paragraphs such as "Chapter 2" start chapters. A "by Author" paragraph after the title gives the
author, "Label: value" paragraphs before the story (Rating:, Summary:, Pairing: …) fill the
metadata and "A/N:" paragraphs become notes. "* * *"-style paragraphs are scene breaks. Run
formatting (italics, bold) is dropped; the characters are kept as typed (curly quotes, dashes).
The document's core properties are not used for the author: Word fills `creator` with the account
name of whoever made the file (python-docx writes "python-docx"), which is not the pen name; the
core `title` is used only when the body has no title.
"""

from __future__ import annotations

import io
import re

import docx as python_docx

from ficlens.errors import InputError
from ficlens.ingest._blocks import Block, build_story, classify_headings_by_level, promote_title
from ficlens.ingest.raw import RawInput
from ficlens.ingest.zipsafe import open_zip
from ficlens.model import Story

name = "docx"

_SPACES = re.compile(r"[ \t\r\f\v]+")
_HEADING_STYLE = re.compile(r"^(?i:heading)\s*(?P<level>\d)$")


def sniff(raw: RawInput) -> bool:
    return raw.is_zip() and b"word/document.xml" in raw.data


def read(raw: RawInput) -> Story:
    archive = open_zip(raw, "DOCX")
    if not archive.has("word/document.xml"):
        raise InputError(raw.name, "is a ZIP file but not a Word document (no word/document.xml)")
    archive.read("word/document.xml")  # size/truncation checks before python-docx parses it
    try:
        document = python_docx.Document(io.BytesIO(raw.data))
        blocks = _blocks(document)
        core_title = (document.core_properties.title or "").strip()
    except InputError:
        raise
    except Exception as exc:  # python-docx/lxml raise many types for damaged parts
        raise InputError(raw.name, f"is a damaged DOCX ({type(exc).__name__}: {exc})") from None
    blocks = classify_headings_by_level(promote_title(blocks))
    story = build_story(blocks)
    if story.work.title is None and core_title:
        story.work.title = core_title
    return story


def _blocks(document: object) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in document.paragraphs:  # type: ignore[attr-defined]
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in paragraph.text.split("\n")).strip()
        if not text:
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        heading = _HEADING_STYLE.match(style or "")
        if style == "Title":
            blocks.append(Block("title", text))
        elif heading:
            blocks.append(Block("heading", text.replace("\n", " "), int(heading.group("level"))))
        else:
            blocks.append(Block("para", text))
    return blocks
