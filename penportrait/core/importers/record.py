"""The record of an import, kept in the data folder so that it can be undone later.

``imports/import-<number>.jsonl``, numbered one higher than any record before it: a first line
naming the import, then for each pupil an intent line written before its save (id, the revision
before or none when the import added it, a fingerprint of the pupil exactly as it is about to
be written) and, after the save, a completion line (id, revision before, revision after) or a
line saying the save failed. Each line is appended and fsynced as the import goes, so a record
survives a crash, a kill or a restart and can be undone from the app or with ``penportrait
undo-import``. Undo touches only pupils still at the revision the import left them at, or, for
an intent with no completion (the import was stopped mid-save), only a pupil whose file is
exactly what the import wrote; every other pupil is named, and left as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypeGuard

from penportrait.core import clock, files
from penportrait.core.folder import IMPORTS
from penportrait.core.model import Pupil, is_valid_id
from penportrait.core.store import NotFoundError, PupilFileError, SaveConflict, Store

SUFFIX: Final = ".jsonl"
UNDONE_SUFFIX: Final = ".undone"
FORMAT: Final = "penportrait.import"
SEQUENCE_PREFIX: Final = "import-"
VERSION: Final = 2  # records with an intent line before each save
MAX_LINE: Final = 64 * 1024  # an import writes lines of a few hundred bytes
_NUMBERED: Final = re.compile(r"import-(\d{1,18})(?:\.|$)")


@dataclass(frozen=True)
class Touched:
    """A pupil an import saved: its id, the revision before (None: the import added it), and
    the revision the import left it at."""

    pupil_id: str
    revision_before: int | None
    revision_after: int = 0


@dataclass(frozen=True)
class Intent:
    """A pupil the import was about to save when it stopped (a crash, a kill): whether it was
    saved is not known. ``fingerprint`` is that of the pupil as the import would have written
    it (see fingerprint()), so undo can tell whether the file on disk is exactly that."""

    pupil_id: str
    revision_before: int | None
    fingerprint: str


@dataclass
class ImportRecord:
    path: Path
    source: str = ""
    started: str = ""
    touched: list[Touched] = field(default_factory=list)
    interrupted: list[Intent] = field(default_factory=list)
    by: str = ""  # who imported: every pupil the import saved was saved by this name
    with_intents: bool = False  # written by a version that puts an intent before each save
    damaged: str | None = None  # where the record is not what an import writes


def fingerprint(pupil: Pupil) -> str:
    """What a saved pupil is, apart from its revision (not known before the save)."""
    data = pupil.model_copy(update={"revision": 0}).to_json().encode("utf-8")
    return hashlib.sha256(data).hexdigest()


class RecordWriter:
    """Appends to a new record as an import saves each pupil."""

    def __init__(self, store: Store, source: str, by: str) -> None:
        folder = store.folder.imports
        files.ensure_folder(folder)
        # Imports are ordered by a number one higher than any record's (undone ones too), not
        # by a clock: a laptop whose clock is behind, or two imports in one second, must not
        # make undo pick the older import. The name is the number, taken with O_EXCL: two
        # laptops cannot both have it; the one that loses takes the next.
        number = _last_number(folder) + 1
        while True:
            self.path = folder / f"{SEQUENCE_PREFIX}{number:06d}{SUFFIX}"
            try:
                fd = os.open(
                    self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, files.FILE_MODE
                )
                break
            except FileExistsError:
                number += 1
        self._stream = os.fdopen(fd, "w", encoding="utf-8")
        header = {
            "format": FORMAT,
            "version": VERSION,
            "source": source,
            "started": clock.now().isoformat(),
            "by": by,
        }
        self._write(header)

    def intend(self, pupil: Pupil, revision_before: int | None) -> None:
        """Before a save: ``pupil`` exactly as it is about to be written (bar its revision).
        A crash between the save and add() leaves this line without its completion."""
        self._write(
            {"intent": pupil.id, "before": revision_before, "fingerprint": fingerprint(pupil)}
        )

    def failed(self, pupil_id: str) -> None:
        """The save announced by intend() wrote nothing."""
        self._write({"failed": pupil_id})

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
    """The record at ``path``. Only a last line torn by a crash is skipped: any other line
    that is not what the import writes (damage, an edit by hand) makes the record damaged
    (``ImportRecord.damaged`` says where), and undo then touches nothing. A line is read up
    to MAX_LINE bytes, so a huge one is never read into memory whole."""
    record = ImportRecord(path)
    pending: dict[str, Intent] = {}  # intents not (yet) followed by their completion
    with path.open("rb") as stream:
        number = 0
        while True:
            raw = stream.readline(MAX_LINE + 1)
            if not raw:
                break
            number += 1
            problem = _read_line(record, pending, number, raw)
            if problem is None:
                continue
            if raw.endswith(b"\n") or number == 1 or len(raw) > MAX_LINE:
                record.damaged = f"{IMPORTS}/{path.name}, line {number}: {problem}"
                break
            # The last line, without its end: torn by a crash while it was written.
    record.interrupted = list(pending.values())
    return record


def _read_line(
    record: ImportRecord, pending: dict[str, Intent], number: int, raw: bytes
) -> str | None:
    """Take one line into ``record``; what is wrong with it, or None."""
    if len(raw) > MAX_LINE:
        return "far longer than any line an import writes"
    try:
        item = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return "not a line an import writes (damaged?)"
    if not isinstance(item, dict):
        return "not a line an import writes (damaged?)"
    if number == 1:
        if item.get("format") != FORMAT:
            return "this is not an import record"
        record.source = str(item.get("source", ""))
        record.started = str(item.get("started", ""))
        by = item.get("by")
        if not isinstance(by, str) or not by:
            return "it does not say who imported"
        record.by = by
        record.with_intents = item.get("version") == VERSION
        return None
    before = item.get("before")
    if "intent" in item:
        pupil_id, print_ = item.get("intent"), item.get("fingerprint")
        if not (_is_id(pupil_id) and _is_revision(before) and _is_fingerprint(print_)):
            return "an unreadable pupil line"
        pending[pupil_id] = Intent(pupil_id, before, print_)
        return None
    if "failed" in item:
        if pending.pop(str(item.get("failed")), None) is None:
            return "a failed save that was never begun"
        return None
    pupil_id, after = item.get("id"), item.get("after")
    if not (_is_id(pupil_id) and _is_revision(before) and isinstance(after, int) and after > 0):
        return "an unreadable pupil line"
    intent = pending.pop(pupil_id, None)
    if record.with_intents and (intent is None or intent.revision_before != before):
        return "a pupil the import never said it was saving"
    record.touched.append(Touched(pupil_id, before, after))
    return None


def _is_fingerprint(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value) is not None


def _is_id(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and is_valid_id(value)


def _is_revision(value: object) -> TypeGuard[int | None]:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def last_import(store: Store) -> ImportRecord | None:
    """The newest import not yet undone, if any: the highest number (older records, named by
    their time, come before every numbered one)."""
    folder = store.folder.imports
    names = [name for name in _names(folder) if not name.endswith(UNDONE_SUFFIX + SUFFIX)]
    if not names:
        return None
    newest = max(names, key=lambda name: (_number(name) or -1, name))
    return read_record(folder / newest)


def _names(folder: Path) -> list[str]:
    """Every record's name (undone ones too)."""
    try:
        return [
            entry.name
            for entry in os.scandir(folder)
            if entry.name.endswith(SUFFIX) and entry.is_file(follow_symlinks=False)
        ]
    except FileNotFoundError:
        return []


