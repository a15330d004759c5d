"""`par new-year` splices its changes into the old text: on layouts the bundled plan does not
use (scores of older plans, comments in and after the progress, a block baseline, a flow
deadline on 29 February, a plain assumption, an anchor), the new plan holds, read by the
library's reader, what the rules say, worked out by hand below, and keeps what it does not
change as it was written."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from par_cli.cli import app
from par_cli.plan.tree import walk
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_line
from tests.edit_support import AFTER_1_1, BUNDLED

NOTE = "Thời hạn năm 2024 là {old}; giả định năm 2025 cùng ngày ({new}), cần đối chiếu kế hoạch năm 2025."
FROM_PROGRESS = "Kết quả năm 2024 do par new-year lấy từ tiến độ đã ghi: "
MARK = "[Xem lại cho năm 2025] "

DEADLINES_1_2 = '          - id: bao-cao-quy\n            what: "Báo cáo CCHC định kỳ hàng quý"\n            before: {every: quarter, day: 12}\n'
RULE_5_4 = "        rule: {kind: tiers, measure: training_done_pct, tiers: [{at_least: 90, points: 1}], otherwise: 0}\n"
LEAD_1_1 = '        title: "Kế hoạch CCHC"\n        max: 2\n        lead: van-phong\n'


def layouts() -> str:
    """The bundled plan with: 1.1 scored the older way (self-assessed 1,5, appraised 1) under
    comments; 1.2 a flow deadline by 29/02/2024, and a self-assessment of 0,5; 5.4 a block
    baseline with a comment, two readings (95 then 97) and an appraisal round 2 of 1 on
    01/03/2025; 1.3's rule's assumption plain (unquoted)."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace(
        AFTER_1_1,
        AFTER_1_1 + "        # the progress of 1.1\n        progress:\n          # older plans\n          self_assessed: 1.5\n          appraised: 1  # appraised\n        # after the progress of 1.1\n",
        1,
    )
    text = text.replace(
        DEADLINES_1_2,
        DEADLINES_1_2 + '          - {id: tong-ket, what: "Tổng kết", by: 2024-02-29}\n        progress:\n          self_assessed: 0.5\n',
        1,
    )
    text = text.replace(
        RULE_5_4 + "        baseline: {points: unknown}\n",
        RULE_5_4
        + '        baseline:\n          # last year\n          points: unknown\n          assumption: "Chưa rõ"\n'
        + "        progress:\n          measurements:\n            - {date: 2024-06-30, training_done_pct: 95}  # mid-year\n"
        + "            - {date: 2024-12-30, training_done_pct: 97}\n          stages:\n            - {stage: appraisal_2, date: 2025-03-01, points: 1}\n",
        1,
    )
    line = text.index("\n          assumption: ", text.index('      - id: "1.3"')) + 1
    return text[:line] + "          assumption: Giả định thường" + text[text.index("\n", line) :]


def roll(tmp_path, text: str, name: str = "2024.yaml"):
    old = tmp_path / name
    old.write_text(text, encoding="utf-8")
    assert load_plan(old).ok
    new = tmp_path / f"next-{name}"
    result = CliRunner().invoke(app, ["new-year", str(old), "--output", str(new)])
    assert result.exit_code == 0, result.output
    loaded = load_plan(new)
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    return {node.criterion.id: node.criterion for node in walk(loaded.plan)}, new.read_text(encoding="utf-8"), result.output


@pytest.mark.parametrize(
    ("criterion", "points", "observed", "assumption"),
    [
        # appraised (1) outranks self-assessed (1,5); no dated stage, so no date
        ("1.1", 1, [], FROM_PROGRESS + "Điểm thẩm định năm 2024 (chưa có kết quả chính thức)."),
        ("1.2", 0.5, [], FROM_PROGRESS + "Điểm tự đánh giá năm 2024 (chưa có kết quả chính thức)."),
        # the last reading of the year (97, not 95) and the appraisal round 2
        ("5.4", 1, [("training_done_pct", 97)], FROM_PROGRESS + "Điểm năm 2024 theo thẩm định lần 2 ngày 01/03/2025; chưa có kết quả chính thức; số đo là lần ghi cuối cùng năm 2024."),
        # nothing recorded: last year's 1 and its reading are not this year's result
        ("1.4", "unknown", [], None),
    ],
)
def test_baselines_are_the_years_scores(tmp_path, criterion, points, observed, assumption):
    by_id, _, _ = roll(tmp_path, layouts())
    baseline = by_id[criterion].baseline
    assert (baseline.points, [(o.measure, o.value) for o in baseline.observed], baseline.assumption) == (points, observed, assumption)
    assert by_id[criterion].progress.model_dump(exclude_defaults=True) == {}


