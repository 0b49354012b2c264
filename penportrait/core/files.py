"""Safe file writing for the data folder: atomic replace, owner-only files, and a save lock.

A write goes to a temporary file in the same folder, is flushed and fsynced, then replaces the
target in one step, so a crash or a power cut leaves the old file or the new one, never a mix.
The folder may be a network share used by several laptops, so a save also takes a short-lived
lock file beside the pupil's file while it checks the revision and replaces the file.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import platform
import re
import secrets
import select
import stat
import subprocess
import sys
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

TEMP_SUFFIX: Final = ".tmp"
LOCK_SUFFIX: Final = ".lock"
GUARD_SUFFIX: Final = ".guard"
STALE_SUFFIX: Final = ".stale"
FILE_MODE: Final = 0o600
DIR_MODE: Final = 0o700
# A lock older than this was left by a crashed save (on another machine, or by a process whose
# id was since reused on this one): every lock has this age limit.
STALE_LOCK_SECONDS: Final = 30.0
# This computer, as lock files name it (several laptops may share the folder).
HOST: Final = platform.node()
EMPTY_LOCK_SECONDS: Final = 2.0
# A guard is held for microseconds; one this old was left by a crash.
STALE_GUARD_SECONDS: Final = 2.0
LOCK_WAIT_SECONDS: Final = 5.0
# The tokens of the locks this process holds or is taking (each save_lock adds its own).
_HELD: Final[set[str]] = set()


class LockTimeout(OSError):
    """Another save of the same file held the lock for too long."""


class LockInTheWay(OSError):
    """Something that is not a lock file (a folder, a link) has the lock file's name."""


@dataclass(frozen=True)
class HeldLock:
    """A lock this process took: the lock file and the token it wrote there."""

    path: Path
    token: str

    def still_held(self) -> bool:
        """True while the lock file still holds our token: False once another saver broke it
        as stale (this save stalled past the age limit: a shut lid, a slow share)."""
        return _read_token(self.path) == self.token


def ensure_folder(path: Path) -> None:
    """Create ``path`` (and any missing parents) readable by the owner only, if it is missing.

    Path.mkdir(parents=True) gives the parents the default mode (0755): each missing level is
    made here with DIR_MODE instead.
    """
    if path.is_dir():
        return
    missing = []
    level = path
    while not level.exists() and level != level.parent:
        missing.append(level)
        level = level.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)


def write_atomic(
    path: Path, data: bytes, *, before_replace: Callable[[], None] | None = None
) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new bytes, never a mix.

    ``before_replace`` runs once the new bytes are safely in the temporary file, just before
    the replace: if it raises, nothing is replaced (a saver checks there that it still holds
    its lock and that the file is still the one it checked, however long the write took)."""
    temp = _synced_temp(path, data)
    try:
        if before_replace is not None:
            before_replace()
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


def write_new(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` only if no file has that name: an existing file is never
    replaced. If one with other bytes is there, the data goes beside it under a unique name.
    Returns where the data is.

    The new file is a hard link to a synced temporary file, so it appears whole or not at all.
    A drive without hard links (a FAT32 or exFAT USB stick, some shares) refuses the link: the
    file is then created exclusively under its own name and written and synced there, which
    still never replaces a file (see place_new)."""
    temp = _synced_temp(path, data)
    try:
        target = path
        while not place_new(temp, target, data):
            with contextlib.suppress(OSError):
                if target.read_bytes() == data:
                    break
            target = path.with_name(f"{path.stem}.{secrets.token_hex(4)}{path.suffix}")
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    _fsync_folder(path.parent)
    return target


# What link() says on a file system without hard links: EPERM (Linux vfat and exfat), ENOTSUP
# or EOPNOTSUPP (SMB shares, macOS), ENOSYS (some FUSE drives), EINVAL (Windows on FAT).
NO_HARD_LINKS: Final = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
)


def place_new(source: Path, target: Path, data: bytes) -> bool:
    """Give ``target`` the bytes ``data`` (those of the file ``source``) unless a file of that
    name exists; False, touching nothing, if one does.

    A hard link first: the whole file appears at once. Where the file system has none, the
    target is created exclusively (O_EXCL: never an existing file), written and synced in
    place; a write that fails removes what it wrote. Only a power cut in the middle of that
    write can leave part of a file (a history file, then reported like any damaged file; the
    pupil's own file is always replaced atomically). A real permission problem fails on the
    create, with its own error."""
    try:
        os.link(source, target)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in NO_HARD_LINKS:
            raise
    return _create_new(target, data)


