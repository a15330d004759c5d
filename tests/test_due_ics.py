"""`par due --format ics`: the calendar parses back with the icalendar library and holds the
same occurrences as the JSON, with UIDs that do not change from one export to the next."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from icalendar import Calendar

from par_cli.cli import app
from tests.conftest import BUNDLED


def export(runner, *args: str, plan: Path = BUNDLED) -> Calendar:
    result = runner.invoke(app, ["due", "--format", "ics", "--today", "2024-03-01", "--plan", str(plan), *args])
    assert result.exit_code == 0, result.output
    return Calendar.from_ical(result.stdout)


def events(calendar: Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in events(calendar)}


def test_calendar_header(runner):
    calendar = export(runner)
    assert str(calendar["VERSION"]) == "2.0"
    assert "par" in str(calendar["PRODID"])
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(calendar["X-WR-CALNAME"]) == "Hạn CCHC 2024 (1163/KH-SGTVT)"


def test_the_whole_year_not_only_the_window(runner):
    # People subscribe to the year: all 11 occurrences of 2024 (see test_due_command), not
    # the 6 rows of the 14-day list on 01/03.
    json_all = json.loads(runner.invoke(app, ["due", "--all", "--format", "json", "--today", "2024-03-01", "--plan", str(BUNDLED)]).stdout)
    calendar = export(runner)
    assert len(events(calendar)) == len(json_all["items"]) == 11
    expected = sorted((item["id"], item["due"]) for item in json_all["items"])
    found = sorted((str(event["SUMMARY"]).split(" ")[0], event.decoded("DTSTART").isoformat()) for event in events(calendar))
    assert found == expected


def test_one_all_day_event_on_the_last_day(runner):
    event = by_uid(export(runner))["1163-KH-SGTVT-1.2-bao-cao-quy-20240312@par"]
    # Before 12/03/2024 → an all-day event on 11/03 (DTEND is exclusive: 12/03).
    assert event.decoded("DTSTART") == dt.date(2024, 3, 11)
    assert event.decoded("DTEND") == dt.date(2024, 3, 12)
    assert str(event["SUMMARY"]) == "1.2 Báo cáo CCHC định kỳ hàng quý"
    description = str(event["DESCRIPTION"])
    assert "Tiêu chí 1.2: Thực hiện chế độ báo cáo CCHC định kỳ" in description
    assert "trước ngày 12/03/2024, hạn cuối 11/03/2024" in description
    assert "Chủ trì: Văn phòng Sở" in description
    assert "Phối hợp: Các phòng, đơn vị" in description
    assert "Điểm tối đa: 1" in description
    assert event.decoded("DTSTAMP").tzinfo is not None


def test_uids_are_stable_and_unique(runner):
    first, second = by_uid(export(runner)), by_uid(export(runner))
    assert list(first) == list(second)
    assert len(set(first)) == 11
    assert "1163-KH-SGTVT-7.1-ke-hoach-cds-20240101@par" in first  # stated 01/01/2024, on 31/12/2023
    assert first["1163-KH-SGTVT-7.1-ke-hoach-cds-20240101@par"].decoded("DTSTART") == dt.date(2023, 12, 31)


def test_done_occurrences_leave_the_calendar_unless_all(runner, plan_copy):
    text = plan_copy.read_text(encoding="utf-8")
    text = text.replace(
        "            before: {every: quarter, day: 12}\n",
        "            before: {every: quarter, day: 12}\n        progress:\n          done:\n"
        '            - {deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-08, evidence: "Báo cáo số 45/BC-SGTVT"}\n',
    )
    plan_copy.write_text(text, encoding="utf-8")
    uid = "1163-KH-SGTVT-1.2-bao-cao-quy-20240312@par"
    # As of 01/03 the report dated 08/03 is not done yet: the calendar of that day still holds it.
    assert uid in by_uid(export(runner, plan=plan_copy))
    remaining = by_uid(export(runner, "--today", "2024-03-08", plan=plan_copy))
    assert len(remaining) == 10 and uid not in remaining
    everything = by_uid(export(runner, "--all", "--today", "2024-03-08", plan=plan_copy))
    assert len(everything) == 11
    assert str(everything[uid]["SUMMARY"]).startswith("✓ 1.2 ")
    assert "Đã xong ngày 08/03/2024" in str(everything[uid]["DESCRIPTION"])
    assert "Báo cáo số 45/BC-SGTVT" in str(everything[uid]["DESCRIPTION"])


def test_unit_and_english(runner):
    calendar = export(runner, "--unit", "phap-che", "--lang", "en")
    assert str(calendar["X-WR-CALNAME"]) == "PAR deadlines 2024 (1163/KH-SGTVT): Cán bộ pháp chế (Thanh tra Sở)"
    event = by_uid(calendar)["1163-KH-SGTVT-2.2.3-bao-cao-20241115@par"]
    assert "Deadline: before 15/11/2024, last day 14/11/2024" in str(event["DESCRIPTION"])
    assert "Lead: Cán bộ pháp chế (Thanh tra Sở)" in str(event["DESCRIPTION"])


def test_output_file_and_unwritable_path(runner, tmp_path):
    target = tmp_path / "han-cchc.ics"
    result = runner.invoke(app, ["due", "--format", "ics", "--output", str(target), "--plan", str(BUNDLED)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")  # RFC 5545 line ends kept
    assert len(events(Calendar.from_ical(target.read_bytes()))) == 11

    for unwritable in (tmp_path / "khong-co" / "han.ics", tmp_path):
        failed = runner.invoke(app, ["due", "--format", "ics", "--output", str(unwritable), "--plan", str(BUNDLED)])
        assert failed.exit_code == 2
        assert str(unwritable) in failed.output
        assert "Traceback" not in failed.output


def test_fail_on_overdue_with_ics(runner):
    result = runner.invoke(app, ["due", "--format", "ics", "--today", "2024-03-01", "--fail-on-overdue", "--plan", str(BUNDLED)])
    assert result.exit_code == 1
    assert Calendar.from_ical(result.stdout)  # the calendar is still written
