"""Typed records that every stage of the pipeline reads and writes.

The JSON schema of `ficlens analyze` is the `Analysis` model below, dumped with
`model_dump(mode="json")`. `SCHEMA_VERSION` changes whenever a field is renamed or
removed; new optional fields only bump the minor part.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

NotePosition = Literal["before", "after", "chapter"]
RelationshipKind = Literal["romantic", "platonic"]
AO3Rating = Literal["General Audiences", "Teen And Up Audiences", "Mature", "Explicit", "Not Rated"]


class Record(BaseModel):
    """Base for all records: unknown fields are refused so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Source(Record):
    path: str | None = Field(description="Path as given, or '-' for standard input.")
    sha256: str
    bytes: int
    format: str = Field(description="Detected format, e.g. 'ao3-html', 'fanficfare-txt', 'text'.")
    encoding: str | None = Field(default=None, description="Detected text encoding, for text formats.")


class Note(Record):
    position: NotePosition
    text: str
    chapter: int | None = Field(default=None, description="Chapter number for chapter notes.")


class Rating(Record):
    text: str = Field(description="The rating as the source writes it.")
    ao3: AO3Rating | None = Field(default=None, description="The AO3 rating it maps to, if any.")


class RelationshipTag(Record):
    tag: str
    characters: list[str]
    kind: RelationshipKind


class SeriesRef(Record):
    name: str
    position: int | None = None


class Stats(Record):
    kudos: int | None = None
    hits: int | None = None
    comments: int | None = None
    bookmarks: int | None = None
    reviews: int | None = None
    favs: int | None = None
    follows: int | None = None


class WorkMeta(Record):
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    summary: str | None = None
    notes: list[Note] = Field(default_factory=list)
    dedicated_to: list[str] = Field(default_factory=list)
    beta_readers: list[str] = Field(default_factory=list)
    fandoms: list[str] = Field(default_factory=list)
    rating: Rating | None = None
    warnings: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    relationship_tags: list[RelationshipTag] = Field(default_factory=list)
    character_tags: list[str] = Field(default_factory=list)
    freeform_tags: list[str] = Field(default_factory=list)
    language: str | None = None
    series: list[SeriesRef] = Field(default_factory=list)
    status: Literal["complete", "in-progress"] | None = None
    published: str | None = Field(default=None, description="ISO date YYYY-MM-DD.")
    updated: str | None = Field(default=None, description="ISO date YYYY-MM-DD.")
    words: int | None = Field(
        default=None, description="Word count the source states, else counted on the story body."
    )
    chapters_posted: int | None = None
    chapters_expected: int | None = None
    source_url: str | None = None
    work_id: str | None = None
    disclaimer: str | None = None
    stats: Stats = Field(default_factory=Stats)


class Chapter(Record):
    number: int
    title: str | None = None
    paragraphs: list[str] = Field(default_factory=list)
    scene_breaks: list[int] = Field(
        default_factory=list, description="Indexes into `paragraphs` where a new scene starts."
    )
    words: int = 0
    notes: list[Note] = Field(default_factory=list)


class Story(Record):
    """What a reader produces: the work's metadata and its chapters."""

    work: WorkMeta = Field(default_factory=WorkMeta)
    chapters: list[Chapter] = Field(default_factory=list)


Gender = Literal["female", "male", "nonbinary"]
MentionKind = Literal["name", "nominal", "pronoun"]
QuoteType = Literal["explicit", "anaphoric", "implicit"]


class Location(Record):
    """A place in the story body: `chapters[chapter-1].paragraphs[paragraph][start:end]`."""

    chapter: int
    paragraph: int
    start: int
    end: int


class Mention(Location):
    """A reference to a character: a name, a description ("the witch") or a pronoun."""

    id: int
    text: str
    kind: MentionKind
    character: str | None = Field(default=None, description="Character id, or null when unresolved.")
    confidence: float = Field(ge=0.0, le=1.0)
    in_quote: bool = Field(default=False, description="Inside a quotation (spoken, not narrated).")


class Character(Record):
    id: str
    name: str = Field(description="Fullest canonical name (from the knowledge base when it knows them).")
    aliases: list[str] = Field(default_factory=list, description="Every surface form used for them here.")
    status: Literal["present", "mentioned"]
    mentions: int = 0
    gender: Gender | None = None
    first_mention: Location | None = None
    canon: str | None = Field(default=None, description="Fandom of the knowledge-base entry matched, if any.")
    lines: int = Field(default=0, description="Quotations spoken.")
    words_spoken: int = 0
    chapters: list[int] = Field(default_factory=list, description="Chapters in which they are mentioned.")


class FandomGuess(Record):
    name: str
    confidence: float = Field(ge=0.0, le=1.0)


class Quote(Location):
    """One utterance: one or more quoted parts of one speaker ("X," she said, "Y." is one quote).

    `chapter`/`paragraph`/`start` locate the first part, `end` closes the last part when it is in the
    same paragraph; `parts` lists every quoted span exactly.
    """

    id: int
    text: str
    parts: list[Location] = Field(default_factory=list)
    speaker: str | None = Field(default=None, description="Character id.")
    addressees: list[str] = Field(default_factory=list)
    type: QuoteType | None = None
    cue: str | None = Field(default=None, description="Words that named the speaker, if any.")
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)


RelationKind = Literal["romantic", "friendship", "family", "enmity", "professional"]
FactKind = Literal["does", "done_to", "feels", "described_as", "called"]


class Evidence(Location):
    """A sentence that supports a relationship kind."""

    text: str
    kind: RelationKind | None = None


class Interactions(Record):
    scenes: int = Field(default=0, description="Scenes in which both appear.")
    quotes: dict[str, int] = Field(
        default_factory=dict,
        description="Quotes addressed from one to the other: {'c1->c2': n, 'c2->c1': m}.",
    )
    physical: int = Field(default=0, description="Physical actions between them (kissed, hugged, hit…).")


class TagSupport(Record):
    """Whether the text bears out one of the work's relationship tags."""

    tag: str
    supported: bool
    score: float = Field(ge=0.0, le=1.0)


class Relationship(Record):
    characters: list[str] = Field(description="The two character ids.")
    kinds: dict[RelationKind, float] = Field(default_factory=dict, description="Kind → score in [0, 1].")
    interactions: Interactions = Field(default_factory=Interactions)
    evidence: list[Evidence] = Field(default_factory=list)
    tag_support: list[TagSupport] = Field(default_factory=list)


class Fact(Location):
    """A simple assertion about a character, located at its sentence."""

    character: str
    kind: FactKind
    value: str = Field(description="What they do/feel/are called, e.g. 'kissed Spike', 'upset', 'Red'.")
    text: str = Field(description="The sentence.")
    by: str | None = Field(default=None, description="For 'called': the character who calls them so.")


class Analysis(Record):
    """The document `ficlens analyze` prints."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    work: WorkMeta
    chapters: list[Chapter]
    fandom_guess: FandomGuess | None = None
    characters: list[Character] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
