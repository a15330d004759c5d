"""Issue 13 item 15: below the stated input limit (64 MB, refused at once: see
test_hostile_input), reading, checking, scoring and writing a plan takes at most a small
multiple of the file's size in memory. The target is 15 × the file in all; a fixed part of that is the
interpreter with pydantic, the models and the command modules (about 40 MB whatever the
plan), so what is asserted here is the part above it, measured on the real `par` in a
process of its own: its peak resident size, less the same command's on the bundled plan."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.edit_support import par_executable, subprocess_env

sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402 - lives beside the benchmark, not in the package

BUNDLED = ROOT / "plans" / "2024.yaml"

# Peak resident size of one child, read by a parent that runs nothing else: on Linux
# ru_maxrss of the waited children is the largest child's peak, in KiB.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_kib(*args: str, exit_code: int = 0) -> int:
    """The peak resident size, in KiB, of ``par ARGS`` (which must end with ``exit_code``)."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, par_executable(), *args], capture_output=True, text=True, check=True, timeout=300, env=subprocess_env())
    code, peak = out.stdout.split()
    assert code == str(exit_code), args
    return int(peak)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is in KiB on Linux only")
@pytest.mark.parametrize("command", ["validate", "score", "score --format json", "gap --format json"])
def test_a_large_plan_takes_a_small_multiple_of_its_size_above_the_interpreter(tmp_path: Path, command: str) -> None:
    # 5,000 criteria in the bundled plan's style: about 3.5 MB, a tenth of the largest plan
    # the limit admits and far past any department's plan.
    plan = synth.write_plan(tmp_path / "2024.yaml", 5000)
    size_kib = plan.stat().st_size / 1024
    assert size_kib > 3000
    name, *options = command.split()
    floor = peak_kib(name, str(BUNDLED), *options)
    above = peak_kib(name, str(plan), *options) - floor
    # Measured on this plan (3.46 MiB; the interpreter's part about 41 MB): before, the text,
    # the plain data, the model and (for score) the results beside them took 21 × the file
    # above the interpreter for validate and 23 × for score; now 6 × and 10 ×. 13 × leaves
    # a third for other builds of Python and pydantic, and is still well below the old ones.
    # `--format json` (score, gap) held the whole payload and then its whole text: 15.9 × and
    # 12.5 × above the interpreter on this plan; written while it is built, 6.4 × and 6.8 ×.
    assert above <= 13 * size_kib, f"{command}: {above / 1024:.1f} MB above the interpreter for a {size_kib / 1024:.1f} MB plan ({above / size_kib:.1f} ×)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is in KiB on Linux only")
def test_a_large_invalid_plan_is_placed_in_a_small_multiple_of_its_size_above_the_interpreter(tmp_path: Path) -> None:
    # The same plan of 5,000 criteria with a wrong index maximum: its problems are placed.
    plan = synth.write_plan(tmp_path / "2024.yaml", 5000)
    text = plan.read_text(encoding="utf-8")
    start = text.index("\nindex_max: ") + 1
    plan.write_text(text[:start] + "index_max: 1" + text[text.index("\n", start):], encoding="utf-8")
    size_kib = plan.stat().st_size / 1024
    floor = peak_kib("validate", str(BUNDLED))
    above = peak_kib("validate", str(plan), exit_code=1) - floor
    # Measured on this plan: composing the whole document to place three problems took 32 ×
    # the file above the interpreter; composing only what a finding names, 6 ×.
    assert above <= 13 * size_kib, f"{above / 1024:.1f} MB above the interpreter for a {size_kib / 1024:.1f} MB plan ({above / size_kib:.1f} ×)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is in KiB on Linux only")
