"""What a framework's note and requirement cells state, read only where the words are plain.

Deadlines ("trước ngày 05/01/2024", "trước ngày 12 của tháng cuối quý", "trước tháng 01
hàng năm"), the previous year's figures ("Năm 2023, … đạt 01 điểm", "96,5%") and a points
scale written into a title ("Có từ 02 sáng kiến … trở lên thì điểm đánh giá là 2"). Each
reading keeps the clause it came from, so the draft can quote it; what looks like a deadline
but is not one of these forms is returned as unread, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from par_cli.plan.text import is_blank

_NUMBER = r"\d+(?:[.,]\d+)?"
_EVERY = r"(?:hàng|hằng|mỗi|các)"


@dataclass(frozen=True)
class DeadlineReading:
    """One deadline a clause states. ``when`` is a date or a recurrence mapping in the plan's
    short form; ``exclusive`` is "trước" (before), not "chậm nhất" (by)."""

    clause: str
    what: str | None
    when: dt.date | dict[str, object]
    exclusive: bool = True
    moved_from_year: int | None = None


@dataclass(frozen=True)
class BaselineReading:
    clause: str
    points: float | None = None
    percent: float | None = None
    about: bool = False
    label: str | None = None


@dataclass(frozen=True)
class ScaleReading:
    """A tiered scale on a count: (at least this many, points), best first."""

    clause: str
    noun: str
    tiers: tuple[tuple[int, float], ...]


def number(text: str) -> float:
    """A number as Vietnamese writes it: 0,5 and 1,5; 0.5 is read too."""
    return float(text.replace(",", "."))


def clauses(text: str) -> list[str]:
    parts = re.split(r";|\n|\.\s+(?=[A-ZĐÂĂÊÔƠƯ(])", text)
    return [part.strip(" .") for part in parts if part.strip(" .")]


_DEADLINE_FORMS: tuple[tuple[str, str], ...] = (
    ("quarter", rf"trước\s+ngày\s+(\d{{1,2}})\s+(?:của\s+)?(?:{_EVERY}\s+)?tháng\s+cuối\s+(?:của\s+)?(?:{_EVERY}\s+)?quý"),
    ("month", rf"trước\s+ngày\s+(\d{{1,2}})\s+{_EVERY}\s+tháng"),
    ("year_day", rf"trước\s+ngày\s+(\d{{1,2}})\s*/\s*(\d{{1,2}})\s+{_EVERY}\s+năm"),
    ("year_month", rf"trước\s+tháng\s+(\d{{1,2}})\s+{_EVERY}\s+năm"),
    ("date", r"trước\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"),
    ("date_words", r"trước\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"),
    ("by_date", r"(?:chậm\s+nhất|hạn\s+cuối)\s+(?:là\s+)?(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"),
)
# Words that announce a deadline: a clause with one of them and a number that no form above
# reads is listed for the user rather than skipped.
_LOOKS_LIKE_DEADLINE = re.compile(r"trước\s+(?:ngày|tháng)|chậm\s+nhất|hạn\s+cuối", re.IGNORECASE)


def read_deadlines(text: str, year: int) -> tuple[list[DeadlineReading], list[str]]:
    """The deadlines a cell states, and the clauses that look like one but are not read."""
    found: list[DeadlineReading] = []
    unread: list[str] = []
    for clause in clauses(text):
        reading = _deadline(clause, year)
        if reading is not None:
            found.append(reading)
        elif _LOOKS_LIKE_DEADLINE.search(clause) and re.search(r"\d", clause):
            unread.append(clause)
    return found, unread


def _deadline(clause: str, year: int) -> DeadlineReading | None:
    for form, pattern in _DEADLINE_FORMS:
        match = re.search(pattern, clause, re.IGNORECASE)
        if match is None:
            continue
        what = _what(clause[: match.start()])
        values = [int(group) for group in match.groups()]
        if form == "quarter":
            return _checked(clause, what, {"every": "quarter", "day": values[0]}) if 1 <= values[0] <= 31 else None
        if form == "month":
            return _checked(clause, what, {"every": "month", "day": values[0]}) if 1 <= values[0] <= 31 else None
        if form == "year_day":
            day, month = values
            return _checked(clause, what, {"every": "year", "month": month, "day": day}) if _valid(2024, month, day) else None
        if form == "year_month":
            return _checked(clause, what, {"every": "year", "month": values[0], "day": 1}) if 1 <= values[0] <= 12 else None
        day, month, stated_year = values
        if not _valid(stated_year, month, day):
            return None
        exclusive = form != "by_date"
        if stated_year == year - 1 and form != "by_date":
            # A plan copied from last year's keeps last year's date ("trước ngày 30/6/2023" in
            # the 2024 plan): the task is yearly, read as such, and said so.
            return DeadlineReading(clause, what, {"every": "year", "month": month, "day": day}, exclusive, moved_from_year=stated_year)
        return DeadlineReading(clause, what, dt.date(stated_year, month, day), exclusive)
    return None


def _checked(clause: str, what: str | None, when: dict[str, object]) -> DeadlineReading:
    return DeadlineReading(clause, what, when)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _what(before: str) -> str | None:
    """The task a clause names before its date ("Ban hành Kế hoạch … trước ngày …"), when
    it names one: two words ("Ban hành", "Báo cáo") name only the act, not the task."""
    words = [word for word in before.strip(" ,:(-").split() if not is_blank(word)]
    return " ".join(words) if len(words) > 2 else None


_PREVIOUS_YEAR = r"năm\s+(\d{4})"
_POINTS = re.compile(rf"({_NUMBER})\s*(?:/\s*{_NUMBER}\s*)?điểm", re.IGNORECASE)
_NO_POINTS = re.compile(r"không\s+(?:có|đạt|được)\s+điểm", re.IGNORECASE)
_RANGE = re.compile(rf"{_NUMBER}\s*%?\s*(?:-|–|đến)\s*{_NUMBER}\s*%", re.IGNORECASE)
_PERCENT = re.compile(rf"(khoảng\s+)?({_NUMBER})\s*%", re.IGNORECASE)


def read_baseline(text: str, year: int) -> BaselineReading | None:
    """The previous year's points and percentage a note states ("Năm 2023, có 96,5% hồ sơ
    giải quyết đúng hạn"), only from a note that names that year."""
    years = [int(found) for found in re.findall(_PREVIOUS_YEAR, text, re.IGNORECASE)]
    if year - 1 not in years:
        return None
    clause = text.strip()
    points: float | None = None
    matches = list(_POINTS.finditer(clause))
    if matches:
        points = number(matches[-1].group(1))
    elif _NO_POINTS.search(clause):
        points = 0.0
    single = _RANGE.sub(" ", clause)
    percents = list(_PERCENT.finditer(single))
    percent, about, label = None, False, None
    if len(percents) == 1:
        found = percents[0]
        percent, about = number(found.group(2)), bool(found.group(1))
        label = _percent_label(single, found)
    if points is None and percent is None:
        return None
    return BaselineReading(clause, points, percent if percent is not None and percent <= 100 else None, about, label)


