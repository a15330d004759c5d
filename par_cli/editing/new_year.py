"""Next year's plan from this year's (`par new-year`): same framework, same units, year + 1.

What this year scored becomes next year's baseline (the stage that counts, the final result
when it is recorded, and the last reading of each measure); the published result and rank
come from the user; recurring deadlines carry over, one-off deadlines move a year and say
so; progress starts empty; every assumption is kept and marked for review, since it was made
for this year. The old file is copied as written but for those changes (spliced into its
text, as `par set` splices): its comments, blank lines and layout stay, the new values are
written as ruamel.yaml writes them, and what goes (progress, a parent's baseline, last year's
previous result) goes with the lines it stands on.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from dataclasses import dataclass, field
from typing import Any

from par_cli.editing.splice import SpliceError, after_line_of, content_end, is_mapping, is_scalar, is_sequence, line_start
from par_cli.plan.model import Criterion, Plan
from par_cli.state.as_of import latest_readings, stage_that_counts


@dataclass
class Rollover:
    """Next year's plan: its text in UTF-8, joined from the old one and the edits the first
    time it is read (so a caller can let go of the old plan's models first), and what
    changed."""

    edits: "_Edits" = field(repr=False)
    header: str = field(repr=False)
    year: int
    baselines: int
    moved: int
    review: int
    previous_given: bool

    @functools.cached_property
    def data(self) -> bytes:
        data = self.edits.applied(self.header)
        del self.edits  # the old text with it
        return data


def last_readings(plan: Plan, criterion: Criterion) -> dict[str, object]:
    """The year's last value of each measure (`par_cli.state`'s latest reading with every
    record counted), in the order the measures are declared: the order the baseline's
    ``observed`` list is written in."""
    readings = latest_readings(plan, criterion, dt.date.max)
    order = list(criterion.measures)
    return {name: readings[name].value for name in sorted(readings, key=lambda n: order.index(n) if n in order else len(order))}


_STAGE_WORDS = {
    "self_assessment": "tự đánh giá",
    "appraisal_1": "thẩm định lần 1",
    "explanation": "giải trình",
    "appraisal_2": "thẩm định lần 2",
    "final": "kết quả chính thức",
}


def roll_over(plan: Plan, text: str, previous: float | None = None, rank: tuple[int, int] | None = None) -> Rollover:
    """Next year's plan as the old text with only what changes spliced into it: the text is
    composed a criterion at a time (`reader.compose_by_criterion`) to find what to remove,
    replace or add, each new value rendered by ruamel.yaml's emitter as a round trip of the
    whole document would render it, and the pieces joined once. A round trip read the
    5,000-criteria plan in 104 s and 316 MB with ruamel's pure-Python loader."""
    from par_cli.reading.reader import compose_by_criterion

    year, new_year = plan.year, plan.year + 1
    edits = _Edits(text)
    mark = f"[Xem lại cho năm {new_year}] "
    root, composed = compose_by_criterion(text)
    criteria_lists = {id(_value(domain, "criteria")) for domain in _items(_value(root, "domains"))}
    review = _mark_for_review(root, mark, edits, skip=criteria_lists)  # the criteria come next
    baselines = moved = 0
    criteria = iter(composed)
    for domain in plan.domains:
        for criterion in domain.criteria:
            node = next(criteria)
            review += _mark_for_review(node, mark, edits)
            counts = _roll_criterion(criterion, node, plan, edits, mark)
            baselines, moved = baselines + counts[0], moved + counts[1]
    edits.set(root, "year", new_year)
    title = _value(root, "title")
    if _is_text(title) and str(year) in title.value:
        edits.replace_scalar(title, _styled(title)(title.value.replace(str(year), str(new_year))), flow=False)
    old_rank = None
    if _value(root, "previous") is not None:
        old_rank = plan.previous.rank if plan.previous is not None else None
        edits.remove(root, "previous")
    if previous is not None and rank is not None:
        result = _flow_map(points=previous, percent=round(previous / plan.index_max * 100, 2), rank=rank[0], of=rank[1])
        if old_rank is not None:
            result["rank_change"] = old_rank - rank[0]
        edits.add_after(root, "index_max", "previous", result)
    if plan.outside_table is not None:
        edits.set(_value(root, "outside_table"), "baseline", _flow_map(points="unknown"))
    # Bonus and penalty items and the report's number, date and part III belong to the year
    # that ends; the caps, the heading, the signer and the recipients carry over.
    for key, kept in (("adjustments", ("bonus", "penalty")), ("report", ("number", "date", "difficulties", "recommendations"))):
        section = _value(root, key)
        if is_mapping(section):
            for name in kept:
                edits.remove(section, name)
    header = (
        f"# Kế hoạch năm {new_year} do `par new-year` lập từ kế hoạch năm {year}: cùng khung chỉ số và các đơn vị.\n"
        f"# CẦN KIỂM TRA: số, ngày kế hoạch (plan, implements) vẫn là của năm {year}; các giả định ghi "
        f"“[Xem lại cho năm {new_year}]”; thời hạn một lần đã dời sang năm {new_year}.\n"
    )
    return Rollover(edits, header, new_year, baselines, moved, review, previous is not None and rank is not None)


