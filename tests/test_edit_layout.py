"""Whatever the file looks like, `par set` adds its lines and leaves every other byte alone.

Each test writes a small plan the way a person might have typed or saved it (Notepad's CRLF
and BOM, four-space indentation, lists flush with their key, flow mappings, placeholders,
comments, no final newline) and states the exact file expected after the edit.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from tests.edit_support import par

HEAD = """\
# Kế hoạch thử: ghi chú đầu tệp
plan: {number: "1/KH-SGTVT", date: 2024-01-02, issuer: "Sở GTVT"}
issuer: "Sở GTVT"
title: "Kế hoạch thử"
year: 2024
index_max: 3
units:
  - id: vp
    name: "Văn phòng Sở"
domains:
  - id: "1"
    title: "Lĩnh vực thử"
    criteria:
"""

CRITERIA = """\
      - id: "1.1"
        title: "Sáng kiến"
        max: 2
        lead: vp
        measures:
          n: {kind: count, label: "Số sáng kiến"}
        # ghi chú cuối tiêu chí 1.1

      # ghi chú trước tiêu chí 1.2
      - id: "1.2"
        title: "Tỷ lệ"
        max: 1
        lead: vp
        measures:
          pct: {kind: percent, label: "Tỷ lệ"}
"""


def write(tmp_path: Path, text: str, encoding_prefix: bytes = b"") -> Path:
    plan = tmp_path / "2024.yaml"
    plan.write_bytes(encoding_prefix + text.encode("utf-8"))
    return plan


def test_a_comment_closing_a_criterion_stays_below_the_new_lines(tmp_path: Path):
    plan = write(tmp_path, HEAD + CRITERIA)

    result = par(plan, "set", "1.1", "n=1", "--date", "2024-02-01")

    assert result.exit_code == 0, result.output
    expected = HEAD + CRITERIA.replace(
        '          n: {kind: count, label: "Số sáng kiến"}\n',
        '          n: {kind: count, label: "Số sáng kiến"}\n'
        "        progress:\n"
        "          measurements:\n"
        "            - {date: 2024-02-01, n: 1}\n",
    )
    assert plan.read_text(encoding="utf-8") == expected


def test_crlf_stays_crlf_and_the_bom_stays(tmp_path: Path):
    crlf = (HEAD + CRITERIA).replace("\n", "\r\n")
    plan = write(tmp_path, crlf, codecs.BOM_UTF8)

    result = par(plan, "set", "1.2", "pct=50", "--date", "2024-02-01")

    assert result.exit_code == 0, result.output
    expected = crlf + "        progress:\r\n          measurements:\r\n            - {date: 2024-02-01, pct: 50}\r\n"
    assert plan.read_bytes() == codecs.BOM_UTF8 + expected.encode("utf-8")


def test_a_file_without_a_final_newline_keeps_ending_without_one(tmp_path: Path):
    plan = write(tmp_path, (HEAD + CRITERIA).rstrip("\n"))

    assert par(plan, "set", "1.2", "pct=50", "--date", "2024-02-01").exit_code == 0

    expected = HEAD + CRITERIA + "        progress:\n          measurements:\n            - {date: 2024-02-01, pct: 50}"
    assert plan.read_text(encoding="utf-8") == expected


def test_hand_formatting_that_a_yaml_round_trip_would_normalise_is_kept(tmp_path: Path):
    # Trailing spaces, spaces inside braces, a document marker, a comment after a value and
    # a list item followed by its own comment: a full re-emit would rewrite all of these.
    text = (
        "---\n"
        + HEAD
        + """\
      - id: "1.1"   
        title: "Sáng kiến"
        max: 2
        lead: vp
        measures:
          n: { kind: count , label: "Số sáng kiến" }
        progress:
          measurements:
            -   { date: 2024-01-15, n: 0 }   # chưa có
          # thêm dòng mới ở đây
      - id: "1.2"
        title: "Tỷ lệ"
        max: 1
        lead: vp
        measures: {pct: {kind: percent, label: "Tỷ lệ"}}
