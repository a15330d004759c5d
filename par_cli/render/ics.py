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
description, alarms, status) is the same, and gets that SEQUENCE + 1 when the content changed.
An event the earlier file did not hold starts at 0.

Events that leave the calendar: an occurrence done (the default calendar holds the work not
done), a deadline removed, a date moved (its UID changes), another unit. A client that imported
the earlier file keeps such an event forever unless told, and a calendar that simply lacks it
tells nothing. So an event of the earlier export that this one does not hold is published
again as cancelled (STATUS:CANCELLED, no alarms, its dates and text as they were, SEQUENCE + 1),
and kept so in later exports over the same file (same SEQUENCE while unchanged), so a client
that missed one export still learns it. An event that comes back is an ordinary event again
with a higher SEQUENCE. Without an earlier export (the calendar on stdout) there is nothing to
cancel: that is why the calendar is meant to be written over the same file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
    held: set[str] = set()
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
        held.add(str(event["uid"]))
        cal.add_component(event)
    for key, earlier in before.items():
        if key not in held:
            cal.add_component(cancelled(key, earlier, stamp))
    return cal.to_ical().decode("utf-8")


def cancelled(key: str, earlier: "Earlier", stamp: dt.datetime) -> object:
    """The earlier export's event ``key`` as cancelled: its dates and words as they were (a
    client shows what was called off), no alarm, STATUS:CANCELLED, and the SEQUENCE that makes
    a client take it (+ 1, unless it was cancelled already in the same form)."""
    from icalendar import Event

    old = earlier.event
    event = Event()
    event.add("uid", key)
    event.add("dtstamp", stamp)
    event.add("dtstart", old.decoded("DTSTART"))
    if "DTEND" in old:
        event.add("dtend", old.decoded("DTEND"))
    event.add("summary", ics_text(str(old.get("SUMMARY", ""))))
    if "DESCRIPTION" in old:
        event.add("description", ics_text(str(old["DESCRIPTION"])))
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED")
    event.add("sequence", sequence(event, (earlier.sequence, earlier.seen)))
    return event


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
        str(parsed.get("STATUS", "")),  # "" for a live event, as exports before STATUS had
    )


@dataclass(frozen=True)
class Earlier:
    """An event of the earlier export: its SEQUENCE, what a person saw of it, and itself
    (to be published as cancelled if this export no longer holds it)."""

    sequence: int
    seen: tuple[object, ...]
    event: object


def previous_events(previous: bytes | None) -> dict[str, Earlier]:
    """UID → the event of an earlier export, in its order; nothing when there is none or it
    does not parse (then every event starts again at 0, which a client still accepts as new,
    and nothing can be cancelled)."""
    if not previous:
        return {}
    from icalendar import Calendar

    try:
        old = Calendar.from_ical(previous)
    except ValueError:
        return {}
    found: dict[str, Earlier] = {}
    for event in old.walk("VEVENT"):
        try:
            event.decoded("DTSTART")
            found[str(event["UID"])] = Earlier(int(event.get("SEQUENCE", 0)), fingerprint(event), event)
        except (KeyError, ValueError, TypeError):
            continue
    return found


def sequence(event: object, before: "Earlier | tuple[int, tuple[object, ...]] | None") -> int:
    if before is None:
        return 0
    number, seen = (before.sequence, before.seen) if isinstance(before, Earlier) else before
    return number if fingerprint(event) == seen else number + 1
