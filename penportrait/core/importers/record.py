"""The record of an import, kept in the data folder so that it can be undone later.

``imports/<when>-<random>.jsonl``: a first line naming the import, then one line per pupil the
import saved (id, the revision before or none when the import added it, the revision after),
each appended and flushed as the import goes, so a record survives a crash or a restart and
can be undone from the app or with ``penportrait undo-import``. Undo touches only pupils still
at the revision the import left them at; every other pupil is named, and left as it is.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from penportrait.core import clock, files
from penportrait.core.model import is_valid_id
from penportrait.core.store import NotFoundError, PupilFileError, SaveConflict, Store

FOLDER: Final = "imports"
SUFFIX: Final = ".jsonl"
UNDONE_SUFFIX: Final = ".undone"
FORMAT: Final = "penportrait.import"


@dataclass(frozen=True)
class Touched:
    """A pupil an import saved: its id, the revision before (None: the import added it), and
    the revision the import left it at."""

    pupil_id: str
    revision_before: int | None
    revision_after: int = 0


@dataclass
class ImportRecord:
    path: Path
    source: str = ""
    started: str = ""
    touched: list[Touched] = field(default_factory=list)


class RecordWriter:
    """Appends to a new record as an import saves each pupil."""

    def __init__(self, store: Store, source: str, by: str) -> None:
        folder = store.root / FOLDER
        files.ensure_folder(folder)
        stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
        self.path = folder / f"{stamp}-{secrets.token_hex(4)}{SUFFIX}"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, files.FILE_MODE)
        self._stream = os.fdopen(fd, "w", encoding="utf-8")
        header = {"format": FORMAT, "source": source, "started": clock.now().isoformat(), "by": by}
        self._write(header)

    def add(self, touched: Touched) -> None:
        self._write(
            {
                "id": touched.pupil_id,
                "before": touched.revision_before,
                "after": touched.revision_after,
            }
        )

    def close(self) -> None:
        self._stream.close()

    def _write(self, line: Mapping[str, object]) -> None:
        self._stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self._stream.flush()
        os.fsync(self._stream.fileno())


def read_record(path: Path) -> ImportRecord:
    """The record at ``path``; a line torn by a crash, or not understood, is skipped."""
    record = ImportRecord(path)
    with path.open(encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream):
            try:
                item = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if not isinstance(item, dict):
                continue
            if number == 0 and item.get("format") == FORMAT:
                record.source = str(item.get("source", ""))
                record.started = str(item.get("started", ""))
                continue
            pupil_id, before, after = item.get("id"), item.get("before"), item.get("after")
            if (
                isinstance(pupil_id, str)
                and is_valid_id(pupil_id)
                and (before is None or isinstance(before, int))
                and isinstance(after, int)
            ):
                record.touched.append(Touched(pupil_id, before, after))
    return record


def last_import(store: Store) -> ImportRecord | None:
    """The newest import not yet undone, if any."""
    folder = store.root / FOLDER
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(folder)
            if entry.name.endswith(SUFFIX)
            and not entry.name.endswith(UNDONE_SUFFIX + SUFFIX)
            and entry.is_file(follow_symlinks=False)
        )
    except FileNotFoundError:
        return None
    return read_record(folder / names[-1]) if names else None


@dataclass
class UndoReport:
    undone: list[str] = field(default_factory=list)  # names put back (or moved to the trash)
    left: list[str] = field(default_factory=list)  # each pupil left as it is, and why


def undo(record: ImportRecord, store: Store, *, by: str = "") -> UndoReport:
    """Put back each pupil the import saved, if nobody changed it since; name the others."""
    report = UndoReport()
    for touched in reversed(record.touched):
        try:
            current = store.load(touched.pupil_id)
        except NotFoundError:
            continue  # already deleted: nothing to put back
        except (PupilFileError, OSError, ValueError) as error:
            report.left.append(f"{touched.pupil_id}: could not be read ({error}); left as it is")
            continue
        name = current.display_name
        if current.revision != touched.revision_after:
            who = f" by {current.updated_by}" if current.updated_by else ""
            report.left.append(
                f"{name}: changed since the import{who} (revision {current.revision}); "
                "left as it is"
            )
            continue
        try:
            if touched.revision_before is None:
                _delete_if_unchanged(store, touched)
            else:
                previous = store.load_revision(touched.pupil_id, touched.revision_before)
                store.save(
                    previous.model_copy(update={"revision": current.revision}),
                    by=by or "undo import",
                )
        except SaveConflict:
            report.left.append(f"{name}: changed while undoing; left as it is")
            continue
        except (LookupError, OSError, ValueError) as error:
            report.left.append(f"{name}: could not be put back ({error})")
            continue
        report.undone.append(name)
    _mark_undone(record)
    return report


def _delete_if_unchanged(store: Store, touched: Touched) -> None:
    store.delete(touched.pupil_id, only_at_revision=touched.revision_after)


def _mark_undone(record: ImportRecord) -> None:
    target = record.path.with_name(record.path.name.removesuffix(SUFFIX) + UNDONE_SUFFIX + SUFFIX)
    with contextlib.suppress(FileNotFoundError):
        os.replace(record.path, target)
