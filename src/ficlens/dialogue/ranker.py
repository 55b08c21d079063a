"""A learned speaker ranker: for every quote, score the characters near it and keep the best.

The rules of `attribution` run first; their choices (the speech tag's subject, turn-taking, the
speakers of neighbouring quotes) become features of each candidate, next to plain evidence from
the text: who is named in narration around the quote and how close, who is addressed inside it,
whose gender fits the tag's pronoun or the neighbours' words of address ("Yes, sir"), which named
character a description in the tag ("said the girl") keeps company with. Gradient-boosted trees
(a LightGBM ranker, one query per quote) trained on PDNC with leave-novels-out cross-validation
(`training/dialogue/train_speaker.py`) weigh them; trees read interactions a sum of weights cannot
(a neighbour's choice counts for an untagged line, little for a tagged one).

A second pass reads the conversation: each candidate also gets the first pass's choices and
probabilities for the turns around the quote (people alternate; the one who spoke two turns back
speaks again) and its first-pass score, and a second model trained on out-of-fold first-pass
choices decides. A third model, a conditional logit (a softmax over each quote's candidates),
picks each quote's addressee among the same candidates, reading the chosen speakers.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from ficlens.characters.types import Cast, MentionSpan
from ficlens.dialogue.cues import CONTINUING_VERBS, REPLYING_VERBS
from ficlens.dialogue.quotes import QuoteSpan
from ficlens.nlp.parse import ParsedDocument

WINDOW_BEFORE = 4
"""Paragraphs before a quote whose narration names candidates."""
WINDOW_AFTER = 1
NEIGHBOURS = 2
"""Quotes on each side whose speakers are candidates (inside one conversation)."""
MAIN_CHARACTERS = 3
"""The most mentioned named characters, candidates for every quote (a protagonist often speaks
in scenes where narration never names them)."""

FEATURES = (
    "rule",
    "rule_explicit",
    "rule_anaphoric",
    "rule_implicit",
    "rule_weak",
    "cue_name",
    "cue_pronoun",
    "cue_nominal",
    "cue_titled",
    "cue_narrator",
    "cue_pronoun_local",
    "cue_beat",
    "cue_gender_fits",
    "cue_gender_clash",
    "cue_object",
    "prev1",
    "prev2",
    "prev_same_paragraph",
    "next1",
    "next2",
    "next1_explicit",
    "next2_explicit",
    "vocative_here",
    "named_here",
    "vocative_prev",
    "addressee_prev",
    "vocative_next",
    "named_prev",
    "named_next",
    "asked_prev",
    "paragraph_before",
    "paragraph_after",
    "paragraph_name",
    "recent1",
    "recent2",
    "recent3",
    "distance",
    "window_count",
    "salience",
    "narrator",
    "unnamed",
    "plural",
    "no_gender",
    "conversation_start",
    "conversation_speaker",
    "main_character",
    "honorific_prev_fits",
    "honorific_prev_clash",
    "honorific_next_fits",
    "honorific_next_clash",
    "nominal_fits",
    "nominal_clash",
    "nominal_assoc",
    "nominal_assoc_top",
    "nominal_together",
    "nominal_self_assoc",
    "nominal_self_mentions",
    "fitting1",
    "fitting2",
    "fitting3",
    "fitting1_subject",
    "fitting2_subject",
    "fitting_subject",
    "continues_prev1",
    "continues_prev2",
    "replies_prev1",
    "tagged_share",
    "tagged_share_convo",
    "cued_share",
)


TURN_FEATURES = (
    "first_score",
    "first_choice",
    "turn_prev1",
    "turn_prev2",
    "turn_next1",
    "turn_next2",
    "turn_same_paragraph",
    "turn_alternates",
    "turn_repeats",
    "turn_share",
    "anchor_prev_even",
    "anchor_prev_odd",
    "anchor_next_even",
    "anchor_next_odd",
    "soft_prev1",
    "soft_prev2",
    "soft_prev3",
    "soft_prev4",
    "soft_next1",
    "soft_next2",
    "soft_next3",
    "soft_next4",
    "fits_soft_prev1",
    "fits_soft_prev2",
    "fits_soft_next1",
    "fits_soft_next2",
    "gap_prev",
    "gap_next",
    "gap_prev2",
    "gap_next2",
    "participants",
)
"""Second-pass features, read from the first pass's choices in the conversation; an anchor is the
nearest turn whose tag names its speaker, an even or odd number of turns away (two people
alternating: the speaker of a named line two or four turns back speaks again); the soft features
are the first pass's probability that the candidate speaks those turns, so a sure neighbour counts
for more than a guessed one. The gaps (narration paragraphs between the quote and the turns
before and after it, and between those and the next ones out) and the number of speakers chosen
in the four turns each side say how far those turns can be trusted: a conversation may run on
past a paragraph of narration into another scene, and three people do not alternate."""
ANCHOR_TURNS = 8
"""How many turns away an anchor is looked for."""
SOFT_TURNS = 4
"""How many turns on each side the soft features read."""

SCORED_TURN_FEATURES = frozenset(
    {"first_score"}
    | {f"soft_{side}{k}" for side in ("prev", "next") for k in range(1, SOFT_TURNS + 1)}
    | {f"fits_soft_{side}{k}" for side in ("prev", "next") for k in (1, 2)}
)
"""Turn features that need the first pass's scores."""

