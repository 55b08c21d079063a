"""Closed word lists the characters stage needs: pronouns, honorifics, person nouns, verb classes."""

from __future__ import annotations

PRONOUNS: dict[str, tuple[str | None, bool, int]] = {
    # word: (gender, plural, person)
    "he": ("male", False, 3),
    "him": ("male", False, 3),
    "his": ("male", False, 3),
    "himself": ("male", False, 3),
    "she": ("female", False, 3),
    "her": ("female", False, 3),
    "hers": ("female", False, 3),
    "herself": ("female", False, 3),
    "they": (None, True, 3),
    "them": (None, True, 3),
    "their": (None, True, 3),
    "theirs": (None, True, 3),
    "themselves": (None, True, 3),
    "themself": (None, False, 3),
    "i": (None, False, 1),
    "me": (None, False, 1),
    "my": (None, False, 1),
    "mine": (None, False, 1),
    "myself": (None, False, 1),
    "we": (None, True, 1),
    "us": (None, True, 1),
    "our": (None, True, 1),
    "ours": (None, True, 1),
    "ourselves": (None, True, 1),
    "you": (None, False, 2),
    "your": (None, False, 2),
    "yours": (None, False, 2),
    "yourself": (None, False, 2),
    "yourselves": (None, True, 2),
    "thee": (None, False, 2),
    "thou": (None, False, 2),
    "thy": (None, False, 2),
    "thine": (None, False, 2),
    "ye": (None, True, 2),
}

RANKS = frozenset(
    "doctor professor captain colonel general major inspector sergeant lieutenant detective judge "
    "reverend count countess baron baroness duke duchess marquis earl viscount admiral commander".split()
)
"""Titles that single out one person, unlike Mr., Mrs., Miss, Lady or Sir, which a family shares:
"Professor Godbole" is Professor Narayan Godbole, and "the doctor" of a text with one Doctor
Losberne is he."""
RANK_ABBREVIATIONS = {
    "dr": "doctor",
    "prof": "professor",
    "capt": "captain",
    "col": "colonel",
    "gen": "general",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "rev": "reverend",
}


MARRIED_TITLES = frozenset({"mrs", "madame", "mme", "frau", "signora"})
"""Titles (lower case, no period) only a married woman bears."""


def rank_of(title: str) -> str | None:
    """The rank a title word names ("Dr." → "doctor"), or None for Mr., Miss and the like."""
    word = title.lower().rstrip(".")
    word = RANK_ABBREVIATIONS.get(word, word)
    return word if word in RANKS else None


HONORIFICS: dict[str, str | None] = {
    "mr": "male",
    "mr.": "male",
    "mister": "male",
    "sir": "male",
    "lord": "male",
    "master": "male",
    "mrs": "female",
    "mrs.": "female",
    "miss": "female",
    "ms": "female",
    "ms.": "female",
    "lady": "female",
    "madam": "female",
    "madame": "female",
    "mme": "female",
    "mademoiselle": "female",
    "mlle": "female",
    "mlle.": "female",
    "monsieur": "male",
    "signor": "male",
    "signora": "female",
    "signorina": "female",
    "herr": "male",
    "frau": "female",
    "fraulein": "female",
    "dame": "female",
    "dr": None,
    "dr.": None,
    "doctor": None,
    "professor": None,
    "prof.": None,
    "captain": None,
    "capt.": None,
    "colonel": None,
    "col.": None,
    "general": None,
    "major": None,
    "lieutenant": None,
    "sergeant": None,
    "detective": None,
    "inspector": None,
    "officer": None,
    "agent": None,
    "commander": None,
    "admiral": None,
    "father": "male",
    "brother": "male",
    "uncle": "male",
    "aunt": "female",
    "sister": "female",
    "mother": "female",
    "king": "male",
    "queen": "female",
    "prince": "male",
    "princess": "female",
    "duke": "male",
    "duchess": "female",
    "count": "male",
    "countess": "female",
    "marquis": "male",
    "marquise": "female",
    "marchioness": "female",
    "earl": "male",
    "viscount": "male",
    "viscountess": "female",
    "baron": "male",
    "baroness": "female",
    "st.": None,
    "saint": None,
    "rev.": "male",
    "reverend": "male",
    "messrs": None,
    "sensei": None,
}

