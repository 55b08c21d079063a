"""Hand-built analyses for the report tests: small, exact, and independent of the language stages."""

from __future__ import annotations

from collections.abc import Sequence

from ficlens.model import (
    Analysis,
    Chapter,
    Character,
    Fact,
    Interactions,
    Location,
    Mention,
    Quote,
    Relationship,
    Source,
    WorkMeta,
)

PARAGRAPHS = [
    "“Where were you?” Anna asked Ben, folding her arms.",
    "Ben shrugged. “Out,” he said, “and now I’m back.”",
    "She laughed at him.",
]


def locate(paragraphs: Sequence[str], paragraph: int, text: str, chapter: int = 1) -> Location:
    start = paragraphs[paragraph].index(text)
    return Location(chapter=chapter, paragraph=paragraph, start=start, end=start + len(text))


def mention(
    paragraphs: Sequence[str], mid: int, paragraph: int, text: str, who: str, kind: str = "name"
) -> Mention:
    loc = locate(paragraphs, paragraph, text)
    return Mention(id=mid, text=text, kind=kind, character=who, confidence=0.9, **loc.model_dump())  # type: ignore[arg-type]


def quote(
    paragraphs: Sequence[str],
    qid: int,
    parts: Sequence[tuple[int, str]],
    speaker: str | None,
    to: Sequence[str] = (),
) -> Quote:
    locs = [locate(paragraphs, p, t) for p, t in parts]
    return Quote(
        id=qid,
        chapter=1,
        paragraph=locs[0].paragraph,
        start=locs[0].start,
        end=locs[-1].end,
        text=" ".join(t for _, t in parts),
        parts=locs,
        speaker=speaker,
        addressees=list(to),
        type="explicit",
        cue="Anna asked" if speaker == "c1" else "he said",
        confidence=0.85,
    )


def build(
    paragraphs: Sequence[str] = tuple(PARAGRAPHS),
    *,
    work: WorkMeta | None = None,
    names: Sequence[str] = ("Anna", "Ben"),
) -> Analysis:
    """Two characters talking in one chapter, with mentions, quotes, a relationship and facts."""
    paras = list(paragraphs)
    chars = [
        Character(
            id=f"c{i + 1}", name=name, aliases=[name], status="present", mentions=2, lines=1, chapters=[1]
        )
        for i, name in enumerate(names)
    ]
    analysis = Analysis(
        source=Source(path="story.txt", sha256="0" * 64, bytes=100, format="text"),
        work=work or WorkMeta(title="A Test", authors=["Someone"]),
        chapters=[Chapter(number=1, paragraphs=paras, words=30)],
        characters=chars,
    )
    if paras == PARAGRAPHS:
        analysis.mentions = [
            mention(paras, 0, 0, "Anna", "c1"),
            mention(paras, 1, 0, "Ben", "c2"),
            mention(paras, 2, 0, "you", "c2", "pronoun"),
            mention(paras, 3, 1, "Ben", "c2"),
            mention(paras, 4, 1, "he", "c2", "pronoun"),
            mention(paras, 5, 1, "I", "c2", "pronoun"),
            mention(paras, 6, 2, "She", "c1", "pronoun"),
        ]
        analysis.quotes = [
            quote(paras, 0, [(0, "Where were you?")], "c1", ["c2"]),
            quote(paras, 1, [(1, "Out,"), (1, "and now I’m back.")], "c2", ["c1"]),
        ]
        analysis.relationships = [
            Relationship(
                characters=["c1", "c2"],
                kinds={"friendship": 0.7, "romantic": 0.2},
                interactions=Interactions(scenes=1, quotes={"c1->c2": 1, "c2->c1": 1}),
            )
        ]
        analysis.facts = [
            Fact(
                character="c1",
                kind="feels",
                value="amused",
                text="She laughed at him.",
                **locate(paras, 2, "She laughed at him.").model_dump(),
            ),
        ]
    return analysis
