"""Date strings as archives write them → ISO dates."""

from __future__ import annotations

import re
from datetime import date, datetime

_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d",
    "%d %b %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
)

_FRENCH_MONTHS = {
    "janvier": "January",
    "février": "February",
    "fevrier": "February",
    "mars": "March",
    "avril": "April",
    "mai": "May",
    "juin": "June",
    "juillet": "July",
    "août": "August",
    "aout": "August",
    "septembre": "September",
    "octobre": "October",
    "novembre": "November",
    "décembre": "December",
    "decembre": "December",
}


def iso_date(text: str | None, default_year: int | None = None) -> str | None:
    """Parse a date as archives write it; None when it cannot be read.

    A month/day date without a year ("5/15", as FFN writes this year's dates) takes
    `default_year` and is None without one.
    """
    if not text:
        return None
    t = " ".join(text.strip().split())
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", t)
    for fr, en in _FRENCH_MONTHS.items():
        t = re.sub(rf"\b{fr}\b", en, t, flags=re.IGNORECASE)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(t, fmt).date().isoformat()
        except ValueError:
            continue
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", t)
    if m and default_year:
        try:
            return date(default_year, int(m.group(1)), int(m.group(2))).isoformat()
        except ValueError:
            return None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    return None
