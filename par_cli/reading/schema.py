"""The plan's JSON Schema, generated from the models so it can never drift from them.

`schemas/plan.schema.json` is this output, committed; the plan file names it in its first
line (``# yaml-language-server: $schema=…``) so editors complete keys and flag typos.
"""

from __future__ import annotations

from typing import Any

SCHEMA_ID = "https://par-cli.invalid/schemas/plan.schema.json"


def plan_schema() -> dict[str, Any]:
    from par_cli.plan.model import Plan

    generated = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **generated,
    }
