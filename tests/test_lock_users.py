"""The write lock and the plan's owner among several real users (issue 13, items 11 and 12).

Run as root, each test starts real `par` processes as other users (ids that exist nowhere, so
nothing of this machine's is touched), in a folder of their shared group, on a plan the group
may write: the way a department's plan lives on a shared server. The lock must let every user
who may write the plan take turns, whoever created it, whatever their umask, and even after
one of them was killed with the lock held; it must never follow a planted symlink; and a write
keeps the plan's owner and group where the process may.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from par_cli.editing.atomic import lock_path_of
from tests.edit_support import BUNDLED, par_executable, subprocess_env
from tests.other_users import SETPRIV, as_user
from tests.test_edit_atomic import big_plan, entries_of_1_4

# Users (uid, primary gid) and the group they share. Each user's primary group is their own,
# as on Debian, and the folder is not set-group-id: a file a user creates gets the user's own
# group, not the plan's, unless par gives it the plan's.
PLANNERS = 46500
ALICE = (46501, 46501)  # owns the plan
BINH = (46502, 46502)  # another planner
MALLORY = (46503, 46503)  # a planner who plants links

pytestmark = [
    pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0,
        reason="acting as other users needs root (CI runs the suite as root, so these run there)",
    ),
    pytest.mark.skipif(SETPRIV is None and not os.environ.get("CI"), reason="setpriv (util-linux) is not installed"),
]


def as_planner(user: tuple[int, int] | None, *command: str) -> list[str]:
    """``command`` run as ``user`` (None: root itself), a member of the planners' group."""
    return as_user(user, *command, groups=(PLANNERS,))


@pytest.fixture(scope="module", autouse=True)
def _others_can_run_par() -> None:
    """Other users must be able to run the `par` under test (the checkout, the venv and its
    Python readable to them). On a developer's machine a checkout under a private home skips
    these tests; in CI (CI set) that is a failure, so the tests cannot silently not run."""
    done = subprocess.run(as_planner(ALICE, par_executable(), "--help"), capture_output=True, text=True, cwd="/", env=_env(), timeout=60)
    if done.returncode != 0:
        reason = f"another user cannot run {par_executable()}: {done.stderr.strip()[-300:]}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def _env(**extra: str) -> dict[str, str]:
    return subprocess_env(PYTHONDONTWRITEBYTECODE="1", HOME="/nonexistent", **extra)


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder of the planners' group (rwx for the group, nothing for others) inside a
    folder anyone may enter (pytest's own tmp_path is root's alone)."""
    base = Path(tempfile.mkdtemp(prefix="par-users-"))
    try:
        base.chmod(0o755)
        shared = base / "ke-hoach"
        shared.mkdir()
        os.chown(shared, 0, PLANNERS)
        shared.chmod(0o770)
        yield shared
    finally:
        shutil.rmtree(base)


@pytest.fixture
def plan(folder: Path) -> Path:
    """Alice's plan, read-write for the planners: 0660 alice:planners."""
    target = folder / "2024.yaml"
    big_plan(target, 500)  # slow enough to stop or kill a writer mid-write
    os.chown(target, ALICE[0], PLANNERS)
    target.chmod(0o660)
    return target


