"""Open ZIP containers (EPUB, DOCX) without trusting them: truncation, zip bombs, path tricks."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from ficlens.errors import InputError
from ficlens.ingest.raw import RawInput

MAX_ENTRIES = 5_000
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 200
"""Largest uncompressed/compressed ratio accepted for a member bigger than 1 MiB (text zips ~3-10×)."""


@dataclass
class SafeZip:
    """A validated ZIP archive whose members are read with hard size limits."""

    archive: zipfile.ZipFile
    source: str
    kind: str

    def names(self) -> list[str]:
        return self.archive.namelist()

    def has(self, name: str) -> bool:
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes:
        """Read one member, refusing more bytes than its header declared."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            raise InputError(self.source, f"{self.kind} is missing its part {name!r}") from None
        try:
            with self.archive.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise InputError(self.source, f"{self.kind} part {name!r} is corrupt ({exc})") from None
        if len(data) > info.file_size:
            raise InputError(self.source, f"{self.kind} part {name!r} is larger than declared (zip bomb?)")
        return data

    def read_text(self, name: str) -> str:
        return self.read(name).decode("utf-8", errors="replace")


def open_zip(raw: RawInput, kind: str = "EPUB") -> SafeZip:
    """Open `raw` as a ZIP archive or raise `InputError` naming the problem."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw.data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(raw.name, f"is a corrupt or truncated {kind} ({exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(raw.name, f"{kind} has {len(infos)} parts, over the limit of {MAX_ENTRIES}")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise InputError(
            raw.name,
            f"{kind} would unpack to {total / 1048576:.0f} MiB, over the "
            f"{MAX_TOTAL_UNCOMPRESSED / 1048576:.0f} MiB limit (zip bomb?)",
        )
    for info in infos:
        if info.file_size > 1048576 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                raw.name, f"{kind} part {info.filename!r} is compressed suspiciously well (zip bomb?)"
            )
    return SafeZip(archive=archive, source=raw.name, kind=kind)
