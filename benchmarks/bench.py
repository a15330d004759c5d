"""How fast is `par`, beside what it cannot be faster than and beside the tools people
would otherwise use?

Run from a fresh clone, after installing the project into .venv:

    .venv/bin/python benchmarks/bench.py            # prints a Markdown report, refreshes RESULTS.md
    .venv/bin/python benchmarks/bench.py --quick    # bundled plan and 1,000 criteria only

Every figure is the median of repeated whole-process runs (wall clock, measured around
``subprocess``; peak memory per run from GNU time's %M where installed), so imports,
start-up and exit are counted as a user lives them. The machine is shared and noisy, so the
same run also times three baselines, and every figure is shown as a ratio to them too:
``python -c pass``; importing the dependencies; and the floor of any command that validates
a plan: typer imported and the plan's pydantic models built (par_cli.plan.model), with ruamel.yaml.

``--instructions`` also counts the instructions of each start-up case (the baselines,
``par --help``, the commands and the peers on the bundled plan) once under valgrind's
callgrind: a count that does not move with the load of the machine, at about twenty seconds
a case.

Commands the installed `par` does not have yet (``par score``, ``par gap``, ``par due``
arrive on other branches) are reported as "not available" and picked up without any change
here once they exist: the script asks `par CMD --help`, and tries the plan as ``--plan PATH``
and as a positional argument.

``--outputs SIZES`` (default 1000,2000; empty skips it) times what the year-end and the units
use (`par units`, `report --format md`, `sheet` as Markdown, Excel and Word, a unit's
`workbook`, `new-year`, `due --format ics`) on the bundled plan and on synthetic plans of
those sizes. Its table gives each command's time at every size and the growth from the
smallest to the largest beside the growth of the file (linear: about the same), and its peak
memory above the same command's on the bundled plan, as a multiple of the file's size (the
target of issue 13: at most 15 ×).

``--history N`` (default 365; 0 skips it) commits N daily versions of the bundled plan to a
git repository in the work folder, by two authors, and times ``par history`` on it beside
``par score --as-of`` on its last version.

Where yamllint and check-jsonschema are installed (``pip install -e '.[bench]'``) they are
timed on the same files, side by side.

To measure a change, time the old source beside the new one in the same run, alternating
run by run so that both see the same machine:

    mkdir /tmp/before && git archive HEAD~1 par_cli | tar -x -C /tmp/before
    .venv/bin/python benchmarks/bench.py --before /tmp/before --sizes 1000,10000 --plans 0

The before tree runs through a launcher in the work folder: the console script's own text
with the tree put first on ``sys.path`` and any editable-install import hook (setuptools'
``__editable__`` finders) taken off ``sys.meta_path``, so neither the order of ``PYTHONPATH``
against the install's ``.pth`` nor a hook decides which tree runs (an earlier session timed the
current tree twice through ``PYTHONPATH``). Before measuring, both sides are asked which
``par_cli`` they import; the report names both, and the run stops if they are the same.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402 - the generator sits beside this script

BUNDLED = ROOT / "plans" / "2024.yaml"
SCHEMA = ROOT / "schemas" / "plan.schema.json"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TIME = Path("/usr/bin/time")
# Text after this line in RESULTS.md is written by people and kept when the tables are refreshed.
NOTES = "<!-- notes below are kept by bench.py -->"
DEPENDENCIES = "import typer, rich, pydantic, ruamel.yaml, dateutil"
# What a command that reads a plan cannot be faster than while it validates with pydantic
# behind typer: importing typer and building the plan models (`import pydantic` alone is lazy
# and builds nothing), plus the YAML reader.
FLOOR = "import typer, ruamel.yaml; import par_cli.plan.model"
# The issue's own measurement of the dependencies' import time; a time target divided by it
# is the target's share of "what importing the dependencies costs", which travels between
# a quiet machine and a busy one better than seconds do.
ISSUE_IMPORT_SECONDS = 0.10


@dataclass
class Result:
    """One command's runs: wall-clock seconds, peak memory (KiB) and exit codes."""

    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    timed_out: bool = False

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kib) / 1024


@dataclass
class Case:
    key: str
    group: str
    label: str
    argv: list[str] | None  # None: not available, ``note`` says why
    note: str = ""
    peer: bool = False
    result: Result | None = None
    before: Result | None = None
    before_argv: list[str] | None = None  # with --before: the same command on the before tree
    # medians of the baselines run in the same rounds, by key: python, imports, floor
    paired: dict[str, float] | None = None
    instructions: int | None = None  # callgrind's count for one run, with --instructions


TIME = Path("/usr/bin/time")


