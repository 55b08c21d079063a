"""Quote detection edge cases from the dialogue issue, on sentences written for the tests."""

from __future__ import annotations

from ficlens.dialogue.marks import detect_style, single_mark_role
from ficlens.dialogue.quotes import QuoteSpan, detect_quotes, join_continued
from ficlens.text.document import Document


def _detect(*paragraphs: str) -> tuple[Document, list[QuoteSpan]]:
    doc = Document.from_texts(list(paragraphs))
    return doc, detect_quotes(doc)


def _parts(doc: Document, quotes: list[QuoteSpan]) -> list[list[str]]:
    return [[doc.text[s:e] for s, e in q.parts] for q in quotes]


def test_curly_double_quotes_include_their_marks() -> None:
    doc, quotes = _detect("“Stay here,” Dana said. Then she left.")
    assert _parts(doc, quotes) == [["“Stay here,”"]]
    assert quotes[0].text(doc.text) == "Stay here,"


def test_straight_double_quotes() -> None:
    doc, quotes = _detect('"Stay here," Dana said. "I mean it."', 'Tom shrugged. "Fine."')
    assert _parts(doc, quotes) == [['"Stay here,"', '"I mean it."'], ['"Fine."']]


def test_mixed_curly_and_straight_double_quotes() -> None:
    doc, quotes = _detect('“Where?" asked Tom.', '"There,” said Dana.')
    assert _parts(doc, quotes) == [['“Where?"'], ['"There,”']]


def test_quote_split_by_narration_is_one_utterance() -> None:
    doc, quotes = _detect("“I know,” she said, “but I don’t care.”")
    assert len(quotes) == 1
    assert _parts(doc, quotes) == [["“I know,”", "“but I don’t care.”"]]


def test_quotes_split_by_a_full_narrative_sentence_are_two_utterances() -> None:
    _doc, quotes = _detect("“That is all.” She stopped at the door and turned round, “Goodbye.”")
    assert len(quotes) == 2


def test_british_single_quotes_told_apart_from_apostrophes() -> None:
    text = (
        "‘What are you talkin’ ‘bout? Give ’em the Smiths’ records,’ said Ann. "
        "‘It’s rock ’n’ roll at four o’clock.’"
    )
    doc, quotes = _detect(text, "Bob’s dog barked at ’em all.", "‘Fine,’ said Bob.")
    assert _parts(doc, quotes) == [
        [
            "‘What are you talkin’ ‘bout? Give ’em the Smiths’ records,’",
            "‘It’s rock ’n’ roll at four o’clock.’",
        ],
        ["‘Fine,’"],
    ]


def test_straight_single_quotes() -> None:
    doc, quotes = _detect("'I can't go,' he said. 'Not with 'em.'", "'Why not?' asked Jo.")
    assert _parts(doc, quotes) == [["'I can't go,'", "'Not with 'em.'"], ["'Why not?'"]]


def test_apostrophe_roles() -> None:
    assert single_mark_role("don’t", 3) == "apostrophe"
    assert single_mark_role("give ’em", 5) == "apostrophe"
    assert single_mark_role("the ’90s", 4) == "apostrophe"
    assert single_mark_role("talkin’ now", 6) == "weak_close"
    assert single_mark_role("say ‘hello", 4) == "open"


def test_multi_paragraph_speech_is_one_utterance() -> None:
    _doc, quotes = _detect(
        "“It began in the spring. Nobody knew.",
        "“By summer the town was empty.”",
        "She said nothing.",
    )
    assert len(quotes) == 1
    assert quotes[0].paragraphs == [0, 1]
    assert quotes[0].closed == [False, True]


