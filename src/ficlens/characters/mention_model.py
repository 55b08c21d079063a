"""Which candidate spans are people: a logistic-regression model over sparse string features.

The weights are trained on LitBank by `training/mentions/train_per.py` (cross-validated by
document) and shipped as JSON (`weights/per_mentions.json`); inference is plain Python, a sum of
feature weights through a sigmoid. Features describe the head (lemma, shape, POS, spaCy's NER label,
person-noun lexicon, suffixes, the verb it is the subject of), the span's edges (which edge rules
produced it, its first word, its length) and the document (is the same word a PERSON entity or the
subject of a speech verb elsewhere).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ficlens.characters.lexicon import (
    COGNITION_VERBS,
    FEMALE_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    MALE_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
)
from ficlens.characters.mention_spans import Candidate
from ficlens.nlp.parse import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WEIGHTS_FILE = "per_mentions.json"
FORMAT = "ficlens-per-mentions/2"

_PERSON_VERBS = (
    SPEECH_VERBS
    | COGNITION_VERBS
    | frozenset(
        "feel smile nod frown grin shrug look glance stare gaze walk run sit stand laugh cry weep marry "
        "love kiss hug die live go come turn see hear watch".split()
    )
)


@dataclass
class DocumentContext:
    """Document-wide evidence: words spaCy tags PERSON somewhere, subjects of person verbs."""

    person_words: set[str] = field(default_factory=set)
    other_ent_words: Counter[str] = field(default_factory=Counter)
    person_subjects: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)
    name_votes: Counter[str] = field(default_factory=Counter)
    """Capitalised proper nouns as subjects of verbs, speech verbs counting twice ("Willow said")."""
    titled: set[str] = field(default_factory=set)
    """Words that follow a capitalised honorific somewhere ("Mr. Pyncheon")."""
    person_nouns: frozenset[str] = PERSON_NOUNS
    """The person-noun lexicon, extended with a fandom's descriptors ("vampire", "witch")."""

    @classmethod
    def from_docs(cls, docs: Iterable[Doc], person_nouns: frozenset[str] = PERSON_NOUNS) -> DocumentContext:
        ctx = cls(person_nouns=person_nouns)
        for doc in docs:
            for ent in doc.ents:
                for tok in ent:
                    if tok.text[:1].isupper():
                        if ent.label_ == "PERSON":
                            ctx.person_words.add(tok.text)
                        else:
                            ctx.other_ent_words[tok.text] += 1
            for tok in doc:
                if tok.i > 0 and doc[tok.i - 1].lower_ in HONORIFICS and doc[tok.i - 1].text[:1].isupper():
                    ctx.titled.add(tok.text)
                if tok.text[:1].isupper() and not _sentence_initial(tok):
                    ctx.capitalised[tok.text] += 1
                if (
                    tok.pos_ == "PROPN"
                    and tok.dep_ == "nsubj"
                    and tok.head.pos_ == "VERB"
                    and tok.ent_type_ in {"", "ORG", "PERSON"}
                    and tok.text[:1].isupper()
                ):
                    ctx.name_votes[tok.text] += 1 + (tok.head.lemma_.lower() in SPEECH_VERBS)
                if tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in _PERSON_VERBS:
                    ctx.person_subjects[tok.lemma_.lower()] += 1
        return ctx


def boundary_features(doc: Doc, cand: Candidate, head: Token) -> list[str]:
    """Features of one candidate span for the question "does the person's phrase stop here?"."""
    pos, dep, ent = head.pos_, head.dep_, head.ent_type_ or "O"
    context = [f"pos={pos}", f"dep={dep}", f"ent={ent}", f"shape={_shape(head.text)}"]
    context += [f"relcl={c.dep_}" for c in head.children if c.dep_ in {"relcl", "acl"}]
    return context + span_features(doc, cand, head)