def run_once(argv: Sequence[str], env: dict[str, str], timeout: float | None) -> tuple[float, int, int, bool]:
    """Seconds, peak RSS in KiB and exit code of one run.

    The peak comes from GNU time when it is installed: a child started straight from this
    process is charged this process's own size too (the kernel keeps the peak of the memory
    the child had before exec), which would dwarf `python -c pass`. Without GNU time, ``wait4``
    gives that inflated figure, no timeout applies, and the report says so.
    """
    start = time.perf_counter()
    if not TIME.exists():
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        return time.perf_counter() - start, usage.ru_maxrss, process.returncode, False
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [str(TIME), "-q", "-f", "%M", "-o", rss.name, *argv]
        process = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, start_new_session=True)
        try:
            code, timed_out = process.wait(timeout=timeout), False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            code, timed_out = process.wait(), True
        elapsed = time.perf_counter() - start
        lines = rss.read().split()
    return elapsed, int(lines[-1]) if lines and lines[-1].isdigit() else 0, code, timed_out


def child_env() -> dict[str, str]:
    """The environment of a user's shell. PYTHONDONTWRITEBYTECODE is dropped: with it every
    run recompiles par's own modules, which no installed copy does; PYTHONPATH too, so that
    nothing but the installed `par` (or the before launcher) decides which par_cli runs."""
    return {name: value for name, value in os.environ.items() if name not in ("PYTHONDONTWRITEBYTECODE", "PAR_PLAN", "PAR_LANG", "PYTHONPATH")}


# The console script's own text (pip's), with the before tree put first and the editable
# install's finder removed from sys.meta_path; ``--bench-where`` prints the par_cli it imports.
LAUNCHER = """\
import re
import sys
sys.meta_path[:] = [finder for finder in sys.meta_path if not type(finder).__module__.startswith("__editable__")]
sys.path.insert(0, {tree!r})
if sys.argv[1:] == ["--bench-where"]:
    import par_cli
    print(par_cli.__file__)
    sys.exit(0)
from par_cli.console import main
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(main())
"""


def write_before_launcher(tree: Path, work: Path) -> Path:
    if not (tree / "par_cli" / "__init__.py").is_file():
        sys.exit(f"bench: --before {tree}: no par_cli/__init__.py there (git archive REV par_cli | tar -x -C {tree})")
    launcher = work / "par-before"
    launcher.write_text(LAUNCHER.format(tree=str(tree)), encoding="utf-8")
    return launcher


def where_par_cli(argv: list[str], env: dict[str, str], work: Path) -> str:
    """The par_cli file a command line imports (run from the work folder, where no par_cli is)."""
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=work)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed: {done.stderr.strip()[-500:]}")
    return str(Path(done.stdout.strip()).resolve().parent)


def par_command() -> str:
    beside = Path(sys.executable).parent / "par"
    found = str(beside) if beside.exists() else shutil.which("par")
    if not found:
        sys.exit("bench: no `par` beside this Python nor on PATH; install the project first: .venv/bin/pip install -e .")
    return found


def has_command(par: str, name: str, env: dict[str, str]) -> bool:
    return subprocess.run([par, name, "--help"], capture_output=True, env=env, cwd=ROOT).returncode == 0


def runnable(candidates: list[list[str]], env: dict[str, str]) -> tuple[list[str] | None, str]:
    """The first spelling of a command that is not a usage error (exit 2): the commands on
    other branches may take the plan as ``--plan PATH`` or as an argument."""
    last = ""
    for argv in candidates:
        done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT)
        if done.returncode != 2:
            return argv, ""
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
        last = last[0]
    return None, f"not runnable: {last}"


# --- building the cases --------------------------------------------------------------------


