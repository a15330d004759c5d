"""`par history` as tables and JSON: the score of each version, and the audit trail.

The rows come from par_cli.scoring.history; words and number formats are chosen here. JSON
keeps machine forms (ISO dates, plain numbers, full commit hashes).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_signed, t
from par_cli.render.table import Column, TableView

if TYPE_CHECKING:
    from par_cli.reading.git import Commit
    from par_cli.scoring.history import HistoryRow, Move, Record, RecordEvent


def move_text(move: Move, lang: Lang, plain: bool = False) -> str:
    """``1.4 1→2``; ``plain`` keeps numbers in machine form (CSV): ``2.2.3 0.5→0.25``."""

    def number(value: float | None) -> str:
        return ("" if value is None else f"{value:g}") if plain else fmt_number(value, lang)

    return f"{move.id} {number(move.before)}→{number(move.after)}"


def record_text(record: Record, lang: Lang) -> str:
    """What a fact says, in a few words: ``initiatives = 2; TLKC: …``."""
    fields = record.as_dict()
    parts: list[str] = []
    if record.kind == "measurement":
        parts += [f"{name} = {_value(value, lang)}" for name, value in fields.items() if name not in ("date", "evidence")]
    elif record.kind == "completion":
        parts.append(t("trail.deadline", lang, deadline=fields["deadline"]))
        if fields.get("occurrence"):
            parts.append(t("trail.occurrence", lang, date=fields["occurrence"]))
    elif record.kind == "evidence":
        described = [str(fields[name]) for name in ("number", "summary", "text", "issuer", "file", "link") if fields.get(name)]
        parts.append(", ".join(described))
        if fields.get("deadline"):
            parts.append(t("trail.deadline", lang, deadline=fields["deadline"]))
    elif record.kind == "stage":
        parts.append(f"{t('trail.stage.' + str(fields['stage']), lang)}: {t('trail.points', lang, points=float(fields['points']))}")  # type: ignore[arg-type]
        if fields.get("note"):
            parts.append(str(fields["note"]))
    else:
        parts.append(t("trail.points", lang, points=float(fields["points"])))  # type: ignore[arg-type]
    if record.kind != "evidence" and fields.get("evidence"):
        parts.append(t("trail.evidence", lang, text=fields["evidence"]))
    return "; ".join(part for part in parts if part)


def _value(value: object, lang: Lang) -> str:
    if isinstance(value, bool):
        return t("rule.yes" if value else "rule.no", lang)
    if isinstance(value, (int, float)):
        return fmt_number(float(value), lang)
    if isinstance(value, dt.date):
        return fmt_date(value, lang)
    return str(value)


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def commit_json(commit: Commit) -> dict[str, object]:
    return {
        "sha": commit.sha,
        "author": commit.author,
        "email": commit.email,
        "committed": commit.committed.isoformat(),
        "day": commit.day.isoformat(),
        "message": commit.subject,
        "path": commit.path,
    }


def record_json(record: Record) -> dict[str, object]:
    return {
        "criterion_id": record.criterion_id,
        "kind": record.kind,
        "date": record.date.isoformat() if record.date else None,
        "fields": {name: _iso(value) for name, value in record.fields},
    }


def event_json(event: RecordEvent) -> dict[str, object]:
    return {
        "action": event.action,
        **record_json(event.record),
        "previous": record_json(event.previous) if event.previous is not None else None,
        "date_changed": event.date_changed,
        "commit": event.commit.sha,
        "author": event.commit.author,
        "committed": event.commit.committed.isoformat(),
        "day": event.commit.day.isoformat(),
    }


# --- par history ---------------------------------------------------------------------------


def history_payload(path: str, rows: list[HistoryRow], *, since: dt.date | None, until: dt.date | None, by: str | None) -> dict[str, object]:
    versions = []
    for row in rows:
        version = row.version
        score = version.score
        previous_total = row.previous.score.total.projected if row.previous is not None and row.previous.score is not None else None
        versions.append(
            {
                "day": version.day.isoformat(),
                "commit": version.commit.sha,
                "blob": version.blob,
                "valid": version.valid,
                "problems": version.problems,
                "total": None
                if score is None
                else {
                    "max": score.total.max,
                    "projected": score.total.projected,
                    "floor": score.total.floor,
                    "ceiling": score.total.ceiling,
                    "baseline": score.total.baseline,
                    "change": round(score.total.projected - previous_total, 2) if previous_total is not None else None,
                },
                "domains": []
                if score is None
                else [{"id": item.id, "title": item.title, "projected": item.projected, "floor": item.floor, "ceiling": item.ceiling} for item in score.domains],
                "moved": [{"id": move.id, "title": move.title, "before": move.before, "after": move.after} for move in row.moved],
                "commits": [commit_json(commit) for commit in row.commits],
                "records": [event_json(event) for event in row.events],
            }
        )
    return {
        "path": path,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "by": by,
        "versions": versions,
    }


def history_view(title: str, rows: list[HistoryRow], lang: Lang, plain: bool = False) -> TableView:
    """One line per row: day, commit, authors, totals, each domain, what moved and was
    recorded. ``plain``: the text cells in machine form, for CSV."""
    domain_ids: list[str] = []
    for row in rows:
        if row.version.score is not None:
            domain_ids += [item.id for item in row.version.score.domains if item.id not in domain_ids]
    columns = [
        Column("day", t("history.col.day", lang), "date"),
        Column("commit", t("history.col.commit", lang), "id"),
        Column("author", t("history.col.author", lang), max_width=24),
        Column("projected", t("score.col.projected", lang), "points"),
        Column("floor", t("score.col.floor", lang), "points"),
        Column("ceiling", t("score.col.ceiling", lang), "points"),
        Column("change", t("history.col.change", lang), keep=True),
        *[Column(f"domain_{domain_id}", domain_id, "points", optional=2) for domain_id in domain_ids],
        Column("moved", t("history.col.moved", lang), max_width=40, optional=1),
        Column("records", t("history.col.records", lang), "int", optional=1),
        Column("message", t("history.col.message", lang), max_width=40, optional=1),
    ]
    body: list[dict[str, object]] = []
    for row in rows:
        version = row.version
        score = version.score
        line: dict[str, object] = {
            "day": version.day,
            "commit": version.commit.short,
            "author": ", ".join(row.authors),
            "moved": "; ".join(move_text(move, lang, plain) for move in row.moved),
            "records": len(row.events),
            "message": " | ".join(commit.subject for commit in row.commits),
        }
        if score is None:
            line["change"] = t("history.invalid", lang, problems=version.problems)
        else:
            line.update(projected=score.total.projected, floor=score.total.floor, ceiling=score.total.ceiling)
            if row.previous is not None and row.previous.score is not None:
                change = round(score.total.projected - row.previous.score.total.projected, 2)
                line["change"] = change if plain else fmt_signed(change, lang)
            for item in score.domains:
                line[f"domain_{item.id}"] = item.projected
        body.append(line)
    return TableView(title, columns, body, {}, history_footer(rows, lang))


def history_footer(rows: list[HistoryRow], lang: Lang) -> list[str]:
    scored = [row.version for row in rows if row.version.score is not None]
    if not rows:
        return [t("history.none", lang)]
    lines = []
    if scored:
        first, last = scored[0], scored[-1]
        assert first.score is not None and last.score is not None
        lines.append(
            t(
                "history.footer",
                lang,
                first=first.day,
                last=last.day,
                start=first.score.total.projected,
                end=last.score.total.projected,
                change=fmt_signed(round(last.score.total.projected - first.score.total.projected, 2), lang),
                floor=last.score.total.floor,
                ceiling=last.score.total.ceiling,
            )
        )
    lines.append(t("history.footer_days", lang))
    return lines


# --- par history --records ------------------------------------------------------------------


def trail_payload(path: str, events: list[RecordEvent], *, since: dt.date | None, until: dt.date | None) -> dict[str, object]:
    return {
        "path": path,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "records": [event_json(event) for event in events],
        "date_changed": [event_json(event) for event in events if event.date_changed],
    }


def trail_view(title: str, events: list[RecordEvent], lang: Lang) -> TableView:
    columns = [
        Column("day", t("trail.col.day", lang), "date"),
        Column("commit", t("history.col.commit", lang), "id"),
        Column("author", t("trail.col.author", lang), max_width=24),
        Column("action", t("trail.col.action", lang)),
        Column("criterion", t("trail.col.criterion", lang)),
        Column("kind", t("trail.col.kind", lang)),
        Column("date", t("trail.col.date", lang), "date"),
        Column("detail", t("trail.col.detail", lang), max_width=60),
        Column("flag", t("trail.col.flag", lang)),
    ]
    rows: list[dict[str, object]] = []
    styles: dict[int, str] = {}
    for event in events:
        record = event.record
        detail = record_text(record, lang)
        if event.action == "changed" and event.previous is not None and record_text(event.previous, lang) != detail:
            detail += " (" + t("trail.before", lang, text=record_text(event.previous, lang)) + ")"
        flag = ""
        if event.date_changed:
            assert event.previous is not None
            flag = t("trail.date_changed", lang, before=event.previous.date, after=record.date)
            styles[len(rows)] = "red"
        rows.append(
            {
                "day": event.commit.day,
                "commit": event.commit.short,
                "author": event.commit.author,
                "action": t(f"trail.action.{event.action}", lang),
                "criterion": record.criterion_id,
                "kind": t(f"trail.kind.{record.kind}", lang),
                "date": record.date,
                "detail": detail,
                "flag": flag,
            }
        )
    flagged = list(dict.fromkeys(event.record.criterion_id for event in events if event.date_changed))
    footer = [t("trail.flagged", lang, count=sum(1 for event in events if event.date_changed), ids=", ".join(flagged))] if flagged else []
    if not events:
        footer.append(t("trail.none", lang))
    return TableView(title, columns, rows, styles, footer)
