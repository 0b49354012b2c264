"""Writing an export (a PDF or a Word file) to the place the user chose, all or nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from penportrait.core import files


class RenderError(Exception):
    """An output that could not be written (the message names the file and why)."""


def write_output(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` with core's atomic writer: no half-written file is left.

    The temporary file beside it is created exclusively under an unpredictable name, owner-only,
    so a file or link planted there cannot redirect the export. A missing folder is an error
    (an export never creates folders). The finished file is one the user hands to colleagues:
    it gets the mode any other program's file would (0666 less the umask), or keeps the mode of
    the file it replaces; only the data folder's own files are owner-only.
    """
    try:
        if not out.parent.exists():  # files.write_atomic would create it
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        mode = _export_mode(out)
        files.write_atomic(out, data)
        _set_mode(out, mode)
    except OSError as error:
        reason = error.strerror or str(error)
        raise RenderError(f"cannot write {out}: {reason}") from None


def _export_mode(out: Path) -> int:
    """The mode the finished export gets: that of the regular file it replaces, else the
    mode a new file of any program gets under the user's umask."""
    try:
        before = os.stat(out, follow_symlinks=False)
    except OSError:
        before = None
    if before is not None and stat.S_ISREG(before.st_mode):
        return stat.S_IMODE(before.st_mode)
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere: set and restore at once (the app creates its own files with explicit modes).
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _set_mode(out: Path, mode: int) -> None:
    """Give the file just written at ``out`` its mode (never following a link planted there)."""
    if not hasattr(os, "fchmod"):  # Windows: only the read-only flag, which is never set here
        return
    fd = os.open(out, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fchmod(fd, mode)
    finally:
        os.close(fd)
