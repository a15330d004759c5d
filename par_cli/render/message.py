"""`par due --unit ID --format md`: a short message a head of unit reads on a phone.

Not a table (a phone cannot show eight columns): what is overdue, then what falls due in the
coming days, one line each with the last day, the days left and the criterion's points, and
the points at stake. Markdown as Zalo and most chat apps show it: ``*bold*`` and ``-`` lists.
"""

from __future__ import annotations

import datetime as dt

from par_cli.deadlines.occurrences import PlanOccurrence
from par_cli.i18n import Lang, fmt_date, fmt_number, t
from par_cli.plan.model import Plan
from par_cli.plan.points import points
from par_cli.plan.units import names
from par_cli.render.safe import md_text
from par_cli.render.views import days_text


def unit_message(plan: Plan, unit: str, shown: list[PlanOccurrence], today: dt.date, days: int, lang: Lang) -> str:
    overdue = [item for item in shown if item.overdue(today)]
    coming = [item for item in shown if not item.overdue(today)]
    # Plan text is shown as text: a unit name or a task cannot forge a line, a bold figure or
    # a link in the chat message (`render.safe.md_text`).
    lines = [t("due.msg.title", lang, unit=md_text(names(plan, [unit])), today=fmt_date(today, lang))]
    if not shown:
        lines.append(t("due.msg.nothing", lang))
    for heading, group in ((t("due.msg.overdue", lang, count=len(overdue)), overdue), (t("due.msg.coming", lang, days=days, count=len(coming)), coming)):
        if not group:
            continue
        lines.append("")
        lines.append(heading)
        for item in group:
            lines.append(
                t(
                    "due.msg.item",
                    lang,
                    id=md_text(item.criterion.id),
                    what=md_text(item.deadline.what),
                    due=fmt_date(item.last_day, lang),
                    left=days_text(item.days_left(today), lang),
                    points=fmt_number(item.criterion.max, lang),
                )
            )
    if shown:
        # A criterion with several occurrences in the list is at stake once.
        stake = {item.criterion.id: item.criterion.max for item in shown}
        lines.append("")
        lines.append(t("due.msg.stake", lang, points=fmt_number(points(sum(stake.values())), lang), count=len(stake)))
    return "\n".join(lines) + "\n"
