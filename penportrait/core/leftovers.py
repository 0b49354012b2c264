"""What the data folder no longer needs: temporary files crashed saves left behind, and photos
no file names any more. Check data lists them; the app removes them when it opens the folder.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Final

from penportrait.core import files
from penportrait.core.model import is_valid_id
from penportrait.core.photos import UNUSED_PHOTO_SECONDS, photo_owner, photos_named
from penportrait.core.pupil_file import Problem
from penportrait.core.store import STALE_TEMP_SECONDS, Store

# A file this large is not read for the photos it names (and so no photo is removed): far
# more than an import record of every pupil of a large school.
MAX_NAMING_FILE_BYTES: Final = 256 * 1024 * 1024


def stale_temporary_files(store: Store) -> list[Path]:
    """Temporary files that crashed saves left behind (each may be a full copy of a pupil).

    A save writes its temporary file for a moment; one older than STALE_TEMP_SECONDS, by
    the file system's own clock, belongs to no live save on any computer.
    """
    found: list[Path] = []
    folders = [store.root, store.pupils_dir, store.trash_dir, store.photos_dir]
    with contextlib.suppress(OSError):
        folders += [Path(e.path) for e in os.scandir(store.history_dir) if e.is_dir()]
    for folder in folders:
        try:
            entries = [
                e
                for e in os.scandir(folder)
                if e.name.startswith(".")
                and e.name.endswith(files.TEMP_SUFFIX)
                and e.is_file(follow_symlinks=False)
            ]
        except OSError:
            continue
        if not entries:
            continue
        now = files.file_system_now(folder)
        for entry in entries:
            with contextlib.suppress(OSError):
                if now is not None and now - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                    found.append(Path(entry.path))
    return sorted(found)


def remove_stale_temporary_files(store: Store) -> int:
    """Remove what stale_temporary_files finds; returns how many were removed."""
    removed = 0
    for path in stale_temporary_files(store):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    return removed


def temporary_file_problems(store: Store) -> list[Problem]:
    return [
        Problem(
            store.relative(path),
            "",
            "is a temporary copy left by a save that crashed; PenPortrait removes it when "
            "the app next opens this folder",
        )
        for path in stale_temporary_files(store)
    ]


def unused_photos(store: Store) -> list[Path]:
    """Photos no file has named for UNUSED_PHOTO_SECONDS (core.photos): listed by Check data,
    removed only when a person asks.

    Named means by a pupil file (damaged ones and sync conflict copies too), a trashed
    pupil, an import record, or a revision in the history of the pupil the photo was made
    for. When any of those cannot be read, nothing is unused: none is removed on a guess.
    Names are compared without case (Windows, macOS and most shares ignore it), and the
    pupils folder is read again last, for a pupil restored from the trash meanwhile.
    """
    try:
        entries = [e for e in os.scandir(store.photos_dir) if _is_photo_file(e)]
        if not entries:
            return []
        now = files.file_system_now(store.photos_dir)
        if now is None:  # cannot be changed here anyway
            return []
        # Its age from when it last changed here: a sync client sets an arriving file's
        # modification time to the sender's, maybe days ago, but its change time (its
        # creation time on Windows) is when it arrived, perhaps before the pupil naming it.
        old = {
            e.name: Path(e.path) for e in entries if now - _last_change(e) > UNUSED_PHOTO_SECONDS
        }
        for folder in (store.pupils_dir, store.trash_dir, store.folder.imports, store.pupils_dir):
            if not old:
                break
            named = {name.casefold() for name in _photos_named_in(folder)}
            old = {n: p for n, p in old.items() if n.casefold() not in named}
        for owner in {photo_owner(name) for name in old}:
            if not is_valid_id(owner):  # not a name PenPortrait made: left alone
                old = {n: p for n, p in old.items() if photo_owner(n) != owner}
                continue
            named = {name.casefold() for name in _photos_named_in(store.history_dir / owner)}
            old = {n: p for n, p in old.items() if n.casefold() not in named}
    except OSError:
        return []
    return sorted(old.values())


def remove_unused_photos(store: Store) -> int:
    """Remove what unused_photos finds; returns how many were removed."""
    removed = 0
    for path in unused_photos(store):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    return removed


def unused_photo_problems(store: Store) -> list[Problem]:
    return [
        Problem(
            store.relative(path),
            "",
            "is a photo no pupil, trashed pupil or kept revision has named for 30 days; it is "
            "kept until someone runs penportrait check --remove-unused-photos",
        )
        for path in unused_photos(store)
    ]


def _last_change(entry: os.DirEntry[str]) -> float:
    stat = entry.stat(follow_symlinks=False)
    return max(stat.st_mtime, stat.st_ctime)


def _is_photo_file(entry: os.DirEntry[str]) -> bool:
    return (
        not entry.name.startswith(".")
        and entry.name.endswith((".jpg", ".png"))
        and entry.is_file(follow_symlinks=False)
    )


def _photos_named_in(folder: Path) -> set[str]:
    """Every photo name the files in ``folder`` and its subfolders name. Raises OSError when
    a file cannot be read (a missing folder names none)."""
    named: set[str] = set()
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return named
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            named |= _photos_named_in(Path(entry.path))
        elif entry.is_file(follow_symlinks=False):
            if entry.stat(follow_symlinks=False).st_size > MAX_NAMING_FILE_BYTES:
                raise OSError(f"{entry.path} is too large to look for photo names in")
            try:
                named |= photos_named(Path(entry.path).read_bytes())
            except FileNotFoundError:  # moved meanwhile (a save, a delete): read where it went
                raise OSError(f"{entry.path} moved while photos were checked") from None
    return named
