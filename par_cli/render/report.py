"""The briefing report as a page (HTML) or as text to paste into a chat message (Markdown).

Both come from jinja2 templates under par_cli/render/templates/. The HTML environment escapes every
value (``autoescape=True``): titles, unit names and assumptions are plan text, typed by
people, and must never become markup. The page is one self-contained file: inline CSS and
SVG, no script, nothing fetched, so it opens offline, on a phone, and prints on A4.

Geometry for the charts is worked out here in percentages of a scale, so templates only place
shapes.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_percent, fmt_signed, t
from par_cli.plan.units import names
from par_cli.render.views import days_text

if TYPE_CHECKING:
    import jinja2

    from par_cli.scoring.briefing import DomainBar, Report


@dataclass(frozen=True)
class BarGeometry:
    """Widths in percent of the widest domain's maximum, so bars compare across domains."""

    max: float
    recorded: float
    assumed: float
    baseline: float | None


@dataclass(frozen=True)
class MeterGeometry:
    """Positions in percent of the maximum the headline figure is counted against."""

    expected: float
    floor: float
    ceiling: float
    baseline: float | None
    target: float | None


def _share(value: float, scale: float) -> float:
    return round(min(max(value / scale * 100, 0.0), 100.0), 3) if scale else 0.0


def bar_geometry(bar: DomainBar, widest: float) -> BarGeometry:
    return BarGeometry(
        max=_share(bar.max, widest),
        recorded=_share(bar.recorded, widest),
        assumed=_share(bar.assumed, widest),
        baseline=_share(bar.baseline, widest) if bar.baseline is not None else None,
    )


def meter_geometry(report: Report) -> MeterGeometry:
    total = report.total
    whole = report.unit is None
    return MeterGeometry(
        expected=_share(total.projected, total.max),
        floor=_share(total.floor, total.max),
        ceiling=_share(total.ceiling, total.max),
        baseline=_share(total.baseline, total.max) if total.baseline is not None else None,
        target=_share(report.target.score, total.max) if whole and report.target is not None else None,
    )


def _context(report: Report, lang: Lang) -> dict[str, object]:
    def label(key: str, **params: object) -> str:
        return t(key, lang, **params)

    def number(value: float | None) -> str:
        return fmt_number(value, lang)

    widest = max((bar.max for bar in report.domains), default=0.0)
    return {
        "r": report,
        "lang": lang,
        "t": label,
        "n": number,
        "signed": lambda value: fmt_signed(value, lang),
        "pct": lambda value: fmt_percent(value, lang),
        "d": lambda value: fmt_date(value, lang),
        "days_text": lambda days_left: days_text(days_left, lang),
        "names": lambda unit_ids: names(report.plan, unit_ids),
        "previous_year": report.plan.year - 1,
        "bars": [(bar, bar_geometry(bar, widest)) for bar in report.domains],
        "meter": meter_geometry(report),
        **_history_context(report, lang),
    }


def _history_context(report: Report, lang: Lang) -> dict[str, object]:
    """The line through the year and what moved since the last briefing (render/trajectory.py,
    render/history.py)."""
    from par_cli.render.history import record_text
    from par_cli.render.trajectory import trajectory_geometry

    since = report.since

    def since_authors(criterion_id: str) -> str:
        events = since.events if since is not None else []
        return ", ".join(dict.fromkeys(event.commit.author for event in events if event.record.criterion_id == criterion_id))

    return {
        "trajectory": trajectory_geometry(report.trajectory, lang) if report.trajectory is not None else None,
        "record_text": lambda record: record_text(record, lang),
        "since_authors": since_authors,
    }


@functools.lru_cache(maxsize=2)
def _environment(autoescape: bool) -> jinja2.Environment:
    """One environment per escaping mode: compiling the templates is most of a render."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("par_cli.render", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_html(report: Report, lang: Lang) -> str:
    return _environment(autoescape=True).get_template("report.html.j2").render(_context(report, lang))


def _md_value(value: object) -> str:
    """Every value the Markdown template prints, escaped as text (render/safe.py): plan text
    reaches it directly (titles, unit names) and inside labels (the issuer in the kicker), so
    escaping each value, rather than the fields one knows of, leaves none out. The template's
    own markup (``**…**``, tables, lists) is template text and never escaped."""
    from par_cli.render.safe import md_text

    return md_text("" if value is None else str(value))


def render_md(report: Report, lang: Lang) -> str:
    environment = _environment(autoescape=False)
    environment.finalize = _md_value
    # A cell needs no more than any value: md_text already escapes pipes and line breaks.
    environment.filters["cell"] = lambda value: value
    return environment.get_template("report.md.j2").render(_context(report, lang))


RENDERERS: dict[str, Callable[[Report, Lang], str]] = {"html": render_html, "md": render_md}