@pytest.mark.parametrize(
    ("values", "exit_code"),
    [(["on_time_pct=97,5"], 0), (["self_assessment=0,5", "--note", "Tự chấm"], 0), (["on_time_pct=abc"], 1)],
    ids=["a reading", "a stage", "a value refused"],
)
def test_a_write_on_a_large_plan_takes_a_small_multiple_of_its_size_above_the_interpreter(tmp_path: Path, values: list[str], exit_code: int) -> None:
    # The same plan of 5,000 criteria; the criterion changed measures on_time_pct, as 3.4.1
    # does in the bundled plan (the floor: the same write there).
    plan = synth.write_plan(tmp_path / "large" / "2024.yaml", 5000)
    size_kib = plan.stat().st_size / 1024
    small = tmp_path / "bundled" / "2024.yaml"
    small.parent.mkdir()
    small.write_bytes(BUNDLED.read_bytes())
    floor = peak_kib("set", str(small), "3.4.1", *values, "--date", "2024-10-01", exit_code=exit_code)
    above = peak_kib("set", str(plan), "1.2.2", *values, "--date", "2024-10-01", exit_code=exit_code) - floor
    # Measured on this plan (3.46 MiB): before, a write held the plain data of the whole plan
    # beside its model, and the text (20.6 × the file above the interpreter); a refused value
    # composed the whole document to say where the criterion is (46.6 ×). Read criterion by
    # criterion, with only a digest of each criterion's data kept: 7.7 × and 7.9 ×; the
    # criterion found from the parser's events: 6.7 ×.
    assert above <= 13 * size_kib, f"{values}: {above / 1024:.1f} MB above the interpreter for a {size_kib / 1024:.1f} MB plan ({above / size_kib:.1f} ×)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is in KiB on Linux only")
def test_a_plan_of_a_million_one_line_criteria_is_refused_in_a_small_multiple_of_its_size(tmp_path: Path) -> None:
    # The plan of 10⁶ one-line criteria (here 39 MiB, under the size limit) took
    # 3.7 GB to validate: each criterion is a model whatever its text's size. Past the limit
    # in criteria (50,000) the reading stops; what is left is the bytes and the parser.
    plan = tmp_path / "2024.yaml"
    with plan.open("w", encoding="utf-8") as stream:
        stream.write('plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}\nissuer: "Sở"\ntitle: "Thử"\nyear: 2024\n')
        stream.write('index_max: 1000000\nunits:\n- {id: vp, name: "Văn phòng"}\ndomains:\n- id: "1"\n  title: "Một"\n  criteria:\n')
        stream.writelines(f'  - {{id: "1.{number}", title: "t", max: 1}}\n' for number in range(1, 1_000_001))
    size_kib = plan.stat().st_size / 1024
    floor = peak_kib("validate", str(BUNDLED))
    for command in (["validate", str(plan)], ["score", str(plan), "--format", "json"]):
        above = peak_kib(*command, exit_code=1) - floor
        # Measured: 79 MB above the interpreter for the 39 MiB file (2 ×): the bytes, and 50,000
        # models built before the count passes the limit.
        assert above <= 4 * size_kib, f"{command[0]}: {above / 1024:.1f} MB above the interpreter ({above / size_kib:.1f} ×)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is in KiB on Linux only")
def test_a_plan_of_a_million_one_line_units_is_refused_in_a_small_multiple_of_its_size(tmp_path: Path) -> None:
    # Past the limit in records (400,000 mappings) the reading stops: 10^6 one-line units
    # (26 MB) took 925 MB to validate, as the limit in criteria does not count them.
    plan = tmp_path / "2024.yaml"
    with plan.open("w", encoding="utf-8") as stream:
        stream.write('plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}\nissuer: "Sở"\ntitle: "Thử"\nyear: 2024\nindex_max: 1\nunits:\n')
        stream.writelines(f'- {{id: u{number}, name: "x"}}\n' for number in range(1, 1_000_001))
        stream.write('domains:\n- id: "1"\n  title: "Một"\n  criteria:\n  - {id: "1.1", title: "t", max: 1, lead: u1}\n')
    size_kib = plan.stat().st_size / 1024
    floor = peak_kib("validate", str(BUNDLED))
    above = peak_kib("validate", str(plan), exit_code=1) - floor
    # Measured: 7 × the file above the interpreter: the bytes, and the plain data of the
    # 400,000 units read before the count passes the limit.
    assert above <= 10 * size_kib, f"{above / 1024:.1f} MB above the interpreter ({above / size_kib:.1f} ×)"
