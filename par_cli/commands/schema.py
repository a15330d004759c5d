"""`par schema`: the JSON Schema of a plan, for editors and any standard validator."""

from par_cli.commands.common import write_json


def schema() -> None:
    """In JSON Schema của tệp kế hoạch (print the plan's JSON Schema)."""
    from par_cli.reading.schema import plan_schema

    write_json(plan_schema())
