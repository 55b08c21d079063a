"""Author's notes written into a chapter's text without a label: replies to reviewers before an
"Okay, story time." line, and a plea for reviews after the story.

Archives that moved old fics keep such notes in the chapter body. They talk to the reader, so
the people in them (reviewers, the author's sister) are not characters, and their words are not
the story's. Both edges are found only by a plain signal, so a story that merely mentions a
review keeps its text: a short line that announces the story, and, at the end, paragraphs
without dialogue that ask for reviews or talk about the next chapter.
"""

from __future__ import annotations

import re

STORY_STARTS = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|now|anyway(?:s)?|and|well|alright|right)\W+)*"
    r"(?:on (?:with|to) the (?:story|fic|chapter|show)"
    r"|(?:it'?s |it is )?story ?time"
    r"|(?:here(?:'s| is| it is| goes)|here we go)(?: the (?:story|chapter|next chapter))?"
    r"|(?:the )?story (?:starts|begins) (?:now|here)"
    r"|(?:please )?enjoy(?: the (?:story|chapter|fic))?"
    r"|(?:please )?read(?: and|,| &) (?:enjoy|review))"
    r"\W*$",
    re.IGNORECASE,
)
"""A line that ends the author's talk and starts the story."""
LEAD_WINDOW = 15
"""Paragraphs at a chapter's start searched for such a line."""
READER_TALK = re.compile(
    r"\b(?:reviews?|reviewers?|reviewing|r ?& ?r|let me know|thanks? (?:you )?(?:so much )?for reading"
    r"|updates?|updating)\b|^\s*p\.\s?s\.",
    re.IGNORECASE,
)
"""Words of an author talking to readers after the story."""
CHAPTER_TALK = re.compile(
    r"\b(?:next|this|last) chapter\b.*\byou\b|\byou\b.*\b(?:next|this|last) chapter\b", re.IGNORECASE
)
"""Telling the reader about a chapter ("you'll meet her next chapter")."""
DIALOGUE = re.compile(r"[\"“”«»]")
TAIL_WINDOW = 4
"""Paragraphs at a chapter's end that can be such talk."""
SHORT = 8
"""Words at most in a story-start line."""


def leading_note_end(paragraphs: list[str]) -> int:
    """How many paragraphs open the chapter as an author's note: those up to and including a
    story-start line ("Okay, story time.") among the first `LEAD_WINDOW`, else none. At least
    one paragraph of story must follow."""
    for index, text in enumerate(paragraphs[:LEAD_WINDOW]):
        if len(text.split()) <= SHORT and STORY_STARTS.match(text):
            return index + 1 if index + 1 < len(paragraphs) else 0
    return 0


def trailing_note_start(paragraphs: list[str]) -> int | None:
    """Where a closing run of reader talk starts (paragraphs without dialogue that mention reviews,
    updates or the next chapter, "P.S." lines), among the last `TAIL_WINDOW`; None if the chapter
    ends in story."""
    start = None
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 1 - TAIL_WINDOW, 0), -1):
        text = paragraphs[index]
        if DIALOGUE.search(text) or not (READER_TALK.search(text) or CHAPTER_TALK.search(text)):
            break
        start = index
    return start
