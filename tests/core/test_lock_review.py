"""Review attack 2 on the save lock: a stalled save, imaged laptops, a full disk, odd locks."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from penportrait.core import files
from penportrait.core.access import plain_reason
from penportrait.core.school import load_school, save_school
from penportrait.core.school_files import SchoolFileConflict
from penportrait.core.store import SaveConflict, Store


def lock_of(path: Path) -> Path:
    return path.with_name(path.name + files.LOCK_SUFFIX)


def age(path: Path, seconds: float) -> None:
    old = path.stat().st_mtime - seconds
    os.utime(path, (old, old))


def stall_then(
    monkeypatch: pytest.MonkeyPatch, target: Path, meanwhile: Callable[[], None]
) -> None:
    """The first write of ``target`` stalls (a shut lid) after its revision check: while it
    stalls, its lock grows older than the age limit and ``meanwhile`` runs (another laptop)."""
    real = files.write_atomic
    stalled: list[bool] = []

    def slow(path: Path, data: bytes, **kwargs: object) -> None:
        if path == target and not stalled:
            stalled.append(True)
            age(lock_of(target), files.STALE_LOCK_SECONDS + 5)
            meanwhile()
        real(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "write_atomic", slow)


def test_a_save_that_stalled_past_the_lock_limit_does_not_overwrite_the_save_made_meanwhile(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    path = store.pupil_path(pupil.id)
    a = pupil.model_copy(update={"portrait": pupil.portrait.model_copy(update={"about_me": "A"})})
    b = pupil.model_copy(update={"portrait": pupil.portrait.model_copy(update={"about_me": "B"})})
    saved_b: list[int] = []
    stall_then(monkeypatch, path, lambda: saved_b.append(store.save(b, by="B").revision))
    with pytest.raises(SaveConflict, match="by B"):
        store.save(a, by="A")
    assert saved_b == [2]
    on_disk = store.load(pupil.id)
    assert (on_disk.revision, on_disk.portrait.about_me) == (2, "B")
    assert store.history(pupil.id) == [1]
    assert not lock_of(path).exists()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_stalled_save_whose_lock_was_broken_is_refused_even_if_the_file_is_unchanged(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another saver broke the lock and holds it, but has not replaced the file yet."""
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    path = store.pupil_path(pupil.id)

    def take_over() -> None:
        lock_of(path).unlink()
        lock_of(path).write_text("other-laptop 77 x m", encoding="utf-8")

    stall_then(monkeypatch, path, take_over)
    with pytest.raises(SaveConflict, match="save again"):
        store.save(pupil, by="A")
    assert store.load(pupil.id).revision == 1
    assert lock_of(path).read_text(encoding="utf-8") == "other-laptop 77 x m"


def test_a_stalled_school_file_save_does_not_overwrite_the_save_made_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, _ = load_school(tmp_path)
    save_school(tmp_path, settings.model_copy(update={"name": "First"}))
    first, _ = load_school(tmp_path)
    stall_then(
        monkeypatch,
        tmp_path / "school.json",
        lambda: save_school(tmp_path, first.model_copy(update={"name": "Laptop B"})),
    )
    with pytest.raises(SchoolFileConflict):
        save_school(tmp_path, first.model_copy(update={"name": "Laptop A"}))
    assert load_school(tmp_path)[0].name == "Laptop B"


