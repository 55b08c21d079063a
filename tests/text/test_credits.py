"""Dedications and beta readers named in author's notes; other people are not picked up."""

from __future__ import annotations

import pytest

from ficlens.text.credits import beta_readers, dedicatees


@pytest.mark.parametrize(
    ("note", "names"),
    [
        ("For Missy, who’s disillusioned with fanfic.", ["Missy"]),
        ("This is for Anna. Enjoy!", ["Anna"]),
        ("This story is for Mr. Tumnus, always.", ["Mr. Tumnus"]),
        ("Dedicated to lilyflower who asked for it", ["lilyflower"]),
        ("Dedication: Kat", ["Kat"]),
        ("I wrote this for fun.", []),
        ("For all of you who waited so long.", []),
        ("Thanks to Gabrielle for the beta.", []),
    ],
)
def test_dedicatees(note: str, names: list[str]) -> None:
    assert dedicatees(note) == names


@pytest.mark.parametrize(
    ("note", "names"),
    [
        ("And as always, thanks be to Gabrielle for the beta.", ["Gabrielle"]),
        ("Many thanks to Jo Marsh for the beta-reading!", ["Jo Marsh"]),
        ("Beta: kitkat and Lou", ["kitkat", "Lou"]),
        ("beta'd by the_amazing_j.", ["the_amazing_j"]),
        ("Thanks to my beta, Rose, for everything", ["Rose"]),
        ("Thanks to my amazing beta Kate", ["Kate"]),
        ("Thanks to Sam for reading this over.", []),
        ("For Missy, who asked.", []),
    ],
)
def test_beta_readers(note: str, names: list[str]) -> None:
    assert beta_readers(note) == names
