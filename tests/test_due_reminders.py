"""Reminders that work in Outlook and Google Calendar: alarms, a SEQUENCE that grows when an
event changes (so a re-imported calendar updates rather than duplicates), per-unit
calendars, and the short phone message of `par due --unit ID --format md`."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from icalendar import Calendar

from par_cli.cli import app
from tests.conftest import BUNDLED
from tests.edit_support import AFTER_1_2, par_executable, subprocess_env

UID_1_2_Q1 = "1163-KH-SGTVT-1.2-bao-cao-quy-20240312@par"
UID_1_1 = "1163-KH-SGTVT-1.1-ke-hoach-20240105@par"


def export(runner, target: Path, *args: str, plan: Path = BUNDLED) -> Calendar:
    result = runner.invoke(app, ["due", "--format", "ics", "--output", str(target), "--plan", str(plan), *args])
    assert result.exit_code == 0, result.output
    return Calendar.from_ical(target.read_bytes())


def by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_default_alarms_seven_and_one_day_before_at_eight(runner, tmp_path):
    event = by_uid(export(runner, tmp_path / "c.ics"))[UID_1_2_Q1]
    alarms = event.walk("VALARM")
    assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY", "DISPLAY"]
    # The all-day event starts at 00:00 on 11/03 (the last day on time); 08:00 seven days
    # before is 00:00 − 7 days + 8 hours = −6 days 16 hours; one day before: −16 hours.
    assert [a.decoded("TRIGGER") for a in alarms] == [-dt.timedelta(days=6, hours=16), -dt.timedelta(hours=16)]
    assert str(alarms[0]["DESCRIPTION"]) == "Còn 7 ngày: 1.2 Báo cáo CCHC định kỳ hàng quý"
    start = dt.datetime.combine(event.decoded("DTSTART"), dt.time())
    assert [start + a.decoded("TRIGGER") for a in alarms] == [dt.datetime(2024, 3, 4, 8), dt.datetime(2024, 3, 10, 8)]


def test_remind_option(runner, tmp_path):
    event = by_uid(export(runner, tmp_path / "c.ics", "--remind", "14,3,0"))[UID_1_2_Q1]
    triggers = [a.decoded("TRIGGER") for a in event.walk("VALARM")]
    assert triggers == [dt.timedelta(days=-14, hours=8), dt.timedelta(days=-3, hours=8), dt.timedelta(hours=8)]
    assert "Hôm nay là hạn cuối" in str(event.walk("VALARM")[2]["DESCRIPTION"])
    none = by_uid(export(runner, tmp_path / "d.ics", "--remind", "none"))[UID_1_2_Q1]
    assert none.walk("VALARM") == []
    bad = runner.invoke(app, ["due", "--format", "ics", "--remind", "7,một", "--plan", str(BUNDLED)])
    assert bad.exit_code == 2 and "--remind" in bad.output


def test_done_work_rings_no_alarm(runner, tmp_path, plan_copy):
    text = plan_copy.read_text(encoding="utf-8").replace(
        AFTER_1_2, AFTER_1_2 + "        progress:\n          done:\n            - {deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-08}\n"
    )
    plan_copy.write_text(text, encoding="utf-8")
    event = by_uid(export(runner, tmp_path / "c.ics", "--all", plan=plan_copy))[UID_1_2_Q1]
    assert event.walk("VALARM") == []


def test_sequence_grows_only_for_changed_events_and_uids_stay(runner, tmp_path, plan_copy):
    target = tmp_path / "han.ics"
    first = by_uid(export(runner, target, "--all", plan=plan_copy))
    assert {int(event["SEQUENCE"]) for event in first.values()} == {0}

    # Exporting over it again with nothing changed: every SEQUENCE stays 0, the UIDs are the same.
    second = by_uid(export(runner, target, "--all", plan=plan_copy))
    assert list(second) == list(first)
    assert {int(event["SEQUENCE"]) for event in second.values()} == {0}

    # 1.2's first report is done: its summary and description change; nothing else does.
    text = plan_copy.read_text(encoding="utf-8").replace(
        AFTER_1_2, AFTER_1_2 + "        progress:\n          done:\n            - {deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-08}\n"
    )
    plan_copy.write_text(text, encoding="utf-8")
    third = by_uid(export(runner, target, "--all", plan=plan_copy))
    assert list(third) == list(first)
    assert int(third[UID_1_2_Q1]["SEQUENCE"]) == 1
    assert str(third[UID_1_2_Q1]["SUMMARY"]).startswith("✓")
    assert {int(e["SEQUENCE"]) for uid, e in third.items() if uid != UID_1_2_Q1} == {0}

    # The deadline of 1.1 moves from 05/01 to 10/01: its date changes, the UID (built from
    # the stated date) is a new event; other events keep their numbers, 1.2's stays at 1.
    plan_copy.write_text(plan_copy.read_text(encoding="utf-8").replace("before: 2024-01-05", "before: 2024-01-10", 1), encoding="utf-8")
    fourth = by_uid(export(runner, target, "--all", plan=plan_copy))
    assert int(fourth[UID_1_2_Q1]["SEQUENCE"]) == 1
    moved = "1163-KH-SGTVT-1.1-ke-hoach-20240110@par"
    assert moved in fourth and int(fourth[moved]["SEQUENCE"]) == 0
    # The event of the old date is published as cancelled (tests/test_due_cancelled.py).
    assert str(fourth[UID_1_1]["STATUS"]) == "CANCELLED" and int(fourth[UID_1_1]["SEQUENCE"]) == 1

    # Changing the reminders changes what the client shows: SEQUENCE + 1 for the events with alarms.
    fifth = by_uid(export(runner, target, "--all", "--remind", "3", plan=plan_copy))
    assert int(fifth[UID_1_2_Q1]["SEQUENCE"]) == 1  # done: no alarm, unchanged
    assert int(fifth[moved]["SEQUENCE"]) == 1


def test_sequence_with_the_description_text_changed(runner, tmp_path, plan_copy):
    target = tmp_path / "han.ics"
    export(runner, target, plan=plan_copy)
    plan_copy.write_text(
        plan_copy.read_text(encoding="utf-8").replace('what: "Báo cáo CCHC định kỳ hàng quý"', 'what: "Báo cáo CCHC hàng quý"'), encoding="utf-8"
    )
    after = by_uid(export(runner, target, plan=plan_copy))
    quarterly = [uid for uid in after if "-1.2-bao-cao-quy-" in uid]
    assert len(quarterly) == 4
    assert {int(after[uid]["SEQUENCE"]) for uid in quarterly} == {1}
    assert int(after[UID_1_1]["SEQUENCE"]) == 0


def test_one_calendar_per_unit(runner, tmp_path):
    finance = export(runner, tmp_path / "khtc.ics", "--unit", "ke-hoach-tai-chinh")
    assert str(finance["X-WR-CALNAME"]).endswith(": Phòng Kế hoạch - Tài chính - Thẩm định")
    everything = by_uid(export(runner, tmp_path / "all.ics"))
    # The unit's events are the department's events, with the same UIDs: one task is one event
    # whichever calendar a person subscribes to.
    assert set(by_uid(finance)) <= set(everything)
    assert "1163-KH-SGTVT-6.3-quyet-toan-20240930@par" in by_uid(finance) or any("-6.3-" in uid for uid in by_uid(finance))


def test_phone_message_for_a_unit(runner):
    result = runner.invoke(app, ["due", "--unit", "van-phong", "--format", "md", "--today", "2024-03-05", "--plan", str(BUNDLED)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "*Văn phòng Sở*: việc CCHC, ngày 05/03/2024"
    # Văn phòng's own work (issue 11: "Các phòng, đơn vị" as support does not put 2.2.1, 2.3.1,
    # 2.3.2 on its list): 7.1 and 1.1 overdue.
    assert "Quá hạn (2):" in lines
    # 1.1: before 05/01/2024 → last day 04/01; on 05/03 that is 61 days late (27 + 29 + 5).
    assert "- 1.1 Ban hành Kế hoạch CCHC năm 2024: hạn 04/01/2024, trễ 61 ngày (2 đ)" in lines
    assert "Đến hạn trong 14 ngày tới (1):" in lines
    assert "- 1.2 Báo cáo CCHC định kỳ hàng quý: hạn 11/03/2024, còn 6 ngày (1 đ)" in lines
    # At stake: 7.1 (0,5) + 1.1 (2) + 1.2 (1) = 3,5
    assert lines[-1] == "Điểm liên quan: 3,5 điểm (3 tiêu chí)."
    assert not any("|" in line for line in lines)  # no table: a phone cannot show one


def test_phone_message_in_english_and_when_nothing_is_due(runner, plan_copy):
    result = runner.invoke(app, ["due", "--unit", "ke-hoach-tai-chinh", "--format", "md", "--today", "2024-02-01", "--days", "3", "--lang", "en", "--plan", str(BUNDLED)])
    assert result.exit_code == 0
    assert result.stdout.startswith("*Phòng Kế hoạch - Tài chính - Thẩm định*: reform work, 01/02/2024")


def test_calendar_through_the_installed_script(tmp_path):
    target = tmp_path / "han.ics"
    args = [par_executable(), "due", "--format", "ics", "--output", str(target), "--plan", str(BUNDLED)]
    assert subprocess.run(args, capture_output=True, env=subprocess_env()).returncode == 0
    assert subprocess.run(args, capture_output=True, env=subprocess_env()).returncode == 0
    calendar = Calendar.from_ical(target.read_bytes())
    assert {int(event["SEQUENCE"]) for event in calendar.walk("VEVENT")} == {0}
    assert all(len(event.walk("VALARM")) == 2 for event in calendar.walk("VEVENT"))