STRUCTURE_FEATURES = frozenset({"gap_prev", "gap_next", "gap_prev2", "gap_next2", "participants"})
"""Turn features that are one value for all of a quote's candidates: the trees read them with
others, a sum of weights over one quote's candidates cannot."""

STORY_PRIORS = frozenset({"salience", "main_character", "tagged_share", "tagged_share_convo", "cued_share"})
"""First-pass features that say how much a candidate talks in the whole story or conversation.
The second pass reads them only through the first pass's score: given them again, it let a
much-tagged character outvote the turns (the second pass's held-out accuracy on PDNC rose from
0.763 to 0.768 without them)."""
SECOND_FEATURES = tuple(f for f in (*FEATURES, *TURN_FEATURES) if f not in STORY_PRIORS)
"""What the second pass scores."""

ADDRESSEE_FEATURES = (
    *FEATURES,
    *(t for t in TURN_FEATURES if t not in SCORED_TURN_FEATURES | STRUCTURE_FEATURES),
    "cue_addressee",
    "rule_addressee",
)
"""Addressee features: the speaker features and the turn features read from the chosen speakers
(`first_choice` is then "this candidate is the speaker"), the tag's "said to X" and the rules'
addressee."""

_CUE_FEATURE = {
    "name": "cue_name",
    "nominal": "cue_nominal",
    "titled": "cue_titled",
    "beat": "cue_beat",
    "narrator": "cue_narrator",
}
_DECISIVE = ("cue_name", "cue_titled", "cue_narrator")
"""Tags that name their speaker outright: "said Emma", "cried the Colonel", "I said"."""


@dataclass
class QuoteEvidence:
    """What the rules found for one quote, the ranker's input."""

    speaker: int | None
    kind: str
    confidence: float
    cue_kind: str | None  # "name", "pronoun", "nominal", "titled" or None; "beat" for action beats
    cue_gender: str | None
    addressees: list[int]
    vocatives: list[int]
    named_inside: set[int]
    cue_addressees: list[int]
    cue_local: bool = False
    """A pronoun tag resolved to a character named earlier in the quote's paragraph."""
    cue_objects: list[int] = field(default_factory=list)
    """Characters the tag's clause acts on ("walked away from Spike")."""
    addressed_gender: str | None = None
    """The addressee's gender as the quote's words of address give it ("Yes, sir")."""
    cue_fitting: list[tuple[int, bool]] = field(default_factory=list)
    """For a he/she tag, the characters of that gender named last before it, most recent first,
    each with whether it was named as a clause's subject (one named as an object, "looked at
    Elizabeth", is right for "said she" half as often on PDNC)."""
    cue_fitting_subject: int | None = None
    """For a he/she tag, the character of that gender who was last a clause's subject before it."""
    asks: bool = False
    """The quote ends in a question, which someone else answers."""
    cue_verb: str | None = None
    """The tag's speech verb lemma ("continue", "reply")."""


