"""`par schema` and the committed schemas/plan.schema.json: the same, and accepted by a
standard validator for the bundled plan."""

from __future__ import annotations

import json

import jsonschema
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from par_cli.cli import app
from tests.conftest import BUNDLED, FIXTURES, ROOT

COMMITTED = ROOT / "schemas" / "plan.schema.json"


def _as_json_data(path):
    """Load YAML the way a JSON Schema tool does: dates stay strings (JSON has no dates)."""

    class TextDates(SafeConstructor):
        pass

    TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda constructor, node: node.value)
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = TextDates
    return yaml.load(path.read_text(encoding="utf-8"))


def test_committed_schema_is_current(runner):
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(COMMITTED.read_text(encoding="utf-8")), (
        "schemas/plan.schema.json is out of date: run `par schema > schemas/plan.schema.json`"
    )


def test_bundled_plan_names_the_schema():
    assert BUNDLED.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../schemas/plan.schema.json"


def test_standard_validator_accepts_the_plans():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for path in (BUNDLED, FIXTURES / "valid" / "minimal.yaml"):
        errors = [error.message for error in validator.iter_errors(_as_json_data(path))]
        assert errors == [], (path, errors[:3])


def test_standard_validator_rejects_a_typo():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    data = _as_json_data(FIXTURES / "invalid" / "unknown_key.yaml")
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any("maxx" in error.message for error in errors)
