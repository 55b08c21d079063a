"""Loader for the Project Dialogism Novel Corpus (PDNC, Vishnubhotla et al., LREC 2022) and its scoring rules.

Layout: ``data/<Novel>/{novel_text.txt, quotation_info.csv, character_info.csv}``. Offsets in the
CSV files are end-exclusive character offsets into ``novel_text.txt`` (the texts are ASCII).
"""

from __future__ import annotations

import ast
import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ficlens.errors import InputError
from ficlens.evaluation.spans import Score, prf

Span = tuple[int, int]
QuoteType = Literal["Explicit", "Anaphoric", "Implicit"]

_FILES = ("novel_text.txt", "quotation_info.csv", "character_info.csv")
_QUOTE_TYPES: dict[str, QuoteType] = {
    "explicit": "Explicit",
    "anaphoric": "Anaphoric",
    "implicit": "Implicit",
}
_BLANK = {"", "nan", "none"}
QUOTE_MARKS = "\"'`\u201c\u201d\u2018\u2019\u201e\u201f\u201a\u201b\u00ab\u00bb\u2039\u203a"


@dataclass(frozen=True)
class PdncCharacter:
    id: int
    name: str  # the Main Name, which speaker/addressee columns use
    aliases: frozenset[str]  # includes the main name
    gender: str  # M / F / U (unknown) / X (not annotated)
    category: str  # major / intermediate / minor


@dataclass(frozen=True)
class PdncMention:
    """A character mention inside a quotation; ``entities`` is empty when the row's lists misalign."""

    text: str
    span: Span
    entities: tuple[str, ...]


@dataclass(frozen=True)
class PdncQuote:
    id: str
    text: str
    spans: tuple[Span, ...]  # one per sub-quotation, without the quotation marks
    sub_quotes: tuple[str, ...]
    speaker: str  # stripped Main Name (or alias) of the speaker
    addressees: tuple[str, ...]
    quote_type: QuoteType | None
    referring_expression: str | None
    mentions: tuple[PdncMention, ...]

    @property
    def mention_spans(self) -> tuple[Span, ...]:
        return tuple(m.span for m in self.mentions)


@dataclass(frozen=True)
class PdncNovel:
    name: str  # the folder name, e.g. "PrideAndPrejudice"
    text: str
    characters: tuple[PdncCharacter, ...]
    quotes: tuple[PdncQuote, ...]

    def find_characters(self, name: str) -> list[PdncCharacter]:
        """Characters whose main name is ``name``; failing that, those having it as an alias."""
        wanted = name.strip()
        by_main = [c for c in self.characters if c.name.strip() == wanted]
        return by_main or [c for c in self.characters if wanted in c.aliases]


def speaker_names(novel: PdncNovel, name: str) -> set[str]:
    """All names and aliases of the gold character called ``name`` ({name} if no character matches)."""
    names = {alias for character in novel.find_characters(name) for alias in character.aliases}
    return names or {name.strip()}


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def speaker_matches(novel: PdncNovel, gold_speaker: str, predicted_name: str | None) -> bool:
    """Accuracy rule: the predicted canonical name is one of the gold speaker's names/aliases.

    Comparison is case-insensitive after stripping (and collapsing inner whitespace).
    """
    if predicted_name is None or not predicted_name.strip():
        return False
    return _fold(predicted_name) in {_fold(n) for n in speaker_names(novel, gold_speaker)}


def normalize_quote_span(text: str, span: Span) -> Span | None:
    """Shrink ``span`` past leading/trailing whitespace and quotation marks; None if nothing is left."""
    start, end = max(span[0], 0), min(span[1], len(text))
    strip = set(QUOTE_MARKS)
    while start < end and (text[start].isspace() or text[start] in strip):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in strip):
        end -= 1
    return (start, end) if start < end else None


def quote_detection_score(gold_spans: Iterable[Span], predicted_spans: Iterable[Span], text: str) -> Score:
    """Exact-match P/R/F1 of quotation spans over one text.

    Rule: every span (gold and predicted alike) is first shrunk past whitespace and quotation marks
    (ASCII ``"`` ``'`` `````, curly single/double quotes, guillemets, low-9 quotes) at both ends, so
    a prediction that includes the marks matches a PDNC sub-quotation that excludes them. A span
    that is empty after shrinking is dropped; the comparison is then exact on the shrunk offsets.
    PDNC gold units are sub-quotations (``PdncQuote.spans``), so a quotation interrupted by
    narration should be predicted as its separate pieces.
    """
    gold = {s for s in (normalize_quote_span(text, span) for span in gold_spans) if s}
    predicted = {s for s in (normalize_quote_span(text, span) for span in predicted_spans) if s}
    return prf(gold, predicted)


# --- loading -----------------------------------------------------------------------------------


def _literal(value: str, path: Path, row: int, column: str) -> object:
    if value.strip().casefold() in _BLANK:
        return []
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        raise InputError(path, f"row {row}: column {column!r} is not a Python literal") from None


def _str_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple | set | frozenset):
        return [str(v).strip() for v in value]
    return []


