"""Points as the index reads them: to the hundredth, compared with a tolerance.

Checks, scoring and editing all add halves and quarters of a point; this is the one place
that says how such sums are rounded and when two of them are equal.
"""


def points(value: float) -> float:
    """Sums of halves and hundredths without binary noise: 95 − 80.36 is 14.64, not
    14.640000000000001 (the index is read to the hundredth), and a change of nothing is 0,
    never −0."""
    return round(value, 6) + 0.0


# Floating-point sums of halves and quarters: compare to the hundredth of a point.
EPSILON = 1e-6


def same_points(a: float, b: float) -> bool:
    return abs(a - b) < EPSILON