def candidate_features(
    cast: Cast,
    quotes: Sequence[QuoteSpan],
    evidence: Sequence[QuoteEvidence],
    convo: Sequence[int],
    narrator: int | None = None,
    parsed: ParsedDocument | None = None,
) -> list[dict[int, dict[str, float]]]:
    """Per quote, its candidate entities and their feature values (absent features are 0).
    `parsed` gives sentences, for how often a description and a name share one."""
    narration = sorted(
        (m for m in cast.mentions if not m.in_quote and m.entity is not None and not m.is_title),
        key=lambda m: m.start,
    )
    by_paragraph: dict[int, list[MentionSpan]] = {}
    for m in narration:
        by_paragraph.setdefault(m.paragraph, []).append(m)
    salience = Counter(m.entity for m in cast.mentions if m.entity is not None)
    main = [e for e, _ in salience.most_common() if cast.entities[e].named][:MAIN_CHARACTERS]
    speakers: dict[int, Counter[int]] = {}
    tagged: dict[int, Counter[int]] = {}  # per conversation, the lines a speech tag names
    cued: Counter[int] = Counter()  # the lines a tag names or gives by pronoun ("she said")
    for c, ev in zip(convo, evidence, strict=True):
        if ev.speaker is not None:
            speakers.setdefault(c, Counter())[ev.speaker] += 1
            if ev.kind == "explicit":
                tagged.setdefault(c, Counter())[ev.speaker] += 1
            if ev.kind in ("explicit", "anaphoric"):
                cued[ev.speaker] += 1
    tagged_story = sum(tagged.values(), Counter())
    tagged_total = max(sum(tagged_story.values()), 1)
    cued_total = max(sum(cued.values()), 1)
    paragraphs = [(q.paragraphs[0], q.paragraphs[-1]) for q in quotes]
    associated = description_associations(cast)
    together = description_company(cast, parsed) if parsed is not None else {}
    plural = _plural_entities(cast)
    out: list[dict[int, dict[str, float]]] = []
    for i, q in enumerate(quotes):
        first, last = paragraphs[i]
        window = [
            m for p in range(first - WINDOW_BEFORE, last + WINDOW_AFTER + 1) for m in by_paragraph.get(p, [])
        ]
        cands: dict[int, dict[str, float]] = {}
        for m in window:
            f = cands.setdefault(m.entity, {})  # type: ignore[arg-type]
            f["window_count"] = f.get("window_count", 0.0) + 1.0
            gap = abs(m.paragraph - first) if m.start < q.start else abs(m.paragraph - last)
            f["distance"] = min(f.get("distance", 9.0), float(gap))
            if first <= m.paragraph <= last:
                key = "paragraph_before" if m.start < q.start else "paragraph_after"
                f[key] = 1.0
                if m.kind == "name":
                    f["paragraph_name"] = 1.0
        recent: list[int] = []
        for m in reversed([m for m in window if m.end <= q.start]):
            if m.entity not in recent:
                recent.append(m.entity)  # type: ignore[arg-type]
            if len(recent) == 3:
                break
        for rank, entity in enumerate(recent, 1):
            cands.setdefault(entity, {})[f"recent{rank}"] = 1.0
        ev = evidence[i]
        if ev.speaker is not None:
            f = cands.setdefault(ev.speaker, {})
            f["rule"] = 1.0
            f[f"rule_{ev.kind}"] = 1.0
            if ev.confidence < 0.3:
                f["rule_weak"] = 1.0
            if ev.cue_kind is not None:
                f[_CUE_FEATURE.get(ev.cue_kind, "cue_pronoun")] = 1.0
            if ev.cue_local:
                f["cue_pronoun_local"] = 1.0
        for entity in ev.cue_objects:
            cands.setdefault(entity, {})["cue_object"] = 1.0
        for rank, (entity, subject) in enumerate(ev.cue_fitting, 1):
            cands.setdefault(entity, {})[f"fitting{rank}"] = 1.0
            if subject and rank <= 2:
                cands[entity][f"fitting{rank}_subject"] = 1.0
        if ev.cue_fitting_subject is not None:
            cands.setdefault(ev.cue_fitting_subject, {})["fitting_subject"] = 1.0
        for entity in ev.vocatives:
            cands.setdefault(entity, {})["vocative_here"] = 1.0
        for entity in ev.named_inside:
            cands.setdefault(entity, {})["named_here"] = 1.0
        _neighbours(i, paragraphs, evidence, convo, cands)
        for entity, n in speakers.get(convo[i], Counter()).items():
            if n > (entity == ev.speaker):
                cands.setdefault(entity, {})["conversation_speaker"] = 1.0
        for entity in main:
            cands.setdefault(entity, {})["main_character"] = 1.0
        # a tag naming a character known only by a description ("said the girl")
        described = ev.speaker if ev.cue_kind == "nominal" and ev.speaker is not None else None
        if described is not None and cast.entities[described].named:
            described = None
        links = associated.get(described, {}) if described is not None else {}
        for entity in links:
            cands.setdefault(entity, {})
        honorifics = _turn_honorifics(i, paragraphs, evidence, convo)
        for entity, f in cands.items():
            e = cast.entities[entity]
            for side, gender in honorifics.items():
                if gender is not None and e.gender is not None:
                    f[f"honorific_{side}_{'fits' if e.gender == gender else 'clash'}"] = 1.0
            if described is not None:
                if entity == described:
                    # a description no named character keeps company with is a character of its own
                    # ("said the policeman"); one always near the same name is that name ("the girl")
                    f["nominal_self_assoc"] = math.log1p(max(links.values(), default=0.0)) / 3.0
                    f["nominal_self_mentions"] = math.log1p(len(e.mentions)) / 5.0
                elif e.named:
                    _nominal_features(f, e.gender, cast.entities[described].gender, links, entity)
                    f["nominal_together"] = together.get(described, {}).get(entity, 0.0)
            f["salience"] = math.log1p(salience[entity]) / 5.0
            share = tagged_story[entity] / tagged_total
            _tagged_shares(f, entity, ev, share, tagged.get(convo[i], Counter()))
            f["cued_share"] = cued[entity] / cued_total
            f["window_count"] = math.log1p(f.get("window_count", 0.0))
            f["distance"] = f.get("distance", 9.0) / 9.0
            if entity == narrator:
                f["narrator"] = 1.0
            if not e.named:
                f["unnamed"] = 1.0
            if entity in plural:
                f["plural"] = 1.0
            if e.gender is None:
                f["no_gender"] = 1.0
            if ev.cue_gender is not None and e.gender is not None:
                f["cue_gender_fits" if e.gender == ev.cue_gender else "cue_gender_clash"] = 1.0
            if i == 0 or convo[i - 1] != convo[i]:
                f["conversation_start"] = 1.0
        out.append(cands)
    return out


def _tagged_shares(
    f: dict[str, float], entity: int, ev: QuoteEvidence, story_share: float, conversation: Counter[int]
) -> None:
    """The candidate's share of the lines speech tags name, in the whole story and in the quote's
    conversation (the quote's own tag left out): a character named on every page may say little."""
    own = ev.kind == "explicit" and ev.speaker is not None
    f["tagged_share"] = story_share
    others = sum(conversation.values()) - own
    if others > 0:
        f["tagged_share_convo"] = (conversation[entity] - (own and ev.speaker == entity)) / others


