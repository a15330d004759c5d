"""Synthetic plans: the bundled plan's shape at any size, for the benchmark and scale tests.

A province's plans are many department plans like ``plans/2024.yaml`` (about fifty criteria
each); the scale runs ask what happens at 1,000 to 50,000 criteria in one file and at a
hundred files in a folder. The plans written here use every part of the schema the bundled
plan uses (sub-criteria, every rule kind, one-off and recurring deadlines, baselines,
progress with evidence) with Vietnamese text, and are valid: `par validate` accepts them, so
a benchmark times the valid path that users run every day.

The YAML is written as text in the bundled plan's own style (flow mappings for small
records, one criterion per block) rather than through a YAML emitter, so a 50,000-criterion
plan takes seconds to write. Output depends only on the arguments: the same call writes the
same bytes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

DOMAINS = [
    "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC",
    "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QPPL CỦA TỈNH",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
    "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
    "CẢI CÁCH TÀI CHÍNH CÔNG",
    "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
]

TITLES = [
    "Kế hoạch CCHC",
    "Thực hiện chế độ báo cáo CCHC định kỳ",
    "Công tác tuyên truyền CCHC",
    "Sáng kiến hoặc giải pháp mới trong cải cách hành chính",
    "Thực hiện các nhiệm vụ được UBND tỉnh giao tại Chương trình công tác năm",
    "Theo dõi thi hành pháp luật (THPL)",
    "Tổ chức rà soát, hệ thống hóa các VBQPPL thuộc lĩnh vực quản lý",
    "Công bố, công khai TTHC và kết quả giải quyết TTHC",
    "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông",
    "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn, trước hạn",
    "Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn",
    "Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức",
    "Thực hiện quy định về sử dụng biên chế được cấp có thẩm quyền giao",
    "Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm",
    "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng công chức, viên chức",
    "Thực hiện chế độ tự chủ về sử dụng biên chế và kinh phí quản lý hành chính",
    "Lập và gửi báo cáo quyết toán",
    "Cung cấp dịch vụ công trực tuyến toàn trình",
    "Triển khai văn bản điện tử, chữ ký số",
    "Áp dụng Hệ thống quản lý chất lượng (ISO 9001) theo quy định",
]

REQUIREMENTS = [
    "Kế hoạch đảm bảo đầy đủ nội dung, đúng thời gian quy định",
    "Báo cáo đảm bảo đầy đủ nội dung, đúng thời gian quy định",
    "Thực hiện đảm bảo đúng tiến độ 100% nhiệm vụ được giao",
    "Phấn đấu 100% hồ sơ thủ tục hành chính giải quyết đúng hạn",
    "Trên 90% văn bản trao đổi trên môi trường mạng và được ký số",
]

UNITS = [
    ("van-phong", "Văn phòng Sở", None, "unit"),
    ("thanh-tra", "Thanh tra Sở", None, "unit"),
    ("phap-che", "Cán bộ pháp chế (Thanh tra Sở)", "thanh-tra", "unit"),
    ("ke-hoach-tai-chinh", "Phòng Kế hoạch - Tài chính - Thẩm định", None, "unit"),
    ("quan-ly-van-tai", "Phòng Quản lý vận tải, phương tiện và người lái", None, "unit"),
    ("ket-cau-ha-tang", "Phòng Quản lý kết cấu hạ tầng giao thông", None, "unit"),
    ("cac-phong", "Các phòng, đơn vị", None, "all"),
    ("phong-chu-tri", "Các phòng, đơn vị được giao chủ trì", None, "assigned"),
    ("phong-lien-quan", "Các phòng, đơn vị có liên quan", None, "concerned"),
]
REAL_UNITS = [unit_id for unit_id, _, _, kind in UNITS if kind == "unit"]

DEPARTMENTS = [
    ("so-gtvt", "Sở Giao thông vận tải"),
    ("so-noi-vu", "Sở Nội vụ"),
    ("so-tu-phap", "Sở Tư pháp"),
    ("so-tai-chinh", "Sở Tài chính"),
    ("so-khdt", "Sở Kế hoạch và Đầu tư"),
    ("so-xay-dung", "Sở Xây dựng"),
    ("so-yte", "Sở Y tế"),
    ("so-gddt", "Sở Giáo dục và Đào tạo"),
    ("so-tnmt", "Sở Tài nguyên và Môi trường"),
    ("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("so-cong-thuong", "Sở Công Thương"),
    ("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội"),
    ("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
    ("so-tttt", "Sở Thông tin và Truyền thông"),
    ("so-khcn", "Sở Khoa học và Công nghệ"),
    ("thanh-tra-tinh", "Thanh tra tỉnh"),
    ("van-phong-ubnd", "Văn phòng UBND tỉnh"),
    ("ban-dan-toc", "Ban Dân tộc"),
    ("ban-qlkkt", "Ban Quản lý Khu kinh tế"),
    ("so-ngoai-vu", "Sở Ngoại vụ"),
    ("van-phong-doan-dbqh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
]

OUTSIDE_SHARE = 33 / 62  # the bundled plan: 33 points outside a table of 62


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def criteria_counts(total: int, domains: int) -> list[list[int]]:
    """For each domain, the number of children of each top-level criterion, so that the
    nodes (criteria plus sub-criteria) add up to ``total``. About a third of the criteria
    have two to four sub-criteria, as in the bundled plan."""
    if total < domains:
        raise ValueError(f"a plan of {total} criteria cannot fill {domains} domains")
    shapes: list[list[int]] = [[] for _ in range(domains)]
    left = total
    index = 0
    while left > 0:
        children = 2 + (index // 3) % 3 if index % 3 == 1 else 0
        still_empty = max(0, domains - index - 1)
        if children + 1 > left - still_empty:
            children = 0
        shapes[index % domains].append(children)
        left -= children + 1
        index += 1
    return shapes


class _Writer:
    def __init__(self, year: int, seed: int) -> None:
        self.year = year
        self.random = random.Random(seed)
        self.lines: list[str] = []

    def add(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def date(self, month: int, day: int) -> str:
        return f"{self.year}-{month:02d}-{day:02d}"

    def leaf(self, indent: int, criterion_id: str, number: int, max_points: float) -> None:
        """One criterion without sub-criteria; its rule kind cycles through every kind."""
        pick = self.random
        title = TITLES[number % len(TITLES)]
        lead = REAL_UNITS[number % len(REAL_UNITS)]
        self.add(indent, f'- id: "{criterion_id}"')
        body = indent + 2
        self.add(body, f"title: {q(f'{title} ({criterion_id})')}")
        self.add(body, f"max: {max_points:g}")
        self.add(body, f"lead: {lead}" if number % 4 else f"lead: [{lead}, phong-chu-tri]")
        self.add(body, "support: cac-phong")
        self.add(body, f"requirement: {q(REQUIREMENTS[number % len(REQUIREMENTS)])}")
        half = max_points / 2
        kind = number % 8
        if kind == 0:
            self.add(body, f"note: {q('Ban hành trước ngày 05/01 hằng năm')}")
            self.add(body, "rule: {kind: deadline, assumption: " + q("Giả định: đúng hạn được đủ điểm, trễ hạn được 1/2 số điểm.") + "}")
            self.add(body, "baseline: {points: unknown}")
            self.add(body, "deadlines:")
            self.add(body + 2, "- id: ke-hoach")
            self.add(body + 4, f"what: {q('Ban hành kế hoạch ' + title.lower())}")
            self.add(body + 4, f"before: {self.date(1 + number % 12, 15)}")
            self.add(body, "progress:")
            self.add(body + 2, "done:")
            self.add(body + 4, f"- {{deadline: ke-hoach, date: {self.date(1 + number % 12, 10)}, evidence: {q(f'Kế hoạch số {number % 900 + 10}/KH-SGTVT')}}}")
        elif kind == 1:
            self.add(body, f"note: {q('Báo cáo trước ngày 12 của tháng cuối quý')}")
            self.add(body, "rule: {kind: deadline}")
            self.add(body, "baseline: {points: unknown}")
            self.add(body, "deadlines:")
            self.add(body + 2, "- id: bao-cao-quy")
            self.add(body + 4, f"what: {q('Báo cáo định kỳ hàng quý')}")
            self.add(body + 4, "before: {every: quarter, day: 12}")
            self.add(body + 2, "- id: bao-cao-nam")
            self.add(body + 4, f"what: {q('Báo cáo tổng kết năm')}")
            self.add(body + 4, "by: {every: year, month: 11, day: 30}")
            self.add(body, "progress:")
            self.add(body + 2, "done:")
            for month in (3, 6):
                evidence = q(f"Báo cáo số {number % 500 + month}/BC-SGTVT")
                self.add(body + 4, f"- {{deadline: bao-cao-quy, occurrence: {self.date(month, 12)}, date: {self.date(month, 8)}, evidence: {evidence}}}")
        elif kind == 2:
            self.add(body, "measures:")
            self.add(body + 2, f"initiatives: {{kind: count, label: {q('Số sáng kiến, giải pháp mới')}}}")
            self.add(body, f"rule: {{kind: tiers, measure: initiatives, tiers: [{{at_least: 2, points: {max_points:g}}}, {{at_least: 1, points: {half:g}}}]}}")
            self.add(body, f"baseline: {{points: {half:g}, observed: [{{measure: initiatives, value: 1}}]}}")
            self.add(body, "progress:")
            self.add(body + 2, "measurements:")
            self.add(body + 4, f"- {{date: {self.date(3, 10)}, initiatives: 1, evidence: {q('Quyết định công nhận sáng kiến')}}}")
            self.add(body + 4, f"- {{date: {self.date(9, 25)}, initiatives: {pick.randint(1, 3)}}}")
        elif kind == 3:
            self.add(body, "measures:")
            self.add(body + 2, f"plan_issued: {{kind: yes_no, label: {q('Có kế hoạch tuyên truyền')}}}")
            self.add(body + 2, f"participation_pct: {{kind: percent, label: {q('Tỷ lệ CCVC tham gia Hội thi trực tuyến')}}}")
            self.add(body, "rule:")
            self.add(body + 2, "kind: all_of")
            self.add(body + 2, "conditions:")
            self.add(body + 4, "- {measure: plan_issued, equals: true}")
            self.add(body + 4, "- {measure: participation_pct, above: 90}")
            self.add(body + 2, f"assumption: {q('Giả định chấm đạt hoặc không đạt: đủ các điều kiện được đủ điểm.')}")
            self.add(body, "baseline: {points: unknown}")
            self.add(body, "progress:")
            self.add(body + 2, "measurements:")
            self.add(body + 4, f"- {{date: {self.date(5, 20)}, plan_issued: true, participation_pct: {pick.randint(60, 100)}}}")
        elif kind == 4:
            self.add(body, f"note: {q('Năm trước có khoảng 96,5% hồ sơ giải quyết đúng hạn')}")
            self.add(body, "measures:")
            self.add(body + 2, f"on_time_pct: {{kind: percent, label: {q('Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn')}}}")
            self.add(body, f"rule: {{kind: proportional, measure: on_time_pct, assumption: {q('Giả định chấm tỷ lệ thuận (tỷ lệ × điểm tối đa).')}}}")
            self.add(body, "baseline: {points: unknown, observed: [{measure: on_time_pct, about: 96.5}]}")
            self.add(body, "progress:")
            self.add(body + 2, "measurements:")
            self.add(body + 4, f"- {{date: {self.date(6, 30)}, on_time_pct: {pick.randint(900, 1000) / 10:g}}}")
            self.add(body + 2, f"self_assessed: {half:g}")
        elif kind == 5:
            self.add(body, "measures:")
            self.add(body + 2, f"rating: {{kind: level, levels: [{q('rất tốt')}, {q('tốt')}, {q('chưa đạt')}], label: {q('Mức đánh giá chất lượng')}}}")
            self.add(body, f"rule: {{kind: quality, measure: rating, shares: {{{q('rất tốt')}: 1.0, {q('tốt')}: 0.5, {q('chưa đạt')}: 0}}}}")
            self.add(body, f"baseline: {{points: {half:g}, observed: [{{measure: rating, value: {q('tốt')}}}]}}")
        elif kind == 6:
            self.add(body, "measures:")
            self.add(body + 2, f"compliant_rules: {{kind: count, label: {q('Số quy chế ban hành đúng quy định')}}}")
            self.add(body + 2, f"breach: {{kind: level, levels: [{q('không')}, {q('nhẹ')}, {q('nghiêm trọng')}], label: {q('Mức vi phạm')}}}")
            if number % 16 == 6:
                self.add(body, "rule: {kind: per_item, measure: compliant_rules, points_each: 0.5}")
            else:
                self.add(body, f"rule: {{kind: deductions, measure: breach, deductions: [{{level: {q('nhẹ')}, share: 0.5}}, {{level: {q('nghiêm trọng')}, share: 1}}]}}")
            self.add(body, "baseline: {points: unknown}")
            self.add(body, "progress:")
            self.add(body + 2, "evidence:")
            self.add(body + 4, f"- {{date: {self.date(4, 2)}, text: {q(f'Quy chế số {number % 700 + 1}/QĐ-SGTVT')}}}")
        else:
            self.add(body, "rule: {kind: manual}")
            self.add(body, "baseline: {points: unknown}")
            self.add(body, f"projection: {{points: {half:g}, assumption: {q('Dự kiến đạt một nửa số điểm như năm trước.')}}}")
            self.add(body, "assumptions:")
            self.add(body + 2, f"lead: {q('Ô chủ trì để trống trong bảng (ô gộp với dòng phía trên); lấy theo đơn vị chủ trì của dòng đó.')}")


def plan_lines(criteria: int, *, year: int = 2024, department: str = "Sở Giao thông vận tải", seed: int = 0) -> Iterator[str]:
    """The lines of a valid plan with exactly ``criteria`` criteria and sub-criteria."""
    writer = _Writer(year, seed)
    shapes = criteria_counts(criteria, min(len(DOMAINS), criteria))
    table = 0.0
    body: list[str] = []
    writer.lines = body
    number = 0
    for d_index, children_counts in enumerate(shapes):
        domain_id = str(d_index + 1)
        writer.add(2, f'- id: "{domain_id}"')
        writer.add(4, f"title: {q(DOMAINS[d_index % len(DOMAINS)])}")
        writer.add(4, "criteria:")
        for c_index, children in enumerate(children_counts):
            criterion_id = f"{domain_id}.{c_index + 1}"
            number += 1
            if children:
                maxima = [0.5 * (1 + (number + k) % 3) for k in range(children)]
                total = sum(maxima)
                writer.add(6, f'- id: "{criterion_id}"')
                writer.add(8, f"title: {q(f'{TITLES[number % len(TITLES)]} ({criterion_id})')}")
                writer.add(8, f"max: {total:g}")
                writer.add(8, "children:")
                for k, child_max in enumerate(maxima):
                    number += 1
                    writer.leaf(10, f"{criterion_id}.{k + 1}", number, child_max)
            else:
                total = 0.5 * (1 + number % 4)
                writer.leaf(6, criterion_id, number, total)
            table += total
    outside = round(table * OUTSIDE_SHARE * 2) / 2
    index_max = table + outside
    previous_points = round(index_max * 0.8459, 2)
    previous_percent = round(previous_points / index_max * 100, 2)
    yield "# yaml-language-server: $schema=../schemas/plan.schema.json"
    yield f"# Kế hoạch tổng hợp để đo hiệu năng: {criteria} tiêu chí (tạo tự động, không phải kế hoạch thật)."
    yield ""
    yield f'plan: {{number: "{seed % 2000 + 1}/KH-{year}", date: {year}-06-04, issuer: {q(department)}}}'
    yield f'implements: {{number: "215/KH-UBND", date: {year}-05-23, issuer: "UBND tỉnh"}}'
    yield f"issuer: {q(department)}"
    yield f"title: {q(f'Nâng cao chỉ số công tác cải cách hành chính năm {year}')}"
    yield f"year: {year}"
    yield f"index_max: {index_max:g}"
    yield f"previous: {{points: {previous_points:g}, percent: {previous_percent:g}, rank: 13, of: 21, rank_change: 3}}"
    yield "target:"
    yield "  rank: 10"
    yield "  of: 21"
    yield f"  score: {round(index_max * 0.87, 2):g}"
    yield f"  assumption: {q('Điểm cần đạt để vào nhóm 10 đơn vị dẫn đầu là ước tính.')}"
    yield ""
    yield "assumptions:"
    yield "  unknown_share: 1.0"
    yield f"  why: {q('Các tiêu chí chưa có kết quả năm trước được dự kiến đạt điểm tối đa; đây là giả định.')}"
    yield ""
    yield "units:"
    for unit_id, name, part_of, kind in UNITS:
        extra = (f", part_of: {part_of}" if part_of else "") + (f", kind: {kind}" if kind != "unit" else "")
        yield f"  - {{id: {unit_id}, name: {q(name)}{extra}}}"
    yield ""
    yield "domains:"
    yield from body
    yield ""
    yield "outside_table:"
    yield '  id: "ngoai-bang"'
    yield f"  title: {q('Phần điểm ngoài bảng phân công (điều tra xã hội học, thẩm định)')}"
    yield f"  max: {outside:g}"
    yield "  baseline: {points: unknown}"
    yield "  projection:"
    yield f"    points: {round(outside * 0.8459, 2):g}"
    yield f"    assumption: {q('Dự kiến đạt theo tỷ lệ chung năm trước.')}"


def plan_text(criteria: int, **options: object) -> str:
    return "\n".join(plan_lines(criteria, **options)) + "\n"  # type: ignore[arg-type]


def write_plan(path: Path, criteria: int, **options: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_text(criteria, **options), encoding="utf-8")
    return path


def write_province(folder: Path, plans: int = 100, criteria: int = 49) -> list[Path]:
    """A folder of department plans, several years each (``so-yte-2023.yaml`` …), with
    sizes around the bundled plan's, as a province's plans repository would hold."""
    written = []
    for index in range(plans):
        slug, name = DEPARTMENTS[index % len(DEPARTMENTS)]
        year = 2024 - index // len(DEPARTMENTS)
        size = criteria + (index * 7) % 21 - 10
        written.append(write_plan(folder / f"{slug}-{year}.yaml", max(size, len(DOMAINS)), year=year, department=name, seed=index))
    return written
