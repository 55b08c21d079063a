"""Loading input: limits, missing paths, directories, binary data, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest.raw import decode_text, read_input


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_input(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(InputError, match=r"over the .* limit"):
        read_input(big, max_bytes=1000)
    assert read_input(big, max_bytes=10_000).data.startswith(b"word")


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="is empty"):
        read_input(empty)


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


def test_utf16_without_bom() -> None:
    text, encoding = decode_text("Hello “there”, friend.\r\nBye.".encode("utf-16-le"))
    assert text == "Hello “there”, friend.\nBye."
    assert encoding == "utf-16"


def test_cp1252_smart_quotes() -> None:
    text, encoding = decode_text("“Hi,” she said – it’s late…".encode("cp1252"))
    assert text == "“Hi,” she said – it’s late…"
    assert encoding in {"cp1252", "windows-1252"}
