"""A write either happens whole or not at all, and two writers never undo each other."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from par_cli.editing.atomic import PlanChanged, lock_path_of, plan_lock, replace_atomically
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_line
from tests.edit_support import BUNDLED, par, par_executable, subprocess_env
from tests.other_users import as_plain_user, give_to_plain_user, plain_users_folder


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "2024.yaml"
    target.write_bytes(BUNDLED.read_bytes())
    return target


def entries_of_1_4(plan: Path) -> list[tuple[str, int]]:
    loaded = load_plan(plan)
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    criterion = loaded.plan.domains[0].criteria[3]
    assert criterion.id == "1.4"
    return sorted((m.date.isoformat(), m.values["initiatives"]) for m in criterion.progress.measurements)


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(plan: Path):
    before = plan.read_bytes()

    with plan_lock(plan, wait=0):
        result = par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10", env={"PAR_LOCK_WAIT": "0.2"})

    assert result.exit_code == 1
    assert result.stderr == f"par: một lệnh par khác đang ghi kế hoạch này (khóa {plan}.lock); không ghi gì, hãy thử lại sau giây lát\n"
    assert plan.read_bytes() == before
    # released: the lock file is gone and the next writer gets through
    assert not lock_path_of(plan).exists()
    assert par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10").exit_code == 0


def test_writers_started_together_each_add_their_line(plan: Path):
    # Four processes at once: each waits its turn, reads the file as the previous one left
    # it, and adds its own entry; none is lost, none is mixed with another.
    days = ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"]
    processes = [
        subprocess.Popen(
            [par_executable(), "set", "1.4", f"initiatives={n}", "--date", day, "--plan", str(plan)],
            env=subprocess_env(PAR_LOCK_WAIT="60"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, day in enumerate(days, start=1)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]

    assert [process.returncode for process in processes] == [0, 0, 0, 0], outputs
    assert all("Traceback" not in err for _, err in outputs)
    assert entries_of_1_4(plan) == [("2024-03-01", 1), ("2024-03-02", 2), ("2024-03-03", 3), ("2024-03-04", 4)]
    assert sorted(path.name for path in plan.parent.iterdir()) == ["2024.yaml"]


def test_when_the_rename_fails_the_original_is_untouched(plan: Path, monkeypatch: pytest.MonkeyPatch):
    before = plan.read_bytes()

    def refuse(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10")

    assert result.exit_code == 1
    assert result.stderr == "par: không ghi được tệp: đĩa đã hết chỗ trống; tệp kế hoạch không thay đổi\n"
    assert plan.read_bytes() == before
    # neither the temporary file nor the lock is left behind
    assert sorted(path.name for path in plan.parent.iterdir()) == ["2024.yaml"]


def test_a_failed_check_of_the_written_copy_abandons_it(plan: Path):
    before = plan.read_bytes()

    class Abandon(Exception):
        pass

    def check(candidate: Path) -> None:
        assert candidate.read_bytes() == b"new text"
        raise Abandon

    with pytest.raises(Abandon):
        replace_atomically(plan, b"new text", expected=before, check=check)

    assert plan.read_bytes() == before
    assert sorted(path.name for path in plan.parent.iterdir()) == ["2024.yaml"]


def test_a_file_saved_by_someone_else_meanwhile_is_not_overwritten(plan: Path):
    before = plan.read_bytes()

    with pytest.raises(PlanChanged):
        replace_atomically(plan, b"new text", expected=before + b"# what we read\n")

    assert plan.read_bytes() == before
    assert sorted(path.name for path in plan.parent.iterdir()) == ["2024.yaml"]


def test_permission_bits_are_kept(plan: Path):
    plan.chmod(0o640)

    assert par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10").exit_code == 0

    assert stat.S_IMODE(plan.stat().st_mode) == 0o640


def test_a_symlinked_plan_stays_a_symlink(tmp_path: Path):
    real = tmp_path / "real" / "2024.yaml"
    real.parent.mkdir()
    real.write_bytes(BUNDLED.read_bytes())
    link = tmp_path / "2024.yaml"
    link.symlink_to(real)

    assert par(link, "set", "1.4", "initiatives=2", "--date", "2024-03-10").exit_code == 0

    assert link.is_symlink()
    assert entries_of_1_4(real) == [("2024-03-10", 2)]


def big_plan(path: Path, criteria: int) -> None:
    """The bundled plan with a domain of ``criteria`` zero-point criteria: the same plan to
    `par`, but slow enough to load that a kill lands while the new copy is being checked."""
    extra = '  - id: "8"\n    title: "Lĩnh vực thử"\n    criteria:\n' + "".join(
        f'      - id: "8.{i}"\n        title: "Tiêu chí thử {i}"\n        max: 0\n        rule: {{kind: manual}}\n' for i in range(1, criteria + 1)
    )
    text = BUNDLED.read_text(encoding="utf-8").replace("\noutside_table:", "\n" + extra + "\noutside_table:")
    path.write_text(text, encoding="utf-8")


def test_a_writer_killed_mid_write_leaves_the_original_whole(tmp_path: Path):
    plan = tmp_path / "2024.yaml"
    # Large enough that the temporary copy lives for some milliseconds (written, synced, read
    # back twice) before the rename: on 500 criteria a busy machine sometimes let par finish
    # between two looks for it.
    big_plan(plan, 3000)
    before = plan.read_bytes()
    process = subprocess.Popen(
        [par_executable(), "set", "1.4", "initiatives=2", "--date", "2024-03-10", "--plan", str(plan)],
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # Kill it the moment its temporary copy exists: after it wrote the new text, before the
    # rename (the copy is checked by loading it, which takes a while on this plan).
    while not list(tmp_path.glob(".2024.yaml.*.par-tmp")):
        assert process.poll() is None, "par finished before it could be killed mid-write"
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    assert process.returncode == -signal.SIGKILL
    assert plan.read_bytes() == before
    # The next writer is not blocked by the dead one (the kernel dropped its lock) and clears
    # the orphaned temporary copy.
    result = par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10", env={"PAR_LOCK_WAIT": "1"})
    assert result.exit_code == 0, result.output
    assert entries_of_1_4(plan) == [("2024-03-10", 2)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["2024.yaml"]


def test_a_read_only_plan_is_not_replaced():
    # Run by a user who is not root (root may write any file): see tests/other_users.py.
    with plain_users_folder() as folder:
        plan = folder / "2024.yaml"
        plan.write_bytes(BUNDLED.read_bytes())
        give_to_plain_user(plan)
        plan.chmod(0o444)
        before = plan.read_bytes()

        done = subprocess.run(
            as_plain_user(par_executable(), "set", "1.4", "initiatives=2", "--date", "2024-03-10", "--plan", str(plan)),
            capture_output=True, text=True, cwd="/", env=subprocess_env(HOME="/nonexistent"), timeout=120,
        )

        assert (done.returncode, done.stderr) == (1, "par: không ghi được tệp: không có quyền (permission denied); tệp kế hoạch không thay đổi\n")
        assert plan.read_bytes() == before
        assert sorted(path.name for path in folder.iterdir()) == ["2024.yaml"]
