"""Days as people type them: ISO (2024-01-03) or day first, as Vietnamese write dates
(03/01/2024, 3/1/2024). Never month first: 03/01/2024 is 3 January."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def read_day(value: str) -> dt.date | None:
    """The day ``value`` writes (YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY), or None when it is not
    one of those forms or not a real day (31/02/2024, 03/13/2024)."""
    text = value.strip()
    if _ISO.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    found = _DAY_FIRST.fullmatch(text)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_first(value: object) -> dt.date | None:
    """The day a Vietnamese-style date string writes (DD/MM/YYYY, D/M/YYYY), else None: for
    telling someone who typed one into the plan file which ISO form to write instead."""
    if not isinstance(value, str) or not _DAY_FIRST.fullmatch(value.strip()):
        return None
    return read_day(value)
