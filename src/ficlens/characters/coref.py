"""Pass 4-5: descriptions ("the witch", "the upset vampire") and pronouns resolved to characters.

Descriptions join the recently mentioned character whose knowledge-base descriptors or earlier
descriptions fit the head noun; a definite description that fits no one starts a character known
by that description ("the old man"). Third-person pronouns join the most salient gender- and
number-compatible character of the last few sentences (recency, subject role, same paragraph),
never the subject of their own clause when they are a non-reflexive object. First-person pronouns
in narration are the narrator; pronouns inside quotations are left to the dialogue stage.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ficlens.characters.kinship import POSSESSIVES, kin_tie, relative
from ficlens.characters.lexicon import FEMALE_NOUNS, MALE_NOUNS, PRONOUNS, rank_of
from ficlens.characters.titles import title_owner
from ficlens.characters.types import Entity, MentionSpan
from ficlens.nlp.parse import SUBJECT_DEPS, ParsedDocument

WINDOW_SENTENCES = 15
"""How many sentences back a pronoun or description looks for its character."""

DESCRIPTION_SENTENCES = 40
"""How far back a description ("the girl") looks for the named character it was last used for: a
scene may call its one girl so for pages after naming her."""

_DEFINITE = {"the", "that", "this", "these", "those"}


@dataclass
class _Seen:
    entity: int
    sentence: int
    paragraph: int
    subject: bool
    plural: bool = False


@dataclass
class _Resolver:
    parsed: ParsedDocument
    mentions: list[MentionSpan]
    entities: list[Entity]
    history: list[_Seen] = field(default_factory=list)
    descriptions: dict[int, set[str]] = field(default_factory=dict)
    by_description: dict[str, int] = field(default_factory=dict)
    narrator: int | None = None
    narrators: int | None = None
    sentences: dict[tuple[int, int], int] = field(default_factory=dict)
    ranked: dict[str, set[int]] = field(default_factory=dict)
    modifiers: dict[int, set[str]] = field(default_factory=dict)
    """Per character, the words before the head nouns of its descriptions ("old", "young")."""
    name_counts: Counter[int] = field(default_factory=Counter)
    head_genders: dict[str, str] = field(default_factory=dict)
    """Genders the text's pronouns give description heads (`gender.head_genders`): a new
    description entity ("the beadle") takes its head's when the word itself has none."""
    named_in: dict[int, set[int]] = field(default_factory=dict)
    """Per sentence, the characters named in it: a description is none of them ("the old
    gentleman took Oliver's hand")."""

    def __post_init__(self) -> None:
        self.descriptions = {e.index: set() for e in self.entities}
        self.name_counts = Counter(
            m.entity for m in self.mentions if m.kind == "name" and m.entity is not None
        )
        self.ranked = _rank_holders(self.entities)
        for index, doc in enumerate(self.parsed.docs):
            for sent in doc.sents:
                self.sentences[(index, sent.start_char)] = len(self.sentences)

    def run(self) -> None:
        ordered = sorted(self.mentions, key=lambda x: x.start)
        roots = [self.parsed.root_of(m.start, m.end) for m in ordered]
        sentences = [
            self.sentences.get((m.paragraph, t.sent.start_char), 0) if t is not None else 0
            for m, t in zip(ordered, roots, strict=True)
        ]
        for m, sentence in zip(ordered, sentences, strict=True):
            if m.kind == "name" and m.entity is not None:
                self.named_in.setdefault(sentence, set()).add(m.entity)
        for m, token, sentence in zip(ordered, roots, sentences, strict=True):
            subject = bool(token is not None and token.dep_ in SUBJECT_DEPS)
            chosen = self._resolve(m, token, sentence)
            if chosen is not None:
                self.history.append(
                    _Seen(chosen, sentence, m.paragraph, subject, m.plural or _plural_pronoun(m))
                )
        self._name_descriptions()

    def _name_descriptions(self) -> None:
        """A character known only by descriptions is called by the one the text uses most, the
        shortest on a tie: "the matron", not the first "the matron of the orphanage we visited in
        the last chapter"."""
        described = set(self.by_description.values())
        for e in self.entities:
            if e.named or e.index not in described:
                continue  # the narrator and "they" keep their names
            forms = Counter(
                _description_name(m.text)
                for m in self.mentions
                if m.entity == e.index and m.kind == "nominal" and m.text.split()[0].lower() in _DEFINITE
            )
            if forms:
                e.name = max(forms, key=lambda form: (forms[form], -len(form)))

    def _resolve(self, m: MentionSpan, token: object, sentence: int) -> int | None:
        if m.kind == "name":
            return m.entity
        if m.kind == "nominal":
            return self._nominal(m, sentence)
        gender, plural, person = PRONOUNS.get(m.text.lower(), (None, False, 3))
        if person == 1 and not m.in_quote:
            if plural:
                self.narrators = self._narrator_entity(self.narrators, m, "we (the narrator's group)")
                m.entity, m.confidence = self.narrators, 0.7
            else:
                self.narrator = self._narrator_entity(self.narrator, m, "the narrator")
                self.entities[self.narrator].named = True
                m.entity, m.confidence = self.narrator, 0.8
            return None
        if person != 3:
            return None
        if plural:
            m.entity = self._recent(sentence, lambda s: s.plural) or self._new_entity(m, name="they")
            m.confidence = 0.5
            return m.entity
        excluded = self._clause_subject(m) if _is_object(token) else None
        chosen, confidence = self._pronoun(m, gender, sentence, excluded)
        if chosen is not None:
            m.entity, m.confidence = chosen, confidence
        return chosen

    def _narrator_entity(self, current: int | None, m: MentionSpan, name: str) -> int:
        return current if current is not None else self._new_entity(m, name=name)

    def _nominal(self, m: MentionSpan, sentence: int) -> int | None:
        if m.plural:
            return None  # "the girls", "the King and Queen of Hearts": no one character
        kin = self._relative(m, sentence)
        if kin is not None:
            m.entity, m.confidence = kin, 0.6
            return kin
        chosen = self._known_description(m, sentence)
        key = _description_key(m)
        if chosen is None and key is not None:
            chosen = self.by_description.get(key)
            if chosen is None:
                chosen = self.by_description[key] = self._new_entity(m)
        if chosen is not None:
            m.entity, m.confidence = chosen, 0.7
            self.descriptions[chosen].add(m.head)
            self.modifiers.setdefault(chosen, set()).update(_modifiers(m))
        return chosen

    def _relative(self, m: MentionSpan, sentence: int) -> int | None:
        """ "her husband", "Edna's husband": the relative of the character the possessive names."""
        words = m.text.split()
        if len(words) < 2 or kin_tie(m.head) is None:
            return None
        owner_word = words[0].lower()
        if owner_word in POSSESSIVES:
            owner, _ = self._pronoun(m, POSSESSIVES[owner_word], sentence, None)
        elif owner_word.endswith(("'s", "’s")):
            names = (o for o in self.mentions if o.kind == "name" and o.start == m.start and o.end < m.end)
            owner = next((o.entity for o in names), None)
        else:
            return None
        found = relative(self.entities[owner], m.head, self.entities) if owner is not None else None
        return found.index if found is not None else None

    def _known_description(self, m: MentionSpan, sentence: int) -> int | None:
        """A recent character the description fits ("the witch" → the witch of the scene)."""
        words = m.text.lower().split()
        if not words or words[0] not in {"the", "that", "this"} or m.plural:
            return None  # "a master vampire", "her best friend": predicates and relations, not names
        head = m.head
        owner = title_owner(self.name_counts, self.ranked.get(head, set()))
        if owner is not None:
            # "the count" of a story with one Count Mippipopolous, however long since he was named
            return owner
        if self._prepositional(m):
            # "the gentleman in the white waistcoat" singles out someone of his own, whoever else
            # was called a gentleman ("the man who had spoken" may well be someone just named)
            return None
        modifiers = _modifiers(m)
        present = self.named_in.get(sentence, set())
        fits = {
            e.index
            for e in self.entities
            if ((e.canon is not None and e.canon.has_descriptor(head)) or head in self.descriptions[e.index])
            and e.index not in present
            and not self._clashes(modifiers, e.index)
        }
        found = self._recent(sentence, lambda s: s.entity in fits)
        if found is not None:
            return found
        if any(self.entities[e].named for e in fits):
            # "the girl" a named character was called earlier in a long scene
            return self._recent(sentence, lambda s: s.entity in fits, window=DESCRIPTION_SENTENCES)
        # fitting no one but a description's own character seen long ago ("the girl" of chapter 1):
        # read it afresh
        gender = _noun_gender(head)
        if gender is None or _capitalised_head(m) or self._post_modified(m):
            # "the Duchess" (a title written as a name) and "the man who drove the cab" (a
            # description that singles someone out) are characters of their own
            return None
        # a gendered description ("the woman") of the most recent character of that gender
        return self._recent(
            sentence,
            lambda s: (
                not s.plural
                and self.entities[s.entity].gender == gender
                and s.entity not in present
                and not self._clashes(modifiers, s.entity)
            ),
        )

    def _clashes(self, modifiers: set[str], entity: int) -> bool:
        """ "the old gentleman" is not the one called "the young gentleman", nor one called "the
        boy"."""
        if modifiers & _AGED and self.descriptions.get(entity, set()) & _YOUNG:
            return True
        return _contradicts(modifiers, self.modifiers.get(entity, set()))

    def _post_modified(self, m: MentionSpan) -> bool:
        """The description goes on past its head noun ("the man with the black beard")."""
        head = self.parsed.root_of(m.start, m.end)
        return head is not None and self.parsed.doc_start(head) + len(head.text) < m.end - 1

    def _prepositional(self, m: MentionSpan) -> bool:
        """The description goes on in a prepositional phrase ("the man with the black beard")."""
        head = self.parsed.root_of(m.start, m.end)
        return head is not None and any(
            c.dep_ == "prep" and c.i > head.i and self.parsed.doc_start(c) < m.end for c in head.children
        )

    def _recent(self, sentence: int, wanted: object, window: int = WINDOW_SENTENCES) -> int | None:
        for seen in reversed(self.history):
            if sentence - seen.sentence > window:
                return None
            if wanted(seen):  # type: ignore[operator]
                return seen.entity
        return None

    def _pronoun(
        self, m: MentionSpan, gender: str | None, sentence: int, excluded: int | None
    ) -> tuple[int | None, float]:
        scores: dict[int, float] = {}
        for rank, seen in enumerate(reversed(self.history)):
            if sentence - seen.sentence > WINDOW_SENTENCES:
                break
            if seen.entity == excluded or seen.plural:
                continue
            entity_gender = self.entities[seen.entity].gender
            if gender and entity_gender and entity_gender not in (gender, "nonbinary"):
                continue
            score = (
                1.0 / (1 + rank)
                + (0.5 if seen.subject else 0.0)
                + (0.3 if seen.paragraph == m.paragraph else 0.0)
            )
            if gender and entity_gender is None:
                score *= 0.6
            scores[seen.entity] = max(scores.get(seen.entity, 0.0), score)
        if not scores:
            return None, 0.0
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        best, top = ranked[0]
        margin = top - (ranked[1][1] if len(ranked) > 1 else 0.0)
        return best, round(min(0.95, 0.5 + margin / 2), 3)

    def _new_entity(self, m: MentionSpan, name: str | None = None) -> int:
        """A character known so far only by a description, a plural pronoun or as the narrator."""
        name = name or _description_name(m.text)
        gender = _noun_gender(m.head) or self.head_genders.get(m.head.lower())
        entity = Entity(index=len(self.entities), name=name, gender=gender, named=False)
        self.entities.append(entity)
        self.descriptions[entity.index] = set()
        return entity.index

    def _clause_subject(self, m: MentionSpan) -> int | None:
        """Entity of the subject of the verb governing object pronoun `m` ("Willow hit her" ≠ Willow)."""
        token = self.parsed.token_at(m.start)
        if token is None:
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                start = self.parsed.doc_start(child)
                for other in self.mentions:
                    if other.start <= start < other.end and other.entity is not None:
                        return other.entity
        return None


