"""Closed word lists the characters stage needs: pronouns, honorifics, person nouns, verb classes."""

from __future__ import annotations

PRONOUNS: dict[str, tuple[str | None, bool, int]] = {
    # word: (gender, plural, person)
    "he": ("male", False, 3), "him": ("male", False, 3), "his": ("male", False, 3), "himself": ("male", False, 3),
    "she": ("female", False, 3), "her": ("female", False, 3), "hers": ("female", False, 3),
    "herself": ("female", False, 3),
    "they": (None, True, 3), "them": (None, True, 3), "their": (None, True, 3), "theirs": (None, True, 3),
    "themselves": (None, True, 3), "themself": (None, False, 3),
    "i": (None, False, 1), "me": (None, False, 1), "my": (None, False, 1), "mine": (None, False, 1),
    "myself": (None, False, 1),
    "we": (None, True, 1), "us": (None, True, 1), "our": (None, True, 1), "ours": (None, True, 1),
    "ourselves": (None, True, 1),
    "you": (None, False, 2), "your": (None, False, 2), "yours": (None, False, 2), "yourself": (None, False, 2),
    "yourselves": (None, True, 2), "thee": (None, False, 2), "thou": (None, False, 2), "thy": (None, False, 2),
    "thine": (None, False, 2), "ye": (None, True, 2),
}

HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mr.": "male", "mister": "male", "sir": "male", "lord": "male", "master": "male",
    "mrs": "female", "mrs.": "female", "miss": "female", "ms": "female", "ms.": "female", "lady": "female",
    "madam": "female", "madame": "female", "mme": "female", "mademoiselle": "female", "dame": "female",
    "dr": None, "dr.": None, "doctor": None, "professor": None, "prof.": None, "captain": None, "capt.": None,
    "colonel": None, "col.": None, "general": None, "major": None, "lieutenant": None, "sergeant": None,
    "detective": None, "inspector": None, "officer": None, "agent": None, "commander": None, "admiral": None,
    "father": "male", "brother": "male", "uncle": "male", "aunt": "female", "sister": "female", "mother": "female",
    "king": "male", "queen": "female", "prince": "male", "princess": "female", "duke": "male", "duchess": "female",
    "count": "male", "countess": "female", "baron": "male", "baroness": "female", "st.": None, "saint": None,
    "rev.": "male", "reverend": "male", "messrs": None, "sensei": None,
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
    FEMALE_NOUNS | MALE_NOUNS | frozenset(
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
