"""`par schema`: the JSON Schema of a plan, for editors and any standard validator."""

from par_cli.render.json import write_json


def schema() -> None:
    from par_cli.reading.schema import plan_schema

    write_json(plan_schema())