"""
    )
    plan = write(tmp_path, text)

    assert par(plan, "set", "1.1", "n=2", "--date", "2024-02-01").exit_code == 0

    # The dash goes in the column of the existing dashes.
    expected = text.replace(
        "            -   { date: 2024-01-15, n: 0 }   # chưa có\n",
        "            -   { date: 2024-01-15, n: 0 }   # chưa có\n            - {date: 2024-02-01, n: 2}\n",
    )
    assert plan.read_text(encoding="utf-8") == expected


def test_four_space_indentation_and_lists_flush_with_their_key(tmp_path: Path):
    text = """\
plan: {number: "1/KH-SGTVT", date: 2024-01-02, issuer: "Sở GTVT"}
issuer: "Sở GTVT"
title: "Kế hoạch thử"
year: 2024
index_max: 2
units:
- id: vp
  name: "Văn phòng Sở"
domains:
- id: "1"
  title: "Lĩnh vực thử"
  criteria:
  - id: "1.1"
    title: "Sáng kiến"
    max: 2
    measures:
        n:
            kind: count
            label: "Số sáng kiến"
"""
    plan = write(tmp_path, text)

    assert par(plan, "set", "1.1", "n=1", "--date", "2024-02-01").exit_code == 0

    # mappings nest by four columns in this file, list dashes sit under their key
    assert plan.read_text(encoding="utf-8") == text + "    progress:\n        measurements:\n        - {date: 2024-02-01, n: 1}\n"


def test_a_criterion_written_as_a_flow_mapping_gets_a_flow_progress(tmp_path: Path):
    criteria = '      - {id: "1.1", title: "Sáng kiến", max: 3, lead: vp, measures: {n: {kind: count, label: "N"}}}\n'
    plan = write(tmp_path, HEAD + criteria)

    assert par(plan, "set", "1.1", "n=4", "--date", "2024-02-01").exit_code == 0

    expected = '      - {id: "1.1", title: "Sáng kiến", max: 3, lead: vp, measures: {n: {kind: count, label: "N"}}, progress: {measurements: [{date: 2024-02-01, n: 4}]}}\n'
    assert plan.read_text(encoding="utf-8") == HEAD + expected


def test_placeholders_open_into_one_line_per_entry(tmp_path: Path):
    criteria = """\
      - id: "1.1"
        title: "Sáng kiến"
        max: 2
        measures:
          n: {kind: count, label: "N"}
        progress: {}
      - id: "1.2"
        title: "Tỷ lệ"
        max: 1
        measures:
          pct: {kind: percent, label: "Tỷ lệ"}
        progress:
          measurements: []  # điền sau
"""
    plan = write(tmp_path, HEAD + criteria)

    assert par(plan, "set", "1.1", "n=1", "--date", "2024-02-01").exit_code == 0
    assert par(plan, "set", "1.2", "pct=80", "--date", "2024-02-01").exit_code == 0

    expected = """\
      - id: "1.1"
        title: "Sáng kiến"
        max: 2
        measures:
          n: {kind: count, label: "N"}
        progress:
          measurements:
            - {date: 2024-02-01, n: 1}
      - id: "1.2"
        title: "Tỷ lệ"
        max: 1
        measures:
          pct: {kind: percent, label: "Tỷ lệ"}
        progress:
          measurements:  # điền sau
            - {date: 2024-02-01, pct: 80}
"""
    assert plan.read_text(encoding="utf-8") == HEAD + expected


def test_progress_goes_before_assumptions_and_after_a_block_note(tmp_path: Path):
    criteria = """\
      - id: "1.1"
        title: "Sáng kiến"
        max: 3
        note: |
          Ghi chú nhiều dòng
          của tiêu chí.

        measures:
          n: {kind: count, label: "N"}
        deadlines:
          - {id: bao-cao, what: "Báo cáo", before: 2024-06-30}

        # giả định
        assumptions:
          lead: "Ô chủ trì để trống"
