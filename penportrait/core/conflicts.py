"""Conflict copies in the data folder: find them, merge them, keep every byte.

A conflict copy of a pupil is merged into the pupil's file three-way (core.merge) against the
revision both were edited from, found in ``history/<id>/<revision>.json``. A merge with no
clash is saved through the store as a normal new revision (the file it replaces goes to history
as usual), and only then does the copy leave ``pupils/``: its exact bytes are first written to
``trash/conflict-copies/`` and read back. A copy with a clash is left exactly as it is until a
person chooses, field by field (the app's dialog, or ``resolve`` here).

School-wide files (school.json, strategies.json, plain_english.json) are recognised and
reported; they are merged by a person for now.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from penportrait.core import files, pupil_file
from penportrait.core.conflict_names import (
    recognise_pupil_copy,
    recognise_school_copy,
)
from penportrait.core.folder import DataFolder
from penportrait.core.merge import Clash, MergeResult, Side, merge3
from penportrait.core.model import Pupil, load_pupil_json
from penportrait.core.store import (
    KEPT_PREFIX,
    MAX_PUPIL_FILE_BYTES,
    Problem,
    PupilFileError,
    PupilTooBig,
    SaveConflict,
    Store,
)

# files.write_new's name for a history file written beside another one of the same revision.
_SECOND_HISTORY_VERSION: Final = re.compile(r"(\d+)\.[0-9a-f]{8}\.json")


class CopyChanged(OSError):
    """The conflict copy changed on disk after it was read; nothing was written."""


@dataclass(frozen=True)
class ConflictCopy:
    """One conflict copy on disk."""

    path: Path
    original: Path  # the file it is a copy of
    client: str
    school_wide: bool = False
    origin: str = ""  # "device ABCDEF7", "computer TA-LAPTOP-3" ... when the name tells

    @property
    def source(self) -> str:
        """Which client made the copy, and from where when its name tells: for people."""
        return f"{self.client}, {self.origin}" if self.origin else self.client

    @property
    def pupil_id(self) -> str:
        return "" if self.school_wide else self.original.name.removesuffix(".json")


@dataclass
class CopyReport:
    """What a conflict copy holds compared with the file it belongs to."""

    copy: ConflictCopy
    where: str  # relative to the data folder
    belongs_to: str  # relative path of the original
    pupil_name: str = ""
    merge: MergeResult | None = None
    has_base: bool = False
    problem: str = ""  # why it cannot be merged automatically (besides clashes)
    kept: Pupil | None = None
    theirs: Pupil | None = None
    copy_bytes: bytes = b""  # the copy as it was read, so a later change is noticed
    # Which side is exactly an earlier revision of the other (so it is the base): "copy" for a
    # stale copy that adds nothing, "kept" when the copy is a newer version of the file.
    older: Side | None = None

    @property
    def clashes(self) -> list[Clash]:
        return self.merge.clashes if self.merge else []

    @property
    def needs_person(self) -> bool:
        return bool(self.problem or self.clashes)

    def describe(self) -> str:
        """One line a person can read."""
        who = f"{self.pupil_name} ({self.belongs_to})" if self.pupil_name else self.belongs_to
        head = f"{self.where}: a {self.copy.client} conflict copy of {who}"
        if self.problem:
            return f"{head}; {self.problem}"
        assert self.merge is not None
        parts = []
        if self.clashes:
            names = ", ".join(c.label for c in self.clashes)
            parts.append(f"needs a person for: {names}")
        if self.merge.from_copy:
            parts.append(f"the copy changed: {', '.join(dict.fromkeys(self.merge.from_copy))}")
        if not self.has_base:
            parts.append("no common base in history yet, so every difference is a clash")
        if self.older == "copy" and self.theirs is not None:
            return (
                f"{head}; an older version (revision {self.theirs.revision}) of the pupil's "
                "file, which already holds everything in it"
            )
        if self.older == "kept" and self.theirs is not None:
            parts.insert(0, f"a newer version (revision {self.theirs.revision}) of the file")
        return f"{head}; " + ("; ".join(parts) if parts else "the same as the pupil's file")

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.where,
            "belongs_to": self.belongs_to,
            "pupil_id": self.copy.pupil_id,
            "pupil": self.pupil_name,
            "client": self.copy.client,
            "school_wide": self.copy.school_wide,
            "has_base": self.has_base,
            "older": self.older,
            "needs_person": self.needs_person,
            "problem": self.problem,
            "clashes": [c.label for c in self.clashes],
            "changed_in_copy": list(dict.fromkeys(self.merge.from_copy)) if self.merge else [],
        }


@dataclass
class MergeSummary:
    merged: list[CopyReport] = field(default_factory=list)
    need_person: list[CopyReport] = field(default_factory=list)


def find_copies(root: Path) -> list[ConflictCopy]:
    """Every conflict copy in pupils/ and of the school-wide files, by name."""
    found: list[ConflictCopy] = []
    pupils = DataFolder(root).pupils
    names = _names(pupils)
    beside = set(names)
    for name in names:
        recognised = recognise_pupil_copy(name, beside)
        if recognised:
            found.append(
                ConflictCopy(
                    pupils / name,
                    pupils / recognised.original,
                    recognised.client,
                    origin=recognised.origin,
                )
            )
    for name in _names(root):
        recognised = recognise_school_copy(name)
        if recognised:
            found.append(
                ConflictCopy(root / name, root / recognised.original, recognised.client, True)
            )
    return found


def _names(folder: Path) -> list[str]:
    try:
        return sorted(
            e.name
            for e in os.scandir(folder)
            if e.is_file() and not files.is_temporary_name(e.name)
        )
    except (FileNotFoundError, NotADirectoryError):
        return []


def examine(store: Store, copy: ConflictCopy) -> CopyReport:
    """Read a copy and the file it belongs to, find the base, and merge them (in memory)."""
    report = CopyReport(copy, store.relative(copy.path), store.relative(copy.original))
    if copy.school_wide:
        report.problem = (
            "school-wide files are not merged automatically: compare the two files, keep the "
            "right one, and move the other out of the data folder"
        )
        return report
    try:
        report.copy_bytes, theirs = _read_copy(store, copy)
    except PupilFileError as error:
        report.problem = f"it could not be read ({error}); it was left as it is"
        return report
    report.theirs = theirs
    report.pupil_name = theirs.display_name
    if theirs.id != copy.pupil_id:
        report.problem = f"it holds pupil {theirs.id}, not {copy.pupil_id}; it was left as it is"
        return report
    try:
        kept = store.read_file(copy.original)
    except FileNotFoundError:
        report.problem = (
            f"{report.belongs_to} is missing (deleted on another laptop?); restore the copy by "
            "renaming it, or move it away"
        )
        return report
    except PupilFileError as error:
        report.problem = f"{report.belongs_to} could not be read ({error})"
        return report
    report.kept = kept
    report.pupil_name = kept.display_name
    base = find_base(store, kept, theirs)
    report.has_base = base is not None
    report.older = "copy" if base is theirs else "kept" if base is kept else None
    report.merge = merge3(
        base.model_dump(mode="json") if base else None,
        kept.model_dump(mode="json"),
        theirs.model_dump(mode="json"),
    )
    return report


def _read_copy(store: Store, copy: ConflictCopy) -> tuple[bytes, Pupil]:
    where = store.relative(copy.path)
    try:
        size = copy.path.stat().st_size
        if size > MAX_PUPIL_FILE_BYTES:
            raise PupilFileError(
                [Problem(where, "", f"is {size / 1_048_576:.1f} MB, far too big for a pupil file")]
            )
        data = copy.path.read_bytes()
    except OSError as error:
        raise PupilFileError([Problem(where, "", str(error.strerror or error))]) from None
    try:
        # A copy from a laptop with an older PenPortrait is read as the store reads its files.
        return data, load_pupil_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PupilFileError([Problem(where, "", "is not UTF-8 text")]) from None
    except ValidationError as error:
        # The store's own words (a newer PenPortrait, another kind of file ...); the store's
        # reader itself cannot be used: it insists on the file being named after the pupil.
        raise pupil_file.explain(where, data.decode("utf-8-sig"), error) from None


def find_base(store: Store, kept: Pupil, theirs: Pupil) -> Pupil | None:
    """The revision both versions were edited from, if history holds it for certain.

    When one side is exactly a revision the other side's line of history went through, that
    side is itself the base: an older copy adds nothing, and a newer copy moves the file on
    (a fast-forward). Comparing against an older revision instead would bring back whatever
    the newer side had undone since.

    Otherwise both sides went through every revision below the lower of their two; the newest
    of those that history holds without a conflict copy of its own (which would mean the sides
    had already parted there) is the base. A revision missing from history, or one that does
    not fit (another pupil, another revision, saved after either side), means nothing is known
    for certain, so None.
    """
    folder = store.history_dir / kept.id
    files_by_name = _history_names(folder)
    names = set(files_by_name)
    # A revision with a second version beside it (a sync client's copy, or the store's own
    # "<revision>.<8 hex>.json" when a synced history file was already there) is where the
    # two sides parted.
    diverged = {_version_of(n) for n in names} - {""}
    lower, higher = (kept, theirs) if kept.revision <= theirs.revision else (theirs, kept)
    if lower.revision < higher.revision:
        # The higher side went through the lower side's revision: is that revision the lower
        # side itself?
        name = f"{lower.revision}.json"
        if name not in names:
            return None  # its line of history has not synced yet: nothing is certain
        versions = [folder / files_by_name[n] for n in names if n == name or _version_of(n) == name]
        same = [v for v in versions if _holds(store, v, lower)]
        if same and name in diverged:
            return None  # two versions of that revision: which one it went through is unknown
        if same:
            return lower
    for revision in range(lower.revision - 1, 0, -1):
        name = f"{revision}.json"
        if name not in names:
            return None
        if name in diverged:
            continue
        try:
            base = store.load_revision(kept.id, revision)
        except (PupilFileError, OSError):
            return None
        if not _fits(base, revision, kept, theirs):
            return None
        return base
    return None


def _history_names(folder: Path) -> dict[str, str]:
    """The files of a pupil's history by the revision each holds: a version kept on purpose
    (``kept-3.json``) stands for revision 3 where no routine ``3.json`` is there (it is the
    file's own revision 3 when theirs was kept for "Keep mine")."""
    found = {name: name for name in _names(folder) if not name.startswith(KEPT_PREFIX)}
    for name in _names(folder):
        if name.startswith(KEPT_PREFIX):
            found.setdefault(name.removeprefix(KEPT_PREFIX), name)
    return found


def _version_of(name: str) -> str:
    """The history file ``name`` is a second version of ("3.json"), or ""."""
    store_made = _SECOND_HISTORY_VERSION.fullmatch(name)
    if store_made:
        return f"{store_made[1]}.json"
    recognised = recognise_pupil_copy(name)
    return recognised.original if recognised is not None else ""


def _holds(store: Store, path: Path, pupil: Pupil) -> bool:
    """Whether the history file at ``path`` is exactly ``pupil`` (every field, every stamp)."""
    try:
        data = path.read_bytes()
        if len(data) > MAX_PUPIL_FILE_BYTES:
            return False
        found = load_pupil_json(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValidationError, RecursionError):
        return False
    return found.model_dump(mode="json") == pupil.model_dump(mode="json")


def _fits(base: Pupil, revision: int, kept: Pupil, theirs: Pupil) -> bool:
    """A history file can be the base only if it is this pupil, at the revision its name
    says, saved no later than either side."""
    if base.id != kept.id or base.revision != revision:
        return False
    # A base saved after either side cannot be what that side was edited from: the other
    # side's history has not synced yet, so nothing is known for certain.
    stamps = [p.updated_at for p in (kept, theirs) if p.updated_at]
    return not (base.updated_at and any(_later(base.updated_at, stamp) for stamp in stamps))


def _later(a: str, b: str) -> bool:
    try:
        return dt.datetime.fromisoformat(a) > dt.datetime.fromisoformat(b)
    except (TypeError, ValueError):
        return False


def report_all(store: Store) -> list[CopyReport]:
    return [examine(store, copy) for copy in find_copies(store.root)]


def copy_problems(store: Store) -> list[Problem]:
    """Each conflict copy as a problem for ``check``, named with the pupil it belongs to."""
    problems = []
    for report in report_all(store):
        whose = (
            f"{report.pupil_name} ({report.belongs_to})" if report.pupil_name else report.belongs_to
        )
        problems.append(Problem(report.where, "", _what_it_is(report, whose)))
    return problems


# Every advice keeps the copy: it may hold the only record of another laptop's edits.
KEEP_IT: Final = "do not delete it: it holds edits made on another laptop"


def _what_it_is(report: CopyReport, whose: str) -> str:
    """What ``check`` says of one conflict copy, and what to do about it."""
    head = f"is a {report.copy.client} conflict copy of {whose}"
    if report.copy.school_wide:
        return (
            f"{head}; compare the two files, keep the right one, and move the other out of the "
            "folder only once you are sure nothing in it is needed"
        )
    if report.problem:
        return f"{head} that cannot be merged ({report.problem}); {KEEP_IT}"
    if report.clashes:
        return (
            f"{head}; both laptops changed the same thing, so a person must choose: open the "
            f"app, Tools > Resolve sync conflicts… ({KEEP_IT})"
        )
    return f"{head}; 'penportrait conflicts --merge', or opening the app, merges it"


def merge_all(store: Store, *, by: str = "", skip: Collection[str] = ()) -> MergeSummary:
    """Merge every copy without a clash; leave the rest exactly as they are.

    ``skip``: pupil ids not to merge now (the app passes the pupil being edited).
    """
    summary = MergeSummary()
    for copy in find_copies(store.root):
        if copy.pupil_id in skip:
            continue
        # Read each copy only now: an earlier copy of the same pupil may just have moved the
        # pupil's file on, and this one merges against that.
        report = examine(store, copy)
        if report.needs_person:
            summary.need_person.append(report)
            continue
        try:
            apply(store, report, {}, by=by)
        except (SaveConflict, PupilFileError, PupilTooBig, OSError) as error:
            report.problem = f"not merged: {error}; it was left as it is"
            summary.need_person.append(report)
        else:
            summary.merged.append(report)
    return summary


def apply(store: Store, report: CopyReport, choices: dict[str, Side], *, by: str = "") -> Pupil:
    """Save the merge (clashes settled by ``choices``) as a new revision; then move the copy
    out of pupils/ once its bytes are safe in the trash. Raises, changing nothing, if the
    pupil's file moved on meanwhile (SaveConflict) or the copy changed since it was read."""
    assert report.merge is not None and report.kept is not None
    data = report.merge.resolved(choices)
    data["revision"] = report.kept.revision
    merged = Pupil.model_validate_json(json.dumps(data))
    copy_bytes = report.copy.path.read_bytes()
    if copy_bytes != report.copy_bytes:
        raise CopyChanged(f"{report.where} changed while it was being merged; look again")
    _keep_bytes(store, report.copy.path.name, copy_bytes)
    if _content(merged) == _content(report.kept):
        saved = report.kept  # the copy adds nothing: no new revision, the copy just leaves
    else:
        _keep_overwritten_history(store, report.kept)
        saved = store.save(merged, by=by or report.kept.updated_by)
    if report.copy.path.read_bytes() == copy_bytes:
        report.copy.path.unlink()
    return saved


def _content(pupil: Pupil) -> dict[str, Any]:
    data = pupil.model_dump(mode="json")
    for key in ("revision", "updated_at", "updated_by"):
        data.pop(key, None)
    return data


def _keep_bytes(store: Store, name: str, data: bytes) -> Path:
    """Write ``data`` to trash/conflict-copies/ under a free name; read it back to be sure."""
    folder = store.folder.conflict_copies
    target = folder / name
    n = 1
    while target.exists():
        if target.read_bytes() == data:
            return target
        n += 1
        target = folder / f"{Path(name).stem}.{n}.json"
    files.write_atomic(target, data)
    if target.read_bytes() != data:
        raise OSError(f"the copy kept in {store.relative(target)} does not read back the same")
    return target


def _keep_overwritten_history(store: Store, kept: Pupil) -> None:
    """Saving puts the kept file in history/<id>/<its revision>.json. When the other side's
    history already has a different file there, keep that one in the trash first."""
    path = store.history_dir / kept.id / f"{kept.revision}.json"
    if path.exists() and path.read_bytes() != store.pupil_path(kept.id).read_bytes():
        _keep_bytes(store, f"{kept.id}.history-{kept.revision}.json", path.read_bytes())
