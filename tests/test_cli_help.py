"""Help pages and usage errors in the user's language, `par --help` without building the
commands, and the plan given positionally to every command (issue 12, §3, §5 and §6).

Through the public surface: typer's CliRunner on `par_cli.cli.app`, and the installed
console script (`tests.edit_support.par_executable`) in real subprocesses."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from par_cli.cli import app
from par_cli.commands.help import COMMANDS
from tests.edit_support import BUNDLED, par_executable, subprocess_env

# What click and typer would print in English, had they written the page or the error.
ENGLISH = ["Usage:", "Options", "Arguments", "Commands", "[default", "default:", "[required]", "required", "env var", "Show this message", "[OPTIONS]", "COMMAND [ARGS]", "<str>", "<path>", "<int", "<list[", "Error", "Try '", "No such", "Missing", "Invalid value", "Got unexpected", "is not one of"]

# Vietnamese in the page's own words (diacritics), not in plan text quoted by an example.
VIETNAMESE_LETTERS = re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]")


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([par_executable(), *args], capture_output=True, text=True, env=subprocess_env(COLUMNS="100", **env), timeout=60)


# --- help pages -----------------------------------------------------------------------------


def test_the_top_level_help_is_vietnamese_by_default_and_english_on_request(runner):
    vi = runner.invoke(app, ["--help"])
    en = runner.invoke(app, ["--help", "--lang", "en"])
    assert vi.exit_code == en.exit_code == 0
    assert vi.stdout.startswith("Cách dùng: par [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")
    assert "\nTùy chọn:\n" in vi.stdout and "\nLệnh:\n" in vi.stdout
    assert "Hiện trợ giúp này rồi thoát." in vi.stdout and "[biến môi trường: PAR_LANG]" in vi.stdout
    assert english_in(vi.stdout) == [], vi.stdout
    assert en.stdout.startswith("Usage: par [OPTIONS] COMMAND [ARGS]...")
    assert "\nOptions:\n" in en.stdout and "\nCommands:\n" in en.stdout and "Show this message and exit." in en.stdout
    assert not VIETNAMESE_LETTERS.search(en.stdout), en.stdout
    # Every command is listed with its one line from the catalogue; the hidden alias is not.
    for name, entry in COMMANDS.items():
        assert (re.search(rf"^  {re.escape(name)} ", vi.stdout, re.M) is None) == entry.hidden, name


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_help_has_no_english_in_vietnamese_and_english_headings_in_english(runner, command):
    vi = runner.invoke(app, [command, "--help"])
    en = runner.invoke(app, [command, "--help"], env={"PAR_LANG": "en"})
    assert vi.exit_code == en.exit_code == 0, (vi.output, en.output)
    assert vi.stdout.startswith(f"Cách dùng: par {command} ")
    assert "\nTùy chọn:\n" in vi.stdout and "Hiện trợ giúp này rồi thoát." in vi.stdout
    assert english_in(vi.stdout) == [], vi.stdout
    assert en.stdout.startswith(f"Usage: par {command} ")
    assert "\nOptions:\n" in en.stdout and "Show this message and exit." in en.stdout
    assert "help." not in vi.stdout + en.stdout  # no catalogue key left unrendered


def test_score_help_names_its_defaults_ranges_and_types_in_the_users_words(runner):
    vi = runner.invoke(app, ["score", "--help"]).stdout
    en = runner.invoke(app, ["score", "--help", "--lang", "en"]).stdout
    flat_vi, flat_en = " ".join(vi.split()), " ".join(en.split())
    assert "Cách dùng: par score [TÙY_CHỌN] [PLAN|DIR]" in vi and "\nĐối số:\n" in vi
    assert "[mặc định: 3; 1<=x<=3]" in flat_vi and "--depth <số nguyên>" in vi and "-p, --plan <đường dẫn>" in vi
    assert "Usage: par score [OPTIONS] [PLAN|DIR]" in en and "\nArguments:\n" in en
    assert "[default: 3; 1<=x<=3]" in flat_en and "--depth <integer>" in en and "-p, --plan <path>" in en


def test_a_required_argument_is_marked_required(runner):
    vi = runner.invoke(app, ["new-year", "--help"]).stdout
    en = runner.invoke(app, ["new-year", "--help", "--lang", "en"]).stdout
    assert "[bắt buộc]" in vi and "[required]" in en


# --- usage errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["score", "--bogus"], "par: không có tùy chọn --bogus", "par: no such option: --bogus"),
        (["new-year"], "par: thiếu 'PLAN'", "par: missing 'PLAN'"),
        (["score", "--depth", "x"], "par: giá trị không hợp lệ cho '--depth': cần một số nguyên", "par: invalid value for '--depth': a whole number is needed"),
        (["score", "a.yaml", "b.yaml"], "par: thừa đối số: b.yaml", "par: unexpected extra arguments: b.yaml"),
        (["done", "plans/2024.yaml", "1.4", "x"], "par: thừa đối số: x", "par: unexpected extra arguments: x"),
        (["workbook"], "par: thiếu '--output' / '-o'", "par: missing '--output' / '-o'"),
        (["--bogus"], "par: không có tùy chọn --bogus", "par: no such option: --bogus"),
        (["--lang"], "par: tùy chọn --lang cần một giá trị", "par: option --lang needs a value"),
    ],
)
def test_usage_errors_in_vietnamese_carry_no_english_and_exit_2(runner, args, vi, en):
    said_vi = runner.invoke(app, args)
    said_en = runner.invoke(app, args, env={"PAR_LANG": "en"})
    assert said_vi.exit_code == said_en.exit_code == 2
    assert said_vi.stderr.startswith(vi), said_vi.stderr
    assert said_en.stderr.startswith(en), said_en.stderr
    assert english_in(said_vi.stderr) == [], said_vi.stderr
    command = args[0] if args[0] in COMMANDS else None
    assert said_vi.stderr.endswith(f"Xem 'par {command} --help'.\n" if command else "Xem 'par --help'.\n")
    assert said_en.stderr.endswith(f"Try 'par {command} --help'.\n" if command else "Try 'par --help'.\n")
    assert "Traceback" not in said_vi.output + said_en.output


def test_a_bad_language_before_the_command_is_a_usage_error(runner):
    said = runner.invoke(app, ["--lang", "fr", "score"])
    assert said.exit_code == 2
    assert said.stderr == "par: ngôn ngữ 'fr' không hỗ trợ: dùng vi hoặc en\nXem 'par --help'.\n"


def test_the_language_before_the_command_reaches_its_output(runner):
    # A regression: `par --lang en score` printed Vietnamese (the option of the group
    # never reached the command).
    english = runner.invoke(app, ["--lang", "en", "score", str(BUNDLED), "--depth", "1", "--format", "text"])
    assert english.exit_code == 0, english.output
    assert english.stdout.startswith("PAR index score 2024")


# --- the real console script ----------------------------------------------------------------


def test_the_console_script_prints_the_same_pages_and_codes_as_the_cli(runner):
    for args, env, code in (([], {}, 2), (["--help"], {}, 0), (["--lang", "en", "--help"], {}, 0), (["--help"], {"PAR_LANG": "en"}, 0), (["--lang", "en"], {}, 2)):
        real = run(*args, **env)
        inside = runner.invoke(app, args, env={"COLUMNS": "100", **env})
        assert real.returncode == inside.exit_code == code, (args, real.stderr)
        assert real.stdout == inside.stdout, args
        assert real.stderr == ""


def test_the_console_script_speaks_the_users_language_in_help_and_errors():
    vi, en = run("score", "--help"), run("score", "--help", "--lang", "en")
    assert vi.returncode == en.returncode == 0
    assert english_in(vi.stdout) == [] and "Cách dùng: par score" in vi.stdout
    assert "Usage: par score" in en.stdout and "Options:" in en.stdout
    for args, words in ((["score", "--bogus"], "không có tùy chọn"), (["score", "--depth", "9"], "cần nhỏ hơn hoặc bằng 3"), (["new-year"], "thiếu 'PLAN'")):
        said = run(*args)
        assert said.returncode == 2 and words in said.stderr, said.stderr
        assert english_in(said.stderr) == [] and "Traceback" not in said.stderr
        assert "missing 'PLAN'" in run("new-year", PAR_LANG="en").stderr


# --- what `par --help` and `par CMD --help` import and build --------------------------------

PROBE = """
import atexit, sys
def show():
    heavy = sorted(name for name in sys.modules if name.split(".")[0] in ("typer", "pydantic", "rich", "ruamel") or name.startswith("par_cli.commands.") or name == "importlib.metadata")
    sys.stderr.write("MODULES " + " ".join(heavy) + "\\n")
