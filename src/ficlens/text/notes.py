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
    r"\b(?:please|leave|drop|send|write|give)\s+(?:me\s+|us\s+)?(?:a\s+|some\s+)?reviews?\b"
    r"|\breviewers?\b|\breviews?\s+(?:make|are|mean|keep|help)\b|\breview\W*$|\br ?& ?r\b"
    r"|\bthanks? (?:you )?(?:so much )?for reading\b"
    r"|\b(?:next|new|quick) update\b|\bupdate (?:soon|next|every)\b|\b(?:i'?ll|will|to) update\b",
    re.IGNORECASE,
)
"""An author talking to readers after the story ("Please review!", "Next update soon",
"P.S. …"); "the board would review his case" is no such talk."""
CHAPTER_TALK = re.compile(
    r"\b(?:next|this|last) chapter\b.*\byou\b|\byou\b.*\b(?:next|this|last) chapter\b", re.IGNORECASE
)
"""Telling the reader about a chapter ("you'll meet her next chapter")."""
ASIDE = re.compile(r"\blet me know\b|^\s*p\.\s?s\.", re.IGNORECASE)
"""A "let me know" or a "P.S.": reader talk beside the above, but a letter in a story ends so too."""
DIALOGUE = re.compile(r"[\"“”«»]")
TAIL_WINDOW = 4
"""Paragraphs at a chapter's end that can be such talk."""
SHORT = 8
"""Words at most in a story-start line."""


AUTHOR_TALK = re.compile(
    r"\b(?:reviews?|reviewers?|chapters?|updat\w*|readers?|disclaimer|own|thanks?|sorry|fics?|story)\b",
    re.IGNORECASE,
)
"""Words of an author's opening talk ("Thanks for the reviews!", "I don't own them")."""


def opening_talk_end(paragraphs: list[str]) -> int:
    """How many paragraphs open the chapter as an author's note: those up to and including a
    story-start line ("Okay, story time.") among the first `LEAD_WINDOW`, when the paragraphs
    before it hold no dialogue and talk like an author; else none. At least one paragraph of
    story must follow."""
    for index, text in enumerate(paragraphs[:LEAD_WINDOW]):
        if len(text.split()) <= SHORT and STORY_STARTS.match(text):
            before = paragraphs[:index]
            talk = not any(DIALOGUE.search(p) for p in before) and (
                not before or any(AUTHOR_TALK.search(p) for p in before)
            )
            return index + 1 if talk and index + 1 < len(paragraphs) else 0
    return 0


def closing_talk_start(paragraphs: list[str]) -> int | None:
    """Where a closing run of reader talk starts among the last `TAIL_WINDOW` paragraphs:
    paragraphs without dialogue that ask for reviews, promise an update or talk about a chapter,
    with any "let me know" or "P.S." lines among them (a run of those alone may be a letter's
    end); None if the chapter ends in story."""
    start, talks = None, False
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 1 - TAIL_WINDOW, 0), -1):
        text = paragraphs[index]
        strong = bool(READER_TALK.search(text) or CHAPTER_TALK.search(text))
        if DIALOGUE.search(text) or not (strong or ASIDE.search(text)):
            break
        start, talks = index, talks or strong
    return start if talks else None
