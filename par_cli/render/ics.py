"""The deadlines as an RFC 5545 calendar, for Outlook or Google Calendar to subscribe to.

One all-day event per occurrence, on its last day on time (what a person must meet, not the
date the document states). Each event's UID is built from the plan number, the criterion,
the deadline and the stated date, so exporting again and re-importing or refreshing a
subscription updates the events instead of duplicating them.

All-day events carry dates, not times, so no property needs a TZID; the calendar still names
Asia/Ho_Chi_Minh (X-WR-TIMEZONE and a VTIMEZONE) so clients that place all-day events in the
calendar's zone put them on the right day.
"""

from __future__ import annotations

import datetime as dt
import re

from par_cli.deadlines.occurrences import PlanOccurrence
from par_cli.i18n import Lang, fmt_date, fmt_number, t
from par_cli.plan.model import Plan
from par_cli.plan.units import names
from par_cli.render.safe import ics_line, ics_text

ZONE = "Asia/Ho_Chi_Minh"


def uid(plan: Plan, item: PlanOccurrence) -> str:
    """``<plan number>-<criterion>-<deadline>-<stated date>@par`` with anything but letters,
    digits, dots and hyphens replaced: "1163/KH-SGTVT" becomes "1163-KH-SGTVT"."""
    raw = f"{plan.plan.number}-{item.criterion.id}-{item.deadline.id}-{item.stated:%Y%m%d}"
    return re.sub(r"[^A-Za-z0-9.-]+", "-", raw) + "@par"


def summary(item: PlanOccurrence) -> str:
    text = f"{item.criterion.id} {item.deadline.what}"
    return f"✓ {text}" if item.done else text


def description(plan: Plan, item: PlanOccurrence, lang: Lang) -> str:
    criterion = item.criterion
    due = fmt_date(item.last_day, lang)
    lines = [
        t("ics.criterion", lang, id=criterion.id, title=criterion.title),
        t("ics.before", lang, stated=fmt_date(item.stated, lang), due=due) if item.deadline.exclusive else t("ics.by", lang, due=due),
        t("ics.lead", lang, units=names(plan, criterion.lead) or "—"),
        t("ics.support", lang, units=names(plan, criterion.support) or "—"),
        t("ics.max", lang, points=fmt_number(criterion.max, lang)),
    ]
    if item.completion is not None:
        lines.append(t("ics.done", lang, date=fmt_date(item.completion.date, lang)))
        if item.completion.evidence:
            lines.append(t("ics.evidence", lang, evidence=item.completion.evidence))
    lines.append(t("ics.plan", lang, number=plan.plan.number))
    return "\n".join(lines)


def calendar(plan: Plan, items: list[PlanOccurrence], lang: Lang, name: str, now: dt.datetime) -> str:
    """The calendar as text (CRLF line ends, as RFC 5545 wants). ``now`` is the DTSTAMP, an
    aware instant: when this copy of the events was made."""
    from icalendar import Calendar, Event, Timezone

    cal = Calendar()
    cal.add("prodid", f"-//par//PAR INDEX deadlines//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", ics_line(name))
    cal.add("x-wr-timezone", ZONE)
    # The zone has been UTC+7 since 1975; the span covers every last day of the plan year
    # (7.1's "before 1 January" ends on 31 December of the year before).
    cal.add_component(Timezone.from_tzid(ZONE, first_date=dt.date(plan.year - 1, 1, 1), last_date=dt.date(plan.year + 2, 1, 1)))
    stamp = now.astimezone(dt.timezone.utc)
    for item in items:
        event = Event()
        event.add("uid", uid(plan, item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.last_day)
        event.add("dtend", item.last_day + dt.timedelta(days=1))
        event.add("summary", ics_text(summary(item)))
        event.add("description", ics_text(description(plan, item, lang)))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
