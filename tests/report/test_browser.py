"""The HTML report in a real headless Chromium (Debian's, driven by Playwright; nothing is downloaded).

`make test` installs Chromium (`make browser`); without it these tests are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from report_samples import build

from ficlens.api import analyze_bytes
from ficlens.model import Analysis
from ficlens.report import render_html

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STORY = """The Lighthouse by Tester

Mara climbed the last step of the lighthouse and found Jonah already there, staring at the sea.

“You’re late,” Jonah said without turning around.

“The stairs are longer than I remembered,” Mara replied. She dropped her bag beside him.

Jonah nodded slowly. “It passed an hour ago. It didn’t stop.”

Mara sighed and leaned against the cold glass. “Then we wait for the next one,” she said.
"""

if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is not installed (run `make browser`)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")


@dataclass
class Page:
    page: Any
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    """The real pipeline on a small story; a hand-built one if the dialogue stage finds no quotes."""
    result = analyze_bytes(STORY.encode(), "lighthouse.txt")
    speakers = {q.speaker for q in result.quotes} & {c.id for c in result.characters}
    return result if speakers else build()


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
            offline=True,
        )
        try:
            yield context
        finally:
            context.close()


def open_report(context: Any, analysis: Analysis, folder: Path) -> Page:
    path = folder / "report.html"
    path.write_text(render_html(analysis), encoding="utf-8")
    page = Page(context.new_page())
    problems = page.problems

    def on_console(msg: Any) -> None:
        if msg.type in ("error", "warning"):
            problems.append(f"console {msg.type}: {msg.text}")

    page.page.on("console", on_console)
    page.page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.page.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
    page.page.goto(path.as_uri(), wait_until="load")
    return page


def speaker_name(analysis: Analysis, quote_index: int = 0) -> str:
    names = {c.id: c.name for c in analysis.characters}
    return names[analysis.quotes[quote_index].speaker or ""]


def test_loads_cleanly_and_draws_the_graph(browser_context: Any, analysis: Analysis, tmp_path: Path) -> None:
    view = open_report(browser_context, analysis, tmp_path)
    page = view.page
    assert page.title().startswith(analysis.work.title or "Untitled")
    nodes = page.locator("svg.graph .node circle")
    assert nodes.count() >= 2
    box = nodes.first.bounding_box()
    assert box is not None and box["width"] > 5 and box["height"] > 5
    assert page.locator("svg.presence rect").count() >= 2
    assert view.problems == []


def test_hover_shows_the_speaker(browser_context: Any, analysis: Analysis, tmp_path: Path) -> None:
    view = open_report(browser_context, analysis, tmp_path)
    page = view.page
    tip = page.locator("#tip")
    assert tip.is_hidden()
    quote = page.locator(f'.q[data-quote="{analysis.quotes[0].id}"]').first
    quote.scroll_into_view_if_needed()
    quote.hover()
    tip.wait_for(state="visible", timeout=3000)
    assert speaker_name(analysis) in tip.inner_text()
    page.mouse.move(2, 2)
    tip.wait_for(state="hidden", timeout=3000)
    assert view.problems == []


def test_focus_and_tap_show_the_speaker(browser_context: Any, analysis: Analysis, tmp_path: Path) -> None:
    view = open_report(browser_context, analysis, tmp_path)
    page = view.page
    tip = page.locator("#tip")
    last = len(analysis.quotes) - 1
    quote = page.locator(f'.q[data-quote="{analysis.quotes[last].id}"]').first
    quote.focus()
    tip.wait_for(state="visible", timeout=3000)
    assert speaker_name(analysis, last) in tip.inner_text()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=3000)
    quote.click()  # a tap: shows and stays
    tip.wait_for(state="visible", timeout=3000)
    assert speaker_name(analysis, last) in tip.inner_text()
    page.locator("h1").click()  # tapping elsewhere hides it
    tip.wait_for(state="hidden", timeout=3000)
    assert view.problems == []


def test_dark_mode_loads_cleanly(browser_context: Any, analysis: Analysis, tmp_path: Path) -> None:
    view = open_report(browser_context, analysis, tmp_path)
    view.page.emulate_media(color_scheme="dark")
    background = view.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(21, 23, 27)"
    assert view.problems == []


def test_no_script_runs_but_its_own(browser_context: Any, analysis: Analysis, tmp_path: Path) -> None:
    """Defence in depth: even markup slipped into the file could not run (Content-Security-Policy)."""
    page_html = render_html(analysis).replace("</main>", "<script>document.title='pwned'</script></main>")
    path = tmp_path / "tampered.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser_context.new_page()
    blocked: list[str] = []
    page.on("console", lambda msg: blocked.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri(), wait_until="load")
    assert page.title() != "pwned"
    assert any("Content Security Policy" in text for text in blocked)
