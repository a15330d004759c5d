"""Geometry of the briefing's line through the year: the expected total of each version, the
floor–ceiling band around it and the target, in the coordinates of an inline SVG.

Worked out here so the template only places shapes. The vertical scale runs from 0 to the
index maximum, the horizontal from the trajectory's first day to the report's day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from par_cli.i18n import Lang

if TYPE_CHECKING:
    from par_cli.scoring.history import Trajectory, TrajectoryPoint

WIDTH, HEIGHT = 640.0, 190.0
LEFT, RIGHT, TOP, BOTTOM = 34.0, 10.0, 8.0, 22.0
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    y_floor: float
    y_ceiling: float
    point: TrajectoryPoint


@dataclass(frozen=True)
class TrajectoryGeometry:
    width: float
    height: float
    left: float
    right: float  # x of the plot's right edge
    top: float
    bottom: float  # y of the plot's bottom edge (the zero line)
    points: list[ChartPoint]
    line: str  # the polyline's points attribute
    band: str  # the polygon's points attribute: ceiling left to right, floor back
    target_y: float | None
    y_ticks: list[tuple[float, float]]  # (y, points)
    x_ticks: list[tuple[float, str]]  # (x, month label)


def _r(value: float) -> float:
    return round(value, 2)


def trajectory_geometry(trajectory: Trajectory, lang: Lang) -> TrajectoryGeometry:
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    span = max((trajectory.end - trajectory.start).days, 1)
    top_value = trajectory.maximum or 1.0

    def x(day: dt.date) -> float:
        return _r(LEFT + (day - trajectory.start).days / span * (right - LEFT))

    def y(value: float) -> float:
        return _r(TOP + (1 - min(max(value / top_value, 0.0), 1.0)) * (bottom - TOP))

    points = [ChartPoint(x(point.day), y(point.projected), y(point.floor), y(point.ceiling), point) for point in trajectory.points]
    line = " ".join(f"{point.x},{point.y}" for point in points)
    band = " ".join([f"{point.x},{point.y_ceiling}" for point in points] + [f"{point.x},{point.y_floor}" for point in reversed(points)])
    step = 20.0 if top_value > 40 else 10.0 if top_value > 10 else 1.0
    y_ticks = [(y(value), value) for value in _range(0.0, top_value, step)]
    x_ticks = []
    month = dt.date(trajectory.start.year, trajectory.start.month, 1)
    while month <= trajectory.end:
        if month >= trajectory.start:
            label = f"T{month.month}" if lang == "vi" else _MONTHS_EN[month.month - 1]
            x_ticks.append((x(month), label if month.month != 1 else f"{label}/{month.year}"))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    target_y = y(trajectory.target) if trajectory.target is not None else None
    return TrajectoryGeometry(WIDTH, HEIGHT, LEFT, right, TOP, bottom, points, line, band, target_y, y_ticks, x_ticks)


def _range(start: float, stop: float, step: float) -> list[float]:
    values, value = [], start
    while value <= stop + 1e-9:
        values.append(value)
        value += step
    return values
