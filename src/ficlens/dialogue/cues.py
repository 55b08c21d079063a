"""Speech tags and action beats next to a quotation, read from the spaCy parse.

A cue is the narration that names a speaker: a speech verb with its subject ("she said", "said
Emma", "Willow asked him") or, failing that, an action beat whose subject acts right before or
after the quote ("Willow shook her head, “…”"). Cues are searched in the narration between the
parts of an utterance, then right after it (to the end of that sentence), then right before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ficlens.characters.lexicon import SPEECH_VERBS
from ficlens.characters.names import split_title
from ficlens.characters.titles import title_owner
from ficlens.characters.types import Cast, MentionSpan
from ficlens.dialogue.quotes import QuoteSpan
from ficlens.nlp.parse import SUBJECT_DEPS, ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Token

CUE_VERBS = SPEECH_VERBS | frozenset(
    [
        "think",
        "cry",
        "reply",
        "resume",
        "pursue",
        "rejoin",
        "return",
        "go_on",
        "shriek",
        "howl",
        "wail",
        "bawl",
        "grunt",
        "snort",
        "yelp",
        "stammer",
        "falter",
        "lisp",
        "murmur",
        "sing",
        "chant",
        "recite",
        "read",
        "write",
        "shrug",
        "nod",
        "smile",
        "grin",
        "frown",
        "say",
        "tell",
        "ask",
        "answer",
        "whisper",
        "add",
        "explain",
    ]
)
"""Lemmas that make a verb a speech tag ("thought Alice" counts, as PDNC's annotators did)."""
CONTINUING_VERBS = frozenset("continue add resume pursue proceed repeat conclude persist go_on".split())
"""Tags of a speaker going on with their own speech ("she continued", "he added", "went on")."""
REPLYING_VERBS = frozenset("reply answer rejoin retort return respond".split())
"""Tags of a speaker answering someone else ("he replied")."""

Position = Literal["between", "after", "before", "previous"]


@dataclass
class Cue:
    """The words that named the speaker and the mention they point to."""

    text: str
    start: int
    end: int
    subject: MentionSpan | None
    subject_text: str
    speech: bool
    position: Position
    addressees: list[MentionSpan] = field(default_factory=list)
    objects: list[MentionSpan] = field(default_factory=list)
    """Characters the tag's clause acts on ("as she walked away from Spike", "looking at Emma")."""
    verb: str | None = None
    """The speech verb's lemma ("reply", "go_on" for "went on")."""


class MentionIndex:
    """Mentions of a cast looked up by document offset."""

    def __init__(self, cast: Cast) -> None:
        # bare titles ("Mrs." in "Mrs. Bennet") are not references: the name around them is
        self.mentions = sorted((m for m in cast.mentions if not m.is_title), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        holders: dict[str, set[int]] = {}
        for e in cast.entities:
            for alias in e.aliases:
                title, tokens = split_title(alias)
                if title is not None and tokens:
                    holders.setdefault(title, set()).add(e.index)
        mentioned = Counter(m.entity for m in cast.mentions if m.entity is not None)
        self.title_holders = {
            t: owner for t, found in holders.items() if (owner := title_owner(mentioned, found)) is not None
        }
        """Titles that name one character ("Mademoiselle" of "Mademoiselle Reisz")."""
        bearers: dict[str, set[int]] = {}
        for e in cast.entities:
            for alias in e.aliases if e.named else ():
                if " " not in alias:
                    bearers.setdefault(alias, set()).add(e.index)
        self.one_word_names = {a: next(iter(found)) for a, found in bearers.items() if len(found) == 1}
        """One-word names of one character each, for a name the parser did not read as a noun."""

    def at(self, start: int, end: int) -> MentionSpan | None:
        """The mention overlapping [start, end) that starts last before `end`."""
        k = bisect_right(self.starts, end - 1) - 1
        while k >= 0 and self.mentions[k].start >= start - 40:
            m = self.mentions[k]
            if m.start < end and start < m.end:
                return m
            k -= 1
        return None

    def within(self, start: int, end: int) -> list[MentionSpan]:
        lo = bisect_right(self.starts, start - 1)
        hi = bisect_right(self.starts, end - 1)
        return [m for m in self.mentions[lo:hi] if m.end <= end]


def quote_regions(parsed: ParsedDocument, quotes: Sequence[QuoteSpan]) -> dict[int, list[tuple[int, int]]]:
    """Per paragraph index, the quoted spans in it (document offsets)."""
    regions: dict[int, list[tuple[int, int]]] = {}
    for q in quotes:
        for span, paragraph in zip(q.parts, q.paragraphs, strict=True):
            regions.setdefault(paragraph, []).append(span)
    for spans in regions.values():
        spans.sort()
    return regions


def narration_windows(
    parsed: ParsedDocument, quote: QuoteSpan, regions: dict[int, list[tuple[int, int]]]
) -> list[tuple[Position, int, int]]:
    """Narration next to `quote`, most telling first: between parts, after, before."""
    text = parsed.document.text
    out: list[tuple[Position, int, int]] = []
    for (_, e1), (s2, _), p1, p2 in zip(
        quote.parts, quote.parts[1:], quote.paragraphs, quote.paragraphs[1:], strict=False
    ):
        if p1 == p2:
            out.append(("between", e1, s2))
    first_p, last_p = quote.paragraphs[0], quote.paragraphs[-1]
    par_last = parsed.document.paragraphs[last_p]
    others_after = [s for s, _ in regions.get(last_p, []) if s >= quote.end]
    stop = min([par_last.end, *others_after])
    after = _first_sentence(text, quote.end, stop)
    if after[1] > after[0]:
        out.append(("after", *after))
    par_first = parsed.document.paragraphs[first_p]
    others_before = [e for _, e in regions.get(first_p, []) if e <= quote.start]
    begin = max([par_first.offset, *others_before])
    before = _last_sentence(text, begin, quote.start)
    if text[before[0] : before[1]].strip():
        out.append(("before", *before))
    elif first_p > 0:
        # a quote opening its paragraph after narration: "… and thus began:", or after a paragraph
        # whose own quotes end in narration leading into this one ("… and went on in these words:")
        previous = parsed.document.paragraphs[first_p - 1]
        tail = max([previous.offset, *(e for _, e in regions.get(first_p - 1, []))])
        window = _last_sentence(text, tail, previous.end)
        leads_in = (
            first_p - 1 not in regions
            or (
                text[tail : previous.end].rstrip().endswith((":", ","))
                # a sentence of its own, not the earlier quote's tag running on ("…," said A, and B began:)
                and (window[0] > tail or text[tail : previous.end].lstrip()[:1].isupper())
            )
        )
        if previous.chapter == par_first.chapter and leads_in:
            out.append(("previous", *window))
    return out


_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Mme|Mlle|Capt|Col|Gen|Rev|Prof|Sr|Jr|Lt|[A-Z])$")
_STOP = re.compile(r"[.!?;](?=\s|$)")


def _first_sentence(text: str, start: int, stop: int) -> tuple[int, int]:
    """From `start` to the end of the first sentence with words in it ("…?” He asked as he stood.")."""
    pos = start
    for m in _STOP.finditer(text, start, stop):
        if _ABBREVIATION.search(text, pos, m.start()) or not re.search(r"\w", text[start : m.start()]):
            continue
        return start, m.end()
    return start, stop


def _sentence_starts(chunk: str) -> list[int]:
    return [
        m.end()
        for m in re.finditer(r"[.!?;][\"'”’)]*\s+(?=\S)", chunk)
        if not _ABBREVIATION.search(chunk, 0, m.start())
    ]


def _last_sentence(text: str, begin: int, end: int) -> tuple[int, int]:
    cuts = _sentence_starts(text[begin:end].rstrip())
    return begin + (cuts[-1] if cuts else 0), end


def _tokens(parsed: ParsedDocument, paragraph: int, start: int, end: int) -> list[Token]:
    base = parsed.document.paragraphs[paragraph].offset
    return [t for t in parsed.docs[paragraph] if start <= base + t.idx and base + t.idx + len(t) <= end]


def find_cue(
    parsed: ParsedDocument,
    quote: QuoteSpan,
    regions: dict[int, list[tuple[int, int]]],
    mentions: MentionIndex,
) -> Cue | None:
    """The speech tag (or, failing one, the action beat) naming the speaker of `quote`."""
    windows = narration_windows(parsed, quote, regions)
    beats: list[Cue] = []
    unresolved: Cue | None = None
    verbless: Cue | None = None  # a tag by position alone, whatever its verb
    for position, start, end in windows:
        paragraph = parsed.document.index_at(start if position not in ("before", "previous") else end - 1)
        tokens = _tokens(parsed, paragraph, start, end)
        tag = _tag_verb(parsed.document.text, start, tokens) if position in ("after", "between") else None
        if position == "after":
            cue = _possessed_speech_cue(parsed, tokens, mentions)
            if cue is not None:
                return cue
        # the speech verb nearest the quote first: narration before it may end one speaker's tag
        # and open another's ("…,” Willow answered, so quickly that Spike said, “Fine!”")
        nearest_first = reversed(tokens) if position in ("before", "previous") else tokens
        for tok in nearest_first:
            if (
                tok.pos_ in {"VERB", "AUX"} and (verb_lemma(tok) in CUE_VERBS or tok.i == tag)
            ) or _speech_gerund(tok):
                cue = _speech_cue(parsed, tok, tokens, mentions, position)
                if cue is not None and cue.subject is not None:
                    if tok.i == tag and verb_lemma(tok) not in CUE_VERBS and _leads_in(parsed, windows):
                        # Willow said, "Yes," while Spike edged away: the speech verb leading into
                        # the quote names its speaker, not the clause running on after it
                        verbless = verbless or cue
                        break
                    return cue
                # "…," and resumed domesticity: a subject naming no one may be no speaker at all,
                # so a tag naming someone in another window wins over it
                unresolved = unresolved or cue
        beat = _beat_cue(parsed, tokens, mentions, position)
        if beat is not None:
            beats.append(beat)
    if verbless is not None:
        return verbless
    if unresolved is not None:
        return unresolved
    order = {"between": 0, "before": 1, "after": 2, "previous": 3}
    adjacent = sorted(beats, key=lambda b: order[b.position])
    return adjacent[0] if adjacent else None


def _leads_in(parsed: ParsedDocument, windows: list[tuple[Position, int, int]]) -> bool:
    """Whether the narration before the quote is a speech tag leading into it ("Willow said, “…”"):
    it ends on a comma or colon and holds a speech verb."""
    text = parsed.document.text
    for position, start, end in windows:
        if position != "before" or not text[start:end].rstrip(" \"'“‘").endswith((",", ":")):
            continue
        paragraph = parsed.document.index_at(end - 1)
        tokens = _tokens(parsed, paragraph, start, end)
        return any(t.pos_ == "VERB" and verb_lemma(t) in SPEECH_VERBS for t in tokens)
    return False


def _tag_verb(text: str, start: int, tokens: list[Token]) -> int | None:
    """The verb of a tag that goes on the quote's sentence ("…well," marveled the Doctor; "Why?"
    entreated she), whatever the verb: the quote closes on a comma or dash, or the narration after
    it starts in lower case. Only a verb among the first three words counts; its index is returned,
    or that of a speech verb it governs ("…," he heard Kaia say)."""
    before = text[max(start - 3, 0) : start].rstrip("\"'”’ ")
    after = text[start : start + 40].lstrip("\"'”’ —-")
    words = [t for t in tokens if not t.is_punct][:3]
    if before.endswith(("?", "!")) and not after[:1].islower():
        return _short_tag(words)
    if not (before.endswith((",", "—", "-")) or after[:1].islower()):
        return None
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is None:
        return None
    inside = {t.i for t in tokens}
    spoken = (
        c
        for c in verb.children
        if c.i in inside and c.i > verb.i and c.dep_ in {"ccomp", "xcomp"} and verb_lemma(c) in CUE_VERBS
    )
    return next(spoken, verb).i


def _short_tag(words: list[Token]) -> int | None:
    """After a question or an exclamation, a name and a verb that end their sentence ("Why not?"
    Willow persisted.) are a tag, whatever the verb; a longer clause is an action."""
    verb = next((t for t in words if t.pos_ == "VERB"), None)
    if verb is None or not all(t.pos_ == "PROPN" for t in words if t.i < verb.i) or verb.i == words[0].i:
        return None
    rest = [t for t in verb.doc[verb.i + 1 : verb.i + 3] if t.pos_ != "ADV"]
    return verb.i if not rest or rest[0].text in {".", ",", ";"} else None


def _speech_cue(
    parsed: ParsedDocument, verb: Token, tokens: list[Token], mentions: MentionIndex, position: Position
) -> Cue | None:
    inside = {t.i for t in tokens}
    subject = (
        _absolute_subject(verb, inside)
        or _subject(verb, inside)
        or _gerund_subject(verb)
        or _clause_subject_before(verb, inside)
        or _name_as_auxiliary(parsed, verb, inside, mentions)
        or _misparsed_subject(verb, inside)
    )
    if (subject is None or subject.i not in inside) and not _infinitive(verb):
        # inversion: "said Emma", "said the old man", "said he"
        nxt = [
            t
            for t in tokens
            if verb.i < t.i <= verb.i + 4
            and (t.pos_ in {"PROPN", "PRON", "NOUN"} or t.text in mentions.one_word_names)
            and not _under_preposition(t, verb)
        ]
        subject = nxt[0] if nxt else None
    if subject is None:
        return None
    subject = _referent(subject)
    left = max(subject.left_edge.i, min(inside)) if subject.i in inside else subject.i
    start, end = parsed.span_offsets(subject.doc[left : subject.i + 1])
    # the head word first; else a name the parser hung on it ("replied Elizabeth smiling")
    mention = (
        _mention_of(parsed, subject, mentions)
        or mentions.at(start, end)
        or _word_mention(parsed, subject, mentions)
    )
    lo, hi = min(verb.i, subject.i), max(verb.i, subject.i)
    cue_start, _ = parsed.span_offsets(verb.doc[lo : lo + 1])
    _, cue_end = parsed.span_offsets(verb.doc[hi : hi + 1])
    cue = Cue(
        text=parsed.document.text[cue_start:cue_end],
        start=cue_start,
        end=cue_end,
        subject=mention,
        subject_text=parsed.document.text[start:end],
        speech=True,
        position=position,
    )
    cue.verb = verb_lemma(verb)
    cue.addressees = _verb_addressees(parsed, verb, mentions)
    cue.objects = _clause_objects(parsed, verb, inside, mentions)
    return cue


def _name_as_auxiliary(
    parsed: ParsedDocument, verb: Token, inside: set[int], mentions: MentionIndex
) -> Token | None:
    """A name the parser read as a modal right before the verb ("May said", "Will asked")."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.i not in inside or before.dep_ != "aux" or not before.text[:1].isupper():
        return None
    start, end = parsed.span_offsets(verb.doc[before.i : verb.i])
    found = mentions.at(start, end)
    return before if found is not None and found.kind == "name" and found.start == start else None


def _infinitive(verb: Token) -> bool:
    """An infinitive ("frank enough to tell Edna so") has no inverted subject: the name after it
    is the one told."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _under_preposition(token: Token, verb: Token) -> bool:
    """Whether `token` sits in a prepositional phrase of `verb`'s clause: "said in a piercing
    whisper", "an answer written to Mrs. Cole" name no speaker. A passive agent ("was said by
    Emma"), "according to Mrs. Munt" and a particle parsed as a preposition ("put in Mr. Wilcox",
    "broke in Archer") still do."""
    node = token
    for _ in range(6):
        if node == verb or node.head == node:
            return False
        if node.dep_ == "pobj" and not _speaker_phrase(node.head, verb):
            return True
        node = node.head
    return False


def _speaker_phrase(prep: Token, verb: Token) -> bool:
    """Whether the phrase `prep` opens names the speaker (see `_under_preposition`)."""
    if prep.dep_ == "agent" or (prep.lower_ == "to" and prep.head.lower_ == "according"):
        return True
    return prep.lower_ == "in" and prep.i == verb.i + 1 and prep.head == verb


def _subject(verb: Token, inside: set[int] | frozenset[int] = frozenset()) -> Token | None:
    """The verb's subject, or that of the verb it is chained to ("Jacky sighed, said, …"). One in
    the narration window `inside` comes first: the parser may hang a word of the quote on the tag
    as a second subject ("“Emerson's a common enough name,” Lucy remarked")."""
    head: Token | None = verb
    for _ in range(5):  # "Gilbert reached …, picked up …, held … and said"
        if head is None:
            break
        subjects = [child for child in head.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            return next((c for c in subjects if c.i in inside), subjects[0])
        chained = head.dep_ in {"conj", "xcomp", "advcl", "dep", "parataxis"} and head.head != head
        head = head.head if chained else None
    return None


def verb_lemma(token: Token) -> str:
    """The lower-case lemma, with a particle that makes a phrasal verb ("went on" → "go_on")."""
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma}_{particle}" if lemma == "go" and particle == "on" else lemma


def _speech_gerund(token: Token) -> bool:
    """A speech verb's -ing form after a preposition ("took the opportunity of whispering", "by
    Thorpe's saying"), which the parser may tag a noun."""
    if token.dep_ not in {"pcomp", "pobj"} or not token.lower_.endswith("ing"):
        return False
    if token.tag_ == "VBG":
        return token.lemma_.lower() in CUE_VERBS
    stem = token.lower_[:-3]
    return token.tag_ == "NN" and any(
        form in CUE_VERBS for form in (stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else stem)
    )


def _gerund_subject(verb: Token) -> Token | None:
    """Who speaks in a gerund: its possessor ("Thorpe's saying"), else the subject of the clause the
    preposition hangs on ("Emma took the opportunity of whispering", "She ended by saying")."""
    if not _speech_gerund(verb):
        return None
    owner = next((c for c in verb.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    head = verb.head.head if verb.head.dep_ in {"prep", "agent"} else None
    if head is not None and head.pos_ == "NOUN" and head.dep_ in {"dobj", "pobj", "attr"}:
        head = head.head  # "the opportunity of", "in the act of"
    return _subject(head) if head is not None and head.pos_ in {"VERB", "AUX"} else None


def _referent(subject: Token) -> Token:
    """Who a tag's subject stands for: "Lydia, who … cried" → Lydia; "Hamidullah's voice said" →
    Hamidullah; "Ratcliffe, whose clear voice said" → Ratcliffe; "asked her husband" → husband."""
    if subject.dep_ == "poss" and subject.pos_ == "PRON" and subject.head.pos_ == "NOUN":
        subject = subject.head
    if subject.lemma_.lower() == "voice":
        subject = next((c for c in subject.children if c.dep_ == "poss"), subject)
    if subject.lower_ in {"who", "whose", "that"}:
        clause = subject.head
        for _ in range(3):
            if clause.dep_ == "relcl":
                return clause.head
            clause = clause.head
    return subject


def _word_mention(parsed: ParsedDocument, subject: Token, mentions: MentionIndex) -> MentionSpan | None:
    """A bare title or a one-word name no mention covers ("said Mademoiselle"; "cried Dolly" with
    "Dolly" parsed as an adverb), as a mention of the one character it names."""
    entity = mentions.title_holders.get(subject.lower_.rstrip("."), mentions.one_word_names.get(subject.text))
    if entity is None or not subject.text[:1].isupper():
        return None
    start, end = parsed.span_offsets(subject.doc[subject.i : subject.i + 1])
    return MentionSpan(
        start=start,
        end=end,
        text=subject.text,
        kind="name",
        paragraph=subject.doc.user_data["paragraph"],
        entity=entity,
    )


def _clause_subject_before(verb: Token, inside: set[int]) -> Token | None:
    """A subjectless tag's subject, from a clause the parser hung under it: "Spike stopped his
    fooling quite suddenly, then said:" parses "stopped" as a complement of "said"."""
    for child in verb.children:
        if child.i < verb.i and child.i in inside and child.dep_ in {"ccomp", "advcl", "conj"}:
            found = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if found is not None:
                return found
    return None


def _absolute_subject(verb: Token, inside: set[int]) -> Token | None:
    """The subject of a participle clause opening a subjectless tag ("…, when Willow joining in,
    observed:"): the parser hangs the participle under the speech verb with its own subject, and
    the subject of the clause the tag is chained to (`_subject`) would be the wrong person. A
    finite clause ("as Spike watched, said") is no such opening: its subject is someone else."""
    if any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return None
    for child in verb.children:
        if (
            child.i < verb.i
            and child.i in inside
            and child.tag_ == "VBG"
            and child.dep_ in {"advcl", "ccomp", "conj"}
            and not any(c.dep_ in {"aux", "mark"} for c in child.children)
        ):
            found = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if found is not None:
                return found
    return None


def _misparsed_subject(verb: Token, inside: set[int]) -> Token | None:
    """A subject the parser tore from a tag that has none: a verb read as a participle of the name
    before it ("The witch, pale and furious, called out:", `acl`), or a name read as the object of
    an opening phrase ("At last Spike, who had kept quiet, called out:")."""
    if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.i in inside:
        # "a man called Spike" names him; a comma between the name and the verb makes it a tag
        if (
            verb.i > 0
            and verb.doc[verb.i - 1].text == ","
            and not any(c.dep_ in {"oprd", "dobj", "attr"} and c.i in inside for c in verb.children)
        ):
            return verb.head
        return None
    auxiliary = any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    # a past the parser took for a participle has no auxiliary
    finite = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not auxiliary)
    if not finite or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i < verb.i and prep.i in inside:
            objects = (c for c in prep.children if c.dep_ == "pobj" and c.pos_ in {"PROPN", "NOUN"})
            obj = next((c for c in objects if c.text[:1].isupper()), None)
            if obj is not None:
                return obj
    return None


def _verb_addressees(parsed: ParsedDocument, verb: Token, mentions: MentionIndex) -> list[MentionSpan]:
    """ "said to Emma", "asked him", "told Willow"."""
    out: list[MentionSpan] = []
    for child in verb.children:
        target = None
        if child.dep_ in {"dobj", "dative", "iobj"}:
            target = child
        elif child.dep_ == "prep" and child.lower_ == "to":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is not None:
            m = _mention_of(parsed, target, mentions)
            if m is not None:
                out.append(m)
    return out


_OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj"}


def _clause_objects(
    parsed: ParsedDocument, verb: Token, inside: set[int], mentions: MentionIndex
) -> list[MentionSpan]:
    """Mentions that are objects anywhere in the verb's clause, inside the narration window."""
    out: list[MentionSpan] = []
    for tok in verb.subtree:
        if tok.i in inside and tok.dep_ in _OBJECT_DEPS:
            m = _mention_of(parsed, tok, mentions)
            if m is not None and not m.in_quote:
                out.append(m)
    return out


SPEECH_NOUNS = frozenset(
    "answer reply comment rejoinder response remark retort question exclamation observation greeting "
    "words cry speech salutation inquiry enquiry explanation language advice assurance protest".split()
)
"""Nouns that name what someone said ("…," was Marilla's comment)."""


def _possessed_speech_cue(parsed: ParsedDocument, tokens: list[Token], mentions: MentionIndex) -> Cue | None:
    """ "…," was Marilla's dry response / was his only reply: the possessor of a speech noun that
    the narration after a quote opens with (within its first six words)."""
    words = [t for t in tokens if not t.is_punct][:6]
    if not words or words[0].lemma_ != "be":
        return None
    noun = next((t for t in words[1:] if t.lemma_.lower() in SPEECH_NOUNS and t.head == words[0]), None)
    if noun is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    mention = _mention_of(parsed, owner, mentions)
    if mention is None or mention.in_quote:
        return None
    return _narration_cue(parsed, words[0], noun, mention, True, "after")


def _mention_of(parsed: ParsedDocument, token: Token, mentions: MentionIndex) -> MentionSpan | None:
    """The mention covering one token."""
    return mentions.at(*parsed.span_offsets(token.doc[token.i : token.i + 1]))


def _narration_cue(
    parsed: ParsedDocument, first: Token, last: Token, mention: MentionSpan, speech: bool, position: Position
) -> Cue:
    """A cue whose words run from token `first` to `last` and whose subject is `mention`."""
    start, end = parsed.span_offsets(first.doc[first.i : last.i + 1])
    return Cue(
        text=parsed.document.text[start:end],
        start=start,
        end=end,
        subject=mention,
        subject_text=mention.text,
        speech=speech,
        position=position,
    )


def _beat_cue(
    parsed: ParsedDocument, tokens: list[Token], mentions: MentionIndex, position: Position
) -> Cue | None:
    """The subject of the sentence root in an adjacent narration window ("Willow shook her head,")."""
    if not tokens:
        return None
    roots = [t for t in tokens if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
    if position == "before":
        roots.reverse()
    inside = {t.i for t in tokens}
    for root in roots:
        subject = _subject(root, inside)
        if subject is None:
            continue
        mention = _mention_of(parsed, subject, mentions)
        if mention is None or mention.in_quote:
            continue
        first, last = (subject, root) if subject.i < root.i else (root, subject)
        cue = _narration_cue(parsed, first, last, mention, False, position)
        cue.objects = _clause_objects(parsed, root, inside, mentions)
        return cue
    return None
