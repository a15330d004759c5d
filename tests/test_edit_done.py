"""`par done` and `par evidence`: completions of deadlines and their evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.edit_support import AFTER_1_1, AFTER_1_2, AFTER_1_4, BUNDLED, insert_after, par


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "2024.yaml"
    target.write_bytes(BUNDLED.read_bytes())
    return target


def test_a_one_off_deadline_is_done_without_naming_it(plan: Path):
    original = plan.read_text(encoding="utf-8")

    result = par(plan, "done", "1.1", "--date", "2024-01-04", "--evidence", "Kế hoạch số 12/KH-SGTVT ngày 04/01/2024")

    assert result.exit_code == 0, result.output
    # "trước ngày 05/01/2024": the last day on time is the 4th, so the 4th is on time.
    assert result.output == (
        "Đã ghi cho tiêu chí 1.1: hạn 'ke-hoach' lần 05/01/2024 (hạn cuối 04/01/2024) "
        f"hoàn thành ngày 04/01/2024, đúng hạn ({plan})\n"
    )
    added = '        progress:\n          done:\n            - {deadline: ke-hoach, date: 2024-01-04, evidence: "Kế hoạch số 12/KH-SGTVT ngày 04/01/2024"}\n'
    assert plan.read_text(encoding="utf-8") == insert_after(original, AFTER_1_1, added)


def test_the_stated_day_of_a_before_deadline_is_already_late(plan: Path):
    result = par(plan, "done", "1.1", "--date", "2024-01-05", "--lang", "en")

    assert result.exit_code == 0, result.output
    assert result.output == f"Recorded for criterion 1.1: deadline 'ke-hoach' of 05/01/2024 (last day 04/01/2024) done on 05/01/2024, late ({plan})\n"


def test_quarterly_reports_are_recorded_one_occurrence_at_a_time(plan: Path):
    original = plan.read_text(encoding="utf-8")

    # No --occurrence: the earliest not yet done, the report due before 12 March.
    first = par(plan, "done", "1.2", "--date", "2024-03-08", "--evidence", "Báo cáo số 12/BC-SGTVT ngày 08/3/2024")
    # The June report named by its last day on time (the 11th); stored as the stated 12th.
    second = par(plan, "done", "1.2", "--occurrence", "2024-06-11", "--date", "2024-06-14")
    # The next without --occurrence skips the done June one: September.
    third = par(plan, "done", "1.2", "--date", "2024-09-10")

    assert [first.exit_code, second.exit_code, third.exit_code] == [0, 0, 0], third.output
    assert "hạn cuối 11/06/2024) hoàn thành ngày 14/06/2024, trễ hạn" in second.output
    added = (
        "        progress:\n"
        "          done:\n"
        '            - {deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-08, evidence: "Báo cáo số 12/BC-SGTVT ngày 08/3/2024"}\n'
        "            - {deadline: bao-cao-quy, occurrence: 2024-06-12, date: 2024-06-14}\n"
        "            - {deadline: bao-cao-quy, occurrence: 2024-09-12, date: 2024-09-10}\n"
    )
    assert plan.read_text(encoding="utf-8") == insert_after(original, AFTER_1_2, added)


def test_an_occurrence_is_not_recorded_twice(plan: Path):
    assert par(plan, "done", "1.2", "--occurrence", "2024-03-12", "--date", "2024-03-08").exit_code == 0
    before = plan.read_bytes()

    # the same occurrence, named this time by its last day on time
    result = par(plan, "done", "1.2", "--occurrence", "2024-03-11", "--date", "2024-03-09")

    assert result.exit_code == 1
    # 1.2 starts at line 61, column 9 of the bundled plan
    assert result.stderr == f"{plan}:61:9: hạn 'bao-cao-quy' (lần 12/03/2024) đã được ghi hoàn thành; không ghi lần thứ hai\n"
    assert plan.read_bytes() == before


def test_when_every_occurrence_is_done_there_is_nothing_left_to_default_to(plan: Path):
    for day in ("2024-03-01", "2024-06-01", "2024-09-01", "2024-12-01"):
        assert par(plan, "done", "1.2", "--date", day).exit_code == 0
    before = plan.read_bytes()

    result = par(plan, "done", "1.2", "--date", "2024-12-02")

    assert result.exit_code == 1
    assert "mọi lần của hạn 'bao-cao-quy' trong năm 2024 đều đã được ghi hoàn thành" in result.stderr
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["done", "1.4", "--date", "2024-03-01"], "tiêu chí 1.4 không có hạn nào để ghi hoàn thành"),
        (["done", "1.2", "--deadline", "bao-cao", "--date", "2024-03-01"], "tiêu chí 1.2 không có hạn 'bao-cao'; các hạn: bao-cao-quy"),
        (
            ["done", "1.2", "--occurrence", "2024-03-10", "--date", "2024-03-01"],
            "ngày 10/03/2024 không phải một lần của hạn 'bao-cao-quy'; các lần: 12/03/2024, 12/06/2024, 12/09/2024, 12/12/2024",
        ),
        (["done", "1.1", "--occurrence", "2024-02-05", "--date", "2024-01-04"], "ngày 05/02/2024 không phải một lần của hạn 'ke-hoach'; các lần: 05/01/2024"),
        # a completion belongs to the plan year (issue 11: the same rule as readings)
        (["done", "1.1", "--date", "2022-12-31"], "ngày 31/12/2022 không ghi được cho việc hoàn thành: từ 01/01/2024 đến 31/12/2024"),
        (["done", "1.1", "--date", "2025-01-03"], "ngày 03/01/2025 không ghi được cho việc hoàn thành: từ 01/01/2024 đến 31/12/2024"),
        # without --date: today (2026 or later on this machine) is outside the plan year
        (["done", "1.1"], "không ghi được cho việc hoàn thành: từ 01/01/2024 đến 31/12/2024"),
        (["done", "8.1", "--date", "2024-01-04"], "kế hoạch không có tiêu chí '8.1'"),
        (["evidence", "1.4", "  ", "--date", "2024-01-04"], "tài liệu kiểm chứng không được để trống"),
        (["evidence", "1.4", "Báo cáo", "--date", "2026-01-04"], "ngày 04/01/2026 không ghi được cho tài liệu kiểm chứng: từ 01/01/2024 đến 31/12/2025"),
    ],
)
def test_a_refused_completion_leaves_the_file_byte_for_byte(plan: Path, arguments: list[str], message: str):
    before = plan.read_bytes()

    result = par(plan, *arguments)

    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert plan.read_bytes() == before


def test_a_criterion_with_several_deadlines_needs_deadline(tmp_path: Path):
    text = BUNDLED.read_text(encoding="utf-8")
    extra = '          - id: bao-cao-nam\n            what: "Báo cáo năm"\n            before: 2024-12-15\n'
    plan = tmp_path / "2024.yaml"
    plan.write_text(insert_after(text, AFTER_1_2, extra), encoding="utf-8")
    before = plan.read_bytes()

    refused = par(plan, "done", "1.2", "--date", "2024-03-01")
    chosen = par(plan, "done", "1.2", "--deadline", "bao-cao-nam", "--date", "2024-12-10")

    assert refused.exit_code == 1
    assert "tiêu chí 1.2 có nhiều hạn; chọn một bằng --deadline: bao-cao-quy, bao-cao-nam" in refused.stderr
    assert chosen.exit_code == 0, chosen.output
    added = "        progress:\n          done:\n            - {deadline: bao-cao-nam, date: 2024-12-10}\n"
    assert plan.read_bytes() == insert_after(before.decode("utf-8"), extra, added).encode("utf-8")


def test_evidence_is_appended_beside_the_measurements(plan: Path):
    original = plan.read_text(encoding="utf-8")

    assert par(plan, "set", "1.4", "initiatives=1", "--date", "2024-03-10").exit_code == 0
    result = par(plan, "evidence", "1.4", "Quyết định số 5/QĐ-SGTVT ngày 08/3/2024 công nhận sáng kiến", "--date", "2024-03-11", "--format", "json")

    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["recorded"] == {
        "criterion": "1.4",
        "evidence": {"date": "2024-03-11", "text": "Quyết định số 5/QĐ-SGTVT ngày 08/3/2024 công nhận sáng kiến"},
    }
    added = (
        "        progress:\n"
        "          measurements:\n"
        "            - {date: 2024-03-10, initiatives: 1}\n"
        "          evidence:\n"
        '            - {date: 2024-03-11, text: "Quyết định số 5/QĐ-SGTVT ngày 08/3/2024 công nhận sáng kiến"}\n'
    )
    assert plan.read_text(encoding="utf-8") == insert_after(original, AFTER_1_4, added)


def test_evidence_text_with_quotes_and_a_link_survives(plan: Path):
    text = 'Báo cáo "tổng kết" tại https://sogtvt.example.vn/bc?id=12&y=2024 \\ bản #2'

    result = par(plan, "evidence", "1.4", text, "--date", "2024-03-11")

    assert result.exit_code == 0, result.output
    from par_cli.reading.reader import load_plan

    loaded = load_plan(plan)
    assert loaded.ok
    assert loaded.plan.domains[0].criteria[3].progress.evidence[0].text == text


def test_evidence_on_two_lines_is_kept_and_confirmed_on_one(plan: Path):
    text = "Báo cáo số 12/BC-SGTVT\nngày 08/3/2024"

    result = par(plan, "evidence", "1.4", text, "--date", "2024-03-11")

    assert result.exit_code == 0, result.output
    assert result.output == f"Đã ghi cho tiêu chí 1.4: tài liệu kiểm chứng ngày 11/03/2024: Báo cáo số 12/BC-SGTVT\\nngày 08/3/2024 ({plan})\n"
    assert '            - {date: 2024-03-11, text: "Báo cáo số 12/BC-SGTVT\\nngày 08/3/2024"}\n' in plan.read_text(encoding="utf-8")