def start(user: tuple[int, int] | None, *args: str, umask: int = 0o022, wait: float = 30) -> subprocess.Popen:
    """`par ARGS` as ``user`` (None: root), a member of the planners, with ``umask``."""
    return subprocess.Popen(
        as_planner(user, par_executable(), *args), cwd="/", env=_env(PAR_LOCK_WAIT=str(wait)), umask=umask,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def record_1_4(user: tuple[int, int] | None, plan: Path, initiatives: int, day: str, **kwargs) -> subprocess.Popen:
    return start(user, "set", "1.4", f"initiatives={initiatives}", "--date", day, "--plan", str(plan), **kwargs)


def stop_mid_write(process: subprocess.Popen, plan: Path, sent: signal.Signals) -> None:
    """Send ``sent`` the moment the writer's temporary copy exists: it then holds the lock
    (taken before the plan is read) and has not renamed the copy yet."""
    while not list(plan.parent.glob(f".{plan.name}.*.par-tmp")):
        assert process.poll() is None, f"par finished before it could be stopped: {process.communicate()}"
        time.sleep(0.001)
    process.send_signal(sent)


def gives_up_politely(plan: Path) -> None:
    """Bình, given 2 s, waits them out on the held lock and says it is busy: he could open
    the lock and found it taken (the old lock refused him at once: "Permission denied"). A
    longer wait may see the holder finish first, so this is what shows the waiting."""
    before = plan.read_bytes()
    started = time.monotonic()
    code, _, err = finish(record_1_4(BINH, plan, 2, "2024-03-20", umask=0o077, wait=2))
    assert (code, err) == (1, f"par: một lệnh par khác đang ghi kế hoạch này (khóa {plan}.lock); không ghi gì, hãy thử lại sau giây lát\n")
    assert time.monotonic() - started >= 2
    assert plan.read_bytes() == before


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --- 11. the lock among users -----------------------------------------------------------------


@pytest.mark.parametrize("holder", [ALICE, None], ids=["alice", "root"])
def test_a_second_user_waits_for_the_first_instead_of_failing(folder: Path, plan: Path, holder):
    # The holder works with umask 077 (its own new files private to it), the case in which
    # the lock used to be 0600 holder:holder and Bình was refused at once ("Permission denied").
    first = record_1_4(holder, plan, 1, "2024-03-10", umask=0o077)
    stop_mid_write(first, plan, signal.SIGSTOP)
    try:
        lock = os.stat(lock_path_of(plan))
        # The lock is made for the plan, not for its creator: Alice's, the planners' group,
        # read-write for them as the plan is (0660), whoever made it and whatever their umask.
        assert (lock.st_uid, lock.st_gid, stat.S_IMODE(lock.st_mode)) == (ALICE[0], PLANNERS, 0o660)

        gives_up_politely(plan)
        # With a minute to wait he gets through once Alice's par goes on.
        second = record_1_4(BINH, plan, 2, "2024-03-20", umask=0o077, wait=60)
        time.sleep(1.5)
        assert second.poll() is None, f"the second writer did not wait: {second.communicate()}"
    finally:
        first.send_signal(signal.SIGCONT)

    assert finish(first)[0] == 0
    code, _, err = finish(second)
    assert code == 0, err
    # Both records are in the plan: the second writer read the plan after the first wrote it.
    assert entries_of_1_4(plan) == [("2024-03-10", 1), ("2024-03-20", 2)]
    assert leftovers(folder) == ["2024.yaml"]  # the lock released and removed, no temporaries


def test_a_lock_made_by_another_user_read_only_to_us_is_waited_on(folder: Path, plan: Path):
    # A lock as an older par made it: 0644 alice:alice, which Bình may only read. Alice's
    # process holds it (a plain flock, as par takes it) until told to let go.
    holder = subprocess.Popen(
        as_planner(ALICE, sys.executable, "-c", (
            "import fcntl, os, sys\n"
            f"handle = os.open({str(lock_path_of(plan))!r}, os.O_RDWR | os.O_CREAT, 0o644)\n"
            "fcntl.flock(handle, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n"
        )),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env(), cwd="/", umask=0o022,
    )
    try:
        assert holder.stdout.readline() == "held\n"
        lock = os.stat(lock_path_of(plan))
        assert (lock.st_uid, lock.st_gid, stat.S_IMODE(lock.st_mode)) == (*ALICE, 0o644)

        gives_up_politely(plan)
        second = record_1_4(BINH, plan, 2, "2024-03-20", wait=60)
        time.sleep(1.5)
        assert second.poll() is None, f"the second writer did not wait: {second.communicate()}"
    finally:
        holder.communicate("", timeout=30)  # end of input: Alice's process exits, the kernel drops its lock

    code, _, err = finish(second)
    assert code == 0, err
    assert entries_of_1_4(plan) == [("2024-03-20", 2)]


def test_a_lock_left_by_another_users_killed_par_blocks_nobody(folder: Path, plan: Path):
    before = plan.read_bytes()
    killed = record_1_4(ALICE, plan, 1, "2024-03-10", umask=0o077)
    stop_mid_write(killed, plan, signal.SIGKILL)
    assert finish(killed)[0] == -signal.SIGKILL
    # Alice's par left its lock (holding nothing now) and its temporary copy behind.
    assert plan.read_bytes() == before
    assert lock_path_of(plan).exists()
    assert os.stat(lock_path_of(plan)).st_uid == ALICE[0]

    # Bình gets through at once (well within his wait) and clears what the dead one left.
    started = time.monotonic()
    code, _, err = finish(record_1_4(BINH, plan, 2, "2024-03-20", wait=20))
    assert code == 0, err
    assert time.monotonic() - started < 15
    assert leftovers(folder) == ["2024.yaml"]
    # And Alice, after him, as ever.
    code, _, err = finish(record_1_4(ALICE, plan, 1, "2024-03-10"))
    assert code == 0, err
    assert entries_of_1_4(plan) == [("2024-03-10", 1), ("2024-03-20", 2)]


@pytest.mark.parametrize("writer", [BINH, None], ids=["binh", "root"])
@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "existing-file"])
def test_a_symlink_planted_at_the_lock_path_is_refused_and_never_followed(folder: Path, plan: Path, writer, existing: bool):
    # Mallory, a planner, plants PLAN.lock -> a file in the writer's private folder: following
    # it would create (or open) a file of the writer's choosing as the writer.
    private = folder.parent / "private"
    private.mkdir()
    owner = writer or (0, 0)
    os.chown(private, *owner)
    private.chmod(0o700)
    target = private / "created-by-par"
    if existing:
        target.write_text("sổ tay\n", encoding="utf-8")
        os.chown(target, *owner)
        target.chmod(0o600)
    planted = subprocess.run(as_planner(MALLORY, "ln", "-s", str(target), str(lock_path_of(plan))), capture_output=True, text=True)
    assert planted.returncode == 0, planted.stderr
    before = plan.read_bytes()

    code, _, err = finish(record_1_4(writer, plan, 2, "2024-03-20", umask=0o000))

    assert code == 1
    assert err == f"par: không ghi được tệp: tệp khóa {plan}.lock là một liên kết tượng trưng (symlink); par không bao giờ ghi theo liên kết này; tệp kế hoạch không thay đổi\n"
    assert plan.read_bytes() == before
    if existing:
        assert target.read_text(encoding="utf-8") == "sổ tay\n"
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    else:
        assert not os.path.lexists(target)
    assert lock_path_of(plan).is_symlink()  # left for a person to look at
    assert leftovers(folder) == ["2024.yaml", "2024.yaml.lock"]


