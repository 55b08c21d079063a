"""The documented JSON Schema is the one the code produces: schema changes are deliberate."""

from __future__ import annotations

import json
from pathlib import Path

from ficlens.model import SCHEMA_VERSION, Analysis

DOC = Path(__file__).resolve().parents[1] / "docs" / "analysis.schema.json"


def test_schema_document_is_current() -> None:
    assert json.loads(DOC.read_text()) == Analysis.model_json_schema(), (
        "run `ficlens schema -o docs/analysis.schema.json`"
    )


def test_schema_version_is_semver_like() -> None:
    major, minor = SCHEMA_VERSION.split(".")
    assert major.isdigit() and minor.isdigit()
