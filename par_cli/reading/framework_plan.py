"""One builder from a framework table (Word or Excel, see framework_table.py) to a draft plan.

The draft is plain data in the plan's shape, with the comments that tell the user what to
check and the list of what could not be read, each with its place in the source file. It
holds the table's words as written (NFC); everything that is a reading rather than the
table's words carries an ``assumption`` quoting its source; nothing is invented: a rule is
``manual`` unless the table states a scale, a previous result is ``unknown`` unless a note
states it, and the plan-level facts the table lacks come from options or are left for the user.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from par_cli.plan.text import is_blank
from par_cli.reading.framework_notes import (
    DeadlineReading,
    number,
    read_baseline,
    read_deadlines,
    read_scale,
)
from par_cli.reading.framework_table import Cell, FrameworkFileError, Place, SourceTable, cell_text, find_header, plain

_ID = re.compile(r"^(\d+(?:\.\d+)*)\.?$")
_MAX = re.compile(r"^\d+(?:[.,]\d+)?$")
_DOCUMENT = re.compile(
    r"Kế\s+hoạch\s+số\s*([0-9A-Za-zĐđ/ .-]+?)\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?:\s+của\s+([^)]+))?",
    re.IGNORECASE,
)
PLACEHOLDER = "CHƯA ĐIỀN"
IMPORTED = "Đọc từ bảng khi nhập (par import)"


@dataclass(frozen=True)
class Unread:
    """Something in the source the importer could not read: where, and a catalogue key."""

    where: Place
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Facts:
    """Plan-level facts a framework table does not hold, as the user gives them."""

    year: int | None = None
    index_max: float | None = None
    previous: float | None = None
    rank: tuple[int, int] | None = None
    issuer: str | None = None
    number: str | None = None
    date: dt.date | None = None
    title: str | None = None


@dataclass
class Draft:
    data: dict[str, object]
    comments: dict[int, list[str]]
    unread: list[Unread]
    missing: list[str]
    criteria: int = 0


@dataclass
class _Row:
    id: str
    where: Place
    parts: dict[str, list[Cell]]

    def text(self, column: str) -> str:
        return cell_text(" ".join(cell.text for cell in self.parts.get(column, []) if not cell.continued))

    def raw(self, column: str) -> str:
        # A cell's own line breaks may separate units; a row split across pages only continues.
        return " ".join(cell.text for cell in self.parts.get(column, []) if not cell.continued)

    def continued(self, column: str) -> bool:
        cells = self.parts.get(column, [])
        return bool(cells) and cells[0].continued

    def where_of(self, column: str) -> Place:
        cells = self.parts.get(column, [])
        return cells[0].where if cells else self.where


def build_draft(tables: list[SourceTable], facts: Facts) -> Draft:
    unread: list[Unread] = []
    header_rows, columns, preamble = _criteria_rows(tables)
    rows = _records(header_rows, columns, unread)
    if not rows:
        raise FrameworkFileError("import.no_rows")
    document = _document(preamble)
    year = facts.year or (document[1].year if document else None) or _year_from_notes(rows)
    missing: list[str] = []
    if year is None:
        raise FrameworkFileError("import.no_year")
    if facts.year is None and document is None:
        missing.append("year")
    units = _Units()
    domains = _tree(rows, year, units, unread)
    if not domains:
        raise FrameworkFileError("import.no_rows")
    comments: dict[int, list[str]] = {}
    data: dict[str, object] = {}
    number_, date_, issuer_ = facts.number, facts.date, facts.issuer
    if document:
        number_ = number_ or document[0]
        date_ = date_ or document[1]
        issuer_ = issuer_ or document[2]
    for name, value in (("number", number_), ("date", date_), ("issuer", issuer_)):
        if value is None:
            missing.append(name)
    reference = {"number": number_ or PLACEHOLDER, "date": date_ or dt.date(year, 1, 1), "issuer": issuer_ or PLACEHOLDER}
    data["plan"] = reference
    data["issuer"] = facts.issuer or issuer_ or PLACEHOLDER
    if facts.title is None:
        missing.append("title")
    data["title"] = facts.title or f"Nâng cao chỉ số cải cách hành chính năm {year}"
    data["year"] = year
    table_total = round(sum(float(criterion["max"]) for domain in domains for criterion in domain["criteria"]), 4)  # type: ignore[index]
    index_max = facts.index_max if facts.index_max is not None else table_total
    if facts.index_max is None:
        missing.append("index_max")
    data["index_max"] = _num(index_max)
    if facts.previous is not None and facts.rank is not None and index_max > 0:
        data["previous"] = {
            "points": _num(facts.previous),
            "percent": round(facts.previous / index_max * 100, 2),
            "rank": facts.rank[0],
            "of": facts.rank[1],
        }
    else:
        missing += [name for name, value in (("previous", facts.previous), ("rank", facts.rank)) if value is None]
    data["units"] = units.entries()
    data["domains"] = domains
    if index_max > table_total + 1e-6:
        outside = {
            "id": "ngoai-bang",
            "title": "Phần điểm ngoài bảng (điều tra xã hội học, thẩm định)",
            "max": _num(round(index_max - table_total, 4)),
            "baseline": {"points": "unknown"},
            "projection": {"points": 0, "assumption": "Chưa dự kiến: bảng không nêu phần điểm này; hãy điền điểm dự kiến và lý do."},
        }
        data["outside_table"] = outside
        comments[id(outside)] = ["CẦN KIỂM TRA: phần chênh lệch giữa điểm tối đa của chỉ số và tổng điểm của bảng."]
    _plan_comments(data, comments, missing, document, preamble)
    for domain in domains:
        for criterion in domain["criteria"]:  # type: ignore[index]
            _criterion_comments(criterion, comments)
    count = sum(1 for row in rows if "." in row.id and any(d["id"] == row.id.split(".")[0] for d in domains))
    return Draft(data, comments, unread, missing, count)


# --- the table's rows ------------------------------------------------------------------------


def _criteria_rows(tables: list[SourceTable]) -> tuple[list[list[Cell]], dict[str, int], list[str]]:
    for index, table in enumerate(tables):
        found = find_header(table.rows)
        if found is None:
            continue
        header, columns = found
        rows = list(table.rows[header + 1 :])
        width = len(table.rows[header])
        preamble = list(table.preamble) + [" ".join(c.text for c in row if c.text) for row in table.rows[:header]]
        # A Word table broken by a page or a section continues as the next table.
        for following in tables[index + 1 :]:
            if not following.rows or len(following.rows[0]) != width:
                break
            again = find_header(following.rows)
            rows += following.rows[again[0] + 1 :] if again else following.rows
        return rows, columns, preamble
    raise FrameworkFileError("import.no_table")


def _records(rows: list[list[Cell]], columns: dict[str, int], unread: list[Unread]) -> list[_Row]:
    records: list[_Row] = []
    for row in rows:
        cells = {column: row[position] for column, position in columns.items() if position < len(row)}
        if not any(cell_text(cell.text) for cell in cells.values()):  # a row that shows nothing
            continue
        id_cell = cells.get("id")
        id_text = cell_text(id_cell.text) if id_cell is not None and not id_cell.continued else ""
        if not id_text:
            if not records:
                first = next(cell for cell in cells.values() if cell_text(cell.text))
                unread.append(Unread(first.where, "import.no_number", {"text": cell_text(first.text)[:80]}))
                continue
            # A row split across two pages (or two table rows): its cells join the row above.
            for column, cell in cells.items():
                if cell_text(cell.text) and not cell.continued:
                    records[-1].parts.setdefault(column, []).append(cell)
            continue
        match = _ID.match(id_text)
        if match is None:
            unread.append(Unread(id_cell.where, "import.bad_number", {"text": id_text}))  # type: ignore[union-attr]
            continue
        records.append(_Row(match.group(1), id_cell.where, {column: [cell] for column, cell in cells.items()}))  # type: ignore[union-attr]
    return records


def _document(preamble: list[str]) -> tuple[str, dt.date, str] | None:
    for text in preamble:
        match = _DOCUMENT.search(text)
        if match is None:
            continue
        try:
            day = dt.date(int(match.group(4)), int(match.group(3)), int(match.group(2)))
        except ValueError:
            continue
        number_ = re.sub(r"\s+", "", match.group(1))
        issuer = (match.group(5) or "").strip(" .")
        issuer = PLACEHOLDER if is_blank(issuer) else issuer
        return number_, day, issuer
    return None


def _year_from_notes(rows: list[_Row]) -> int | None:
    years = Counter(int(y) for row in rows for y in re.findall(r"trước\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4})", row.text("note"), re.I))
    return years.most_common(1)[0][0] if years else None


# --- units -----------------------------------------------------------------------------------


class _Units:
    """The units named in the lead and support columns, each once however it is typed."""

    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, object]] = {}

    def ids(self, raw: str) -> list[str]:
        found = []
        for part in re.split(r"[;\n]", raw):
            name = cell_text(part).strip(" ,.")
            if not is_blank(name):
                found.append(self.add(name))
        return list(dict.fromkeys(found))

    def add(self, name: str) -> str:
        key = re.sub(r"[^a-z0-9]+", " ", plain(name)).strip()
        if key not in self.by_key:
            slug = key.replace(" ", "-") or "don-vi"
            taken = {str(unit["id"]) for unit in self.by_key.values()}
            unit_id, suffix = slug, 2
            while unit_id in taken:
                unit_id, suffix = f"{slug}-{suffix}", suffix + 1
            entry: dict[str, object] = {"id": unit_id, "name": name}
            kind = _kind(key)
            if kind != "unit":
                entry["kind"] = kind
            self.by_key[key] = entry
        return str(self.by_key[key]["id"])

    def entries(self) -> list[dict[str, object]]:
        names = {key: unit["id"] for key, unit in self.by_key.items()}
        for unit in self.by_key.values():
            inner = re.search(r"\(([^()]+)\)\s*$", str(unit["name"]))
            if inner:
                key = re.sub(r"[^a-z0-9]+", " ", plain(inner.group(1))).strip()
                if key in names and names[key] != unit["id"]:
                    unit["part_of"] = names[key]
        return list(self.by_key.values())


def _kind(key: str) -> str:
    collective = key.startswith(("cac phong", "cac don vi", "cac co quan", "tat ca"))
    if collective and "duoc giao chu tri" in key:
        return "assigned"
    if collective and "lien quan" in key:
        return "concerned"
    return "all" if collective else "unit"


# --- the tree --------------------------------------------------------------------------------


def _tree(rows: list[_Row], year: int, units: _Units, unread: list[Unread]) -> list[dict[str, object]]:
    parents = {row.id.rpartition(".")[0] for row in rows if "." in row.id}
    domains: list[dict[str, object]] = []
    nodes: dict[str, dict[str, object]] = {}
    previous_leaf: dict[str, tuple[_Row, dict[str, object]]] = {}  # parent id → last leaf
    group_head: dict[str, tuple[_Row, list[dict[str, object]]]] = {}  # parent id → note row and its group
    pending: list[tuple[_Row, list[dict[str, object]]]] = []
    seen: set[str] = set()
    for row in rows:
        if row.id in seen:
            unread.append(Unread(row.where, "import.duplicate_number", {"id": row.id}))
            continue
        seen.add(row.id)
        if "." not in row.id:
            domain = {"id": row.id, "title": row.text("title") or PLACEHOLDER, "criteria": []}
            domains.append(domain)
            nodes[row.id] = domain
            continue
        parent_id = row.id.rpartition(".")[0]
        parent = nodes.get(parent_id)
        if parent is None:
            unread.append(Unread(row.where, "import.no_parent", {"id": row.id, "parent": parent_id}))
            continue
        leaf = row.id not in parents
        criterion: dict[str, object] = {"id": row.id, "title": row.text("title") or PLACEHOLDER}
        criterion["max"] = _maximum(row, unread)
        assumptions: dict[str, str] = {}
        inherited = False
        before = previous_leaf.get(parent_id) if leaf else None
        for column in ("lead", "support"):
            raw = row.raw(column)
            if cell_text(raw):  # a cell of zero-width spaces is as empty as an empty one
                criterion[column] = units.ids(raw)
            elif leaf and before is not None and before[1].get(column) and (row.continued(column) or not cell_text(row.raw("lead" if column == "support" else "support"))):
                criterion[column] = list(before[1][column])  # type: ignore[arg-type]
                assumptions[column] = (
                    f"Ô {'chủ trì' if column == 'lead' else 'phối hợp'} của dòng này để trống trong bảng "
                    f"(ô gộp với dòng {before[0].id} phía trên); lấy theo dòng {before[0].id}."
                )
                inherited = True
            elif leaf:
                unread.append(Unread(row.where_of(column), "import.no_unit", {"id": row.id, "column": column}))
        for column in ("requirement", "note"):
            if row.text(column):
                criterion[column] = row.text(column)
        if leaf:
            _rule(criterion, row)
            _baseline(criterion, row, year, unread)
            # Rows whose note is merged with (or left blank under) the row above share its
            # note: the deadlines it states go to whichever of them they name.
            head = group_head.get(parent_id)
            if head is not None and not row.text("note") and (row.continued("note") or inherited):
                head[1].append(criterion)
            else:
                group = [criterion]
                group_head[parent_id] = (row, group)
                pending.append((row, group))
            previous_leaf[parent_id] = (row, criterion)
        if assumptions:
            criterion["assumptions"] = assumptions
        nodes[row.id] = criterion
        parent.setdefault("children" if "." in parent_id else "criteria", []).append(criterion)  # type: ignore[union-attr]
    for row, group in pending:
        _deadlines(row, group, year, unread)
    for node_id, node in nodes.items():
        if "." in node_id and node.get("children"):
            total = round(sum(float(child["max"] or 0) for child in node["children"]), 4)  # type: ignore[index, union-attr]
            if node.get("max") is None:
                node["max"] = _num(total)
    for domain in domains:
        for criterion in domain["criteria"]:  # type: ignore[union-attr]
            _order_keys(criterion)
    kept = []
    for domain in domains:
        if domain["criteria"]:
            kept.append(domain)
        else:
            unread.append(Unread(next(r.where for r in rows if r.id == domain["id"]), "import.empty_domain", {"id": domain["id"]}))
    return kept


def _maximum(row: _Row, unread: list[Unread]) -> object:
    text = row.text("max")
    if _MAX.match(text):
        return _num(number(text))
    if text:
        unread.append(Unread(row.where_of("max"), "import.bad_max", {"id": row.id, "text": text}))
    return None


def _rule(criterion: dict[str, object], row: _Row) -> None:
    maximum = criterion.get("max")
    for column in ("title", "requirement"):
        scale = read_scale(row.text(column))
        if scale is None or maximum is None or any(points > float(maximum) for _, points in scale.tiers):  # type: ignore[arg-type]
            continue
        noun = scale.noun
        criterion.setdefault("measures", {})["so_luong"] = {"kind": "count", "label": f"Số {noun}"}  # type: ignore[index]
        criterion["rule"] = {
            "kind": "tiers",
            "measure": "so_luong",
            "tiers": [{"at_least": count, "points": _num(points)} for count, points in scale.tiers],
            "assumption": f"{IMPORTED}: thang điểm ghi ở cột {'Nhiệm vụ' if column == 'title' else 'Nội dung yêu cầu'}: “{scale.clause}”",
        }
        return
    criterion["rule"] = {"kind": "manual"}


def _baseline(criterion: dict[str, object], row: _Row, year: int, unread: list[Unread]) -> None:
    reading = read_baseline(row.text("note"), year) if row.text("note") else None
    if reading is None:
        criterion["baseline"] = {"points": "unknown"}
        return
    baseline: dict[str, object] = {"points": "unknown"}
    maximum = criterion.get("max")
    if reading.points is not None:
        if maximum is not None and reading.points <= float(maximum) + 1e-9:  # type: ignore[arg-type]
            baseline["points"] = _num(reading.points)
        else:
            unread.append(Unread(row.where_of("note"), "import.baseline_above_max", {"id": row.id, "text": reading.clause}))
    if reading.percent is not None:
        criterion.setdefault("measures", {})["ty_le"] = {"kind": "percent", "label": reading.label or "Tỷ lệ ghi ở cột Ghi chú"}  # type: ignore[index]
        baseline["observed"] = [{"measure": "ty_le", ("about" if reading.about else "value"): _num(reading.percent)}]
    if baseline == {"points": "unknown"}:
        criterion["baseline"] = baseline
        return
    baseline["assumption"] = f"{IMPORTED}: kết quả năm {year - 1} ở cột Ghi chú: “{reading.clause}”"
    criterion["baseline"] = baseline


def _deadlines(head: _Row, group: list[dict[str, object]], year: int, unread: list[Unread]) -> None:
    for column, label in (("note", "Ghi chú"), ("requirement", "Nội dung yêu cầu")):
        text = head.text(column)
        if not text:
            continue
        readings, not_read = read_deadlines(text, year)
        for clause in not_read:
            unread.append(Unread(head.where_of(column), "import.unread_deadline", {"id": head.id, "text": clause}))
        for reading in readings:
            target = _named(reading, group) if column == "note" else group[0]
            _add_deadline(target, reading, head.id, label, target is not group[0])


def _named(reading: DeadlineReading, group: list[dict[str, object]]) -> dict[str, object]:
    """The criterion of a merged group whose title the clause's task names best; the row
    that holds the note when none is named better."""
    words = set(plain(reading.what or reading.clause).split())
    best, score = group[0], _overlap(words, str(group[0]["title"]))
    for criterion in group[1:]:
        candidate = _overlap(words, str(criterion["title"]))
        if candidate > score + 1e-9:
            best, score = criterion, candidate
    return best


def _overlap(words: set[str], title: str) -> float:
    other = set(plain(title).split())
    return len(words & other) / len(words | other) if words | other else 0.0


def _add_deadline(criterion: dict[str, object], reading: DeadlineReading, head_id: str, label: str, elsewhere: bool) -> None:
    deadlines = criterion.setdefault("deadlines", [])
    assert isinstance(deadlines, list)
    what = reading.what or str(criterion["title"])
    slug = "-".join(re.sub(r"[^a-z0-9]+", " ", plain(what)).split()[:4]) or "han"
    taken = {entry["id"] for entry in deadlines}
    deadline_id, suffix = slug, 2
    while deadline_id in taken:
        deadline_id, suffix = f"{slug}-{suffix}", suffix + 1
    why = f"{IMPORTED}: cột {label} của dòng {head_id}: “{reading.clause}”"
    if elsewhere:
        why += f"; ô Ghi chú gộp, thời hạn này nêu việc của dòng {criterion['id']}"
    if reading.moved_from_year is not None:
        why += f"; bảng ghi năm {reading.moved_from_year}, hiểu là hằng năm"
    entry: dict[str, object] = {"id": deadline_id, "what": what, ("before" if reading.exclusive else "by"): reading.when, "assumption": why}
    deadlines.append(entry)


_ORDER = ("id", "title", "max", "lead", "support", "requirement", "note", "measures", "rule", "baseline", "deadlines", "assumptions", "children")


def _order_keys(criterion: dict[str, object]) -> None:
    items = sorted(criterion.items(), key=lambda item: _ORDER.index(item[0]))
    criterion.clear()
    criterion.update(items)
    if criterion.get("max") is None:
        criterion["max"] = 0
    for child in criterion.get("children", []):  # type: ignore[union-attr]
        _order_keys(child)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


# --- comments for the user ---------------------------------------------------------------------


def _plan_comments(data, comments, missing, document, preamble) -> None:  # type: ignore[no-untyped-def]
    top = ["Bản nháp do `par import` lập từ bảng khung chỉ số; hãy đối chiếu với văn bản gốc trước khi dùng.",
           "Mọi giá trị là cách đọc của chương trình (không phải lời văn của bảng) đều có `assumption` trích nguồn."]
    if document:
        top.append(f"Số, ngày và cơ quan ban hành đọc từ đoạn văn trước bảng: {', '.join(str(x) for x in document)}.")
    for name in missing:
        top.append(f"CẦN ĐIỀN: {_FACT_WORDS[name]}.")
    comments[id(data)] = top


_FACT_WORDS = {
    "year": "năm của kế hoạch (đọc từ văn bản; --year để đặt)",
    "number": "số, ký hiệu kế hoạch (plan.number; --number)",
    "date": "ngày ban hành kế hoạch (plan.date; --date)",
    "issuer": "cơ quan ban hành (issuer; --issuer)",
    "title": "tên kế hoạch (title; --title)",
    "index_max": "điểm tối đa của chỉ số (index_max; --index-max): tạm lấy tổng điểm của bảng",
    "previous": "kết quả năm trước (previous; --previous)",
    "rank": "xếp hạng năm trước (previous.rank/of; --rank 13/21)",
}


def _criterion_comments(criterion: dict[str, object], comments: dict[int, list[str]]) -> None:
    notes = []
    if criterion.get("assumptions"):
        notes.append("CẦN KIỂM TRA: đơn vị lấy từ ô gộp phía trên.")
    if criterion.get("deadlines"):
        notes.append("CẦN KIỂM TRA: thời hạn đọc từ bảng.")
    baseline = criterion.get("baseline")
    if isinstance(baseline, dict) and baseline.get("assumption"):
        notes.append("CẦN KIỂM TRA: kết quả năm trước đọc từ Ghi chú.")
    rule = criterion.get("rule")
    if isinstance(rule, dict) and rule.get("kind") == "tiers":
        notes.append("CẦN KIỂM TRA: thang điểm đọc từ bảng.")
    if notes:
        comments[id(criterion)] = notes
    for child in criterion.get("children", []):  # type: ignore[union-attr]
        _criterion_comments(child, comments)
