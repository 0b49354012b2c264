"""Safe file writing for the data folder: atomic replace, owner-only files, and a save lock.

A write goes to a temporary file in the same folder, is flushed and fsynced, then replaces the
target in one step, so a crash or a power cut leaves the old file or the new one, never a mix.
The folder may be a network share used by several laptops, so a save also takes a short-lived
lock file beside the pupil's file while it checks the revision and replaces the file.
"""

from __future__ import annotations

import contextlib
import os
import platform
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

TEMP_SUFFIX: Final = ".tmp"
LOCK_SUFFIX: Final = ".lock"
FILE_MODE: Final = 0o600
DIR_MODE: Final = 0o700
# A lock older than this was left by a crashed save on another machine.
STALE_LOCK_SECONDS: Final = 30.0
# This computer, as lock files name it (several laptops may share the folder).
HOST: Final = platform.node()
EMPTY_LOCK_SECONDS: Final = 2.0
LOCK_WAIT_SECONDS: Final = 5.0


class LockTimeout(OSError):
    """Another save of the same file held the lock for too long."""


def ensure_folder(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only, if it is missing."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new bytes, never a mix."""
    ensure_folder(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some network file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def is_temporary_name(name: str) -> bool:
    """Temporary, lock and hidden files, which listings skip."""
    return name.startswith(".") or name.endswith((TEMP_SUFFIX, LOCK_SUFFIX))


@contextlib.contextmanager
def save_lock(path: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold ``<path>.lock`` while the caller checks and replaces ``path``.

    The lock file records host and process, so a lock left by a crashed process on this machine
    is broken at once, and one left by another machine after STALE_LOCK_SECONDS.
    """
    lock = path.with_name(path.name + LOCK_SUFFIX)
    ensure_folder(lock.parent)
    owner = f"{HOST} {os.getpid()}".encode()
    deadline = time.monotonic() + wait
    delay = 0.002
    while True:
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            if _is_stale(lock):
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            if time.monotonic() > deadline:
                raise LockTimeout(
                    f"{path.name} is being saved by someone else; try again"
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
            continue
        with os.fdopen(fd, "wb") as stream:
            stream.write(owner)
        break
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def _is_stale(lock: Path) -> bool:
    try:
        text = lock.read_text(encoding="utf-8", errors="replace")
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return False
    host, _, pid = text.partition(" ")
    if not text:  # the owner is written straight after creation: a crash came in between
        return age > EMPTY_LOCK_SECONDS
    if host == HOST and pid.isdigit() and os.name == "posix":
        return not _process_alive(int(pid))
    return age > STALE_LOCK_SECONDS


def _process_alive(pid: int) -> bool:
    """POSIX only: signal 0 asks whether the process exists (on Windows it would end it)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True
