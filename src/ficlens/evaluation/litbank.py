"""Loader for LitBank (Bamman et al.): PER entity spans, PER coreference and attributed quotations.

Expected layout under ``root`` (the upstream repository's folders)::

    entities/brat/<id>_brat.{txt,ann}    flat brat entities (nested allowed)
    coref/brat/<id>_brat.ann             brat coreference: every mention twice, typed and clustered
    quotations/tsv/<id>_brat.ann         QUOTE / ATTRIB lines indexed by (sentence, token)

The ``.txt`` is pre-tokenised: one sentence per line, tokens separated by single spaces. All spans
are end-exclusive character offsets into it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from ficlens.errors import InputError

Span = tuple[int, int]
MentionType = Literal["PROP", "NOM", "PRON"]

_SUFFIX = "_brat"
_LAYERS = ("entities/brat", "coref/brat", "quotations/tsv")
_MENTION_LABEL = re.compile(r"(PROP|NOM|PRON)_(PER|FAC|GPE|LOC|VEH|ORG)")


@dataclass(frozen=True)
class LitBankQuote:
    """A quotation (its span includes the quotation marks) and its speaker's coref entity id."""

    id: str
    span: Span
    text: str  # as written in the .ann: tokens joined by single spaces
    speaker: str | None
    start: tuple[int, int]  # (sentence, token) of the first token
    end: tuple[int, int]  # (sentence, token) of the last token (inclusive)


@dataclass(frozen=True)
class LitBankDoc:
    """One LitBank excerpt with its PER annotations."""

    id: str
    text: str
    per_spans: frozenset[Span]
    entities: frozenset[tuple[int, int, str]]  # (start, end, TYPE) for every entity type
    coref_entities: Mapping[str, frozenset[Span]]  # PER entity id -> its mentions
    mention_types: Mapping[Span, MentionType]  # every PER coref mention, clustered or not
    quotes: tuple[LitBankQuote, ...] = field(default=())

    @property
    def coref_clusters(self) -> list[frozenset[Span]]:
        """PER clusters ordered by their first mention."""
        return sorted(self.coref_entities.values(), key=min)

    def surface(self, span: Span) -> str:
        return self.text[span[0] : span[1]]


class TokenIndex:
    """Maps (sentence, token) indices of a LitBank text to character offsets."""

    def __init__(self, text: str) -> None:
        self._tokens: list[list[Span]] = []
        offset = 0
        for line in text.split("\n"):
            spans: list[Span] = []
            position = offset
            for token in line.split(" "):
                spans.append((position, position + len(token)))
                position += len(token) + 1
            self._tokens.append(spans)
            offset += len(line) + 1

    def token_span(self, sentence: int, token: int) -> Span:
        """Character span of one token; IndexError when out of range."""
        if sentence < 0 or token < 0:
            raise IndexError(f"negative index ({sentence}, {token})")
        return self._tokens[sentence][token]

    def char_span(self, start_sentence: int, start_token: int, end_sentence: int, end_token: int) -> Span:
        """Character span from a first token to a last token (inclusive), as LitBank's tsv gives them."""
        return (
            self.token_span(start_sentence, start_token)[0],
            self.token_span(end_sentence, end_token)[1],
        )


def token_char_span(text: str, start: tuple[int, int], end: tuple[int, int]) -> Span:
    """Convenience wrapper: char span of (sentence, token) ``start`` .. ``end`` (inclusive) in ``text``."""
    return TokenIndex(text).char_span(start[0], start[1], end[0], end[1])


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "missing LitBank file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def _brat_spans(path: Path, text: str) -> list[tuple[str, str, Span]]:
    """(T id, label, span) of every T line, checking that each surface matches the text."""
    rows: list[tuple[str, str, Span]] = []
    for number, line in enumerate(_read(path).splitlines(), 1):
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        fields = parts[1].split(" ") if len(parts) == 3 else []
        if len(fields) != 3 or not (fields[1].isdigit() and fields[2].isdigit()):
            raise InputError(path, f"line {number}: not a contiguous brat text-bound annotation")
        span = (int(fields[1]), int(fields[2]))
        if text[span[0] : span[1]] != parts[2]:
            raise InputError(path, f"line {number}: surface {parts[2]!r} does not match the text")
        rows.append((parts[0], fields[0], span))
    return rows