def _description_name(text: str) -> str:
    """ "The old man" at a sentence start names "the old man"; a word typed twice ("the the boy")
    counts once."""
    words = text.split()
    words = [w for k, w in enumerate(words) if k == 0 or w.lower() != words[k - 1].lower()]
    first, _, rest = " ".join(words).partition(" ")
    return f"{first.lower()} {rest}" if first.lower() in _DEFINITE and rest else text


def _rank_holders(entities: list[Entity]) -> dict[str, set[int]]:
    """For each rank, the named characters whose names carry it ("Count Mippipopolous")."""
    out: dict[str, set[int]] = {}
    for e in entities:
        if not e.named:
            continue
        for alias in [e.name, *e.aliases]:
            words = alias.split()
            rank = rank_of(words[0]) if len(words) >= 2 else None
            if rank is not None:
                out.setdefault(rank, set()).add(e.index)
    return out


def resolve_references(
    parsed: ParsedDocument,
    mentions: list[MentionSpan],
    entities: list[Entity],
    head_genders: dict[str, str] | None = None,
) -> None:
    """Assign `entity` to nominal and pronoun mentions in place (may add description entities,
    gendered by their head noun or by `head_genders`)."""
    _Resolver(parsed, mentions, entities, head_genders=head_genders or {}).run()