FEMALE_NOUNS = frozenset(
    "woman girl lady mother sister daughter wife aunt niece grandmother queen princess duchess countess "
    "girlfriend bride widow mistress maid witch actress waitress heroine madam hostess nun goddess "
    "mum mom mama mummy sorceress empress housekeeper governess lass".split()
)
MALE_NOUNS = frozenset(
    "man boy gentleman father brother son husband uncle nephew grandfather king prince duke count "
    "boyfriend groom widower master lord wizard actor waiter hero monk priest god dad papa daddy "
    "sorcerer emperor butler lad fellow chap guy sir".split()
)

PERSON_NOUNS = frozenset(
    FEMALE_NOUNS
    | MALE_NOUNS
    | frozenset(
        "person people child children kid baby friend enemy stranger companion partner lover spouse parent "
        "sibling cousin relative family servant officer soldier captain doctor nurse teacher student "
        "professor pupil detective inspector agent vampire slayer demon werewolf ghost watcher hunter "
        "killer murderer thief guard driver stranger neighbour neighbor visitor guest host owner boss "
        "colleague assistant secretary clerk lawyer judge priest minister king queen ruler leader "
        "warrior knight ninja jedi sith hobbit elf dwarf wizard mage sorcerer healer witch angel "
        "captain commander pilot sailor crew doctor man woman boy girl individual figure creature "
        "youth infant toddler teen teenager adult elder senior mate roommate housemate classmate "
        "boyfriend girlfriend fiance fiancee heir orphan prisoner patient victim suspect witness "
        "hero villain champion rival opponent ally traitor spy messenger servant maid butler cook "
        "farmer merchant shopkeeper landlord landlady tenant peasant gentleman lady lord lass lad "
        "alpha omega beta pack human mortal immortal".split()
    )
)

SPEECH_VERBS = frozenset(
    "say said ask reply answer whisper shout yell scream cry call mutter murmur mumble growl snarl snap "
    "hiss bark roar sigh laugh chuckle giggle sob groan moan exclaim declare announce add continue repeat "
    "insist protest object agree admit confess explain remark note observe comment suggest offer "
    "retort respond counter interrupt begin start finish conclude demand inquire enquire query wonder "
    "grumble complain whine plead beg urge warn tell inform assure promise breathe gasp stammer "
    "stutter drawl purr coo croak rasp huff scoff sneer tease joke quip chirp squeak squeal bellow "
    "thunder boom rumble state mention point_out pipe interject venture return rejoin cut".split()
)

COGNITION_VERBS = frozenset(
    "think remember recall wonder imagine dream wish miss know believe forget hope fear want love hate "
    "like consider suppose guess doubt realize realise".split()
)

_IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "think": "thought",
    "begin": "began",
    "know": "knew",
    "forget": "forgot",
    "dream": "dreamt",
    "cut": "cut",
    "admit": "admitted",
    "quip": "quipped",
}


def _past(verb: str) -> str:
    """The simple past of a verb of `_IRREGULAR_PAST` or of a regular one."""
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if len(verb) <= 4 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        return verb + verb[-1] + "ed"  # snap → snapped, sob → sobbed
    return verb + "ed"


INTERJECTIONS = frozenset(
    "yes no aye nay oh ah ahh aah aw aww hullo hallo hello hey hi well why alas eh ha hah hmm humph "
    "oho pshaw okay ok ugh um uh wow yeah yep nope shit damn whoa huh ouch oops "
    "geez jeez gosh golly yikes blimey crikey lemme gimme dunno gonna wanna gotta".split()
)
"""Words that open a line of dialogue and that a parser may take for a name ("No, sir", "Hullo!",
and dialect run-togethers: "Lemme see"); none is anybody's name ("Pooh" is left out: it is a
bear's)."""
SALUTATIONS = frozenset("dear dearest darling love yours sincerely regards cheers".split())
"""Words that open or close a letter ("Dear Naruto", "Love, Kushina"): never the first word of a name."""

