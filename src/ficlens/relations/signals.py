"""Relationship cues read off the parse: each one a `Signal` between two characters.

Three readers: predicates whose subject and object are both characters ("Willow kissed Spike",
"you're in love with her", "You're beneath me"), relation words with a possessor ("her best
friend", "Spike's sire", "Buffy and Willow were friends"), and vocatives in quotes ("Come here,
pet" — the speaker to the one addressed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ficlens.model import RelationKind
from ficlens.nlp.parse import ParsedDocument
from ficlens.relations.cues import (
    EX_PREFIXES,
    LIGHT_KISS,
    LIGHT_KISS_FACTOR,
    PARTICLES,
    POSITIVE,
    PREDICATES,
    ROLE_MODIFIERS,
    ROLES,
    VOCATIVES,
    Cue,
    Role,
)
from ficlens.relations.resolve import Ref, Resolver, Spoken
from ficlens.relations.syntax import (
    agent,
    conjuncts,
    direct_object,
    is_copula,
    lemmas,
    negated,
    normal,
    passive_subject,
    subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATED_REJECTION = 0.5
"""A negated positive cue ("she doesn't love him") counts this much of its weight as rejection."""
IRREALIS = 0.3
"""Weight of a cue in a question, a conditional or under a modal ("will you kill me?", "if you kiss
him", "I could kill you"): talked of, not done."""
CONDITIONALS = frozenset({"if", "unless", "whether"})


@dataclass(frozen=True)
class Signal:
    """One cue between characters `a` (agent, possessor, speaker) and `b`."""

    a: int
    b: int
    kind: RelationKind | None
    weight: float
    token: Token
    physical: bool = False
    reject: bool = False
    defer: tuple[RelationKind, ...] = ()


def find_signals(parsed: ParsedDocument, resolver: Resolver, utterances: Sequence[Spoken]) -> list[Signal]:
    out: list[Signal] = []
    for _, doc in parsed:
        for tok in doc:
            out.extend(_predicate(resolver, tok))
            out.extend(_role(resolver, tok))
    for utterance in utterances:
        out.extend(_vocative(parsed, resolver, utterance))
    return [s for s in out if s.a != s.b and s.weight > 0]


# --- predicates ---------------------------------------------------------------------------------


def _particles(tok: Token) -> list[Token]:
    return [
        c
        for c in tok.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i > tok.i)
    ]


def _patterns(tok: Token) -> Iterator[tuple[str, Token | None, list[Token]]]:
    """(pattern, preposition, objects) readings of a cue word; preposition None for direct objects."""
    words = [normal(tok.text)] if tok.pos_ == "ADP" else lemmas(tok)
    lemma = words[0]
    particles = _particles(tok)
    bases = [w for w in words] + [f"{w} {normal(p.text)}" for w in words for p in particles]
    owner = tok
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        bases = [f"{normal(tok.head.text)} {b}" for b in bases]
        owner = tok.head.head
    if tok.pos_ == "VERB":
        objects = [o for c in tok.children if direct_object(tok, c) for o in conjuncts(c)]
        for base in bases:
            yield base, None, objects
    if tok.pos_ == "ADP" and tok.dep_ == "prep" and is_copula(tok.head):
        yield lemma, tok, [o for c in tok.children if c.dep_ == "pobj" for o in conjuncts(c)]
        return
    preps = [c for x in (tok, *particles) for c in x.children if c.dep_ in {"prep", "dative"}]
    if owner != tok:
        preps += [c for c in owner.children if c.dep_ == "prep" and c != tok.head and c.i > tok.i]
    for prep in preps:
        objects = [o for c in prep.children if c.dep_ == "pobj" for o in conjuncts(c)]
        for base in bases:
            yield f"{base} {normal(prep.text)}", prep, objects


def _predicate(resolver: Resolver, tok: Token) -> Iterator[Signal]:
    if tok.pos_ not in {"VERB", "NOUN", "ADJ", "ADP"}:
        return
    for pattern, prep, objects in _patterns(tok):
        cue = PREDICATES.get(pattern)
        if cue is None or not objects:
            continue
        passive = passive_subject(tok) if prep is None else None
        if passive is not None:
            doer, patients, clause = agent(tok), [passive], tok
        else:
            doer, clause = subject(tok)
            patients = objects
        if doer is None:
            doer = _imperative_subject(resolver, tok)
        if doer is None:
            continue
        weight = cue.weight * _kiss_factor(tok, pattern) * (IRREALIS if _irrealis(tok, clause) else 1.0)
        yield from _pair_signals(resolver, tok, cue, weight, doer, patients, negated(tok, clause))
        return