def test_deadlines_marks_and_what_is_kept(tmp_path):
    by_id, text, output = roll(tmp_path, layouts())
    # 29/02/2024 has no 2025 day: 28/02/2025; the flow deadline had no assumption.
    one_off = by_id["1.2"].deadlines[1]
    assert (one_off.by, one_off.assumption) == (dt.date(2025, 2, 28), NOTE.format(old="29/02/2024", new="28/02/2025"))
    assert by_id["1.2"].deadlines[0].before.model_dump(exclude_none=True) == {"every": "quarter", "day": 12}
    assert (by_id["1.1"].deadlines[0].before, by_id["1.1"].deadlines[0].assumption) == (dt.date(2025, 1, 5), NOTE.format(old="05/01/2024", new="05/01/2025"))
    # 2.2.3's deadline had an assumption: marked, then the note after it.
    report = by_id["2.2.3"].deadlines[0]
    assert report.assumption == MARK + "Thời hạn ghi ở cột Ghi chú của dòng 2.2.1 (ô gộp), nêu đích danh báo cáo này. " + NOTE.format(old="15/11/2024", new="15/11/2025")
    assert by_id["1.3"].rule.assumption == MARK + "Giả định thường"
    # The bundled plan's 27 assumptions (1.3's among them, now plain) and 5.4's old baseline
    # one, counted though the baseline is replaced; the bundled plan's 5 one-off deadlines
    # and 1.2's new one moved.
    assert "28 giả định cần xem lại" in output and "6 thời hạn dời sang năm 2025" in output
    # The lines the new year does not change stay as written, comments and all; what is
    # removed goes with its lines, the comments around it stay.
    assert "        # the progress of 1.1\n        # after the progress of 1.1\n      - id: \"1.2\"\n" in text
    assert "# older plans" not in text and "# mid-year" not in text and "# last year" not in text
    assert '          - {id: tong-ket, what: "Tổng kết", by: 2025-02-28, assumption: ' in text
    assert text.split("\n", 2)[2].startswith(BUNDLED.read_text(encoding="utf-8")[:300])


def test_a_plan_with_an_anchor_is_rolled_over_alike(tmp_path):
    """An anchor and an alias (which the parser's events do not read a criterion at a time):
    the whole document is composed instead, and the new plan says the same."""
    plain, plain_text, plain_output = roll(tmp_path, BUNDLED.read_text(encoding="utf-8"))
    text = BUNDLED.read_text(encoding="utf-8").replace(LEAD_1_1, LEAD_1_1.replace("lead: van-phong", "lead: &vp van-phong"), 1)
    text = text.replace('        max: 1\n        lead: van-phong\n        support: cac-phong\n        requirement: "Báo cáo đảm bảo', '        max: 1\n        lead: *vp\n        support: cac-phong\n        requirement: "Báo cáo đảm bảo', 1)
    assert "*vp" in text
    anchored, anchored_text, anchored_output = roll(tmp_path, text, "anchored.yaml")
    assert {key: value.model_dump() for key, value in anchored.items()} == {key: value.model_dump() for key, value in plain.items()}
    assert anchored_text.replace("&vp ", "").replace("*vp", "van-phong") == plain_text
    assert anchored_output.replace("next-anchored", "next-2024") == plain_output


def test_criteria_written_as_flow_mappings_get_their_baselines_in_braces(tmp_path):
    """Criteria of one line each: a baseline of one pair spliced into a flow mapping keeps its
    braces (the emitter writes such a mapping bare as the item of a flow sequence, and
    `baseline: points: unknown` is not YAML)."""
    lines = ['plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}', 'issuer: "Sở"', 'title: "Thử 2024"', "year: 2024", "index_max: 3",
             "units:", '- {id: vp, name: "Văn phòng"}', "domains:", '- id: "1"', '  title: "Một"', "  criteria:",
             '  - {id: "1.1", title: "t", max: 1, lead: vp, deadlines: [{id: d1, what: "x", by: 2024-03-01}], progress: {stages: [{stage: self_assessment, date: 2025-01-10, points: 1}]}}',
             '  - {id: "1.2", title: "t", max: 1, lead: vp}',
             '  - {id: "1.3", title: "t", max: 1, lead: vp, children: [{id: "1.3.1", title: "t", max: 1, lead: vp}]}']
    by_id, text, _ = roll(tmp_path, "\n".join(lines) + "\n")
    assert '  - {id: "1.2", title: "t", max: 1, lead: vp, baseline: {points: unknown}}\n' in text
    assert '  - {id: "1.3", title: "t", max: 1, lead: vp, children: [{id: "1.3.1", title: "t", max: 1, lead: vp, baseline: {points: unknown}}]}\n' in text
    assert (by_id["1.1"].baseline.points, by_id["1.1"].baseline.assumption) == (1, FROM_PROGRESS + "Điểm năm 2024 theo tự đánh giá ngày 10/01/2025; chưa có kết quả chính thức.")
    assert (by_id["1.1"].deadlines[0].by, by_id["1.1"].deadlines[0].assumption) == (dt.date(2025, 3, 1), NOTE.format(old="01/03/2024", new="01/03/2025"))
    assert by_id["1.1"].progress.model_dump(exclude_defaults=True) == {}
    assert "title: \"Thử 2025\"" in text and "\nyear: 2025\n" in text


