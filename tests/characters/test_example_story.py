"""The example story's cast, found by the general machinery (knowledge base chosen by guessing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens import analyze
from ficlens.model import Analysis


@pytest.fixture(scope="module")
def analysis(hard_truths: Path) -> Analysis:
    return analyze(hard_truths)


def test_fandom_is_guessed(analysis: Analysis) -> None:
    assert analysis.fandom_guess is not None
    assert analysis.fandom_guess.name == "Buffy the Vampire Slayer"
    assert analysis.fandom_guess.confidence >= 0.8


def test_present_and_mentioned(analysis: Analysis) -> None:
    status = {c.name.split()[0]: c.status for c in analysis.characters}
    assert {k: status.get(k) for k in ("Buffy", "Willow", "Spike")} == dict.fromkeys(
        ("Buffy", "Willow", "Spike"), "present"
    )
    assert {k: status.get(k) for k in ("Angel", "Riley", "Xander", "Drusilla")} == dict.fromkeys(
        ("Angel", "Riley", "Xander", "Drusilla"), "mentioned"
    )


def test_people_in_notes_are_not_characters(analysis: Analysis) -> None:
    everything = " ".join(c.name + " " + " ".join(c.aliases) for c in analysis.characters)
    assert "Missy" not in everything and "Gabrielle" not in everything
    assert analysis.work.dedicated_to == ["Missy"] and analysis.work.beta_readers == ["Gabrielle"]


def test_names_epithets_and_nicknames_resolve(analysis: Analysis) -> None:
    ids = {c.id: c.name.split()[0] for c in analysis.characters}
    resolved = {m.text: ids.get(m.character or "") for m in analysis.mentions if m.kind != "pronoun"}
    assert resolved["Buffy Summers"] == "Buffy"
    assert resolved["the upset vampire"] == "Spike"
    assert resolved["the witch"] == "Willow"
    assert resolved["Red"] == "Willow"


def test_mention_offsets_point_at_their_text(analysis: Analysis) -> None:
    for m in analysis.mentions:
        assert analysis.chapters[m.chapter - 1].paragraphs[m.paragraph][m.start : m.end] == m.text


def test_first_person_in_quotes_is_the_speaker(analysis: Analysis) -> None:
    willow = next(c.id for c in analysis.characters if c.name.startswith("Willow"))
    quoted_i = [m for m in analysis.mentions if m.text == "I" and m.in_quote]
    assert quoted_i and all(m.character == willow for m in quoted_i)
