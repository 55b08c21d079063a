"""Find every reference to a person: proper names, person descriptions ("the upset vampire"), pronouns.

Proper names come from spaCy's PERSON entities, from proper-noun runs that a knowledge base, the
work's tags or another PERSON occurrence vouch for, and from honorific + name patterns. A surface
form accepted once is accepted everywhere in the text (spaCy tags "Willow" PERSON in one sentence
and ORG in the next).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ficlens.characters.lexicon import HONORIFICS, PERSON_NOUNS, PRONOUNS, SPEECH_VERBS
from ficlens.characters.types import MentionSpan
from ficlens.nlp.parse import ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NON_PERSON_ENTS = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL",
                    "PERCENT", "LANGUAGE", "LAW", "EVENT", "PRODUCT"}


def detect_mentions(
    parsed: ParsedDocument,
    quote_spans: Sequence[tuple[int, int]] = (),
    known_names: Iterable[str] = (),
    descriptors: Iterable[str] = (),
) -> list[MentionSpan]:
    """All person mentions of the document, sorted by offset, not yet clustered.

    `known_names` (knowledge-base names, character tags) make proper-noun runs count as names even
    where spaCy's NER misses them; `descriptors` ("vampire", "witch") extend the person-noun lexicon.
    """
    names = _accepted_names(parsed, known_names)
    person_nouns = PERSON_NOUNS | {d.lower() for d in descriptors if " " not in d}
    mentions: list[MentionSpan] = []
    for index, doc in enumerate(parsed.docs):
        base = parsed.document.paragraphs[index].offset
        taken: set[int] = set()
        for start, end in _name_spans(doc, names):
            taken.update(range(start, end))
            mentions.append(_mention(doc, start, end, "name", index, base))
        for tok in doc:
            if tok.i in taken:
                continue
            low = tok.lower_
            if low in PRONOUNS and tok.pos_ == "PRON" or low in {"her", "his"} and tok.tag_ in {"PRP$", "PRP"}:
                gender, plural, _ = PRONOUNS[low]
                m = _mention(doc, tok.i, tok.i + 1, "pronoun", index, base)
                m.gender, m.plural = gender, plural
                mentions.append(m)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in person_nouns and tok.dep_ != "compound":
                start = _np_start(tok)
                if any(i in taken for i in range(start, tok.i + 1)):
                    start = tok.i
                m = _mention(doc, start, tok.i + 1, "nominal", index, base)
                m.plural = tok.tag_ in {"NNS", "NNPS"}
                mentions.append(m)
    _flag_quoted(mentions, quote_spans)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def _mention(doc: Doc, start: int, end: int, kind: str, paragraph: int, base: int) -> MentionSpan:
    span = doc[start:end]
    return MentionSpan(
        start=base + span.start_char,
        end=base + span.end_char,
        text=span.text,
        kind=kind,  # type: ignore[arg-type]
        paragraph=paragraph,
        head=span.root.lemma_.lower() if kind == "nominal" else span.root.text,
    )


def _accepted_names(parsed: ParsedDocument, known_names: Iterable[str]) -> set[str]:
    """Surface forms (single tokens and full names) accepted as person names for the whole text."""
    accepted = {n for name in known_names for n in _name_variants(name)}
    subjects: Counter[str] = Counter()
    for doc in parsed.docs:
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                tokens = [t for t in ent if t.pos_ == "PROPN" or t.text[:1].isupper()]
                for t in tokens:
                    if t.text[:1].isupper() and t.lower_ not in HONORIFICS and t.lower_ not in PRONOUNS:
                        accepted.add(t.text)
        for tok in doc:
            # "Mr. Darcy", "Captain Hook": an honorific vouches for the name after it
            if tok.lower_ in HONORIFICS and tok.text[:1].isupper():
                nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
                if nxt is not None and nxt.pos_ == "PROPN":
                    accepted.add(nxt.text)
            # a proper noun that does things ("Willow watched", "Willow said") is a person
            if (tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB"
                    and tok.ent_type_ in {"", "ORG", "PERSON"} and tok.text[:1].isupper()):
                subjects[tok.text] += 1 + (tok.head.lemma_.lower() in SPEECH_VERBS)
    accepted.update(name for name, votes in subjects.items() if votes >= 2)
    return accepted


def _name_variants(name: str) -> set[str]:
    parts = [p for p in name.replace("(", " ").replace(")", " ").split() if p[:1].isupper()]
    return set(parts) | {name}


def _name_spans(doc: Doc, names: set[str]) -> list[tuple[int, int]]:
    """Token spans of person names: runs of capitalised tokens containing an accepted name,
    extended left over an honorific."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if tok.text in names and _can_be_name(tok):
            start, end = i, i + 1
            while end < n and doc[end].text in names and _can_be_name(doc[end]):
                end += 1
            while start > 0 and doc[start - 1].lower_ in HONORIFICS and doc[start - 1].text[:1].isupper():
                start -= 1
            if start > 0 and doc[start - 1].text == "." and start > 1 and doc[start - 2].lower_ in {"mr", "mrs", "dr", "ms"}:
                start -= 2
            spans.append((start, end))
            i = end
        else:
            i += 1
    return spans


def _can_be_name(tok: Token) -> bool:
    if not tok.text[:1].isupper() or tok.lower_ in PRONOUNS:
        return False
    return not (tok.ent_type_ in _NON_PERSON_ENTS and tok.ent_type_ not in {"ORG"} and tok.pos_ != "PROPN")


def _np_start(head: Token) -> int:
    """Left edge of a noun phrase: determiners, possessives, adjectives and compounds before the head."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in {"det", "poss", "amod", "compound", "nummod", "advmod", "nmod", "predet", "case"}:
            start = min(start, child.left_edge.i)
    return start


def _flag_quoted(mentions: list[MentionSpan], quote_spans: Sequence[tuple[int, int]]) -> None:
    spans = sorted(quote_spans)
    for m in mentions:
        m.in_quote = any(s <= m.start and m.end <= e for s, e in spans)
