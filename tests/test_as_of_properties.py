"""The invariant of issue 11: a record dated after D changes no output as of D.

Hypothesis draws random sequences of records on the bundled plan (readings, completions,
score stages, evidence, each dated from December 2023 to mid-2025, some marked final) and a
day D. The plan with every record and the plan with only those dated on or before D (same
order) must give the same JSON of `par score` (whole and one unit's, and `--explain` of every
criterion touched), `par gap`, `par due` (the window, `--all`, and the ICS calendar), `par
units` and the Markdown of `par report`, all as of D. The outputs are built by the same
functions the commands call, in-process, so several hundred examples stay fast.

A second test walks every day of 2024 over a scripted year of progress and checks that
score, due, units and report agree on what is overdue and what falls due.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from par_cli.commands.due import due_items
from par_cli.render.json import due_payload, gap_payload, score_payload, to_json, units_payload
from par_cli.deadlines.occurrences import occurrences
from par_cli.plan.model import Plan
from par_cli.plan.tree import walk
from par_cli.plan.units import unit_criteria
from par_cli.reading.reader import load_plan
from par_cli.render.ics import calendar
from par_cli.render.report import RENDERERS
from par_cli.scoring.briefing import build_report
from par_cli.scoring.gap import gap_report
from par_cli.scoring.responsibilities import units_table
from par_cli.scoring.explain import explanation
from par_cli.scoring.scorer import score_plan
from par_cli.state import plan_state
from tests.conftest import BUNDLED

PATH = Path("plans/2024.yaml")
BASE = load_plan(BUNDLED).plan
BASE_DATA = BASE.model_dump(mode="python", exclude_defaults=True)
LEAVES = [node.criterion for node in walk(BASE) if not node.criterion.children]
MEASURED = [criterion for criterion in LEAVES if criterion.measures]
TIMED = [criterion for criterion in LEAVES if criterion.deadlines]
STAGES = ["self_assessment", "appraisal_1", "explanation", "appraisal_2", "final"]
NOW = dt.datetime(2025, 7, 1, tzinfo=dt.timezone.utc)

days = st.dates(dt.date(2023, 12, 1), dt.date(2025, 6, 30))


def value_for(measure):
    if measure.kind == "yes_no":
        return st.booleans()
    if measure.kind == "level":
        return st.sampled_from(measure.levels)
    if measure.kind == "count":
        return st.integers(0, 60)
    if measure.kind == "percent":
        return st.integers(0, 1000).map(lambda tenths: tenths / 10)
    return st.integers(0, 100).map(lambda hundredths: hundredths / 100)


@st.composite
def measurement(draw):
    criterion = draw(st.sampled_from(MEASURED))
    names = draw(st.lists(st.sampled_from(sorted(criterion.measures)), min_size=1, max_size=3, unique=True))
    entry = {"date": draw(days), **{name: draw(value_for(criterion.measures[name])) for name in names}}
    if draw(st.booleans()):
        entry["evidence"] = "BC đo"
    if draw(st.integers(0, 5)) == 0:
        entry["final"] = True
    return criterion.id, "measurements", entry


@st.composite
def completion(draw):
    criterion = draw(st.sampled_from(TIMED))
    deadline = draw(st.sampled_from(criterion.deadlines))
    occurrence = draw(st.sampled_from(occurrences(deadline, 2024)))
    entry = {"deadline": deadline.id, "date": draw(days)}
    if not isinstance(deadline.when, dt.date):
        entry["occurrence"] = occurrence.stated
    if draw(st.booleans()):
        entry["evidence"] = "BC xong"
    return criterion.id, "done", entry


@st.composite
def stage(draw):
    criterion = draw(st.sampled_from(LEAVES))
    points = draw(st.integers(0, int(criterion.max * 4))) / 4
    return criterion.id, "stages", {"stage": draw(st.sampled_from(STAGES)), "date": draw(days), "points": points}


@st.composite
def evidence(draw):
    criterion = draw(st.sampled_from(LEAVES))
    return criterion.id, "evidence", {"date": draw(days), "text": "Công văn"}


records = st.lists(st.one_of(measurement(), completion(), stage(), evidence()), max_size=25)


def with_records(entries) -> Plan:
    data = copy.deepcopy(BASE_DATA)
    by_id = {}

    def index(criteria):
        for criterion in criteria:
            by_id[criterion["id"]] = criterion
            index(criterion.get("children", []))

    for domain in data["domains"]:
        index(domain["criteria"])
    for criterion_id, key, entry in entries:
        progress = by_id[criterion_id].setdefault("progress", {})
        progress.setdefault(key, []).append(dict(entry))
    return Plan.model_validate(data)


def outputs(plan: Plan, day: dt.date, touched: set[str]) -> dict[str, object]:
    """Every command's output as of ``day``, as the commands build it."""
    whole = score_plan(plan, today=day, as_of=day)
    state = plan_state(plan, day)
    found: dict[str, object] = {
        "score": score_payload(PATH, plan, whole, 3),
        "score_unit": score_payload(PATH, plan, score_plan(plan, today=day, as_of=day, unit="van-phong"), 3),
        "gap": gap_payload(PATH, plan, gap_report(plan, today=day, as_of=day)),
        "units": units_payload(PATH, plan, units_table(plan, whole, day), day),
        "report": RENDERERS["md"](build_report(plan, PATH, today=day), "vi"),
        "report_unit": RENDERERS["md"](build_report(plan, PATH, today=day, unit="thanh-tra"), "vi"),
    }
    for everything in (False, True):
        found[f"due_{everything}"] = due_payload(plan, due_items(state, None, 14, everything), day, 14, None)
        mine = unit_criteria(plan, "phap-che")
        found[f"due_unit_{everything}"] = due_payload(plan, due_items(state, mine, 14, everything), day, 14, "phap-che")
    for criterion_id in sorted(touched):
        found[f"explain_{criterion_id}"] = explanation(plan, whole.find(criterion_id), day, day)
    return json.loads(json.dumps(to_json(found), default=str))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(entries=records, day=st.dates(dt.date(2024, 1, 1), dt.date(2025, 3, 31)))
