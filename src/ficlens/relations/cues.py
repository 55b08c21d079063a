"""Cue lexicons for relationships and character facts, each cue with a weight.

Predicate cues are keyed by a pattern read off the parse: the predicate's lemma, then any particle
("walk away"), then the preposition that introduces the other character ("glare at", "in love with";
a leading preposition means the cue word is itself the object of it). A bare lemma takes a direct
object ("kiss" → "Willow kissed Spike"). Role nouns ("sister", "best friend") link their possessor
to the person they name; vocatives ("pet", "mate") link a speaker to the one addressed.

`defer` lists the platonic kinds an ambiguous cue goes to when the pair already has role-word
evidence of that kind ("I love her" between best friends is friendship). `reject` cues count against
a romantic thread rather than for a kind ("walked away from him", "you're beneath me").
"""

from __future__ import annotations

from dataclasses import dataclass

from ficlens.model import RelationKind

KINDS: tuple[RelationKind, ...] = ("romantic", "friendship", "family", "enmity", "professional")
POSITIVE: frozenset[RelationKind] = frozenset({"romantic", "friendship", "family"})


@dataclass(frozen=True)
class Cue:
    """What a cue says about a pair: a kind and its weight, whether it is a physical act."""

    kind: RelationKind | None
    weight: float
    physical: bool = False
    defer: tuple[RelationKind, ...] = ()
    reject: bool = False
    reverse: bool = False
    """The grammatical object is the agent ("X is beneath Y": Y looks down on X)."""


_PLATONIC: tuple[RelationKind, ...] = ("family", "friendship")


def _cues(kind: RelationKind | None, weight: float, words: str, **flags: object) -> dict[str, Cue]:
    return {w.strip(): Cue(kind, weight, **flags) for w in words.split(",")}  # type: ignore[arg-type]


PREDICATES: dict[str, Cue] = {
    # romantic
    **_cues("romantic", 1.0, "marry, married to, engaged to, propose to"),
    **_cues("romantic", 1.2, "in love with, fall for, crush on"),
    **_cues("romantic", 0.8, "date, sleep with, seduce, flirt with, court, desire, lust after"),
    **_cues("romantic", 1.0, "kiss, snog, smooch, make out with", physical=True, defer=("family",)),
    **_cues("romantic", 0.6, "caress, nuzzle, stroke, fondle, hold hands with", physical=True),
    **_cues("romantic", 0.8, "love, adore, cherish", defer=_PLATONIC),
    **_cues("romantic", 0.5, "hug, embrace, cuddle, hold, snuggle, comfort", physical=True, defer=_PLATONIC),
    **_cues("romantic", 0.4, "miss, care about, care for, long for, yearn for", defer=_PLATONIC),
    # friendship
    **_cues("friendship", 1.0, "friends with, befriend, make friends with"),
    **_cues("friendship", 0.5, "confide in, trust, hang out with, stand by"),
    # family
    **_cues("family", 1.0, "sire, related to, adopt, father, mother"),
    **_cues("family", 0.4, "raise"),
    # enmity
    **_cues("enmity", 1.0, "hate, despise, loathe, detest, resent, betray"),
    **_cues("enmity", 1.0, "kill, stab, strangle, murder, attack, beat up, torture", physical=True),
    **_cues("enmity", 0.8, "hit, punch, slap, kick, shove, bite, choke, throttle", physical=True),
    **_cues("enmity", 0.6, "fight, push, fight with, tackle, wrestle with", physical=True),
    **_cues("enmity", 0.3, "throw at, fling at, hurl at", physical=True),
    **_cues("enmity", 0.6, "glare at, sneer at, threaten, insult, taunt, mock, curse at, spit at"),
    **_cues("enmity", 0.4, "growl at, snarl at, snap at, yell at, shout at, scream at, hiss at, glower at"),
    **_cues("enmity", 0.6, "afraid of, scared of, jealous of, angry at, angry with, furious with, mad at"),
    # professional
    **_cues("professional", 0.8, "work for, hire, employ, report to, mentor, train, supervise"),
    **_cues("professional", 0.5, "work with, teach, command, serve, pay, assign"),
    # rejection (counts against the pair's romantic thread)
    **_cues("romantic", 1.0, "reject, spurn, dump, break up with, walk away from, walk out on", reject=True),
    **_cues("romantic", 0.6, "turn away from, push away, leave, abandon, ignore, shun", reject=True),
    **_cues("romantic", 1.0, "beneath, below", reject=True, reverse=True),
}

PARTICLES = frozenset({"away", "up", "out", "off", "back", "down", "over", "on", "in"})
"""Adverbs read as particles of the verb ("walk away from", "beat up")."""

LIGHT_KISS = frozenset({"cheek", "forehead", "hand", "brow", "temple", "knuckle", "hair", "head"})
LIGHT_KISS_FACTOR = 0.7
"""A kiss on the cheek or forehead is less of a romantic cue than a kiss on the lips."""