def _irrealis(tok: Token, clause: Token) -> bool:
    if tok.sent.text.rstrip(" ”\"'’").endswith("?"):
        return True
    for x in {tok, clause}:
        for child in x.children:
            if child.tag_ == "MD" or (child.dep_ == "mark" and child.lower_ in CONDITIONALS):
                return True
    return False


def _imperative_subject(resolver: Resolver, tok: Token) -> Token | None:
    """In a quote, an imperative's subject is the one addressed ("Kiss me, Spike")."""
    if tok.tag_ != "VB" or tok.dep_ not in {"ROOT", "conj"} or any(c.dep_ == "aux" for c in tok.children):
        return None
    utterance = resolver.utterance_at(resolver.parsed.doc_start(tok))
    if utterance is None or len(utterance.addressees) != 1:
        return None
    return tok  # a stand-in token; `_ref` maps it to the addressee


def _kiss_factor(tok: Token, pattern: str) -> float:
    if not pattern.startswith("kiss"):
        return 1.0
    for prep in tok.children:
        on = prep.dep_ == "prep" and prep.lower_ == "on"
        if on and any(o.lemma_ in LIGHT_KISS for o in prep.children if o.dep_ == "pobj"):
            return LIGHT_KISS_FACTOR
    return 1.0


def _ref(resolver: Resolver, tok: Token, other: set[int], cue_token: Token) -> Ref | None:
    if tok == cue_token:  # imperative stand-in
        utterance = resolver.utterance_at(resolver.parsed.doc_start(tok))
        if utterance is not None and utterance.addressees and utterance.addressees[0] in resolver.ids:
            return Ref(utterance.addressees[0], 1.0)
        return None
    return resolver.resolve(tok, exclude=other)


def _pair_signals(
    resolver: Resolver,
    tok: Token,
    cue: Cue,
    weight: float,
    doer: Token,
    patients: Sequence[Token],
    is_negated: bool,
) -> Iterator[Signal]:
    direct = {e for t in (doer, *patients) if (e := resolver.direct(t)) is not None}
    doers = [r for d in conjuncts(doer) if (r := _ref(resolver, d, direct, tok)) is not None]
    for a in doers:
        for p in patients:
            b = resolver.resolve(p, exclude=direct | {a.entity})
            if b is None:
                continue
            first, second = (b, a) if cue.reverse else (a, b)
            yield from _signal(
                cue, weight * a.weight * b.weight, first.entity, second.entity, tok, is_negated
            )


def _signal(cue: Cue, weight: float, a: int, b: int, tok: Token, is_negated: bool) -> Iterator[Signal]:
    if not is_negated:
        yield Signal(a, b, cue.kind, weight, tok, cue.physical, cue.reject, cue.defer)
    elif not cue.reject and cue.kind in POSITIVE:
        yield Signal(a, b, cue.kind, weight * NEGATED_REJECTION, tok, reject=True)


# --- relation words -----------------------------------------------------------------------------


def _role_of(tok: Token) -> tuple[str, Role] | None:
    lemma = normal(tok.lemma_)
    if tok.pos_ not in {"NOUN", "PROPN"} or lemma not in ROLES:
        return None
    modifiers = {normal(c.text) for c in tok.children if c.dep_ == "amod"}
    if lemma == "friend" and modifiers & ROLE_MODIFIERS:
        return "best friend", ROLES["best friend"]
    return lemma, ROLES[lemma]


def _is_ex(tok: Token) -> bool:
    doc = tok.doc
    before = normal(doc[tok.i - 2 : tok.i].text.replace(" ", "")) if tok.i >= 2 else ""
    return before == "ex-" or any(
        normal(c.text) in EX_PREFIXES for c in tok.children if c.dep_ in {"amod", "compound"}
    )


def _possessors(tok: Token) -> list[Token]:
    heads = [tok]
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
        heads.append(tok.doc[tok.i - 2])
    out = [c for h in heads for c in h.children if c.dep_ == "poss"]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out += [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in {"PROPN", "PRON"}]
    return out


