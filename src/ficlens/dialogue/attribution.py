"""Speaker and addressees of every quote.

Passes, in order: (1) speech tags and action beats next to the quote name the speaker, resolved to
a character through the cast (explicit for names, anaphoric for pronouns and descriptions);
(2) untagged quotes take a speaker by turn-taking inside their conversation (implicit);
(3) addressees come from vocatives, "said to X", else the other participant of the conversation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from ficlens.characters.kinship import relative
from ficlens.characters.lexicon import PRONOUNS
from ficlens.characters.types import Cast, MentionSpan
from ficlens.dialogue.addressees import addressed_gender, kin_addressed, mentioned_inside, vocatives
from ficlens.dialogue.cues import Cue, MentionIndex, find_cue, quote_regions
from ficlens.dialogue.quotes import QuoteSpan, join_continued
from ficlens.dialogue.ranker import QuoteEvidence, SpeakerRanker, candidate_features, shipped_model
from ficlens.dialogue.turns import alternate, conversations
from ficlens.nlp.parse import SUBJECT_DEPS, ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc

QuoteKind = Literal["explicit", "anaphoric", "implicit"]


@dataclass
class Attribution:
    """Who said a quote and to whom (entity indexes of the cast)."""

    speaker: int | None
    addressees: list[int] = field(default_factory=list)
    type: QuoteKind = "implicit"
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    confidence: float = 0.0


def attribute(
    parsed: ParsedDocument,
    quotes: list[QuoteSpan],
    cast: Cast,
    ranker: SpeakerRanker | Literal["shipped"] | None = "shipped",
) -> list[Attribution]:
    """One `Attribution` per quote, in the order of `quotes`.

    With a `ranker` (by default the shipped weights, when installed) the rules' choices become
    evidence for the learned speaker ranker, which has the last word; `None` keeps the rules alone.
    Quotes given one per paragraph of a continued speech (`join_continued`) share one attribution.
    """
    speeches, owner = join_continued(parsed.document, quotes)
    joined = _attribute_speeches(parsed, speeches, cast, ranker)
    if len(speeches) == len(quotes):
        return joined
    return [replace(joined[k], addressees=list(joined[k].addressees)) for k in owner]


def _attribute_speeches(
    parsed: ParsedDocument,
    quotes: list[QuoteSpan],
    cast: Cast,
    ranker: SpeakerRanker | Literal["shipped"] | None,
) -> list[Attribution]:
    result, evidence, convo = attribute_by_rules(parsed, quotes, cast)
    model = shipped_model() if ranker == "shipped" else ranker
    if model is None:
        return result
    features = candidate_features(cast, quotes, evidence, convo, cast.narrator, parsed)
    paragraphs = [(q.paragraphs[0], q.paragraphs[-1]) for q in quotes]
    chosen = model.choose(features, paragraphs, convo)
    for a, ev, (best, probability) in zip(result, evidence, chosen, strict=True):
        if best is None or best == a.speaker:
            continue
        a.speaker, a.confidence = best, round(probability * 0.8, 3)
        if not _tag_stands_for(ev, cast.entities[best].gender):
            a.type, a.cue, a.cue_span = "implicit", None, None
        a.addressees = []
    speakers = [a.speaker for a in result]
    learned = model.addressees(features, paragraphs, convo, speakers, evidence)
    if learned is not None:
        for a, addressees in zip(result, learned, strict=True):
            a.addressees = addressees
        return result
    voc = [ev.vocatives for ev in evidence]
    for a, ev in zip(result, evidence, strict=True):
        a.addressees = [e for e in ev.cue_addressees if e != a.speaker] if a.cue is not None else []
    _addressees(result, quotes, convo, voc, _narration(MentionIndex(cast)))
    return result


@dataclass(frozen=True)
class _Narration:
    """The names of characters in narration, in text order, with their offsets for bisection."""

    mentions: list[MentionSpan]
    starts: list[int]
    paragraphs: list[int]

    def before(self, offset: int, limit: int) -> list[MentionSpan]:
        """The last `limit` of them starting before `offset`, latest first."""
        k = bisect_left(self.starts, offset)
        return self.mentions[max(k - limit, 0) : k][::-1]

    def ended_before(self, offset: int, limit: int) -> list[MentionSpan]:
        """The last `limit` of them ending by `offset` (none straddling it), latest first."""
        found: list[MentionSpan] = []
        for m in reversed(self.mentions[: bisect_left(self.starts, offset)]):
            if len(found) == limit:
                break
            if m.end <= offset:
                found.append(m)
        return found

    def in_paragraphs(self, first: int, last: int) -> list[MentionSpan]:
        """Those of paragraphs `first` to `last`, in text order."""
        return self.mentions[bisect_left(self.paragraphs, first) : bisect_right(self.paragraphs, last)]


def _narration(index: MentionIndex) -> _Narration:
    names = [m for m in index.mentions if not m.in_quote and m.entity is not None and m.kind == "name"]
    return _Narration(names, [m.start for m in names], [m.paragraph for m in names])


def attribute_by_rules(
    parsed: ParsedDocument, quotes: list[QuoteSpan], cast: Cast
) -> tuple[list[Attribution], list[QuoteEvidence], list[int]]:
    """The rules' attributions, the evidence they leave for the ranker, and conversation numbers."""
    text = parsed.document.text
    index = MentionIndex(cast)
    regions = quote_regions(parsed, quotes)
    narration = _narration(index)
    result: list[Attribution] = []
    forbidden: list[set[int]] = []
    voc: list[list[int]] = []
    inside: list[set[int]] = []
    cues: list[Cue | None] = []
    fitting: list[list[MentionSpan]] = []
    local: list[bool] = []
    convo = conversations(parsed.document, quotes)
    for q in quotes:
        v = [m.entity for m in vocatives(text, q, index) if m.entity is not None]
        voc.append(v)
        inside.append(mentioned_inside(text, q, index))
        forbidden.append(set(v) | inside[-1])
        cues.append(find_cue(parsed, q, regions, index))
        fitting.append(_fitting(parsed, q, narration, cues[-1], cast, forbidden[-1]))
        attribution, how = _from_cue(cues[-1], narration, forbidden[-1], cast, fitting[-1])
        result.append(attribution)
        local.append(how == "local")
    cue_addressees = [list(a.addressees) for a in result]
    filled = alternate([a.speaker for a in result], quotes, convo, forbidden)
    for a, speaker in zip(result, filled, strict=True):
        if a.speaker is None and speaker is not None:
            a.speaker, a.type, a.confidence = speaker, "implicit", 0.5
    for i, q in enumerate(quotes):
        speaker = result[i].speaker
        if speaker is None:
            result[i].speaker = _nearest_other(narration, q.start, forbidden[i])
            result[i].confidence = 0.2 if result[i].speaker is not None else 0.0
        elif cues[i] is not None:
            voc[i].extend(_relatives_addressed(text, q, speaker, cast, voc[i]))
    _addressees(result, quotes, convo, voc, narration)
    evidence = [
        QuoteEvidence(
            speaker=a.speaker,
            kind=a.type,
            confidence=a.confidence,
            cue_kind=_cue_kind(cue),
            cue_gender=cue.subject.gender if cue is not None and cue.subject is not None else None,
            addressees=list(a.addressees),
            vocatives=v,
            named_inside=named,
            cue_addressees=ca,
            cue_local=near,
            cue_objects=[m.entity for m in cue.objects if m.entity is not None] if cue is not None else [],
            addressed_gender=addressed_gender(text, q),
            cue_fitting=[(m.entity, parsed.is_subject(m.start, m.end)) for m in fit if m.entity is not None],
            cue_fitting_subject=_fitting_subject(parsed, index, cue, cast, banned),
            asks=_asks(text, q),
            cue_verb=cue.verb if cue is not None else None,
        )
        for a, cue, v, named, ca, near, q, fit, banned in zip(
            result, cues, voc, inside, cue_addressees, local, quotes, fitting, forbidden, strict=True
        )
    ]
    return result, evidence, convo