@dataclass(frozen=True)
class Role:
    """A relation word for a person: "sister", "best friend", "girlfriend"."""

    kind: RelationKind
    weight: float
    gender: str | None = None


def _roles(kind: RelationKind, weight: float, words: str, gender: str | None = None) -> dict[str, Role]:
    return {w.strip(): Role(kind, weight, gender) for w in words.split(",")}


ROLES: dict[str, Role] = {
    **_roles("romantic", 1.0, "girlfriend, wife, fiancée, fiancee, mistress", "female"),
    **_roles("romantic", 1.0, "boyfriend, husband, fiancé, fiance", "male"),
    **_roles("romantic", 1.0, "lover, spouse, sweetheart, beloved, soulmate, paramour, consort"),
    **_roles("romantic", 0.6, "crush, date, mate, significant other"),
    **_roles("friendship", 1.2, "best friend, bff, closest friend, oldest friend"),
    **_roles("friendship", 0.8, "friend, pal, buddy, chum, confidant, confidante, companion, bestie"),
    **_roles("friendship", 0.4, "ally, roommate, flatmate, classmate, teammate"),
    **_roles("family", 1.0, "sister, mother, mom, mum, mommy, mummy, daughter, aunt, niece", "female"),
    **_roles("family", 1.0, "grandmother, grandma, granddaughter, stepmother, stepsister", "female"),
    **_roles("family", 1.0, "brother, father, dad, daddy, son, uncle, nephew, grandson", "male"),
    **_roles("family", 1.0, "grandfather, grandpa, stepfather, stepbrother", "male"),
    **_roles("family", 1.0, "cousin, sibling, parent, child, twin, kid, sire, childe, grandsire, family"),
    **_roles("family", 0.8, "in-law, relative, kin, ward, guardian"),
    **_roles("enmity", 1.0, "enemy, nemesis, archenemy, arch-enemy, foe, adversary"),
    **_roles("enmity", 0.7, "rival, killer, murderer, tormentor, captor"),
    **_roles("professional", 1.0, "boss, employer, employee, colleague, coworker, co-worker"),
    **_roles("professional", 0.8, "watcher, mentor, apprentice, assistant, secretary, superior, subordinate"),
    **_roles("professional", 0.6, "captain, commander, lieutenant, sergeant, teacher, student, pupil"),
    **_roles("professional", 0.5, "partner, client, servant, slayer, deputy, protégé, protege"),
}

ROLE_MODIFIERS = frozenset({"best", "closest", "oldest", "dearest"})
"""Adjectives that make "friend" a "best friend"."""

EX_PREFIXES = ("ex-", "ex", "former", "late")
"""An ex-girlfriend: the romantic thread is there, and over."""

VOCATIVES: dict[str, Role] = {
    **_roles("romantic", 0.6, "love, luv, pet, sweetheart, darling, honey, baby, babe, sweetie, dear"),
    **_roles("romantic", 0.6, "beloved, my love, my dear, sugar, precious, gorgeous, handsome, princess"),
    **_roles("friendship", 0.5, "mate, buddy, pal, dude, man, bro, chum"),
    **_roles("family", 0.8, "mom, mum, mommy, mummy, mother, ma, dad, daddy, father, pa, papa", None),
    **_roles("family", 0.8, "sis, sister, brother, grandma, grandpa, granny, auntie, uncle, son"),
    **_roles("professional", 0.4, "sir, ma'am, boss, captain, chief, master, mistress, doctor, detective"),
}

EMOTIONS = frozenset(
    """
    afraid agitated alarmed amused angry annoyed anxious ashamed astonished awkward bitter bored calm
    cheerful confused content crushed curious defeated dejected delighted depressed desperate devastated
    disappointed disgusted dismayed distraught distressed embarrassed elated enraged envious excited
    exhausted fearful flustered frightened frustrated furious giddy glad gleeful grateful grief-stricken
    grumpy guilty happy heartbroken helpless hesitant hopeful hopeless horrified humiliated hurt hysterical
    impatient indignant insecure irritated jealous joyful lonely lost mad melancholy miserable mortified
    nervous numb offended outraged overjoyed overwhelmed panicked pleased proud relieved remorseful
    resentful restless sad satisfied scared shaken shocked shy sorrowful sorry startled stressed stunned
    surprised suspicious tense terrified thrilled tired troubled uncomfortable uneasy unhappy upset
    wary weary worried wretched
    """.split()
)

EMOTION_VERBS = frozenset(
    "love hate fear adore despise loathe dread miss envy resent pity regret detest cherish enjoy".split()
)

EMOTION_STATES = frozenset("love awe despair shock tears pain agony distress denial".split())
"""Nouns of "to be in …": "in love with her" is a feeling."""

FEELING_VERBS = frozenset("feel seem look appear become get grow sound".split())
"""Link verbs whose adjective complement says how the subject feels ("felt upset")."""

EXPRESSIONS = frozenset(
    "face eyes eye voice expression gaze look smile frown features tone heart mouth lips".split()
)
"""Parts that show a feeling: "his stunned face" is Spike, stunned."""
