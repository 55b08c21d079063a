"""Facts about each character read off the dependency parse (FanfictionNLP's "assertions").

- `does`: verbs with the character as subject ("kissed Spike");
- `done_to`: the character as direct object or passive subject ("kissed by Willow");
- `feels`: emotion adjectives after feel/seem/be, emotion verbs (love, hate, fear), emotion
  adjectives on their mentions or their face ("his stunned face"), emotion adverbs ("dejectedly");
- `described_as`: other adjectives on their descriptions and after a copula, appositions, copular
  nouns ("a master vampire"), the descriptions that refer to them ("the witch");
- `called`: forms of address and names others use for them in quotes ("What is this, Red?").

Only references the cast resolved count; pronouns in values are replaced by the character's name.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ficlens.characters.types import Cast
from ficlens.model import Fact, FactKind
from ficlens.nlp.parse import ParsedDocument
from ficlens.relations.cues import (
    EMOTION_STATES,
    EMOTION_VERBS,
    EMOTIONS,
    EXPRESSIONS,
    FEELING_VERBS,
    PARTICLES,
)
from ficlens.relations.resolve import Resolver, Spoken
from ficlens.relations.signals import vocative_tokens
from ficlens.relations.syntax import (
    agent,
    conjuncts,
    direct_object,
    is_copula,
    lemmas,
    negated,
    normal,
    phrase,
    sentence_location,
    verb_subject,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

IRREGULAR = dict(
    pair.split(":")
    for pair in """
    be:been begin:begun bite:bitten blow:blown break:broken bring:brought buy:bought catch:caught
    choose:chosen do:done draw:drawn drive:driven eat:eaten fall:fallen feed:fed feel:felt fight:fought
    find:found fling:flung fly:flown forget:forgotten forgive:forgiven freeze:frozen get:gotten
    give:given go:gone grab:grabbed grow:grown hang:hung have:had hear:heard hide:hidden hit:hit
    hold:held hurt:hurt keep:kept know:known lead:led leave:left lend:lent let:let lose:lost make:made
    mean:meant meet:met pay:paid put:put read:read ride:ridden ring:rung rise:risen run:run say:said
    see:seen seek:sought sell:sold send:sent shake:shaken shoot:shot shut:shut sing:sung sit:sat
    slay:slain sleep:slept slap:slapped speak:spoken spend:spent stand:stood steal:stolen stick:stuck
    sting:stung strike:struck swear:sworn take:taken teach:taught tear:torn tell:told think:thought
    throw:thrown understand:understood wake:woken wear:worn win:won write:written
    stab:stabbed drag:dragged grip:gripped hug:hugged pat:patted pet:petted rob:robbed shove:shoved
    stop:stopped trap:trapped
    """.split()
)


def extract_facts(
    parsed: ParsedDocument, cast: Cast, ids: dict[int, str], utterances: Sequence[Spoken] = ()
) -> list[Fact]:
    """Facts about every listed character, in reading order, without repeats.

    `utterances` (speaker and addressees of each quote) tell who calls whom what; without them,
    names used for a character inside any quote count as what they are called, by someone unknown.
    """
    resolver = Resolver(parsed, cast, ids, utterances)
    reader = _Reader(parsed, cast, ids, resolver)
    for _, doc in parsed:
        for tok in doc:
            reader.token(tok)
    reader.called(utterances)
    return reader.facts()


class _Reader:
    def __init__(self, parsed: ParsedDocument, cast: Cast, ids: dict[int, str], resolver: Resolver) -> None:
        self.parsed, self.cast, self.ids, self.resolver = parsed, cast, ids, resolver
        self._facts: dict[tuple[str, str, str, int, int, int], Fact] = {}
        self.names = sorted((m for m in cast.mentions if m.kind == "name"), key=lambda m: m.start)
        self.name_starts = [m.start for m in self.names]
        self._short: dict[int, str] = {}
        for e in cast.entities:
            names = Counter(" ".join(m.text.split()) for m in e.mentions if m.kind == "name")
            self._short[e.index] = names.most_common(1)[0][0] if names else e.name

    # --- output ---

    def add(self, entity: int, kind: FactKind, value: str, tok: Token, by: int | None = None) -> None:
        value = " ".join(value.split())
        if not value or entity not in self.ids:
            return
        loc, text = sentence_location(self.parsed, tok)
        mark = (self.ids[entity], kind, value.lower(), loc.chapter, loc.paragraph, loc.start)
        if mark not in self._facts:
            self._facts[mark] = Fact(
                **loc.model_dump(),
                character=self.ids[entity],
                kind=kind,
                value=value,
                text=text,
                by=self.ids.get(by) if by is not None else None,
            )

    def facts(self) -> list[Fact]:
        return sorted(self._facts.values(), key=lambda f: (f.chapter, f.paragraph, f.start))

    def word(self, tok: Token) -> str:
        """A token as a value shows it: resolved pronouns become the character's name."""
        entity = self.resolver.direct(tok)
        if entity is not None and tok.pos_ == "PRON":
            return self._short[entity] + ("'s" if tok.tag_ == "PRP$" else "")
        return tok.text

    def words(self, tokens: Iterable[Token]) -> str:
        """Tokens in text order, spaced as written where they are adjacent."""
        out = ""
        previous: Token | None = None
        for t in sorted(tokens, key=lambda t: t.i):
            if previous is not None:
                out += previous.whitespace_ if t.i == previous.i + 1 else " "
            out += self.word(t)
            previous = t
        return out

    def entities(self, tok: Token | None) -> list[int]:
        if tok is None:
            return []
        return [e for t in conjuncts(tok) if (e := self.resolver.direct(t)) is not None]

    # --- readers ---

    def token(self, tok: Token) -> None:
        if tok.dep_ in {"aux", "auxpass"}:
            pass
        elif is_copula(tok):
            self.copula(tok)
        elif tok.pos_ == "VERB":
            self.verb(tok)
        if tok.pos_ in {"NOUN", "PROPN", "PRON"}:
            self.mention(tok)

    def verb(self, tok: Token) -> None:
        candidates = lemmas(tok)
        lemma = next((w for w in candidates if w in EMOTION_VERBS), candidates[0])
        subj = verb_subject(tok)
        if subj is not None and not self.resolver.same_voice(tok, subj):
            subj = None
        doers = self.entities(subj)
        not_ = "not " if negated(tok, tok) else ""
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if patient is not None:
            by = agent(tok)
            auxes = [c for c in tok.children if c.dep_ in {"auxpass", "neg"}]
            value = self.words([*auxes, tok]) + (f" by {self.words(phrase(by))}" if by is not None else "")
            for e in self.entities(patient):
                agents = self.entities(by)
                self.add(e, "done_to", value, tok, by=agents[0] if agents else None)
            return
        if not any(c.dep_ in {"dobj", "prep", "prt", "dative"} for c in tok.children) and (
            lemma == "do" or any(c.dep_ == "xcomp" for c in tok.children)
        ):
            return  # "when Spike did"; "started to walk", "had to fight": the complement says it
        complements = [a for c in tok.children if c.dep_ == "acomp" for a in conjuncts(c)]
        for e in doers:
            if lemma in FEELING_VERBS and complements:
                for adj in complements:
                    kind: FactKind = "feels" if adj.lemma_.lower() in EMOTIONS else "described_as"
                    self.add(e, kind, not_ + adj.text, tok)
            elif lemma in EMOTION_VERBS:
                self.add(e, "feels", not_ + self.verb_phrase(tok), tok)
            else:
                self.add(e, "does", not_ + self.verb_phrase(tok), tok)
            for adv in tok.children:
                stem = _emotion_adverb(adv)
                if stem is not None:
                    self.add(e, "feels", stem, tok)
        participle = _participle(tok)
        objects = (c for c in tok.children if direct_object(tok, c) and c.dep_ != "nsubjpass")
        for obj in (o for c in objects for o in conjuncts(c)):
            for e in self.entities(obj):
                if e in doers:
                    continue
                value = participle + (f" by {self.words(phrase(subj))}" if subj is not None else "")
                self.add(e, "done_to", not_ + value, tok, by=doers[0] if doers else None)

    def verb_phrase(self, tok: Token) -> str:
        particles = [
            c for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES)
        ]
        parts = [tok, *particles]
        objects = [
            c for c in tok.children if c.dep_ == "dative" or (direct_object(tok, c) and c.dep_ != "nsubjpass")
        ]
        if objects:
            parts += [t for o in objects for t in phrase(o)]
        else:
            for prep in (c for x in (tok, *particles) for c in x.children if c.dep_ == "prep"):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    parts += [prep, *phrase(pobj)]
                    break
        return self.words(parts)

    def copula(self, tok: Token) -> None:
        subj = next((c for c in tok.children if c.dep_ in {"nsubj"}), None)
        doers = self.entities(subj)
        if not doers:
            return
        not_ = "not " if negated(tok, tok) else ""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                state = next((g for g in child.children if g.dep_ == "pobj"), None)
                if state is not None and state.lemma_.lower() in EMOTION_STATES:
                    value = f"in {state.text} " + self.verb_phrase(state)[len(state.text) :]
                    for e in doers:
                        self.add(e, "feels", not_ + value, tok)
            if child.dep_ == "attr" and child.pos_ in {"NOUN", "PROPN"} and not _clipped(child):
                for e in doers:
                    self.add(e, "described_as", not_ + self.words(phrase(child)), tok)
            elif child.dep_ == "acomp" and child.tag_ in {"JJ", "JJR", "JJS", "VBN"} and not _clipped(child):
                for adj in conjuncts_adj(child):
                    kind: FactKind = "feels" if adj.lemma_.lower() in EMOTIONS else "described_as"
                    for e in doers:
                        self.add(e, kind, not_ + self.words(self.adjective(adj)), tok)

    def adjective(self, adj: Token) -> list[Token]:
        """An adjective with its hyphenated or adverbial modifiers and its complement ("self-centered",
        "very tired", "better than Buffy")."""
        out = [
            t
            for t in adj.subtree
            if t == adj or (t.head == adj and t.dep_ in {"npadvmod", "advmod", "punct"} and t.i < adj.i)
        ]
        for prep in (c for c in adj.children if c.dep_ == "prep"):
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return [*out, prep, *phrase(pobj)]
        return out

    def mention(self, tok: Token) -> None:
        m = self.resolver.mention(tok)
        entity = self.resolver.direct(tok)
        if entity is None or m is None:
            if tok.lemma_.lower() in EXPRESSIONS:
                self.expression(tok)
            return
        if tok.dep_ == "attr":
            return  # the copula said it
        for child in tok.children:
            if child.dep_ == "amod" and child.pos_ in {"ADJ", "VERB"}:
                if child.lemma_.lower() in EMOTIONS or child.lower_ in EMOTIONS:
                    self.add(entity, "feels", child.text, tok)
                elif m.kind == "nominal":
                    self.add(entity, "described_as", child.text, tok)
            elif child.dep_ == "appos" and child.pos_ == "NOUN":
                self.add(entity, "described_as", self.words(phrase(child)), tok)
        if m.kind == "nominal":
            words = [t for t in phrase(tok) if t.dep_ not in {"det", "poss"} and t.i >= tok.left_edge.i]
            self.add(entity, "described_as", " ".join(t.text for t in words), tok)

    def expression(self, tok: Token) -> None:
        """ "his stunned face": an emotion on a part that shows it is the owner's feeling."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        entity = self.resolver.direct(owner) if owner is not None else None
        if entity is None:
            return
        for child in tok.children:
            if child.dep_ == "amod" and (child.lemma_.lower() in EMOTIONS or child.lower_ in EMOTIONS):
                self.add(entity, "feels", child.text, tok)

    def called(self, utterances: Sequence[Spoken]) -> None:
        if not utterances:
            for m in self.cast.mentions:
                if m.in_quote and m.kind == "name" and m.entity in self.ids:
                    tok = self.parsed.root_of(m.start, m.end)
                    if tok is not None and not self.own_name(m.entity, m.text):
                        self.add(m.entity, "called", m.text, tok)
            return
        for u in utterances:
            listeners = [a for a in u.addressees if a != u.speaker]
            for start, end in u.parts:
                vocatives = {t.i: t for t in vocative_tokens(self.parsed, start, end)}
                for tok in vocatives.values():
                    target = self.resolver.direct(tok)
                    if target is None and self.resolver.mention(tok) is None and len(listeners) == 1:
                        target = listeners[0]
                    if target is not None and target != u.speaker:
                        value = self.words(t for t in phrase(tok) if t.dep_ != "det")
                        if not self.own_name(target, value):
                            self.add(target, "called", value, tok, by=u.speaker)
                for m in self.names[
                    bisect_left(self.name_starts, start) : bisect_left(self.name_starts, end)
                ]:
                    if m.entity is None or m.entity == u.speaker:
                        continue
                    tok = self.parsed.root_of(m.start, m.end)
                    if tok is not None and tok.i not in vocatives and not self.own_name(m.entity, m.text):
                        self.add(m.entity, "called", m.text, tok, by=u.speaker)

    def own_name(self, entity: int, text: str) -> bool:
        """The character's canonical name or a part of it (not what others "call" them)."""
        e = self.cast.entities[entity]
        names = {normal(e.name), *normal(e.name).split()}
        if e.canon is not None:
            names |= {normal(e.canon.name), *normal(e.canon.name).split()}
        return normal(text) in names


def conjuncts_adj(tok: Token) -> Iterator[Token]:
    yield tok
    for child in tok.children:
        if child.dep_ == "conj":
            yield from conjuncts_adj(child)


def _clipped(tok: Token) -> bool:
    """A g-dropped participle read as an adjective ("talkin’")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_.endswith("in") and nxt is not None and not tok.whitespace_ and nxt.text in {"’", "'"}


def _emotion_adverb(tok: Token) -> str | None:
    if tok.dep_ != "advmod" or not tok.lower_.endswith("ly"):
        return None
    word = tok.lower_[:-2]
    for stem in (word, word[:-1] + "y" if word.endswith("i") else word, word + "e"):
        if stem in EMOTIONS:
            return stem
    return None


def _participle(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if tok.tag_ == "VBN" or (tok.tag_ == "VBD" and lemma not in IRREGULAR):
        return tok.text
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"
