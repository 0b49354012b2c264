"""The data folder's pupils (DESIGN.md): their files, history, the trash and photos.

Where each lives is core.folder's; reading one file safely is core.pupil_file's.

```
pupils/<id>.json              one pupil per file
photos/<id>.<hash>.jpg        the pupil's photos, one file each (core.photos); <id>.jpg before
history/<id>/<revision>.json  earlier revisions, the last HISTORY_KEPT
history/<id>/kept-<revision>.json  versions kept on purpose (chosen against), never removed
trash/<id>.json               deleted pupils, restorable
```

Nothing here ever loses a pupil: writes are atomic, a save that started from an old revision is
refused as a SaveConflict carrying both versions, a file that does not load is reported and left
exactly as it was, and deleting moves the file to the trash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import gc
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from pydantic import ValidationError

from penportrait.core import files
from penportrait.core.access import plain_reason
from penportrait.core.conflict_names import is_pupil_copy
from penportrait.core.folder import KEPT_PREFIX, PUPIL_SUFFIX, DataFolder
from penportrait.core.model import (
    Pupil,
    is_valid_id,
    load_pupil_json,
)
from penportrait.core.photos import (
    PhotoError,
    clean_photo,
    photo_file_name,
)
from penportrait.core.pupil_file import (
    MAX_PUPIL_FILE_BYTES,
    MAX_REPLACED_FILE_BYTES,
    Problem,
    PupilFileError,
    PupilTooBig,
    check_size,
    explain,
    os_reason,
    parse,
    read_bytes,
)

from . import clock

HISTORY_KEPT: Final = 20
# KEPT_PREFIX (core.folder) names a version kept on purpose rather than as a routine earlier
# revision: the one chosen against when a conflict was settled (mine for "Keep theirs", theirs
# for "Keep mine"), the version a restore from history replaced, an earlier copy of a pupil
# deleted again. The dialog promises it stays in the pupil's history, so the HISTORY_KEPT
# trimming never removes it.
# A temporary file this old (by the file system's clock) was left by a crashed save.
STALE_TEMP_SECONDS: Final = 3600.0

__all__ = [
    "KEPT_PREFIX",
    "MAX_PUPIL_FILE_BYTES",
    "FolderScan",
    "HistoryEntry",
    "PhotoError",
    "Problem",
    "PupilFileError",
    "PupilTooBig",
    "SaveConflict",
    "Store",
]


class NotFoundError(LookupError):
    """No pupil with that id in the folder (or in the trash)."""


class SaveConflict(Exception):
    """The file changed on disk since ``mine`` was loaded; nothing was written.

    ``theirs`` is the version on disk now, or None when someone deleted the pupil meanwhile.
    """

    def __init__(self, mine: Pupil, theirs: Pupil | None) -> None:
        who = f" by {theirs.updated_by}" if theirs and theirs.updated_by else ""
        if theirs is None:
            what = f"{mine.display_name} was deleted elsewhere while you were editing"
        elif theirs.revision == mine.revision:
            what = (
                f"{mine.display_name} was being saved elsewhere at the same moment (this save "
                "took too long and lost its turn); nothing was written: save again"
            )
        else:
            what = (
                f"{mine.display_name} was saved{who} while you were editing "
                f"(you started from revision {mine.revision}, the file is at {theirs.revision})"
            )
        super().__init__(what)
        self.mine = mine
        self.theirs = theirs

    def keep_mine(self) -> Pupil:
        """My version, ready to save over theirs (theirs then goes to history as usual)."""
        revision = self.theirs.revision if self.theirs else 0
        return self.mine.model_copy(update={"revision": revision})


@dataclass
class HistoryEntry:
    """One earlier version of a pupil in ``history/<id>/``."""

    revision: int
    path: Path
    kept: bool  # kept on purpose (KEPT_PREFIX): never trimmed


@dataclass
class FolderScan:
    """Everything loaded from a folder of pupil files, and every file that would not load."""

    pupils: list[Pupil] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # The folder itself could not be listed: ``pupils`` are those the last scan read.
    unlisted: bool = False

    @property
    def bad_files(self) -> list[str]:
        return sorted({p.file for p in self.problems})


def _unlisted_reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        why = "you do not have permission to read it"
    else:
        why = plain_reason(error)
    return f"the folder could not be listed: {why}. The pupils shown are those read before"


class Store:
    """One data folder. Several stores (laptops) may use the same folder at once."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.folder = DataFolder(self.root)  # where things are (core.folder)
        self.pupils_dir = self.folder.pupils
        self.photos_dir = self.folder.photos
        self.history_dir = self.folder.history
        self.trash_dir = self.folder.trash
        # Per folder: each file's fingerprint (its length and Python's keyed 64-bit hash of its
        # bytes) and the pupil parsed from it at the last scan. A rescan (the watcher fires on
        # every save, ours included) reuses the pupil of a file whose bytes hash the same, so
        # it validates, and makes for the collector to walk, only what changed. Never times or
        # sizes alone, which sync clients set; not the bytes themselves, which cost a first
        # open more to keep (about 30 ms in 5,000 pupils) than hashing them (about 4 ms).
        self._parsed: dict[str, dict[str, tuple[tuple[int, int], Pupil]]] = {}

    def pupil_path(self, pupil_id: str) -> Path:
        return self.folder.pupil_file(_checked_id(pupil_id))

    def photo_path(self, pupil: Pupil) -> Path | None:
        """The pupil's photo file, if they have one and it exists."""
        if not pupil.pupil.photo:
            return None
        path = self.photos_dir / pupil.pupil.photo
        return path if path.is_file() else None

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def exists(self) -> bool:
        return self.root.is_dir()

    def is_empty(self) -> bool:
        """True when the folder has no pupils yet (or does not exist)."""
        return not any(self._pupil_files(self.pupils_dir))

    # -- reading ----------------------------------------------------------------------------

    def scan(self) -> FolderScan:
        """Load every pupil; report, and skip, each file that does not load."""
        return self._scan_folder(self.pupils_dir)

    def scan_trash(self) -> FolderScan:
        return self._scan_folder(self.trash_dir)

    def load(self, pupil_id: str) -> Pupil:
        """Load one pupil. Raises NotFoundError, or PupilFileError naming file, field and reason."""
        path = self.pupil_path(pupil_id)
        pupil = self._read_optional(path)
        if pupil is None:
            raise NotFoundError(f"no pupil with id {pupil_id} in {self.root}")
        return pupil

    def read_file(self, path: Path) -> Pupil:
        """Load any pupil file (for example one in the trash or in history)."""
        return self._read_path(path)

    def _scan_folder(self, folder: Path) -> FolderScan:
        # The hot path of opening a folder of thousands of pupils: plain strings from scandir,
        # no Path objects, and a relative name only for a file that has a problem.
        scan = FolderScan()
        prefix = self.relative(folder)
        known = self._parsed.get(str(folder), {})
        parsed: dict[str, tuple[tuple[int, int], Pupil]] = {}
        try:
            listed = self._pupil_files(folder)
        except OSError as error:
            # A share that refuses (or drops) for a moment: say so, naming the folder, and keep
            # the pupils the last scan read, so the list does not empty under the user.
            scan.problems.append(Problem(prefix, "", _unlisted_reason(error)))
            scan.pupils = [pupil for _data, pupil in known.values()]
            scan.unlisted = True
            return scan
        with _collector_paused():
            for name, path in listed:
                where = f"{prefix}/{name}"
                try:
                    data = read_bytes(path, where)
                    fingerprint = (len(data), hash(data))
                    same = known.get(path)
                    pupil = same[1] if same and same[0] == fingerprint else parse(where, name, data)
                except PupilFileError as error:
                    scan.problems.extend(error.problems)
                except OSError as error:
                    scan.problems.append(Problem(where, "", os_reason(error)))
                else:
                    parsed[path] = (fingerprint, pupil)
                    scan.pupils.append(pupil)
        self._parsed[str(folder)] = parsed
        return scan

    @staticmethod
    def _pupil_files(folder: Path) -> list[tuple[str, str]]:
        """(file name, path) of each pupil file in ``folder``, by name."""
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            return []
        return sorted(
            (entry.name, entry.path)
            for entry in entries
            if entry.name.endswith(".json")
            and not files.is_temporary_name(entry.name)
            # A sync client's conflict copy is never a second pupil (core.conflicts merges it).
            and not is_pupil_copy(entry.name)
        )

    def _read_path(self, path: Path) -> Pupil:
        where = self.relative(path)
        return parse(where, path.name, read_bytes(path, where))

    def _read_optional(self, path: Path) -> Pupil | None:
        try:
            return self._read_path(path)
        except FileNotFoundError:
            return None

    # -- writing ----------------------------------------------------------------------------

    @staticmethod
    def new_pupil(first_name: str, last_name: str, **details: object) -> Pupil:
        """A new, unsaved pupil (revision 0) with a fresh id."""
        return Pupil.model_validate(
            {
                "id": str(uuid.uuid4()),
                "pupil": {"first_name": first_name, "last_name": last_name, **details},
            }
        )

    def save(
        self,
        pupil: Pupil,
        *,
        by: str = "",
        now: dt.datetime | None = None,
        keep_replaced: bool = False,
    ) -> Pupil:
        """Save ``pupil``, edited from ``pupil.revision``; return it as saved (revision + 1).

        The version it replaces goes to history: as a routine revision, or, with
        ``keep_replaced`` (it was chosen against: "Keep mine", a restore), as a kept version
        that is never trimmed.

        Raises SaveConflict, writing nothing, if the file on disk is not at that revision; and
        PupilFileError if the file on disk is damaged (it is never overwritten).
        """
        path = self.pupil_path(pupil.id)
        stamp = (now or clock.now()).astimezone(dt.UTC).replace(microsecond=0)
        with files.save_lock(path) as held:
            where = self.relative(path)
            try:
                current_bytes: bytes | None = read_bytes(path, where, limit=MAX_REPLACED_FILE_BYTES)
            except FileNotFoundError:
                current_bytes = None
            current = parse(where, path.name, current_bytes) if current_bytes is not None else None
            on_disk = current.revision if current else 0
            if on_disk != pupil.revision:
                raise SaveConflict(pupil, current)
            # A pupil brought back after a delete elsewhere ("Keep mine") continues its own
            # revisions: they never go backwards, so no history file is ever overwritten.
            following = on_disk if current else self._last_known_revision(pupil.id)
            saved = pupil.model_copy(
                update={
                    "revision": following + 1,
                    "updated_at": stamp.isoformat(),
                    "updated_by": by or pupil.updated_by,
                }
            )
            text = saved.to_json()
            # Never write what cannot be read back (a model changed without validation, or a
            # file over the size a scan reads).
            Pupil.model_validate_json(text)
            check_size(saved, text.encode("utf-8"))
            if current is not None and current_bytes is not None:
                self._keep_in_history(current, current_bytes, kept=keep_replaced)
            files.write_atomic(
                path,
                text.encode("utf-8"),
                before_replace=lambda: self._confirm(held, path, pupil, current_bytes),
            )
        return saved

    def _confirm(
        self, held: files.HeldLock, path: Path, pupil: Pupil, checked: bytes | None
    ) -> None:
        """Just before the replace: raise SaveConflict unless this save still holds its lock
        and the file is still the one whose revision it checked. A save that stalled (a shut
        lid, a slow share) may have lost its lock as stale to another saver, whose edit the
        replace would otherwise destroy."""
        where = self.relative(path)
        try:
            now: bytes | None = read_bytes(path, where, limit=MAX_REPLACED_FILE_BYTES)
        except FileNotFoundError:
            now = None
        if held.still_held() and now == checked:
            return
        theirs = None
        if now is not None:
            with contextlib.suppress(PupilFileError, ValueError):
                theirs = parse(where, path.name, now)
        raise SaveConflict(pupil, theirs)

    def delete(self, pupil_id: str, *, only_at_revision: int | None = None) -> None:
        """Move the pupil's file to the trash (an older trashed copy goes to history).

        With ``only_at_revision``, a file at another revision is not deleted: SaveConflict.
        """
        path = self.pupil_path(pupil_id)
        target = self.trash_dir / path.name
        with files.save_lock(path):
            if not path.exists():
                raise NotFoundError(f"no pupil with id {pupil_id} in {self.root}")
            if only_at_revision is not None:
                current = self._read_path(path)
                if current.revision != only_at_revision:
                    raise SaveConflict(current, current)
            files.ensure_folder(self.trash_dir)
            self._move_old_trash_to_history(target)
            os.replace(path, target)

    def restore(self, pupil_id: str) -> Pupil:
        """Bring a pupil back from the trash."""
        path = self.pupil_path(pupil_id)
        source = self.trash_dir / path.name
        with files.save_lock(path):
            if path.exists():
                raise FileExistsError(f"{self.relative(path)} already exists; nothing was restored")
            if not source.exists():
                raise NotFoundError(f"no pupil with id {pupil_id} in the trash")
            pupil = self.read_file(source)
            files.ensure_folder(self.pupils_dir)
            os.replace(source, path)
        return pupil

    def history(self, pupil_id: str) -> list[int]:
        """Revisions in history (routine and kept), newest first."""
        return sorted({e.revision for e in self.history_entries(pupil_id)}, reverse=True)

    def history_entries(self, pupil_id: str) -> list[HistoryEntry]:
        """Every earlier version in history, newest first (routine before kept at a tie)."""
        routine = [HistoryEntry(r, p, False) for r, p in self._history_files(pupil_id).items()]
        kept = [HistoryEntry(r, p, True) for r, p in self._kept_files(pupil_id).items()]
        return sorted(routine + kept, key=lambda e: (-e.revision, e.kept))

    def load_revision(self, pupil_id: str, revision: int) -> Pupil:
        """Revision ``revision`` from history: the routine one, else the one kept on purpose."""
        folder = self.history_dir / _checked_id(pupil_id)
        path = folder / f"{revision}.json"
        if not path.exists():
            path = folder / f"{KEPT_PREFIX}{revision}.json"
        if not path.exists():
            raise NotFoundError(f"revision {revision} of {pupil_id} is not in history")
        return self.read_history_file(path)

    def restore_revision(self, pupil_id: str, revision: int, *, by: str = "") -> Pupil:
        """Save revision ``revision`` from history back as the pupil's newest revision; the
        version it replaces is kept in history for good. Raises SaveConflict, writing nothing,
        if the pupil's file changes meanwhile (another laptop saved it)."""
        old = self.load_revision(pupil_id, revision)
        if old.id != pupil_id:
            where = self.relative(self.history_dir / pupil_id)
            raise PupilFileError(
                [Problem(where, "id", f"revision {revision} holds pupil {old.id}, not this one")]
            )
        current = self._read_optional(self.pupil_path(pupil_id))
        at = current.revision if current else 0
        saved = self.save(old.model_copy(update={"revision": at}), by=by, keep_replaced=True)
        if current is None:  # back from the trash: its copy there is kept in history, not left
            trashed = self.trash_dir / f"{pupil_id}{PUPIL_SUFFIX}"
            with contextlib.suppress(OSError):
                self._move_old_trash_to_history(trashed)
                trashed.unlink(missing_ok=True)
        return saved

    def read_history_file(self, path: Path) -> Pupil:
        """One file of history/<id>/ (routine or kept)."""
        data = read_bytes(path, self.relative(path))
        # The file name is the revision, not the pupil id, so parse without the name check.
        where = self.relative(path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PupilFileError([Problem(where, "", "is not UTF-8 text")]) from None
        try:
            return load_pupil_json(text)
        except ValidationError as error:  # said in words, field by field, as for a pupil file
            raise explain(where, text, error) from None

    def _history_files(self, pupil_id: str, prefix: str = "") -> dict[int, Path]:
        """The routine revisions in history (``<revision>.json``), or with ``prefix`` the
        versions kept on purpose (``kept-<revision>.json``)."""
        folder = self.history_dir / _checked_id(pupil_id)
        found: dict[int, Path] = {}
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            for entry in os.scandir(folder):
                stem, dot, ext = entry.name.partition(".")
                number = stem.removeprefix(prefix) if stem.startswith(prefix) else ""
                if dot and ext == "json" and number.isdigit() and number.isascii():
                    found[int(number)] = Path(entry.path)
        return found

    def _kept_files(self, pupil_id: str) -> dict[int, Path]:
        return self._history_files(pupil_id, KEPT_PREFIX)

    def _last_known_revision(self, pupil_id: str) -> int:
        """The highest revision this pupil ever had: in history (routine or kept) or in the
        trash (0: none)."""
        known = [*self._history_files(pupil_id), *self._kept_files(pupil_id)]
        with contextlib.suppress(PupilFileError, OSError):
            known.append(self.read_file(self.trash_dir / f"{pupil_id}.json").revision)
        return max(known, default=0)

    def keep_in_history(self, pupil: Pupil, *, now: dt.datetime | None = None) -> int:
        """Keep ``pupil`` (a version someone chose not to keep) in history as the next revision
        after every one known, for good (never trimmed), dated now; the file's content is not
        touched. Returns that revision."""
        path = self.pupil_path(pupil.id)
        with files.save_lock(path) as held:
            where = self.relative(path)
            try:
                data: bytes | None = read_bytes(path, where)
            except FileNotFoundError:
                data = None
            current = None if data is None else parse(where, path.name, data)
            known = max(self._last_known_revision(pupil.id), current.revision if current else 0)
            stamp = (now or clock.now()).astimezone(dt.UTC).replace(microsecond=0)
            kept = pupil.model_copy(update={"revision": known + 1, "updated_at": stamp.isoformat()})
            if current is not None:
                # The file moves past the kept version, so history stays in order.
                self._keep_in_history(current, data or b"")
                self._keep_in_history(kept, kept.to_json().encode("utf-8"), kept=True)
                files.write_atomic(
                    path,
                    current.model_copy(update={"revision": known + 2}).to_json().encode(),
                    before_replace=lambda: self._confirm(held, path, current, data),
                )
            else:
                self._keep_in_history(kept, kept.to_json().encode("utf-8"), kept=True)
        return known + 1

    def _keep_in_history(self, pupil: Pupil, data: bytes, *, kept: bool = False) -> None:
        """Put ``pupil`` in its history; then trim the routine revisions to the last
        HISTORY_KEPT. Versions kept on purpose (``kept``) are never trimmed."""
        folder = self.history_dir / pupil.id
        files.write_new(folder / f"{KEPT_PREFIX if kept else ''}{pupil.revision}.json", data)
        routine = self._history_files(pupil.id)
        for revision in sorted(routine)[:-HISTORY_KEPT]:
            with contextlib.suppress(FileNotFoundError):
                routine[revision].unlink()

    def _move_old_trash_to_history(self, target: Path) -> None:
        if not target.exists():
            return
        try:
            old = self.read_file(target)
        except PupilFileError:
            # Not readable: keep it beside the trash under a name that cannot clash.
            os.replace(target, target.with_name(f"{target.stem}.{uuid.uuid4().hex[:8]}.damaged"))
            return
        # A pupil deleted once more: the earlier deleted copy is kept for good.
        self._keep_in_history(old, target.read_bytes(), kept=True)

    # -- photos -----------------------------------------------------------------------------

    def import_photo(self, pupil_id: str, source: Path) -> str:
        """Store a cleaned copy of ``source`` as the pupil's photo; return its file name.

        Raises PhotoError with a message for the user when the file is not a usable photo.
        """
        data = clean_photo(source)
        name = photo_file_name(_checked_id(pupil_id), data)
        # The same picture chosen again has the same name and bytes; writing it again also
        # makes it new, so no laptop removes it as unused before its pupil saves.
        files.write_atomic(self.photos_dir / name, data)
        return name


def _checked_id(pupil_id: str) -> str:
    if not is_valid_id(pupil_id):
        raise ValueError(f"{pupil_id!r} is not a pupil id")
    return pupil_id


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading thousands of small models is much faster without the cyclic GC running.

    Nothing is frozen here: a freeze on every rescan would also freeze whatever cyclic garbage
    the app made meanwhile, for good. The app freezes once, at start-up (gui/app.py, cli.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