def test_only_those_who_may_write_the_plan_may_open_its_lock(folder: Path):
    # A plan Alice alone may write (0644 alice:planners): the lock root makes for it is
    # read-write for Alice and nobody else, so a reader cannot hold it and block her.
    plan = folder / "2024.yaml"
    plan.write_bytes(BUNDLED.read_bytes())
    os.chown(plan, ALICE[0], PLANNERS)
    plan.chmod(0o644)
    probe = (
        "import os, sys\n"
        "from par_cli.editing.atomic import plan_lock\n"
        f"with plan_lock(__import__('pathlib').Path({str(plan)!r}), 0):\n"
        "    print(oct(os.stat(sys.argv[1]).st_mode & 0o777), os.stat(sys.argv[1]).st_uid, os.stat(sys.argv[1]).st_gid, flush=True)\n"
    )
    made = subprocess.run([sys.executable, "-c", probe, str(lock_path_of(plan))], capture_output=True, text=True, env=_env(), umask=0o000)
    assert made.returncode == 0, made.stderr
    assert made.stdout.split() == ["0o600", str(ALICE[0]), str(PLANNERS)]
    # (the lock made for a 0660 plan is 0660: test_a_second_user_waits_for_the_first_instead_of_failing)


# --- 12. owner, group and links --------------------------------------------------------------------


def test_root_writing_alices_plan_leaves_it_alices(folder: Path, plan: Path):
    code, _, err = finish(record_1_4(None, plan, 1, "2024-03-10", umask=0o077))
    assert code == 0, err
    status = os.stat(plan)
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (ALICE[0], PLANNERS, 0o660)
    # Still hers: she (and the other planners) write it after root as before.
    code, _, err = finish(record_1_4(BINH, plan, 2, "2024-03-20"))
    assert code == 0, err
    assert entries_of_1_4(plan) == [("2024-03-10", 1), ("2024-03-20", 2)]