def _roll_criterion(criterion: Criterion, node: Any, plan: Plan, edits: "_Edits", mark: str) -> tuple[int, int]:
    """The edits of one criterion and its sub-criteria (``node``, composed) but the review
    marks: how many baselines taken from the year's scores and deadlines moved."""
    baselines = moved = 0
    year, new_year = plan.year, plan.year + 1
    edits.remove(node, "progress")
    if criterion.children:
        edits.remove(node, "baseline")
    else:
        # The stage `par score` counts once every record is in (dated after the year too:
        # the appraisals and the final result come in the year after).
        stage = stage_that_counts(criterion, dt.date.max)
        points: Any = "unknown"
        why = None
        if stage is not None and stage.legacy:
            points = stage.points
            why = f"Điểm {'thẩm định' if stage.appraised else 'tự đánh giá'} năm {year} (chưa có kết quả chính thức)"
        elif stage is not None:
            points = stage.points
            why = f"Điểm năm {year} theo {_STAGE_WORDS[stage.stage]} ngày {stage.date:%d/%m/%Y}"
            if stage.stage != "final":
                why += "; chưa có kết quả chính thức"
        readings = last_readings(plan, criterion)
        baseline = _flow_map(points=points)
        if readings:
            from ruamel.yaml.comments import CommentedSeq

            observed = CommentedSeq(_flow_map(measure=name, value=value) for name, value in readings.items())
            observed.fa.set_flow_style()
            baseline["observed"] = observed
            why = (why + "; " if why else "") + f"số đo là lần ghi cuối cùng năm {year}"
        if why:
            baseline["assumption"] = f"Kết quả năm {year} do par new-year lấy từ tiến độ đã ghi: {why}."
            baselines += 1 if points != "unknown" else 0
        edits.set(node, "baseline", baseline)
    entries = _items(_value(node, "deadlines"))
    for deadline, entry in zip(criterion.deadlines, entries):
        when = deadline.when
        if isinstance(when, dt.date):
            moved_to = _next_year(when)
            edits.set(entry, "before" if deadline.before is not None else "by", moved_to)
            note = f"Thời hạn năm {year} là {when:%d/%m/%Y}; giả định năm {new_year} cùng ngày ({moved_to:%d/%m/%Y}), cần đối chiếu kế hoạch năm {new_year}."
            old = _value(entry, "assumption")
            if _is_text(old) and old.value:
                marked = old.value if old.value.startswith(mark) else mark + old.value
                edits.set(entry, "assumption", f"{marked} {note}")
            else:
                edits.set(entry, "assumption", note)
            moved += 1
    for child, child_node in zip(criterion.children, _items(_value(node, "children"))):
        counts = _roll_criterion(child, child_node, plan, edits, mark)
        baselines, moved = baselines + counts[0], moved + counts[1]
    return baselines, moved


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _flow_map(**items: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap

    mapping = CommentedMap(items)
    mapping.fa.set_flow_style()
    return mapping


def _mark_for_review(node: Any, mark: str, edits: "_Edits", skip: set[int] | None = None) -> int:
    """Prefix every assumption (``assumption`` keys, ``assumptions`` values, the plan's
    ``assumptions.why``) below the composed ``node`` with ``mark``, but below the nodes
    whose ids are in ``skip``; how many."""
    count = 0
    if skip and id(node) in skip:
        return 0
    if is_mapping(node):
        for key, value in node.value:
            if key.value in ("assumption", "why") and _is_text(value):
                if not value.value.startswith(mark):
                    edits.prefix(value, mark, node.flow_style)
                count += 1
            elif key.value == "assumptions" and is_mapping(value) and _value(value, "unknown_share") is None and _value(value, "why") is None:
                for _, item in value.value:
                    if _is_text(item):
                        edits.prefix(item, mark, value.flow_style)
                        count += 1
            else:
                count += _mark_for_review(value, mark, edits, skip)
    elif is_sequence(node):
        for item in node.value:
            count += _mark_for_review(item, mark, edits, skip)
    return count


class _Edits:
    """The changes to ``text``, each the characters from one offset to another and what
    replaces them, applied at once (`applied`): an edit inside one that replaces more (a
    review mark in the progress that goes) is dropped; a later edit of the same characters
    replaces an earlier one; lines added at one place go deepest first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._edits: dict[tuple[int, int, int], str | tuple[str, int, str]] = {}
        self._removed: set[tuple[int, str]] = set()
        self._pending: list[tuple[Any, bool]] = []  # each value once (most baselines are alike)
        self._numbers: dict[Any, int] = {}

    def applied(self, header: str) -> bytes:
        """``header`` and the text with the edits, in UTF-8: encoded a piece at a time, the
        pieces (most of them small) fit where the old plan's models were."""
        rendered = self._rendered()
        text, at, parts = self.text, 0, [header.encode("utf-8")]
        for (start, end, _), new in sorted(self._edits.items()):
            if start < at:
                continue
            parts += [text[at:start].encode("utf-8"), (new if isinstance(new, str) else new[0] + rendered[new[1]] + new[2]).encode("utf-8")]
            at = end
        parts.append(text[at:].encode("utf-8"))
        return b"".join(parts)

    def render(self, value: Any, flow: bool, before: str = "", after: str = "") -> tuple[str, int, str]:
        """``before``, ``value`` as ruamel.yaml's emitter writes it as a value in a
        flow collection or a block mapping, on one line: written when the edits are applied,
        every value in one document (one emitter run per value took 10 ms), then ``after``."""
        key = (_frozen(value), flow)
        number = self._numbers.setdefault(key, len(self._pending))
        if number == len(self._pending):
            self._pending.append((value, flow))
        return before, number, after

    def _rendered(self) -> list[str]:
        from ruamel.yaml import YAML
        from ruamel.yaml.comments import CommentedMap, CommentedSeq
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        yaml = YAML(typ="rt")
        yaml.width = 1 << 30  # never fold: each value stays on its line
        yaml.representer.ignore_aliases = lambda data: True

        def dumped(values: list[Any], flow: bool) -> list[str]:
            holder: Any
            if flow:
                # Each as the value of a flow mapping, not as the item of a flow sequence: there
                # the emitter writes a mapping of one pair without its braces ("[points: unknown]").
                holder = CommentedSeq()
                for value in values:
                    item = CommentedMap([("v", value)])
                    item.fa.set_flow_style()
                    holder.append(item)
            else:
                holder = CommentedMap((f"k{number}", value) for number, value in enumerate(values))
            buffer = io.StringIO()
            yaml.dump(holder, buffer)
            lines = buffer.getvalue().split("\n")[:-1]
            prefixes = ["- {v: " if flow else f"k{number}: " for number in range(len(values))]
            if len(lines) == len(values) and all(line.startswith(prefix) and (not flow or line.endswith("}")) for line, prefix in zip(lines, prefixes)):
                return [line[len(prefix) : len(line) - flow] for line, prefix in zip(lines, prefixes)]
            if len(values) > 1:  # one of them took more than a line: each alone
                return [dumped([value], flow)[0] for value in values]
            (value,) = values
            if not flow:
                # A text the emitter writes as a block in a block mapping (a line break in it) is
                # written as it would be in a flow collection, quoted on one line.
                return dumped(values, True)
            if isinstance(value, str) and not isinstance(value, DoubleQuotedScalarString):
                # Single quotes write a line break as a line break, even in a flow collection
                # ('a<break><break>  b'): the text is written in double quotes, where it is \n.
                return dumped([DoubleQuotedScalarString(value)], True)
            raise SpliceError("splice.one_line")

        found: list[str] = [""] * len(self._pending)
        for flow in (False, True):
            numbers = [number for number, (_, in_flow) in enumerate(self._pending) if in_flow is flow]
            for number, line in zip(numbers, dumped([self._pending[number][0] for number in numbers], flow) if numbers else []):
                found[number] = line
        return found

    def prefix(self, scalar: Any, mark: str, flow: bool) -> None:
        """Put ``mark`` before the text of ``scalar``: inside its quotes or at the start of
        its block's first line as written; any other written again in its style (a plain one
        quoted as needed)."""
        start, text = scalar.start_mark.index, self.text
        if scalar.style in ('"', "'") and text[start + 1] not in "\r\n":  # (the mark's space would fold away)
            self._edits[start + 1, start + 1, 0] = mark
            return
        if scalar.style in ("|", ">") and not any(character.isdigit() for character in text[start : after_line_of(text, start)]):
            content = _SPACES.match(text, after_line_of(text, start)).end()
            if content < scalar.end_mark.index and text[content] not in "\r\n":
                self._edits[content, content, 0] = mark
                return
        self.replace_scalar(scalar, _styled(scalar)(mark + scalar.value), flow)

    def replace_scalar(self, scalar: Any, value: Any, flow: bool) -> None:
        self._edits[self._span(scalar)] = self.render(value, flow)

    def _span(self, scalar: Any) -> tuple[int, int, int]:
        """What a new value of ``scalar`` (or of a flow collection) replaces: a block scalar's span runs over its last
        line break and the blank lines after it, which stay (the value written is one line)."""
        start, end = scalar.start_mark.index, scalar.end_mark.index
        if is_scalar(scalar) and scalar.style in ("|", ">"):
            while end > start and self.text[end - 1] in " \r\n":
                end -= 1
        return start, end, 0

    def set(self, mapping: Any, key: str, value: Any) -> None:
        """Give ``key`` of ``mapping`` the ``value``, where the key stands, or added last."""
        key_node, old = _pair(mapping, key)
        if old is None:
            self._add(mapping, self._after_kept(mapping), key, value)
        elif is_scalar(old) or old.flow_style:
            if isinstance(value, str) and _is_text(old):
                value = _styled(old)(value)  # as ruamel.yaml's mapping keeps a text's quotes
            self._edits[self._span(old)] = self.render(value, mapping.flow_style)
        else:
            self._edits[key_node.end_mark.index, content_end(self.text, old), 0] = self.render(value, False, ": ")

    def add_after(self, mapping: Any, before: str, key: str, value: Any) -> None:
        """Add ``key`` to the block ``mapping`` on the line after the key ``before``."""
        key_node, old = _pair(mapping, before)
        self._add(mapping, after_line_of(self.text, max(content_end(self.text, old), key_node.end_mark.index)), key, value)

    def remove(self, mapping: Any, key: str) -> None:
        """Remove ``key`` and its value from ``mapping``, with the lines they stand on."""
        pairs = mapping.value
        index = next((i for i, (key_node, _) in enumerate(pairs) if key_node.value == key), None)
        if index is None:
            return
        key_node, value = pairs[index]
        text, start = self.text, key_node.start_mark.index
        if mapping.flow_style:
            if index:
                span = (pairs[index - 1][1].end_mark.index, value.end_mark.index)
            elif index + 1 < len(pairs):
                span = (start, pairs[index + 1][0].start_mark.index)
            else:
                span = (start, value.end_mark.index)
        elif text[line_start(text, start) : start].strip():  # the first key, on a list's dash line
            span = (start, pairs[index + 1][0].start_mark.index if index + 1 < len(pairs) else content_end(text, value))
        else:
            span = (line_start(text, start), after_line_of(text, max(content_end(text, value), key_node.end_mark.index)))
        self._edits[span[0], span[1], 0] = ""
        self._removed.add((id(mapping), key))

    def _after_kept(self, mapping: Any) -> int:
        """Where a key added last to the block ``mapping`` goes: the line after the last key
        that stays (for a flow mapping, before its closing brace)."""
        if mapping.flow_style:
            return mapping.end_mark.index - 1
        kept = [pair for pair in mapping.value if (id(mapping), pair[0].value) not in self._removed]
        key_node, value = kept[-1]
        return after_line_of(self.text, max(content_end(self.text, value), key_node.end_mark.index))

    def _add(self, mapping: Any, at: int, key: str, value: Any) -> None:
        text = self.text
        if mapping.flow_style:
            self._edits[at, at, 0] = self.render(value, True, (", " if mapping.value else "") + f"{key}: ")
            return
        column = mapping.value[0][0].start_mark.column
        at_end = at == len(text) and not text.endswith("\n")
        self._edits[at, at, -column] = self.render(value, False, ("\n" if at_end else "") + " " * column + f"{key}: ", "" if at_end else "\n")


_SPACES = re.compile(" *")


def _frozen(value: Any) -> Any:
    """What tells ``value`` apart from another as the emitter writes it: its items and the
    type of each (``1``, ``1.0`` and ``True``; a quoted text)."""
    if isinstance(value, dict):
        return ("map", tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("list", tuple(_frozen(item) for item in value))
    return (type(value), repr(value))  # -0.0 is not 0.0


def _styled(scalar: Any) -> type:
    """The ruamel.yaml type that writes a text as ``scalar`` is written (quoted, a block)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString, SingleQuotedScalarString

    return {'"': DoubleQuotedScalarString, "'": SingleQuotedScalarString, "|": LiteralScalarString, ">": FoldedScalarString}.get(scalar.style, str)


def _pair(mapping: Any, key: str) -> tuple[Any, Any]:
    return next(((key_node, value) for key_node, value in mapping.value if key_node.value == key), (None, None))


def _value(node: Any, key: str) -> Any:
    return _pair(node, key)[1] if is_mapping(node) else None


def _items(node: Any) -> list[Any]:
    return node.value if is_sequence(node) else []


def _is_text(node: Any) -> bool:
    return is_scalar(node) and node.tag.endswith(":str")
