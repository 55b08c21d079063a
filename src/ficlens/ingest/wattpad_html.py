"""A Wattpad chapter's text as the site serves it ("wattpad-html").

`GET /apiv2/storytext?id=<part>` (or the reading page) gives `<p data-p-id="…">` paragraphs with no
html/head/body and no title, author or chapter heading: the result is one untitled chapter
with no metadata. "***" paragraphs are scene breaks. On a full reading page only the
`p[data-p-id]` paragraphs are read, so the site chrome stays out.
"""

from __future__ import annotations

import re

from ficlens.errors import InputError
from ficlens.ingest._blocks import Block, chapter_of
from ficlens.ingest.html import paragraphs_of, parse_html
from ficlens.ingest.raw import RawInput
from ficlens.model import Story, WorkMeta

name = "wattpad-html"

_FRAGMENT = re.compile(rb"""^\s*(?:<!--.*?-->\s*)?<p\s+data-p-id\s*=""", re.DOTALL)


def sniff(raw: RawInput) -> bool:
    head = raw.head
    return bool(_FRAGMENT.match(head)) or (b"wattpad.com" in head and b"data-p-id=" in raw.data)


def read(raw: RawInput) -> Story:
    tree = parse_html(raw.text)
    blocks: list[Block] = []
    for para in tree.css("p[data-p-id]"):
        for text in paragraphs_of(para) or [""]:
            if text:
                blocks.append(Block("para", text))
    if not blocks:
        raise InputError(raw.name, "is a Wattpad page with no story paragraphs")
    return Story(work=WorkMeta(), chapters=[chapter_of(blocks)])
