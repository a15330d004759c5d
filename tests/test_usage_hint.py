"""Every usage error ends with the line naming the help of its command, and a command's
``--format`` offers, in its help and in its parsing, the formats that command declares.

Through the public surface: typer's CliRunner on `par_cli.cli.app`, and the installed console
script (`tests.edit_support.par_executable`) in real subprocesses. The usage errors below are
the commands' own (raised by par's code after typer has parsed the line), not typer's: those
had the hint already (tests/test_cli_help.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from par_cli.cli import app
from par_cli.commands.help import COMMANDS
from tests.conftest import FIXTURES
from tests.edit_support import BUNDLED, par_executable, subprocess_env

FORMATS = ["auto", "table", "text", "json", "csv", "md", "html", "ics", "docx", "xlsx"]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "2024.yaml"
    shutil.copyfile(BUNDLED, copy)
    return copy


# One usage error of each command, found by the command itself; {plan} is a copy of the
# bundled plan, {tmp} a folder of the test. The message in Vietnamese and in English.
OWN_USAGE_ERRORS = {
    "validate": (["--format", "ics"], "lệnh này không có định dạng 'ics'", "this command has no 'ics' format"),
    "score": (["{plan}", "--as-of", "xx"], "ngày 'xx' không hợp lệ", "invalid date 'xx'"),
    "gap": (["{plan}", "--plan", "{plan}"], "chỉ dùng một trong PATH hoặc --plan", "give either PATH or --plan, not both"),
    "due": (["{plan}", "--days", "99999"], "--days", "--days"),
    "report": (["{plan}", "--format", "csv"], "lệnh này không có định dạng 'csv'", "this command has no 'csv' format"),
    "history": (["{plan}", "--since", "2024-05-01", "--until", "2024-01-01"], "--since 01/05/2024", "--since"),
    "units": (["{plan}", "--format", "docx"], "lệnh này không có định dạng 'docx'", "this command has no 'docx' format"),
    "set": (["{plan}", "1.4", "initiatives"], "initiatives", "initiatives"),
    "done": (["{plan}", "1.1", "--date", "31/02/2024"], "ngày '31/02/2024' không hợp lệ", "invalid date '31/02/2024'"),
    "evidence": (["{plan}", "1.1", "Kế hoạch", "--occurrence", "2024-01-05"], "--deadline", "--deadline"),
    "justify": (["{plan}", "1.4"], "giải trình", "explanation"),
    "giai-trinh": (["{plan}", "1.4"], "giải trình", "explanation"),
    "sheet": (["{plan}", "--format", "docx"], "--output", "--output"),
    # `par schema` takes nothing: its one usage error is typer's.
    "schema": (["extra"], "thừa đối số: extra", "unexpected extra arguments: extra"),
    "import": (["{tmp}/khung.docx", "--output", "{tmp}/draft.yaml", "--index-max", "abc"], "'abc'", "'abc'"),
    "new-year": (["{plan}", "--rank", "22/21"], "'22/21'", "'22/21'"),
    "diff": (["{plan}", "{plan}", "--format", "html"], "lệnh này không có định dạng 'html'", "this command has no 'html' format"),
    "init": (["--output", "{plan}"], "{plan}", "{plan}"),
    "workbook": (["{plan}", "--unit", "van-phong", "--all-units", "--output", "{tmp}/out"], "--all-units", "--all-units"),
    "collect": (["{plan}", "{tmp}/van-phong.xlsx", "--date", "2024-13-01"], "ngày '2024-13-01' không hợp lệ", "invalid date '2024-13-01'"),
}


def test_every_command_has_a_usage_error_below():
    assert set(OWN_USAGE_ERRORS) == set(COMMANDS)


def filled(args: list[str], plan: Path) -> list[str]:
    return [arg.format(plan=plan, tmp=plan.parent) for arg in args]


@pytest.mark.parametrize("command", list(OWN_USAGE_ERRORS))
def test_a_commands_own_usage_error_ends_with_the_hint_naming_it(runner, plan, command):
    args, vi, en = OWN_USAGE_ERRORS[command]
    before = plan.read_bytes()
    said_vi = runner.invoke(app, [command, *filled(args, plan)])
    said_en = runner.invoke(app, [command, *filled(args, plan), "--lang", "en"] if command != "schema" else ["--lang", "en", command, *args])
    assert said_vi.exit_code == said_en.exit_code == 2, (said_vi.output, said_en.output)
    assert said_vi.stderr.startswith("par: ") and said_en.stderr.startswith("par: ")
    assert vi.format(plan=plan) in said_vi.stderr, said_vi.stderr
    assert en.format(plan=plan) in said_en.stderr, said_en.stderr
    # The message, then the hint: two lines, the hint last.
    assert said_vi.stderr.splitlines()[-1] == f"Xem 'par {command} --help'.", said_vi.stderr
    assert said_en.stderr.splitlines()[-1] == f"Try 'par {command} --help'.", said_en.stderr
    assert len(said_vi.stderr.splitlines()) == len(said_en.stderr.splitlines()) == 2
    assert said_vi.stdout == said_en.stdout == ""
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["set", "{plan}"],  # the id left out, found by par (click is told it may be)
        ["set", "{plan}", "1.4", "initiatives=2", "--plan", "{plan}"],  # the plan twice
        ["set", "{plan}", "1.4", "=2"],  # a KEY=VALUE without its key
        ["done", "{plan}", "1.1", "--occurrence", "xx"],
        ["score", "{plan}", "--unit", "khong-co"],
        ["report", "{plan}", "--output", "{plan}", "--format", "md"],  # --output refused
        ["collect", "{plan}"],
    ],
    ids=lambda args: "-".join(arg for arg in args if not arg.startswith("{")),
)
def test_more_of_the_usage_errors_par_finds_itself_end_with_the_hint(runner, plan, args):
    said = runner.invoke(app, filled(args, plan))
    assert said.exit_code == 2, said.output
    lines = said.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("par: ") and lines[1] == f"Xem 'par {args[0]} --help'.", said.stderr


def test_a_file_that_cannot_be_read_is_exit_2_without_the_hint(runner, tmp_path):
    missing = tmp_path / "khong-co.yaml"
    for args in (["score", str(missing)], ["validate", str(missing)], ["set", str(missing), "1.4", "initiatives=2"], ["history", str(missing)]):
        for lang in ("vi", "en"):
            said = runner.invoke(app, [*args, "--lang", lang])
            assert said.exit_code == 2, said.output
            assert said.stderr.splitlines() == [said.stderr.splitlines()[0]] and str(missing) in said.stderr, said.stderr
            assert "--help" not in said.stderr


def test_findings_are_exit_1_without_the_hint(runner):
    said = runner.invoke(app, ["validate", str(FIXTURES / "invalid" / "children_sum.yaml")])
    assert said.exit_code == 1
    assert "--help" not in said.stderr and "Xem '" not in said.stderr


def test_the_hint_of_a_bad_language_before_the_command_names_par(runner):
    said = runner.invoke(app, ["--lang", "fr", "score"])
    assert said.exit_code == 2 and said.stderr.endswith("Xem 'par --help'.\n")


# --- --format: what the help lists is what the command accepts ---------------------------

# Worked out by hand from what each command renders: a list of problems or one recorded line
# (auto/text/json: no table to draw), a table (the six table formats), the deadline table and
# its calendar (+ ics), the briefing page (html, md), the year-end sheet (md, html, docx, xlsx).
EXPECTED_FORMATS = {
    "validate": ["auto", "text", "json"],
    "set": ["auto", "text", "json"],
    "done": ["auto", "text", "json"],
    "evidence": ["auto", "text", "json"],
    "collect": ["auto", "text", "json"],
    "score": ["auto", "table", "text", "json", "csv", "md"],
    "gap": ["auto", "table", "text", "json", "csv", "md"],
    "units": ["auto", "table", "text", "json", "csv", "md"],
    "history": ["auto", "table", "text", "json", "csv", "md"],
    "diff": ["auto", "table", "text", "json", "csv", "md"],
    "import": ["auto", "table", "text", "json", "csv", "md"],
    "justify": ["auto", "table", "text", "json", "csv", "md"],  # the list is a table
    "giai-trinh": ["auto", "table", "text", "json", "csv", "md"],
    "due": ["auto", "table", "text", "json", "csv", "md", "ics"],
    "report": ["html", "md"],
    "sheet": ["md", "html", "docx", "xlsx"],
}
WITHOUT_FORMAT = {"schema", "new-year", "init", "workbook"}


def listed_formats(help_text: str) -> list[str] | None:
    found = re.search(r"-f, --format <([a-z|]+)>", help_text)
    return found.group(1).split("|") if found else None


def test_every_command_is_either_listed_with_its_formats_or_has_no_format():
    assert set(EXPECTED_FORMATS) | WITHOUT_FORMAT == set(COMMANDS)
    assert not set(EXPECTED_FORMATS) & WITHOUT_FORMAT


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_format_help_lists_exactly_the_commands_formats(runner, command):
    for lang in ("vi", "en"):
        shown = runner.invoke(app, ["--lang", lang, command, "--help"])
        assert shown.exit_code == 0, shown.output
        assert listed_formats(shown.stdout) == EXPECTED_FORMATS.get(command), shown.stdout
        # The help's own words name no format the command lacks either.
        flat = " ".join(shown.stdout.split())
        described = flat.split("--format", 1)[1].split(" -", 1)[0] if "--format" in flat else ""
        for fmt in set(FORMATS) - set(EXPECTED_FORMATS.get(command, [])):
            assert not re.search(rf"\b{fmt}\b", described), (command, fmt, described)


@pytest.mark.parametrize("command", sorted(EXPECTED_FORMATS))
def test_a_format_the_help_does_not_list_is_refused_naming_those_it_does(runner, command):
    offered = EXPECTED_FORMATS[command]
    for fmt in [*sorted(set(FORMATS) - set(offered)), "xml"]:
        said = runner.invoke(app, [command, "--format", fmt])
        assert said.exit_code == 2, (command, fmt, said.output)
        assert said.stderr == f"par: lệnh này không có định dạng '{fmt}'; chọn một trong: {', '.join(offered)}\nXem 'par {command} --help'.\n"
    said = runner.invoke(app, [command, "-f", "ics" if "ics" not in offered else "docx", "--lang", "en"])
    assert said.exit_code == 2
    assert said.stderr.startswith("par: this command has no '") and f"format; choose one of: {', '.join(offered)}\nTry 'par {command} --help'.\n" in said.stderr


def test_the_formats_offered_still_work(runner, plan, tmp_path):
    for args in (
        ["validate", str(plan), "--format", "json"],
        ["units", str(plan), "--format", "csv", "--today", "2024-03-01"],
        ["due", str(plan), "--format", "ics", "--today", "2024-03-01"],
        ["report", str(plan), "--format", "md", "--today", "2024-06-15"],
        ["justify", str(plan), "--format", "csv"],
        ["set", str(plan), "1.4", "initiatives=2", "--date", "2024-05-02", "--dry-run", "--format", "json"],
        ["sheet", str(plan), "--format", "xlsx", "--output", str(tmp_path / "bang-diem.xlsx")],
    ):
        done = runner.invoke(app, args)
        assert done.exit_code == 0, (args, done.output)
    assert (tmp_path / "bang-diem.xlsx").stat().st_size > 0
    # The default is the first that applies when --format is left out, as before.
    assert runner.invoke(app, ["report", str(plan), "--today", "2024-06-15", "--output", str(tmp_path / "giao-ban.html")]).exit_code == 0
    assert (tmp_path / "giao-ban.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_justify_recording_an_explanation_offers_fewer_formats_than_its_list(runner, plan):
    said = runner.invoke(app, ["justify", str(plan), "1.4", "Chưa có văn bản", "--format", "csv"])
    assert said.exit_code == 2
    assert said.stderr == "par: lệnh này không có định dạng 'csv'; chọn một trong: auto, text, json\nXem 'par justify --help'.\n"


# --- the real console script ----------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([par_executable(), *args], capture_output=True, text=True, env=subprocess_env(COLUMNS="100"), timeout=60)


def test_the_console_script_ends_usage_errors_with_the_hint(plan):
    missing_id = run("set", str(plan))
    assert missing_id.returncode == 2
    assert missing_id.stderr == "par: thiếu 'ID'\nXem 'par set --help'.\n"
    bad_format = run("validate", str(plan), "--format", "ics", "--lang", "en")
    assert bad_format.returncode == 2
    assert bad_format.stderr == "par: this command has no 'ics' format; choose one of: auto, text, json\nTry 'par validate --help'.\n"
    no_file = run("score", str(plan.parent / "khong-co.yaml"))
    assert no_file.returncode == 2 and "--help" not in no_file.stderr
    shown = run("units", "--help")
    assert shown.returncode == 0 and listed_formats(shown.stdout) == ["auto", "table", "text", "json", "csv", "md"]


def test_the_hint_of_a_subcommand_of_a_group_names_the_whole_command():
    # par has no group today; a usage error raised inside one (`par workbook collect`) names
    # the command path click gives it, whole.
    import typer
    from typer.main import get_command

    from par_cli.commands.common import Usage

    outer = typer.Typer()
    inner = typer.Typer()
    outer.add_typer(inner, name="workbook")
    inner.command("collect")(lambda: None)
    inner.command("other")(lambda: None)
    group = get_command(outer)
    root = group.make_context("par", ["workbook", "collect"], resilient_parsing=True)
    workbook = group.get_command(root, "workbook")
    middle = workbook.make_context("workbook", ["collect"], parent=root, resilient_parsing=True)
    leaf = workbook.get_command(middle, "collect").make_context("collect", [], parent=middle)
    with leaf:
        assert Usage("x").command == "par workbook collect"
    with root:
        assert Usage("x").command is None  # par itself: the hint names `par` (cli._command_path)
