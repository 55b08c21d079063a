"""Dialogue: quotations found in the text, their speakers and addressees.

`detect_quotes(document)` finds utterances, `attribute(parsed, quotes, cast)` names who speaks to
whom, `quotes_to_model(...)` turns both into the JSON `Quote` records.
"""

from ficlens.dialogue.attribution import Attribution, attribute
from ficlens.dialogue.marks import detect_style
from ficlens.dialogue.quotes import QuoteSpan, detect_quotes
from ficlens.dialogue.records import add_speech_counts, quotes_to_model, speech_counts

__all__ = [
    "Attribution",
    "QuoteSpan",
    "add_speech_counts",
    "attribute",
    "detect_quotes",
    "detect_style",
    "quotes_to_model",
    "speech_counts",
]
