"""Whether the data folder can be changed, and why not, in words a teacher can act on.

A folder may be read-only (a CD, a share the user may only read, a full or failing disk), or
gone (a USB stick pulled out, a network drive that dropped). The app still opens such a folder
to read, export and print; it says so once, plainly, rather than failing save after save with
"[Errno 30] Read-only file system: '.../.x.json.lock'".
"""

from __future__ import annotations

import errno
import os
import uuid
from pathlib import Path

from penportrait.core.files import LockTimeout
from penportrait.core.folder import DataFolder

_REASONS = {
    errno.EROFS: "the folder is read-only",
    errno.EACCES: "you do not have permission to change files there",
    errno.EPERM: "you do not have permission to change files there",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is full",
    errno.ENOENT: "the folder is not there any more (a drive or network share disconnected?)",
    errno.ENOTDIR: "the folder is not there any more (a drive or network share disconnected?)",
    errno.EIO: "the disk could not be read or written (a failing drive or dropped connection?)",
    errno.ESTALE: "the network share dropped; open the folder again",
    errno.ENAMETOOLONG: "the folder's path is too long",
}


def plain_reason(error: BaseException) -> str:
    """What went wrong, without error numbers or temporary file names."""
    if isinstance(error, LockTimeout):
        return "another computer was saving the same file at that moment; it is tried again"
    if isinstance(error, OSError) and error.errno in _REASONS:
        return _REASONS[error.errno]
    if isinstance(error, OSError):
        return error.strerror or str(error) or type(error).__name__
    return str(error)


def folder_problem(root: Path) -> str | None:
    """Why files in the data folder ``root`` cannot be changed; None when they can.

    Tries what a save does (create a file there, then remove it): permissions alone do not
    tell, for a read-only mount, a full disk or an administrator.
    """
    if not root.exists():
        return f"The data folder {root} is not there (a drive or network share disconnected?)."
    if not root.is_dir():
        return f"The data folder {root} is a file, not a folder."
    pupils = DataFolder(root).pupils
    target = pupils if pupils.is_dir() else root
    probe = target / f".penportrait-write-check-{uuid.uuid4().hex}.tmp"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        probe.unlink()
    except OSError as error:
        return f"The data folder {root} cannot be changed: {plain_reason(error)}."
    return None


def in_words(error: BaseException) -> str:
    """plain_reason as a sentence of its own."""
    reason = plain_reason(error).strip()
    return reason[:1].upper() + reason[1:] + ("" if reason.endswith(".") else ".")