def _plural_entities(cast: Cast) -> set[int]:
    """Entities most of whose names and descriptions are plural ("Indians", "the Miss Bertrams"):
    a group, which seldom speaks as one."""
    counts: dict[int, list[int]] = {}
    for m in cast.mentions:
        if m.entity is not None and m.kind != "pronoun" and not m.is_title:
            counts.setdefault(m.entity, [0, 0])[m.plural] += 1
    return {e for e, (singular, plural) in counts.items() if plural > singular}


ASSOCIATION_PARAGRAPHS = 2
"""A name this many paragraphs before a description (or in its paragraph) counts as near it."""
ASSOCIATED = 3
"""Named characters kept per description (the most associated)."""


def description_associations(cast: Cast) -> dict[int, dict[int, float]]:
    """For each character known only by a description ("the girl"), the named characters most
    often named near its mentions, with a lift score: the share of the description's mentions
    with that name nearby, over the share of all paragraphs with it (a protagonist named on every
    page is near every description and tells nothing)."""
    named_in: dict[int, set[int]] = {}
    for m in cast.mentions:
        if m.kind == "name" and m.entity is not None and cast.entities[m.entity].named:
            named_in.setdefault(m.paragraph, set()).add(m.entity)
    if not named_in:
        return {}
    paragraphs = max(named_in) + 1
    share = Counter(e for found in named_in.values() for e in found)
    uses: dict[int, list[int]] = {}
    for m in cast.mentions:
        if (
            m.kind == "nominal"
            and m.entity is not None
            and not cast.entities[m.entity].named
            and not m.in_quote
        ):
            uses.setdefault(m.entity, []).append(m.paragraph)
    out: dict[int, dict[int, float]] = {}
    for entity, places in uses.items():
        near: Counter[int] = Counter()
        for p in places:
            near.update({e for q in range(p - ASSOCIATION_PARAGRAPHS, p + 1) for e in named_in.get(q, ())})
        scored = {
            e: (n / len(places)) / min(1.0, (ASSOCIATION_PARAGRAPHS + 1) * share[e] / paragraphs)
            for e, n in near.items()
            if n >= 2
        }
        best = sorted(scored.items(), key=lambda kv: -kv[1])[:ASSOCIATED]
        if best:
            out[entity] = dict(best)
    return out


def description_company(cast: Cast, parsed: ParsedDocument) -> dict[int, dict[int, float]]:
    """For each character known only by a description, the share of its narration mentions whose
    sentence names each named character: "the old gentleman took Oliver's hand" again and again
    says the old gentleman is not Oliver."""

    def sentence(m: MentionSpan) -> tuple[int, int] | None:
        token = parsed.token_at(m.start)
        return (m.paragraph, token.sent.start) if token is not None else None

    named: dict[tuple[int, int] | None, set[int]] = {}
    uses: dict[int, list[tuple[int, int] | None]] = {}
    for m in cast.mentions:
        if m.in_quote or m.entity is None:
            continue
        if m.kind == "name" and cast.entities[m.entity].named:
            named.setdefault(sentence(m), set()).add(m.entity)
        elif m.kind == "nominal" and not cast.entities[m.entity].named:
            uses.setdefault(m.entity, []).append(sentence(m))
    out: dict[int, dict[int, float]] = {}
    for entity, places in uses.items():
        seen = Counter(e for place in places if place is not None for e in named.get(place, ()))
        out[entity] = {e: n / len(places) for e, n in seen.items()}
    return out


def _nominal_features(
    f: dict[str, float], gender: str | None, wanted: str | None, associated: dict[int, float], entity: int
) -> None:
    """Features of a named candidate for a quote whose tag names a description ("said the girl")."""
    if gender is not None and wanted is not None:
        f["nominal_fits" if gender == wanted else "nominal_clash"] = 1.0
    if entity in associated:
        f["nominal_assoc"] = math.log1p(associated[entity]) / 3.0
        if entity == max(associated, key=associated.__getitem__):
            f["nominal_assoc_top"] = 1.0


def _turn_honorifics(
    i: int, paragraphs: Sequence[tuple[int, int]], evidence: Sequence[QuoteEvidence], convo: Sequence[int]
) -> dict[str, str | None]:
    """The addressee gender the words of address of the turns just before and after quote `i`
    imply ("Yes, sir" before it: its speaker is likely a man)."""
    out: dict[str, str | None] = {}
    for side, order in (("prev", range(i - 1, -1, -1)), ("next", range(i + 1, len(evidence)))):
        turns = _turn_indexes(i, order, paragraphs, convo, 1)
        out[side] = evidence[turns[0]].addressed_gender if turns else None
    return out