def _raw_strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def _pairs(value: object) -> list[Span]:
    if not isinstance(value, list | tuple):
        return []
    return [(int(p[0]), int(p[1])) for p in value if isinstance(p, list | tuple) and len(p) == 2]


def _optional(value: str) -> str | None:
    stripped = value.strip()
    return None if stripped.casefold() in _BLANK else stripped


def _rows(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(path, f"missing column(s): {', '.join(missing)}")
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def _load_characters(path: Path) -> tuple[PdncCharacter, ...]:
    characters = []
    for n, row in enumerate(_rows(path, ("Character ID", "Main Name", "Aliases")), 2):
        name = row["Main Name"].strip()
        aliases = set(_str_list(_literal(row["Aliases"], path, n, "Aliases"))) | {name}
        try:
            char_id = int(row["Character ID"])
        except ValueError:
            raise InputError(path, f"row {n}: bad Character ID {row['Character ID']!r}") from None
        characters.append(
            PdncCharacter(
                id=char_id,
                name=name,
                aliases=frozenset(a for a in aliases if a),
                gender=(row.get("Gender") or "").strip(),
                category=(row.get("Category") or "").strip(),
            )
        )
    return tuple(characters)


def _mentions(row: dict[str, str], path: Path, n: int) -> tuple[PdncMention, ...]:
    texts = _literal(row.get("mentionTextsList", ""), path, n, "mentionTextsList")
    spans = _literal(row.get("mentionSpansList", ""), path, n, "mentionSpansList")
    entities = _literal(row.get("mentionEntitiesList", ""), path, n, "mentionEntitiesList")
    mentions: list[PdncMention] = []
    if not (isinstance(texts, list) and isinstance(spans, list)):
        return ()
    entity_groups = entities if isinstance(entities, list) else []
    for k, (group_texts, group_spans) in enumerate(zip(texts, spans, strict=False)):
        group_entities = entity_groups[k] if k < len(entity_groups) else []
        pairs = _pairs(group_spans)
        aligned = isinstance(group_entities, list) and len(group_entities) == len(pairs)
        for m, (mention_text, span) in enumerate(zip(_str_list(group_texts), pairs, strict=False)):
            refs = tuple(_str_list(group_entities[m])) if aligned else ()
            mentions.append(PdncMention(text=mention_text, span=span, entities=refs))
    return tuple(mentions)


def _load_quotes(path: Path) -> tuple[PdncQuote, ...]:
    required = ("quoteID", "quoteText", "subQuotationList", "quoteByteSpans", "speaker")
    quotes = []
    for n, row in enumerate(_rows(path, required), 2):
        raw_type = (row.get("quoteType") or "").strip().casefold()
        quotes.append(
            PdncQuote(
                id=row["quoteID"].strip(),
                text=row["quoteText"],
                spans=tuple(_pairs(_literal(row["quoteByteSpans"], path, n, "quoteByteSpans"))),
                sub_quotes=_raw_strings(_literal(row["subQuotationList"], path, n, "subQuotationList")),
                speaker=row["speaker"].strip(),
                addressees=tuple(_str_list(_literal(row.get("addressees", ""), path, n, "addressees"))),
                quote_type=_QUOTE_TYPES.get(raw_type),
                referring_expression=_optional(row.get("referringExpression") or ""),
                mentions=_mentions(row, path, n),
            )
        )
    return tuple(quotes)


def load_pdnc_novel(folder: Path) -> PdncNovel:
    """Load one ``data/<Novel>/`` folder."""
    missing = [f for f in _FILES if not (folder / f).is_file()]
    if missing:
        raise InputError(folder, f"not a PDNC novel folder (missing {', '.join(missing)})")
    try:
        text = (folder / "novel_text.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(folder / "novel_text.txt", f"cannot read: {exc}") from None
    return PdncNovel(
        name=folder.name,
        text=text,
        characters=_load_characters(folder / "character_info.csv"),
        quotes=_load_quotes(folder / "quotation_info.csv"),
    )


def pdnc_data_dir(root: Path) -> Path:
    """The ``data/`` folder of a PDNC checkout; ``root`` may be the checkout or ``data/`` itself."""
    root = Path(root)
    for candidate in (root / "data", root):
        if candidate.is_dir() and any((d / "quotation_info.csv").is_file() for d in candidate.iterdir()):
            return candidate
    raise InputError(root, "not a PDNC folder (expected data/<Novel>/quotation_info.csv)")


def pdnc_novel_names(root: Path) -> list[str]:
    """Sorted folder names of the novels under ``root``."""
    data = pdnc_data_dir(root)
    return sorted(d.name for d in data.iterdir() if (d / "quotation_info.csv").is_file())


def load_pdnc(root: Path, novels: Sequence[str] | None = None) -> list[PdncNovel]:
    """Load all novels (sorted by folder name), or only ``novels`` in the order given."""
    data = pdnc_data_dir(root)
    available = pdnc_novel_names(data)
    if novels is None:
        wanted = available
    else:
        unknown = sorted(set(novels) - set(available))
        if unknown:
            raise InputError(data, f"unknown PDNC novel(s): {', '.join(unknown)}")
        wanted = list(novels)
    return [load_pdnc_novel(data / name) for name in wanted]
