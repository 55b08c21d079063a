"""The Markdown summary: the work, the cast table, relationships, quotes, and escaping."""

from __future__ import annotations

from collections.abc import Callable

from ficlens.model import Analysis, WorkMeta
from ficlens.report import render_markdown
from ficlens.report.markdown import md_escape


def test_summary_has_every_part(sample: Analysis) -> None:
    md = render_markdown(sample)
    assert md.startswith("# A Test\n")
    assert "**Author:** Someone" in md
    assert "| Name | Status | Mentions | Lines |" in md
    assert "| Anna | present | 2 | 1 |" in md
    assert "- **Anna \\& Ben**" not in md  # '&' is escaped only where it would start an entity
    assert "- **Anna & Ben**: friendship 70%, romantic 20% (2 lines exchanged, 1 shared scene)" in md
    assert "> “Where were you?”" in md
    assert "> “Out, … and now I’m back.”" in md


def test_text_cannot_become_markdown_or_html(make: Callable[..., Analysis]) -> None:
    evil = "<script>alert(1)</script> | [x](javascript:y) *b* &amp;"
    md = render_markdown(make(work=WorkMeta(title=evil, authors=[evil]), names=[evil, "Ben"]))
    assert "<script>" not in md
    assert "\\<script\\>alert(1)\\</script\\> \\| \\[x\\](javascript:y) \\*b\\* \\&amp;" in md
    table = [line for line in md.splitlines() if line.startswith("| \\<script")]
    assert len(table) == 1 and table[0].count(" | ") == 3  # the name's '|' did not add a column


def test_escape_keeps_ordinary_prose() -> None:
    assert md_escape("Buffy & Spike (again), 2 lines!") == "Buffy & Spike (again), 2 lines!"
    assert md_escape("two\nlines") == "two lines"
    assert md_escape(None) == ""


def test_empty_analysis(make: Callable[..., Analysis]) -> None:
    analysis = make([], work=WorkMeta(), names=[])
    md = render_markdown(analysis)
    assert md.startswith("# Untitled\n")
    assert "No characters found." in md
    assert "No relationships found." in md
    assert "No attributed dialogue." in md