def _neighbours(
    i: int,
    paragraphs: Sequence[tuple[int, int]],
    evidence: Sequence[QuoteEvidence],
    convo: Sequence[int],
    cands: dict[int, dict[str, float]],
) -> None:
    """Features from the rules' choices for the turns around quote `i` (`_turn_indexes`) and for a
    quote just before it in its own paragraph."""
    before = evidence[i - 1].speaker if i > 0 and convo[i - 1] == convo[i] else None
    if before is not None and paragraphs[i - 1][1] == paragraphs[i][0]:
        cands.setdefault(before, {})["prev_same_paragraph"] = 1.0
    verb = evidence[i].cue_verb
    going_on = verb in CONTINUING_VERBS
    for k, j in enumerate(_turn_indexes(i, range(i - 1, -1, -1), paragraphs, convo, NEIGHBOURS), 1):
        ev = evidence[j]
        if ev.speaker is not None:
            f = cands.setdefault(ev.speaker, {})
            f[f"prev{k}"] = 1.0
            # "she continued": her own speech before, "he replied": not the one just before
            if going_on:
                f[f"continues_prev{k}"] = 1.0
            elif k == 1 and verb in REPLYING_VERBS:
                f["replies_prev1"] = 1.0
        if k == 1:
            for entity in ev.vocatives:
                cands.setdefault(entity, {})["vocative_prev"] = 1.0
            for entity in ev.addressees:
                cands.setdefault(entity, {})["addressee_prev"] = 1.0
            for entity in ev.named_inside.difference(ev.vocatives):
                cands.setdefault(entity, {})["named_prev"] = 1.0
            if ev.asks and ev.speaker is not None:
                cands[ev.speaker]["asked_prev"] = 1.0
    for k, j in enumerate(_turn_indexes(i, range(i + 1, len(evidence)), paragraphs, convo, NEIGHBOURS), 1):
        ev = evidence[j]
        if ev.speaker is not None:
            f = cands.setdefault(ev.speaker, {})
            f[f"next{k}"] = 1.0
            if ev.kind == "explicit":
                f[f"next{k}_explicit"] = 1.0
        if k == 1:
            for entity in ev.vocatives:
                cands.setdefault(entity, {})["vocative_next"] = 1.0
            for entity in ev.named_inside.difference(ev.vocatives):
                cands.setdefault(entity, {})["named_next"] = 1.0


def turn_features(
    candidates: Sequence[dict[int, dict[str, float]]],
    paragraphs: Sequence[tuple[int, int]],
    convo: Sequence[int],
    choices: Sequence[int | None],
    scores: Sequence[dict[int, float]] | None,
) -> list[dict[int, dict[str, float]]]:
    """The candidates' features plus `TURN_FEATURES` from first-pass `choices` and `scores`
    (without `SCORED_TURN_FEATURES` when `scores` is None).

    `paragraphs` holds each quote's first and last paragraph; turns are quotes of the same
    conversation in other paragraphs, as in `candidate_features`."""
    share: dict[int, Counter[int]] = {}
    for c, choice in zip(convo, choices, strict=True):
        if choice is not None:
            share.setdefault(c, Counter())[choice] += 1
    probabilities = [_softmax(s) for s in scores] if scores is not None else None
    out: list[dict[int, dict[str, float]]] = []
    for i, cands in enumerate(candidates):
        back = _turn_indexes(i, range(i - 1, -1, -1), paragraphs, convo, ANCHOR_TURNS)
        ahead = _turn_indexes(i, range(i + 1, len(choices)), paragraphs, convo, ANCHOR_TURNS)
        before = [choices[j] for j in back[:NEIGHBOURS]]
        after = [choices[j] for j in ahead[:NEIGHBOURS]]
        anchors = {"prev": _anchor(back, candidates), "next": _anchor(ahead, candidates)}
        same = [
            choices[j]
            for j in (i - 1, i + 1)
            if 0 <= j < len(choices) and convo[j] == convo[i] and set(paragraphs[j]) & set(paragraphs[i])
        ]
        counts = share.get(convo[i], Counter())
        total = sum(counts.values()) - (choices[i] is not None)
        structure = {
            "gap_prev": _gap(paragraphs, back[:1], i),
            "gap_next": _gap(paragraphs, ahead[:1], i),
            "gap_prev2": _gap(paragraphs, back[1:2], back[0]) if back else 1.0,
            "gap_next2": _gap(paragraphs, ahead[1:2], ahead[0]) if ahead else 1.0,
            "participants": len({choices[j] for j in back[:4] + ahead[:4]} - {None}) / 4,
        }
        extended: dict[int, dict[str, float]] = {}
        for entity, features in cands.items():
            f = dict(features) | structure
            if scores is not None and probabilities is not None:
                f["first_score"] = scores[i].get(entity, 0.0) / 5.0
                for side, near in (("prev", back[:SOFT_TURNS]), ("next", ahead[:SOFT_TURNS])):
                    for k, j in enumerate(near, 1):
                        if entity in probabilities[j]:
                            f[f"soft_{side}{k}"] = probabilities[j][entity]
                            if k <= 2 and f.get("cue_gender_fits"):  # "she said": the woman of the exchange
                                f[f"fits_soft_{side}{k}"] = probabilities[j][entity]
            if entity == choices[i]:
                f["first_choice"] = 1.0
            for name, turns in (("prev", before), ("next", after)):
                for k, chosen in enumerate(turns, 1):
                    if chosen == entity:
                        f[f"turn_{name}{k}"] = 1.0
            if entity in same:
                f["turn_same_paragraph"] = 1.0
            if len(before) == 2 and before[1] == entity != before[0]:
                f["turn_alternates"] = 1.0
            if before and before[0] == entity:
                f["turn_repeats"] = 1.0
            if total > 0:
                f["turn_share"] = (counts[entity] - (entity == choices[i])) / total
            for name, anchor in anchors.items():
                if anchor is not None and anchor[0] == entity:
                    f[f"anchor_{name}_{'even' if anchor[1] % 2 == 0 else 'odd'}"] = 1.0
            extended[entity] = f
        out.append(extended)
    return out


