"""What reading and scoring many versions of one plan can do once: `par history`'s memory.

A year of daily versions changes one or two criteria a day; the rest of each version is the
text of the day before. Every version is still read in full by the one YAML reader (the
plain data of the whole document, from ruamel.yaml's parser); what equal content gives is
then taken from here instead of being worked out again:

- the model of a criterion: a criterion's plain data whose pickle is one seen before is the
  same data (a pickle is the data written out whole: it tells apart every value the reader
  builds, text, integers, floats to the bit, booleans, null, dates and datetimes, lists and
  mappings in their order; data shared differently only pickles differently, which is a
  miss), and the models are pure functions of their data (no validator reads anything
  else), so the model built from it then is the model, frozen and shared. (Equality would
  be ten times faster and wrong: ``1 == 1.0 == True``, and the strict models tell them apart.);
- whether a criterion's checks find nothing (`par_cli.reading.checks.criterion_findings`
  reads the criterion, the plan's year and its unit ids, and its position only names a
  finding); a version with any finding is read again by the reference, whose findings have
  their places;
- the score of a leaf as of a day. `par_cli.state.criterion_state` reads the day D only
  through comparisons with dates the criterion holds: a record (reading, completion,
  evidence, score stage, explanation) counts when its date <= D; an occurrence not done is
  overdue when its last day < D, i.e. D >= last day + 1; a reading is final when D > the day
  its period closes, i.e. D >= closes + 1 (a measure's ``closes``, or 31 December of the
  plan year). With those dates sorted, two days with as many of them on or before each
  other give every comparison the same answer, so the same `CriterionState` but for its
  ``day``; `par_cli.scoring.scorer.score_leaf` reads besides only the plan's year and its
  ``unknown_share``. Its score is kept by (year, unknown_share, depth, how many of the dates
  are on or before D), without its ``detail`` (which would name the first day).

Validation and checks fall back on the reference (`par_cli.reading.reader.validate_data`)
whenever anything is not as expected, so a version's problems are always the reference's
own. What is kept is what the last two versions used, so a year of versions does not hold a
year of models; a criterion seen again later is only built again.
"""

from __future__ import annotations

import datetime as dt
import pickle
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from par_cli.deadlines.occurrences import occurrences
from par_cli.plan.model import Completion, Criterion, Evidence, Explanation, Measurement, Plan, StageScore
from par_cli.plan.problems import Finding
from par_cli.plan.tree import Node
from par_cli.reading.checks import check_plan, criterion_findings
from par_cli.reading.reader import validate_data
from par_cli.scoring.scorer import NodeScore, score_leaf

_ONE_DAY = dt.timedelta(days=1)


@dataclass
class Known:
    """One model (a criterion's, or one recorded entry's) and what was worked out from it."""

    key: Any
    model: Any
    parts: list[Known] = field(default_factory=list)  # a criterion's sub-criteria
    clean: set[tuple[int, frozenset[str]]] = field(default_factory=set)  # (year, unit ids) its checks pass with
    bounds: dict[int, list[dt.date]] = field(default_factory=dict)  # by plan year: the dates D is compared with
    scores: dict[tuple[int, float | None, int, int], NodeScore] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # what others work out from the model (history's records)


# The lists of recorded entries in a criterion's ``progress``, and their models: a criterion
# whose readings grow day by day is built again each day, its entries only once.
ENTRIES: dict[str, type] = {"measurements": Measurement, "done": Completion, "evidence": Evidence, "stages": StageScore, "explanations": Explanation}


@dataclass
class _Parts:
    """A criterion's data with its key: the pickle of everything but its sub-criteria and
    its recorded entries, which have keys of their own (so the data is written out once).
    An entry's key is its ``repr``: a small flat mapping, which ``repr`` writes out whole
    as faithfully (``1``, ``1.0``, ``True``, ``-0.0``, a date and a datetime all differ) in
    half the time of a pickle of its own."""

    key: tuple[Any, ...]
    data: dict[str, Any]
    children: list[_Parts]
    entries: list[tuple[str, list[tuple[tuple[str, str], dict[str, Any]]]]]


