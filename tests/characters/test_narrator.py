"""A first-person narrator takes the name others call them in dialogue."""

from __future__ import annotations

from ficlens.nlp import parse_document
from ficlens.pipeline import run_nlp
from ficlens.text.document import Document

OPENING = [
    "I walked down to the harbour with Marcus. I was tired and my feet hurt.",
    "“Theo, you look awful,” Marcus said.",
    "“I know,” I said. I sat on the wall and I watched the boats.",
    "“Come on, Theo. We will be late,” Marcus said.",
]
"""A narrator others call "Theo"."""
CLOSING = [
    "“Theo!” Marcus called from the boat. “Hurry!”",
    "I ran. My bag bounced against my back.",
]


def test_narrator_is_named_from_vocatives() -> None:
    paragraphs = [
        *OPENING,
        "I stood up. I followed him along the quay and I did not say anything.",
        *CLOSING,
    ]
    document = Document.from_texts(paragraphs)
    result = run_nlp(document, parsed=parse_document(document))
    names = {e.name for e in result.cast.entities if e.named and e.mentions}
    assert "Theo" in names and "the narrator" not in names
    theo = next(e for e in result.cast.entities if e.name == "Theo" and e.named)
    assert any(m.text == "I" and not m.in_quote for m in theo.mentions)
    said = [
        a
        for q, a in zip(result.quotes, result.attributions, strict=True)
        if "I know" in document.text[q.parts[0][0] : q.parts[0][1]]
    ]
    assert said and said[0].speaker == theo.index


def test_a_narrator_known_by_a_pet_name_and_a_formal_name_is_one_character() -> None:
    paragraphs = [
        *OPENING,
        "I stood up. A clerk came out of the harbour office with a list.",
        "“Theodore Vance? Your berth is ready, Vance,” the clerk said.",
        "“Thank you,” I said. I followed him along the quay.",
        "“Vance, is it? Sign here, Theodore Vance,” the clerk said, and Marcus laughed.",
        *CLOSING,
    ]
    document = Document.from_texts(paragraphs)
    result = run_nlp(document, parsed=parse_document(document))
    narrators = {m.entity for m in result.cast.mentions if m.text == "I" and not m.in_quote}
    assert len(narrators) == 1
    narrator = result.cast.entities[narrators.pop()]
    texts = {m.text for m in narrator.mentions}
    assert {"Theo", "Theodore Vance", "Vance"} <= texts
    assert narrator.name == "Theodore Vance"  # the fullest name used regularly
    assert not any(
        e is not narrator and e.named and e.mentions and "Vance" in e.name for e in result.cast.entities
    )