TAG_VERB_PASTS = frozenset(
    _past(v)
    for v in SPEECH_VERBS | COGNITION_VERBS | {"question", "whimper", "smile", "grin", "nod", "order"}
    if "_" not in v and v != "said"
)
"""The past forms of speech and thought verbs: a tag whose verb the writer capitalised after a
quotation ("…?" Groaned Naruto, "…" Thought Kakashi, "…" Ordered Kaia) does not make the verb part of
a name."""

ROLE_NOUNS = frozenset(
    # occupations, ranks and social roles, written from general knowledge (not from LitBank's
    # annotations) so that cross-validation stays honest
    "accountant actor admiral adventurer advocate agent ambassador apprentice archbishop architect "
    "aristocrat "
    "artist astronomer athlete attendant attorney auditor aunt author baker banker barber bard baronet "
    "barrister beggar bishop blacksmith boatman bookseller boxer bride bridegroom broker brute "
    "burglar butcher "
    "cabman captain cardinal carpenter cashier chairman chambermaid champion chancellor chaplain chauffeur "
    "chemist chief chieftain citizen clergyman clerk client coachman cobbler colonel comrade conductor "
    "confessor constable consul convict cook coroner councillor counsellor counselor courier courtier "
    "cowboy creditor criminal curate customer dancer deacon dean debtor defendant delegate dentist deputy "
    "diplomat director drunkard duchess editor emigrant emperor employer engineer envoy escort explorer "
    "fiddler fisherman footman foreman forester gamekeeper gaoler general gentlewoman giant governor "
    "groom guardian gunner harlot headmaster heiress herdsman hermit highwayman historian horseman "
    "housemaid hunter husband idiot immigrant innkeeper instructor interpreter inventor janitor jailer "
    "jester jeweller jeweler jockey journalist juror justice keeper labourer laborer lackey landowner "
    "laundress lawyer lecturer librarian lieutenant magician magistrate maiden manager mariner marquis "
    "marshal martyr mason mayor mechanic mediator merchant midshipman midwife milkmaid miller millionaire "
    "miner minister missionary monarch musician narrator navigator negotiator novelist nursemaid occupant "
    "offender official orator outlaw painter pastor patron pauper peddler pedlar philosopher physician "
    "pickpocket pilgrim pioneer pirate planter playwright ploughman plowman poet policeman politician "
    "pope porter postman preacher prelate president priestess principal prisoner professor prophet "
    "proprietor prostitute publican publisher quaker rabbi ranger reader rector referee refugee regent "
    "reporter rider robber rogue sage saint savage scholar schoolboy schoolgirl schoolmaster schoolmistress "
    "scientist scoundrel scribe sculptor seaman secretary senator sentry sergeant servant settler shepherd "
    "sheriff singer slave smith soldier solicitor sovereign spectator squire steward stranger stripling "
    "student successor suitor surgeon tailor teacher thief tourist trader traveller traveler trooper "
    "tutor tyrant uncle undertaker usurer valet vagabond vicar victor villager viscount voyager waiter "
    "wanderer warden warrior washerwoman weaver whaler widow writer yeoman youngster "
    "ancestor descendant kinsman kinswoman grandson granddaughter grandchild godmother godfather "
    "stepmother stepfather stepson stepdaughter brother-in-law sister-in-law son-in-law daughter-in-law "
    "foe fellow-creature acquaintance admirer bachelor spinster newcomer inhabitant native foreigner "
    "neighbour neighbor passenger pedestrian sufferer survivor believer follower disciple devotee "
    "sinner saviour savior deity god goddess fairy nymph giantess ogre witch wizard gentleman gentlemen "
    "parson priest monk nun friar abbot abbess sexton beadle clerk squaw brave chap fellow rascal villain "
    "fool simpleton dunce coward hero heroine darling sweetheart".split()
)

GROUP_NOUNS = frozenset(
    # collectives LitBank annotates as PER when they are made of people
    "army audience band brotherhood class clan committee community company congregation council court "
    "crew crowd family folk gang generation group household humanity jury mankind mob multitude nation "
    "party populace public race regiment society staff team throng tribe troop".split()
)
