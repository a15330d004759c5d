"""The deadlines as an RFC 5545 calendar, for Outlook or Google Calendar to subscribe to.

One all-day event per occurrence, on its last day on time (what a person must meet, not the
date the document states). Each event's UID is built from the plan number, the criterion,
the deadline and the stated date, so exporting again and re-importing or refreshing a
subscription updates the events instead of duplicating them.

All-day events carry dates, not times, so no property needs a TZID; the calendar still names
Asia/Ho_Chi_Minh (X-WR-TIMEZONE and a VTIMEZONE) so clients that place all-day events in the
calendar's zone put them on the right day.

Reminders: each event not yet done carries one VALARM per ``--remind`` day, at 08:00 that
many days before the last day on time (a trigger relative to the start of the all-day
event, which clients place at midnight of that day in the calendar's zone).

Updates without duplicates, statelessly: a client replaces an event it already holds when
the UID is the same and the SEQUENCE is higher. par keeps no state between exports; when the
calendar is written over an earlier export (``--output`` naming an existing file), that file
is the state: each event keeps the SEQUENCE it had there while its content (dates, summary,
description, alarms) is the same, and gets that SEQUENCE + 1 when the content changed. An
event the earlier file did not hold starts at 0.
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


def calendar(
    plan: Plan,
    items: list[PlanOccurrence],
    lang: Lang,
    name: str,
    now: dt.datetime,
    remind: tuple[int, ...] = (),
    previous: bytes | None = None,
) -> str:
    """The calendar as text (CRLF line ends, as RFC 5545 wants). ``now`` is the DTSTAMP, an
    aware instant: when this copy of the events was made. ``remind``: days before the last
    day on time to alarm; ``previous``: an earlier export, whose SEQUENCEs are carried on."""
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
    before = previous_events(previous)
    for item in items:
        event = Event()
        event.add("uid", uid(plan, item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.last_day)
        event.add("dtend", item.last_day + dt.timedelta(days=1))
        event.add("summary", ics_text(summary(item)))
        event.add("description", ics_text(description(plan, item, lang)))
        event.add("transp", "TRANSPARENT")
        if not item.done:
            for days in remind:
                event.add_component(alarm(item, days, lang))
        event.add("sequence", sequence(event, before.get(str(event["uid"]))))
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


REMIND_AT = dt.timedelta(hours=8)  # the alarm rings at 08:00, when an office opens


def alarm(item: PlanOccurrence, days: int, lang: Lang) -> object:
    """A display alarm at 08:00, ``days`` days before the last day on time (0: that day)."""
    from icalendar import Alarm

    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("trigger", REMIND_AT - dt.timedelta(days=days))
    text = summary(item)
    reminder.add("description", ics_text(t("ics.alarm", lang, days=days, summary=text) if days else t("ics.alarm_today", lang, summary=text)))
    return reminder


def fingerprint(event: object) -> tuple[object, ...]:
    """What a person sees of an event: a change here must raise its SEQUENCE. DTSTAMP (when
    the file was made) and SEQUENCE itself are left out."""
    from icalendar import Event

    parsed = Event.from_ical(event.to_ical())  # type: ignore[attr-defined]
    alarms = tuple(sorted((alarm["TRIGGER"].to_ical(), str(alarm.get("DESCRIPTION", ""))) for alarm in parsed.walk("VALARM")))
    return (
        parsed["DTSTART"].to_ical(),
        parsed["DTEND"].to_ical() if "DTEND" in parsed else b"",
        str(parsed.get("SUMMARY", "")),
        str(parsed.get("DESCRIPTION", "")),
        alarms,
    )


def previous_events(previous: bytes | None) -> dict[str, tuple[int, tuple[object, ...]]]:
    """UID → (SEQUENCE, fingerprint) of an earlier export; nothing when there is none or it
    does not parse (then every event starts again at 0, which a client still accepts as new)."""
    if not previous:
        return {}
    from icalendar import Calendar

    try:
        old = Calendar.from_ical(previous)
    except ValueError:
        return {}
    found: dict[str, tuple[int, tuple[object, ...]]] = {}
    for event in old.walk("VEVENT"):
        try:
            found[str(event["UID"])] = (int(event.get("SEQUENCE", 0)), fingerprint(event))
        except (KeyError, ValueError):
            continue
    return found


def sequence(event: object, before: tuple[int, tuple[object, ...]] | None) -> int:
    if before is None:
        return 0
    number, seen = before
    return number if fingerprint(event) == seen else number + 1