def _percent_label(text: str, found: re.Match[str]) -> str | None:
    after = re.split(r"[,.;()]", text[found.end() :])[0].split()
    if len(after) >= 2:
        return "Tỷ lệ " + " ".join(after)
    before = re.search(r"(tỷ\s+lệ\s+[^,.;]+?)\s+(?:đạt|là)\s*$", text[: found.start()], re.IGNORECASE)
    if before:
        words = before.group(1).split()
        return " ".join([words[0].capitalize(), *words[1:]])
    return None


_SCALE_STEP = re.compile(
    rf"(?:có\s+)?(từ\s+)?(\d+)\s+(.+?)\s+(?:trở\s+lên\s+)?thì\s+(?:điểm\s+đánh\s+giá\s+là|được|đạt)\s+({_NUMBER})",
    re.IGNORECASE,
)


def read_scale(text: str) -> ScaleReading | None:
    """A tiered scale on a count written as steps ("- Có từ 02 sáng kiến … trở lên thì điểm
    đánh giá là 2; - 01 sáng kiến … thì điểm đánh giá là 1"); two steps at least."""
    steps = list(_SCALE_STEP.finditer(text))
    if len(steps) < 2:
        return None
    tiers = sorted(((int(step.group(2)), number(step.group(4))) for step in steps), reverse=True)
    if len({count for count, _ in tiers}) != len(tiers):
        return None
    noun = re.sub(r"\s+trở\s+lên$", "", steps[-1].group(3).strip())
    first = text.find(steps[0].group(0))
    return ScaleReading(text[max(first - 2, 0) :].strip(" -"), noun, tuple(tiers))