atexit.register(show)
sys.argv = ["par", *sys.argv[1:]]
from par_cli.console import main
main()
"""


def imported_by(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES"))
    return set(line.split()[1:])


def test_par_help_imports_no_command_module_nor_typer():
    for args in ((), ("--help",), ("--lang", "en", "--help")):
        assert imported_by(*args) == {"par_cli.commands.help"}, args


def test_a_command_help_imports_that_command_alone_and_no_pydantic_rich_or_yaml():
    modules = imported_by("score", "--help")
    ours = {name for name in modules if name.startswith("par_cli.commands.")}
    assert ours == {"par_cli.commands.help", "par_cli.commands.common", "par_cli.commands.score"}
    # pydantic.plugin._loader is the console script's stand-in (console.no_pydantic_plugins).
    assert not {name for name in modules if name.split(".")[0] in ("pydantic", "rich", "ruamel")} - {"pydantic.plugin._loader"}


def test_a_command_builds_pydantic_validators_without_looking_for_pydantic_plugins():
    # pydantic's plugin loader imports importlib.metadata to read every installed
    # distribution's entry points; the console script stands in a loader that finds none.
    modules = imported_by("validate", str(BUNDLED))
    assert {"par_cli.commands.validate", "pydantic.main", "pydantic.plugin._loader"} <= modules
    assert "importlib.metadata" not in modules


def test_the_group_builds_a_command_only_when_it_is_looked_up():
    group = typer.main.get_command(app)
    context = group.make_context("par", ["score"], resilient_parsing=True)
    assert group.list_commands(context) == [name for name, entry in COMMANDS.items() if not entry.hidden]
    group.get_help(context)
    assert group.commands.built == {}
    assert group.get_command(context, "score").name == "score"
    assert set(group.commands.built) == {"score"}
    assert group.get_command(context, "nope") is None


# --- the plan as a positional argument ------------------------------------------------------


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "2024.yaml"
    shutil.copyfile(BUNDLED, copy)
    return copy


WRITES = [
    ["set", "{plan}", "1.4", "initiatives=2", "--date", "2024-05-02"],
    ["done", "{plan}", "1.1", "--date", "2024-01-04"],
    ["evidence", "{plan}", "1.1", "Kế hoạch số 12/KH-SGTVT ngày 04/01/2024", "--date", "2024-01-04"],
    ["justify", "{plan}", "1.4", "Chưa có văn bản vì chuyển giao", "--date", "2024-05-02"],
]


@pytest.mark.parametrize("args", WRITES, ids=lambda args: args[0])
def test_every_writing_command_takes_the_plan_positionally_as_with_plan(runner, plan, args):
    positional = [arg.format(plan=plan) for arg in args]
    with_option = [arg for arg in args if arg != "{plan}"] + ["--plan", str(plan)]
    before = plan.read_bytes()
    dry_positional = runner.invoke(app, [*positional, "--dry-run"])
    dry_option = runner.invoke(app, [*with_option, "--dry-run"])
    assert dry_positional.exit_code == dry_option.exit_code == 0, dry_positional.output
    assert dry_positional.stdout == dry_option.stdout != ""
    assert plan.read_bytes() == before
    written = runner.invoke(app, positional)
    assert written.exit_code == 0, written.output
    assert plan.read_bytes() != before
    both = runner.invoke(app, [*positional, "--plan", str(plan)])
    assert both.exit_code == 2 and "PATH hoặc --plan" in both.stderr


def test_a_first_word_not_ending_in_yaml_is_not_taken_for_the_plan(runner, plan):
    # `par done PLAN ID` with a plan named without .yaml: said, not guessed.
    extensionless = plan.with_suffix("")
    shutil.copyfile(plan, extensionless)
    said = runner.invoke(app, ["evidence", str(extensionless), "1.1", "Kế hoạch số 12", "--date", "2024-01-04"])
    assert said.exit_code == 2
    assert f"'{extensionless}' đứng trước mã tiêu chí" in said.stderr and "--plan" in said.stderr
    said = runner.invoke(app, ["set", str(extensionless), "1.4", "initiatives=2", "--lang", "en"])
    assert said.exit_code == 2 and "must end in .yaml or .yml; otherwise pass --plan" in said.stderr
    assert runner.invoke(app, ["done", "--plan", str(extensionless), "1.1", "--date", "2024-01-04"]).exit_code == 0


def test_a_missing_id_after_the_plan_is_a_usage_error(runner, plan):
    for command in ("set", "done", "evidence"):
        said = runner.invoke(app, [command, str(plan)])
        assert said.exit_code == 2 and said.stderr == f"par: thiếu 'ID'\nXem 'par {command} --help'.\n", (command, said.stderr)


def test_justify_lists_the_criteria_of_the_plan_given_positionally(runner, plan):
    positional = runner.invoke(app, ["justify", str(plan), "--format", "json"])
    with_option = runner.invoke(app, ["justify", "--plan", str(plan), "--format", "json"])
    assert positional.exit_code == with_option.exit_code == 0, positional.output
    assert positional.stdout == with_option.stdout


def test_workbook_and_collect_take_the_plan_positionally(runner, plan, tmp_path):
    made = tmp_path / "out" / "van-phong.xlsx"
    positional = runner.invoke(app, ["workbook", str(plan), "--unit", "van-phong", "--output", str(made)])
    assert positional.exit_code == 0, positional.output
    again = tmp_path / "again.xlsx"
    assert runner.invoke(app, ["workbook", "--plan", str(plan), "--unit", "van-phong", "--output", str(again)]).exit_code == 0
    from openpyxl import load_workbook

    assert [row for row in load_workbook(made).active.iter_rows(values_only=True)] == [row for row in load_workbook(again).active.iter_rows(values_only=True)]
    first = runner.invoke(app, ["collect", str(plan), str(made), "--dry-run", "--date", "2024-05-02"])
    second = runner.invoke(app, ["collect", "--plan", str(plan), str(made), "--dry-run", "--date", "2024-05-02"])
    assert first.exit_code == second.exit_code == 0, first.output
    assert first.stdout == second.stdout and first.stderr == second.stderr
    assert runner.invoke(app, ["collect", str(plan)]).stderr == "par: thiếu 'FILE.xlsx...'\nXem 'par collect --help'.\n"


@pytest.mark.parametrize("command", ["validate", "score", "gap", "due", "report", "history", "units", "set", "done", "evidence", "justify", "sheet", "new-year", "workbook", "collect"])
def test_every_command_that_reads_a_plan_names_it_first_in_its_usage(runner, command):
    usage = runner.invoke(app, [command, "--help"]).stdout.splitlines()[0]
    assert re.match(rf"Cách dùng: par {command} \[TÙY_CHỌN\] \[?PLAN", usage), usage


def test_the_console_script_takes_the_plan_positionally(plan):
    done = run("done", str(plan), "1.1", "--date", "2024-01-04", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Recorded for criterion 1.1: deadline 'ke-hoach' of 05/01/2024 (last day 04/01/2024) done on 04/01/2024, on time ({plan})\n"
    assert "2024-01-04" in plan.read_text(encoding="utf-8").split("ke-hoach", 1)[1]


# --- the options every command takes ---------------------------------------------------------


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_takes_lang_after_its_name(command):
    # A regression: `par schema --lang en` was "no such option" (exit 2); only
    # `par --lang en schema` worked. Every command of the registry takes --lang itself.
    from par_cli.cli import build_command

    built = build_command(command)
    options = {opt for param in built.params for opt in getattr(param, "opts", ())}
    assert "--lang" in options, command
    lang = next(param for param in built.params if "--lang" in param.opts)
    assert lang.envvar == "PAR_LANG"


def test_schema_takes_lang_after_its_name_through_the_cli_and_the_console_script(runner):
    plain = runner.invoke(app, ["schema"])
    for args in (["schema", "--lang", "en"], ["schema", "--lang=vi"], ["--lang", "en", "schema"]):
        said = runner.invoke(app, args)
        assert said.exit_code == 0, (args, said.output)
        assert said.stdout == plain.stdout  # the schema has no words to translate
    real = run("schema", "--lang", "en")
    assert real.returncode == 0 and real.stderr == "", real.stderr
    assert real.stdout == plain.stdout
    bad = run("schema", "--lang", "fr")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.endswith("Xem 'par schema --help'.\n"), bad.stderr
    help_en = runner.invoke(app, ["schema", "--help", "--lang", "en"]).stdout
    assert "--lang <vi|en>" in help_en and "[env var: PAR_LANG]" in help_en


def test_the_plugin_loader_stand_in_reads_what_it_lacks_from_pydantics_own():
    # Should a later pydantic ask its private loader for a name the stand-in lacks, the name
    # comes from pydantic's own loader, so par runs as it would without the stand-in.
    from par_cli.console import no_pydantic_plugins

    modules: dict[str, object] = {}
    no_pydantic_plugins(modules)
    loader = modules["pydantic.plugin._loader"]
    assert loader.get_plugins() == ()  # type: ignore[attr-defined]
    real = loader.__getattr__("get_plugins")  # type: ignore[attr-defined] - what a missing name gets
    assert callable(real) and real is not tuple and real.__module__ == "pydantic.plugin._loader"
    with pytest.raises(AttributeError):
        loader.__getattr__("no_such_name_in_pydantic")  # type: ignore[attr-defined]