def build_cases(args: argparse.Namespace, work: Path, env: dict[str, str]) -> list[Case]:
    par = par_command()
    python = sys.executable
    cases = [
        Case("python", "baseline", "python -c pass", [python, "-c", "pass"]),
        Case("imports", "baseline", f'python -c "{DEPENDENCIES}"', [python, "-c", DEPENDENCIES]),
        Case("floor", "baseline", f'python -c "{FLOOR}"', [python, "-c", FLOOR]),
        Case("help", "par", "par --help", [par, "--help"]),
    ]
    available = {name: has_command(par, name, env) for name in ("validate", "score", "gap", "due")}
    yamllint = shutil.which("yamllint", path=str(Path(python).parent)) or shutil.which("yamllint")
    check_jsonschema = shutil.which("check-jsonschema", path=str(Path(python).parent)) or shutil.which("check-jsonschema")

    files: list[tuple[str, Path]] = [("plans/2024.yaml", BUNDLED)]
    for size in args.sizes:
        path = work / f"plan-{size}.yaml"
        started = time.perf_counter()
        synth.write_plan(path, size)
        print(f"bench: wrote {path.name} ({path.stat().st_size / 2**20:.1f} MB) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        files.append((f"{size:,} criteria", path))

    for name, path in files:
        shown = name if path == BUNDLED else path.name
        for command, extra in (("validate", []), ("score", []), ("gap", []), ("due", ["--days", "14"])):
            key = f"{command}:{name}"
            label = f"par {command} {' '.join(extra) + ' ' if extra else ''}{shown}"
            if not available[command]:
                cases.append(Case(key, name, label, None, "not available in the installed par"))
                continue
            if command == "validate":
                cases.append(Case(key, name, label, [par, "validate", str(path)]))
                continue
            argv, note = runnable([[par, command, *extra, "--plan", str(path)], [par, command, *extra, str(path)]], env)
            cases.append(Case(key, name, label, argv, note))
        for tool, argv in (
            ("yamllint", [yamllint, str(path)] if yamllint else None),
            ("check-jsonschema", [check_jsonschema, "--schemafile", str(SCHEMA), str(path)] if check_jsonschema else None),
        ):
            cases.append(Case(f"{tool}:{name}", name, f"{tool} {shown}", argv, "" if argv else "not installed", peer=True))

    if args.outputs:
        written_sizes = {size: path for (_, path), size in zip(files[1:], args.sizes)}
        chosen: list[tuple[str, Path]] = [("plans/2024.yaml", BUNDLED)]
        for size in args.outputs:
            path = written_sizes.get(size)
            if path is None:
                path = synth.write_plan(work / f"plan-{size}.yaml", size)
            chosen.append((f"{size:,} criteria", path))
        cases += output_cases(par, work, chosen)

    if args.history and available["score"] and has_command(par, "history", env):
        plan = write_history_repo(work / "history", args.history)
        group = f"{args.history} versions"
        last_day = (dt.date(2024, 1, 1) + dt.timedelta(days=args.history - 1)).isoformat()
        cases.append(Case(f"history:{group}", group, f"par history (git, {group}) --format json", [par, "history", str(plan), "--format", "json"]))
        cases.append(Case(f"score-version:{group}", group, f"par score --as-of {last_day} on its last version", [par, "score", str(plan), "--as-of", last_day, "--format", "json"]))

    if args.plans:
        folder = work / "province"
        written = synth.write_province(folder, args.plans)
        group = f"{len(written)} plans"
        shown = f"{folder.name}/ ({len(written)} plans)"
        cases.append(Case(f"validate:{group}", group, f"par validate {shown}", [par, "validate", str(folder)]))
        if available["score"]:
            argv, note = runnable([[par, "score", str(folder)], [par, "score", "--plan", str(folder)]], env)
            cases.append(Case(f"score:{group}", group, f"par score {shown}", argv, note))
        else:
            cases.append(Case(f"score:{group}", group, f"par score {shown}", None, "not available in the installed par"))
        if yamllint:
            cases.append(Case(f"yamllint:{group}", group, f"yamllint {shown}", [yamllint, str(folder)], peer=True))
        if check_jsonschema:
            argv = [check_jsonschema, "--schemafile", str(SCHEMA), *map(str, written)]
            cases.append(Case(f"check-jsonschema:{group}", group, f"check-jsonschema {shown}", argv, peer=True))
    return cases


# The commands a unit or the year-end runs, beyond reading and scoring: the key, and the
# arguments after the command's name for a plan and a file to write (None: prints).
OUTPUTS: tuple[tuple[str, list[str], str | None], ...] = (
    ("units", ["units"], None),
    ("report md", ["report", "--format", "md"], None),
    ("sheet md", ["sheet", "--format", "md"], None),
    ("sheet xlsx", ["sheet", "--format", "xlsx", "--output"], "xlsx"),
    ("sheet docx", ["sheet", "--format", "docx", "--output"], "docx"),
    ("workbook", ["workbook", "--unit", "van-phong", "--output"], "xlsx"),
    ("new-year", ["new-year", "--output"], "yaml"),
    ("due ics", ["due", "--format", "ics", "--output"], "ics"),
)


def output_cases(par: str, work: Path, files: list[tuple[str, Path]]) -> list[Case]:
    """The `OUTPUTS` on each of ``files``, grouped as "outputs: FILE". `par new-year` writes
    only where nothing is, so each of its runs removes the last run's file first (through
    ``sh``, which the before tree's pairing leaves out)."""
    cases = []
    for name, path in files:
        group = f"outputs: {name}"
        shown = name if path == BUNDLED else path.name
        for key, arguments, suffix in OUTPUTS:
            command, *options = arguments
            argv = [par, command, str(path), *options]
            if suffix is not None:
                target = work / f"{path.stem}-{key.replace(' ', '-')}.{suffix}"
                argv.append(str(target))
                if command == "new-year":
                    argv = ["sh", "-c", 'rm -f "$1" && exec "$0" new-year "$2" --output "$1"', par, str(target), str(path)]
            label = f"par {' '.join(word for word in arguments if word != '--output')} {shown}"
            cases.append(Case(f"{key}:{group}", group, label, argv))
    return cases


def write_history_repo(folder: Path, days: int) -> Path:
    """A git repository holding the bundled plan with one commit a day from 1 January 2024,
    by two authors: each day a reading of 3.4.1 (documents on time), on the 1st of a month
    one of 1.4 (initiatives). Every version differs, so none is scored from another's."""
    anchor = "            baseline: {points: unknown, observed: [{measure: on_time_pct, value: 96.5}]}\n"
    base = BUNDLED.read_text(encoding="utf-8")
    assert base.count(anchor) == 1
    head, tail = base.split(anchor)
    folder.mkdir(parents=True)
    plan = folder / "plans" / "2024.yaml"
    plan.parent.mkdir()
    quiet = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q"], cwd=folder, env=quiet, check=True)
    readings: list[str] = []
    started = time.perf_counter()
    for index in range(days):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=index)
        readings.append(f"                - {{date: {day.isoformat()}, on_time_pct: {90 + index % 10}}}\n")
        text = head + anchor + "            progress:\n              measurements:\n" + "".join(readings) + tail
        plan.write_text(text, encoding="utf-8")
        who = ("Nguyễn Văn An", "an@example.org") if index % 2 else ("Trần Thị Bình", "binh@example.org")
        when = f"{day.isoformat()}T17:00:00+07:00"
        env = {**quiet, "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1], "GIT_COMMITTER_NAME": who[0], "GIT_COMMITTER_EMAIL": who[1], "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        subprocess.run(["git", "add", "-A"], cwd=folder, env=env, check=True)
        subprocess.run(["git", "commit", "-q", "-m", f"3.4.1 ngày {day:%d/%m/%Y}"], cwd=folder, env=env, check=True)
    print(f"bench: committed {days} versions of the bundled plan in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return plan


def sanity_check(cases: list[Case], env: dict[str, str]) -> list[str]:
    """The synthetic plans must be valid, or the benchmark times the error path."""
    problems = []
    for case in cases:
        if case.argv and case.key.startswith("validate:") and case.group != "plans/2024.yaml":
            done = subprocess.run(case.argv, capture_output=True, text=True, env=env, cwd=ROOT)
            if done.returncode != 0:
                problems.append(f"{case.label}: exit {done.returncode}: {(done.stdout + done.stderr).strip()[:300]}")
    return problems


# --- measuring -------------------------------------------------------------------------------


def record(result: Result, argv: Sequence[str], env: dict[str, str], timeout: float | None) -> None:
    seconds, peak, code, timed_out = run_once(argv, env, timeout)
    result.seconds.append(seconds)
    result.peak_kib.append(peak)
    result.codes.append(code)
    result.timed_out = timed_out


def measure(cases: list[Case], args: argparse.Namespace, env: dict[str, str]) -> None:
    """Run each group of cases (one file, or `par --help`) round by round: in every round each
    command of the group runs once, beside one run of each baseline. A busy machine slows
    everything measured in the same minutes alike, so a command's ratio to the baselines run
    beside it, and par beside yamllint on the same file, hold even when the load drifts."""
    baselines = [case for case in cases if case.group == "baseline"]
    for case in baselines:
        case.result = Result()
    groups: dict[str, list[Case]] = {}
    for case in cases:
        if case.group != "baseline" and case.argv is not None:
            groups.setdefault(case.group, []).append(case)
    for group, members in groups.items():
        # The outputs take seconds a run on their synthetic plans: as few repeats as the large plans.
        large = group.startswith("outputs: ") or any(group.startswith(f"{size:,} ") for size in args.sizes if size >= 10_000)
        repeats = args.large_repeats if large else args.repeats
        paired = {case.key: Result() for case in baselines}
        runs: list[tuple[Case, str, dict[str, str], float | None]] = []
        for case in members:
            case.result = Result()
            runs.append((case, "result", env, args.peer_timeout if case.peer else None))
            if case.before_argv is not None:
                case.before = Result()
                runs.append((case, "before", env, None))
        if not large:
            for case, attribute, _, timeout in runs:
                run_once(argv_of(case, attribute), env, timeout)  # warm the file cache and bytecode
        for _ in range(repeats):
            for baseline in baselines:
                record(paired[baseline.key], baseline.argv, env, None)
            for case, attribute, variant_env, timeout in runs:
                result: Result = getattr(case, attribute)
                if not result.timed_out:
                    record(result, argv_of(case, attribute), variant_env, timeout)
        for baseline in baselines:
            for name in ("seconds", "peak_kib", "codes"):
                getattr(baseline.result, name).extend(getattr(paired[baseline.key], name))
        for case in members:
            case.paired = {key: result.median for key, result in paired.items()}
            print(f"bench: {case.label}: {cell(case.result)} s (imports beside it: {case.paired['imports']:.3f} s)", file=sys.stderr)


def argv_of(case: Case, attribute: str) -> list[str]:
    argv = case.before_argv if attribute == "before" else case.argv
    assert argv is not None
    return argv


def pair_with_before(cases: list[Case], launcher: Path) -> None:
    """Every `par` case gets the same command on the before tree (the peers and baselines do
    not depend on par's source)."""
    par = par_command()
    for case in cases:
        if case.argv is not None and not case.peer and case.group != "baseline" and case.argv[0] == par:
            case.before_argv = [sys.executable, str(launcher), *case.argv[1:]]


# --- reporting -------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load": load,
    }


def source() -> str:
    """The commit measured, and whether the tree had changes on top of it."""
    def git(*argv: str) -> str:
        done = subprocess.run(["git", *argv], capture_output=True, text=True, cwd=ROOT)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with uncommitted changes" if git("status", "--porcelain", "--", "par_cli") else "")


def seconds(value: float) -> str:
    return f"{value:.3f}"


def cell(result: Result | None) -> str:
    if result is None or not result.seconds:
        return "—"
    text = seconds(result.median)
    if result.timed_out:
        text = f"> {seconds(result.seconds[-1])} (timed out)"
    return text


def report(cases: list[Case], args: argparse.Namespace, started: dt.datetime, load_start: str, importtime: str, sources: tuple[str, str] | None = None) -> str:
    by_key = {case.key: case for case in cases}
    imports = by_key["imports"].result
    assert imports is not None
    info = machine()
    has_before = any(case.before is not None for case in cases)
    lines = [
        "# Benchmark results",
        "",
        f"Written by `benchmarks/bench.py` on {started:%Y-%m-%d %H:%M} (local time); rerun it to refresh.",
        "",
        "| machine | |",
        "|---|---|",
        f"| CPUs (nproc) | {info['cpus']} |",
        f"| CPU model | {info['cpu']} |",
        f"| Python | {info['python']} |",
        f"| system | {info['system']} |",
        f"| load average (1, 5, 15 min) | {load_start} at the start, {info['load']} at the end |",
        f"| par source | {source()} |",
        *([f"| par_cli timed | `{sources[0]}` |", f"| before: par_cli timed | `{sources[1]}` (`--before`) |"] if sources else []),
        f"| repeats | {args.repeats} per command, {args.large_repeats} for plans of 10,000 criteria or more; median reported |",
        "",
        "Wall-clock medians of whole-process runs; peak = the largest resident set of the runs"
        + (" (GNU time's %M)." if TIME.exists() else " (wait4: without /usr/bin/time it includes the benchmark's own size)."),
        "`× python`, `× imports` and `× floor` divide by the baselines' medians over the same rounds: every",
        "round runs each command of a file (or group) once, beside one run of each baseline and of the peers.",
        f'The floor is `python -c "{FLOOR}"`: what any command that validates a plan',
        "with pydantic behind typer pays before it reads a byte of the plan.",
        "",
    ]
    header = "| command | median s | " + ("before s | " if has_before else "") + "× python | × imports | × floor | peak MB | exit |"
    rule = "|---|---:|" + ("---:|" if has_before else "") + "---:|---:|---:|---:|---|"
    group = None
    for case in cases:
        if case.peer:
            continue
        if case.group != group:
            group = case.group
            lines += ["", f"**{group}**", "", header, rule]
        if case.argv is None or case.result is None:
            lines.append(f"| `{case.label}` | {case.note or 'not measured'} |" + (" |" if has_before else "") + " | | | | |")
            continue
        result = case.result
        before = f"{cell(case.before)} | " if has_before else ""
        codes = ",".join(sorted({str(code) for code in result.codes}))
        beside = case.paired or {key: by_key[key].result.median for key in ("python", "imports", "floor")}
        lines.append(
            f"| `{case.label}` | {cell(result)} | {before}{result.median / beside['python']:.1f} | "
            f"{result.median / beside['imports']:.2f} | {result.median / beside['floor']:.2f} | {result.peak_mb:.0f} | {codes} |"
        )

    lines += outputs_section(cases, args)

    lines += ["", "## Beside yamllint and check-jsonschema", ""]
    lines += [
        "Same files, same run. yamllint runs with its default configuration (it reports long lines);",
        "check-jsonschema with `schemas/plan.schema.json`.",
        "",
        "| file | par validate s | yamllint s | check-jsonschema s | par ÷ yamllint | par ÷ check-jsonschema |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for group in dict.fromkeys(case.group for case in cases if case.group != "baseline" and case.group != "par"):
        ours = by_key.get(f"validate:{group}")
        lint = by_key.get(f"yamllint:{group}")
        schema = by_key.get(f"check-jsonschema:{group}")
        if ours is None or ours.result is None:
            continue

        def ratio(peer: Case | None) -> str:
            if peer is None or peer.result is None or not peer.result.seconds:
                return "—"
            return f"{ours.result.median / peer.result.median:.2f}" + (" (peer timed out)" if peer.result.timed_out else "")

        lines.append(
            f"| {group} | {cell(ours.result)} | {cell(lint.result if lint else None)} | "
            f"{cell(schema.result if schema else None)} | {ratio(lint)} | {ratio(schema)} |"
        )

    lines += ["", "## Targets (issue 12 §6)", ""]
    lines += [
        "`measured` is this run's median. The issue states its time targets in seconds on a machine where",
        f"importing the dependencies took {ISSUE_IMPORT_SECONDS:.2f} s; `scaled` multiplies each such target by the import",
        f"baseline measured beside that command ÷ {ISSUE_IMPORT_SECONDS:.2f} s, for a verdict that does not depend on how",
        "busy the machine was. Both verdicts are shown; the plain one is the issue's.",
        "",
        "| target | measured | met? | scaled target | met when scaled? |",
        "|---|---:|---|---:|---|",
    ]
    lines += targets(by_key, imports.median)
    if any(case.instructions is not None for case in cases):
        lines += instructions_section(by_key)
    if importtime:
        lines += ["", "## What `par` imports (python -X importtime, cumulative ms, one run)", "", importtime]
    return "\n".join(lines) + "\n"


def outputs_section(cases: list[Case], args: argparse.Namespace) -> list[str]:
    """Each of the `OUTPUTS` across the sizes: its time at each, the growth from the smallest
    synthetic plan to the largest beside the file's own, and memory above its run on the
    bundled plan as a multiple of the file's size."""
    if not args.outputs:
        return []
    by_key = {case.key: case for case in cases}
    sizes = [f"{size:,} criteria" for size in args.outputs]
    files = {size: Path(by_key[f"units:outputs: {size}"].argv[2]) for size in sizes if f"units:outputs: {size}" in by_key}
    lines = [
        "",
        "## Year-end and units' outputs",
        "",
        "Medians in seconds; `growth` is the largest plan's time ÷ the smallest's, beside the files'",
        "own ratio (linear work grows about as the file does); `memory` is the peak above the same",
        "command's on plans/2024.yaml, ÷ the file's size (issue 13's target: at most 15 ×).",
        "",
        "| command | plans/2024.yaml s | " + " | ".join(f"{size} s" for size in sizes) + " | growth | memory ÷ file |",
        "|---|---:|" + "---:|" * len(sizes) + "---:|---|",
    ]
    first, last = sizes[0], sizes[-1]
    file_growth = files[last].stat().st_size / files[first].stat().st_size if first in files and last in files else None
    for key, _, _ in OUTPUTS:
        row = [by_key.get(f"{key}:outputs: {group}") for group in ("plans/2024.yaml", *sizes)]
        times = [cell(case.result if case else None) for case in row]
        floor, small, large = row[0], row[1], row[-1]
        growth = "—"
        if small and large and small.result and large.result and small.result.seconds and large.result.seconds and file_growth:
            growth = f"{large.result.median / small.result.median:.1f} × (file {file_growth:.1f} ×)"
        memory = "—"
        if floor and large and floor.result and large.result and floor.result.peak_kib and large.result.peak_kib and last in files:
            above = (max(large.result.peak_kib) - max(floor.result.peak_kib)) / (files[last].stat().st_size / 1024)
            memory = f"{above:.1f} × ({'yes' if above <= 15 else 'NO'})"
        lines.append(f"| `{key}` | " + " | ".join(times) + f" | {growth} | {memory} |")
    return lines


def targets(by_key: dict[str, Case], imports_median: float) -> list[str]:
    rows: list[str] = []

    def scale(key: str) -> float:
        case = by_key.get(key)
        return (case.paired["imports"] if case and case.paired else imports_median) / ISSUE_IMPORT_SECONDS

    def median(key: str) -> float | None:
        case = by_key.get(key)
        return case.result.median if case and case.result and case.result.seconds and not case.result.timed_out else None

    def seconds_row(text: str, key: str, limit: float) -> None:
        value = median(key)
        if value is None:
            rows.append(f"| {text} | not measured | — | {limit * scale(key):.3f} s | — |")
            return
        rows.append(
            f"| {text} | {value:.3f} s | {'yes' if value <= limit else 'NO'} | {limit * scale(key):.3f} s | {'yes' if value <= limit * scale(key) else 'NO'} |"
        )

    def memory_row(text: str, key: str, limit_mb: float) -> None:
        case = by_key.get(key)
        if case is None or case.result is None or not case.result.peak_kib:
            rows.append(f"| {text} | not measured | — | — | — |")
            return
        peak = case.result.peak_mb
        rows.append(f"| {text} | {peak:.0f} MB | {'yes' if peak <= limit_mb else 'NO'} | — | — |")

    def ratio_row(text: str, key: str, other: str, limit: float) -> None:
        value, base = median(key), median(other)
        if value is None or base is None:
            rows.append(f"| {text} | not measured | — | — | — |")
            return
        rows.append(f"| {text} | {value / base:.2f} × | {'yes' if value <= limit * base else 'NO'} | — | — |")

    # The targets of issue 12 §6, restated to hold with one YAML reader (ruamel.yaml): set
    # against peers timed in the same run, which pay their own stack.
    seconds_row("`par --help` ≤ 0.1 s", "help", 0.1)
    ratio_row("`par validate` ≤ 1.25 × yamllint on plans/2024.yaml", "validate:plans/2024.yaml", "yamllint:plans/2024.yaml", 1.25)
    ratio_row("`par validate` ≤ 0.65 × check-jsonschema on plans/2024.yaml", "validate:plans/2024.yaml", "check-jsonschema:plans/2024.yaml", 0.65)
    for command in ("validate", "score"):
        seconds_row(f"`par {command}` 10,000 criteria ≤ 3 s", f"{command}:10,000 criteria", 3.0)
        memory_row(f"`par {command}` 10,000 criteria ≤ 300 MB", f"{command}:10,000 criteria", 300)
        seconds_row(f"`par {command}` 50,000 criteria ≤ 15 s", f"{command}:50,000 criteria", 15.0)
        ratio_row(f"`par {command}` 50,000 ≤ 5.5 × 10,000", f"{command}:50,000 criteria", f"{command}:10,000 criteria", 5.5)
    for key in by_key:
        if key.startswith("score:") and key.endswith(" plans"):
            seconds_row(f"`par score` over {key.split(':')[1]} ≤ 3 s", key, 3.0)
        if key.startswith("history:"):
            group = key.split(":", 1)[1]
            seconds_row(f"`par history`, {group} in git ≤ 3 s", key, 3.0)
            ratio_row(f"`par history`, {group} ÷ `par score` on one version", key, f"score-version:{group}", float("inf"))
    return rows


# --- instructions -------------------------------------------------------------------------

# The start-up targets of issue 6 as ratios to the imports baseline (0.08 s and 0.15 s on a
# machine where the imports took 0.10 s); the peers' ratios follow them in the same table.
START_UP_RATIOS = (("help", "`par --help`", 0.8), *((f"{command}:plans/2024.yaml", f"`par {command}` on plans/2024.yaml", 1.5) for command in ("validate", "score", "due")))


def count_instructions(cases: list[Case], env: dict[str, str]) -> None:
    """One callgrind run of each start-up case: the instructions it executes, which the load
    of the machine does not change."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("bench: --instructions needs valgrind (apt-get install valgrind); skipped", file=sys.stderr)
        return
    for case in cases:
        if case.argv is None or case.group not in ("baseline", "par", "plans/2024.yaml"):
            continue
        done = subprocess.run(
            [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *case.argv],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        found = [line.split(":", 1)[1].strip() for line in done.stderr.splitlines() if "Collected :" in line]
        if found:
            case.instructions = int(found[-1])
            print(f"bench: {case.label}: {case.instructions / 1e6:.1f} million instructions", file=sys.stderr)


def instructions_section(by_key: dict[str, Case]) -> list[str]:
    imports, floor = by_key["imports"].instructions, by_key["floor"].instructions
    lines = [
        "",
        "## Instructions (valgrind callgrind, one run each)",
        "",
        "Counts do not move with the load of the machine, so they show the start-up targets without",
        "the noise: each target below is the issue's time divided by its 0.10 s of imports.",
        "",
        "| command | million instructions | × imports | × floor |",
        "|---|---:|---:|---:|",
    ]
    for case in by_key.values():
        if case.instructions is None:
            continue
        ratio_imports = f"{case.instructions / imports:.2f}" if imports else "—"
        ratio_floor = f"{case.instructions / floor:.2f}" if floor else "—"
        lines.append(f"| `{case.label}` | {case.instructions / 1e6:.1f} | {ratio_imports} | {ratio_floor} |")
    lines += ["", "| target, in instructions | measured | met? |", "|---|---:|---|"]
    for key, text, limit in START_UP_RATIOS:
        case = by_key.get(key)
        if case is None or case.instructions is None or not imports:
            lines.append(f"| {text} ≤ {limit} × imports | not measured | — |")
            continue
        ratio = case.instructions / imports
        lines.append(f"| {text} ≤ {limit} × imports | {ratio:.2f} × | {'yes' if ratio <= limit else 'NO'} |")
    ours = by_key.get("validate:plans/2024.yaml")
    for peer, limit in (("yamllint", 1.25), ("check-jsonschema", 0.65)):
        other = by_key.get(f"{peer}:plans/2024.yaml")
        if ours is None or other is None or ours.instructions is None or other.instructions is None:
            lines.append(f"| `par validate` ≤ {limit} × {peer} on plans/2024.yaml | not measured | — |")
            continue
        ratio = ours.instructions / other.instructions
        lines.append(f"| `par validate` ≤ {limit} × {peer} on plans/2024.yaml | {ratio:.2f} × | {'yes' if ratio <= limit else 'NO'} |")
    return lines


def import_profile(env: dict[str, str], work: Path) -> str:
    """The heaviest imports of `par --help` and `par validate` (cumulative, one run each)."""
    sections = []
    for title, argv in (("par --help", ["--help"]), ("par validate plans/2024.yaml", ["validate", str(BUNDLED)])):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "from par_cli.console import main; main()", *argv],
            capture_output=True, text=True, env=env, cwd=ROOT,
        )
        rows = []
        for line in done.stderr.splitlines():
            parts = line.split("|")
            if not line.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
                continue
            name = parts[2]
            if len(name) - len(name.lstrip()) == 1:  # imported by par itself, not by a dependency
                rows.append((int(parts[1]), name.strip()))
        rows.sort(reverse=True)
        shown = ", ".join(f"{name} {total / 1000:.0f}" for total, name in rows[:8])
        sections.append(f"- `{title}`: {shown}")
    return "\n".join(sections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=7, help="runs per command (default 7)")
    parser.add_argument("--large-repeats", type=int, default=5, help="runs per command on plans of 10,000 criteria or more (default 5)")
    parser.add_argument("--sizes", default="1000,10000,50000", help="synthetic plan sizes in criteria, comma-separated")
    parser.add_argument("--history", type=int, default=365, help="daily commits of the bundled plan in the `par history` case (0: skip)")
    parser.add_argument("--plans", type=int, default=100, help="department plans in the folder case (0: skip)")
    parser.add_argument("--peer-timeout", type=float, default=120.0, help="seconds before a yamllint/check-jsonschema run is abandoned")
    parser.add_argument("--outputs", default="1000,2000", help="synthetic plan sizes for the year-end and units' outputs, comma-separated (empty: skip)")
    parser.add_argument("--quick", action="store_true", help="bundled plan and 1,000 criteria only, 5 repeats, no folder, no outputs")
    parser.add_argument("--before", type=Path, help="a source tree of par to time alternately with this one (its folder holding par_cli/)")
    parser.add_argument("--no-write", action="store_true", help=f"print only; leave {RESULTS.name} alone")
    parser.add_argument("--keep", type=Path, help="write the synthetic plans here and keep them")
    parser.add_argument("--instructions", action="store_true", help="also count the start-up cases' instructions with valgrind (about 20 s each)")
    args = parser.parse_args(argv)
    args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    args.outputs = [int(size) for size in args.outputs.split(",") if size.strip()]
    if args.quick:
        args.sizes, args.plans, args.repeats, args.history, args.outputs = [1000], 0, 5, 0, []

    started = dt.datetime.now()
    load_start = machine()["load"]
    env = child_env()
    work = args.keep or Path(tempfile.mkdtemp(prefix="par-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sources = None
    try:
        if args.before:
            tree = args.before.resolve()
            launcher = write_before_launcher(tree, work)
            here = where_par_cli([sys.executable, "-c", "import par_cli; print(par_cli.__file__)"], env, work)
            there = where_par_cli([sys.executable, str(launcher), "--bench-where"], env, work)
            if here == there or not there.startswith(str(tree) + os.sep):
                sys.exit(f"bench: the before run imports {there}, the current one {here}: they would time the same code")
            sources = (here, there)
            print(f"bench: current par_cli {here}; before {there}", file=sys.stderr)
        cases = build_cases(args, work, env)
        if args.before:
            pair_with_before(cases, launcher)
        problems = sanity_check(cases, env)
        if problems:
            print("bench: a synthetic plan is not valid; timing it would time the error path:", file=sys.stderr)
            print("\n".join(problems), file=sys.stderr)
            return 1
        measure(cases, args, env)
        if args.instructions:
            count_instructions(cases, env)
        text = report(cases, args, started, load_start, import_profile(env, work), sources)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    if not args.no_write and not args.quick and args.before is None:
        kept = RESULTS.read_text(encoding="utf-8").partition(NOTES)[2] if RESULTS.exists() else ""
        RESULTS.write_text(text + (f"\n{NOTES}{kept}" if kept else ""), encoding="utf-8")
        print(f"bench: wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
