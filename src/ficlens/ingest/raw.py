"""Load a story file's bytes safely and decode text: size limits, binary detection, encodings."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from charset_normalizer import from_bytes

from ficlens.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest input read by default (50 MiB); the longest fics on the archives are a few MiB of text."""

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class RawInput:
    """A story file's bytes with its name; text decoding happens lazily and once."""

    data: bytes
    name: str = "-"
    extension: str = ""

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def head(self) -> bytes:
        """The first 4 KiB, for content sniffing."""
        return self.data[:4096]

    def is_zip(self) -> bool:
        return self.data[:4] == b"PK\x03\x04"

    @cached_property
    def _text_and_encoding(self) -> tuple[str, str]:
        return decode_text(self.data, self.name)

    @property
    def text(self) -> str:
        """The content decoded to str with line endings normalised to LF."""
        return self._text_and_encoding[0]

    @property
    def encoding(self) -> str:
        return self._text_and_encoding[1]


def read_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """Read a path (or '-' for standard input) into a `RawInput`, refusing what cannot be a story."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        _check_size(name, len(data), max_bytes)
        return _checked(RawInput(data=data, name=name))
    p = Path(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory, not a story file")
    try:
        size = p.stat().st_size
        _check_size(name, size, max_bytes)
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    _check_size(name, len(data), max_bytes)
    return _checked(RawInput(data=data, name=name, extension=p.suffix.lower()))


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            name,
            f"is {size / 1048576:.1f} MiB, over the {max_bytes / 1048576:.0f} MiB limit "
            "(raise it with --max-bytes)",
        )


def _checked(raw: RawInput) -> RawInput:
    if not raw.data.strip():
        raise InputError(raw.name, "is empty")
    return raw


def decode_text(data: bytes, name: str = "-") -> tuple[str, str]:
    """Decode bytes to text with LF line endings; raise `InputError` for binary data.

    A BOM decides; otherwise strict UTF-8; otherwise charset-normalizer's best guess,
    with Windows-1252 as the fallback for 8-bit Western text it cannot place.
    """
    text, encoding = _decode(data, name)
    if _looks_binary(text):
        raise InputError(name, "looks like a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise InputError(name, f"starts with a {encoding} byte-order mark but is not valid") from None
    if b"\x00" in data[:8192] and not _utf16_without_bom(data):
        raise InputError(name, "looks like a binary file, not text")
    if _utf16_without_bom(data):
        try:
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(name, "looks like a binary file, not text") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _western_8bit(data):
        return data.decode("cp1252"), "cp1252"
    best = from_bytes(data).best()
    if best is not None and best.encoding not in {"utf_8"}:
        encoding = best.encoding
        # Western 8-bit text is nearly always Windows-1252 in practice (curly quotes in 0x80-0x9F).
        if encoding in {"latin_1", "iso8859_15"} and any(0x80 <= b <= 0x9F for b in data):
            encoding = "cp1252"
        return str(best), encoding.replace("_", "-")
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError(name, "looks like a binary file, not text") from None


_WESTERN = set("“”‘’–—…•«»¡¿°£€ ©®™") | {chr(c) for c in range(0xC0, 0x100)} - {"×", "÷"}


def _western_8bit(data: bytes) -> bool:
    """True when every byte ≥ 0x80 decodes in Windows-1252 to a Western letter or typographic mark."""
    try:
        decoded = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = [ch for ch in decoded if ord(ch) >= 0x80]
    return bool(high) and all(ch in _WESTERN or ch == "\u00a0" for ch in high)


def _utf16_without_bom(data: bytes) -> bool:
    sample = data[:2048]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / len(sample) > 0.01
