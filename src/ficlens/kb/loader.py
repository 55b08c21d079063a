"""Reading, validating and merging fandom TOML files into a `KnowledgeBase`."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ficlens.errors import KnowledgeBaseError
from ficlens.kb.model import CanonCharacter, Fandom, Gender, KnowledgeBase
from ficlens.kb.normalize import name_key, tag_key

_DATA_PACKAGE = "ficlens.kb"
_DATA_DIR = "data"


class _Entry(BaseModel):
    """Shared validation: no unknown keys, strict types, no blank strings."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_blank_strings(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                raise ValueError("must not be empty")
        elif isinstance(value, list):
            value = [item.strip() if isinstance(item, str) else item for item in value]
            if any(item == "" for item in value):
                raise ValueError("must not contain empty strings")
        return value


class CharacterEntry(_Entry):
    """One ``[[characters]]`` table as written in a file."""

    name: str
    aliases: list[str] = []
    nicknames: list[str] = []
    gender: Gender | None = None
    descriptors: list[str] = []
    replace: bool = False


class FandomFile(_Entry):
    """One fandom file as written."""

    fandom: str
    tags: list[str] = []
    shared_names: list[str] = []
    not_characters: list[str] = []
    characters: list[CharacterEntry] = []


@dataclass
class _Draft:
    """A fandom being assembled from one or more files."""

    name: str
    tags: list[str] = field(default_factory=list)
    shared_names: list[str] = field(default_factory=list)
    not_characters: list[str] = field(default_factory=list)
    characters: dict[str, CharacterEntry] = field(default_factory=dict)

    def tag_keys(self) -> set[str]:
        return {tag_key(tag) for tag in (self.name, *self.tags)}


def load_knowledge_base(extra: Sequence[Path | str] = ()) -> KnowledgeBase:
    """Load the packaged fandom files, then each ``extra`` file or folder of ``*.toml`` files.

    A file whose ``fandom`` names (or is tagged as) an already loaded fandom is merged into it:
    its tags and shared names are added, its characters are added, and a character with the same
    name as a known one extends that one's lists and replaces its gender (or replaces it whole
    with ``replace = true``). Raises `KnowledgeBaseError` naming the file on any problem.
    """
    drafts: list[_Draft] = []
    for source, parsed in _packaged_files():
        _merge(drafts, parsed, source)
    for path in _expand(extra):
        _merge(drafts, parse_file(path), str(path))
    return KnowledgeBase(fandoms=tuple(_build(draft) for draft in drafts))


def parse_file(path: Path) -> FandomFile:
    """Read and validate one fandom file."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise KnowledgeBaseError(path, f"cannot read: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(path, f"not valid TOML: {exc}") from exc
    return validate(data, str(path))


def validate(data: dict[str, Any], source: str) -> FandomFile:
    """Validate parsed TOML; ``source`` names the file in the error message."""
    try:
        parsed = FandomFile.model_validate(data)
    except ValidationError as exc:
        raise KnowledgeBaseError(source, _describe(exc, data)) from exc
    seen: dict[str, str] = {}
    for entry in parsed.characters:
        key = name_key(entry.name)
        if not key:
            raise KnowledgeBaseError(source, f"character name {entry.name!r} has no letters")
        if key in seen:
            raise KnowledgeBaseError(source, f"character {entry.name!r} is listed twice")
        seen[key] = entry.name
    return parsed


@lru_cache(maxsize=1)
def _packaged_files() -> tuple[tuple[str, FandomFile], ...]:
    folder = resources.files(_DATA_PACKAGE).joinpath(_DATA_DIR)
    files = sorted((item for item in folder.iterdir() if item.name.endswith(".toml")), key=lambda i: i.name)
    loaded: list[tuple[str, FandomFile]] = []
    for item in files:
        source = f"{_DATA_PACKAGE.replace('.', '/')}/{_DATA_DIR}/{item.name}"
        try:
            data = tomllib.loads(item.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(source, f"not valid TOML: {exc}") from exc
        loaded.append((source, validate(data, source)))
    return tuple(loaded)


def _expand(paths: Sequence[Path | str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.glob("*.toml")))
        elif path.exists():
            files.append(path)
        else:
            raise KnowledgeBaseError(path, "no such file or folder")
    return files


def _merge(drafts: list[_Draft], parsed: FandomFile, source: str) -> None:
    key = tag_key(parsed.fandom)
    draft = next((d for d in drafts if tag_key(d.name) == key), None)
    draft = draft or next((d for d in drafts if key in d.tag_keys()), None)
    if draft is None:
        draft = _Draft(name=parsed.fandom)
        drafts.append(draft)
    _extend(draft.tags, parsed.tags)
    _extend(draft.shared_names, parsed.shared_names)
    _extend(draft.not_characters, parsed.not_characters)
    for entry in parsed.characters:
        char_key = name_key(entry.name)
        known = draft.characters.get(char_key)
        if known is None or entry.replace:
            draft.characters[char_key] = entry
            continue
        merged = known.model_copy(deep=True)
        merged.name = entry.name
        _extend(merged.aliases, entry.aliases)
        _extend(merged.nicknames, entry.nicknames)
        _extend(merged.descriptors, entry.descriptors)
        if entry.gender is not None:
            merged.gender = entry.gender
        draft.characters[char_key] = merged


def _extend(target: list[str], items: list[str]) -> None:
    for item in items:
        if item not in target:
            target.append(item)


def _build(draft: _Draft) -> Fandom:
    characters = tuple(
        CanonCharacter(
            name=entry.name,
            aliases=tuple(entry.aliases),
            nicknames=tuple(entry.nicknames),
            gender=entry.gender or "unknown",
            descriptors=tuple(entry.descriptors),
            fandom=draft.name,
        )
        for entry in draft.characters.values()
    )
    return Fandom(
        name=draft.name,
        tags=tuple(draft.tags),
        characters=characters,
        shared_names=tuple(draft.shared_names),
        not_characters=tuple(draft.not_characters),
    )


def _describe(exc: ValidationError, data: dict[str, Any]) -> str:
    """Turn pydantic's errors into one readable line that points at the character concerned."""
    problems: list[str] = []
    for error in exc.errors():
        loc = error["loc"]
        kind = error["type"]
        if kind in ("extra_forbidden", "missing"):
            what = "unknown key" if kind == "extra_forbidden" else "missing required key"
            parent = _where(loc[:-1], data)
            problems.append(f"{parent + ': ' if parent else ''}{what} {loc[-1]!r}")
        else:
            where = _where(loc, data) or "file"
            message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(f"{where}: {message}")
    return "; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")


def _where(loc: tuple[int | str, ...], data: dict[str, Any]) -> str:
    parts: list[str] = []
    for i, part in enumerate(loc):
        if isinstance(part, int) and parts:
            parts[-1] += f"[{part}]"
            if i == 1 and loc[0] == "characters":
                name = _character_name(data, part)
                if name:
                    parts[-1] += f" ({name!r})"
        else:
            parts.append(str(part))
    return ".".join(parts)


def _character_name(data: dict[str, Any], index: int) -> str | None:
    characters = data.get("characters")
    if isinstance(characters, list) and 0 <= index < len(characters):
        entry = characters[index]
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            return str(entry["name"])
    return None
