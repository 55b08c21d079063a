"""Relationships between characters and facts about each of them.

`build_relationships(parsed, cast, ids, utterances, work)` reads relationship cues off the parse
(actions between two characters, relation words with a possessor, feelings, forms of address),
counts speech and shared scenes, and checks the work's relationship tags. `extract_facts(parsed,
cast, ids, utterances)` lists what each character does, undergoes, feels, is described as and is
called, each at its sentence.
"""

from ficlens.relations.facts import extract_facts
from ficlens.relations.relationships import build_relationships
from ficlens.relations.resolve import Spoken

__all__ = ["Spoken", "build_relationships", "extract_facts"]