GAP_CAP = 3
"""Narration paragraphs a gap feature counts up to."""


def _gap(paragraphs: Sequence[tuple[int, int]], turn: list[int], i: int) -> float:
    """Narration paragraphs between quote `i` and the one quote in `turn`, as a share of
    `GAP_CAP` (1.0 when there is no such turn)."""
    if not turn:
        return 1.0
    (_, end), (start, _) = sorted((paragraphs[i], paragraphs[turn[0]]))
    return min(start - end - 1, GAP_CAP) / GAP_CAP


def read_first_pass(
    first: Scorer,
    candidates: Sequence[dict[int, dict[str, float]]],
    paragraphs: Sequence[tuple[int, int]],
    convo: Sequence[int],
) -> tuple[list[int | None], list[dict[int, dict[str, float]]]]:
    """The first pass's choice per quote, and the candidates with the `turn_features` read from
    its scores and choices (what the second pass scores)."""
    scores = first.score_many(candidates)  # every quote in one pass through the trees
    picks = [pick(c, s)[0] for c, s in zip(candidates, scores, strict=True)]
    return picks, turn_features(candidates, paragraphs, convo, picks, scores)


def _softmax(scores: dict[int, float]) -> dict[int, float]:
    if not scores:
        return {}
    top = max(scores.values())
    weights = {e: math.exp(s - top) for e, s in scores.items()}
    total = sum(weights.values())
    return {e: w / total for e, w in weights.items()}


def _turn_indexes(
    i: int, order: range, paragraphs: Sequence[tuple[int, int]], convo: Sequence[int], limit: int
) -> list[int]:
    """Up to `limit` turns in `order` from quote `i` in its conversation, one quote per paragraph."""
    out: list[int] = []
    seen: set[int] = set(paragraphs[i])
    for j in order:
        if convo[j] != convo[i] or len(out) == limit:
            break
        if set(paragraphs[j]) & seen:
            continue
        seen.update(paragraphs[j])
        out.append(j)
    return out


def _anchor(turns: list[int], candidates: Sequence[dict[int, dict[str, float]]]) -> tuple[int, int] | None:
    """The speaker named by the tag of the nearest of `turns` that has one, and how many turns away."""
    for k, j in enumerate(turns, 1):
        named = [e for e, f in candidates[j].items() if any(f.get(k) for k in _DECISIVE)]
        if named:
            return named[0], k
    return None


@dataclass(frozen=True)
class SpeakerModel:
    """A linear scorer over `FEATURES`."""

    weights: dict[str, float]
    bias: float = 0.0

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def score_many(self, candidates: Sequence[dict[int, dict[str, float]]]) -> list[dict[int, float]]:
        """Per quote, every candidate's score."""
        return [{e: self.score(f) for e, f in c.items()} for c in candidates]

    def best(self, candidates: dict[int, dict[str, float]]) -> tuple[int | None, float]:
        """The quote's chosen candidate and its probability (`pick`)."""
        return pick(candidates, self.score_many([candidates])[0])

    def to_json(self, names: Sequence[str]) -> dict[str, object]:
        return {"features": list(names), "weights": self.weights, "bias": self.bias}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SpeakerModel:
        weights = data["weights"]
        bias = data.get("bias", 0.0)
        assert isinstance(weights, dict) and isinstance(bias, int | float)
        return cls(weights={str(k): float(v) for k, v in weights.items()}, bias=float(bias))