def _plural_pronoun(m: MentionSpan) -> bool:
    return m.kind == "pronoun" and PRONOUNS.get(m.text.lower(), (None, False, 3))[1]


def _noun_gender(head: str) -> str | None:
    return "female" if head in FEMALE_NOUNS else "male" if head in MALE_NOUNS else None


def _capitalised_head(m: MentionSpan) -> bool:
    """ "the Duchess" (not "the duchess", nor "The duchess" opening a sentence)."""
    words = m.text.split()
    return len(words) > 1 and any(w[:1].isupper() and w.lower().strip(".,") == m.head for w in words[1:])


_AGED = frozenset("old elderly aged ancient venerable".split())
_YOUNG = frozenset("boy girl child lad lass kid baby infant youth youngster".split())

_OPPOSED = {
    frozenset(pair)
    for pair in (
        ("old", "young"),
        ("elderly", "young"),
        ("older", "younger"),
        ("elder", "younger"),
        ("big", "little"),
        ("tall", "short"),
        ("fat", "thin"),
        ("stout", "thin"),
    )
}


def _modifiers(m: MentionSpan) -> set[str]:
    """The words of a description before its head noun: "the old gentleman" → {"old"}."""
    words = [w.strip(".,;:!?'’\"") for w in m.text.lower().split()]
    return set(words[1 : words.index(m.head)]) if m.head in words[1:] else set()


def _contradicts(words: set[str], known: set[str]) -> bool:
    """ "the old gentleman" is not the one called "the young gentleman"."""
    return any(frozenset((a, b)) in _OPPOSED for a in words for b in known)


def _description_key(m: MentionSpan) -> str | None:
    """ "the old man" → "old man"; None for indefinite or possessed descriptions."""
    words = m.text.lower().split()
    if len(words) < 2 or words[0] not in _DEFINITE:
        return None
    return " ".join(words[1:])


def _is_object(token: object) -> bool:
    dep = getattr(token, "dep_", "")
    text = getattr(token, "lower_", "")
    return dep in {"dobj", "pobj", "dative", "iobj"} and not text.endswith("self")
