"""A small plan with progress recorded, for the report and units tests, and a reader for the
figures the HTML report shows.

Every number the tests expect from PROGRESS is worked out by hand in the comment below it.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from par_cli.cli import app

# index_max 20 = table 16 (1.1 2 + 1.2 2 + 1.3 2 + 2.1 3 + 2.2 1 + 2.3 2 + 2.4 4) + outside 4.
PROGRESS = """\
plan: {number: "9/KH-THU", date: 2024-01-02, issuer: "Sở Thử nghiệm"}
issuer: "Sở Thử nghiệm"
title: "Kế hoạch thử báo cáo giao ban"
year: 2024
index_max: 20
previous: {points: 14, percent: 70, rank: 8, of: 12}
target: {rank: 5, of: 12, score: 16, assumption: "Ước tính điểm vào nhóm 5."}
units:
  - {id: vp, name: "Văn phòng Sở"}
  - {id: tt, name: "Thanh tra Sở"}
  - {id: pc, name: "Cán bộ pháp chế", part_of: tt}
  - {id: cac-phong, name: "Các phòng, đơn vị", kind: all}
outside_table:
  id: ngoai-bang
  title: "Phần ngoài bảng"
  max: 4
  projection: {points: 3, assumption: "Ước tính theo năm trước."}
domains:
  - id: "1"
    title: "CHỈ ĐẠO ĐIỀU HÀNH"
    criteria:
      - id: "1.1"
        title: "Kế hoạch CCHC"
        max: 2
        lead: vp
        support: cac-phong
        rule: {kind: deadline}
        baseline: {points: 2}
        deadlines: [{id: ke-hoach, what: "Ban hành Kế hoạch CCHC", before: 2024-01-05}]
        progress:
          done: [{deadline: ke-hoach, date: 2024-01-04, evidence: "KH 5/KH-THU"}]
      - id: "1.2"
        title: "Sáng kiến cải cách hành chính"
        max: 2
        lead: vp
        measures: {initiatives: {kind: count, label: "Số sáng kiến"}}
        rule: {kind: tiers, measure: initiatives, tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}]}
        baseline: {points: 1}
        progress:
          measurements:
            - {date: 2024-03-10, initiatives: 1, evidence: "QĐ 12/QĐ-THU"}
            - {date: 2024-07-01, initiatives: 2, evidence: "QĐ 30/QĐ-THU"}
      - id: "1.3"
        title: "Tuyên truyền CCHC"
        max: 2
        lead: cac-phong
        rule: {kind: manual}
        baseline: {points: 1}
        progress: {self_assessed: 2}
  - id: "2"
    title: "PHÁP CHẾ"
    criteria:
      - id: "2.1"
        title: "Thanh tra, kiểm tra"
        max: 3
        lead: tt
        support: vp
        rule: {kind: manual}
        progress:
          self_assessed: 3
          appraised: 2.5
          evidence: [{date: 2024-05-02, text: "BC 7/BC-TT"}]
      - id: "2.2"
        title: "Kế hoạch pháp chế"
        max: 1
        lead: pc
        rule: {kind: deadline}
        deadlines: [{id: kh-phap-che, what: "Ban hành Kế hoạch pháp chế", before: 2024-02-01}]
      - id: "2.3"
        title: "Rà soát văn bản"
        max: 2
        lead: pc
        support: cac-phong
        rule: {kind: deadline}
        baseline: {points: 1.5}
        deadlines: [{id: bao-cao, what: "Báo cáo rà soát văn bản", by: 2024-06-20}]
      - id: "2.4"
        title: "Xử lý văn bản trái pháp luật"
        max: 4
        lead: tt
        rule: {kind: manual}
        projection: {points: 3, assumption: "Dự kiến như năm trước."}
"""
# On 15/06/2024, by hand:  expected  floor  ceiling  basis                      evidence
#   1.1                     2         2      2        recorded (done 04/01, last day 04/01)  yes
#   1.2                     1         0      2        recorded, provisional (1 initiative on 10/03; the 2 of 01/07 come later)
#   1.3                     2         2      2        self-assessed                          none → flagged
#   2.1                     2,5       2,5    2,5      appraised                              yes
#   2.2                     — (0)     0      0,5      unknown; overdue since 31/01 (at best late: ½ × 1)
#   2.3                     1,5       0      2        2023 points; due 20/06 (5 days left)
#   2.4                     3         0      4        declared projection
#   ngoai-bang              3         0      4        declared projection
#   total                   15        6,5    19       15/20 = 75 %; 2023: 14 → +1; target 16 → 1 short
#   domain 1: max 6, expected 5, 2023 2 + 1 + 1 = 4; domain 2: max 10, expected 7, 2023 unknown (2.1)
#   assumed: 2.3 1,5 + 2.4 3 + 2.2 0 + outside 3 = 7,5
#   winnable (ceiling − expected): 1.2 1; 2.4 1; 2.2 0,5; 2.3 0,5; the rest 0. The target's 1 point: 1.2.


def write(folder: Path, text: str, name: str = "2024.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def score_total(runner, path: Path, day: str, *options: str) -> dict:
    result = runner.invoke(app, ["score", "--plan", str(path), "--as-of", day, "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["total"]


class Figures(HTMLParser):
    """The figures of a report page: for each ``data-figure`` name, the (raw value, text shown)
    pairs in page order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, list[tuple[str, str]]] = {}
        self._open: list[tuple[str, str, list[str]]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if "data-figure" in values:
            self._open.append((values["data-figure"] or "", values.get("data-value") or "", []))

    def handle_data(self, data: str) -> None:
        for _, _, texts in self._open:
            texts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag in ("span", "b"):
            name, value, texts = self._open.pop()
            self.found.setdefault(name, []).append((value, "".join(texts)))


def figures(html: str) -> Figures:
    parser = Figures()
    parser.feed(html)
    return parser


def shown_number(text: str) -> float:
    """A number as the page shows it in Vietnamese: "1.234,5" → 1234.5, "+1,3" → 1.3."""
    return float(text.strip().rstrip(" %").replace(".", "").replace(",", ".").replace("−", "-"))


def bundled_with_progress(bundled_text: str) -> str:
    """The bundled plan with progress recorded for two criteria whose rules are our reading:
    1.1's plan issued on 10/01 (late: its last day was 04/01), with evidence; 1.3's three
    conditions met, with no evidence."""
    done = '            before: 2024-01-05\n      - id: "1.2"'
    assert done in bundled_text
    text = bundled_text.replace(
        done,
        '            before: 2024-01-05\n'
        '        progress:\n'
        '          done: [{deadline: ke-hoach, date: 2024-01-10, evidence: "KH 12/KH-SGTVT ngày 10/01/2024"}]\n'
        '      - id: "1.2"',
    )
    measured = '      - id: "1.4"'
    assert text.count(measured) == 1
    return text.replace(
        measured,
        '        progress:\n'
        '          measurements:\n'
        '            - {date: 2024-05-20, plan_issued: true, report_sent: true, contest_participation_pct: 95}\n'
        + measured,
    )