def _referents(resolver: Resolver, tok: Token) -> list[Token]:
    """Tokens naming the person a relation word describes: the phrase itself, a copula's subject,
    an apposition."""
    out = [tok]
    if tok.dep_ == "attr" and is_copula(tok.head):
        subj, _ = subject(tok)
        if subj is not None:
            out = list(conjuncts(subj))
    elif tok.dep_ == "appos":
        out.append(tok.head)
    out += [c for c in tok.children if c.dep_ == "appos"]
    return out


def _co_arguments(resolver: Resolver, tok: Token) -> set[int]:
    """Characters that are other arguments of the verb `tok` depends on (never `tok` itself)."""
    verb = tok.head
    args = [c for c in verb.children if c.dep_ in {"nsubj", "dobj", "nsubjpass", "dative"}]
    args += [g for c in verb.children if c.dep_ in {"prep", "agent"} for g in c.children if g.dep_ == "pobj"]
    return {e for a in args if a != tok and (e := resolver.direct(a)) is not None}


def _role(resolver: Resolver, tok: Token) -> Iterator[Signal]:
    found = _role_of(tok)
    if found is None:
        return
    _, role = found
    possessors = _possessors(tok)
    clause = tok.head if tok.dep_ == "attr" else tok
    is_negated = negated(tok, clause)
    cue = Cue(role.kind, role.weight)
    if not possessors:
        if tok.tag_ in {"NNS", "NNPS"} and tok.dep_ == "attr":
            refs = [r for t in _referents(resolver, tok) if (r := resolver.resolve(t)) is not None]
            for i, a in enumerate(refs):
                for b in refs[i + 1 :]:
                    yield from _signal(
                        cue, role.weight * a.weight * b.weight, a.entity, b.entity, tok, is_negated
                    )
        return
    ex = _is_ex(tok)
    for owner_tok in possessors:
        owner = resolver.resolve(owner_tok)
        if owner is None:
            continue
        named = [e for t in _referents(resolver, tok) if (e := resolver.direct(t)) is not None]
        refs = [Ref(e, 1.0) for e in named if e != owner.entity]
        if not refs and tok.tag_ not in {"NNS", "NNPS"}:
            inferred = resolver.infer(tok, {owner.entity} | _co_arguments(resolver, tok), role.gender)
            refs = [inferred] if inferred is not None else []
        for ref in refs:
            weight = role.weight * owner.weight * ref.weight
            yield from _signal(cue, weight, owner.entity, ref.entity, tok, is_negated)
            if ex and role.kind in POSITIVE:
                yield Signal(owner.entity, ref.entity, role.kind, weight, tok, reject=True)


# --- vocatives ----------------------------------------------------------------------------------

_BEFORE = re.compile(r"(?:^|[,;:!?.—–“\"‘]|--|\b(?:oh|hey|hi|hello|yes|no|well|my))\s*$", re.IGNORECASE)
_AFTER = re.compile(r"^\s*(?:[,;:!?.—–”\"’…]|--|$)")


def vocative_tokens(parsed: ParsedDocument, start: int, end: int) -> Iterator[Token]:
    """Nouns in the quoted span [start, end) (document offsets) set off as forms of address."""
    index = parsed.document.index_at(start)
    para = parsed.document.paragraphs[index]
    text = para.text
    lo, hi = start - para.offset, end - para.offset
    for tok in parsed.docs[index]:
        if not (lo <= tok.idx < hi) or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.dep_ in {"poss", "compound"} or tok.is_punct:  # a "--" the tagger took for a noun
            continue
        words = [t for t in tok.subtree if not t.is_punct]
        left, right = words[0], words[-1]
        if len(words) > 1 and not (len(words) == 2 and left.lower_ == "my"):
            left = right = tok
        before = text[lo : left.idx]
        after = text[right.idx + len(right.text) : hi]
        if _BEFORE.search(before) and _AFTER.match(after):
            yield tok


def _vocative(parsed: ParsedDocument, resolver: Resolver, utterance: Spoken) -> Iterator[Signal]:
    speaker = utterance.speaker
    if speaker not in resolver.ids:
        return
    listeners = [a for a in utterance.addressees if a in resolver.ids and a != speaker]
    for start, end in utterance.parts:
        for tok in vocative_tokens(parsed, start, end):
            role = VOCATIVES.get(normal(tok.text))
            if role is None or resolver.direct(tok) is not None:
                continue
            for listener in listeners:
                yield Signal(speaker, listener, role.kind, role.weight, tok)