def test_another_planner_writing_keeps_the_group_and_mode_but_becomes_the_owner(folder: Path, plan: Path):
    # Bình may not give a file to Alice (only root may), but may give it the planners' group,
    # which is what keeps the plan writable to all of them.
    code, _, err = finish(record_1_4(BINH, plan, 2, "2024-03-20", umask=0o077))
    assert code == 0, err
    status = os.stat(plan)
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (BINH[0], PLANNERS, 0o660)
    code, _, err = finish(record_1_4(ALICE, plan, 1, "2024-03-10"))
    assert code == 0, err
    assert entries_of_1_4(plan) == [("2024-03-10", 1), ("2024-03-20", 2)]


@pytest.mark.parametrize(
    "command",
    [
        ["set", "1.4", "initiatives=2", "--date", "2024-03-10"],
        ["done", "1.2", "--occurrence", "2024-03-12", "--date", "2024-03-09"],
        ["evidence", "1.4", "Báo cáo số 12/BC-SGTVT", "--date", "2024-03-10"],
        ["justify", "1.4", "Giải trình", "--date", "2024-03-10"],
    ],
    ids=["set", "done", "evidence", "justify"],
)
def test_a_hard_linked_plan_is_refused_by_every_writer_and_both_names_stay_one_file(folder: Path, plan: Path, command: list[str]):
    # README, "Bad input": a plan with more than one hard link is not written, since replacing
    # one name would leave the other on the old text.
    other = folder / "ban-sao.yaml"
    os.link(plan, other)
    before = plan.read_bytes()

    code, _, err = finish(start(ALICE, *command, "--plan", str(plan)))

    assert code == 1
    # At the criterion the command was for (1.2 or 1.4), as every refusal of a record is.
    assert re.fullmatch(rf"{re.escape(str(plan))}:(61|92):9: tệp kế hoạch có 2 tên \(liên kết cứng, hard link\): ghi vào một tên sẽ tách kế hoạch làm hai; par chỉ ghi tệp có một tên, không ghi gì\n", err), err
    assert plan.read_bytes() == before
    assert os.path.samefile(plan, other)
    assert os.stat(plan).st_nlink == 2
    assert leftovers(folder) == ["2024.yaml", "ban-sao.yaml"]
    # Reading it is fine.
    assert finish(start(BINH, "validate", str(other)))[0] == 0


def test_a_plan_its_owner_made_read_only_is_not_replaced_by_her(folder: Path, plan: Path):
    # (tests/test_edit_atomic.py has the same case, skipped as root: root may write any file.)
    plan.chmod(0o440)
    before = plan.read_bytes()
    code, _, err = finish(record_1_4(ALICE, plan, 1, "2024-03-10"))
    assert code == 1
    assert err == "par: không ghi được tệp: không có quyền (permission denied); tệp kế hoạch không thay đổi\n"
    assert plan.read_bytes() == before
    assert leftovers(folder) == ["2024.yaml"]


def test_where_the_file_system_has_no_hard_links_the_lock_is_made_in_place_alike(folder: Path, plan: Path):
    from par_cli.editing import atomic

    lock = lock_path_of(plan)
    mode, status = atomic._lock_mode(plan)
    handle = atomic._create_lock_in_place(lock, mode, status)
    assert handle is not None
    os.close(handle)
    made = os.stat(lock)
    assert (made.st_uid, made.st_gid, stat.S_IMODE(made.st_mode)) == (ALICE[0], PLANNERS, 0o660)
    assert atomic._create_lock_in_place(lock, mode, status) is None  # exclusive: one already there


def test_the_refusals_in_english(folder: Path, plan: Path):
    os.link(plan, folder / "ban-sao.yaml")
    code, _, err = finish(start(ALICE, "set", "1.4", "initiatives=2", "--date", "2024-03-10", "--plan", str(plan), "--lang", "en"))
    assert code == 1
    assert err == f"{plan}:92:9: the plan has 2 hard links: writing one name would split the plan in two; par writes only a plan with one, nothing written\n"
    os.unlink(folder / "ban-sao.yaml")
    lock_path_of(plan).symlink_to(folder / "elsewhere")
    code, _, err = finish(start(ALICE, "set", "1.4", "initiatives=2", "--date", "2024-03-10", "--plan", str(plan), "--lang", "en"))
    assert code == 1
    assert err == f"par: cannot write the file: the lock {plan}.lock is a symbolic link, which par never follows; the plan is unchanged\n"
    assert not (folder / "elsewhere").exists()
