"""Relationship tags, ratings, tag lists, statuses."""

from __future__ import annotations

import pytest

from ficlens.text.tags import normalize_status, parse_rating, parse_relationship, split_tag_list


@pytest.mark.parametrize(
    ("tag", "fandoms", "names", "kind"),
    [
        ("Spike/Willow Rosenberg", [], ["Spike", "Willow Rosenberg"], "romantic"),
        ("Buffy Summers & Willow Rosenberg", [], ["Buffy Summers", "Willow Rosenberg"], "platonic"),
        ("Harry/Ginny/Luna", [], ["Harry", "Ginny", "Luna"], "romantic"),
        ("Emiya Shirou/Tohsaka Rin", ["Fate/stay night"], ["Emiya Shirou", "Tohsaka Rin"], "romantic"),
        (
            "Saber (Fate/stay night)/Emiya Shirou",
            ["Fate/stay night"],
            ["Saber (Fate/stay night)", "Emiya Shirou"],
            "romantic",
        ),
        ("Gilgamesh (Fate) & Enkidu (Fate)", [], ["Gilgamesh (Fate)", "Enkidu (Fate)"], "platonic"),
    ],
)
def test_parse_relationship(tag: str, fandoms: list[str], names: list[str], kind: str) -> None:
    rel = parse_relationship(tag, fandoms)
    assert rel is not None
    assert rel.characters == names
    assert rel.kind == kind


@pytest.mark.parametrize("tag", ["Fate/stay night", "Harry Potter", ""])
def test_not_a_relationship(tag: str) -> None:
    assert parse_relationship(tag, ["Fate/stay night"]) is None


@pytest.mark.parametrize(
    ("written", "ao3"),
    [
        ("Teen And Up Audiences", "Teen And Up Audiences"),
        ("Fiction M", "Mature"),
        ("Fiction  K+", "General Audiences"),
        ("NC-17", "Explicit"),
        ("R - Restricted", "Mature"),
        ("Tweenie", None),
    ],
)
def test_parse_rating(written: str, ao3: str | None) -> None:
    rating = parse_rating(written)
    assert rating is not None
    assert rating.text == " ".join(written.split())
    assert rating.ao3 == ao3


def test_parse_rating_empty() -> None:
    assert parse_rating("  ") is None


def test_split_tag_list_respects_parentheses() -> None:
    assert split_tag_list("Angst, Hurt/Comfort (kind of, sort of), Fluff") == [
        "Angst",
        "Hurt/Comfort (kind of, sort of)",
        "Fluff",
    ]
    assert split_tag_list(None) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [("Completed", "complete"), ("WIP", "in-progress"), ("En cours", "in-progress"), ("maybe", None)],
)
def test_normalize_status(text: str, status: str | None) -> None:
    assert normalize_status(text) == status