"""
    plan = write(tmp_path, HEAD + criteria)

    assert par(plan, "done", "1.1", "--date", "2024-06-01").exit_code == 0

    expected = criteria.replace(
        '          - {id: bao-cao, what: "Báo cáo", before: 2024-06-30}\n',
        '          - {id: bao-cao, what: "Báo cáo", before: 2024-06-30}\n'
        "        progress:\n"
        "          done:\n"
        "            - {deadline: bao-cao, date: 2024-06-01}\n",
    )
    assert plan.read_text(encoding="utf-8") == HEAD + expected


def test_a_progress_shared_through_an_alias_is_refused_not_doubled(tmp_path: Path):
    # Writing into the anchored mapping would record the reading for both criteria.
    criteria = """\
      - id: "1.1"
        title: "Sáng kiến"
        max: 2
        measures: &m
          n: {kind: count, label: "N"}
        progress: &p
          measurements:
            - {date: 2024-01-10, n: 1}
      - id: "1.2"
        title: "Sáng kiến 2"
        max: 1
        measures: *m
        progress: *p
"""
    plan = write(tmp_path, HEAD + criteria)
    before = plan.read_bytes()

    result = par(plan, "set", "1.1", "n=2", "--date", "2024-02-01")

    assert result.exit_code == 1
    assert "không chèn được mà giữ nguyên các dòng khác của tệp" in result.stderr
    assert plan.read_bytes() == before


def test_a_criterion_ending_in_an_alias_gets_its_progress_below_that_line(tmp_path: Path):
    # The alias's node is the anchored one in 1.1, further up; the new lines still go under
    # the last line of 1.2, not after its "baseline:" line.
    criteria = """\
      - id: "1.1"
        title: "Sáng kiến"
        max: 2
        measures:
          n: {kind: count, label: "N"}
        baseline:
          points: 1
          observed: &seen [{measure: n, value: 1}]
      - id: "1.2"
        title: "Sáng kiến 2"
        max: 1
        measures:
          n: {kind: count, label: "N"}
        baseline:
          points: 1
          observed: *seen
"""
    plan = write(tmp_path, HEAD + criteria)

    result = par(plan, "set", "1.2", "n=3", "--date", "2024-02-01")

    assert result.exit_code == 0, result.output
    expected = criteria + "        progress:\n          measurements:\n            - {date: 2024-02-01, n: 3}\n"
    assert plan.read_text(encoding="utf-8") == HEAD + expected


def test_a_shape_the_splice_does_not_edit_is_said_in_the_readers_language(tmp_path: Path):
    # 1.2 takes its title and maximum through a merge key (<<): the splice does not edit it,
    # and says why in the language asked for, Vietnamese by default (no English inside).
    criteria = """\
      - id: "1.1"
        title: "Sáng kiến"
        max: 2
        measures: &m
          n: {kind: count, label: "N"}
        rule: {kind: manual}
        baseline: {points: unknown}
      - id: "1.2"
        <<: {title: "Sáng kiến 2", max: 1}
        measures: *m
        rule: {kind: manual}
        baseline: {points: unknown}
"""
    plan = write(tmp_path, HEAD + criteria)
    before = plan.read_bytes()

    vietnamese = par(plan, "set", "1.2", "n=2", "--date", "2024-02-01")
    english = par(plan, "set", "1.2", "n=2", "--date", "2024-02-01", "--lang", "en")

    assert vietnamese.exit_code == english.exit_code == 1
    assert "(khóa gộp (<<) không được sửa)" in vietnamese.stderr and "merge" not in vietnamese.stderr
    assert "(merge keys (<<) are not edited)" in english.stderr
    assert plan.read_bytes() == before
