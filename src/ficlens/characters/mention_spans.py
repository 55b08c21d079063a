"""Candidate person-mention spans from a dependency parse, with LitBank-style boundaries.

Every noun, proper noun, indefinite pronoun ("no one", "somebody") and nominalised adjective
("the poor", "my dear") heads a few candidate spans that differ only in where they stop: the whole
noun phrase with its prepositional and relative-clause modifiers ("a tall woman in charge of a
small bakery"), the phrase up to the first comma, the phrase without its clauses, the bare name
("Mr. Bennet" out of "poor dear Mr. Bennet"). Coordination, apposition and the possessive 's are
never part of a span, so "Mr. Woodhouse" is a candidate inside "Mr. Woodhouse 's family" and
titles ("Mr.", "Sir") head one-token candidates of their own, as LitBank nests them.

A classifier (`mention_model`) then picks at most one candidate per head.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ficlens.characters.lexicon import HONORIFICS, PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_EXCLUDED_DEPS = frozenset(
    "conj cc appos case preconj punct dep parataxis advcl mark meta discourse intj".split()
)
_LEFT_ADVERBIAL = frozenset("advmod predet npadvmod cc".split())
_NAME_DEPS = frozenset("compound flat nmod amod".split())
_RIGHT_NAME_DEPS = frozenset("flat compound nummod".split())
_RIGHT_CORE_DEPS = frozenset("prep amod nummod npadvmod advmod".split())
_BREAKS = frozenset({",", ";", "--", "—", "–", ":", "(", "-"})
_WH = frozenset("what which who whom whose that this it there whoever whatever".split())
_VOCATIVES = frozenset("dear darling dearest love sweetheart honey".split())


@dataclass(frozen=True)
class Candidate:
    """A token span [start, end) of one spaCy `Doc` headed by `head`, and how its edges were chosen."""

    head: int
    start: int
    end: int
    variants: tuple[str, ...]
    """"left/right" edge rules that produce this span ("full/full", "name/name", "head/core"...)."""


def is_candidate_head(tok: Token) -> bool:
    """Whether a token can head a person noun phrase."""
    low = tok.lower_
    if tok.pos_ in {"NOUN", "PROPN"}:
        return not tok.is_punct
    if tok.pos_ == "PRON":
        return low not in PRONOUNS and low not in _WH
    if tok.pos_ in {"ADJ", "NUM"}:
        return low in _VOCATIVES or any(c.dep_ in {"det", "poss"} for c in tok.lefts)
    return low in HONORIFICS and tok.text[:1].isupper()


def candidates(doc: Doc) -> list[Candidate]:
    """Every candidate span of a parsed paragraph, grouped by head in token order."""
    out: list[Candidate] = []
    for tok in doc:
        if is_candidate_head(tok):
            out.extend(head_candidates(tok))
    return out


def head_candidates(head: Token) -> list[Candidate]:
    """The distinct spans `head` can head, each with the edge rules that produce it."""
    doc = head.doc
    lefts = [c for c in head.lefts if c.dep_ not in _EXCLUDED_DEPS]
    rights = [c for c in head.rights if c.dep_ not in _EXCLUDED_DEPS]
    left = {
        "full": min([head.i] + [c.left_edge.i for c in lefts]),
        "noadv": min([head.i] + [c.left_edge.i for c in lefts if c.dep_ not in _LEFT_ADVERBIAL]),
        "name": _name_start(head),
        "head": head.i,
    }
    stop = next((t.i for t in doc[head.i + 1 :] if t.text in _BREAKS), len(doc))
    right = {
        "core": head.i,
        "name": _name_end(head),
        "full": max([head.i] + [c.right_edge.i for c in rights]),
        "comma": max([head.i] + [c.right_edge.i for c in rights if c.right_edge.i < stop]),
        "prep": max([head.i] + [c.right_edge.i for c in rights if c.dep_ in _RIGHT_CORE_DEPS]),
    }
    spans: dict[tuple[int, int], list[str]] = {}
    for lname, lstart in left.items():
        for rname, rend in right.items():
            start, last = _trim(doc, lstart, rend)
            if start <= head.i <= last:
                spans.setdefault((start, last + 1), []).append(f"{lname}/{rname}")
    if head.lower_ in _VOCATIVES and head.i > 0 and doc[head.i - 1].lower_ in {"my", "our"}:
        spans.setdefault((head.i - 1, head.i + 1), []).append("vocative")
    return [Candidate(head.i, s, e, tuple(v)) for (s, e), v in spans.items()]


def _name_start(head: Token) -> int:
    """Left edge of the name proper: adjacent capitalised compounds and titles ("the Widow Douglas"
    → "Widow Douglas", "poor dear Florence" → "Florence")."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.i != start - 1 or child.dep_ not in _NAME_DEPS or not child.text[:1].isupper():
            if child.i == start - 1 and child.text == "." and child.dep_ == "punct":
                continue  # "Mr . Bennet" split by the tokenizer
            break
        start = child.left_edge.i if child.left_edge.i >= start - 3 else child.i
    return start


def _name_end(head: Token) -> int:
    end = head.i
    for child in head.rights:
        if child.dep_ in _RIGHT_NAME_DEPS and child.i == end + 1:
            end = child.right_edge.i
        else:
            break
    return end


def _trim(doc: Doc, start: int, last: int) -> tuple[int, int]:
    """Drop punctuation, conjunctions and a possessive 's at either edge (`last` is inclusive)."""
    while start <= last and (doc[start].is_punct or doc[start].dep_ in {"cc", "case"}):
        start += 1
    while last >= start and (doc[last].is_punct or doc[last].dep_ in {"cc", "case"}):
        last -= 1
    return start, last
