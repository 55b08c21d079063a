"""The English NLP pipeline (spaCy) and parsing of a `Document` paragraph by paragraph."""

from ficlens.nlp.parse import ParsedDocument, load_nlp, parse_document

__all__ = ["ParsedDocument", "load_nlp", "parse_document"]