def _number(name: str) -> int | None:
    found = _NUMBERED.match(name)
    return int(found.group(1)) if found else None


def _last_number(folder: Path) -> int:
    return max((n for n in map(_number, _names(folder)) if n is not None), default=0)


@dataclass
class UndoReport:
    undone: list[str] = field(default_factory=list)  # names put back (or moved to the trash)
    left: list[str] = field(default_factory=list)  # each pupil left as it is, and why


def undo(record: ImportRecord, store: Store, *, by: str = "") -> UndoReport:
    """Put back each pupil the import saved, if nobody changed it since; name the others."""
    report = UndoReport()
    if record.damaged:
        report.left.append(f"the import record is damaged ({record.damaged}); nothing was undone")
        return report  # not acted on, and kept (not marked undone) for whoever looks into it
    for intent in reversed(record.interrupted):
        _undo_interrupted(intent, store, by, report)
    for touched in reversed(record.touched):
        try:
            current = store.load(touched.pupil_id)
        except NotFoundError:
            continue  # already deleted: nothing to put back
        except (PupilFileError, OSError, ValueError) as error:
            report.left.append(f"{touched.pupil_id}: could not be read ({error}); left as it is")
            continue
        name = current.display_name
        if current.revision != touched.revision_after or current.updated_by != record.by:
            who = f" by {current.updated_by}" if current.updated_by else ""
            report.left.append(
                f"{name}: changed since the import{who} (revision {current.revision}); "
                "left as it is"
            )
            continue
        _put_back(store, touched, name, by, report)
    _mark_undone(record)
    return report


def _undo_interrupted(intent: Intent, store: Store, by: str, report: UndoReport) -> None:
    """A save the import began but did not record as done (it was stopped mid-save). The
    pupil is put back only if its file is exactly what the import was writing; else named."""
    try:
        current = store.load(intent.pupil_id)
    except NotFoundError:
        return  # never saved (or deleted since): nothing to put back
    except (PupilFileError, OSError, ValueError) as error:
        report.left.append(f"{intent.pupil_id}: could not be read ({error}); left as it is")
        return
    name = current.display_name
    if fingerprint(current) != intent.fingerprint:
        if current.revision == intent.revision_before:
            why = "the import stopped before saving it; it was not changed"
        else:
            who = f" by {current.updated_by}" if current.updated_by else ""
            why = (
                f"the import stopped while saving it, and it is not as the import left it "
                f"(revision {current.revision}{who}); left as it is"
            )
        report.left.append(f"{name}: {why}")
        return
    _put_back(
        store, Touched(intent.pupil_id, intent.revision_before, current.revision), name, by, report
    )


def _put_back(store: Store, touched: Touched, name: str, by: str, report: UndoReport) -> None:
    """Delete a pupil the import added, or save again the revision it replaced (the pupil is
    at ``touched.revision_after``); say in ``report`` which it was."""
    try:
        if touched.revision_before is None:
            _delete_if_unchanged(store, touched)
        else:
            previous = store.load_revision(touched.pupil_id, touched.revision_before)
            store.save(
                previous.model_copy(update={"revision": touched.revision_after}),
                by=by or "undo import",
            )
    except SaveConflict:
        report.left.append(f"{name}: changed while undoing; left as it is")
        return
    except (LookupError, OSError, ValueError) as error:
        report.left.append(f"{name}: could not be put back ({error})")
        return
    report.undone.append(name)


def _delete_if_unchanged(store: Store, touched: Touched) -> None:
    store.delete(touched.pupil_id, only_at_revision=touched.revision_after)


def _mark_undone(record: ImportRecord) -> None:
    target = record.path.with_name(record.path.name.removesuffix(SUFFIX) + UNDONE_SUFFIX + SUFFIX)
    with contextlib.suppress(FileNotFoundError):
        os.replace(record.path, target)
