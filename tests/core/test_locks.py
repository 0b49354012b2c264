"""The save lock: taking over a stale lock is atomic, and a process only removes its own lock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from penportrait.core import files
from penportrait.core.store import Store

RACE_TRIALS = 2000


def lock_of(path: Path) -> Path:
    return path.with_name(path.name + files.LOCK_SUFFIX)


def test_releasing_a_lock_that_was_broken_meanwhile_leaves_the_new_owners_lock(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pupil.json"
    lock = lock_of(path)
    with files.save_lock(path):
        # This save took so long that another laptop broke its lock and took its own.
        lock.unlink()
        lock.write_text("other-laptop 77 fresh", encoding="utf-8")
    assert lock.read_text(encoding="utf-8") == "other-laptop 77 fresh"


def test_a_lock_naming_a_live_process_is_broken_once_it_is_too_old(tmp_path: Path) -> None:
    """A process id reused by a live process must not block every save for ever."""
    path = tmp_path / "pupil.json"
    lock = lock_of(path)
    lock.write_text(f"{files.HOST} {os.getppid()}", encoding="utf-8")
    with pytest.raises(files.LockTimeout), files.save_lock(path, wait=0.05):
        pass  # fresh: the owner may really be saving
    old = lock.stat().st_mtime - 2 * files.STALE_LOCK_SECONDS
    os.utime(lock, (old, old))
    with files.save_lock(path, wait=0.05):
        assert lock.read_text(encoding="utf-8").split()[1] == str(os.getpid())
    assert not lock.exists()


def test_lock_age_is_measured_by_the_file_systems_clock_not_this_computers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another laptop's clock, or faketime here, must not make a fresh lock look stale."""
    lock = tmp_path / "x.json.lock"
    lock.write_text("other-laptop 1 x", encoding="utf-8")
    monkeypatch.setattr(time, "time", lambda: 4_000_000_000.0)  # a clock years ahead
    age = files.lock_age(lock)
    assert age is not None and -1.0 < age < 5.0


def test_a_guard_left_by_a_crash_does_not_block_saves_for_ever(tmp_path: Path) -> None:
    path = tmp_path / "pupil.json"
    lock = lock_of(path)
    guard = lock.with_name(lock.name + files.GUARD_SUFFIX)
    lock.write_text("other-laptop 4242", encoding="utf-8")
    guard.write_text("other-laptop 4242 g", encoding="utf-8")
    for stale in (lock, guard):
        old = stale.stat().st_mtime - 10 * files.STALE_LOCK_SECONDS
        os.utime(stale, (old, old))
    with files.save_lock(path, wait=1.0):
        pass
    assert not lock.exists() and not guard.exists()
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_savers_racing_over_stale_locks_never_both_succeed_and_lose_no_edit() -> None:
    """Thousands of trials: 2-4 processes save one pupil from the same revision over a stale
    lock (a crashed save here, one on another laptop, a reused process id). Exactly one save
    succeeds each time and its edit is on disk."""
    helper = Path(__file__).with_name("lock_racer.py")
    # On tmpfs where there is one: the race is about the lock, not about fsync's speed.
    base = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=base) as root:
        result = subprocess.run(
            [sys.executable, str(helper), root, str(RACE_TRIALS)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    report = json.loads(result.stdout)
    assert report["trials"] == RACE_TRIALS
    assert report["saves"] >= 2 * RACE_TRIALS
    assert report["double"] == 0, report
    assert report["lost"] == 0, report
    assert report["none"] == 0 and report["timeouts"] == 0, report


def test_a_save_over_a_stale_lock_succeeds(store: Store) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    lock = lock_of(store.pupil_path(pupil.id))
    lock.write_text("other-laptop 4242", encoding="utf-8")
    old = lock.stat().st_mtime - 10 * files.STALE_LOCK_SECONDS
    os.utime(lock, (old, old))
    assert store.save(pupil).revision == 2
    assert not lock.exists()


def test_a_folder_in_place_of_the_lock_makes_the_save_give_up_not_spin(tmp_path: Path) -> None:
    path = tmp_path / "pupil.json"
    lock_of(path).mkdir()
    with pytest.raises(files.LockInTheWay, match="is a folder"), files.save_lock(path, wait=5):
        pass
