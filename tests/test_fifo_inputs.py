"""A FIFO, a socket or a device named where par reads a file that is not a plan (`par
import FILE`, `par collect PLAN FILE.xlsx`, `par diff --mapping`, `par sheet --template`) is
refused as "not a regular file" before a byte is read, in the user's words, exit as for any
file par cannot read; it never blocks par (a FIFO with no writer would block an open()
forever). Before, `par import` and `par sheet --template` said "file not found", and `par
collect` and `par diff --mapping` hung.

Through the installed `par` in real subprocesses (with timeouts, so a regression fails rather
than hangs), and through CliRunner under an alarm that interrupts a blocked open()."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import BUNDLED, par_executable, subprocess_env

VI_NOT_REGULAR = "không phải tệp thường (là FIFO, socket hay thiết bị)"
EN_NOT_REGULAR = "not a regular file (a FIFO, a socket or a device)"


class Blocked(Exception):
    pass


@pytest.fixture
def alarm() -> Iterator[None]:
    """CliRunner runs par in this process: a blocked open() is interrupted after 20 s and
    the test fails instead of hanging."""

    def ring(signum, frame):  # noqa: ANN001
        raise Blocked("par blocked on a FIFO")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def real(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([par_executable(), *args], capture_output=True, text=True, env=subprocess_env(), timeout=30, cwd=cwd)


def fifo(folder: Path, name: str) -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def plan(folder: Path) -> Path:
    path = folder / "2024.yaml"
    shutil.copyfile(BUNDLED, path)
    return path


# What each command says, the path as given: (args, code, Vietnamese line, English line).
def cases(folder: Path) -> dict[str, tuple[list[str], int, str, str]]:
    the_plan = plan(folder)
    table = fifo(folder, "khung.docx")
    book = fifo(folder, "so.xlsx")
    mapping = fifo(folder, "anh-xa.yaml")
    form = fifo(folder, "mau.docx")
    return {
        "import": (
            ["import", str(table), "--output", str(folder / "nhap.yaml")],
            2,
            f"par: không mở được {table}: {VI_NOT_REGULAR}",
            f"par: cannot open {table}: {EN_NOT_REGULAR}",
        ),
        "collect": (
            ["collect", str(the_plan), str(book)],
            1,  # a workbook collect cannot read is a finding, as for a damaged one; the others go on
            f"{book}: không đọc được tệp Excel: {VI_NOT_REGULAR}",
            f"{book}: cannot read the Excel file: {EN_NOT_REGULAR}",
        ),
        "diff": (
            ["diff", str(the_plan), str(the_plan), "--mapping", str(mapping)],
            2,
            f"par: tệp ánh xạ {mapping}: {VI_NOT_REGULAR}",
            f"par: mapping file {mapping}: {EN_NOT_REGULAR}",
        ),
        "sheet": (
            ["sheet", str(the_plan), "-f", "docx", "--template", str(form), "-o", str(folder / "bao-cao.docx")],
            2,
            f"par: không đọc được mẫu {form}: {VI_NOT_REGULAR}",
            f"par: cannot read template {form}: {EN_NOT_REGULAR}",
        ),
        "history": (  # a plan, but read from git: the file itself is looked at first
            ["history", str(fifo(folder, "2025.yaml"))],
            2,
            f"par: {folder / '2025.yaml'}: không phải tệp thường (FIFO, socket hay thiết bị); par chỉ đọc tệp kế hoạch thường",
            f"par: {folder / '2025.yaml'}: not a regular file (a FIFO, a socket or a device); par reads only regular plan files",
        ),
    }


COMMANDS = ("import", "collect", "diff", "sheet", "history")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_is_refused_as_not_a_regular_file_by_the_console_script(tmp_path: Path, command: str):
    args, code, vi, en = cases(tmp_path)[command]
    before = (tmp_path / "2024.yaml").read_bytes()
    said_vi = real(*args, cwd=tmp_path)
    said_en = real(*args, "--lang", "en", cwd=tmp_path)
    assert said_vi.returncode == said_en.returncode == code, said_vi.stderr
    assert vi in said_vi.stderr.splitlines(), said_vi.stderr
    assert en in said_en.stderr.splitlines(), said_en.stderr
    assert "Traceback" not in said_vi.stderr + said_en.stderr
    assert (tmp_path / "2024.yaml").read_bytes() == before  # collect recorded nothing
    assert not (tmp_path / "nhap.yaml").exists() and not (tmp_path / "bao-cao.docx").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_is_refused_through_the_cli(tmp_path: Path, command: str, alarm: None):
    args, code, vi, en = cases(tmp_path)[command]
    for lang, line in (("vi", vi), ("en", en)):
        said = CliRunner().invoke(app, [*args, "--lang", lang])
        assert said.exit_code == code, said.output
        assert line in said.stderr.splitlines(), said.stderr


def test_a_socket_and_a_device_are_refused_like_a_fifo(tmp_path: Path, alarm: None):
    listening = socket.socket(socket.AF_UNIX)
    sock = tmp_path / "khung.xlsx"
    listening.bind(str(sock))
    try:
        for path in (sock, Path("/dev/null")):
            said = CliRunner().invoke(app, ["import", str(path), "--output", str(tmp_path / "nhap.yaml"), "--lang", "en"])
            assert said.exit_code == 2
            assert said.stderr == f"par: cannot open {path}: {EN_NOT_REGULAR}\n"
        # The plan reader says the same of a socket (before: "no device at that path").
        said = CliRunner().invoke(app, ["validate", str(sock), "--lang", "en"])
        assert said.exit_code == 2
        assert said.stderr == f"par: {sock}: not a regular file (a FIFO, a socket or a device); par reads only regular plan files\n"
    finally:
        listening.close()


def test_a_missing_file_is_still_not_found(tmp_path: Path):
    the_plan = plan(tmp_path)
    gone = tmp_path / "khong-co.docx"
    assert CliRunner().invoke(app, ["import", str(gone), "-o", str(tmp_path / "n.yaml"), "--lang", "en"]).stderr == f"par: file not found: {gone}\n"
    said = CliRunner().invoke(app, ["sheet", str(the_plan), "-f", "docx", "--template", str(gone), "-o", str(tmp_path / "x.docx"), "--lang", "en"])
    assert said.exit_code == 2 and said.stderr == f"par: {gone}: file not found\n"
    said = CliRunner().invoke(app, ["collect", str(the_plan), str(tmp_path / "so.xlsx"), "--lang", "en"])
    assert said.exit_code == 1 and f"{tmp_path / 'so.xlsx'}: file not found" in said.stderr.splitlines()
