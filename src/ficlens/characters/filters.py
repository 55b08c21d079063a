"""Drop name clusters the text itself shows are not people.

Evidence from the document alone:
- a capitalised word seen only at the start of sentences that also occurs in lower case
  ("Some", "Poor") is an ordinary word, not a name;
- a name used mostly after a place preposition ("at Hartfield", "to Highbury", half a vote for
  "the people of Highbury") and seldom as the subject of a verb of speech or thought is a place,
  and so is one ending in a place word ("Broomfield Hospital");
- a one-word name only ever written in capitals ("PTSD") is an acronym, and one seen once or twice
  that is no first name and never acts, owns or is addressed ("Valhalla") is nobody;
- indefinite pronouns taken for names ("Everyone", "Something strange") are nobody in particular,
  events ("the Harvest Festival") nobody at all, and a one-word name the parser never reads as a
  noun at least half the time and never a subject ("Fascinated, Willow leaned closer…") no name, nor one
  it reads as an interjection nearly every time ("Well, I must go").
Clusters matched to the knowledge base or named by the work's tags are always kept.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING

from ficlens.characters.gender import census_name, first_name_gender
from ficlens.characters.kinship import KIN_NOUNS
from ficlens.characters.lexicon import COGNITION_VERBS, HONORIFICS, INTERJECTIONS, SPEECH_VERBS, rank_of
from ficlens.characters.names import name_core
from ficlens.characters.types import Entity, MentionSpan
from ficlens.nlp.parse import SUBJECT_DEPS, ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ficlens.kb import Fandom

PLACE_HEADS = frozenset(
    "hospital street road lane avenue drive school academy university college church cathedral chapel "
    "house hall manor park castle tower station hotel inn pub bar cafe restaurant bank shop store market "
    "island river lake sea ocean mountain hill forest wood woods valley city town village county kingdom "
    "empire palace court square bridge harbour harbor port airport base camp prison ministry department "
    "office company corporation agency bureau council army navy club society abbey farm estate gardens "
    "institute library museum theatre theater centre center building buildings towers place terrace "
    "crescent lodge parsonage rectory vicarage cottage".split()
)
NOT_CHARACTERS = frozenset(
    "everyone everybody someone somebody anyone anybody nobody noone all "
    "something anything nothing everything".split()
)
"""Words a mention detector may take for a name that never name a character ("Everyone else",
"Something strange")."""
DETERMINERS = frozenset("some those these many few several most others part half rest".split())
"""Words that are no name when they are the whole of it ("Some of them left", "Part of
her was laughing"); "some Taylor" still names a Taylor."""
OATHS = frozenset("god gods goddess heaven heavens lord jove christ jesus gad goodness".split())
"""Names invoked in oaths and exclamations ("Good God!", "Heaven knows", "by Jove")."""
SPOKEN_SHARE = 0.5
"""Share of the mentions of such a name (or of a parent's "Mama") inside quotations that makes it
a word of speech, not a character (a story whose narration talks of God as a person keeps him)."""
CONTRACTIONS = frozenset(f"i{a}{end}" for a in "'’" for end in ("m", "ve", "d", "ll"))
"""The first person's contractions ("I've been", "I'm sure"), which a parser may take for a name."""
INDEFINITES = frozenset("a an any no every each another".split())
"""Determiners that make a capitalised word a kind of person, not a person ("an Englishwoman",
"any Indian"), when most of its mentions open with one."""
EVENT_HEADS = frozenset("festival fair ball party feast war battle wedding funeral holiday".split())
"""Heads of names of events ("the Harvest Festival"), which are nobody either."""
TECHNIQUE_HEADS = frozenset("jutsu technique spell charm curse hex jinx potion".split())
"""Heads of names of spells and techniques ("the Shadow Clone Jutsu", "a Freezing Charm")."""

PLACE_PREPOSITIONS = frozenset(
    "at in to from near into towards toward through round around within beyond".split()
)
PLACE_SHARE = 0.5
"""Share of a name's mentions after a place preposition (an "of" counting half, two at least) that
makes it a place. On PDNC's 23 novels no person reaches it but titled ones (never places here; the
highest other is 0.42), and "Bath", "Mansfield", "Pemberley", "Highbury", "Green Gables" do."""
GEO_PLACE_SHARE = 0.25
"""The lower share after a place preposition that makes a place of a name the entity recogniser
tags as a place nine times in ten ("Italy", "India", "Avonlea": subjects and objects as often as
"in Italy"). On PDNC the persons so tagged ("Tibby", "Dallas", "Charlotte") stay at 0.12 or less;
the recogniser alone would lose them."""
GEO_TAGGED_SHARE = 0.9
SPEAKING_PLACE_SHARE = 0.05
"""A place may be the parsed subject of a verb of speech or thought now and then ("Highbury
said…"); more often than this share of its mentions and it is a person."""


THING_HEADS = PLACE_HEADS | EVENT_HEADS | TECHNIQUE_HEADS | NOT_CHARACTERS
"""Last words that make a name a place's, an event's, a technique's or no one's."""


def drop_non_people(
    parsed: ParsedDocument,
    mentions: list[MentionSpan],
    entities: list[Entity],
    lower_words: frozenset[str],
    keep: Iterable[str] = (),
    fandom: Fandom | None = None,
) -> list[MentionSpan]:
    """Mentions without those of entities that are not people; the entities are marked unnamed
    and emptied so they are never listed. `lower_words` are the words the text writes in lower case;
    names in `keep` (the work's character tags) stay; names the `fandom` lists as no character's
    ("Hogwarts", "Rasengan") go."""
    kept_names = {k.casefold() for k in keep}
    things = fandom.things_in(parsed.document.text) if fandom is not None else []
    dropped: set[int] = set()
    for entity in entities:
        names = [m for m in entity.mentions if m.kind == "name"]
        if not names or entity.canon is not None or entity.name.casefold() in kept_names:
            continue
        cores = _cores(names)
        if (
            (fandom is not None and _canon_thing(names, fandom, things))
            or _not_a_name(names, cores)
            or _acronym(names)
            or _ordinary_word(parsed, names, lower_words)
            or _never_a_noun(parsed, names)
            or _participle(parsed, names)
            or _interjection(parsed, names, cores)
            or _place(parsed, names)
            or _idle_word(parsed, names)
            or _spoken_only(names, cores)
            or _kind_of_person(names)
        ):
            dropped.add(entity.index)
            entity.named = False
            entity.mentions = []
    return [m for m in mentions if m.entity not in dropped or m.entity is None]


def _canon_thing(names: list[MentionSpan], fandom: Fandom, things: list[tuple[int, int]]) -> bool:
    """Every mention is a name the fandom lists as no one's ("Hogwarts"), lies inside one the text
    writes in full (`things`, sorted: "Body" of "used a Body Flicker") or in a name of its own
    that ends in the head of a thing's name ("Hidden" of "the Hidden Mole Jutsu")."""
    headed = [(m.start, m.end) for m in names if _last_word(m) in THING_HEADS]
    spans = sorted([*things, *headed])
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # furthest end of the spans so far

    def inside(m: MentionSpan) -> bool:
        k = bisect_right(starts, m.start) - 1
        return k >= 0 and reach[k] >= m.end

    return all(fandom.is_not_character(name_core(m.text) or m.text) or inside(m) for m in names)


def _last_word(mention: MentionSpan) -> str:
    core = name_core(mention.text) or mention.text
    return core.split()[-1].lower().strip(".,'’")


def _titled(text: str) -> bool:
    words = text.split()
    first = words[0].lower().strip(".,'’") if words else ""
    return bool(HONORIFICS.get(first)) or (len(words) >= 2 and rank_of(first) is not None)


def _not_a_name(names: list[MentionSpan], cores: set[str]) -> bool:
    """ "Broomfield Hospital", "Baker Street", "the Harvest Festival", "Everyone else": places,
    events and indefinite pronouns."""
    last_words = {_last_word(m) for m in names}
    first_words = {m.text.split()[0].lower().strip(".,'’") for m in names}
    if any(HONORIFICS.get(word) for word in first_words):
        return False  # "Mrs. Hall" is a woman, whatever "the Hall" is
    if cores <= DETERMINERS:
        return True
    return last_words <= THING_HEADS or first_words <= NOT_CHARACTERS


def _spoken_only(names: list[MentionSpan], cores: set[str]) -> bool:
    """ "Good God!", "thank Heaven": a name that is only ever a word of oaths, mostly spoken; and
    "Mama", "Papa" said by the children: a relation, which the dialogue stage resolves speaker by
    speaker ("Yes, mamma," said Kitty), not a character of its own (a "Mum" the narration calls so
    stays)."""
    spoken = sum(m.in_quote for m in names) >= SPOKEN_SHARE * len(names)
    return spoken and (all(_oath(core) for core in cores) or cores <= KIN_NOUNS.keys())


_OATH_OPENERS = frozenset("good oh o my dear great merciful gracious thank sweet".split())


def _oath(core: str) -> bool:
    """ "god", "good god", "gracious heavens", "god almighty"; not "dark lord", who is somebody."""
    words = [w.strip(".,!?'’") for w in core.split()]
    if len(words) == 2 and words[0] in _OATH_OPENERS:
        words = words[1:]
    elif len(words) == 2 and words[1] == "almighty":
        words = words[:1]
    return len(words) == 1 and words[0] in OATHS


def _kind_of_person(names: list[MentionSpan]) -> bool:
    """ "an Englishwoman", "any Indian", "no Englishman": a word most of whose mentions open with
    an indefinite determiner names a kind of person (a titled name stays: "a Miss Smith")."""
    if any(_titled(m.text) or _titled(m.text.split(maxsplit=1)[-1]) for m in names):
        return False
    return 2 * sum(m.text.split()[0].lower() in INDEFINITES for m in names) > len(names)


def _cores(names: list[MentionSpan]) -> set[str]:
    """The names inside the mentions, in lower case (read once per entity, for the rules that
    judge its words): a runaway span ("…would Kellynch Hall be to
    him; hey, Shepherd", "Some of them") is judged by the name it carries."""
    return {(name_core(m.text) or m.text).strip().lower() for m in names}


def _acronym(names: list[MentionSpan]) -> bool:
    """ "PTSD", "NATO": a one-word name the text only ever writes in capitals, three letters or more
    (a name in a heading, "JAKE", shares its character with the "Jake" of the prose)."""
    words = {m.text.split()[-1].strip(".,'’") for m in names}  # "the PTSD"
    return all(len(w) >= 3 and w.isalpha() and w.isupper() for w in words)


def _interjection(parsed: ParsedDocument, names: list[MentionSpan], cores: set[str]) -> bool:
    """ "Well, …" opening fifty lines of dialogue: a word the parser reads as an interjection for
    nine in ten of its mentions is no name, whatever an odd one says ("Simpson s. Well", from a
    text whose apostrophes became spaces); nor is one of `INTERJECTIONS` the parser took for one,
    nor "I'm" (`CONTRACTIONS`)."""
    if {core.strip(" .,!?;:'’\"“”") for core in cores} <= INTERJECTIONS | CONTRACTIONS:
        return True
    tokens = [parsed.token_at(m.start) for m in names]
    return 10 * sum(t is not None and t.pos_ == "INTJ" for t in tokens) >= 9 * len(names)


def _never_a_noun(parsed: ParsedDocument, names: list[MentionSpan]) -> bool:
    """A one-word "name" the parser reads as no noun at least half the time and never as a
    subject ("Fascinated by the glow, she…", "Fascinated, Willow leaned closer…"): an adjective or participle
    capitalised at the start of a sentence. "Will said" keeps Will, a subject. Words in lower case
    before the name ("any Good") do not make it two words."""
    found = _name_tokens(parsed, names)
    if found is None:
        return False
    tokens = [t for t in found if t is not None]
    if not tokens or any(t.dep_ in SUBJECT_DEPS for t in tokens):
        return False
    return 2 * sum(t.pos_ not in {"PROPN", "NOUN"} for t in tokens) >= len(tokens)


def _participle(parsed: ParsedDocument, names: list[MentionSpan]) -> bool:
    """ "Fascinated, Willow leaned closer…", "Exhausted by the climb, she…": a one-word "name" shaped like a
    participle that is only ever capitalised where a sentence or clause opens and is never a
    subject but of a verb that has its own ("Fascinated, Willow leaned closer" may parse with two), whatever
    the parser tags it; census names stay ("Fielding", "Manning", "Ted")."""
    found = _name_tokens(parsed, names)
    if found is None or any(" " in m.text.strip() for m in names):
        return False
    word = names[0].text.strip()
    if not word.lower().endswith(("ed", "ing")) or census_name(word):
        return False
    for token in found:
        if token is None:
            return False
        if token.dep_ in SUBJECT_DEPS and not any(
            c.dep_ in SUBJECT_DEPS and c.i > token.i for c in token.head.children
        ):
            return False
        if not _capitalised_by_position(token):
            return False
    return True


def _name_tokens(parsed: ParsedDocument, names: list[MentionSpan]) -> list[Token | None] | None:
    """The token of each mention's last word when every mention is that one capitalised word,
    maybe after words in lower case ("any Good"); None for a name of several words."""
    words = [m.text.split() for m in names]
    if any(not w or any(x[:1].isupper() for x in w[:-1]) for w in words) or len({w[-1] for w in words}) > 1:
        return None
    return [parsed.token_at(m.end - len(w[-1])) for m, w in zip(names, words, strict=True)]


IDLE_MENTIONS = 2
"""At most this many mentions for a one-word name that never acts to be no one ("Valhalla", "Vows")."""


def _idle_word(parsed: ParsedDocument, names: list[MentionSpan]) -> bool:
    """A one-word name seen once or twice, no first name nor titled, that is never a subject, a
    possessor or someone spoken to ("Arrows" of a heading, "to Valhalla"): nothing shows a person."""
    if len(names) > IDLE_MENTIONS or any(" " in m.text.strip() for m in names):
        return False
    if first_name_gender(names[0].text) is not None:
        return False
    for m in names:
        token = parsed.root_of(m.start, m.end)
        if (
            token is None
            or token.dep_ in SUBJECT_DEPS | {"poss"}
            or (m.in_quote and token.dep_ == "npadvmod")
        ):
            return False
    return True


def _ordinary_word(parsed: ParsedDocument, names: list[MentionSpan], lower_words: frozenset[str]) -> bool:
    if any(" " in m.text.strip() for m in names):
        return False
    if not all(m.text.lower() in lower_words for m in names):
        return False
    starts = 0
    for m in names:
        token = parsed.token_at(m.start)
        if token is None:
            continue
        starts += _capitalised_by_position(token)
    return starts >= 0.8 * len(names)


def _capitalised_by_position(token: Token) -> bool:
    """Capitalised anyway: the first word of a sentence, or after a quote mark, dash or colon."""
    return bool(token.is_sent_start or token.i == 0 or token.nbor(-1).is_punct)


def _place(parsed: ParsedDocument, names: list[MentionSpan]) -> bool:
    if any(_titled(m.text) for m in names):
        return False  # "Mrs. Alexander Spencer" and "Major Roberts" came from somewhere; no places
    after_preposition = 0.0
    speaking = 0
    geo = 0
    for m in names:
        token = parsed.root_of(m.start, m.end)
        if token is None:
            continue
        geo += token.ent_type_ in {"GPE", "LOC", "FAC"}
        if token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in SPEECH_VERBS | COGNITION_VERBS:
            speaking += 1
        if m.in_quote and token.dep_ == "npadvmod":  # a vocative: people are addressed, places are not
            return False
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
            after_preposition += 1
        elif token.dep_ == "pobj" and token.head.lower_ == "of":  # "the people of Highbury"
            after_preposition += 0.5
    if speaking > SPEAKING_PLACE_SHARE * len(names):
        return False
    # a name seen once goes by its one use ("to St. Mungos"); two uses need two after a preposition
    share = PLACE_SHARE if geo < GEO_TAGGED_SHARE * len(names) else GEO_PLACE_SHARE
    needed = 1.0 if len(names) == 1 else max(2.0, share * len(names))
    return after_preposition >= needed
