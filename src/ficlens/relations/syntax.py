"""Small readings of the dependency parse shared by relationships and facts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ficlens.model import Location
from ficlens.nlp.parse import ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Token

COPULAS = frozenset({"be", "is", "are", "was", "were", "am", "'s", "'re", "'m", "been", "being"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
RELATIVE = frozenset({"WP", "WDT", "WP$"})
CLIMB = frozenset({"xcomp", "conj", "prep", "pobj", "attr", "acomp", "dobj", "pcomp", "oprd", "advmod"})
"""Arcs along which a cue word inherits its clause's subject ("in love with" → "you're")."""


def normal(text: str) -> str:
    return text.lower().replace("’", "'")


def lemmas(tok: Token) -> list[str]:
    """The parser's lemma, then guesses from the inflected form for when it errs ("hates" → "hat")."""
    text = normal(tok.text)
    out = [normal(tok.lemma_)]
    if tok.tag_ in {"VBZ", "VBD", "VBN", "NNS"}:
        for suffix in ("s", "d"):
            if text.endswith(suffix) and text[:-1] not in out:
                out.append(text[:-1])
        if text.endswith("ed") and text[:-2] not in out:
            out.append(text[:-2])
    return out


def is_copula(tok: Token) -> bool:
    return tok.lemma_ == "be" or normal(tok.text) in COPULAS


def conjuncts(tok: Token) -> Iterator[Token]:
    """The token and the tokens coordinated with it ("Buffy and Willow")."""
    yield tok
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in {"PROPN", "PRON", "NOUN"}:
            yield from conjuncts(child)


def subject(tok: Token) -> tuple[Token | None, Token]:
    """The subject of the clause `tok` sits in (climbing xcomp, conj, prepositions and complements)
    and the clause's verb. A relative pronoun gives way to the noun the clause modifies."""
    x = tok
    for _ in range(8):
        for child in x.children:
            if child.dep_ in {"nsubj", "csubj"}:
                if child.tag_ in RELATIVE and x.dep_ == "relcl":
                    return x.head, x
                return child, x
        if x.dep_ == "relcl" and x.pos_ in {"VERB", "AUX"}:
            return x.head, x
        if x.dep_ not in CLIMB or x.head == x:
            break
        if x.dep_ == "conj" and x.head.pos_ not in {"VERB", "AUX"} and x.pos_ in {"VERB", "AUX"}:
            break
        x = x.head
    return None, x


def passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def negated(tok: Token, clause: Token | None = None) -> bool:
    """`tok`, or any word between it and its clause's verb, is negated ("not in love with her")."""
    x = tok
    for _ in range(8):
        if any(
            c.dep_ == "neg" or (normal(c.text) in NEGATIONS and c.dep_ in {"advmod", "det"})
            for c in x.children
        ):
            return True
        if x == clause or x.head == x:
            break
        x = x.head
    return False


def _negation(tok: Token) -> bool:
    return tok.dep_ == "neg" or (normal(tok.text) in NEGATIONS and tok.dep_ in {"advmod", "det"})


def direct_object(verb: Token, child: Token) -> bool:
    """A direct object, a passive subject, or a name the small parser hangs off the verb as an
    adverbial noun ("Faith hated Marta" read as npadvmod)."""
    if child.dep_ in {"dobj", "nsubjpass"}:
        return True
    return child.dep_ == "npadvmod" and child.pos_ == "PROPN" and child.i > verb.i


def verb_subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited along coordination and control ("leaned up and kissed",
    "started to walk"); a relative pronoun gives way to the noun the clause modifies."""
    x = verb
    for _ in range(6):
        for child in x.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return x.head if child.tag_ in RELATIVE and x.dep_ == "relcl" else child
            if child.dep_ == "nsubjpass":
                return None
        if x.dep_ not in {"conj", "xcomp"} or x.head.pos_ not in {"VERB", "AUX"}:
            return None
        x = x.head
    return None


def sentence_location(parsed: ParsedDocument, tok: Token) -> tuple[Location, str]:
    """Paragraph-relative location and text of the sentence holding `tok`, as the story writes it
    (the parser may have read it with lost apostrophes put back)."""
    sent = tok.sent
    para = parsed.document.paragraphs[tok.doc.user_data["paragraph"]]
    loc = Location(chapter=para.chapter, paragraph=para.index, start=sent.start_char, end=sent.end_char)
    return loc, para.text[sent.start_char : sent.end_char]


_CLAUSES = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep", "ccomp"})


def phrase(tok: Token, limit: int = 6) -> list[Token]:
    """The tokens of `tok`'s phrase in order, without clauses hanging off it; the head with its
    determiners, possessor and compounds when the phrase is long."""

    def kept(t: Token) -> bool:
        while t != tok:
            if t.dep_ in _CLAUSES:
                return False
            t = t.head
        return True

    tokens = [t for t in tok.subtree if kept(t)]
    if len(tokens) <= limit:
        return tokens
    return [
        t for t in tokens if t == tok or (t.head == tok and t.dep_ in {"compound", "poss", "det", "amod"})
    ]
