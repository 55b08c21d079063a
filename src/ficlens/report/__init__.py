"""Human-readable reports of an `Analysis`: a self-contained HTML page and a Markdown summary.

Both are built with Jinja2 templates in `templates/`. The HTML environment autoescapes, and story
text reaches the page only as escaped text segments, so nothing in a story can become markup.
"""

from __future__ import annotations

from ficlens.report.html import render_html
from ficlens.report.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]
