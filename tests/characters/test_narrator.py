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


def test_a_letter_in_a_story_told_in_the_third_person_names_no_narrator() -> None:
    # the letter's "I" makes a narrator entity, but the story is not told by it: the name heard
    # only in speech ("Nell") stays its own character instead of naming the letter's writer
    walk = "Anna walked along the river with her sister and looked at the slow brown water for a while."
    paragraphs = [
        "“Nell, come and see,” Anna called.",
        "“Nell never listens,” said Tom. “Nell!”",
        *[walk] * 80,
        "The letter said: I am well. I hope you are well. I miss the river. I think of you. I will "
        "come home soon, and I will bring the books I promised. I know you wait. I am sorry. I am yours.",
        *[walk] * 80,
        "“Nell, the letter,” said Tom.",
    ]
    document = Document.from_texts(paragraphs)
    result = run_nlp(document, parsed=parse_document(document))
    cast = result.cast
    assert cast.narrator is not None and cast.entities[cast.narrator].name == "the narrator"
    nell = [e for e in cast.entities if e.name == "Nell" and e.named]
    assert len(nell) == 1 and nell[0].index != cast.narrator
    assert {m.entity for m in cast.mentions if m.text == "Nell"} == {nell[0].index}


def test_a_he_or_she_tag_is_not_the_first_person_narrator() -> None:
    from ficlens.characters.types import Cast, Entity, MentionSpan
    from ficlens.dialogue.attribution import _fits

    cast = Cast(
        entities=[Entity(0, "Theo", gender="male"), Entity(1, "Marcus", gender="male")],
        mentions=[],
        narrator=0,
    )
    he = MentionSpan(0, 2, "he", "pronoun", 0, gender="male")
    assert not _fits(cast, 0, he) and _fits(cast, 1, he)
