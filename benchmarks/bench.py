"""Speed and memory of ficlens, measured in one run against a baseline, printed as a table.

Baseline: spaCy alone parsing the same story text (what any NLP tool on this stack must pay).
Rows: ingest only (`--metadata-only`), the full analysis, and their ratio to the baseline; peak
memory of the full analysis (tracemalloc, Python allocations). Inputs: the example story, the
shared fan-fiction samples that carry story text, and a PDNC novel slice for a long text.

Run: make bench   (or .venv/bin/python benchmarks/bench.py [--repeat N])
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ficlens import analyze
from ficlens.nlp import load_nlp
from ficlens.text.document import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def inputs() -> list[Path]:
    candidates = [
        SHARED / "examples" / "hard-truths.txt",
        SHARED / "data" / "fics" / "ao3_html" / "ao3_334557_the_world_on_his_wrist.html",
        SHARED / "data" / "fics" / "ao3_epub" / "ao3_218676_fire_and_feather.epub",
        SHARED / "data" / "fics" / "fanficfare_generated" / "fff_test1_sid2.txt",
        SHARED / "data" / "fics" / "ao3_workpage" / "ao3_work_2020_through_your_silver_eyes_fullwork.html",
    ]
    return [p for p in candidates if p.is_file()]


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    args = parser.parse_args()
    files = inputs()
    if not files:
        raise SystemExit("../shared is not present: nothing to benchmark")
    nlp = load_nlp()
    table = Table(title=f"ficlens benchmark (seconds, best of {args.repeat})")
    for column in (
        "file",
        "words",
        "spaCy parse",
        "ingest",
        "full analysis",
        "full / spaCy",
        "words/s",
        "peak MiB",
    ):
        table.add_column(column, justify="right" if column != "file" else "left")
    for path in files:
        meta = analyze(path, nlp=False)
        document = Document.from_chapters(meta.chapters)
        words = sum(c.words for c in meta.chapters)
        texts = [p.text for p in document.paragraphs]
        base = best_of(args.repeat, lambda texts=texts: list(nlp.pipe(texts)))
        ingest = best_of(args.repeat, lambda path=path: analyze(path, nlp=False))
        full = best_of(args.repeat, lambda path=path: analyze(path))
        tracemalloc.start()
        analyze(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        table.add_row(
            path.name[:40],
            str(words),
            f"{base:.3f}",
            f"{ingest:.3f}",
            f"{full:.3f}",
            f"{full / base:.2f}×" if base else "-",
            f"{words / full:,.0f}",
            f"{peak / 1048576:.1f}",
        )
    Console(width=130).print(table)


if __name__ == "__main__":
    main()
