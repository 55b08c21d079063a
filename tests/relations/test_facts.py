"""Character facts on small texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Analyse = Callable[..., Any]


def test_does_and_done_to(analyse: Analyse) -> None:
    r = analyse("Marta waited for Tomas at the gate.", "Marta kissed Tomas.")
    assert "kissed Tomas" in r.facts_of("Marta", "does")
    assert "waited for Tomas" in r.facts_of("Marta", "does")
    assert "kissed by Marta" in r.facts_of("Tomas", "done_to")
    (kiss,) = [f for f in r.facts if f.value == "kissed by Marta"]
    assert kiss.by == r.id("Marta")


def test_passive_is_done_to(analyse: Analyse) -> None:
    r = analyse("Marta and Tomas met at the gate.", "Tomas was kissed by Marta.")
    assert "was kissed by Marta" in r.facts_of("Tomas", "done_to")


def test_pronouns_resolve_subjects_and_become_names_in_values(analyse: Analyse) -> None:
    r = analyse("Marta saw Tomas across the square.", "She waved at Tomas and shook her head.")
    does = r.facts_of("Marta", "does")
    assert "waved at Tomas" in does
    assert "shook Marta's head" in does


def test_feelings(analyse: Analyse) -> None:
    r = analyse(
        "Marta felt upset after the call.",
        "Tomas turned his stunned face to the window.",
        "Elena dejectedly sat down.",
        "Peter Vance hated Marta.",
    )
    assert "upset" in r.facts_of("Marta", "feels")
    assert "stunned" in r.facts_of("Tomas", "feels")
    assert "dejected" in r.facts_of("Elena", "feels")
    assert "hated Marta" in r.facts_of("Peter", "feels")


def test_descriptions(analyse: Analyse) -> None:
    r = analyse(
        "Spike walked in.",
        "Spike is a master vampire.",
        "Marta smiled at Spike.",
        "Marta is selfish and self-centered.",
        "Tomas, the librarian, closed the book.",
    )
    assert "a master vampire" in r.facts_of("Spike", "described_as")
    assert {"selfish", "self-centered"} <= set(r.facts_of("Marta", "described_as"))
    assert "the librarian" in r.facts_of("Tomas", "described_as")


def test_negated_description(analyse: Analyse) -> None:
    r = analyse("Marta smiled at Tomas.", "Marta is not a liar.")
    assert r.facts_of("Marta", "described_as") == ["not a liar"]


def test_called_by_the_speaker(analyse: Analyse) -> None:
    r = analyse(
        "Elena walked into the crypt where Spike sat.",
        "“What is this, Red?” Spike asked.",
        "“Nothing,” Elena said.",
    )
    called = [f for f in r.facts if f.kind == "called"]
    assert [(f.character, f.value, f.by) for f in called] == [(r.id("Elena"), "Red", r.id("Spike"))]


def test_facts_are_located_at_their_sentence(analyse: Analyse) -> None:
    paragraphs = ["It rained. Marta kissed Tomas. They ran."]
    r = analyse(*paragraphs)
    assert r.facts
    for fact in r.facts:
        assert paragraphs[fact.paragraph][fact.start : fact.end] == fact.text
    assert {f.text for f in r.facts if f.kind == "does"} == {"Marta kissed Tomas."}
