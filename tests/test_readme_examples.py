"""The README's console examples show what par prints today: each example that needs no
earlier step of the tour (the bundled plan as it ships, a fixture, a file the example names
and the README describes) is run through the installed `par` and its output compared line for
line with the README's. A stale example ("expected số nguyên / integer" where par says
"expected integer") fails here."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.edit_support import BUNDLED, par_executable, subprocess_env

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml"


def examples() -> dict[str, list[list[str]]]:
    """Every ``$ par …`` line of a console block, with the lines below it up to the next
    ``$`` line or the block's end (each time it is shown: an example may come back later in
    the tour, after other steps)."""
    found: dict[str, list[list[str]]] = {}
    inside, command = False, None
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```console"):
            inside, command = True, None
            continue
        if inside and line.startswith("```"):
            inside, command = False, None
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            command = line[2:].split("  #")[0].strip()
            found.setdefault(command, []).append([])
        elif command is not None:
            found[command][-1].append(line)
    return found


def folder(tmp_path: Path) -> Path:
    """A folder with the bundled plan as plans/2024.yaml, the fixtures, and the files the
    README's examples describe."""
    (tmp_path / "plans").mkdir()
    shutil.copyfile(BUNDLED, tmp_path / "plans" / "2024.yaml")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp_path / "tests" / "fixtures")
    text = MINIMAL.read_text(encoding="utf-8")
    # "bad.yaml": a terminal escape in a title (line 4) and the year as text (line 5).
    (tmp_path / "bad.yaml").write_text(text.replace('title: "Kế hoạch thử"', 'title: "Kế hoạch\\e[2J thử"', 1).replace("year: 2024\n", 'year: "2024"\n', 1), encoding="utf-8")
    # "blank.yaml": a unit's name of spaces (line 11) and a criterion's title of a line break (line 20).
    (tmp_path / "blank.yaml").write_text(text.replace('name: "Văn phòng Sở"', 'name: "  "', 1).replace('title: "Kế hoạch"', 'title: "\\n"', 1), encoding="utf-8")
    return tmp_path


# The examples that stand alone; `| head -N` is applied here, not by a shell.
STANDALONE = [
    "par validate --format ics",
    "par score nothing.yaml",
    "par done bản-sao 1.1",
    "par score --depht 2",
    "par validate plans/2024.yaml",
    "par validate tests/fixtures/invalid/children_sum.yaml tests/fixtures/invalid/unknown_unit.yaml",
    "par score --as-of 2024-06-30 --depth 1",
    "par due --today 2024-03-01",
    "par due --unit van-phong --format md --today 2024-03-05",
    "par report --today 2024-06-15 --format md | head -9",
    "par units --today 2024-06-15",
    "par validate blank.yaml --lang en",
    "par validate bad.yaml --lang en",
    "par due plans/2024.yaml --format csv --output plans/2024.yaml/due.csv --lang en",
]


@pytest.mark.parametrize("command", STANDALONE)
def test_the_readme_example_is_what_par_prints(tmp_path: Path, command: str):
    shown = examples()
    assert command in shown, f"the README no longer has the example {command!r}"
    words, _, head = command.partition(" | head -")
    args = shlex.split(words)[1:]
    done = subprocess.run([par_executable(), *args], capture_output=True, text=True, cwd=folder(tmp_path), env=subprocess_env(COLUMNS="300"), timeout=60)
    out = done.stdout.splitlines()[: int(head)] if head else done.stdout.splitlines()
    err = done.stderr.splitlines()
    # The first time the README shows it: the plan as it ships, before any step of the tour.
    assert shown[command][0] in (out + err, err + out), "\n".join(["README:", *shown[command][0], "par:", *out, *err])