def _relatives_addressed(
    text: str, quote: QuoteSpan, speaker: int, cast: Cast, known: list[int]
) -> list[int]:
    """Whom a tagged quote's family words of address name ("Yes, mamma," said Kitty → Kitty's
    mother, Mrs. Bennet, when the family name leaves one)."""
    found = (relative(cast.entities[speaker], word, cast.entities) for word in kin_addressed(text, quote))
    return list(dict.fromkeys(e.index for e in found if e is not None and e.index not in known))


def _asks(text: str, quote: QuoteSpan) -> bool:
    parts = quote.inner(text)
    return bool(parts) and text[parts[-1][0] : parts[-1][1]].rstrip().endswith("?")


def _tag_stands_for(evidence: QuoteEvidence, gender: str | None) -> bool:
    """Whether the quote's tag can name a speaker of `gender` other than the rules' choice: "she
    said" or "said the girl" still tags the quote when the ranker resolves it to another woman
    (the quote stays anaphoric, with its cue); a name, an action beat by someone else, or "she said"
    given to a man does not. A description's gender is not known here, so it fits anyone."""
    if evidence.cue_kind not in {"pronoun", "nominal"}:
        return False
    return evidence.cue_gender is None or gender is None or evidence.cue_gender == gender


def _cue_kind(cue: Cue | None) -> str | None:
    if cue is None or cue.subject is None:
        return None
    if not cue.speech:
        return "beat"
    if _first_person(cue.subject):
        return "narrator"
    return "titled" if _titled(cue) else cue.subject.kind


