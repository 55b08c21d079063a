"""The relationship graph and the presence chart, laid out in Python as plain shapes for inline SVG.

Layouts are deterministic (no randomness): the same analysis always draws the same picture.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ficlens.model import Analysis, Character, Relationship
from ficlens.report.palette import NO_KIND_COLOUR, RELATION_COLOURS, Swatch

MAX_NODES = 24
MAX_ROWS = 30
MAX_BLOCKS = 40


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    r: float
    swatch: Swatch
    label_x: float
    label_y: float
    anchor: str
    title: str


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    kind: str | None
    title: str


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    legend: list[tuple[str, str]]
    hidden: int


def interaction_weight(rel: Relationship) -> int:
    """Shared scenes, quotes exchanged and physical contact, added up."""
    inter = rel.interactions
    return inter.scenes + sum(inter.quotes.values()) + inter.physical


def strongest_kind(rel: Relationship) -> str | None:
    """The kind with the highest score (ties: the order of RELATION_COLOURS)."""
    if not rel.kinds:
        return None
    order = list(RELATION_COLOURS)
    return max(rel.kinds, key=lambda k: (rel.kinds[k], -order.index(k) if k in order else -99))


def prominence(characters: Sequence[Character]) -> list[Character]:
    """Characters by mentions then lines, most prominent first (stable for ties)."""
    return sorted(characters, key=lambda c: (-c.mentions, -c.lines))


def relationship_graph(
    analysis: Analysis, swatches: Mapping[str, Swatch], names: Mapping[str, str]
) -> Graph | None:
    """Nodes on a circle, most prominent at the top; None when there is nobody to draw."""
    in_relationships = {cid for rel in analysis.relationships for cid in rel.characters}
    ranked = [c for c in prominence(analysis.characters) if c.mentions or c.id in in_relationships]
    shown = ranked[:MAX_NODES]
    if not shown:
        return None
    width, height = 720, 460
    cx, cy = width / 2, height / 2
    radius = 0.0 if len(shown) == 1 else min(170.0, 60.0 + 22.0 * len(shown))
    top = max(c.mentions for c in shown) or 1
    positions: dict[str, tuple[float, float]] = {}
    nodes: list[Node] = []
    for i, char in enumerate(shown):
        # Two nodes sit left and right; more go round from the top, clockwise.
        angle = (
            math.pi + 2 * math.pi * i / len(shown)
            if len(shown) == 2
            else -math.pi / 2 + 2 * math.pi * i / len(shown)
        )
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = 7.0 + 21.0 * math.sqrt(char.mentions / top)
        cos, sin = (math.cos(angle), math.sin(angle)) if radius else (0.0, 1.0)
        anchor = "start" if cos > 0.35 else "end" if cos < -0.35 else "middle"
        label_x = x + cos * (r + 6)
        label_y = (
            y + sin * (r + 6) + (12 if sin > 0.35 and anchor == "middle" else 4 if anchor != "middle" else -2)
        )
        positions[char.id] = (x, y)
        title = f"{char.name}: {_count(char.mentions, 'mention')}, {_count(char.lines, 'line')} spoken"
        nodes.append(
            Node(
                char.id,
                char.name,
                round(x, 1),
                round(y, 1),
                round(r, 1),
                swatches[char.id],
                round(label_x, 1),
                round(label_y, 1),
                anchor,
                title,
            )
        )
    rels = [
        r
        for r in analysis.relationships
        if len(r.characters) == 2 and all(c in positions for c in r.characters)
    ]
    heaviest = max((interaction_weight(r) for r in rels), default=0) or 1
    edges: list[Edge] = []
    for rel in sorted(rels, key=interaction_weight):
        a, b = rel.characters
        kind = strongest_kind(rel)
        (x1, y1), (x2, y2) = positions[a], positions[b]
        edges.append(
            Edge(
                round(x1, 1),
                round(y1, 1),
                round(x2, 1),
                round(y2, 1),
                round(1.5 + 8.5 * math.sqrt(interaction_weight(rel) / heaviest), 1),
                RELATION_COLOURS.get(kind, NO_KIND_COLOUR) if kind else NO_KIND_COLOUR,
                kind,
                relationship_summary(rel, names),
            )
        )
    kinds_used = {e.kind for e in edges}
    legend = [(kind, col) for kind, col in RELATION_COLOURS.items() if kind in kinds_used]
    if None in kinds_used:
        legend.append(("unclear", NO_KIND_COLOUR))
    return Graph(width, height, nodes, edges, legend, len(ranked) - len(shown))


def relationship_summary(rel: Relationship, names: Mapping[str, str]) -> str:
    """One line: who, the kinds with their scores, and how much they interact."""
    who = " & ".join(names.get(c, c) for c in rel.characters)
    kinds = ", ".join(f"{k} {round(v * 100)}%" for k, v in sorted(rel.kinds.items(), key=lambda kv: -kv[1]))
    inter = rel.interactions
    bits = [_count(sum(inter.quotes.values()), "line") + " exchanged", _count(inter.scenes, "shared scene")]
    if inter.physical:
        bits.append(_count(inter.physical, "physical contact", "physical contacts"))
    return f"{who}: {kinds or 'kind unclear'}; " + ", ".join(bits)


@dataclass(frozen=True)
class Cell:
    x: float
    count: int
    opacity: float
    title: str


@dataclass(frozen=True)
class Row:
    name: str
    y: float
    swatch: Swatch
    cells: list[Cell]


@dataclass(frozen=True)
class Presence:
    unit: str  # "chapter" or "paragraph": what the columns are
    width: float
    height: float
    label_width: int
    cell_width: float
    cell_height: int
    top: int
    rows: list[Row]
    ticks: list[tuple[float, int]]
    show_counts: bool
    hidden: int


@dataclass(frozen=True)
class _Columns:
    unit: str
    labels: list[str]  # for cell titles: "chapter 3", "paragraphs 4–6"
    ticks: list[int]  # first chapter or paragraph number of each column


def _columns(analysis: Analysis) -> tuple[_Columns, dict[tuple[int, int], int]]:
    """Columns of the chart, and (chapter, paragraph) → column for a one-chapter story.

    Several chapters: one column each. One chapter: its paragraphs in up to MAX_BLOCKS even blocks,
    so a one-shot still shows who is on stage when.
    """
    chapters = analysis.chapters
    if len(chapters) != 1:
        numbers = [ch.number for ch in chapters]
        return _Columns("chapter", [f"chapter {n}" for n in numbers], numbers), {}
    chapter = chapters[0]
    count = len(chapter.paragraphs)
    blocks = min(count, MAX_BLOCKS)
    where: dict[tuple[int, int], int] = {}
    firsts: list[int] = []
    lasts: list[int] = []
    for i in range(count):
        col = i * blocks // count
        where[chapter.number, i] = col
        if col == len(firsts):
            firsts.append(i + 1)
            lasts.append(i + 1)
        lasts[col] = i + 1
    labels = [
        f"paragraph {a}" if a == b else f"paragraphs {a}–{b}" for a, b in zip(firsts, lasts, strict=True)
    ]
    return _Columns("paragraph", labels, firsts), where


def presence_chart(analysis: Analysis, swatches: Mapping[str, Swatch]) -> Presence | None:
    """Characters × chapters (or stretches of a one-chapter story), shaded by mentions."""
    columns, where = _columns(analysis)
    ranked = [c for c in prominence(analysis.characters) if c.mentions or c.chapters]
    if not columns.labels or not ranked:
        return None
    chapter_col = {n: j for j, n in enumerate(columns.ticks)} if columns.unit == "chapter" else {}
    counts: Counter[tuple[str, int]] = Counter()
    for m in analysis.mentions:
        col = chapter_col.get(m.chapter) if columns.unit == "chapter" else where.get((m.chapter, m.paragraph))
        if m.character is not None and col is not None:
            counts[m.character, col] += 1
    if not counts and columns.unit == "chapter":  # no mention records: the chapters each is listed in
        counts = Counter((c.id, chapter_col[n]) for c in ranked for n in c.chapters if n in chapter_col)
    shown = ranked[:MAX_ROWS]
    label_width, cell_height, top = 150, 22, 22
    ncols = len(columns.labels)
    cell_width = max(3.0, min(44.0, 760.0 / ncols))
    peak = max((counts[c.id, j] for c in shown for j in range(ncols)), default=0) or 1
    rows = []
    for i, char in enumerate(shown):
        cells = []
        for j, label in enumerate(columns.labels):
            n = counts[char.id, j]
            opacity = 0.0 if n == 0 else round(0.18 + 0.82 * math.sqrt(n / peak), 3)
            cells.append(
                Cell(
                    round(label_width + j * cell_width, 2),
                    n,
                    opacity,
                    f"{char.name}, {label}: {_count(n, 'mention')}",
                )
            )
        rows.append(Row(char.name, top + i * cell_height, swatches[char.id], cells))
    step = max(1, math.ceil(30 / cell_width))
    nice = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if s >= step), step)
    ticks = [
        (round(label_width + j * cell_width + cell_width / 2, 2), number)
        for j, number in enumerate(columns.ticks)
        if j == 0 or (j + 1) % nice == 0
    ]
    width = label_width + cell_width * ncols + 4
    height = top + cell_height * len(shown) + 4
    return Presence(
        columns.unit,
        round(width, 1),
        height,
        label_width,
        round(cell_width, 2),
        cell_height,
        top,
        rows,
        ticks,
        cell_width >= 22,
        len(ranked) - len(shown),
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
