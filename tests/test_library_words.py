"""What a library says reaches the user in the user's language (issue: library texts in
English). Each case is made for real (a YAML file with the syntax error, a path through a
file, a read-only or full file system, a git repository that is empty, damaged or another
user's, a broken .docx/.xlsx, a rule python-dateutil refuses, a value pydantic refuses) and run
in Vietnamese and English through CliRunner, and once through the installed `par`. Positions
(PATH:LINE:COL) and exit codes are those par gave before the words changed: read off the
earlier output by hand. A reason not in the tables keeps the library's own words, inside a
message that says whose words they are."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from par_cli.cli import app
from par_cli.i18n import MESSAGES, Message, t
from par_cli.plan import reasons
from par_cli.plan.problems import Problem
from par_cli.render.problems import problem_line
from tests.edit_support import BUNDLED, par_executable, subprocess_env
from tests.history_repo import git
from tests.other_users import as_plain_user, give_to_plain_user, plain_users_folder

LANGS = ("vi", "en")
JSON_KEYS = {"path", "line", "column", "criterion_id", "code", "severity", "message"}  # README, "JSON output"


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env)


# --- YAML syntax -------------------------------------------------------------------------

# (file text, line, column as par gave them before, the key the problem is now worded by)
YAML_CASES = {
    "open_bracket": ("plan: [\n", 2, 1, "yaml.problem.node_content"),
    "colon_in_value": ("a: b: c\n", 1, 5, "yaml.problem.colon_here"),
    "cannot_start": ("a: 1\n@x\n", 2, 1, "yaml.problem.cannot_start"),
    "open_quote": ('a: "abc\n', 2, 1, "yaml.problem.end_of_file"),
    "key_indent": ("a:\n  - 1\n b: 2\n", 3, 2, "yaml.problem.key_expected"),
    "tag_handle": ("a: !x!y 1\n", 1, 4, "yaml.problem.tag"),
    "alias": ("a: *nope\n", 1, 4, "yaml.problem.undefined_alias"),
    "two_documents": ("a: 1\n---\nb: 2\n", 2, 1, "yaml.problem.two_documents"),
    "flow_mapping": ("{a: 1\n", 2, 1, "yaml.problem.flow_mapping"),
    "flow_sequence": ("a: [1, 2\nb: 3\n", 2, 2, "yaml.problem.flow_sequence"),
    "anchor_twice": ("a: &x 1\nb: &x 2\nc: *x\n", 2, 4, "yaml.problem.anchor_twice"),
    "escape": ('a: "\\q"\n', 1, 5, "yaml.problem.escape"),
    "dash_indent": ("- a\nb: 1\n", 2, 1, "yaml.problem.dash_expected"),
    "block_indicator": ("a: |0\n  x\n", 1, 5, "yaml.problem.block_indicator"),
    "directive_twice": ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", 2, 1, "yaml.problem.directive"),
    "indented_key": ("a: 1\n  b: 2\n", 2, 4, "yaml.problem.colon_here"),
    "question_mark": ('a: "x" ?\n', 1, 8, "yaml.problem.question_here"),
    "unhashable_key": ("{a}: 1\n", 1, 1, "yaml.problem.unhashable_key"),
}


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_a_yaml_syntax_error_is_worded_where_it_was(tmp_path: Path, name: str):
    text, line, column, key = YAML_CASES[name]
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    for lang in LANGS:
        result = invoke("validate", str(path), "--lang", lang)
        assert result.exit_code == 1, result.output
        said = t("yaml.syntax", lang, detail=Message(key))
        assert result.stderr.splitlines()[0] == f"{path}:{line}:{column}: {said}"
        assert MESSAGES[key][lang].split("{")[0][:12] in result.stderr


def test_the_yaml_words_read_as_written(tmp_path: Path):
    """The brief's case, word for word, in both languages."""
    path = tmp_path / "bad.yaml"
    path.write_text("plan: [\n", encoding="utf-8")
    vi = invoke("validate", str(path)).stderr.splitlines()[0]
    en = invoke("validate", str(path), "--lang", "en").stderr.splitlines()[0]
    assert vi == f"{path}:2:1: lỗi cú pháp YAML: thiếu giá trị ở đây (ngoặc [ hoặc {{ chưa đóng, hay dấu phẩy thừa?)"
    assert en == f"{path}:2:1: YAML syntax error: a value is missing here (a [ or {{ left open, or a comma too many?)"


