"""Find every reference to a person: proper names, person descriptions ("the upset vampire"), pronouns.

Names and descriptions: every noun-phrase head of the parse proposes a few candidate spans
(`mention_spans`), a logistic-regression model trained on LitBank (`mention_model`) scores them and
each head keeps its best candidate when that one is likely a person. Spans follow LitBank's
conventions: the maximal noun phrase with its prepositional and relative-clause modifiers ("a
tall woman in charge of a small bakery"), nested mentions allowed ("Mr. Woodhouse" inside
"Mr. Woodhouse 's family", the title "Mr." inside "Mr. Bennet").

A surface form accepted as a name once is accepted everywhere in the text (spaCy tags "Willow"
PERSON in one sentence and ORG in the next), and `known_names` (knowledge base, character tags)
are always names. Pronouns come from a closed list and are emitted for coreference.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from ficlens.characters.lexicon import HONORIFICS, PERSON_NOUNS, PRONOUNS, SPEECH_VERBS
from ficlens.characters.mention_model import (
    DocumentContext,
    PerModel,
    boundary_features,
    default_model,
    head_features,
)
from ficlens.characters.mention_spans import Candidate, candidates
from ficlens.characters.types import MentionSpan
from ficlens.nlp.parse import ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NON_PERSON_ENTS = {
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "DATE",
    "TIME",
    "MONEY",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
    "PERCENT",
    "LANGUAGE",
    "LAW",
    "EVENT",
    "PRODUCT",
}
_PLURAL_HEADS = frozenset({"people", "folk", "folks"})

NAME_VOTES = 2
"""A proper noun that is the subject of verbs this often (speech verbs count twice) is a name."""


@dataclass
class _Choice:
    """The best-scoring candidate of one head."""

    candidate: Candidate
    probability: float
    accepted: bool


def detect_mentions(
    parsed: ParsedDocument,
    quote_spans: Sequence[tuple[int, int]] = (),
    known_names: Iterable[str] = (),
    descriptors: Iterable[str] = (),
    *,
    model: PerModel | None = None,
) -> list[MentionSpan]:
    """All person mentions of the document, sorted by offset, not yet clustered.

    `known_names` (knowledge-base names, character tags) are accepted as names wherever they occur,
    even where spaCy's NER misses them; `descriptors` ("vampire", "witch") extend the person-noun
    lexicon. `model` replaces the shipped classifier (training uses it for cross-validation).
    """
    model = model or default_model()
    person_nouns = PERSON_NOUNS | {d.lower() for d in descriptors if " " not in d}
    ctx = DocumentContext.from_docs(parsed.docs, frozenset(person_nouns))
    known = {n for name in known_names for n in _name_variants(name)}
    choices = [_choose(doc, ctx, model, known) for doc in parsed.docs]
    _accept_tag_subjects(parsed, choices, quote_spans)
    names = (
        known
        | {name for name, votes in ctx.name_votes.items() if votes >= NAME_VOTES}
        | {
            doc[c.candidate.head].text
            for doc, by_head in zip(parsed.docs, choices, strict=True)
            for c in by_head.values()
            if c.accepted and _is_name_head(doc[c.candidate.head])
        }
    )
    mentions: list[MentionSpan] = []
    for index, (doc, by_head) in enumerate(zip(parsed.docs, choices, strict=True)):
        base = parsed.document.paragraphs[index].offset
        spans: set[tuple[int, int]] = set()
        taken: set[int] = set()
        for head_index, choice in sorted(by_head.items()):
            head = doc[head_index]
            if not choice.accepted and not (head.text in names and _is_whole_name_head(head)):
                continue
            cand = choice.candidate
            if (cand.start, cand.end) in spans:
                continue
            spans.add((cand.start, cand.end))
            kind = (
                "name" if _is_name_head(head) and (head.pos_ == "PROPN" or head.text in names) else "nominal"
            )
            if kind == "name":
                taken.update(range(cand.start, cand.end))
            m = _mention(doc, cand.start, cand.end, kind, index, base, head)
            m.confidence = round(max(choice.probability, 0.5), 3)
            mentions.append(m)
        for start, end in _name_spans(doc, names):
            if not any(i in taken or i in by_head for i in range(start, end)):
                taken.update(range(start, end))
                mentions.append(_mention(doc, start, end, "name", index, base, doc[end - 1]))
        mentions.extend(_pronouns(doc, taken, index, base))
    _flag_quoted(mentions, quote_spans)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def _choose(doc: Doc, ctx: DocumentContext, model: PerModel, known: set[str]) -> dict[int, _Choice]:
    """Per head, its best-bounded candidate and whether the head's phrase is a person."""
    by_head: dict[int, list[Candidate]] = {}
    for cand in candidates(doc):
        by_head.setdefault(cand.head, []).append(cand)
    best: dict[int, _Choice] = {}
    for head_index, cands in by_head.items():
        head = doc[head_index]
        p = model.head.probability(head_features(head, ctx))
        cand = max(cands, key=lambda c: model.boundary.score(boundary_features(doc, c, head)))
        accepted = p >= model.threshold or (head.text in known and _is_name_head(head))
        best[head_index] = _Choice(cand, p, accepted)
    return best


