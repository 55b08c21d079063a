"""Checks and derived fields every reader's `Story` gets: counts, credits from notes, no empty stories."""

from __future__ import annotations

from itertools import pairwise

from ficlens.errors import InputError
from ficlens.ingest._blocks import file_end_note, take_closing, take_opening
from ficlens.model import Chapter, Note, Story
from ficlens.text.credits import beta_readers, dedicatees
from ficlens.text.notes import closing_talk_start, opening_talk_end
from ficlens.text.words import count_words_in


def finish_story(story: Story, source_name: str) -> Story:
    """Fill what can be derived and refuse a story with no body text.

    Chapter numbers a reader set (e.g. chapter 5 of an FFN page) are kept when they increase;
    otherwise chapters are numbered by position.
    """
    for index, chapter in enumerate(story.chapters):
        _move_unlabelled_notes(chapter, story, last=index == len(story.chapters) - 1)
    chapters = [c for c in story.chapters if c.paragraphs]
    if not chapters:
        raise InputError(source_name, "no story text found")
    numbers = [c.number for c in chapters]
    keep = numbers[0] >= 1 and all(a < b for a, b in pairwise(numbers))
    for position, chapter in enumerate(chapters, start=1):
        if not keep:
            chapter.number = position
        for note in chapter.notes:
            note.chapter = chapter.number
        chapter.words = count_words_in(chapter.paragraphs)
        chapter.scene_breaks = sorted({i for i in chapter.scene_breaks if 0 < i < len(chapter.paragraphs)})
    story.chapters = chapters
    work = story.work
    if work.words is None:
        work.words = sum(c.words for c in chapters)
    if work.chapters_posted is None:
        work.chapters_posted = len(chapters)
    all_notes = [n.text for n in work.notes] + [n.text for c in chapters for n in c.notes]
    for text in all_notes:
        for name in dedicatees(text):
            if name not in work.dedicated_to:
                work.dedicated_to.append(name)
        for name in beta_readers(text):
            if name not in work.beta_readers:
                work.beta_readers.append(name)
    work.authors = _dedupe(work.authors)
    work.fandoms = _dedupe(work.fandoms)
    work.character_tags = _dedupe(work.character_tags)
    work.freeform_tags = _dedupe(work.freeform_tags)
    work.warnings = _dedupe(work.warnings)
    work.categories = _dedupe(work.categories)
    return story


def _move_unlabelled_notes(chapter: Chapter, story: Story, last: bool) -> None:
    """Author's talk written into the text without a label (`ficlens.text.notes`) becomes the
    chapter's notes; closing talk after the last chapter becomes the work's end note."""
    lead = opening_talk_end(chapter.paragraphs)
    if lead:
        chapter.notes.append(Note(position="chapter", text="\n\n".join(take_opening(chapter, lead))))
    tail = closing_talk_start(chapter.paragraphs)
    if tail is not None:
        file_end_note(chapter, story.work, "\n\n".join(take_closing(chapter, tail)), last)


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out
