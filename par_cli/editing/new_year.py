"""Next year's plan from this year's (`par new-year`): same framework, same units, year + 1.

What this year scored becomes next year's baseline (the stage that counts, the final result
when it is recorded, and the last reading of each measure); the published result and rank
come from the user; recurring deadlines carry over, one-off deadlines move a year and say
so; progress starts empty; every assumption is kept and marked for review, since it was made
for this year. The old file's comments and layout are kept (ruamel.yaml round trip).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from par_cli.plan.model import Criterion, Plan
from par_cli.plan.tree import walk
from par_cli.state.as_of import latest_readings, stage_that_counts


@dataclass(frozen=True)
class Rollover:
    text: str
    year: int
    baselines: int
    moved: int
    review: int
    previous_given: bool


def last_readings(plan: Plan, criterion: Criterion) -> dict[str, object]:
    """The year's last value of each measure (`par_cli.state`'s latest reading with every
    record counted), in the order the measures are declared: the order the baseline's
    ``observed`` list is written in."""
    readings = latest_readings(plan, criterion, dt.date.max)
    order = list(criterion.measures)
    return {name: readings[name].value for name in sorted(readings, key=lambda n: order.index(n) if n in order else len(order))}


_STAGE_WORDS = {
    "self_assessment": "tự đánh giá",
    "appraisal_1": "thẩm định lần 1",
    "explanation": "giải trình",
    "appraisal_2": "thẩm định lần 2",
    "final": "kết quả chính thức",
}


def roll_over(plan: Plan, text: str, previous: float | None = None, rank: tuple[int, int] | None = None) -> Rollover:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    year, new_year = plan.year, plan.year + 1
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(text)
    review = _mark_for_review(data, f"[Xem lại cho năm {new_year}] ")

    def flow_map(**items: Any) -> Any:
        mapping = CommentedMap(items)
        mapping.fa.set_flow_style()
        return mapping

    baselines = moved = 0
    for node in walk(plan):
        criterion = node.criterion
        target = _at(data, node.loc)
        target.pop("progress", None)
        if criterion.children:
            target.pop("baseline", None)
        else:
            # The stage `par score` counts once every record is in (dated after the year too:
            # the appraisals and the final result come in the year after).
            stage = stage_that_counts(criterion, dt.date.max)
            points: Any = "unknown"
            why = None
            if stage is not None and stage.legacy:
                points = stage.points
                why = f"Điểm {'thẩm định' if stage.appraised else 'tự đánh giá'} năm {year} (chưa có kết quả chính thức)"
            elif stage is not None:
                points = stage.points
                why = f"Điểm năm {year} theo {_STAGE_WORDS[stage.stage]} ngày {stage.date:%d/%m/%Y}"
                if stage.stage != "final":
                    why += "; chưa có kết quả chính thức"
            readings = last_readings(plan, criterion)
            baseline = flow_map(points=points)
            if readings:
                observed = CommentedSeq(flow_map(measure=name, value=value) for name, value in readings.items())
                observed.fa.set_flow_style()
                baseline["observed"] = observed
                why = (why + "; " if why else "") + f"số đo là lần ghi cuối cùng năm {year}"
            if why:
                baseline["assumption"] = f"Kết quả năm {year} do par new-year lấy từ tiến độ đã ghi: {why}."
                baselines += 1 if points != "unknown" else 0
            target["baseline"] = baseline
        for index, deadline in enumerate(criterion.deadlines):
            entry = target["deadlines"][index]
            key = "before" if deadline.before is not None else "by"
            when = deadline.when
            if isinstance(when, dt.date):
                moved_to = _next_year(when)
                entry[key] = moved_to
                note = f"Thời hạn năm {year} là {when:%d/%m/%Y}; giả định năm {new_year} cùng ngày ({moved_to:%d/%m/%Y}), cần đối chiếu kế hoạch năm {new_year}."
                entry["assumption"] = f"{entry['assumption']} {note}" if entry.get("assumption") else note
                moved += 1
    data["year"] = new_year
    if isinstance(data.get("title"), str) and str(year) in data["title"]:
        data["title"] = type(data["title"])(data["title"].replace(str(year), str(new_year)))
    if "previous" in data:
        old_rank = plan.previous.rank if plan.previous is not None else None
        del data["previous"]
    else:
        old_rank = None
    if previous is not None and rank is not None:
        result = flow_map(points=previous, percent=round(previous / plan.index_max * 100, 2), rank=rank[0], of=rank[1])
        if old_rank is not None:
            result["rank_change"] = old_rank - rank[0]
        data.insert(list(data).index("index_max") + 1, "previous", result)
    if plan.outside_table is not None:
        data["outside_table"]["baseline"] = flow_map(points="unknown")
    # Bonus and penalty items and the report's number, date and part III belong to the year
    # that ends; the caps, the heading, the signer and the recipients carry over.
    for key, kept in (("adjustments", ("bonus", "penalty")), ("report", ("number", "date", "difficulties", "recommendations"))):
        if isinstance(data.get(key), dict):
            for name in kept:
                data[key].pop(name, None)
    stream = io.StringIO()
    yaml.dump(data, stream)
    header = (
        f"# Kế hoạch năm {new_year} do `par new-year` lập từ kế hoạch năm {year}: cùng khung chỉ số và các đơn vị.\n"
        f"# CẦN KIỂM TRA: số, ngày kế hoạch (plan, implements) vẫn là của năm {year}; các giả định ghi "
        f"“[Xem lại cho năm {new_year}]”; thời hạn một lần đã dời sang năm {new_year}.\n"
    )
    return Rollover(header + stream.getvalue(), new_year, baselines, moved, review, previous is not None and rank is not None)


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def _mark_for_review(data: Any, mark: str) -> int:
    """Prefix every assumption (``assumption`` keys, ``assumptions`` values, the plan's
    ``assumptions.why``) with ``mark``; how many."""
    count = 0
    if isinstance(data, dict):
        for key in list(data):
            value = data[key]
            if key in ("assumption", "why") and isinstance(value, str):
                data[key] = type(value)(mark + value) if not value.startswith(mark) else value
                count += 1
            elif key == "assumptions" and isinstance(value, dict) and "unknown_share" not in value and "why" not in value:
                for name in list(value):
                    if isinstance(value[name], str):
                        value[name] = type(value[name])(mark + value[name])
                        count += 1
            else:
                count += _mark_for_review(value, mark)
    elif isinstance(data, list):
        for item in data:
            count += _mark_for_review(item, mark)
    return count
