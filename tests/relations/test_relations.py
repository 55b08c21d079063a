"""Relationship cues on small texts written for these tests, and the example story end to end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ficlens.model import RelationshipTag, WorkMeta

Analyse = Callable[..., Any]


def test_a_kiss_is_romantic_and_physical(analyse: Analyse) -> None:
    r = analyse("Marta waited by the gate until Tomas came.", "Marta kissed Tomas and laughed.")
    rel = r.pair("Marta", "Tomas")
    assert rel is not None
    assert rel.kinds["romantic"] > 0.5
    assert rel.interactions.physical == 1
    assert rel.interactions.scenes == 1
    assert any(e.kind == "romantic" and "kissed" in e.text for e in rel.evidence)


def test_passive_and_conjoined_verbs_keep_their_agent(analyse: Analyse) -> None:
    r = analyse(
        "Marta and Tomas met at the gate.", "Tomas was kissed by Marta.", "Elena leaned in and hugged Peter."
    )
    assert "romantic" in r.pair("Marta", "Tomas").kinds
    assert r.pair("Elena", "Peter").interactions.physical == 1


def test_evidence_is_the_located_sentence(analyse: Analyse) -> None:
    paragraphs = ["The night was cold. Marta kissed Tomas. Then they left."]
    r = analyse(*paragraphs)
    (evidence,) = r.pair("Marta", "Tomas").evidence
    assert evidence.text == "Marta kissed Tomas."
    assert paragraphs[evidence.paragraph][evidence.start : evidence.end] == evidence.text
    assert evidence.chapter == 1


def test_possessive_relation_words(analyse: Analyse) -> None:
    r = analyse(
        "Marta walked in with her best friend Elena.",
        "Peter Vance is Marta's brother.",
        "Tomas is Elena's boss.",
    )
    assert r.pair("Marta", "Elena").kinds["friendship"] > 0.5
    assert "family" in r.pair("Peter", "Marta").kinds
    assert "professional" in r.pair("Tomas", "Elena").kinds


def test_plural_relation_word_ties_the_subjects(analyse: Analyse) -> None:
    r = analyse("Marta waved at Elena.", "Marta and Elena were best friends.")
    assert "friendship" in r.pair("Marta", "Elena").kinds


def test_vampire_kinship(analyse: Analyse) -> None:
    r = analyse("Drusilla sired Spike a century ago.", "Spike bowed to Drusilla.", "Darla is Angel's sire.")
    assert "family" in r.pair("Drusilla", "Spike").kinds
    assert "family" in r.pair("Darla", "Angel").kinds


def test_enmity_from_feelings_and_blows(analyse: Analyse) -> None:
    r = analyse("Faith Lehane hates Marta.", "Faith punched Marta and glared at her.")
    rel = r.pair("Faith", "Marta")
    assert list(rel.kinds) == ["enmity"]
    assert rel.interactions.physical == 1
    assert len([e for e in rel.evidence if e.kind == "enmity"]) == 2


def test_affection_between_relatives_is_family_not_romance(analyse: Analyse) -> None:
    r = analyse("Dawn is Marta's sister.", "Marta hugged Dawn and said she loved her.")
    rel = r.pair("Dawn", "Marta")
    assert "family" in rel.kinds
    assert "romantic" not in rel.kinds


def test_negated_love_is_no_romance(analyse: Analyse) -> None:
    r = analyse("Marta does not love Tomas.")
    rel = r.pair("Marta", "Tomas")
    assert rel is None or "romantic" not in rel.kinds


def test_rejection_lowers_a_romance_without_erasing_it(analyse: Analyse) -> None:
    kissed = analyse("Marta kissed Tomas.").pair("Marta", "Tomas")
    rejected = analyse("Marta kissed Tomas.", "Then Marta walked away from Tomas.").pair("Marta", "Tomas")
    assert 0 < rejected.kinds["romantic"] < kissed.kinds["romantic"]
    assert any("walked away" in e.text and e.kind == "romantic" for e in rejected.evidence)


def test_hypothetical_cues_weigh_less(analyse: Analyse) -> None:
    done = analyse("Marta met Tomas.", "Marta hit Tomas.").pair("Marta", "Tomas")
    talked_of = analyse("Marta met Tomas.", "Marta could hit Tomas.").pair("Marta", "Tomas")
    assert 0 < talked_of.kinds["enmity"] < done.kinds["enmity"]


def test_feelings_in_a_quote_reach_the_one_addressed(analyse: Analyse) -> None:
    r = analyse(
        "Marta found Tomas on the steps.",
        "“You think you’re in love with Elena,” Marta told Tomas.",
        "Tomas looked at Elena across the square.",
    )
    assert "romantic" in r.pair("Tomas", "Elena").kinds


def test_quotes_are_counted_in_each_direction(analyse: Analyse) -> None:
    r = analyse(
        "Marta met Tomas at the door.",
        "“You’re late,” Marta said.",
        "“The bus broke down,” Tomas said.",
        "“Again?” Marta asked.",
    )
    m, t = r.id("Marta"), r.id("Tomas")
    assert r.pair("Marta", "Tomas").interactions.quotes == {f"{m}->{t}": 2, f"{t}->{m}": 1}


def test_endearments_addressed_to_someone_are_romantic(analyse: Analyse) -> None:
    r = analyse("Spike sat beside Marta on the steps.", "“Come here, pet,” Spike said to Marta.")
    assert "romantic" in r.pair("Spike", "Marta").kinds


def test_tag_support(analyse: Analyse) -> None:
    work = WorkMeta(
        relationship_tags=[
            RelationshipTag(tag="Marta Reyes/Tomas", characters=["Marta Reyes", "Tomas"], kind="romantic"),
            RelationshipTag(tag="Elena/Tomas", characters=["Elena", "Tomas"], kind="romantic"),
            RelationshipTag(tag="Elena & Marta", characters=["Elena", "Marta"], kind="platonic"),
        ]
    )
    r = analyse(
        "Marta kissed Tomas under the bridge.",
        "Elena, Marta's best friend, saw Tomas and waved.",
        work=work,
    )
    (support,) = r.pair("Marta", "Tomas").tag_support
    assert support.tag == "Marta Reyes/Tomas" and support.supported
    (unsupported,) = r.pair("Elena", "Tomas").tag_support
    assert not unsupported.supported and unsupported.score == 0.0
    (platonic,) = r.pair("Elena", "Marta").tag_support
    assert platonic.supported


def test_unresolved_relation_word_takes_the_salient_character(analyse: Analyse) -> None:
    r = analyse(
        "Cordelia stormed out of the library and left Xander alone.",
        "Harmony picked up the books her best friend had thrown at him.",
    )
    assert "friendship" in r.pair("Harmony", "Cordelia").kinds


def test_hard_truths_relationships(hard_truths: Path) -> None:
    from ficlens.api import knowledge_base
    from ficlens.characters.export import character_ids
    from ficlens.ingest import RawInput, read_story
    from ficlens.pipeline import run_nlp
    from ficlens.relations import build_relationships
    from ficlens.text.document import Document

    _, story = read_story(RawInput(data=hard_truths.read_bytes(), name=hard_truths.name, extension=".txt"))
    result = run_nlp(Document.from_chapters(story.chapters), story.work, knowledge_base())
    ids = character_ids(result.cast)
    rels = build_relationships(result.parsed, result.cast, ids, result.utterances, story.work)
    by_name = {ids[e.index]: e.name.split()[0] for e in result.cast.entities if e.index in ids}
    found = {frozenset(by_name[c] for c in r.characters): r for r in rels}

    spike_willow = found[frozenset({"Spike", "Willow"})]
    buffy_spike = found[frozenset({"Buffy", "Spike"})]
    buffy_willow = found[frozenset({"Buffy", "Willow"})]
    # The story's pairing: the strongest romance, with the kiss as evidence.
    assert spike_willow.kinds["romantic"] > buffy_spike.kinds["romantic"] > 0
    assert any("kissed Spike" in e.text for e in spike_willow.evidence)
    # The rejected thread: romantic, with the rejection among its evidence.
    assert any("beneath me" in e.text for e in buffy_spike.evidence)
    # Best friends.
    assert max(buffy_willow.kinds, key=buffy_willow.kinds.__getitem__) == "friendship"
    assert "romantic" not in buffy_willow.kinds
    assert any("best friend" in e.text for e in buffy_willow.evidence)
