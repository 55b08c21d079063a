from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.evaluation.litbank import LitBankDoc, TokenIndex, load_litbank, token_char_span

FIXTURE = Path(__file__).parent / "fixtures" / "litbank"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "litbank"


# --- tiny fixture -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny() -> LitBankDoc:
    (doc,) = load_litbank(FIXTURE)
    return doc


def test_fixture_text_and_entities(tiny: LitBankDoc) -> None:
    assert tiny.id == "7_tiny_tale"
    assert tiny.text.splitlines()[1].startswith("She went to him")
    assert {tiny.surface(s) for s in tiny.per_spans} == {"Anna", "Mr. Bell", "Mr.", "the old man", "a friend"}
    assert (28, 31) in tiny.per_spans and (28, 36) in tiny.per_spans  # nested spans kept
    assert (85, 93, "GPE") in tiny.entities


def test_fixture_coref_is_per_only(tiny: LitBankDoc) -> None:
    assert set(tiny.coref_entities) == {"Anna-0", "Mr_Bell-1"}  # the_town-2 is GPE
    surfaces = [sorted(tiny.surface(s) for s in cluster) for cluster in tiny.coref_clusters]
    assert surfaces == [["Anna", "She"], ["Mr. Bell", "him", "the old man"]]
    assert tiny.mention_types[(39, 42)] == "PRON"
    assert tiny.mention_types[(57, 68)] == "NOM"
    assert tiny.mention_types[(28, 36)] == "PROP"
    # the copula predicate has a type but no cluster
    assert tiny.mention_types[(73, 81)] == "NOM"
    assert all((73, 81) not in c for c in tiny.coref_clusters)
    assert (85, 93) not in tiny.mention_types


def test_fixture_quotes(tiny: LitBankDoc) -> None:
    (quote,) = tiny.quotes
    assert quote.id == "Q1"
    assert quote.span == (0, 22)
    assert tiny.surface(quote.span) == quote.text == "“ Come here , Anna , ”"
    assert quote.speaker == "Mr_Bell-1"
    assert quote.start == (0, 0) and quote.end == (0, 6)


def test_token_index() -> None:
    text = "A b .\nCc dd ee\n"
    index = TokenIndex(text)
    assert index.token_span(0, 0) == (0, 1)
    assert index.token_span(1, 2) == (12, 14)
    assert index.char_span(0, 1, 1, 1) == (2, 11)
    assert text[2:11] == "b .\nCc dd"
    assert token_char_span(text, (1, 0), (1, 2)) == (6, 14)
    with pytest.raises(IndexError):
        index.token_span(1, 3)


def test_not_litbank_layout(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a LitBank folder"):
        load_litbank(tmp_path)


def test_missing_companion_file(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "lb")
    (tmp_path / "lb" / "quotations" / "tsv" / "7_tiny_tale_brat.ann").unlink()
    with pytest.raises(InputError, match="missing LitBank file"):
        load_litbank(tmp_path / "lb")


def test_surface_mismatch_is_reported(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "lb")
    ann = tmp_path / "lb" / "entities" / "brat" / "7_tiny_tale_brat.ann"
    ann.write_text(ann.read_text(encoding="utf-8").replace("PER 14 18", "PER 15 19"), encoding="utf-8")
    with pytest.raises(InputError, match="does not match"):
        load_litbank(tmp_path / "lb")


def test_unknown_id() -> None:
    with pytest.raises(InputError, match="unknown LitBank"):
        load_litbank(FIXTURE, ids=["nope"])


# --- shared corpus ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> list[LitBankDoc]:
    if not SHARED.is_dir():
        pytest.skip(f"LitBank data not found at {SHARED}")
    return load_litbank(SHARED)


def test_shared_counts(corpus: list[LitBankDoc]) -> None:
    # figures from the data's SOURCE.md (shared split)
    assert len(corpus) == 80
    assert sum(len(d.coref_entities) for d in corpus) == 3572  # PER coref entities
    assert sum(len(d.quotes) for d in corpus) == 1400
    assert sum(1 for d in corpus if d.quotes) == 68
    assert sum(len(d.entities) for d in corpus) == 11273
    assert sum(len(d.per_spans) for d in corpus) == 7637


def _brat_lines(path: Path, kind: str) -> list[tuple[tuple[int, int], str, str]]:
    """((start, end), label, text) of the `kind` lines ("T") of a brat file, read independently of
    the loader, so these tests hold no corpus text of their own."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(kind):
            _, label_span, text = line.split("\t")
            label, start, end = label_span.split(" ")
            out.append(((int(start), int(end)), label, text))
    return out


def test_shared_pride_and_prejudice(corpus: list[LitBankDoc]) -> None:
    name = "1342_pride_and_prejudice"
    doc = next(d for d in corpus if d.id == name)
    raw = (SHARED / "entities/brat" / f"{name}_brat.txt").read_text(encoding="utf-8")
    assert doc.text == raw
    people = [
        (span, text)
        for span, label, text in _brat_lines(SHARED / "entities/brat" / f"{name}_brat.ann", "T")
        if label == "PER"
    ]
    assert people and {span for span, _ in people} == set(doc.per_spans)
    assert all(doc.surface(span) == text for span, text in people)
    proper = [
        span
        for span, label, _ in _brat_lines(SHARED / "coref/brat" / f"{name}_brat.ann", "T")
        if label == "PROP_PER"
    ]
    assert proper and all(doc.mention_types[span] == "PROP" for span in proper)
    assert any(proper[0] in cluster for cluster in doc.coref_clusters)
    quote_id, *_, quote_text = (
        (SHARED / "quotations/tsv" / f"{name}_brat.ann")
        .read_text(encoding="utf-8")
        .splitlines()[0]
        .split("\t")[1:]
    )
    first = doc.quotes[0]
    assert first.id == quote_id and doc.surface(first.span) == quote_text
    assert first.speaker in doc.coref_entities


def test_shared_quotes_resolve(corpus: list[LitBankDoc]) -> None:
    for doc in corpus:
        for quote in doc.quotes:
            # multi-sentence quotes cross newlines in the .txt but are space-joined in the .ann
            assert doc.surface(quote.span).replace("\n", " ") == quote.text
            assert quote.speaker in doc.coref_entities