def _first_person(mention: MentionSpan) -> bool:
    """ "I said" in narration: the narrator speaks ("we said": the narrator's group)."""
    return (
        mention.kind == "pronoun"
        and not mention.in_quote
        and PRONOUNS.get(mention.text.lower(), (None, False, 3))[2] == 1
    )


def _titled(cue: Cue) -> bool:
    """A description written like a name: "said the Colonel", "cried the Doctor"."""
    assert cue.subject is not None
    words = cue.subject.text.split()
    return (
        cue.subject.kind == "nominal"
        and len(words) == 2
        and words[0].lower() == "the"
        and words[1][:1].isupper()
    )


def _from_cue(
    cue: Cue | None, narration: _Narration, forbidden: set[int], cast: Cast, fitting: list[MentionSpan]
) -> tuple[Attribution, str | None]:
    """The cue's attribution and, for a pronoun, how it was resolved ("local": to a character
    named earlier in the quote's paragraph). A he/she tag is the last character of its gender
    named before it (`fitting`), else the last one whose gender is unknown: on PDNC this beat
    the salience-ranked pronoun resolution of the character layer and the turn-taking guess."""
    if cue is None or cue.subject is None:
        return Attribution(speaker=None), None
    entity = cue.subject.entity
    how = None
    if cue.subject.kind == "pronoun" and not (_first_person(cue.subject) and entity is not None):
        if fitting:
            entity = fitting[0].entity
            how = "local" if fitting[0].paragraph == cue.subject.paragraph else None
        else:
            entity = _by_gender(narration, cue.subject, cast, forbidden)
    if entity is None or (entity in forbidden and cue.subject.kind != "name"):
        return Attribution(speaker=None), None
    kind: QuoteKind = "explicit" if cue.subject.kind == "name" or _titled(cue) else "anaphoric"
    addressees = [m.entity for m in cue.addressees if m.entity is not None and m.entity != entity]
    return Attribution(
        speaker=entity,
        addressees=addressees,
        type=kind,
        cue=cue.text,
        cue_span=(cue.start, cue.end),
        confidence=(0.9 if cue.speech else 0.7) * (1.0 if kind == "explicit" else 0.85),
    ), how


def _by_gender(narration: _Narration, pronoun: MentionSpan, cast: Cast, forbidden: set[int]) -> int | None:
    """The last character named in narration before a pronoun whose gender fits or is unknown,
    other than those the quote names (`forbidden`)."""
    for m in narration.before(pronoun.start, 30):
        if m.entity in forbidden:
            continue
        gender = cast.entities[m.entity].gender if m.entity is not None else None
        if pronoun.gender is None or gender in (None, pronoun.gender):
            return m.entity
    return None


FITTING = 3
"""Characters, most recent first, whose gender fits a tag's pronoun that `QuoteEvidence` keeps."""


def _fits(cast: Cast, entity: int | None, pronoun: MentionSpan) -> bool:
    """A named character of the pronoun's gender ("she said": a woman the text has named), not
    the first-person narrator, who is "I"."""
    if entity is None or entity == cast.narrator or pronoun.gender not in {"female", "male"}:
        return False
    e = cast.entities[entity]
    return e.named and e.gender == pronoun.gender


def _third_person_tag(cue: Cue | None) -> MentionSpan | None:
    """The tag's pronoun when it is a third person's ("she said"), not the narrator's "I"."""
    pronoun = cue.subject if cue is not None else None
    if pronoun is None or pronoun.kind != "pronoun" or _first_person(pronoun):
        return None
    return pronoun


def _fitting(
    parsed: ParsedDocument,
    quote: QuoteSpan,
    narration: _Narration,
    cue: Cue | None,
    cast: Cast,
    forbidden: set[int],
) -> list[MentionSpan]:
    """For a he/she tag, the last name mentions in narration before it of `FITTING` characters
    whose gender fits, most recent first, other than those the quote names and those inside the
    tag's own clause (`_inside_clause`)."""
    pronoun = _third_person_tag(cue)
    if pronoun is None:
        return []
    clause = _tag_clause(parsed, pronoun, quote)
    out: list[MentionSpan] = []
    for m in narration.before(pronoun.start, 60):
        if (
            m.entity not in forbidden
            and all(m.entity != o.entity for o in out)
            and _fits(cast, m.entity, pronoun)
            and not _inside_clause(parsed, clause, m)
        ):
            out.append(m)
            if len(out) == FITTING:
                break
    return out


