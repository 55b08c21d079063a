"""The reader protocol: every format module offers `sniff` and `read`."""

from __future__ import annotations

from typing import Protocol

from ficlens.ingest.raw import RawInput
from ficlens.model import Story


class Reader(Protocol):
    """A story format. `sniff` looks at content (not only the extension); `read` builds the `Story`."""

    name: str

    def sniff(self, raw: RawInput) -> bool: ...

    def read(self, raw: RawInput) -> Story: ...
