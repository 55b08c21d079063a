"""HTML helpers shared by the HTML/EPUB readers (selectolax/Lexbor): paragraphs, text, labels."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_BLOCK_TAGS = {
    "p",
    "div",
    "blockquote",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "center",
    "section",
    "article",
    "td",
    "dd",
    "dt",
}
_WS = re.compile(r"[ \t\r\n\f\u200b]+")


def parse_html(text: str) -> LexborHTMLParser:
    return LexborHTMLParser(text)


def node_text(node: LexborNode | None) -> str:
    """Visible text of a node, whitespace collapsed; <br> becomes a newline."""
    if node is None:
        return ""
    return _collapse(_text_with_breaks(node))


def paragraphs_of(node: LexborNode | None) -> list[str]:
    """The paragraphs inside a container, in order.

    Block children (<p>, <div>, <blockquote> …) become paragraphs; text separated by <br><br>
    (directly inside the container or inside one block) is split into paragraphs too. An <hr>, or
    four or more <br> in a row, yields the marker `SCENE_BREAK` so callers can record scene breaks.
    Newlines in the markup source are plain whitespace; only <br> breaks a line.
    """
    if node is None:
        return []
    out: list[str] = []
    _collect(node, out)
    return [p for p in out if p]


SCENE_BREAK = "\x00scene-break\x00"


def _collect(node: LexborNode, out: list[str]) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = "".join(inline)
        inline.clear()
        out.extend(_split_blank_lines(text))

    child = node.child
    while child is not None:
        tag = child.tag
        if tag in {"script", "style", "noscript", "template"} or tag == "_comment":
            pass
        elif tag == "hr":
            flush()
            out.append(SCENE_BREAK)
        elif tag in _BLOCK_TAGS or tag in {"ul", "ol", "dl", "table", "tbody", "tr"}:
            flush()
            if _has_block_children(child):
                _collect(child, out)
            else:
                out.extend(_split_blank_lines(_text_with_breaks(child)))
        elif tag == "br":
            inline.append("\n")
        elif tag == "-text":
            inline.append(_source_text(child))
        else:
            inline.append(_text_with_breaks(child))
        child = child.next
    flush()


def _has_block_children(node: LexborNode) -> bool:
    child = node.child
    while child is not None:
        if child.tag in _BLOCK_TAGS or child.tag in {"hr", "ul", "ol", "dl", "table"}:
            return True
        child = child.next
    return False


def _text_with_breaks(node: LexborNode) -> str:
    parts: list[str] = []
    for sub in node.traverse(include_text=True):
        if sub.tag == "-text":
            parent = sub.parent
            if parent is not None and parent.tag in {"script", "style", "noscript"}:
                continue
            parts.append(_source_text(sub))
        elif sub.tag == "br":
            parts.append("\n")
    return "".join(parts)


_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_SCENE_BREAK_NEWLINES = 4
"""Four or more <br> in a row (three blank lines) mark a scene break; two mark a new paragraph."""


def _split_blank_lines(text: str) -> list[str]:
    """Split text whose newlines come from <br> at blank lines; a long run of them is a scene break."""
    out: list[str] = []
    pos = 0
    for gap in _BLANK_LINES.finditer(text):
        chunk = _collapse(text[pos : gap.start()])
        if chunk:
            out.append(chunk)
        if gap.group().count("\n") >= _SCENE_BREAK_NEWLINES:
            out.append(SCENE_BREAK)
        pos = gap.end()
    chunk = _collapse(text[pos:])
    if chunk:
        out.append(chunk)
    return out


def _source_text(node: LexborNode) -> str:
    """A text node's content; newlines in the markup source are spaces (only <br> breaks a line),
    except inside <pre>."""
    text = node.text_content or ""
    parent = node.parent
    while parent is not None:
        if parent.tag == "pre":
            return text
        parent = parent.parent
    return text.replace("\n", " ")


def _collapse(text: str) -> str:
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip()
