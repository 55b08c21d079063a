"""Tests of the fandom canon knowledge base: packaged data, lookups, guessing, user files, errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from ficlens.errors import FiclensError, KnowledgeBaseError
from ficlens.kb import (
    CanonCharacter,
    Fandom,
    KnowledgeBase,
    clean_character_tag,
    fandom_from_character_tags,
    load_knowledge_base,
)
from ficlens.kb.loader import parse_file
from ficlens.kb.normalize import descriptor_key, name_key, singular, tag_key

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"

REQUIRED_FANDOMS = [
    "Harry Potter",
    "Marvel Cinematic Universe",
    "Supernatural",
    "Sherlock",
    "Star Wars",
    "Naruto",
    "Buffy the Vampire Slayer",
    "Doctor Who",
    "Teen Wolf",
    "My Hero Academia",
    "Pride and Prejudice",
    "The Lord of the Rings",
    "Avatar: The Last Airbender",
    "Star Trek",
    "Stranger Things",
    "Good Omens",
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def fandom(kb: KnowledgeBase, name: str) -> Fandom:
    found = kb.get(name)
    assert found is not None, f"fandom {name!r} missing"
    return found


def names(characters: list[CanonCharacter]) -> list[str]:
    return [character.name for character in characters]


def packaged_files() -> list[Path]:
    folder = resources.files("ficlens.kb").joinpath("data")
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".toml"))


# --- packaged data -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", packaged_files(), ids=lambda p: p.name)
def test_every_packaged_file_parses_and_validates(path: Path, kb: KnowledgeBase) -> None:
    parsed = parse_file(path)
    assert parsed.fandom in kb.names()
    assert parsed.tags, "every fandom needs archive tags"
    assert all(entry.gender is not None for entry in parsed.characters), "state every gender"


def test_at_least_sixteen_fandoms_including_the_required_ones(kb: KnowledgeBase) -> None:
    assert len(kb) >= 16
    assert len(packaged_files()) == len(kb)
    for name in REQUIRED_FANDOMS:
        assert name in kb.names()


@pytest.mark.parametrize("name", REQUIRED_FANDOMS)
def test_required_fandom_has_a_real_cast(kb: KnowledgeBase, name: str) -> None:
    found = fandom(kb, name)
    assert len(found.characters) >= 10
    assert all(character.fandom == name for character in found.characters)
    assert all(character.descriptors for character in found.characters)


def test_every_fandom_has_at_least_ten_characters(kb: KnowledgeBase) -> None:
    small = {f.name: len(f.characters) for f in kb.fandoms if len(f.characters) < 10}
    assert small == {}


def test_big_fandoms_are_bigger(kb: KnowledgeBase) -> None:
    for name in ("Harry Potter", "Marvel Cinematic Universe", "Naruto"):
        assert len(fandom(kb, name).characters) >= 40


def test_no_name_alias_or_nickname_is_claimed_by_two_characters(kb: KnowledgeBase) -> None:
    conflicts = {f.name: f.conflicts() for f in kb.fandoms if f.conflicts()}
    assert conflicts == {}


def test_shared_names_are_nobodys_alias(kb: KnowledgeBase) -> None:
    for found in kb.fandoms:
        keys = set(found.name_entries())
        overlap = [shared for shared in found.shared_names if name_key(shared) in keys]
        assert overlap == [], found.name


def test_not_characters_are_nobodys_name(kb: KnowledgeBase) -> None:
    for found in kb.fandoms:
        named = [term for term in found.not_characters if found.lookup(term)]
        assert named == [], found.name


def test_not_characters_match_with_or_without_possessive(kb: KnowledgeBase) -> None:
    potter = fandom(kb, "Harry Potter")
    assert potter.is_not_character("St. Mungo") and potter.is_not_character("Hogwarts")
    assert not potter.is_not_character("Harry Potter")


def test_things_are_found_where_prose_writes_them_in_full(kb: KnowledgeBase) -> None:
    potter = fandom(kb, "Harry Potter")
    text = "She taught defence against the Dark Arts, went to St Mungo’s, and lost her Time Turner."
    assert [text[a:b] for a, b in potter.things_in(text)] == [
        "defence against the Dark Arts",
        "St Mungo’s",
        "Time Turner",
    ]
    assert potter.things_in("Darkly, the arts master smiled at Harry.") == []


def test_no_fandom_tag_points_at_two_fandoms(kb: KnowledgeBase) -> None:
    owners: dict[str, str] = {}
    for found in kb.fandoms:
        for tag in (found.name, *found.tags):
            key = tag_key(tag)
            assert owners.setdefault(key, found.name) == found.name, f"{tag!r} is ambiguous"


def test_genders_follow_canon(kb: KnowledgeBase) -> None:
    expected = {
        ("Buffy the Vampire Slayer", "Buffy Summers"): "female",
        ("Buffy the Vampire Slayer", "Spike"): "male",
        ("Doctor Who", "Thirteenth Doctor"): "female",
        ("Doctor Who", "Tenth Doctor"): "male",
        ("Doctor Who", "Bill Potts"): "female",
        ("Sherlock", "Harriet Watson"): "female",
        ("Star Trek", "Michael Burnham"): "female",
        ("Harry Potter", "Hermione Granger"): "female",
        ("Naruto", "Kakashi Hatake"): "male",
    }
    for (fandom_name, character_name), gender in expected.items():
        character = fandom(kb, fandom_name).character(character_name)
        assert character is not None
        assert character.gender == gender, character_name


# --- tags --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("Harry Potter - J. K. Rowling", "Harry Potter"),
        ("harry potter", "Harry Potter"),
        ("Harry Potter and the Cursed Child - Thorne & Tiffany", "Harry Potter"),
        ("Sherlock (TV)", "Sherlock"),
        ("Sherlock Holmes - Arthur Conan Doyle", "Sherlock"),
        ("Sherlock Holmes & Related Fandoms", "Sherlock"),
        ("Buffy the Vampire Slayer (TV)", "Buffy the Vampire Slayer"),
        ("Buffy: the Vampire Slayer", "Buffy the Vampire Slayer"),
        ("BtVS", "Buffy the Vampire Slayer"),
        ("Angel: the Series", "Buffy the Vampire Slayer"),
        ("Naruto", "Naruto"),
        ("NARUTO", "Naruto"),
        ("Naruto Shippuden", "Naruto"),
        ("僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia", "My Hero Academia"),
        ("Boku no Hero Academia", "My Hero Academia"),
        ("The Avengers (Marvel Movies)", "Marvel Cinematic Universe"),
        ("Marvel Cinematic Universe", "Marvel Cinematic Universe"),
        ("Captain America: The Winter Soldier (2014)", "Marvel Cinematic Universe"),
        ("Star Wars - All Media Types", "Star Wars"),
        ("Star Wars: The Clone Wars (2008) - All Media Types", "Star Wars"),
        ("Star Trek: The Next Generation", "Star Trek"),
        ("Star Trek: Deep Space Nine", "Star Trek"),
        ("Doctor Who (2005)", "Doctor Who"),
        ("Teen Wolf (TV)", "Teen Wolf"),
        ("Pride and Prejudice - Jane Austen", "Pride and Prejudice"),
        ("Pride & Prejudice", "Pride and Prejudice"),
        ("The Hobbit (Jackson Movies)", "The Lord of the Rings"),
        ("Lord of the Rings", "The Lord of the Rings"),
        ("Avatar: The Last Airbender", "Avatar: The Last Airbender"),
        ("Avatar: Legend of Korra", "Avatar: The Last Airbender"),
        ("Stranger Things (TV 2016)", "Stranger Things"),
        ("Good Omens - Neil Gaiman & Terry Pratchett", "Good Omens"),
        ("Supernatural (TV 2005)", "Supernatural"),
        ("Wiedźmin | The Witcher - All Media Types", "The Witcher"),
    ],
)
def test_fandom_for_tag_matches_real_world_spellings(kb: KnowledgeBase, tag: str, expected: str) -> None:
    found = kb.fandom_for_tag(tag)
    assert found is not None, tag
    assert found.name == expected


@pytest.mark.parametrize("tag", ["Some Unknown Fandom", "Avatar (Movies)", "", "   ", "(TV)"])
def test_fandom_for_tag_refuses_unknown_tags(kb: KnowledgeBase, tag: str) -> None:
    assert kb.fandom_for_tag(tag) is None


# --- lookup ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fandom_name", "surface", "expected"),
    [
        ("Buffy the Vampire Slayer", "Red", "Willow Rosenberg"),
        ("Buffy the Vampire Slayer", "buffy", "Buffy Summers"),
        ("Buffy the Vampire Slayer", "Buffy Summers", "Buffy Summers"),
        ("Buffy the Vampire Slayer", "Peaches", "Angel"),
        ("Pride and Prejudice", "Mr. Darcy", "Fitzwilliam Darcy"),
        ("Pride and Prejudice", "Mr Darcy", "Fitzwilliam Darcy"),
        ("Pride and Prejudice", "MR. DARCY", "Fitzwilliam Darcy"),
        ("Pride and Prejudice", "Lizzy", "Elizabeth Bennet"),
        ("Pride and Prejudice", "Miss Bennet", "Jane Bennet"),
        ("Sherlock", "Holmes", "Sherlock Holmes"),
        ("Sherlock", "Watson", "John Watson"),
        ("Harry Potter", "Potter", "Harry Potter"),
        ("Harry Potter", "Padfoot", "Sirius Black"),
        ("Harry Potter", "Professor Snape", "Severus Snape"),
        ("Harry Potter", "Mr. Malfoy", "Draco Malfoy"),
        ("Harry Potter", "'Mione", "Hermione Granger"),
        ("My Hero Academia", "Deku", "Izuku Midoriya"),
        ("My Hero Academia", "Kacchan", "Katsuki Bakugo"),
        ("My Hero Academia", "Bakugō Katsuki", "Katsuki Bakugo"),
        ("Naruto", "Naruto-kun", "Naruto Uzumaki"),
        ("Naruto", "Kakashi-sensei", "Kakashi Hatake"),
        ("Naruto", "Uzumaki Naruto", "Naruto Uzumaki"),
        ("Star Wars", "Padme", "Padmé Amidala"),
        ("Star Wars", "Darth Vader", "Anakin Skywalker"),
        ("The Lord of the Rings", "Eowyn", "Éowyn"),
        ("Doctor Who", "the Doctor", "The Doctor"),
        ("Star Trek", "Bones", "Leonard McCoy"),
        ("Supernatural", "Cas", "Castiel"),
        ("Teen Wolf", "Sourwolf", "Derek Hale"),
        ("Avatar: The Last Airbender", "Twinkle Toes", "Aang"),
        ("Marvel Cinematic Universe", "Cap", "Steve Rogers"),
        ("Stranger Things", "El", "Jane Hopper"),
    ],
)
def test_lookup_finds_the_canon_character(
    kb: KnowledgeBase, fandom_name: str, surface: str, expected: str
) -> None:
    assert names(fandom(kb, fandom_name).lookup(surface)) == [expected]


def test_lookup_of_shared_surname_finds_nobody(kb: KnowledgeBase) -> None:
    hp = fandom(kb, "Harry Potter")
    assert hp.lookup("Weasley") == []
    assert hp.is_shared_name("Weasley")
    assert hp.lookup("Mrs. Weasley")[0].name == "Molly Weasley"
    pp = fandom(kb, "Pride and Prejudice")
    assert pp.lookup("Bennet") == []
    assert pp.is_shared_name("bennet")


def test_lookup_title_respects_gender(kb: KnowledgeBase) -> None:
    hp = fandom(kb, "Harry Potter")
    assert names(hp.lookup("Miss Granger")) == ["Hermione Granger"]
    assert hp.lookup("Miss Potter") == []
    assert hp.lookup("") == []
    assert hp.lookup("Nobody At All") == []


def test_knowledge_base_lookup_spans_fandoms(kb: KnowledgeBase) -> None:
    crowleys = {character.fandom for character in kb.lookup("Crowley")}
    assert crowleys == {"Supernatural", "Good Omens"}


# --- descriptors -------------------------------------------------------------------------------


def test_with_descriptor_finds_every_vampire(kb: KnowledgeBase) -> None:
    buffy = fandom(kb, "Buffy the Vampire Slayer")
    vampires = set(names(buffy.with_descriptor("vampire")))
    assert {"Spike", "Angel", "Drusilla", "Harmony Kendall", "Darla"} <= vampires
    assert "Buffy Summers" not in vampires, "a vampire slayer is not a vampire"
    assert set(names(buffy.with_descriptor("Vampires"))) == vampires
    assert set(names(buffy.with_descriptor("the upset vampire"))) == vampires


def test_with_descriptor_singular_lemma_and_head_noun(kb: KnowledgeBase) -> None:
    buffy = fandom(kb, "Buffy the Vampire Slayer")
    assert {"Buffy Summers", "Faith Lehane", "Kendra Young"} <= set(names(buffy.with_descriptor("slayer")))
    assert {"Willow Rosenberg", "Tara Maclay"} <= set(names(buffy.with_descriptor("the witches")))
    assert "Rupert Giles" in names(buffy.with_descriptor("Watcher"))
    assert names(buffy.with_descriptor("werewolves")) == ["Daniel Osbourne"]
    hp = fandom(kb, "Harry Potter")
    assert {"Remus Lupin", "Fenrir Greyback"} == set(names(hp.with_descriptor("werewolf")))
    tolkien = fandom(kb, "The Lord of the Rings")
    assert {"Frodo Baggins", "Samwise Gamgee", "Bilbo Baggins"} <= set(
        names(tolkien.with_descriptor("hobbits"))
    )
    assert "Legolas" in names(tolkien.with_descriptor("elves"))
    avatar = fandom(kb, "Avatar: The Last Airbender")
    assert {"Zuko", "Iroh", "Azula"} <= set(names(avatar.with_descriptor("firebender")))
    assert {"Aang", "Korra"} <= set(names(avatar.with_descriptor("the Avatar")))
    assert fandom(kb, "Teen Wolf").with_descriptor("nothing like this") == []


def test_descriptor_vocabulary_covers_prose_roles(kb: KnowledgeBase) -> None:
    expected = {
        "Sherlock": ("detective", "Sherlock Holmes"),
        "Doctor Who": ("time lord", "The Doctor"),
        "Star Trek": ("captain", "James T. Kirk"),
        "Star Wars": ("jedi", "Luke Skywalker"),
        "Naruto": ("ninja", "Naruto Uzumaki"),
        "Good Omens": ("angel", "Aziraphale"),
        "Supernatural": ("angel", "Castiel"),
        "Teen Wolf": ("alpha", "Derek Hale"),
        "My Hero Academia": ("hero", "Izuku Midoriya"),
        "Marvel Cinematic Universe": ("avenger", "Tony Stark"),
    }
    for fandom_name, (word, character) in expected.items():
        assert character in names(fandom(kb, fandom_name).with_descriptor(word)), (fandom_name, word)


# --- guessing a fandom -------------------------------------------------------------------------


def top(kb: KnowledgeBase, story_names: list[str]) -> tuple[str, float]:
    ranked = kb.guess_fandom(story_names)
    assert ranked, story_names
    return ranked[0][0].name, ranked[0][1]


def test_guess_buffy_from_buffy_willow_spike(kb: KnowledgeBase) -> None:
    name, confidence = top(kb, ["Buffy", "Willow", "Spike"])
    assert name == "Buffy the Vampire Slayer"
    assert confidence > 0.8


def test_guess_harry_potter_from_the_trio(kb: KnowledgeBase) -> None:
    ranked = kb.guess_fandom(["Harry", "Hermione", "Ron", "Harry", "Hermione"])
    assert ranked[0][0].name == "Harry Potter"
    assert ranked[0][1] > 0.6
    assert all(confidence < ranked[0][1] / 5 for _, confidence in ranked[1:])


def test_guess_sherlock(kb: KnowledgeBase) -> None:
    name, confidence = top(kb, ["Sherlock", "John Watson", "Lestrade"])
    assert name == "Sherlock"
    assert confidence > 0.8


def test_guess_common_first_names_gives_low_confidence(kb: KnowledgeBase) -> None:
    generic = ["John", "Mary", "James", "Sam", "Peter", "Tom", "David", "Sarah", "Michael", "Anna"]
    ranked = kb.guess_fandom(generic)
    assert ranked, "these names are canon somewhere"
    assert max(confidence for _, confidence in ranked) < 0.35


def test_guess_counts_matter(kb: KnowledgeBase) -> None:
    once = dict((f.name, c) for f, c in kb.guess_fandom(["Castiel", "Crowley"]))
    often = dict((f.name, c) for f, c in kb.guess_fandom(["Castiel"] * 20 + ["Crowley"]))
    assert often["Supernatural"] > once["Supernatural"]
    assert top(kb, ["Crowley"] * 3 + ["Aziraphale"] * 30)[0] == "Good Omens"


def test_guess_confidences_are_sorted_and_bounded(kb: KnowledgeBase) -> None:
    ranked = kb.guess_fandom(["Naruto", "Sasuke", "Sakura", "Kakashi", "Hinata"])
    assert ranked[0][0].name == "Naruto"
    confidences = [confidence for _, confidence in ranked]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= confidence <= 1.0 for confidence in confidences)


def test_guess_with_nothing_known(kb: KnowledgeBase) -> None:
    assert kb.guess_fandom([]) == []
    assert kb.guess_fandom(["Zzyzx Qwertyuiop"]) == []


def test_guess_uses_titles_and_suffixes(kb: KnowledgeBase) -> None:
    assert top(kb, ["Naruto-kun", "Sasuke-kun", "Kakashi-sensei"])[0] == "Naruto"
    assert top(kb, ["Mr. Darcy", "Miss Elizabeth Bennet", "Mr. Bingley"])[0] == "Pride and Prejudice"


# --- user files --------------------------------------------------------------------------------


def test_user_file_merges_into_packaged_fandom() -> None:
    base = load_knowledge_base()
    merged = load_knowledge_base([VALID / "buffy_override.toml"])
    before = fandom(base, "Buffy the Vampire Slayer")
    after = fandom(merged, "Buffy the Vampire Slayer")

    assert len(merged) == len(base)
    assert len(after.characters) == len(before.characters) + 1
    assert merged.fandom_for_tag("Buffy Fanon Universe") is after
    assert after.is_shared_name("Rosenberg")
    assert after.is_not_character("the bronze") and after.is_not_character("Sunnydale High")
    assert not after.is_not_character("Sunnydale") and not after.is_not_character("Spike")

    spike = after.character("Spike")
    assert spike is not None
    assert spike.name == "spike", "the user's spelling of the name wins"
    assert "Spikey" in spike.nicknames and "William" in spike.nicknames
    assert "bleached vampire" in spike.descriptors and "vampire" in spike.descriptors
    assert spike.gender == "male", "gender kept when the user file leaves it out"

    clem = after.character("Clem")
    assert clem is not None
    assert clem.descriptors == ("loose-skinned demon",)
    assert clem.aliases == ("Clement",)

    oz = after.character("Daniel Osbourne")
    assert oz is not None and oz.gender == "unknown"
    assert names(after.lookup("Oz")) == ["Daniel Osbourne"]

    kennedy = after.character("Kennedy")
    assert kennedy is not None and kennedy.fandom == "Buffy the Vampire Slayer"
    assert "Kennedy" in names(after.with_descriptor("slayer"))

    original_spike = before.character("Spike")
    assert original_spike is not None and "Spikey" not in original_spike.nicknames


def test_user_file_may_name_its_fandom_by_a_tag() -> None:
    merged = load_knowledge_base([VALID / "tagged_as_btvs.toml"])
    assert "BtVS" not in merged.names()
    andrew = fandom(merged, "Buffy the Vampire Slayer").character("Andrew Wells")
    assert andrew is not None
    assert andrew.nicknames == ("Tucker's Brother",)
    assert "nerd" in andrew.descriptors


def test_user_folder_adds_new_fandoms() -> None:
    merged = load_knowledge_base([VALID])
    new = merged.fandom_for_tag("Lighthouse Keepers (Web Series)")
    assert new is not None and new.name == "Lighthouse Keepers"
    assert names(new.lookup("Sol")) == ["Marisol Quay"]
    assert top(merged, ["Marisol", "Teodor", "Marisol"])[0] == "Lighthouse Keepers"
    assert "Kennedy" in names(fandom(merged, "Buffy the Vampire Slayer").characters)


def test_extra_path_given_as_string() -> None:
    merged = load_knowledge_base([str(VALID / "new_fandom.toml")])
    assert "Lighthouse Keepers" in merged.names()


# --- validation errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file_name", "problem"),
    [
        ("unknown_key.toml", "unknown key 'nicknmes'"),
        ("unknown_top_key.toml", "unknown key 'tag'"),
        ("bad_gender.toml", "gender"),
        ("empty_name.toml", "must not be empty"),
        ("missing_name.toml", "missing required key 'name'"),
        ("wrong_type.toml", "aliases"),
        ("wrong_item_type.toml", "aliases[1]"),
        ("empty_alias.toml", "must not contain empty strings"),
        ("missing_fandom.toml", "missing required key 'fandom'"),
        ("duplicate_character.toml", "listed twice"),
        ("not_toml.toml", "not valid TOML"),
    ],
)
def test_invalid_file_raises_knowledge_base_error(file_name: str, problem: str) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base([INVALID / file_name])
    message = str(caught.value)
    assert file_name in message
    assert problem in message
    assert isinstance(caught.value, FiclensError)
    assert caught.value.exit_code == 2


def test_error_names_the_character_concerned() -> None:
    with pytest.raises(KnowledgeBaseError, match=r"characters\[0\] \('Willow Rosenberg'\)\.gender"):
        parse_file(INVALID / "bad_gender.toml")


def test_missing_extra_path_raises(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(KnowledgeBaseError, match=r"nowhere\.toml"):
        load_knowledge_base([missing])


def test_invalid_file_in_a_folder_raises(tmp_path: Path) -> None:
    (tmp_path / "ok.toml").write_text(
        (VALID / "new_fandom.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "broken.toml").write_text('fandom = "X"\n[[characters]]\nname = "A"\ngender = "cat"\n')
    with pytest.raises(KnowledgeBaseError, match=r"broken\.toml"):
        load_knowledge_base([tmp_path])


# --- ad-hoc fandoms from character tags --------------------------------------------------------


def test_clean_character_tag() -> None:
    assert clean_character_tag("Sherlock Holmes (again)") == ["Sherlock Holmes"]
    assert clean_character_tag("Castiel (Supernatural)") == ["Castiel"]
    assert clean_character_tag("Peter Parker | Spider-Man") == ["Peter Parker", "Spider-Man"]


def test_fandom_from_character_tags() -> None:
    adhoc = fandom_from_character_tags(
        "Holmesian Pastiche",
        [
            "Sherlock Holmes (again)",
            "John Watson",
            "Mary Watson",
            "Mycroft Holmes",
            "Original Characters",
            "Reader",
            "Mr. Darcy",
            "Sherlock Holmes",
        ],
    )
    assert adhoc.name == "Holmesian Pastiche"
    assert names(list(adhoc.characters)) == [
        "Sherlock Holmes",
        "John Watson",
        "Mary Watson",
        "Mycroft Holmes",
        "Mr. Darcy",
    ]
    assert names(adhoc.lookup("Sherlock")) == ["Sherlock Holmes"]
    assert names(adhoc.lookup("John")) == ["John Watson"]
    assert names(adhoc.lookup("Darcy")) == ["Mr. Darcy"]
    assert adhoc.lookup("Watson") == [] and adhoc.is_shared_name("Watson")
    assert adhoc.lookup("Holmes") == [] and adhoc.is_shared_name("Holmes")
    assert adhoc.conflicts() == {}
    assert all(character.gender == "unknown" for character in adhoc.characters)


def test_fandom_from_character_tags_keeps_single_names() -> None:
    adhoc = fandom_from_character_tags("Small", ["Castiel (Supernatural)", "Dean Winchester"])
    castiel = adhoc.character("Castiel")
    assert castiel is not None and castiel.aliases == ()
    assert names(adhoc.lookup("Winchester")) == ["Dean Winchester"]


# --- normalisation helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("witches", "witch"),
        ("werewolves", "werewolf"),
        ("elves", "elf"),
        ("dwarves", "dwarf"),
        ("heroes", "hero"),
        ("ladies", "lady"),
        ("vampires", "vampire"),
        ("hobbits", "hobbit"),
        ("horses", "horse"),
        ("princesses", "princess"),
        ("women", "woman"),
        ("boss", "boss"),
        ("genius", "genius"),
        ("jedi", "jedi"),
    ],
)
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_keys() -> None:
    assert name_key("Mr. Darcy") == name_key("mr  darcy") == "mr darcy"
    assert name_key("Spider-Man") == name_key("spider man")
    assert name_key("The Doctor") == "doctor"
    assert name_key("Éowyn") == "eowyn"
    assert tag_key("Harry Potter - J. K. Rowling") == "harry potter"
    assert tag_key("Sherlock (TV)") == "sherlock"
    assert descriptor_key("the witch's") == ("witch",)
    assert descriptor_key("Upset Vampires") == ("upset", "vampire")
