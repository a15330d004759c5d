"""The plan through its git history: a score for every version, and who recorded what.

Each version is scored as of its commit day (the committer date in Asia/Ho_Chi_Minh), with
the public scorer, exactly as `par score --as-of DAY` scores that version's file: a row of
`par history` and that command can never disagree.

A version is read (parsed, validated, its records listed) once per distinct blob; it is
scored once per distinct blob and day, since the same text scores differently on another
day (a deadline passes). Everything runs in one process, with three git processes in all.
Every distinct version is read whole by the YAML reader; what its criteria share with the
versions before (their models, clean checks, a leaf's score over the days its dates leave
it unchanged, its records) is reused by content (par_cli/scoring/reuse.py), with the same
answers as reading and scoring the version alone.

Recorded facts (measurements, completions, evidence, score stages, the self-assessed and
appraised scores) are compared version to version, criterion by criterion: a fact found
unchanged is the same fact; otherwise one that keeps what identifies it (the measures it
reads, the deadline and occurrence it completes, the document it cites, the stage it scores)
or, failing that, its place among the others, is the same fact changed; the rest were added
or removed. A fact whose date is changed after it was first committed is flagged: the
record says it happened on another day than the day it was said to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from par_cli.plan.model import Criterion, Plan
from par_cli.plan.tree import walk
from par_cli.reading.git import Commit, file_versions, read_blobs
from par_cli.reading.reader import FlowGuard, load_plan_bytes
from par_cli.scoring.reuse import Reuse
from par_cli.scoring.scorer import PlanScore, Total, score_plan

RecordKind = Literal["measurement", "completion", "evidence", "stage", "self_assessed", "appraised"]
RECORD_KINDS: tuple[RecordKind, ...] = ("measurement", "completion", "evidence", "stage", "self_assessed", "appraised")
Action = Literal["added", "changed", "removed"]
Period = Literal["day", "week", "month"]


@dataclass(frozen=True)
class Record:
    """One recorded fact of one criterion. ``fields`` is what it says, in the plan's own
    terms (dates as dates); ``key`` what identifies it apart from its date."""

    kind: RecordKind
    criterion_id: str
    date: dt.date | None  # None for the undated self-assessed and appraised scores
    key: tuple[object, ...]
    fields: tuple[tuple[str, object], ...]

    def as_dict(self) -> dict[str, object]:
        return dict(self.fields)


@dataclass(frozen=True)
class RecordEvent:
    """A fact added, changed or removed by one commit; ``previous`` is what it said before."""

    commit: Commit
    action: Action
    record: Record
    previous: Record | None = None

    @property
    def date_changed(self) -> bool:
        return self.action == "changed" and self.previous is not None and self.previous.date != self.record.date


@dataclass(frozen=True)
class Points:
    """Expected, floor and ceiling points of one node (a domain, a criterion, the total)."""

    id: str
    title: str
    projected: float | None
    floor: float
    ceiling: float


@dataclass(frozen=True)
class Move:
    """A criterion whose expected points differ from the row before."""

    id: str
    title: str
    before: float | None
    after: float | None


@dataclass(frozen=True)
class Summary:
    """What the history keeps of a version's score: the totals, each domain, and each leaf's
    expected points (the scored tree itself would hold every version's plan in memory)."""

    number: str  # the plan's number and year, for titles
    year: int
    total: Total
    domains: list[Points]
    leaves: dict[str, tuple[str, float | None]]  # id → (title, expected points), outside included


def summarize(plan: Plan, score: PlanScore) -> Summary:
    leaves = {node.id: (node.title, node.projected) for node in score.leaves()}
    if score.outside is not None:
        leaves[score.outside.id] = (score.outside.title, score.outside.projected)
    domains = [Points(domain.id, domain.title, domain.projected, domain.floor, domain.ceiling) for domain in score.domains]
    if score.outside is not None:
        domains.append(Points(score.outside.id, score.outside.title, score.outside.projected, score.outside.floor, score.outside.ceiling))
    return Summary(plan.plan.number, plan.year, score.total, domains, leaves)


@dataclass
class Version:
    """One commit's version of the plan: its score as of the commit day when it is valid,
    and the facts it added, changed or removed against the last valid version before it."""

    commit: Commit
    blob: str
    problems: int  # how many problems it has; 0 for a valid version
    score: Summary | None
    events: list[RecordEvent] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.score is not None

    @property
    def day(self) -> dt.date:
        return self.commit.day


@dataclass(frozen=True)
class HistoryRow:
    """The last version of a period (a commit, a day, a week or a month) with everything the
    period's commits did: their authors and messages, the facts they recorded, and the
    criteria whose expected points moved since the row before."""

    version: Version
    commits: list[Commit]
    events: list[RecordEvent]
    moved: list[Move]
    previous: Version | None  # the version the moves are counted from

    @property
    def authors(self) -> list[str]:
        return list(dict.fromkeys(commit.author for commit in self.commits))


@dataclass(frozen=True)
class History:
    path: Path
    versions: list[Version]  # every version, oldest first
    contents: dict[str, bytes]  # each version's text by blob hash

    def plan_of(self, version: Version) -> Plan | None:
        """The version's plan, read again from its blob."""
        loaded = load_plan_bytes(self.contents[version.blob], version.commit.path or self.path.name)
        return loaded.plan if loaded.ok else None

    def valid(self) -> list[Version]:
        return [version for version in self.versions if version.valid]

    def at(self, day: dt.date) -> Version | None:
        """The last valid version committed on or before ``day``."""
        found = None
        for version in self.versions:
            if version.day > day:
                break
            if version.valid:
                found = version
        return found

    def trail(self) -> list[RecordEvent]:
        """Every fact recorded, changed or removed, commit by commit, oldest first."""
        return [event for version in self.versions for event in version.events]


# --- reading the history ----------------------------------------------------------------


def read_history(path: Path) -> History:
    """Every version of ``path`` in git, scored as of its commit day. Raises
    `par_cli.reading.git.GitError` when there is no history to read."""
    import gc

    path = Path(path)
    commits = file_versions(path)
    contents = read_blobs(path, commits)
    # As in load_plan: every version adds a tree of live objects and none is garbage, so the
    # cyclic collector would scan the growing heap again and again to free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        versions = list(_versions(path, commits, contents))
        return History(path, versions, {blob: data for blob, data in contents.values() if blob})
    finally:
        if collecting:
            gc.enable()


def _versions(path: Path, commits: list[Commit], contents: dict[str, tuple[str, bytes]]) -> Iterator[Version]:
    """Each commit's version. A blob is read once (its validity and facts are kept); its plan
    is kept only while the next commits hold the same blob, so a year of versions does not
    hold a year of plans: a blob that comes back later (a revert) and must be scored on a new
    day is read again."""
    facts: dict[str, tuple[bool, int, dict[tuple[str, RecordKind], list[Record]]]] = {}
    scored: dict[tuple[str, dt.date], Summary] = {}
    held: tuple[str, Plan | None] = ("", None)
    last_records: dict[tuple[str, RecordKind], list[Record]] = {}
    reuse = Reuse()
    flow = FlowGuard()

    def plan_of(blob: str, data: bytes, name: str) -> Plan | None:
        nonlocal held
        if held[0] != blob:
            result = load_plan_bytes(data, name, validate=reuse.validate, flow=flow)
            plan = result.plan if result.ok else None
            held = (blob, plan)
            facts.setdefault(blob, (plan is not None, len(result.problems), records_of(plan, reuse) if plan is not None else {}))
        return held[1]

    for commit in commits:
        blob, data = contents.get(commit.object_name, ("", b""))
        if not blob:
            continue  # not a blob (read_blobs refuses a history with versions git lacks)
        name = commit.path or path.name
        if blob not in facts:
            plan_of(blob, data, name)
        valid, problems, records = facts[blob]
        score = None
        if valid:
            if (blob, commit.day) not in scored:
                plan = plan_of(blob, data, name)
                assert plan is not None
                scored[blob, commit.day] = summarize(plan, score_plan(plan, today=commit.day, as_of=commit.day, leaf=reuse.score_leaf))
            score = scored[blob, commit.day]
        version = Version(commit, blob, problems, score)
        if valid:
            version.events = list(_compare(commit, last_records, records))
            last_records = records
        yield version


def records_of(plan: Plan, reuse: Reuse | None = None) -> dict[tuple[str, RecordKind], list[Record]]:
    """Every recorded fact of the plan, by criterion and kind, in document order. With
    ``reuse``, a criterion's facts (and each entry's) are listed once for its model."""
    found: dict[tuple[str, RecordKind], list[Record]] = {}
    for node in walk(plan):
        memo = reuse.memo(node.criterion) if reuse is not None else None
        groups = memo.get("records") if memo is not None else None
        if groups is None:
            groups = criterion_records(node.criterion, reuse)
            if memo is not None:
                memo["records"] = groups
        for group, records in groups.items():
            found.setdefault(group, []).extend(records)
    return found


def criterion_records(criterion: Criterion, reuse: Reuse | None = None) -> dict[tuple[str, RecordKind], list[Record]]:
    """One criterion's recorded facts (not its sub-criteria's), by kind, in document order."""
    found: dict[tuple[str, RecordKind], list[Record]] = {}
    cid = criterion.id
    progress = criterion.progress
    for kind, entries in (("measurement", progress.measurements), ("completion", progress.done), ("evidence", progress.evidence), ("stage", progress.stages)):
        if not entries:
            continue
        records = found[cid, kind] = []  # type: ignore[index]
        for entry in entries:
            memo = reuse.memo(entry) if reuse is not None else None
            record = memo.get(cid) if memo is not None else None  # the same entry may be another criterion's
            if record is None:
                record = _record(kind, cid, entry)  # type: ignore[arg-type]
                if memo is not None:
                    memo[cid] = record
            records.append(record)
    for kind in ("self_assessed", "appraised"):
        value = getattr(progress, kind)
        if value is not None:
            found[cid, kind] = [Record(kind, cid, None, (), (("points", value),))]  # type: ignore[arg-type,index]
    return found


def _record(kind: RecordKind, cid: str, entry: Any) -> Record:
    if kind == "measurement":
        values = tuple(sorted(entry.values.items()))
        return Record(kind, cid, entry.date, tuple(name for name, _ in values), (("date", entry.date), *values, ("evidence", entry.evidence)))
    if kind == "completion":
        return Record(
            kind,
            cid,
            entry.date,
            (entry.deadline, entry.occurrence),
            (("date", entry.date), ("deadline", entry.deadline), ("occurrence", entry.occurrence), ("evidence", entry.evidence)),
        )
    dumped = _stated(entry)
    if kind == "evidence":
        return Record(kind, cid, entry.date, (entry.deadline, entry.occurrence, entry.number, entry.text, entry.file, entry.link), (("date", entry.date), *sorted(dumped.items())))
    return Record(kind, cid, entry.date, (entry.stage,), (("date", entry.date), *sorted(dumped.items())))


def _stated(model: object) -> dict[str, object]:
    """The fields a record states, its date apart (pydantic's model_dump, without its cost)."""
    return {name: value for name, value in vars(model).items() if name != "date" and value is not None and not (name == "complete" and value is True)}


def _compare(
    commit: Commit, before: dict[tuple[str, RecordKind], list[Record]], after: dict[tuple[str, RecordKind], list[Record]]
) -> Iterator[RecordEvent]:
    """The facts ``after`` added, changed or removed against ``before``, in the new
    version's document order (removals last)."""
    for group in dict.fromkeys([*after, *before]):
        old, new = list(before.get(group, [])), after.get(group, [])
        if old == new:
            continue
        unmatched: list[Record] = []
        for record in new:
            if record in old:
                old.remove(record)
            else:
                unmatched.append(record)
        pairs: list[tuple[Record, Record | None]] = []
        for record in unmatched:
            same = next((candidate for candidate in old if candidate.key == record.key), None)
            if same is not None:
                old.remove(same)
            pairs.append((record, same))
        # Failing what identifies it, a fact in the place of a removed one is that one changed.
        for index, (record, same) in enumerate(pairs):
            if same is None and old:
                pairs[index] = (record, old.pop(0))
        for record, same in pairs:
            yield RecordEvent(commit, "added" if same is None else "changed", record, same)
        for record in old:
            yield RecordEvent(commit, "removed", record)


# --- rows ---------------------------------------------------------------------------------


def period_of(day: dt.date, by: Period | None) -> object:
    if by == "day":
        return day
    if by == "week":
        return day.isocalendar()[:2]
    if by == "month":
        return (day.year, day.month)
    return None


def history_rows(history: History, *, since: dt.date | None = None, until: dt.date | None = None, by: Period | None = None) -> list[HistoryRow]:
    """One row per version (or, with ``by``, per period: its last version) committed between
    ``since`` and ``until`` inclusive. Invalid versions are rows too, with no score; moves
    are counted from the last valid version before the row."""
    groups: list[list[Version]] = []
    keys: list[object] = []
    previous: Version | None = None
    for version in history.versions:
        if since is not None and version.day < since:
            if version.valid:
                previous = version
            continue
        if until is not None and version.day > until:
            break
        key = period_of(version.day, by) if by is not None else len(groups)
        if groups and keys[-1] == key:
            groups[-1].append(version)
        else:
            groups.append([version])
            keys.append(key)
    rows: list[HistoryRow] = []
    for group in groups:
        last = group[-1]
        rows.append(
            HistoryRow(
                version=last,
                commits=[version.commit for version in group],
                events=[event for version in group for event in version.events],
                moved=moves(previous.score if previous is not None else None, last.score),
                previous=previous,
            )
        )
        if last.valid:
            previous = last
        elif any(version.valid for version in group):
            previous = next(version for version in reversed(group) if version.valid)
    return rows


def moves(before: Summary | None, after: Summary | None) -> list[Move]:
    """The criteria (leaves, and the part outside the table) whose expected points differ."""
    if before is None or after is None:
        return []  # nothing to compare with
    old = dict(before.leaves)
    result = []
    for node_id, (title, projected) in after.leaves.items():
        was = old.pop(node_id, None)
        if was is None or was[1] != projected:
            result.append(Move(node_id, title, was[1] if was is not None else None, projected))
    result += [Move(node_id, title, projected, None) for node_id, (title, projected) in old.items()]
    return result


# --- the briefing -------------------------------------------------------------------------


@dataclass(frozen=True)
class TrajectoryPoint:
    day: dt.date
    projected: float
    floor: float
    ceiling: float
    commit: str | None  # the short hash of the version; None for the report's own day


@dataclass(frozen=True)
class Trajectory:
    """The expected total through the year so far, one point per day a version was committed
    (its last version of the day, scored as of that day), from the first of January of the
    plan year (or the first version, if earlier) to the report's day."""

    start: dt.date
    end: dt.date
    maximum: float
    target: float | None
    points: list[TrajectoryPoint]


@dataclass(frozen=True)
class SinceBriefing:
    """What moved between the last briefing's day and the report's: the expected points then
    (the version current that day, scored as of it) and now, the criteria that moved, and
    every fact recorded meanwhile with its commit and author."""

    since: dt.date
    until: dt.date
    before: Summary | None  # None when the plan was not in git yet on ``since``
    moved: list[Move]
    events: list[RecordEvent]

    @property
    def authors(self) -> list[str]:
        return list(dict.fromkeys(event.commit.author for event in self.events))


def trajectory(history: History, plan: Plan, today: dt.date, current: PlanScore | None = None) -> Trajectory:
    """The chart's points up to ``today``; ``current`` (the report's own score of the file as
    it is) ends the line on the report's day when that is after the last version."""
    by_day: dict[dt.date, Version] = {}
    for version in history.valid():
        if version.day <= today:
            by_day[version.day] = version
    points_ = []
    for day, version in by_day.items():
        assert version.score is not None
        total = version.score.total
        points_.append(TrajectoryPoint(day, total.projected, total.floor, total.ceiling, version.commit.short))
    if current is not None and (not points_ or points_[-1].day < today):
        total = current.total
        points_.append(TrajectoryPoint(today, total.projected, total.floor, total.ceiling, None))
    start = min([dt.date(plan.year, 1, 1), *(point.day for point in points_)])
    target = plan.target.score if plan.target is not None else None
    return Trajectory(start, max(today, start), plan.index_max, target, points_)


def since_briefing(history: History, since: dt.date, today: dt.date, current: PlanScore) -> SinceBriefing:
    """What moved from ``since`` to ``today``: ``current`` (the report's score, as of today)
    against the version current on ``since``, scored as of ``since``."""
    version = history.at(since)
    plan = history.plan_of(version) if version is not None else None
    before = summarize(plan, score_plan(plan, today=since, as_of=since)) if plan is not None else None
    events = [event for event in history.trail() if since < event.commit.day <= today]
    now = summarize(plan, current) if plan is not None else None
    return SinceBriefing(since, today, before, moves(before, now), events)