def dead_pid() -> int:
    return int(
        subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_a_live_lock_from_an_imaged_laptop_with_the_same_host_name_is_not_broken(
    tmp_path: Path,
) -> None:
    """Its process id means nothing here: the lock goes stale by age only."""
    path = tmp_path / "pupil.json"
    lock = lock_of(path)
    lock.write_text(f"{files.HOST} {dead_pid()} 1a2b another-machine", encoding="utf-8")
    with pytest.raises(files.LockTimeout), files.save_lock(path, wait=0.05):
        pass
    assert "another-machine" in lock.read_text(encoding="utf-8")
    age(lock, files.STALE_LOCK_SECONDS + 5)
    with files.save_lock(path, wait=0.05):
        pass
    assert not lock.exists()


def test_a_lock_left_by_a_dead_process_on_this_machine_is_broken_at_once(tmp_path: Path) -> None:
    path = tmp_path / "pupil.json"
    lock = lock_of(path)
    lock.write_text(files.lock_token(dead_pid(), "crashed"), encoding="utf-8")
    with files.save_lock(path, wait=0.05) as held:
        assert held.token.split()[1] == str(os.getpid())
        assert held.token.split()[3] == files.machine_id()
    assert not lock.exists()


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("unshare") is None,
    reason="needs Linux unshare",
)
def test_the_machine_id_differs_in_another_process_id_namespace() -> None:
    """A container (or another machine) numbers processes its own way."""
    code = "from penportrait.core import files; print(files.machine_id())"
    other = subprocess.run(
        ["unshare", "--pid", "--fork", "--user", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    if other.returncode != 0:
        pytest.skip(f"unshare refused here: {other.stderr.strip()[:80]}")
    assert other.stdout.strip() not in ("", files.machine_id())


def disk_full_for(monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """os.write fails with ENOSPC for files whose name ends with ``suffix``."""
    real = os.write

    def write(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(suffix):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


@needs_proc
def test_a_full_disk_while_releasing_the_lock_does_not_turn_a_save_into_a_failure(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    edit = pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": "new"})}
    )
    disk_full_for(monkeypatch, files.GUARD_SUFFIX)
    saved = store.save(edit)
    monkeypatch.undo()
    assert saved.revision == 2
    on_disk = store.load(pupil.id)
    assert (on_disk.revision, on_disk.portrait.about_me) == (2, "new")
    # The lock is left (no guard is): this process's next save breaks it at once, as no save
    # here holds it; another process would wait for it to go stale.
    lock = lock_of(store.pupil_path(pupil.id))
    assert lock.exists() and not lock.with_name(lock.name + files.GUARD_SUFFIX).exists()
    assert store.save(saved).revision == 3
    assert not lock.exists()


@needs_proc
def test_a_full_disk_while_taking_the_lock_leaves_no_empty_lock_file(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    disk_full_for(monkeypatch, files.LOCK_SUFFIX)
    with pytest.raises(OSError, match="No space"):
        store.save(pupil)
    monkeypatch.undo()
    assert sorted(p.name for p in store.pupils_dir.iterdir()) == [f"{pupil.id}.json"]
    assert store.save(pupil).revision == 2


def test_a_folder_in_place_of_the_lock_is_reported_at_once_even_when_old(store: Store) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    lock = lock_of(store.pupil_path(pupil.id))
    lock.mkdir()
    age(lock, 10 * files.STALE_LOCK_SECONDS)
    started = time.monotonic()
    for _ in range(2):
        with pytest.raises(files.LockInTheWay, match=f"{lock.name} beside it is a folder"):
            store.save(pupil)
    assert time.monotonic() - started < 2.0  # not after waiting out the lock
    assert lock.is_dir() and store.load(pupil.id).revision == 1
    assert "Move" in plain_reason(files.LockInTheWay("Move it"))


def test_a_dangling_link_in_place_of_the_lock_is_reported_not_spun_on(tmp_path: Path) -> None:
    path = tmp_path / "pupil.json"
    target = tmp_path / "elsewhere" / "made-through-the-link"
    os.symlink(target, lock_of(path))
    started = time.monotonic()
    with pytest.raises(files.LockInTheWay, match="is a link"), files.save_lock(path, wait=5):
        pass
    assert time.monotonic() - started < 2.0
    assert not target.exists() and lock_of(path).is_symlink()


def test_a_lock_dated_far_in_the_future_goes_stale_instead_of_blocking_until_then(
    tmp_path: Path,
) -> None:
    """A laptop whose clock is a day ahead, on a share that keeps the writer's file times."""
    path = tmp_path / "pupil.json"
    lock = lock_of(path)
    lock.write_text("laptop2 123 abc m", encoding="utf-8")
    age(lock, -20)  # a little ahead: it may be a live save; it is waited for
    with pytest.raises(files.LockTimeout), files.save_lock(path, wait=0.05):
        pass
    age(lock, -24 * 3600)
    with files.save_lock(path, wait=0.5):
        pass
    assert not lock.exists()


def test_a_folder_in_place_of_the_guard_is_reported_too(tmp_path: Path) -> None:
    path = tmp_path / "pupil.json"
    lock = lock_of(path)
    lock.write_text("laptop2 123 abc m", encoding="utf-8")
    age(lock, 10 * files.STALE_LOCK_SECONDS)
    guard = lock.with_name(lock.name + files.GUARD_SUFFIX)
    guard.mkdir()
    age(guard, 10 * files.STALE_LOCK_SECONDS)
    with (
        pytest.raises(files.LockInTheWay, match="guard beside it is a folder"),
        files.save_lock(path, wait=5),
    ):
        pass
    assert guard.is_dir() and sorted(p.name for p in tmp_path.iterdir()) == [lock.name, guard.name]