@dataclass(frozen=True, eq=False)
class Tree:
    """One regression tree as arrays: internal node `k` sends a row left when its value of
    feature `feature[k]` is at most `threshold[k]`; a child `c` below 0 is the leaf `~c`."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf_value: np.ndarray

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """The leaf value every row of `rows` (one per candidate, one column per feature) reaches."""
        if not len(self.feature):
            return np.full(len(rows), self.leaf_value[0])
        node = np.zeros(len(rows), dtype=np.int64)
        inside = np.arange(len(rows))
        while len(inside):
            at = node[inside]
            goes_left = rows[inside, self.feature[at]] <= self.threshold[at]
            node[inside] = np.where(goes_left, self.left[at], self.right[at])
            inside = inside[node[inside] >= 0]
        return self.leaf_value[~node]

    def to_json(self) -> dict[str, list[float] | list[int]]:
        return {
            "feature": self.feature.tolist(),
            "threshold": self.threshold.tolist(),
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "leaf_value": self.leaf_value.tolist(),
        }

    @classmethod
    def from_json(cls, data: dict[str, list[float]]) -> Tree:
        def ints(key: str) -> np.ndarray:
            return np.asarray(data[key], dtype=np.int64)

        floats = {k: np.asarray(data[k], dtype=np.float64) for k in ("threshold", "leaf_value")}
        return cls(ints("feature"), floats["threshold"], ints("left"), ints("right"), floats["leaf_value"])


@dataclass(frozen=True, eq=False)
class TreeModel:
    """Gradient-boosted trees over named features, trained as a LightGBM ranker and shipped as
    plain arrays (`Tree`): a candidate's score is the sum of the leaves it reaches. They read what a
    sum of weights cannot, such as a neighbour's choice counting only when no tag names the
    speaker. Scoring needs NumPy alone, so LightGBM (and what it imports) is for training only."""

    features: tuple[str, ...]
    trees: tuple[Tree, ...]

    def score_many(self, candidates: Sequence[dict[int, dict[str, float]]]) -> list[dict[int, float]]:
        """Per quote, every candidate's score, all quotes in one pass through the trees."""
        rows = np.asarray(
            [[f.get(k, 0.0) for k in self.features] for c in candidates for f in c.values()],
            dtype=np.float64,
        ).reshape(-1, len(self.features))
        total = np.zeros(len(rows))
        for tree in self.trees:
            total += tree.predict(rows)
        values = iter(total.tolist())
        return [{e: next(values) for e in c} for c in candidates]

    def to_json(self, names: Sequence[str]) -> dict[str, object]:
        assert tuple(names) == self.features
        return {"kind": "trees", "features": list(self.features), "trees": [t.to_json() for t in self.trees]}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> TreeModel:
        features, trees = data["features"], data["trees"]
        assert isinstance(features, list) and isinstance(trees, list)
        return cls(tuple(str(k) for k in features), tuple(Tree.from_json(t) for t in trees))


Scorer = SpeakerModel | TreeModel


def scorer_from_json(data: dict[str, object]) -> Scorer:
    """A model saved by `to_json`: trees when it says so, else linear weights."""
    return TreeModel.from_json(data) if data.get("kind") == "trees" else SpeakerModel.from_json(data)


def pick(candidates: dict[int, dict[str, float]], scores: dict[int, float]) -> tuple[int | None, float]:
    """The highest-scoring candidate and its probability among the quote's candidates (a softmax
    of the scores); a speech tag whose subject is a name, a title written as one or the narrator's
    "I" ("said Emma", "cried the Colonel", "I said") decides alone: on PDNC the ranker's overrides
    of such tags broke more than they mended."""
    if not candidates:
        return None, 0.0
    tagged = tagged_speaker(candidates)
    entity = tagged if tagged is not None else max(scores, key=scores.__getitem__)
    return entity, _softmax(scores)[entity]


def tagged_speaker(candidates: dict[int, dict[str, float]]) -> int | None:
    """The candidate a decisive speech tag names, if any."""
    return next((e for e, f in candidates.items() if any(f.get(k) for k in _DECISIVE)), None)


@dataclass(frozen=True)
class TurnDecoder:
    """Chooses a conversation's speakers together (Viterbi over its quotes): the second pass's
    log-probabilities, minus `repeat_penalty` when the speaker of the turn just before, in the
    paragraph just before, speaks again (people take turns: on PDNC a speaker follows themselves
    across adjacent paragraphs for 4% of untagged quotes, but the second pass alone chose so for
    12%), plus `same_paragraph_bonus` when two quotes of one paragraph share a speaker. Decisive
    tags keep their speaker. The two weights are tuned on held-out folds by the training script."""

    repeat_penalty: float = 0.0
    same_paragraph_bonus: float = 0.0

    def decode(
        self,
        scores: Sequence[dict[int, float]],
        tagged: Sequence[int | None],
        paragraphs: Sequence[tuple[int, int]],
        convo: Sequence[int],
    ) -> list[int | None]:
        """The best speaker sequence; None for quotes without candidates."""
        out: list[int | None] = [None] * len(scores)
        start = 0
        for end in range(1, len(scores) + 1):
            if end == len(scores) or convo[end] != convo[start] or not scores[end] or not scores[start]:
                out[start:end] = self._chain(scores[start:end], tagged[start:end], paragraphs[start:end])
                start = end
        return out

    def _chain(
        self,
        scores: Sequence[dict[int, float]],
        tagged: Sequence[int | None],
        paragraphs: Sequence[tuple[int, int]],
    ) -> list[int | None]:
        if not scores or not scores[0]:
            return [None] * len(scores)
        best: list[dict[int, float]] = []
        back: list[dict[int, int]] = []
        for t, (quote, tag) in enumerate(zip(scores, tagged, strict=True)):
            emission = _log_softmax(quote) if tag is None else {tag: 0.0}
            if t == 0:
                best.append(emission)
                back.append({})
                continue
            bonus = 0.0  # for a speaker following themselves
            if paragraphs[t][0] <= paragraphs[t - 1][1]:
                bonus = self.same_paragraph_bonus
            elif paragraphs[t][0] - paragraphs[t - 1][1] == 1:
                bonus = -self.repeat_penalty
            ranked = sorted(best[-1], key=best[-1].__getitem__, reverse=True)
            step: dict[int, float] = {}
            came: dict[int, int] = {}
            for entity, value in emission.items():
                other = next((e for e in ranked if e != entity), None)
                came[entity] = entity if other is None else other
                if entity in best[-1] and (other is None or best[-1][entity] + bonus > best[-1][other]):
                    came[entity] = entity
                step[entity] = best[-1][came[entity]] + (bonus if came[entity] == entity else 0.0) + value
            best.append(step)
            back.append(came)
        entity = max(best[-1], key=best[-1].__getitem__)
        path: list[int | None] = [entity]
        for t in range(len(scores) - 1, 0, -1):
            entity = back[t][entity]
            path.append(entity)
        return path[::-1]

    @classmethod
    def from_json(cls, data: dict[str, object]) -> TurnDecoder:
        penalty, bonus = data.get("repeat_penalty", 0.0), data.get("same_paragraph_bonus", 0.0)
        assert isinstance(penalty, int | float) and isinstance(bonus, int | float)
        return cls(float(penalty), float(bonus))


