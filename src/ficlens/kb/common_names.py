"""Given names and words common enough in English prose that they say little about a fandom on their own."""

from __future__ import annotations

_NAMES = """
aaron adam alan albert alex alexander alice amanda amy andrew andy angela ann anna anne anthony arthur
ben benjamin beth betty bill billy bob bobby brian bruce carl carol caroline catherine charles charlie
chris christina christopher claire daniel danny dave david dean diana donna dorothy ed eddie edward
eleanor elizabeth ellen emily emma eric frank fred george grace hannah harold harry helen henry ian jack
jacob jake james jamie jane janet jason jeff jennifer jenny jessica jim jimmy joe john johnny jonathan
joseph josh joshua julia julie karen kate katherine kathy kelly kevin laura lauren lily linda lisa lucy
margaret maria mark martha martin mary matt matthew max michael mike molly nancy nick nicholas nora
oliver pat patricia paul peter philip rachel ray rebecca richard rob robert ron ronald rose ruth sam
samuel sara sarah scott sophie stephen steve steven sue susan thomas tim tom tommy tony victoria walter
will william
"""

_WORDS = """
red blue grey gray black white green brown gold silver kid boss doc cap chief babe baby boy girl man
woman mate love honey dear sweetheart darling buddy pal sir madam miss
"""

#: Lower-case tokens that, alone, hardly distinguish one fandom from another.
COMMON_TOKENS: frozenset[str] = frozenset(_NAMES.split()) | frozenset(_WORDS.split())
