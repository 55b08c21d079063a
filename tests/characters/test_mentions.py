"""Person mention detection (`detect_mentions`) on small sentences written for these tests."""

from __future__ import annotations

import pytest

from ficlens.characters.mention_model import LogisticModel, PerModel, default_model
from ficlens.characters.mention_spans import candidates
from ficlens.characters.mentions import detect_mentions
from ficlens.characters.types import MentionSpan
from ficlens.dialogue import detect_quotes
from ficlens.nlp import parse_document
from ficlens.text.document import Document


def mentions_of(
    *paragraphs: str, known: tuple[str, ...] = (), descriptors: tuple[str, ...] = ()
) -> list[MentionSpan]:
    parsed = parse_document(Document.from_texts(list(paragraphs)))
    found = detect_mentions(parsed, (), known, descriptors)
    for m in found:
        assert parsed.document.text[m.start : m.end] == m.text
    return found


def spans(found: list[MentionSpan], kind: str) -> list[str]:
    return [m.text for m in found if m.kind == kind]


def test_titled_name_and_its_nested_title() -> None:
    found = mentions_of("“Hello,” said Mr. Darcy to Elizabeth Bennet.")
    assert spans(found, "name") == ["Mr. Darcy", "Elizabeth Bennet"]
    # LitBank nests the title as a mention of its own; it is a nominal, never a name to cluster
    assert spans(found, "nominal") == ["Mr."]
    darcy = next(m for m in found if m.text == "Mr. Darcy")
    assert darcy.head == "Darcy"


def test_descriptions_with_their_heads() -> None:
    found = mentions_of("Willow watched the upset vampire. Her best friend sighed.")
    nominals = {m.text: m.head for m in found if m.kind == "nominal"}
    assert nominals == {"the upset vampire": "vampire", "Her best friend": "friend"}


def test_description_span_keeps_its_modifiers() -> None:
    found = mentions_of(
        "Everyone agrees that a young woman in charge of a large estate must be in need of a steward."
    )
    assert spans(found, "nominal") == ["a young woman in charge of a large estate", "a steward"]


def test_name_nested_inside_a_description() -> None:
    found = mentions_of("The children of Mr. Woodhouse’s family were asleep.")
    assert "Mr. Woodhouse" in spans(found, "name")


def test_plural_description() -> None:
    found = mentions_of("The soldiers marched past the old farmer.")
    plural = {m.text: m.plural for m in found if m.kind == "nominal"}
    assert plural == {"The soldiers": True, "the old farmer": False}


def test_a_name_accepted_once_is_accepted_everywhere() -> None:
    found = mentions_of("Willow said she was tired.", "Xander smiled at Willow.", "Willow shrugged.")
    assert spans(found, "name").count("Willow") == 3


def test_known_names_are_always_names() -> None:
    found = mentions_of("Sunnydale waited for Spike.", known=("Sunnydale",))
    assert "Sunnydale" in spans(found, "name")


def test_descriptors_extend_the_person_nouns() -> None:
    found = mentions_of("The slayer fought the fledgling.", descriptors=("fledgling",))
    assert "the fledgling" in spans(found, "nominal")


def test_pronouns_with_gender_and_number() -> None:
    found = mentions_of("She gave him their book, and it was heavy.")
    pronouns = {m.text: (m.gender, m.plural) for m in found if m.kind == "pronoun"}
    assert pronouns == {"She": ("female", False), "him": ("male", False), "their": (None, True)}


def test_no_mention_for_things_and_places() -> None:
    found = mentions_of("It rained in London all week, and the old house creaked.")
    assert [m.text for m in found] == []


def test_candidates_include_the_maximal_phrase_and_the_bare_name() -> None:
    doc = parse_document(Document.from_texts(["Poor dear Florence, who was tired, slept."])).docs[0]
    texts = {doc[c.start : c.end].text for c in candidates(doc)}
    assert {"Florence", "Poor dear Florence , who was tired"} <= texts or {
        "Florence",
        "Poor dear Florence, who was tired",
    } <= texts


def test_model_round_trips_through_json() -> None:
    model = PerModel(LogisticModel({"a": 1.5}, -0.5), LogisticModel({"b": 2.0}), 0.4)
    again = PerModel.from_json(model.to_json())
    assert again == model
    assert again.head.probability(["a"]) == pytest.approx(0.731, abs=1e-3)
    with pytest.raises(ValueError):
        PerModel.from_json({"format": "something else"})


def test_shipped_weights_load() -> None:
    model = default_model()
    assert 0 < model.threshold < 1
    assert model.head.weights and model.boundary.weights


def test_the_subject_of_a_speech_tag_is_a_person_whatever_its_noun() -> None:
    document = Document.from_texts(
        ["“I’ll ask,” said the parlourmaid.", "The parlourmaid said, “He is out.”"]
    )
    quotes = [p for q in detect_quotes(document) for p in q.parts]
    mentions = detect_mentions(parse_document(document), quotes)
    assert [m.text for m in mentions if m.kind == "nominal"] == ["the parlourmaid", "The parlourmaid"]


def test_what_was_said_is_no_speaker_beside_a_quotation() -> None:
    document = Document.from_texts(
        ["“Then go, and never come back,” Willow said. The little speech started calmly, ended loudly."]
    )
    quotes = [p for q in detect_quotes(document) for p in q.parts]
    mentions = detect_mentions(parse_document(document), quotes)
    assert "speech" not in {m.head.lower() for m in mentions}