def test_quotes_given_one_per_paragraph_join_into_the_speech_detection_would_make() -> None:
    doc, quotes = _detect(
        "“It began in the spring. Nobody knew.",
        "“By summer the town was empty.”",
        "“And then?”",
    )
    split = [
        QuoteSpan([part], [k], [closed])
        for q in quotes
        for part, k, closed in zip(q.parts, q.paragraphs, q.closed, strict=True)
    ]
    assert len(split) == 3
    joined, owner = join_continued(doc, split)
    assert owner == [0, 0, 1]
    assert _parts(doc, joined) == _parts(doc, quotes)


def test_a_closed_quote_does_not_join_the_next_paragraphs_quote() -> None:
    doc, quotes = _detect("“It began in the spring.”", "“By summer the town was empty.”")
    assert join_continued(doc, quotes)[1] == [0, 1]


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    doc, quotes = _detect("“He told me ‘never again,’ and left,” Mia said.")
    assert _parts(doc, quotes) == [["“He told me ‘never again,’ and left,”"]]
    doc, quotes = _detect("‘He told me “never again,” and left,’ Mia said.", "‘Right,’ said Tom.")
    assert _parts(doc, quotes) == [["‘He told me “never again,” and left,’"], ["‘Right,’"]]


def test_unbalanced_quote_closes_at_paragraph_end() -> None:
    doc, quotes = _detect(
        "“I never close my quotes, Kim said.",
        "Kim walked to the window. The rain had stopped.",
        "“Fine,” said Lee.",
    )
    assert _parts(doc, quotes) == [["“I never close my quotes, Kim said."], ["“Fine,”"]]
    assert quotes[0].closed == [False]


def test_reopened_quote_closes_the_unclosed_one() -> None:
    doc, quotes = _detect('"Wait, she said. "Come back!"')
    assert _parts(doc, quotes) == [['"Wait, she said.'], ['"Come back!"']]


def test_em_dash_dialogue() -> None:
    doc, quotes = _detect(
        "—Ven aquí —dijo ella—. Ahora mismo.",
        "—No quiero.",
        "Ella suspiró.",
        "—Bueno.",
    )
    assert detect_style([p.text for p in doc.paragraphs]) == "dash"
    assert [q.text(doc.text) for q in quotes] == ["Ven aquí Ahora mismo.", "No quiero.", "Bueno."]


def test_apostrophes_replaced_by_spaces() -> None:
    doc, quotes = _detect('"I don t know," said Emma s sister. "It isn t mine."', "Harriet did n t answer.")
    assert _parts(doc, quotes) == [['"I don t know,"', '"It isn t mine."']]
    doc, quotes = _detect("'I don t know,' said Emma. 'It isn t mine.'", "'Oh,' said Tom s friend.")
    assert len(quotes) == 2


def test_dominant_style() -> None:
    assert detect_style(["“Hi,” she said.", "“Bye.”"]) == "double_curly"
    assert detect_style(['"Hi," she said.', '"Bye."']) == "double_straight"
    assert detect_style(["‘Hi,’ she said. ‘Don’t go.’", "‘Bye.’"]) == "single_curly"
    assert detect_style(["'Hi,' she said.", "'Bye.'", "It's late."]) == "single_straight"
    assert detect_style(["«Hi», she said.", "«Bye»."]) == "guillemets"
    # apostrophes alone never make a single-quote text
    assert detect_style(["It’s Bob’s.", "“Hi,” she said."]) == "double_curly"


def test_a_quoted_term_inside_a_sentence_is_not_speech() -> None:
    _, quotes = _detect(
        "The “jolly decent chap” could any day turn into a nuisance, "
        "and they christened their “lapses” with care."
    )
    assert quotes == []


def test_short_speech_after_a_speech_verb_or_with_its_own_punctuation_stays_speech() -> None:
    for text, quoted in [
        ("Miss Derek said “Golly!” and left.", "“Golly!”"),
        ("They kept shouting “off with his head” at everyone.", "“off with his head”"),
        ("A sharp “Come in.” followed.", "“Come in.”"),
        ("“Come in,” she said.", "“Come in,”"),
    ]:
        assert _parts(*_detect(text)) == [[quoted]]
