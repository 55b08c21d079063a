"""Fandom canon knowledge base: who the canon characters are and every way stories name them.

Packaged data lives in ``ficlens/kb/data/*.toml`` (one file per fandom, format in README.md);
users extend or override it with files of the same format passed to `load_knowledge_base`.
"""

from __future__ import annotations

from ficlens.kb.adhoc import clean_character_tag, fandom_from_character_tags
from ficlens.kb.loader import load_knowledge_base
from ficlens.kb.model import CanonCharacter, Fandom, Gender, KnowledgeBase

__all__ = [
    "CanonCharacter",
    "Fandom",
    "Gender",
    "KnowledgeBase",
    "clean_character_tag",
    "fandom_from_character_tags",
    "load_knowledge_base",
]