def test_block_scalars_replaced_by_one_line_keep_the_lines_after_them(tmp_path):
    """A block scalar's span runs over its last line break and the blank lines after it: a
    new value written on one line over all of it glued the next key onto it (a block title,
    a block assumption of a one-off deadline, one with an indentation indicator)."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace('title: "Nâng cao chỉ số công tác cải cách hành chính năm 2024"\n', "title: >\n  Nâng cao chỉ số năm 2024\n\n", 1)
    text = text.replace(DEADLINES_1_2, DEADLINES_1_2.replace("before: {every: quarter, day: 12}", "before: 2024-03-12\n            assumption: |\n              line one\n              line two"), 1)
    by_id, written, _ = roll(tmp_path, text)
    assert "\nyear: 2025\n" in written
    assert by_id["1.2"].deadlines[0].assumption == MARK + "line one\nline two\n " + NOTE.format(old="12/03/2024", new="12/03/2025")
    assert by_id["1.2"].deadlines[0].before == dt.date(2025, 3, 12)
    assert load_plan(tmp_path / "next-2024.yaml").plan.title == "Nâng cao chỉ số năm 2025\n"


def test_single_quoted_texts_with_a_line_break_are_rewritten_on_one_line(tmp_path):
    """A single-quoted text keeps its line break (a blank line inside the quotes) when written
    again in single quotes, even in a flow collection: a one-off deadline's assumption, the
    plan's title with its year, each given a new value in that style, took more than a line
    and new-year stopped on an internal error (exit 3). They are written in double quotes,
    the break as \\n, and read back as the old round trip of the whole plan wrote them."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace('title: "Nâng cao chỉ số công tác cải cách hành chính năm 2024"\n', "title: 'Nâng cao chỉ số năm 2024\n\n  hai'\n", 1)
    text = text.replace(DEADLINES_1_2, DEADLINES_1_2.replace("before: {every: quarter, day: 12}", "before: 2024-03-12\n            assumption: 'một\n\n              hai'"), 1)
    by_id, written, _ = roll(tmp_path, text)
    assert "\ntitle: \"Nâng cao chỉ số năm 2025\\nhai\"\n" in written
    assert load_plan(tmp_path / "next-2024.yaml").plan.title == "Nâng cao chỉ số năm 2025\nhai"
    assert by_id["1.2"].deadlines[0].assumption == MARK + "một\nhai " + NOTE.format(old="12/03/2024", new="12/03/2025")
    # A criterion of one line: the assumption inside its deadline's braces.
    lines = ['plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}', 'issuer: "Sở"', 'title: "Thử"', "year: 2024", "index_max: 1",
             "units:", '- {id: vp, name: "Văn phòng"}', "domains:", '- id: "1"', '  title: "Một"', "  criteria:",
             "  - {id: \"1.1\", title: \"t\", max: 1, lead: vp, deadlines: [{id: d1, what: \"x\", by: 2024-03-01, assumption: 'a\n\n      b'}]}"]  # fmt: skip
    by_id, written, _ = roll(tmp_path, "\n".join(lines) + "\n", "flow.yaml")
    note = NOTE.format(old="01/03/2024", new="01/03/2025")
    assert f'  - {{id: "1.1", title: "t", max: 1, lead: vp, deadlines: [{{id: d1, what: "x", by: 2025-03-01, assumption: "{MARK}a\\nb {note}"}}], baseline: {{points: unknown}}}}\n' in written
    assert by_id["1.1"].deadlines[0].assumption == f"{MARK}a\nb {note}"
