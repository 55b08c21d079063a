"""String keys used to match names, fandom tags and descriptors regardless of spelling details."""

from __future__ import annotations

import re
import unicodedata

_PUNCT_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "_": " ",
    }
)
_SPACES = re.compile(r"\s+")
_NON_NAME = re.compile(r"[^\w'\s]")
_LOOSE_APOSTROPHE = re.compile(r"(?<!\w)'|'(?!\w)")
_NON_TAG = re.compile(r"[^\w\s]")
_BRACKETED = re.compile(r"\s*[(\[{][^)\]}]*[)\]}]")
_AUTHOR_SUFFIX = re.compile(r"\s+-\s+.*$")
_ALTERNATIVES = re.compile(r"\s*\|\s*")

#: Titles and terms of address that may precede a name; the value is the gender they imply.
HONORIFICS: dict[str, str | None] = {
    "mr": "male",
    "mister": "male",
    "sir": "male",
    "lord": "male",
    "king": "male",
    "prince": "male",
    "uncle": "male",
    "brother": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "missus": "female",
    "lady": "female",
    "dame": "female",
    "madam": "female",
    "madame": "female",
    "mme": "female",
    "queen": "female",
    "princess": "female",
    "aunt": "female",
    "auntie": "female",
    "sister": "female",
    "dr": None,
    "doctor": None,
    "prof": None,
    "professor": None,
    "captain": None,
    "capt": None,
    "commander": None,
    "lieutenant": None,
    "general": None,
    "admiral": None,
    "agent": None,
    "detective": None,
    "inspector": None,
    "di": None,
    "officer": None,
    "sergeant": None,
    "sgt": None,
    "master": None,
    "saint": None,
    "st": None,
}


def fold(text: str) -> str:
    """Unicode-normalise, unify quotes and dashes, drop Latin accents and case-fold."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP)
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            if base and ord(base) < 0x250:
                continue
        else:
            base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)).casefold()


def name_key(surface: str) -> str:
    """Matching key of a character name: "Mr. Darcy", "mr darcy" and "MR  DARCY" share one key."""
    text = fold(surface).replace("-", " ")
    text = _NON_NAME.sub(" ", text)
    text = _LOOSE_APOSTROPHE.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the ") and len(text) > 4:
        text = text[4:]
    return text


def strip_honorific(key: str) -> tuple[str, str | None] | None:
    """Split a leading title off a name key: "mr darcy" -> ("darcy", "male"); None if there is none."""
    head, _, rest = key.partition(" ")
    if rest and head in HONORIFICS:
        return rest, HONORIFICS[head]
    return None


#: Japanese honorific suffixes that fan fiction keeps on names ("Naruto-kun", "Kakashi-sensei").
JAPANESE_SUFFIXES = frozenset(
    {
        "kun",
        "chan",
        "san",
        "sama",
        "sensei",
        "senpai",
        "sempai",
        "dono",
        "tan",
        "chin",
        "nii",
        "nee",
        "niisan",
        "neesan",
        "niichan",
        "neechan",
        "kouhai",
        "hime",
        "taichou",
        "taicho",
        "shishou",
    }
)


def strip_suffix(key: str) -> str | None:
    """Drop a trailing Japanese honorific from a name key: "naruto kun" -> "naruto"; None if none."""
    head, _, tail = key.rpartition(" ")
    if head and tail in JAPANESE_SUFFIXES:
        return head
    return None


def tag_alternatives(tag: str) -> list[str]:
    """The spellings one fandom tag offers: AO3's " | " alternatives, each without author or medium."""
    parts = [tag, *_ALTERNATIVES.split(tag)] if "|" in tag else [tag]
    seen: list[str] = []
    for part in parts:
        key = tag_key(part)
        if key and key not in seen:
            seen.append(key)
    return seen


def tag_key(tag: str) -> str:
    """Matching key of one fandom tag: "Harry Potter - J. K. Rowling" -> "harry potter"."""
    text = unicodedata.normalize("NFKC", tag).translate(_PUNCT_MAP)
    text = _BRACKETED.sub(" ", text)
    text = _AUTHOR_SUFFIX.sub("", text)
    text = fold(text).replace("&", " and ").replace("-", " ").replace("'", "")
    text = _NON_TAG.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the ") and len(text) > 4:
        text = text[4:]
    return text


_IRREGULAR_PLURALS = {
    "people": "person",
    "children": "child",
    "teeth": "tooth",
    "feet": "foot",
    "mice": "mouse",
    "geese": "goose",
    "oxen": "ox",
    "heroes": "hero",
    "species": "species",
    "series": "series",
}
_VES_SUFFIXES = {
    "wolves": "wolf",
    "elves": "elf",
    "selves": "self",
    "dwarves": "dwarf",
    "thieves": "thief",
    "wives": "wife",
    "knives": "knife",
    "lives": "life",
    "halves": "half",
    "leaves": "leaf",
    "shelves": "shelf",
    "scarves": "scarf",
}
_MEN_EXCEPTIONS = {"omen", "amen", "semen", "ramen", "stamen", "abdomen", "specimen", "hymen", "regimen"}
_KEEP_S = ("ss", "us", "is", "ous", "ics")


def singular(word: str) -> str:
    """Crude English singular of one lower-case word ("witches" -> "witch", "werewolves" -> "werewolf")."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    for suffix, replacement in _VES_SUFFIXES.items():
        if word.endswith(suffix):
            return word[: -len(suffix)] + replacement
    if word.endswith("men") and len(word) > 3 and word not in _MEN_EXCEPTIONS:
        return word[:-3] + "man"
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def descriptor_key(phrase: str) -> tuple[str, ...]:
    """Matching key of a descriptor: lower-case words, possessive dropped, last word singular."""
    text = fold(phrase).replace("-", " ")
    text = re.sub(r"'s\b", "", text)
    words = _NON_TAG.sub(" ", text.replace("'", "")).split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return ()
    return (*words[:-1], singular(words[-1]))


def descriptors_match(query: tuple[str, ...], descriptor: tuple[str, ...]) -> bool:
    """True when a descriptor key fits a query key, allowing one side to be just the other's head noun.

    "vampire" fits "master vampire"; "upset vampire" fits "vampire"; "vampire" does not fit "vampire slayer".
    """
    if not query or not descriptor:
        return False
    if query == descriptor:
        return True
    if len(query) == 1 and descriptor[-1] == query[0]:
        return True
    return len(descriptor) == 1 and query[-1] == descriptor[0]
