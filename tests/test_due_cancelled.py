"""Events that leave the calendar are published as cancelled, so a calendar that imported an
earlier export does not keep them (issue 16's open point: "events that leave the calendar are
not sent as cancelled"). The earlier export at ``--output`` is the state, as for SEQUENCE."""

from __future__ import annotations

import datetime as dt
import subprocess

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from par_cli.cli import app
from par_cli.reading.reader import load_plan
from par_cli.render.ics import calendar, uid
from par_cli.state.as_of import plan_state
from tests.conftest import BUNDLED
from tests.edit_support import par_executable, subprocess_env
from tests.test_due_reminders import UID_1_1, UID_1_2_Q1, by_uid, export

DONE_1_2_Q1 = ["done", "1.2", "--occurrence", "2024-03-12", "--date", "2024-03-08"]  # as of 10/03/2024 (--today), done


def test_a_completed_occurrence_leaves_the_calendar_as_cancelled_and_stays_so(runner, tmp_path, plan_copy):
    target = tmp_path / "han.ics"
    first = by_uid(export(runner, target, "--today", "2024-03-10", plan=plan_copy))
    assert str(first[UID_1_2_Q1]["SUMMARY"]) == "1.2 Báo cáo CCHC định kỳ hàng quý"

    # 1.2's first quarterly report is done: the calendar of the work not done drops it.
    done = runner.invoke(app, [*DONE_1_2_Q1, "--plan", str(plan_copy)])
    assert done.exit_code == 0, done.output
    second = by_uid(export(runner, target, "--today", "2024-03-10", plan=plan_copy))

    # Still there, as cancelled: the same UID and day, the words as subscribers saw them, no
    # alarm to ring, and SEQUENCE 0 + 1 = 1 so a client takes the change.
    event = second[UID_1_2_Q1]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == dt.date(2024, 3, 11) == first[UID_1_2_Q1].decoded("DTSTART")
    assert event.decoded("DTEND") == dt.date(2024, 3, 12)
    assert str(event["SUMMARY"]) == str(first[UID_1_2_Q1]["SUMMARY"])
    assert str(event["DESCRIPTION"]) == str(first[UID_1_2_Q1]["DESCRIPTION"])
    assert event.walk("VALARM") == []
    # Every other event as it was: live, no STATUS, SEQUENCE 0.
    assert set(second) == set(first)  # (the cancelled one now comes last)
    assert {(str(e.get("STATUS", "")), int(e["SEQUENCE"])) for uid, e in second.items() if uid != UID_1_2_Q1} == {("", 0)}

    # Exported again: still cancelled, SEQUENCE still 1 (nothing changed), so a client that
    # missed the last export learns it from this one.
    third = by_uid(export(runner, target, "--today", "2024-03-10", plan=plan_copy))
    assert (str(third[UID_1_2_Q1]["STATUS"]), int(third[UID_1_2_Q1]["SEQUENCE"])) == ("CANCELLED", 1)
    assert set(third) == set(first)


def test_an_event_that_comes_back_is_live_again_with_a_higher_sequence(runner, tmp_path, plan_copy):
    target = tmp_path / "han.ics"
    original = plan_copy.read_text(encoding="utf-8")
    export(runner, target, "--today", "2024-03-10", plan=plan_copy)
    assert runner.invoke(app, [*DONE_1_2_Q1, "--plan", str(plan_copy)]).exit_code == 0
    export(runner, target, "--today", "2024-03-10", plan=plan_copy)
    plan_copy.write_text(original, encoding="utf-8")  # the record was a mistake: taken out again

    back = by_uid(export(runner, target, "--today", "2024-03-10", plan=plan_copy))[UID_1_2_Q1]
    assert "STATUS" not in back
    assert int(back["SEQUENCE"]) == 2  # 0 live, 1 cancelled, 2 live again
    assert len(back.walk("VALARM")) == 2


def test_a_moved_deadline_cancels_the_old_date_and_adds_the_new(runner, tmp_path, plan_copy):
    target = tmp_path / "han.ics"
    export(runner, target, plan=plan_copy)
    plan_copy.write_text(plan_copy.read_text(encoding="utf-8").replace("before: 2024-01-05", "before: 2024-01-10", 1), encoding="utf-8")
    after = by_uid(export(runner, target, plan=plan_copy))
    moved = "1163-KH-SGTVT-1.1-ke-hoach-20240110@par"
    assert "STATUS" not in after[moved] and int(after[moved]["SEQUENCE"]) == 0
    assert str(after[UID_1_1]["STATUS"]) == "CANCELLED" and int(after[UID_1_1]["SEQUENCE"]) == 1
    # Exclusive "before 05/01" ends on 04/01, "before 10/01" on 09/01.
    assert after[UID_1_1].decoded("DTSTART") == dt.date(2024, 1, 4)
    assert after[moved].decoded("DTSTART") == dt.date(2024, 1, 9)


def test_on_stdout_there_is_no_earlier_export_so_nothing_is_cancelled(runner, plan_copy):
    assert runner.invoke(app, [*DONE_1_2_Q1, "--plan", str(plan_copy)]).exit_code == 0
    result = runner.invoke(app, ["due", "--format", "ics", "--today", "2024-03-10", "--plan", str(plan_copy)])
    assert result.exit_code == 0
    events = by_uid(Calendar.from_ical(result.stdout))
    assert UID_1_2_Q1 not in events
    assert all("STATUS" not in event for event in events.values())


def test_through_the_installed_script(tmp_path, plan_copy):
    target = tmp_path / "han.ics"

    def run(*args: str) -> None:
        done = subprocess.run([par_executable(), *args, "--plan", str(plan_copy)], capture_output=True, text=True, env=subprocess_env(), timeout=120)
        assert done.returncode == 0, done.stderr

    run("due", "--format", "ics", "--today", "2024-03-10", "--output", str(target))
    run(*DONE_1_2_Q1)
    run("due", "--format", "ics", "--today", "2024-03-10", "--output", str(target))
    event = by_uid(Calendar.from_ical(target.read_bytes()))[UID_1_2_Q1]
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CANCELLED", 1)


# --- the invariant, over random runs of exports ---------------------------------------------------

_PLAN = load_plan(BUNDLED).plan
_ITEMS = plan_state(_PLAN, dt.date(2024, 1, 1)).occurrences_for(None)
_NOW = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sets(st.integers(0, len(_ITEMS) - 1), max_size=12), min_size=1, max_size=4))
def test_every_event_ever_exported_stays_and_its_sequence_never_falls(exports):
    # Each export holds a random subset of the year's occurrences and is written over the last.
    previous: bytes | None = None
    ever: dict[str, int] = {}
    for chosen in exports:
        text = calendar(_PLAN, [_ITEMS[index] for index in sorted(chosen)], "vi", "Hạn", _NOW, (7, 1), previous)
        events = by_uid(Calendar.from_ical(text))
        live = {str(event["UID"]) for event in events.values() if "STATUS" not in event}
        assert live == {uid(_PLAN, _ITEMS[index]) for index in chosen}
        # Nothing a subscriber once saw is forgotten: what left is there, cancelled.
        assert set(ever) <= set(events)
        assert all(str(event["STATUS"]) == "CANCELLED" for key, event in events.items() if key not in live)
        for key, event in events.items():
            assert int(event["SEQUENCE"]) >= ever.get(key, 0)
            ever[key] = int(event["SEQUENCE"])
        previous = text.encode("utf-8")