def _log_softmax(scores: dict[int, float]) -> dict[int, float]:
    top = max(scores.values())
    norm = top + math.log(sum(math.exp(s - top) for s in scores.values()))
    return {e: s - norm for e, s in scores.items()}


@dataclass(frozen=True)
class SpeakerRanker:
    """The first pass over each quote's candidates, then the conversation pass and the addressee
    model when present."""

    first: Scorer
    second: Scorer | None = None
    addressee: SpeakerModel | None = None
    decoder: TurnDecoder | None = None
    """Chooses the second pass's speakers conversation by conversation, when present."""

    def choose(
        self,
        candidates: Sequence[dict[int, dict[str, float]]],
        paragraphs: Sequence[tuple[int, int]],
        convo: Sequence[int],
    ) -> list[tuple[int | None, float]]:
        """Per quote, the chosen speaker (None without candidates) and its probability."""
        if self.second is None:
            scores = self.first.score_many(candidates)
            return [pick(c, s) for c, s in zip(candidates, scores, strict=True)]
        _, extended = read_first_pass(self.first, candidates, paragraphs, convo)
        second = self.second.score_many(extended)
        if self.decoder is None:
            return [pick(c, s) for c, s in zip(extended, second, strict=True)]
        path = self.decoder.decode(second, [tagged_speaker(c) for c in extended], paragraphs, convo)
        return [(e, _softmax(s)[e] if e is not None else 0.0) for e, s in zip(path, second, strict=True)]

    def addressees(
        self,
        candidates: Sequence[dict[int, dict[str, float]]],
        paragraphs: Sequence[tuple[int, int]],
        convo: Sequence[int],
        speakers: Sequence[int | None],
        evidence: Sequence[QuoteEvidence],
    ) -> list[list[int]] | None:
        """Per quote, its addressees: the characters addressed by name inside the quote, then the
        best-scoring candidate other than the speaker; None without an addressee model.

        A conversation's first line has no turns to read, so there the tag's clause decides when it
        acts on someone ("“You're beneath me,” Buffy said as she walked away from Spike"); on PDNC
        this touched 83 quotes when measured and left accuracy as it was."""
        model = self.addressee
        if model is None:
            return None
        out = []
        for i, features in enumerate(addressee_features(candidates, paragraphs, convo, speakers, evidence)):
            others = {e: f for e, f in features.items() if e != speakers[i]}
            chosen = [e for e in evidence[i].vocatives if e != speakers[i]]
            opening = [e for e, f in others.items() if f.get("conversation_start") and f.get("cue_object")]
            if not chosen and opening:
                chosen = opening[:1]
            elif others:
                chosen.append(max(others, key=lambda e: model.score(others[e])))
            out.append(list(dict.fromkeys(chosen)))
        return out

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SpeakerRanker:
        second, addressee, decoder = data.get("second"), data.get("addressee"), data.get("decoder")
        return cls(
            first=scorer_from_json(data),
            second=scorer_from_json(second) if isinstance(second, dict) else None,
            addressee=SpeakerModel.from_json(addressee) if isinstance(addressee, dict) else None,
            decoder=TurnDecoder.from_json(decoder) if isinstance(decoder, dict) else None,
        )


def addressee_features(
    candidates: Sequence[dict[int, dict[str, float]]],
    paragraphs: Sequence[tuple[int, int]],
    convo: Sequence[int],
    speakers: Sequence[int | None],
    evidence: Sequence[QuoteEvidence],
) -> list[dict[int, dict[str, float]]]:
    """`ADDRESSEE_FEATURES` of every candidate, given the chosen speakers."""
    out = turn_features(candidates, paragraphs, convo, speakers, None)
    for features, ev in zip(out, evidence, strict=True):
        for entity, f in features.items():
            for name in STRUCTURE_FEATURES:
                del f[name]
            if entity in ev.cue_addressees:
                f["cue_addressee"] = 1.0
            if entity in ev.addressees:
                f["rule_addressee"] = 1.0
    return out


@lru_cache(maxsize=1)
def shipped_model() -> SpeakerRanker | None:
    """The weights in `dialogue/weights/speaker.json`, or None when they are not installed."""
    path = resources.files("ficlens.dialogue") / "weights" / "speaker.json"
    if not path.is_file():
        return None
    return SpeakerRanker.from_json(json.loads(path.read_text(encoding="utf-8")))