def _create_new(target: Path, data: bytes) -> bool:
    """``data`` in a new file at ``target`` (created exclusively, owner-only), flushed to disk;
    False if ``target`` exists, and nothing left behind if writing fails."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags, FILE_MODE)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return True


def _synced_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path`` (created exclusively, owner-only),
    flushed to disk; removed again if that fails."""
    ensure_folder(path.parent)
    temp = temp_path(path)
    if not _create_new(temp, data):  # a random name: only ever someone else's by design
        raise FileExistsError(errno.EEXIST, "a temporary file of that name exists", str(temp))
    return temp


def temp_path(path: Path) -> Path:
    """A temporary name beside ``path``: hidden, unique, unpredictable, naming its process."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}{TEMP_SUFFIX}")


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


_WINDOWS_RESERVED: Final = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
     *(f"LPT{n}" for n in range(1, 10)),
     *(f"COM{n}" for n in "\u00b9\u00b2\u00b3"), *(f"LPT{n}" for n in "\u00b9\u00b2\u00b3")]
)  # fmt: skip
# Characters that look like a path separator in a file dialog.
_LOOKALIKE_SLASHES: Final = frozenset("\u2044\u2215\u29f8\uff0f\uff3c")


def safe_file_name(text: str, *, fallback: str = "pupil", limit: int = 120) -> str:
    """A file name made from pupil data that stays in its folder on every system: no path
    separators or '..', no characters Windows refuses, no control or format characters (so no
    right-to-left override can disguise ``gnp.exe`` as ``exe.png``), no leading dot, not a
    reserved device name, normalised (NFC), and at most ``limit`` bytes in UTF-8 (file systems
    count bytes: 80 emoji are 320 bytes), never cutting a character in half."""
    cleaned = "".join(_file_name_character(ch) for ch in unicodedata.normalize("NFC", text))
    cleaned = re.sub(r"\.{2,}", ".", " ".join(cleaned.split())).strip(". ")
    while len(cleaned.encode("utf-8")) > limit:
        cleaned = cleaned[:-1]
    cleaned = cleaned.strip(". ")
    if not cleaned or cleaned.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        return fallback
    return cleaned


def _file_name_character(ch: str) -> str:
    """One character of a suggested file name: separators, characters Windows refuses and line
    breaks become a space; controls, format characters (bidi overrides, zero-width ones) and
    lone surrogates are dropped."""
    if ch in '<>:"/\\|?*' or ch in _LOOKALIKE_SLASHES:
        return " "
    category = unicodedata.category(ch)
    if category in ("Cc", "Zl", "Zp"):
        return " "
    if category in ("Cf", "Cs"):
        return ""
    return ch


def is_temporary_name(name: str) -> bool:
    """Temporary, lock and hidden files, which listings skip."""
    return name.startswith(".") or name.endswith(
        (TEMP_SUFFIX, LOCK_SUFFIX, GUARD_SUFFIX, STALE_SUFFIX)
    )


@contextlib.contextmanager
def save_lock(path: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[HeldLock]:
    """Hold ``<path>.lock`` while the caller checks and replaces ``path``.

    The lock file is created exclusively and names its owner with a token no other lock ever
    has (host, process, a random part, machine id). A lock is broken when it is stale: its
    process on this computer (same host name and machine id) is gone, or it is older than
    STALE_LOCK_SECONDS (so a lock naming a process whose id was reused, or left on another
    laptop, is broken too). Breaking a lock and releasing
    one's own both happen under a second, short-lived guard file, where the token is checked
    again before the unlink: so a process only ever removes the very lock it judged stale, or
    its own, never a lock someone else has just taken.

    A save that stalls past the age limit may lose its lock to another saver: so it checks
    ``HeldLock.still_held()`` (with the file's revision) just before it replaces the file.
    """
    lock = path.with_name(path.name + LOCK_SUFFIX)
    ensure_folder(lock.parent)
    token = _new_token()
    _HELD.add(token)  # before the lock exists: see _dead_here
    deadline = time.monotonic() + wait
    delay = 0.002
    try:
        while True:
            if _create_exclusive(lock, token):
                break
            _check_is_a_lock_file(lock, path)
            broken = _break_if_stale(lock)
            if time.monotonic() > deadline:
                raise LockTimeout(f"{path.name} is being saved by someone else; try again")
            if not broken:
                _pause(delay * (0.5 + secrets.randbelow(1000) / 1000))
                delay = min(delay * 2, 0.1)
    except BaseException:
        _HELD.discard(token)
        raise
    try:
        yield HeldLock(lock, token)
    finally:
        # The save is done (or failed) by now: failing to remove the lock (a full disk, a lost
        # share) must not turn a saved file into a reported failure. The lock is left; it goes
        # stale, or (no save in this process holding it) is broken by this process's next save.
        with contextlib.suppress(OSError):
            _release(lock, token)
        _HELD.discard(token)


def _check_is_a_lock_file(lock: Path, path: Path) -> None:
    """The app only ever makes regular lock files: a folder or a link (even a dangling one)
    in a lock's place would block this file's saves for ever, or make them spin. Say so at
    once; it is never removed here (it is not ours)."""
    try:
        mode = lock.lstat().st_mode
    except FileNotFoundError:
        return  # released meanwhile
    if stat.S_ISREG(mode):
        return
    what = "a folder" if stat.S_ISDIR(mode) else "a link" if stat.S_ISLNK(mode) else "not a file"
    raise LockInTheWay(
        f"{path.name} cannot be saved: {lock.name} beside it is {what}, not a lock file. "
        f"Move {lock.name} out of the folder {lock.parent}, then save again."
    )


def _pause(seconds: float) -> None:
    """Wait a moment. Not time.sleep: under faketime (how the suite is run on another day) its
    absolute monotonic sleep fails with EINVAL; select's relative timeout does not."""
    select.select([], [], [], seconds)


def _new_token() -> str:
    return lock_token(os.getpid(), secrets.token_hex(8))


def lock_token(pid: int, unique: str) -> str:
    """What a lock file holds: host name, process id, a unique part, and this machine's id."""
    return f"{HOST} {pid} {unique} {machine_id()}"


@functools.cache
def machine_id() -> str:
    """This machine (and, on Linux, this boot and process-id namespace), as lock files name it.

    The host name alone is not enough: laptops imaged from one master often share it, and a
    process id means something only on the machine, boot and namespace that gave it. Hashed, so
    that nothing about the machine is written to the shared folder; no spaces.
    """
    parts = [f"{part}" for part in _machine_parts() if part]
    if not parts:  # not known: the network card's address (random, so unmatched, if none)
        parts = [f"node {uuid.getnode():012x}"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]


def _machine_parts() -> list[str]:
    parts: list[str] = []
    if sys.platform.startswith("linux"):
        for source in ("/etc/machine-id", "/proc/sys/kernel/random/boot_id"):
            with contextlib.suppress(OSError):
                parts.append(Path(source).read_text(encoding="ascii", errors="replace").strip())
        with contextlib.suppress(OSError):
            parts.append(os.readlink("/proc/self/ns/pid"))
    elif sys.platform == "win32":
        with contextlib.suppress(OSError, ImportError):
            import winreg

            key = winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE,
                r"SOFTWARE\Microsoft\Cryptography",
                0,
                winreg.KEY_READ | winreg.KEY_WOW64_64KEY,
            )
            with key:
                value = winreg.QueryValueEx(key, "MachineGuid")[0]
            parts.append(str(value))
    elif sys.platform == "darwin":
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                ["/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            ).stdout
            found = re.search(r'"IOPlatformUUID"\s*=\s*"([^"]+)"', out)
            if found:
                parts.append(found.group(1))
    return parts


def _create_exclusive(lock: Path, token: str) -> bool:
    """Create ``lock`` holding ``token``; False if it exists. The token is written in the
    same call that creates the file, so a reader sees an empty lock only for a moment."""
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        data = token.encode()
        while data:  # a short write is possible on some file systems
            data = data[os.write(fd, data) :]
    except BaseException:
        # A full disk or a lost share: remove the lock just made rather than leave an empty
        # one (nobody's token) that blocks this file's saves until it goes stale.
        os.close(fd)
        with contextlib.suppress(OSError):
            lock.unlink()
        raise
    os.close(fd)
    return True


def _read_token(lock: Path) -> str | None:
    """The lock's owner token; None when there is no lock. Anything else in its place (a
    folder, a file that cannot be read) is nobody's token: it goes stale by age."""
    try:
        return lock.read_bytes().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:
        return "\ufffd unreadable"


def _break_if_stale(lock: Path) -> bool:
    """Remove ``lock`` if it is stale; True if it was removed (by us or by its owner)."""
    token = _read_token(lock)
    if token is None:
        return True  # released meanwhile: try again at once
    if not _is_stale(lock, token):
        return False
    guard = lock.with_name(lock.name + GUARD_SUFFIX)
    mine = _new_token()
    if not _create_exclusive(guard, mine):
        _check_is_a_lock_file(guard, lock.with_name(lock.name.removesuffix(LOCK_SUFFIX)))
        _break_stale_guard(guard)
        return False
    try:
        # Under the guard nobody else removes the lock, so if it still holds the token we
        # judged stale, the unlink below removes exactly that lock.
        if _read_token(lock) == token:
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()
        return True
    finally:
        _remove_guard(guard, mine)


def _release(lock: Path, token: str) -> None:
    """Remove our own lock, and only it (it may have been broken as stale meanwhile)."""
    guard = lock.with_name(lock.name + GUARD_SUFFIX)
    mine = _new_token()
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while not _create_exclusive(guard, mine):
        _break_stale_guard(guard)
        if time.monotonic() > deadline:
            return  # leave the lock: it goes stale and is broken safely later
        _pause(0.001)
    try:
        if _read_token(lock) == token:
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()
    finally:
        _remove_guard(guard, mine)


def _remove_guard(guard: Path, token: str) -> None:
    if _read_token(guard) == token:
        with contextlib.suppress(FileNotFoundError):
            guard.unlink()


def _break_stale_guard(guard: Path) -> None:
    """A guard is held for a few microseconds; one left by a crash is moved aside atomically
    under a unique name, and put back if it turns out not to be the one judged stale."""
    token = _read_token(guard)
    if token is None or not _is_stale(guard, token, limit=STALE_GUARD_SECONDS):
        return
    aside = guard.with_name(f"{guard.name}.{secrets.token_hex(8)}{STALE_SUFFIX}")
    try:
        os.rename(guard, aside)
    except FileNotFoundError:
        return
    if _read_token(aside) != token:
        with contextlib.suppress(OSError):
            # Not ours to break: put it back unless replaced (a copy where links are missing).
            place_new(aside, guard, aside.read_bytes())
    with contextlib.suppress(FileNotFoundError):
        aside.unlink()


def _is_stale(lock: Path, token: str, *, limit: float | None = None) -> bool:
    if limit is None:
        limit = STALE_LOCK_SECONDS  # read when called, so a test can lower it
    if os.name == "posix" and _dead_here(token):
        return True
    age = lock_age(lock)
    if age is None:
        return False
    # A lock dated in the future (a laptop whose clock is ahead, on a share that keeps the
    # writer's times) says nothing true about its age: as far ahead as the limit, it is stale.
    # Breaking a live lock costs no edit: its owner's save then stops as a conflict.
    age = abs(age)
    if not token:  # a crash between creating the lock and writing the owner
        return age > EMPTY_LOCK_SECONDS
    return age > limit


def _dead_here(token: str) -> bool:
    """The lock's process was on this very machine (host name AND machine id: imaged laptops
    share a host name) and is gone. A lock from elsewhere, or an older app's lock without a
    machine id, goes stale by age only."""
    fields = token.rsplit(" ", 3)
    if len(fields) != 4:
        return False
    host, pid, _, machine = fields
    if host != HOST or machine != machine_id() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        # Ours, but no save in this process holds it: left by a release that failed.
        return token not in _HELD
    return not _process_alive(int(pid))


def lock_age(path: Path) -> float | None:
    """How old ``path`` is by the clock of the file system that holds it.

    The age is the file's mtime against the mtime of a file created now in the same folder, so
    neither another laptop's clock nor a shifted clock on this one (faketime) can make a fresh
    lock look stale or an old one fresh.
    """
    try:
        then = path.stat().st_mtime
    except FileNotFoundError:
        return None
    now = file_system_now(path.parent)
    return None if now is None else now - then


def file_system_now(folder: Path) -> float | None:
    """The current time as the file system holding ``folder`` stamps files."""
    probe = folder / f".now.{secrets.token_hex(8)}{TEMP_SUFFIX}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except OSError:
        return None
    try:
        return os.fstat(fd).st_mtime
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            probe.unlink()


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