def _load_entities(path: Path, text: str) -> frozenset[tuple[int, int, str]]:
    return frozenset((s, e, label) for _, label, (s, e) in _brat_spans(path, text))


def _load_coref(path: Path, text: str) -> tuple[dict[str, frozenset[Span]], dict[Span, MentionType]]:
    """PER clusters and mention types from brat coref, pairing the two copies of a mention by offsets.

    Mentions with a type but no cluster copy (predicates of copula/appositive links) get a type
    but belong to no cluster.
    """
    types: dict[Span, tuple[str, str]] = {}
    entity_of: dict[Span, str] = {}
    for _, label, span in _brat_spans(path, text):
        match = _MENTION_LABEL.fullmatch(label)
        if match:
            types[span] = (match.group(1), match.group(2))
        else:
            entity_of[span] = label
    clusters: defaultdict[str, set[Span]] = defaultdict(set)
    for span, entity in entity_of.items():
        if span not in types:
            raise InputError(path, f"cluster mention {span} ({entity}) has no typed copy")
        if types[span][1] == "PER":
            clusters[entity].add(span)
    mention_types = {span: cast(MentionType, kind) for span, (kind, cat) in types.items() if cat == "PER"}
    return {entity: frozenset(spans) for entity, spans in clusters.items()}, mention_types


def _load_quotes(path: Path, index: TokenIndex) -> tuple[LitBankQuote, ...]:
    raw: list[tuple[str, Span, str, tuple[int, int], tuple[int, int]]] = []
    speakers: dict[str, str] = {}
    for number, line in enumerate(_read(path).splitlines(), 1):
        parts = line.split("\t")
        try:
            if parts[0] == "QUOTE":
                ss, st, es, et = (int(x) for x in parts[2:6])
                raw.append((parts[1], index.char_span(ss, st, es, et), parts[6], (ss, st), (es, et)))
            elif parts[0] == "ATTRIB":
                speakers[parts[1]] = parts[2]
        except (IndexError, ValueError):
            raise InputError(path, f"line {number}: malformed quotation line") from None
    return tuple(
        LitBankQuote(id=qid, span=span, text=qtext, speaker=speakers.get(qid), start=start, end=end)
        for qid, span, qtext, start, end in raw
    )


def litbank_ids(root: Path) -> list[str]:
    missing = [layer for layer in _LAYERS if not (root / layer).is_dir()]
    if missing:
        raise InputError(root, f"not a LitBank folder (missing {', '.join(missing)})")
    ids = sorted(p.name[: -len(_SUFFIX) - 4] for p in (root / "entities/brat").glob(f"*{_SUFFIX}.ann"))
    if not ids:
        raise InputError(root, "not a LitBank folder (no entities/brat/*_brat.ann)")
    return ids


def load_litbank_doc(root: Path, doc_id: str) -> LitBankDoc:
    """Load one document by id (e.g. ``1342_pride_and_prejudice``)."""
    name = f"{doc_id}{_SUFFIX}"
    text = _read(root / "entities/brat" / f"{name}.txt")
    clusters, mention_types = _load_coref(root / "coref/brat" / f"{name}.ann", text)
    entities = _load_entities(root / "entities/brat" / f"{name}.ann", text)
    return LitBankDoc(
        id=doc_id,
        text=text,
        per_spans=frozenset((s, e) for s, e, label in entities if label == "PER"),
        entities=entities,
        coref_entities=clusters,
        mention_types=mention_types,
        quotes=_load_quotes(root / "quotations/tsv" / f"{name}.ann", TokenIndex(text)),
    )


def load_litbank(root: Path, ids: Sequence[str] | None = None) -> list[LitBankDoc]:
    """Load every document of a LitBank folder (or only ``ids``), sorted by id.

    Raises InputError when ``root`` is not in LitBank layout, a companion file is missing, or an
    annotation does not fit the text.
    """
    root = Path(root)
    available = litbank_ids(root)
    if ids is None:
        wanted = available
    else:
        unknown = sorted(set(ids) - set(available))
        if unknown:
            raise InputError(root, f"unknown LitBank document(s): {', '.join(unknown)}")
        wanted = list(ids)
    return [load_litbank_doc(root, doc_id) for doc_id in wanted]
