"""ficlens: read fan fiction the way a careful reader does."""

from ficlens.api import analyze, analyze_bytes
from ficlens.errors import FiclensError, InputError
from ficlens.model import SCHEMA_VERSION, Analysis, Chapter, Story, WorkMeta

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "Chapter",
    "FiclensError",
    "InputError",
    "Story",
    "WorkMeta",
    "__version__",
    "analyze",
    "analyze_bytes",
]
