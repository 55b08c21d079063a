"""Ingest: turn a story file of any supported format into a `Story` (metadata + chapters).

Readers are tried in order; the first whose `sniff` accepts the content reads it. Specific
formats come first, the plain-text reader last.
"""

from __future__ import annotations

from types import ModuleType

from ficlens.errors import InputError
from ficlens.ingest import (
    ao3_epub,
    ao3_html,
    ao3_workpage,
    docx,
    efiction_html,
    epub,
    fanficauthors_html,
    fanficfare_epub,
    fanficfare_html,
    fanficfare_txt,
    fanfictions_fr,
    ffn_html,
    generic_html,
    gutenberg,
    markdown,
    plain_text,
    wattpad,
    wattpad_html,
)
from ficlens.ingest.finish import finish_story
from ficlens.ingest.raw import DEFAULT_MAX_BYTES, RawInput, read_input
from ficlens.model import Source, Story

READERS: list[ModuleType] = [
    ao3_html,
    ao3_workpage,
    ao3_epub,
    fanficfare_html,
    ffn_html,
    efiction_html,
    fanficauthors_html,
    fanfictions_fr,
    wattpad,
    wattpad_html,
    fanficfare_epub,
    fanficfare_txt,
    epub,
    docx,
    gutenberg,
    markdown,
    generic_html,  # after every site-specific HTML reader
    plain_text,
]

__all__ = ["DEFAULT_MAX_BYTES", "READERS", "RawInput", "ingest", "read_input", "read_story"]


def read_story(raw: RawInput) -> tuple[Source, Story]:
    """Detect the format of `raw`, read it and return its `Source` record and `Story`."""
    for reader in READERS:
        if reader.sniff(raw):
            try:
                story: Story = reader.read(raw)
            except InputError:
                raise
            except Exception as exc:  # a reader must never leak a parser traceback to the user
                raise InputError(
                    raw.name, f"could not be read as {reader.name} ({type(exc).__name__})"
                ) from exc
            story = finish_story(story, raw.name)
            encoding = raw.encoding if "_text_and_encoding" in raw.__dict__ else None
            source = Source(
                path=raw.name, sha256=raw.sha256, bytes=len(raw.data), format=reader.name, encoding=encoding
            )
            return source, story
    raise InputError(raw.name, "is not a story format ficlens can read")


def ingest(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Source, Story]:
    """Read the file at `path` ('-' for standard input) into its `Source` and `Story`."""
    return read_story(read_input(path, max_bytes=max_bytes))