def head_features(head: Token, ctx: DocumentContext) -> list[str]:
    """Features of a head word for the question "is this head's phrase a person?"."""
    lemma = head.lemma_.lower()
    low = head.lower_
    shape = _shape(head.text)
    pos = head.pos_
    ent = head.ent_type_ or "O"
    f = [
        "bias",
        f"lem={lemma}",
        f"pos={pos}",
        f"tag={head.tag_}",
        f"dep={head.dep_}",
        f"ent={ent}",
        f"shape={shape}",
        f"pos|ent={pos}|{ent}",
        f"pos|shape={pos}|{shape}",
    ]
    if not head.text[:1].isupper():
        f += [f"suf2={lemma[-2:]}", f"suf3={lemma[-3:]}", f"suf4={lemma[-4:]}"]
    if low in HONORIFICS:
        f.append("title")
    if lemma in ctx.person_nouns or low in ctx.person_nouns:
        f.append("person_noun")
        f.append(f"person_noun|pos={pos}")
    if lemma in ROLE_NOUNS or low in ROLE_NOUNS:
        f.append(f"role_noun|pos={pos}")
    if lemma in GROUP_NOUNS:
        f.append("group_noun")
    if lemma in FEMALE_NOUNS or lemma in MALE_NOUNS:
        f.append("gendered_noun")
    if lemma.endswith(("er", "or", "ist", "ess", "man", "men", "ian", "ant", "ent", "ee")):
        f.append("agent_suffix")
    if _sentence_initial(head):
        f.append("sent_initial")
        f.append(f"sent_initial|pos={pos}")
    if head.text[:1].isupper():
        name_evidence = head.text in ctx.person_words
        f.append(f"doc_person_ent={name_evidence}")
        f.append(f"doc_other_ent={min(ctx.other_ent_words[head.text], 3)}")
        f.append(f"doc_caps={min(ctx.capitalised[head.text], 5) // 2}")
        f.append(f"doc_titled={head.text in ctx.titled}")
        f.append(f"doc_name_votes={min(ctx.name_votes[head.text], 3)}")
        if low in first_names():
            f.append("first_name")
    subj = ctx.person_subjects[lemma]
    f.append(f"doc_person_subj={min(subj, 3)}")
    f.append(f"doc_person_subj|pos={min(subj, 3)}|{pos}")
    gov = head.head
    if head.dep_ in SUBJECT_DEPS:
        verb = gov.lemma_.lower()
        f.append(f"subj_of={verb}")
        if verb in SPEECH_VERBS:
            f.append("subj_of_speech")
        if verb in COGNITION_VERBS:
            f.append("subj_of_cognition")
        if verb in _PERSON_VERBS:
            f.append("subj_of_person_verb")
    elif head.dep_ in {"dobj", "dative"}:
        f.append(f"obj_of={gov.lemma_.lower()}")
    elif head.dep_ == "pobj":
        f.append(f"pobj_of={gov.lower_}")
        f.append(f"pobj_of={gov.lower_}|{gov.head.lemma_.lower()}")
    elif head.dep_ == "compound":
        f.append(f"compound_of={gov.lemma_.lower()}")
        f.append(f"compound_of_pos={gov.pos_}")
        if gov.lemma_.lower() in ctx.person_nouns:
            f.append("compound_of_person_noun")
    elif head.dep_ == "poss":
        f.append(f"possessor_of={gov.lemma_.lower()}")
    for child in head.children:
        if child.dep_ == "relcl":
            wh = [t.lower_ for t in child.subtree if t.lower_ in {"who", "whom", "whose", "which"}]
            f.append(f"relcl={wh[0] if wh else 'other'}")
        elif child.dep_ == "poss":
            f.append(f"poss={child.lower_ if child.lower_ in PRONOUNS else child.pos_}")
        elif child.dep_ == "det":
            f.append(f"det={child.lower_}")
        elif child.dep_ == "prep":
            f.append(f"prep={child.lower_}")
        elif child.dep_ in {"compound", "amod"} and child.i < head.i:
            f.append(f"{child.dep_}={child.lemma_.lower()}")
    f.append(f"ent|dep={ent}|{head.dep_}")
    if any(c.dep_ == "case" for c in head.children):
        f.append("possessor")
    prev = head.doc[head.i - 1] if head.i > 0 else None
    if prev is not None:
        f.append(f"prev_pos={prev.pos_}")
        if prev.lower_ in HONORIFICS and prev.text[:1].isupper():
            f.append("after_title")
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    f.append(f"prev={prev.lower_ if prev is not None else '<s>'}")
    f.append(f"next={nxt.lower_ if nxt is not None else '</s>'}")
    if nxt is not None:
        f.append(f"next_pos={nxt.pos_}")
    return f


