"""The plain-text reader on a real non-UTF-8 file: fanfictions.fr's Windows-1252, CRLF "Crise".

The title line "Crise" and the French chapter heading "Un : Kiba" (a spelled-out number, no
"Chapitre") are recognised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.ingest import read_story
from ficlens.ingest.raw import read_input
from ficlens.model import Source, Story


@pytest.fixture(scope="module")
def crise(shared: Path) -> tuple[Source, Story, str]:
    path = shared / "data" / "fics" / "txt" / "fanfictionsfr_683_crise_kiba_cp1252.txt"
    if not path.is_file():
        pytest.skip("the fanfictions.fr text file is not present")
    raw = read_input(path)
    source, story = read_story(raw)
    return source, story, raw.text


def test_encoding_and_line_endings(crise: tuple[Source, Story, str]) -> None:
    source, story, text = crise
    assert source.format == "text"
    assert source.encoding in {"cp1252", "windows-1252"}
    assert "\r" not in text
    body = "\n".join(p for c in story.chapters for p in c.paragraphs)
    assert "–" in body or "–" in story.work.notes[0].text  # 0x96 en dash
    assert "…" in body  # 0x85 ellipsis
    assert "\u00a0»" in body  # 0xA0 no-break space before closing guillemets
    assert "’" in body  # 0x92 apostrophe
    assert "\ufffd" not in text and "\r" not in body


def test_note_title_and_no_author(crise: tuple[Source, Story, str]) -> None:
    _, story, _ = crise
    w = story.work
    assert [n.position for n in w.notes] == ["before"]
    assert w.notes[0].text.startswith("Crise est une fanfic")
    assert w.title == "Crise"
    assert w.authors == []
    body = [p for c in story.chapters for p in c.paragraphs]
    assert not any("Crise est une fanfic" in p for p in body)
    assert "Crise" not in body
    assert [(c.number, c.title) for c in story.chapters] == [(1, "Kiba")]
    assert not any(p.startswith("Un : Kiba") for p in body)
    assert 1500 < (w.words or 0) < 2500  # ~2,000 words of prose
