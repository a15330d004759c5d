"""Turn pydantic's validation errors into findings the message catalogue can say in Vietnamese.

Pydantic speaks English and names error kinds by ``type``; each kind maps to one catalogue
key with the parameters that message needs. Unknown kinds fall back to pydantic's own words
rather than being lost, in a message that says they are pydantic's and names the kind.
"""

from __future__ import annotations

import reprlib
from typing import Any

from par_cli.i18n import Term
from par_cli.plan.problems import Finding
from par_cli.plan.text import NOT_BLANK

_EXPECTED = {
    "float": Term("expected.number"),
    "int": Term("expected.integer"),
    "string": Term("expected.text"),
    "bool": Term("expected.bool"),
    "dict": Term("expected.mapping"),
    "model": Term("expected.mapping"),
    "list": Term("expected.list"),
    "tuple": Term("expected.list"),
    "set": Term("expected.list"),
    "frozen_set": Term("expected.list"),
}

_RANGE_OPS = {
    "greater_than_equal": ("≥", "ge"),
    "greater_than": (">", "gt"),
    "less_than_equal": ("≤", "le"),
    "less_than": ("<", "lt"),
}


def findings_from_validation_error(error: Any) -> list[Finding]:
    return [_finding(item) for item in error.errors(include_url=False)]


def _finding(item: dict[str, Any]) -> Finding:
    kind: str = item["type"]
    loc = tuple(item["loc"])
    ctx = item.get("ctx") or {}
    value = _show(item.get("input"))
    if kind.startswith("model."):  # the model's own errors carry their catalogue key (model.invalid)
        return Finding(loc, kind)
    if kind == "missing":
        return Finding(loc, "schema.missing", {"field": _last_name(loc)})
    if kind == "extra_forbidden":
        return Finding(loc, "schema.extra", {"field": _last_name(loc)}, key=True)
    if kind in _RANGE_OPS:
        op, ctx_key = _RANGE_OPS[kind]
        return Finding(loc, "schema.range", {"value": value, "op": op, "limit": ctx.get(ctx_key)})
    if kind == "literal_error":
        # pydantic says "'month', 'quarter' or 'year'" in English; the choices alone read in both.
        return Finding(loc, "schema.choice", {"value": value, "expected": _choices(ctx.get("expected", ""))})
    if kind == "union_tag_invalid":
        return Finding(loc, "schema.choice", {"value": repr(ctx.get("tag")), "expected": _choices(ctx.get("expected_tags", ""))})
    if kind == "union_tag_not_found":
        return Finding(loc, "schema.missing", {"field": str(ctx.get("discriminator", "kind")).strip("'")})
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == NOT_BLANK:
        # Text that shows as nothing (`title: "   "`); a blank name in a mapping (a measure's:
        # pydantic's place ends in "[key]") is its key.
        if loc[-1] == "[key]":
            return Finding(loc, "text.blank_name", {"field": _last_name(loc[:-2])}, key=True)
        return Finding(loc, "text.blank", {"field": _last_name(loc)})
    if kind == "string_pattern_mismatch":
        return Finding(loc, "schema.pattern", {"value": value, "what": _pattern_name(loc, ctx.get("pattern", ""))})
    if kind in ("too_short", "string_too_short"):
        return Finding(loc, "schema.too_short")
    if kind == "finite_number":
        return Finding(loc, "schema.finite", {"value": value})
    if kind.startswith("date"):
        from par_cli.plan.dates import day_first

        written = day_first(item.get("input"))
        if written is not None:
            return Finding(loc, "schema.date_day_first", {"value": value, "iso": written.isoformat()})
        return Finding(loc, "schema.date", {"value": value})
    if kind == "invalid_key":
        return Finding(loc, "schema.key_type", {"value": value}, key=True)
    if kind == "recursion_loop":
        return Finding(loc, "yaml.too_deep")
    if kind == "int_parsing_size":  # digits past Python's limit for turning text into a number
        return Finding(loc, "schema.type", {"value": value, "expected": Term("expected.integer")})
    if kind in ("too_long", "string_too_long"):
        return Finding(loc, "schema.too_long", {"limit": ctx.get("max_length", "?")})
    for prefix, expected in _EXPECTED.items():
        if kind.startswith(prefix) and kind.endswith(("_type", "_parsing", "_from_float")):
            return Finding(loc, "schema.type", {"value": value, "expected": expected})
    # A kind not worded above: pydantic's own words, said to be its, with the kind's name.
    return Finding(loc, "schema.other", {"detail": item.get("msg", kind), "kind": kind})


def _choices(expected: object) -> str:
    return ", ".join(part.strip() for part in str(expected).replace(" or ", ", ").split(",") if part.strip())


def _last_name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "?"


def _pattern_name(loc: tuple[Any, ...], pattern: str) -> str:
    name = _last_name(loc)
    if name == "id" and "[0-9]" in pattern:
        return Term("expected.criterion_id")
    return f"{name} ({pattern})"


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlist, _REPR.maxdict = 2, 36, 36, 3, 3


def _show(value: Any) -> str:
    """A short picture of the offending value; bounded, whatever its size or depth."""
    return _REPR.repr(value)