def span_features(doc: Doc, cand: Candidate, head: Token) -> list[str]:
    pos = head.pos_
    f = [f"v={v}" for v in cand.variants] + [f"v|pos={v}|{pos}" for v in cand.variants]
    length = cand.end - cand.start
    f.append(f"len={min(length, 6) if length < 10 else 'long'}")
    f.append(f"len|pos={min(length, 4)}|{pos}")
    first = doc[cand.start]
    last = doc[cand.end - 1]
    if first.i != head.i:
        f.append(f"first={first.lower_ if first.pos_ in {'DET', 'PRON', 'NUM', 'ADJ'} else first.pos_}")
        f.append(f"first_pos={first.pos_}|{pos}")
    else:
        f.append(f"starts_at_head|{pos}")
    if last.i != head.i:
        f.append(f"last_pos={last.pos_}")
    else:
        f.append(f"ends_at_head|{pos}")
    inside = doc[cand.start : cand.end]
    if any(t.text == "," for t in inside):
        f.append("has_comma")
        f.append(f"has_comma|pos={pos}")
    for child in head.rights:
        if child.dep_ in {"relcl", "acl", "prep"}:
            kept = child.i < cand.end
            f.append(f"{child.dep_}_kept={kept}|{pos}")
    full_end = head.right_edge.i + 1
    if cand.end < full_end:
        f.append("cut_right")
        f.append(f"cut_right_at={doc[cand.end].lower_ if doc[cand.end].is_punct else doc[cand.end].dep_}")
    left_full = head.left_edge.i
    if cand.start > left_full:
        f.append(f"cut_left={doc[cand.start - 1].dep_}")
    after = doc[cand.end] if cand.end < len(doc) else None
    f.append(f"after={after.lower_ if after is not None and after.is_punct else 'w'}")
    return f


@dataclass
class LogisticModel:
    """A logistic regression over sparse binary string features."""

    weights: dict[str, float]
    bias: float = 0.0

    def score(self, feats: Iterable[str]) -> float:
        return self.bias + sum(self.weights.get(f, 0.0) for f in feats)

    def probability(self, feats: Iterable[str]) -> float:
        z = self.score(feats)
        return 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "weights": self.weights}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> LogisticModel:
        weights, bias = data["weights"], data["bias"]
        if not isinstance(weights, dict) or not isinstance(bias, int | float):
            raise ValueError("malformed logistic model")
        return cls({str(k): float(v) for k, v in weights.items()}, float(bias))


@dataclass
class PerModel:
    """Two logistic regressions: `head` says whether a head word's phrase is a person (accepted
    at `threshold`), `boundary` ranks the candidate spans of one head."""

    head: LogisticModel
    boundary: LogisticModel
    threshold: float = 0.5

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "threshold": self.threshold,
            "head": self.head.to_json(),
            "boundary": self.boundary.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> PerModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} weights file")
        head, boundary, threshold = data["head"], data["boundary"], data["threshold"]
        if not isinstance(head, dict) or not isinstance(boundary, dict) or not isinstance(threshold, float):
            raise ValueError("malformed weights file")
        return cls(LogisticModel.from_json(head), LogisticModel.from_json(boundary), threshold)


@lru_cache(maxsize=1)
def default_model() -> PerModel:
    """The shipped model (`weights/per_mentions.json`), loaded once."""
    text = resources.files("ficlens.characters").joinpath("weights", WEIGHTS_FILE).read_text(encoding="utf-8")
    return PerModel.from_json(json.loads(text))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case US Census 1990 first names (public domain, shipped by the `names` package that
    gender.py reads too) with a frequency of at least 0.005 %; empty when the package is missing."""
    found: set[str] = set()
    for filename in ("dist.female.first", "dist.male.first"):
        try:
            text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
        except (ModuleNotFoundError, FileNotFoundError):
            return frozenset()
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= 0.005:
                found.add(parts[0].lower())
    return frozenset(found)


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "XX." if text.endswith(".") else "XX"
    if text[:1].isupper():
        return "Xx." if text.endswith(".") else "Xx"
    if text[:1].isdigit():
        return "d"
    if text[:1].isalpha():
        return "x"
    return "p"


def _sentence_initial(tok: Token) -> bool:
    i = tok.i
    while i > 0 and (tok.doc[i - 1].is_punct or tok.doc[i - 1].is_quote):
        i -= 1
    return i == 0 or tok.doc[i - 1].is_sent_end is True
