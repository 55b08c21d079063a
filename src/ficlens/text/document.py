"""The story body as one addressable text: paragraphs with chapter/paragraph numbers and offsets.

Every later stage (characters, dialogue, relations) works on a `Document`. Offsets in the JSON
are paragraph-relative: `chapters[c-1].paragraphs[p][start:end]` is the text of a mention or quote.
Inside the pipeline, `Paragraph.offset` places each paragraph in `Document.text` (paragraphs joined
by a blank line) so spans can be compared across paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ficlens.model import Chapter

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its text, where it sits in the story and in `Document.text`."""

    text: str
    chapter: int
    index: int
    offset: int
    scene: int = 0

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@dataclass
class Document:
    """The body of a story: paragraphs in reading order and the joined text."""

    paragraphs: list[Paragraph]
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)
        expected = 0
        for p in self.paragraphs:
            if p.offset != expected:
                raise ValueError("paragraph offsets must follow the joined text")
            expected = p.end + len(PARAGRAPH_SEPARATOR)

    def __iter__(self) -> Iterator[Paragraph]:
        return iter(self.paragraphs)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def index_at(self, offset: int) -> int:
        """Index of the paragraph holding document offset `offset` (binary search)."""
        lo, hi = 0, len(self.paragraphs) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.paragraphs[mid].offset <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def paragraph_at(self, offset: int) -> Paragraph:
        return self.paragraphs[self.index_at(offset)]

    @classmethod
    def from_chapters(cls, chapters: Sequence[Chapter]) -> Document:
        paragraphs: list[Paragraph] = []
        offset = 0
        scene = 0
        for chapter in chapters:
            breaks = set(chapter.scene_breaks)
            if paragraphs:
                scene += 1
            for index, text in enumerate(chapter.paragraphs):
                if index in breaks:
                    scene += 1
                paragraphs.append(Paragraph(text, chapter.number, index, offset, scene))
                offset += len(text) + len(PARAGRAPH_SEPARATOR)
        return cls(paragraphs)

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> Document:
        """A one-chapter document from paragraph strings (tests, evaluation)."""
        return cls.from_chapters([Chapter(number=1, paragraphs=list(texts))])


@dataclass(frozen=True)
class RawParagraph:
    """A paragraph of a raw text file with its offset in that file (for evaluation on annotated corpora)."""

    text: str
    source_offset: int


def raw_paragraphs(text: str) -> list[RawParagraph]:
    """Split raw text into blank-line-separated paragraphs, keeping offsets into `text`.

    Line breaks inside a paragraph become spaces, one character for one, so an offset into a
    paragraph plus `source_offset` is an offset into the original file.
    """
    out: list[RawParagraph] = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        block = m.group()
        stripped = block.rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        body = stripped[lead:]
        if body.strip():
            out.append(RawParagraph(body.replace("\n", " "), m.start() + lead))
    return out
