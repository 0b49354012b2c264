"""A cheap "has the folder changed?" for folders the file watcher cannot see into.

QFileSystemWatcher uses inotify on Linux (and similar elsewhere), which hears only changes made
by this computer: on an SMB or NFS share, another laptop's save goes unnoticed. There the app
compares this signature every few seconds instead: one directory listing of the data folder and
of pupils/ with each entry's size and modification time, never reading a file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from penportrait.core.folder import PUPILS

# File systems whose changes by other machines inotify does not report.
NETWORK_FILE_SYSTEMS: Final = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "davfs", "fuse.davfs2", "afs",
     "ceph", "glusterfs", "fuse.glusterfs", "fuse.rclone", "fuse.s3fs", "ncpfs"}
)  # fmt: skip

Signature = frozenset[tuple[str, int, int]]


def folder_signature(root: Path) -> Signature:
    """(relative name, size, mtime in ns) of every entry in the data folder and pupils/."""
    found: set[tuple[str, int, int]] = set()
    for prefix, folder in (("", root), (f"{PUPILS}/", root / PUPILS)):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        stat = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    found.add((prefix + entry.name, stat.st_size, stat.st_mtime_ns))
        except OSError:
            continue
    return frozenset(found)


def watcher_is_reliable(root: Path, mounts: str | None = None) -> bool:
    """False when ``root`` is on a network share, where the watcher misses remote changes."""
    text = str(root)
    if text.startswith(("\\\\", "//")):  # a Windows UNC path
        return False
    if os.name == "nt":
        try:
            import ctypes

            drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) != 4)  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return True
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return True  # macOS and others: FSEvents sees network changes poorly, but rarely
    resolved = os.path.realpath(text)
    best, best_type = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type not in NETWORK_FILE_SYSTEMS