def test_records_after_the_day_change_nothing_as_of_it(entries, day):
    def dated(entry) -> dt.date:
        return entry[2]["date"]

    kept = [entry for entry in entries if dated(entry) <= day]
    touched = {criterion_id for criterion_id, _, _ in entries}
    assert outputs(with_records(entries), day, touched) == outputs(with_records(kept), day, touched)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(entries=records, day=st.dates(dt.date(2024, 1, 1), dt.date(2025, 3, 31)))
def test_the_calendar_as_of_a_day_ignores_later_records(entries, day):
    """The ICS export (the year's work not done as of the day, and with --all everything).
    Fewer examples: building the calendar's time zone costs more than scoring the plan."""
    kept = [entry for entry in entries if entry[2]["date"] <= day]

    def ics(plan: Plan) -> list[str]:
        state = plan_state(plan, day)
        return [calendar(plan, due_items(state, None, 14, everything, calendar=True), "vi", "par", NOW) for everything in (False, True)]

    assert ics(with_records(entries)) == ics(with_records(kept))


# --- a scripted year, walked day by day ---------------------------------------------------------

SCRIPT = [
    ("1.1", "done", {"deadline": "ke-hoach", "date": dt.date(2024, 1, 8)}),  # late (last day 04/01)
    ("2.2.1", "done", {"deadline": "ke-hoach", "date": dt.date(2024, 1, 12)}),
    ("1.2", "done", {"deadline": "bao-cao-quy", "occurrence": dt.date(2024, 3, 12), "date": dt.date(2024, 3, 11)}),
    ("1.4", "measurements", {"date": dt.date(2024, 3, 10), "initiatives": 1}),
    ("1.2", "done", {"deadline": "bao-cao-quy", "occurrence": dt.date(2024, 6, 12), "date": dt.date(2024, 6, 14)}),
    ("6.3", "done", {"deadline": "quyet-toan", "occurrence": dt.date(2024, 6, 30), "date": dt.date(2024, 6, 25)}),
    ("7.2", "measurements", {"date": dt.date(2024, 6, 30), "full_process_pct": 45, "online_dossier_pct": 58.2}),
    ("1.2", "done", {"deadline": "bao-cao-quy", "occurrence": dt.date(2024, 9, 12), "date": dt.date(2024, 9, 5)}),
    ("2.2.3", "done", {"deadline": "bao-cao", "date": dt.date(2024, 11, 20)}),  # late (last day 14/11)
    ("1.2", "done", {"deadline": "bao-cao-quy", "occurrence": dt.date(2024, 12, 12), "date": dt.date(2024, 12, 10)}),
]


@pytest.mark.parametrize("step", [1])
def test_a_scripted_year_day_by_day_agrees_everywhere(step):
    plan = with_records(SCRIPT)
    day = dt.date(2024, 1, 1)
    while day.year == 2024:
        state = plan_state(plan, day)
        score = score_plan(plan, today=day, as_of=day)
        # What is overdue: by the due list (window and --all), by the score, by units, by the report.
        due_window = due_items(state, None, 14, False)
        due_all = due_items(state, None, 14, True)
        overdue_due = {item.criterion.id for item in due_window if item.overdue(day)}
        assert overdue_due == {item.criterion.id for item in due_all if item.state == "overdue"}
        assert overdue_due == {leaf.id for leaf in score.leaves() if leaf.status == "overdue"}, day
        table = units_table(plan, score, day)
        by_unit = {load.unit.id: load for load in table.loads}
        occurrences_overdue = [item for item in state.occurrences if item.state == "overdue"]
        for unit_id in ("van-phong", "phap-che", "ke-hoach-tai-chinh"):
            led = [item for item in occurrences_overdue if unit_id in item.criterion.lead]
            assert by_unit[unit_id].overdue == len(led), (day, unit_id)
        report = build_report(plan, PATH, today=day, days=14)
        assert report.overdue_count == sum(len(item.criterion.lead or [None]) for item in occurrences_overdue)
        falling_due = {(item.criterion.id, item.last_day) for item in due_window if not item.overdue(day)}
        assert falling_due == {(group_item.criterion_id, group_item.last_day) for group in report.deadlines for group_item in group.due}
        next_due = min((item.last_day for item in state.occurrences if item.state == "open" and "ke-hoach-tai-chinh" in item.criterion.lead), default=None)
        assert by_unit["ke-hoach-tai-chinh"].next_due == next_due
        day += dt.timedelta(days=step)