def _tag_clause(
    parsed: ParsedDocument, pronoun: MentionSpan, quote: QuoteSpan
) -> tuple[Doc, set[int]] | None:
    """The clause a tag's pronoun is the subject of, as its paragraph's parse and the indexes of
    its verb and of the quote's words above it: the parser often hangs the tag and its opening
    phrase on the quote's own words, and those count as the tag's clause."""
    subject = parsed.token_at(pronoun.start)
    if subject is None or subject.dep_ not in SUBJECT_DEPS:
        return None
    verb = subject.head
    above = {t.i for t in verb.ancestors if any(s <= parsed.doc_start(t) < e for s, e in quote.parts)}
    return subject.doc, {verb.i} | above  # spaCy makes a new Token per access: compare indexes


def _inside_clause(parsed: ParsedDocument, clause: tuple[Doc, set[int]] | None, mention: MentionSpan) -> bool:
    """Whether a name is an object inside the tag's clause (`_tag_clause`), as in "turning to look
    at Willow's notes, she said": she is not Willow. A name that is the subject of a clause within
    it ("when Willow had read them, she said") may still be her."""
    name = parsed.token_at(mention.start)
    if clause is None or name is None or name.doc != clause[0]:
        return False
    token = name
    while token.i not in clause[1]:
        if token.dep_ in SUBJECT_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _fitting_subject(
    parsed: ParsedDocument, index: MentionIndex, cue: Cue | None, cast: Cast, forbidden: set[int]
) -> int | None:
    """For a he/she tag, the character the last fitting subject of a narration clause before it
    refers to ("Mr. Hurst looked at her. … said he"; a resolved "she" counts too)."""
    pronoun = _third_person_tag(cue)
    if pronoun is None:
        return None
    before = index.within(max(pronoun.start - 3000, 0), pronoun.start)
    for m in reversed(before):
        if m.in_quote or m.entity in forbidden or not _fits(cast, m.entity, pronoun):
            continue
        if parsed.is_subject(m.start, m.end):
            return m.entity
    return None


def _nearest_other(narration: _Narration, offset: int, forbidden: set[int]) -> int | None:
    for m in narration.ended_before(offset, 20):
        if m.entity is not None and m.entity not in forbidden:
            return m.entity
    return None


def _addressees(
    result: list[Attribution],
    quotes: Sequence[QuoteSpan],
    convo: Sequence[int],
    voc: Sequence[list[int]],
    narration: _Narration,
) -> None:
    for i, (a, _q) in enumerate(zip(result, quotes, strict=True)):
        chosen = [e for e in voc[i] if e != a.speaker] or [e for e in a.addressees if e != a.speaker]
        if not chosen:
            chosen = _participant(result, quotes, convo, i, narration)
        a.addressees = list(dict.fromkeys(chosen))


def _participant(
    result: list[Attribution],
    quotes: Sequence[QuoteSpan],
    convo: Sequence[int],
    i: int,
    narration: _Narration,
) -> list[int]:
    """The other side of the conversation: the speaker of the turn just before (previous
    paragraph), else a character named in this paragraph's narration, else an earlier or the next
    speaker of the conversation, else one named in the last paragraphs."""
    speaker = result[i].speaker
    paragraph = quotes[i].paragraphs[0]
    if i > 0 and convo[i - 1] == convo[i] and quotes[i - 1].paragraphs[-1] >= paragraph - 1:
        previous = result[i - 1]
        if previous.speaker is not None and previous.speaker != speaker:
            return [previous.speaker]
        if previous.speaker == speaker and previous.addressees:
            return previous.addressees
    spanned = quotes[i].paragraphs
    own = [
        m.entity
        for m in narration.in_paragraphs(min(spanned), max(spanned))
        if m.paragraph in spanned and m.entity not in (None, speaker)
    ]
    if own:
        return [own[0]]
    for j in range(i - 1, -1, -1):
        if convo[j] != convo[i]:
            break
        if result[j].speaker is not None and result[j].speaker != speaker:
            return [result[j].speaker]  # type: ignore[list-item]
        if result[j].speaker == speaker and result[j].addressees:
            return result[j].addressees
    for j in range(i + 1, len(result)):
        if convo[j] != convo[i]:
            break
        if result[j].speaker is not None and result[j].speaker != speaker:
            return [result[j].speaker]  # type: ignore[list-item]
    near = narration.in_paragraphs(paragraph - 2, quotes[i].paragraphs[-1])
    near.sort(key=lambda m: (m.paragraph == paragraph, m.start), reverse=True)
    for m in near:
        if m.entity != speaker and m.entity is not None:
            return [m.entity]
    return []