def _parts(data: Any) -> _Parts:
    if not isinstance(data, dict):
        raise _Unlike
    own = data
    children: list[_Parts] = []
    kids = data.get("children")
    if isinstance(kids, list) and kids:
        children = [_parts(kid) for kid in kids]
        own = {name: value for name, value in data.items() if name != "children"}
    entries: list[tuple[str, list[tuple[tuple[str, str], dict[str, Any]]]]] = []
    progress = data.get("progress")
    if isinstance(progress, dict):
        for name in ENTRIES:
            items = progress.get(name)
            if isinstance(items, list) and items and all(type(item) is dict for item in items):
                entries.append((name, [((name, repr(item)), item) for item in items]))
        if entries:
            own = {**own, "progress": {name: value for name, value in progress.items() if name not in dict(entries)}}
    # The three parts cannot be mistaken for one another: sub-criteria and entries are taken
    # out only from a non-empty list, so a key with none of them pickles the data whole.
    key = (_key(own), tuple(child.key for child in children), tuple((name, tuple(item_key for item_key, _ in items)) for name, items in entries))
    return _Parts(key, data, children, entries)


class _Unlike(Exception):
    """The data is not shaped as a plan: the reference reads it."""


class Reuse:
    """Models, checks and leaf scores by equal content, across the versions of one plan.

    `validate` stands in for `validate_data` (give it to `load_plan_bytes`), `score_leaf`
    for the scorer's (give it to `score_plan`): the same answers, worked out once."""

    def __init__(self) -> None:
        self._current: dict[Any, Known] = {}
        self._previous: dict[Any, Known] = {}
        self._by_id: dict[int, Known] = {}
        self._entries: dict[Any, Known] = {}
        self._clean: set[tuple[Any, ...]] = set()  # a criterion's own fields, or one entry in it, found clean
        self._units: tuple[set[str] | None, frozenset[str]] = (None, frozenset())

    # --- what is kept ---------------------------------------------------------------------

    def _rotate(self) -> None:
        """A new version: what the one before used stays; what it did not use goes."""
        for key, known in self._previous.items():
            if key not in self._current:
                del self._by_id[id(known.model)]
        self._previous, self._current = self._current, {}

    def known(self, model: Any) -> Known | None:
        """What is kept about this very model (None for a model built elsewhere)."""
        known = self._by_id.get(id(model))
        return known if known is not None and known.model is model else None

    def memo(self, model: Any) -> dict[str, Any] | None:
        """A place to keep what is worked out from this very model, as long as it is kept."""
        known = self._by_id.get(id(model))
        return known.memo if known is not None and known.model is model else None

    def _found(self, key: Any) -> Known | None:
        known = self._current.get(key)
        if known is None:
            known = self._previous.get(key)
            if known is not None:
                self._keep(known)
        return known

    def _keep(self, known: Known) -> None:
        """``known`` (and its parts) stays for the next version."""
        self._current[known.key] = known
        for part in known.parts:
            if part.key not in self._current:
                self._keep(part)

    def _add(self, known: Known) -> Known:
        self._by_id[id(known.model)] = known
        self._current[known.key] = known
        return known

    def _criterion(self, parts: _Parts) -> Criterion:
        known = self._found(parts.key)
        if known is None:
            children = [self._criterion(child) for child in parts.children]
            data = parts.data
            if children:
                data = {**data, "children": children}
            if parts.entries:
                progress = dict(data["progress"])
                for name, items in parts.entries:
                    progress[name] = [self._entry(name, key, item) for key, item in items]
                data = {**data, "progress": progress}
            used = [self.known(child) for child in children]
            known = self._add(Known(parts.key, Criterion.model_validate(data), [part for part in used if part is not None]))
        return known.model  # type: ignore[no-any-return]

    def _entry(self, name: str, key: Any, data: dict[str, Any]) -> Any:
        # Entries are kept for the whole history: a version adds a few, and each is small.
        known = self._entries.get(key)
        if known is None:
            known = self._entries[key] = Known(key, ENTRIES[name].model_validate(data))
            self._by_id[id(known.model)] = known
        return known.model

    # --- reading ------------------------------------------------------------------------------

    def validate(self, data: Any) -> tuple[Any, list[Finding]]:
        """`validate_data(data)`: the plan from criteria models built before where their data
        is the same, checked with what is known of them; the reference's answer whenever
        anything is wrong."""
        from pydantic import ValidationError

        self._rotate()
        try:
            plan = Plan.model_validate(self._swapped(data))
        except (ValidationError, RecursionError, _Unlike):
            return validate_data(data)
        if check_plan(plan, self._check):
            return validate_data(data)
        return plan, []

    def _swapped(self, data: Any) -> dict[str, Any]:
        """``data`` with each criterion's mapping replaced by its model (the data is left as it is)."""
        if not isinstance(data, dict) or not isinstance(data.get("domains"), list):
            raise _Unlike
        domains = []
        for domain in data["domains"]:
            if not isinstance(domain, dict) or not isinstance(domain.get("criteria"), list):
                raise _Unlike
            domains.append({**domain, "criteria": [self._criterion(_parts(criterion)) for criterion in domain["criteria"]]})
        return {**data, "domains": domains}

    def _check(self, plan: Plan, node: Node, unit_ids: set[str]) -> Iterable[Finding]:
        """`criterion_findings`, knowing which criteria and entries were found clean. A
        criterion's findings are those of its own fields (everything but its recorded
        entries) and those of each entry, which read the entry, the criterion's own fields
        and the plan's year (see `par_cli.reading.checks._check_progress`): a criterion new
        only by an entry is checked as its own fields (known clean, or checked once without
        entries) and that one entry."""
        criterion = node.criterion
        known = self.known(criterion)
        if known is None:
            return criterion_findings(plan, node, unit_ids)
        if self._units[0] is not unit_ids:
            self._units = (unit_ids, frozenset(unit_ids))  # one set per check_plan: held, so its id stays its own
        year = plan.year
        key = (year, self._units[1])
        if key in known.clean:
            return ()
        own, children, entries = known.key
        shell = ("own", own, children, year, self._units[1])
        if shell not in self._clean:
            bare = _with_entries(criterion, {name: [] for name in ENTRIES})
            if any(True for _ in criterion_findings(plan, Node(bare, node.loc, node.parent_id), unit_ids)):
                return list(criterion_findings(plan, node, unit_ids))
            self._clean.add(shell)
        progress = criterion.progress
        for name, keys in entries:
            for entry, entry_key in zip(getattr(progress, name), keys):
                clean = ("entry", own, year, entry_key)
                if clean in self._clean:
                    continue
                alone = _with_entries(criterion, {**{other: [] for other in ENTRIES}, name: [entry]})
                if any(True for _ in criterion_findings(plan, Node(alone, node.loc, node.parent_id), unit_ids)):
                    return list(criterion_findings(plan, node, unit_ids))
                self._clean.add(clean)
        known.clean.add(key)
        return ()

    # --- scoring ------------------------------------------------------------------------------

    def score_leaf(self, plan: Plan, criterion: Criterion, day: dt.date, depth: int) -> NodeScore:
        """`par_cli.scoring.scorer.score_leaf`, kept for the days that compare alike (see the
        module's docstring); without ``detail``."""
        known = self.known(criterion)
        if known is None:
            return replace(score_leaf(plan, criterion, day, depth), detail=None)
        year = plan.year
        bounds = known.bounds.get(year)
        if bounds is None:
            bounds = known.bounds[year] = compared_dates(criterion, year)
        key = (year, plan.assumptions.unknown_share, depth, bisect_right(bounds, day))
        node = known.scores.get(key)
        if node is None:
            node = known.scores[key] = replace(score_leaf(plan, criterion, day, depth), detail=None)
        return node