def _is_whole_name_head(tok: Token) -> bool:
    """A name head that is not the first part of a longer name ("John" of "John Reed")."""
    part = tok.dep_ in {"compound", "flat"} and tok.head.text[:1].isupper() and tok.head.i > tok.i
    return _is_name_head(tok) and not part


def _is_name_head(tok: Token) -> bool:
    """A capitalised word that can be (part of) a name; titles alone ("Mr.") are not names."""
    if not tok.text[:1].isupper() or tok.lower_ in PRONOUNS or tok.lower_ in HONORIFICS:
        return False
    return not (tok.ent_type_ in _NON_PERSON_ENTS and tok.pos_ != "PROPN")


def _mention(
    doc: Doc, start: int, end: int, kind: str, paragraph: int, base: int, head: Token
) -> MentionSpan:
    span = doc[start:end]
    return MentionSpan(
        start=base + span.start_char,
        end=base + span.end_char,
        text=span.text,
        kind=kind,  # type: ignore[arg-type]
        paragraph=paragraph,
        head=head.lemma_.lower() if kind == "nominal" else head.text,
        plural=head.tag_ in {"NNS", "NNPS"}
        or head.lower_ in _PLURAL_HEADS
        # "the King and Queen of Hearts": two people in one phrase
        or any(c.dep_ == "conj" and start <= c.i < end for c in head.children),
    )


def _pronouns(doc: Doc, taken: set[int], paragraph: int, base: int) -> list[MentionSpan]:
    out: list[MentionSpan] = []
    for tok in doc:
        if tok.i in taken:
            continue
        low = tok.lower_
        if (low in PRONOUNS and tok.pos_ == "PRON") or (
            low in {"her", "his"} and tok.tag_ in {"PRP$", "PRP"}
        ):
            gender, plural, _ = PRONOUNS[low]
            m = _mention(doc, tok.i, tok.i + 1, "pronoun", paragraph, base, tok)
            m.head, m.gender, m.plural = tok.text, gender, plural
            out.append(m)
    return out


def _name_variants(name: str) -> set[str]:
    parts = [p for p in name.replace("(", " ").replace(")", " ").split() if p[:1].isupper()]
    return {p for p in parts if p.lower() not in HONORIFICS} | {name}


def _name_spans(doc: Doc, names: set[str]) -> list[tuple[int, int]]:
    """Token spans of accepted names the parse gave no noun head (spaCy tags "Willow" a verb):
    runs of accepted capitalised tokens, extended left over an honorific."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if doc[i].text in names and _is_name_head(doc[i]):
            start, end = i, i + 1
            while end < n and doc[end].text in names and _is_name_head(doc[end]):
                end += 1
            while start > 0 and doc[start - 1].lower_ in HONORIFICS and doc[start - 1].text[:1].isupper():
                start -= 1
            spans.append((start, end))
            i = end
        else:
            i += 1
    return spans


TAG_REACH = 60
"""Characters between a quotation and the subject of its speech tag ("…," said the parlourmaid)."""
_NOT_SPEAKERS = frozenset(
    "voice voices letter note words word answer reply paper sign notice card message telegram "
    "newspaper article report story book clock bell silence door speech question remark conversation "
    "argument discussion talk sound noise laughter laugh cry scream shout whisper song music radio "
    "phone television tv screen text".split()
)
"""Nouns that "said", "began" or "continued" may govern beside a quotation and that speak for no
one: what was said, how, or through what ("The little speech began calmly")."""


def _accept_tag_subjects(
    parsed: ParsedDocument, choices: list[dict[int, _Choice]], quote_spans: Sequence[tuple[int, int]]
) -> None:
    """A definite description that is the subject of a speech verb right by a quotation is a person
    whatever its noun ("said the parlourmaid", "the patronne said"), however rare the noun."""
    starts = sorted(s for s, _ in quote_spans)
    ends = sorted(e for _, e in quote_spans)
    for index, (doc, by_head) in enumerate(zip(parsed.docs, choices, strict=True)):
        base = parsed.document.paragraphs[index].offset
        for head_index, choice in by_head.items():
            head = doc[head_index]
            if choice.accepted or not _speaking_description(head):
                continue
            at = base + head.idx
            k = bisect_right(ends, at) - 1
            j = bisect_left(starts, at)
            if (k >= 0 and at - ends[k] <= TAG_REACH) or (j < len(starts) and starts[j] - at <= TAG_REACH):
                choice.accepted = True


def _speaking_description(head: Token) -> bool:
    """ "the parlourmaid" as the subject of "said": a definite common noun speaking."""
    return (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.dep_ == "nsubj"
        and head.head.lemma_.lower() in SPEECH_VERBS
        and head.lower_ not in _NOT_SPEAKERS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)
    )


def _flag_quoted(mentions: list[MentionSpan], quote_spans: Sequence[tuple[int, int]]) -> None:
    spans = sorted(quote_spans)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end of the spans so far
    for m in mentions:
        k = bisect_right(starts, m.start) - 1
        m.in_quote = k >= 0 and m.end <= reach[k]
