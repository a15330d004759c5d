"""`par schema`: the JSON Schema of a plan, for editors and any standard validator."""

from par_cli.commands.common import LangOption
from par_cli.render.json import write_json


def schema(lang: LangOption = None) -> None:
    """``--lang`` is taken as every command takes it (``par schema --lang en``); the schema
    itself is the same in both languages (its descriptions are the models')."""
    from par_cli.reading.schema import plan_schema

    del lang
    write_json(plan_schema())
