"""`par justify` with no id: the criteria whose claimed points lack evidence, as a table.

The list is the core's (`scoring.evidence.needing_explanation`); here it gets its words.
Ids, points and dates are never cut; on a narrow terminal the title goes first, the
explanation wraps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.i18n import Lang, t
from par_cli.render.table import Column, TableView

if TYPE_CHECKING:
    from par_cli.scoring.evidence import Missing


def justify_view(missing: "list[Missing]", titles: dict[str, str], lang: Lang, machine: bool = False) -> TableView:
    columns = [
        Column("criterion", t("score.col.id", lang), "id"),
        Column("title", t("score.col.title", lang), max_width=40, optional=1),
        Column("points", t("justify.col.points", lang), "points"),
        Column("why", t("justify.col.why", lang), max_width=48),
        Column("explained", t("justify.col.explained", lang), "date"),
        Column("explanation", t("justify.col.explanation", lang), max_width=60),
    ]
    rows = [
        {
            "criterion": item.criterion_id,
            "title": titles.get(item.criterion_id, ""),
            "points": item.points,
            "why": item.why if machine else t("why." + item.why, lang),
            "explained": item.explanation.date if item.explanation else None,
            "explanation": item.explanation.text if item.explanation else ("" if machine else "—"),
        }
        for item in missing
    ]
    return TableView(t("justify.title", lang), columns, rows, footer=[] if missing else [t("justify.none", lang)])