def _with_entries(criterion: Criterion, entries: dict[str, list[Any]]) -> Criterion:
    """The criterion with these lists of entries instead of its own (a copy to check, not validated)."""
    return criterion.model_copy(update={"progress": criterion.progress.model_copy(update=entries)})


def _key(data: Any) -> bytes:
    try:
        return pickle.dumps(data, protocol=4)
    except (pickle.PicklingError, TypeError, ValueError) as error:
        raise _Unlike from error  # not plain data: the reference says what it is


def compared_dates(criterion: Criterion, year: int) -> list[dt.date]:
    """Every date t such that whether t <= D is all `par_cli.state.criterion_state` asks of
    the day D about this criterion in a plan of ``year``, sorted (see the module's docstring)."""
    progress = criterion.progress
    dates: set[dt.date] = {item.date for item in progress.measurements}
    dates.update(item.date for item in progress.done)
    dates.update(item.date for item in progress.evidence)
    dates.update(item.date for item in progress.stages)
    dates.update(item.date for item in progress.explanations)
    for deadline in criterion.deadlines:
        dates.update(_after(occurrence.last_day) for occurrence in occurrences(deadline, year))
    for measure in criterion.measures.values():
        closes = getattr(measure, "closes", None)
        if closes is not None:
            dates.add(_after(closes))
    dates.add(_after(dt.date(year, 12, 31)))
    return sorted(dates)


def _after(day: dt.date) -> dt.date:
    return day + _ONE_DAY if day < dt.date.max else day
