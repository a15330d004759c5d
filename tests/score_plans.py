"""Small plans for the scoring tests, written out in full so each test reads top to bottom.

`one_domain` wraps criteria (YAML text, as they stand under ``criteria:``) in a minimal valid
plan; the caller states ``index_max`` by hand, as the sum of the maxima it wrote.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from par_cli.cli import app

HEAD = """\
plan: {number: "7/KH-THU", date: 2024-01-02, issuer: "Sở Thử nghiệm"}
issuer: "Sở Thử nghiệm"
title: "Kế hoạch thử chấm điểm"
year: 2024
index_max: INDEX_MAX
units:
  - {id: vp, name: "Văn phòng Sở"}
  - {id: tt, name: "Thanh tra Sở"}
  - {id: cac-phong, name: "Các phòng, đơn vị", kind: all}
"""


def one_domain(criteria: str, index_max: float, extra: str = "", domain: str = "1") -> str:
    """A plan whose one domain (id ``domain``) holds ``criteria``; ``extra`` is more top-level YAML."""
    body = textwrap.indent(textwrap.dedent(criteria).strip("\n"), " " * 6)
    return (
        HEAD.replace("INDEX_MAX", str(index_max))
        + textwrap.dedent(extra)
        + f'domains:\n  - id: "{domain}"\n    title: "MIỀN THỬ"\n    criteria:\n'
        + body
        + "\n"
    )


def write(tmp_path: Path, text: str, name: str = "2024.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def score_json(runner, path: Path, *options: str) -> dict:
    result = runner.invoke(app, ["score", "--plan", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def node(payload: dict, node_id: str) -> dict:
    return next(item for item in payload["criteria"] if item["id"] == node_id)
