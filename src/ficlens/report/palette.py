"""Colours: one per character, stable for a given cast, readable on light and dark backgrounds."""

from __future__ import annotations

import colorsys
from collections.abc import Sequence
from dataclasses import dataclass

# Mid-tone hues that keep contrast both as an underline on white and on a near-black page.
BASE = (
    (59, 125, 216),  # blue
    (224, 102, 47),  # orange
    (47, 158, 110),  # green
    (194, 71, 126),  # magenta
    (138, 99, 210),  # violet
    (201, 162, 39),  # gold
    (31, 155, 179),  # cyan
    (214, 69, 69),  # red
    (107, 142, 35),  # olive
    (160, 82, 45),  # sienna
    (92, 107, 192),  # indigo
    (0, 137, 123),  # teal
)
UNKNOWN = (134, 142, 150)

RELATION_COLOURS: dict[str, str] = {
    "romantic": "#e64980",
    "friendship": "#37b24d",
    "family": "#f59f00",
    "enmity": "#7048e8",
    "professional": "#1c7ed6",
}
NO_KIND_COLOUR = "#868e96"


@dataclass(frozen=True)
class Swatch:
    """A character's colour: `css` is a class name made from its index, never from its id."""

    index: int
    rgb: tuple[int, int, int]

    @property
    def css(self) -> str:
        return f"k{self.index}"

    @property
    def hex(self) -> str:
        return "#{:02x}{:02x}{:02x}".format(*self.rgb)

    @property
    def channels(self) -> str:
        """'r g b', for `rgb(var(--c) / alpha)` in CSS."""
        return "{} {} {}".format(*self.rgb)


def colour(index: int) -> tuple[int, int, int]:
    """The palette's `index`-th colour; past the base palette, hues step by the golden angle."""
    if index < len(BASE):
        return BASE[index]
    hue = (index * 0.618033988749895) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.5, 0.55)
    return round(r * 255), round(g * 255), round(b * 255)


def palette(character_ids: Sequence[str]) -> dict[str, Swatch]:
    """Character id → swatch, by order in the cast (which the pipeline numbers c1, c2, …)."""
    swatches: dict[str, Swatch] = {}
    for cid in character_ids:
        if cid not in swatches:
            swatches[cid] = Swatch(len(swatches), colour(len(swatches)))
    return swatches


def unknown_swatch(index: int) -> Swatch:
    """The grey used for quotes with no (or an unknown) speaker."""
    return Swatch(index, UNKNOWN)