def test_a_yaml_syntax_error_in_json_keeps_its_keys_and_code(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("a: b: c\n", encoding="utf-8")
    result = invoke("validate", str(path), "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)["problems"]
    assert set(problem) == JSON_KEYS
    assert (problem["line"], problem["column"], problem["code"]) == (1, 5, "yaml.syntax")
    assert problem["message"] == "YAML syntax error: a colon where none may stand (a value holding ': ' needs quotes, or the indentation is wrong)"


def test_the_yaml_table_holds_the_parsers_own_texts():
    """Every problem text in the table is one the installed parser can say: libyaml's,
    compiled into ruamel's C extension, or ruamel's Python constructor's."""
    import _ruamel_yaml
    import ruamel.yaml

    said = Path(_ruamel_yaml.__file__).read_bytes()
    said += b"".join(path.read_bytes() for path in Path(ruamel.yaml.__file__).parent.glob("*.py"))
    missing = [text for text in reasons.YAML_PROBLEMS if text.encode() not in said]
    assert not missing, missing
    assert all(key in MESSAGES for key in reasons.YAML_PROBLEMS.values())


def test_a_yaml_problem_not_in_the_table_keeps_the_parsers_words():
    """Bytes that are not UTF-8 never reach the parser through par (the reader says
    file.not_utf8 first), so this reason is not worded: libyaml's text, said to be its."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    with pytest.raises(YAMLError) as caught:
        YAML(typ="safe", pure=False).load(b"a: \xff\xfe\n")
    problem_text = str(caught.value).splitlines()[0]
    assert problem_text not in reasons.YAML_PROBLEMS
    problem = Problem(Path("p.yaml"), 1, 4, "yaml.syntax", {"detail": reasons.yaml_reason(problem_text)})
    assert problem_line(problem, "vi") == f"p.yaml:1:4: lỗi cú pháp YAML: {problem_text} (lời của bộ đọc YAML)"
    assert problem_line(problem, "en") == f"p.yaml:1:4: YAML syntax error: {problem_text} (the YAML parser's words)"


def test_a_yaml_error_through_the_installed_par(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("plan: [\n", encoding="utf-8")
    done = subprocess.run([par_executable(), "validate", str(path)], capture_output=True, text=True, env=subprocess_env(), check=False)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"{path}:2:1: lỗi cú pháp YAML: thiếu giá trị ở đây (ngoặc [ hoặc {{ chưa đóng, hay dấu phẩy thừa?)"


def test_a_mapping_file_of_par_diff_is_worded_too(tmp_path: Path):
    mapping = tmp_path / "map.yaml"
    mapping.write_text("a: [\n", encoding="utf-8")
    result = invoke("diff", str(BUNDLED), str(BUNDLED), "--mapping", str(mapping), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"par: mapping file {mapping}:2:1: YAML syntax error: a value is missing here (a [ or {{ left open, or a comma too many?)\n"
    mapping.write_text('"1.1": "1.2"\n"1.1": "1.3"\n', encoding="utf-8")
    result = invoke("diff", str(BUNDLED), str(BUNDLED), "--mapping", str(mapping))
    assert result.stderr == f"par: tệp ánh xạ {mapping}:2:1: khóa '1.1' bị lặp lại\n"
    result = invoke("diff", str(BUNDLED), str(BUNDLED), "--mapping", str(tmp_path))
    assert result.exit_code == 2 and result.stderr == f"par: tệp ánh xạ {tmp_path}: đó là một thư mục, không phải tệp\n"


# --- the operating system ----------------------------------------------------------------


def test_a_plan_behind_a_file_is_not_a_directory_for_anyone(tmp_path: Path):
    """ENOTDIR: a path through a regular file fails for root too."""
    (tmp_path / "plan.yaml").write_text("a: 1\n", encoding="utf-8")
    path = tmp_path / "plan.yaml" / "x.yaml"
    vi = invoke("validate", str(path))
    en = invoke("validate", str(path), "--lang", "en")
    assert vi.exit_code == en.exit_code == 2
    assert vi.stderr == f"par: {path}: không đọc được tệp: một phần của đường dẫn là tệp, không phải thư mục\n"
    assert en.stderr == f"par: {path}: cannot read the file: a part of the path is a file, not a directory\n"


def test_a_plan_name_too_long(tmp_path: Path):
    """ENAMETOOLONG passes through Path.is_dir(): it was an internal error (exit 3)."""
    path = tmp_path / ("x" * 300 + ".yaml")
    result = invoke("validate", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == f"par: {path}: the file name or path is too long\n"
    done = subprocess.run([par_executable(), "validate", str(path)], capture_output=True, text=True, env=subprocess_env(), check=False)
    assert (done.returncode, done.stderr) == (2, f"par: {path}: tên tệp hoặc đường dẫn quá dài\n")


# Every way a command is given a plan it reads: as its argument, after --plan.
READERS = [
    ("validate", "{plan}"), ("score", "{plan}"), ("score", "--plan", "{plan}"), ("gap", "--plan", "{plan}"),
    ("due", "--plan", "{plan}"), ("units", "--plan", "{plan}"), ("report", "--plan", "{plan}"), ("sheet", "{plan}"),
    ("set", "--plan", "{plan}", "1.4", "initiatives=2"), ("done", "{plan}", "1.4"), ("evidence", "--plan", "{plan}", "1.4"),
    ("justify", "--plan", "{plan}"), ("workbook", "{plan}", "--unit", "van-phong", "--output", "{folder}/vp.xlsx"),
    ("new-year", "{plan}", "--output", "{folder}/2025.yaml"), ("diff", "{plan}", str(BUNDLED)),
]


def test_an_unreadable_plan_says_permission_denied():
    # Run by a user who is not root (root reads a file whatever its mode): see
    # tests/other_users.py. Typer gives every path option click's readable check, which
    # answered first and in click's English ("path '…' is not readable"), as a misused option.
    with plain_users_folder() as folder:
        path = folder / "secret.yaml"
        shutil.copyfile(BUNDLED, path)
        give_to_plain_user(path)
        path.chmod(0)
        for lang, words in (("vi", "không đọc được tệp: không có quyền (permission denied)"), ("en", "cannot read the file: permission denied")):
            for command in READERS:
                args = [arg.format(plan=path, folder=folder) for arg in command]
                done = subprocess.run(as_plain_user(par_executable(), *args, "--lang", lang), capture_output=True, text=True, cwd="/", env=subprocess_env(HOME="/nonexistent"), timeout=120)
                assert (done.returncode, done.stderr) == (2, f"par: {path}: {words}\n"), command
        assert sorted(entry.name for entry in folder.iterdir()) == ["secret.yaml"]


def test_an_unreadable_output_is_replaced_like_any_other():
    # An output is written, never read: click's readable check refused it as a misused
    # option. The folder is the user's, so the new file takes the old one's place.
    with plain_users_folder() as folder:
        output = folder / "bao-cao.html"
        output.write_text("cũ", encoding="utf-8")
        give_to_plain_user(output)
        output.chmod(0o200)
        done = subprocess.run(as_plain_user(par_executable(), "report", "--plan", str(BUNDLED), "--output", str(output)), capture_output=True, text=True, cwd="/", env=subprocess_env(HOME="/nonexistent"), timeout=120)
        assert (done.returncode, done.stderr) == (0, f"đã ghi báo cáo vào {output}\n")
        assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_output_behind_a_file(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "due.csv"
    for lang, words in (("vi", "không ghi được tệp {path}: một phần của đường dẫn là tệp, không phải thư mục"), ("en", "cannot write {path}: a part of the path is a file, not a directory")):
        result = invoke("due", str(BUNDLED), "--format", "csv", "--output", str(target), "--lang", lang)
        assert result.exit_code == 2
        assert result.stderr == "par: " + words.format(path=target) + "\n"


def _refused_folder(tmp_path: Path) -> Path:
    """A folder this process may not write in: a 0555 one for a user; for root, sysfs's top,
    which refuses even root a new file (EACCES) where it is mounted."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    probe = Path("/sys") / "par-probe"
    try:
        probe.open("x").close()
    except PermissionError:
        return Path("/sys")
    except OSError:
        pass
    else:
        probe.unlink()
    pytest.skip("running as root without a sysfs that refuses writes: no folder refuses root")


def test_an_output_where_writing_is_refused(tmp_path: Path):
    target = _refused_folder(tmp_path) / "due.csv"
    vi = invoke("due", str(BUNDLED), "--format", "csv", "--output", str(target))
    en = invoke("due", str(BUNDLED), "--format", "csv", "--output", str(target), "--lang", "en")
    assert vi.exit_code == en.exit_code == 2
    assert vi.stderr == f"par: không ghi được tệp {target}: không có quyền (permission denied)\n"
    assert en.stderr == f"par: cannot write {target}: permission denied\n"
    assert not target.exists()


def _in_own_mount(tmp_path: Path, options: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed par run with a fresh tmpfs (``options``) mounted on ``tmp_path/mnt`` in
    its own mount namespace (unshare, as root or in a user namespace); skipped where the
    machine allows neither."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare(1): a read-only or full file system cannot be made here")
    probe = subprocess.run([unshare, "-rm", "sh", "-c", f"mount -t tmpfs -o {options} none '{mount}'"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a private namespace here: {probe.stderr.strip()}")
    line = " ".join(f"'{arg}'" for arg in (par_executable(), *args))
    return subprocess.run([unshare, "-rm", "sh", "-c", f"mount -t tmpfs -o {options} none '{mount}' && exec {line}"], capture_output=True, text=True, env=subprocess_env(), check=False)


def test_an_output_on_a_read_only_file_system(tmp_path: Path):
    target = tmp_path / "mnt" / "due.csv"
    done = _in_own_mount(tmp_path, "ro", "due", str(BUNDLED), "--format", "csv", "--output", str(target))
    assert done.returncode == 2
    assert done.stderr == f"par: không ghi được tệp {target}: hệ thống tệp chỉ cho đọc, không ghi được\n"


def test_an_output_on_a_full_disk(tmp_path: Path):
    target = tmp_path / "mnt" / "report.html"
    done = _in_own_mount(tmp_path, "size=4k", "report", str(BUNDLED), "--format", "html", "--output", str(target), "--lang", "en")
    assert done.returncode == 2
    assert done.stderr == f"par: cannot write {target}: no space left on the disk\n"


def test_an_errno_not_worded_keeps_the_systems_words_and_names_it():
    """ESPIPE (a seek on a pipe) is not in the table: the system's text, its errno's name,
    and whose words they are."""
    reading, writing = os.pipe()
    try:
        with pytest.raises(OSError) as caught:
            os.lseek(reading, 1, os.SEEK_SET)
    finally:
        os.close(reading)
        os.close(writing)
    assert caught.value.errno == errno.ESPIPE
    reason = reasons.os_reason(caught.value)
    assert reason == Message("os.own_words", {"detail": os.strerror(errno.ESPIPE), "name": "ESPIPE"})
    assert t("file.unreadable", "vi", reason=reason) == f"không đọc được tệp: {os.strerror(errno.ESPIPE)} (ESPIPE, lời của hệ điều hành)"
    assert t("file.unreadable", "en", reason=reason) == f"cannot read the file: {os.strerror(errno.ESPIPE)} (ESPIPE, the operating system's words)"


def test_a_full_device_is_worded_from_its_errno():
    """ENOSPC as the system raises it, read from /dev/full."""
    with pytest.raises(OSError) as caught, open("/dev/full", "wb", buffering=0) as full:
        full.write(b"x")
    assert reasons.os_reason(caught.value) == Message("os.no_space")
    assert t("edit.cannot_write", "vi", reason=reasons.os_reason(caught.value)) == "không ghi được tệp: đĩa đã hết chỗ trống; tệp kế hoạch không thay đổi"


# --- git -------------------------------------------------------------------------------------

GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _repo_with_plan(tmp_path: Path, commit: bool = True) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    plan = repo / "2024.yaml"
    shutil.copyfile(BUNDLED, plan)
    git(repo, "add", "2024.yaml")
    if commit:
        git(repo, "commit", "-q", "-m", "Kế hoạch 2024")
    return plan


def test_a_repository_without_commits(tmp_path: Path):
    plan = _repo_with_plan(tmp_path, commit=False)
    vi = invoke("history", str(plan), env=GIT_ENV)
    en = invoke("history", str(plan), "--lang", "en", env=GIT_ENV)
    assert vi.exit_code == en.exit_code == 2
    assert vi.stderr == "par: git báo lỗi: kho git chưa có commit nào trên nhánh 'main' (git add, git commit)\n"
    assert en.stderr == "par: git failed: the git repository has no commit yet on branch 'main' (git add, git commit)\n"


def test_a_damaged_repository(tmp_path: Path):
    plan = _repo_with_plan(tmp_path)
    repo = plan.parent
    tree = git(repo, "rev-parse", "HEAD^{tree}").strip()
    loose = repo / ".git" / "objects" / tree[:2] / tree[2:]
    loose.chmod(0o644)
    loose.write_bytes(b"garbage")
    for lang, words in (("vi", "git báo lỗi: kho git bị hỏng: không đọc được đối tượng {sha}; chạy git fsck để xem"), ("en", "git failed: the git repository is damaged: object {sha} cannot be read; run git fsck to see")):
        result = invoke("history", str(plan), "--lang", lang, "--records", env=GIT_ENV)
        assert result.exit_code == 2
        assert result.stderr == "par: " + words.format(sha=tree) + "\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="a repository of another user can only be made by root (chown)")
def test_another_users_repository(tmp_path: Path):
    """git refuses a repository another user owns ("dubious ownership"); par said "not in a
    git repository", which sent the user to `git init` in a repository."""
    plan = _repo_with_plan(tmp_path)
    repo = plan.parent
    for path in [repo, *repo.rglob("*")]:
        os.lchown(path, 65534, 65534)
    vi = invoke("history", str(plan), env=GIT_ENV)
    en = invoke("history", str(plan), "--lang", "en", env=GIT_ENV)
    assert vi.exit_code == en.exit_code == 2
    assert vi.stderr == f"par: git báo lỗi: kho git {repo} thuộc người dùng khác nên git từ chối đọc; nếu tin kho này: git config --global --add safe.directory {repo}\n"
    assert en.stderr.startswith(f"par: git failed: the git repository {repo} belongs to another user")
    done = subprocess.run([par_executable(), "history", str(plan)], capture_output=True, text=True, env=subprocess_env(**GIT_ENV), check=False)
    assert (done.returncode, done.stderr) == (2, vi.stderr)


def test_git_words_not_in_the_table_are_said_to_be_gits():
    assert reasons.git_reason("fatal: something new went wrong\n") == Message("git.own_words", {"detail": "fatal: something new went wrong"})
    assert t("history.git_failed", "vi", detail=reasons.git_reason("fatal: x\n")) == "git báo lỗi: fatal: x (lời của git)"


def test_git_errors_through_the_installed_par(tmp_path: Path):
    plan = _repo_with_plan(tmp_path, commit=False)
    done = subprocess.run([par_executable(), "history", str(plan), "--lang", "en"], capture_output=True, text=True, env=subprocess_env(**GIT_ENV), check=False)
    assert done.returncode == 2
    assert done.stderr == "par: git failed: the git repository has no commit yet on branch 'main' (git add, git commit)\n"


# --- Word and Excel files ----------------------------------------------------------------


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real broken files: text named .docx/.xlsx, each kind named as the other, each cut in
    half, each with its main XML part cut in half inside a good zip, a zip of something else."""
    import docx
    import openpyxl

    folder = tmp_path_factory.mktemp("office")
    book = openpyxl.Workbook()
    book.active["A1"] = "TT"
    book.save(folder / "good.xlsx")
    document = docx.Document()
    document.add_paragraph("Khung chỉ số")
    document.save(folder / "good.docx")
    for kind in ("docx", "xlsx"):
        (folder / f"text.{kind}").write_text("không phải tệp Office\n", encoding="utf-8")
        data = (folder / f"good.{kind}").read_bytes()
        (folder / f"cut.{kind}").write_bytes(data[: len(data) // 2])
        with zipfile.ZipFile(folder / f"odd.{kind}", "w") as odd:
            odd.writestr("note.txt", "x")
        part = "word/document.xml" if kind == "docx" else "xl/worksheets/sheet1.xml"
        with zipfile.ZipFile(folder / f"good.{kind}") as good, zipfile.ZipFile(folder / f"damaged.{kind}", "w") as damaged:
            for name in good.namelist():
                content = good.read(name)
                damaged.writestr(name, content[: len(content) // 2] if name == part else content)
    shutil.copyfile(folder / "good.xlsx", folder / "excel.docx")
    shutil.copyfile(folder / "good.docx", folder / "word.xlsx")
    return folder


# file → (key, parameters besides the kind) for `par import`
IMPORT_CASES = {
    "text.docx": ("office.not_zip", {}),
    "cut.docx": ("office.not_zip", {}),
    "excel.docx": ("office.wrong_kind", {}),
    "damaged.docx": ("office.damaged", {}),
    "odd.docx": ("office.missing_part", {"part": "[Content_Types].xml"}),
    "text.xlsx": ("office.not_zip", {}),
    "cut.xlsx": ("office.not_zip", {}),
    "word.xlsx": ("office.wrong_kind", {}),
    "damaged.xlsx": ("office.damaged", {}),
    "odd.xlsx": ("office.missing_part", {"part": "[Content_Types].xml"}),
}


@pytest.mark.parametrize("name", sorted(IMPORT_CASES))
def test_a_broken_framework_file_is_worded(office: Path, tmp_path: Path, name: str):
    """`par import` of each: a usage error (exit 2) in words; the damaged ones and python-docx's
    "not a zip" were internal errors (exit 3) before."""
    from par_cli.i18n import Term

    key, params = IMPORT_CASES[name]
    path = office / name
    kind = Term(f"office.kind.{path.suffix[1:]}")
    for lang in LANGS:
        result = invoke("import", str(path), "--output", str(tmp_path / f"out-{lang}.yaml"), "--lang", lang)
        assert result.exit_code == 2, result.output
        reason = Message(key, {"kind": kind, **params})
        assert result.stderr == f"par: {t('import.unreadable', lang, path=path, reason=reason)}\n"
        assert not (tmp_path / f"out-{lang}.yaml").exists()


def test_the_office_words_read_as_written(office: Path, tmp_path: Path):
    path = office / "text.docx"
    vi = invoke("import", str(path), "--output", str(tmp_path / "a.yaml"))
    assert vi.stderr == (
        f"par: không mở được {path}: cần tệp Word (.docx), nhưng tệp Word và Excel là kho nén zip, "
        "còn tệp này không phải (hỏng, bị cắt, hay là tệp .doc/.xls cũ?)\n"
    )
    path = office / "damaged.xlsx"
    en = invoke("import", str(path), "--output", str(tmp_path / "b.yaml"), "--lang", "en")
    assert en.stderr == f"par: cannot open {path}: the Excel (.xlsx) file is damaged: a part inside cannot be read; open it in Word or Excel and save it again\n"


COLLECT_CASES = {
    "text.xlsx": "office.not_zip",
    "word.xlsx": "office.wrong_kind",
    "damaged.xlsx": "office.damaged",
    "good.docx": "office.wrong_extension",  # openpyxl refuses the name; was an internal error
}


@pytest.mark.parametrize("name", sorted(COLLECT_CASES))
def test_a_broken_workbook_given_to_collect_is_worded(office: Path, tmp_path: Path, name: str):
    from par_cli.i18n import Term

    plan = tmp_path / "2024.yaml"
    shutil.copyfile(BUNDLED, plan)
    before = plan.read_bytes()
    path = office / name
    for lang in LANGS:
        result = invoke("collect", str(plan), str(path), "--lang", lang)
        assert result.exit_code == 1, result.output
        reason = Message(COLLECT_CASES[name], {"kind": Term("office.kind.xlsx")})
        assert f"{path}: {t('collect.not_xlsx', lang, reason=reason)}" in result.stderr.splitlines()
    assert plan.read_bytes() == before


def test_a_folder_given_to_collect(office: Path, tmp_path: Path):
    plan = tmp_path / "2024.yaml"
    shutil.copyfile(BUNDLED, plan)
    folder = tmp_path / "book.xlsx"
    folder.mkdir()
    result = invoke("collect", str(plan), str(folder), "--lang", "en")
    assert result.exit_code == 1
    assert f"{folder}: cannot read the Excel file: it is a directory, not a file" in result.stderr.splitlines()


def test_an_office_error_not_in_the_table_keeps_the_librarys_words():
    reason = reasons.office_reason(RuntimeError("Unexpected thing in part"), "docx")
    assert reason == Message("office.own_words", {"detail": "Unexpected thing in part", "library": "python-docx"})
    assert t("import.unreadable", "vi", path="k.docx", reason=reason) == "không mở được k.docx: Unexpected thing in part (lời của python-docx)"


def test_a_broken_file_through_the_installed_par(office: Path, tmp_path: Path):
    path = office / "damaged.docx"
    done = subprocess.run([par_executable(), "import", str(path), "--output", str(tmp_path / "x.yaml")], capture_output=True, text=True, env=subprocess_env(), check=False)
    assert done.returncode == 2
    assert done.stderr == f"par: không mở được {path}: tệp Word (.docx) bị hỏng: một phần bên trong không đọc được; hãy mở bằng Word hoặc Excel và lưu lại\n"


# --- python-dateutil's recurrence rules ------------------------------------------------------

RULE_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "invalid" / "bad_rrule.yaml"

# rule → the words after "không đọc được quy tắc lặp: " / "cannot read the recurrence rule: "
RULE_CASES = {
    "FREQ=SOMETIMES": ("giá trị 'SOMETIMES' của FREQ không hợp lệ", "'SOMETIMES' is not a valid FREQ"),
    "FREQ=MONTHLY;BYMONTHDAY": ("mỗi thành phần cần dạng TÊN=GIÁ_TRỊ, cách nhau bằng dấu ';'", "each part needs the form NAME=VALUE, separated by ';'"),
    "FREQ=MONTHLY;FOO=1": ("không có thành phần 'FOO' trong quy tắc RRULE", "RRULE has no part 'FOO'"),
    "FREQ=MONTHLY;BYSETPOS=0;BYMONTHDAY=1": ("BYSETPOS phải từ 1 đến 366 hoặc từ -366 đến -1", "BYSETPOS must be 1 to 366 or -366 to -1"),
    "X-FOO:1": ("'X-FOO' không được hỗ trợ trong quy tắc lặp", "'X-FOO' is not supported in a recurrence rule"),
    "RRULE:FREQ=MONTHLY\\nEXDATE:notadate": ("có một ngày (DTSTART, RDATE hoặc EXDATE) không đọc được", "a date (DTSTART, RDATE or EXDATE) cannot be read"),
    # Not in the table: python-dateutil's own words, said to be its (it upper-cases the rule).
    "DTSTART:20240101,20240102\\nRRULE:FREQ=MONTHLY": (
        "Multiple DTSTART values specified:20240101,20240102 (lời của python-dateutil)",
        "Multiple DTSTART values specified:20240101,20240102 (python-dateutil's words)",
    ),
}


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_a_rule_python_dateutil_refuses_is_worded(tmp_path: Path, rule: str):
    path = tmp_path / "plan.yaml"
    path.write_text(RULE_FIXTURE.read_text(encoding="utf-8").replace("FREQ=SOMETIMES", rule), encoding="utf-8")
    for lang, (head, words) in zip(LANGS, (("không đọc được quy tắc lặp: ", RULE_CASES[rule][0]), ("cannot read the recurrence rule: ", RULE_CASES[rule][1]))):
        result = invoke("validate", str(path), "--lang", lang)
        assert result.exit_code == 1
        criterion = "tiêu chí" if lang == "vi" else "criterion"
        # 59:33, where tests/test_validate.py's table puts this fixture's problem
        assert result.stderr.splitlines()[0] == f"{path}:59:33: {criterion} 2.1.2: {head}{words}"


# --- pydantic ----------------------------------------------------------------------------------


def test_an_integer_past_pythons_digits_is_a_type_problem(tmp_path: Path):
    """int_parsing_size: pydantic's "exceeded maximum size" fell back to English before."""
    path = tmp_path / "plan.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    anchor = "before: {every: quarter, day: 12}"
    line = text[: text.index(anchor)].count("\n") + 1
    column = len(text[: text.index(anchor)].rsplit("\n", 1)[-1]) + len("before: {every: quarter, day: ") + 1
    path.write_text(text.replace(anchor, "before: {every: quarter, day: '" + "1" * 5000 + "'}", 1), encoding="utf-8")
    vi = invoke("validate", str(path))
    en = invoke("validate", str(path), "--lang", "en")
    assert vi.exit_code == en.exit_code == 1
    [vi_line] = [item for item in vi.stderr.splitlines() if item.startswith(f"{path}:{line}:{column}: ")]
    [en_line] = [item for item in en.stderr.splitlines() if item.startswith(f"{path}:{line}:{column}: ")]
    assert "cần số nguyên" in vi_line and "exceeded" not in vi_line
    assert "expected" in en_line and "integer" in en_line and "exceeded" not in en_line


def test_a_pydantic_kind_not_worded_keeps_its_words_and_names_its_kind():
    """A real pydantic error of a kind par does not word (a UUID): pydantic's message, its
    kind, and whose words they are."""
    import uuid

    from pydantic import BaseModel, ValidationError

    from par_cli.reading.schema_errors import findings_from_validation_error

    class Thing(BaseModel):
        ref: uuid.UUID

    with pytest.raises(ValidationError) as caught:
        Thing.model_validate({"ref": "not-a-uuid"})
    [finding] = findings_from_validation_error(caught.value)
    assert finding.code == "schema.other" and finding.params["kind"] == "uuid_parsing"
    message = caught.value.errors()[0]["msg"]
    assert t("schema.other", "vi", **finding.params) == f"{message} (lời của bộ kiểm tra pydantic, loại uuid_parsing)"
    assert t("schema.other", "en", **finding.params) == f"{message} (pydantic's words, type uuid_parsing)"


def test_every_key_the_tables_name_is_in_the_catalogue():
    keys = set(reasons.YAML_PROBLEMS.values()) | set(reasons._ERRNO.values())
    keys |= {key for _, key in reasons._RRULE_PROBLEMS} | {key for _, key in reasons._GIT_PROBLEMS}
    assert not [key for key in keys if key not in MESSAGES]


# --- the invariant: no library text reaches a user unmarked ------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

YAMLISH = st.text(alphabet=list("ab1:- \n[]{},'\"!&*%|>?#@`\\.") + ["\t"], min_size=1, max_size=14)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=YAMLISH)
def test_a_yaml_error_is_worded_or_said_to_be_the_parsers(tmp_path: Path, text: str):
    """Whatever the text, a YAML problem is a key of the table in both languages, or the
    parser's words said to be its: libyaml's English never stands alone."""
    from par_cli.reading.reader import load_plan_bytes

    loaded = load_plan_bytes(text.encode("utf-8"), tmp_path / "p.yaml")
    for problem in loaded.problems:
        if problem.code != "yaml.syntax":
            continue
        detail = problem.params["detail"]
        assert isinstance(detail, Message)
        assert detail.code in MESSAGES
        if detail.code == "yaml.own_words":
            assert problem_line(problem, "vi").endswith("(lời của bộ đọc YAML)")
            assert problem_line(problem, "en").endswith("(the YAML parser's words)")
        else:
            assert detail.code in set(reasons.YAML_PROBLEMS.values())


@given(number=st.integers(min_value=0, max_value=200), text=st.text(max_size=40))
def test_every_os_error_is_worded_or_named(number: int, text: str):
    reason = reasons.os_reason(OSError(number, text or "x"))
    for lang in LANGS:
        said = t("file.unreadable", lang, reason=reason)
        if reason.code == "os.own_words":
            assert (text or "x") in said and str(reason.params["name"]) in said
        else:
            assert said == t("file.unreadable", lang, reason=Message(reasons._ERRNO[number]))


@given(stderr=st.text(max_size=80))
def test_every_git_failure_is_worded_or_said_to_be_gits(stderr: str):
    reason = reasons.git_reason(stderr)
    assert reason.code in MESSAGES
    for lang in LANGS:
        t("history.git_failed", lang, detail=reason)  # every key's parameters are filled
