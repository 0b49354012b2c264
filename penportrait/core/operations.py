"""What the app does to the data folder, one function per operation, with no Qt.

The window (and anything else: a script, a test) calls these and shows the result; it never
writes a file itself. Each operation either happens or raises OperationFailed, whose text says
in plain words why nothing was changed, so a caller needs to know only one error.
"""

from __future__ import annotations

import contextlib
import hashlib
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from penportrait.core import files, leftovers, school_files
from penportrait.core.access import in_words
from penportrait.core.bank import (
    Bank,
    BankStrategy,
    add_school_strategy,
    new_school_strategy,
    save_school_strategies,
)
from penportrait.core.conflicts import copy_problems
from penportrait.core.folder import logo_file_name
from penportrait.core.model import Pupil
from penportrait.core.photos import PhotoError, clean_photo
from penportrait.core.school import SchoolSettings, load_school, logo_problem, save_school
from penportrait.core.school_files import SchoolFileConflict, SchoolFileError
from penportrait.core.store import FolderScan, NotFoundError, Problem, PupilFileError, Store


class OperationFailed(Exception):
    """The operation did not happen and nothing was changed; the text says why, in words."""


def new_pupil(store: Store) -> Pupil:
    """A blank pupil, not yet written: it is saved only once it has a name."""
    return store.new_pupil("", "")


def delete_pupil(store: Store, pupil_id: str) -> None:
    """Move the pupil's file to trash/ (restorable; history keeps earlier revisions)."""
    try:
        store.delete(pupil_id)
    except (NotFoundError, OSError) as error:
        raise OperationFailed(in_words(error)) from error


def restore_pupil(store: Store, pupil_id: str) -> Pupil:
    """Bring a pupil back from trash/; a pupil file already at that id is never replaced."""
    try:
        return store.restore(pupil_id)
    except (NotFoundError, FileExistsError, PupilFileError, OSError) as error:
        raise OperationFailed(in_words(error)) from error


def add_photo(store: Store, pupil: Pupil, source: Path) -> Pupil:
    """Keep a cleaned copy of ``source`` as the pupil's photo; the pupil now naming it.

    The pupil itself is not saved here: the caller saves it like any other edit.
    """
    try:
        name = store.import_photo(pupil.id, source)
    except (PhotoError, OSError) as error:
        raise OperationFailed(str(error)) from error
    return with_photo(pupil, name)


def with_photo(pupil: Pupil, name: str) -> Pupil:
    """The pupil with ``name`` as its photo file ("" for none)."""
    return pupil.model_copy(update={"pupil": pupil.pupil.model_copy(update={"photo": name})})


def save_settings(root: Path, settings: SchoolSettings, new_logo: Path | None) -> SchoolSettings:
    """Save the school's settings, with a newly chosen logo copied in first; returns them as
    saved. The logo is kept as ``logo.<hash>.jpg``, re-encoded (core.folder names its stem)."""
    try:
        if new_logo is not None:
            name = _logo_copied_in(root, new_logo)
            settings = settings.model_copy(update={"logo": name})
        return save_school(root, settings)
    except (OSError, ValueError, SchoolFileError, SchoolFileConflict) as error:
        raise OperationFailed(in_words(error)) from error


def _logo_copied_in(root: Path, source: Path) -> str:
    """Copy a chosen logo into the data folder as a clean picture (read by Pillow, made afresh
    at print size with no metadata: core.photos); return its name there. A file that is not a
    PNG or JPEG picture is refused, naming it."""
    try:
        logo_file_name(source)
    except ValueError as error:  # the file's own name, as the user chose it
        raise OperationFailed(f"{error}.") from error
    try:
        info = source.lstat()
    except OSError as error:
        raise OperationFailed(f"The logo {source} could not be read: {in_words(error)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OperationFailed(
            f"{source.name} is not a picture file (a link, pipe or folder); choose the logo "
            "picture itself."
        )
    try:
        data = clean_photo(source)
    except PhotoError as error:
        raise OperationFailed(f"The logo was not changed: {error}.") from None
    # A name of its own (clean_photo writes JPEG, whatever came in): settings that are then
    # refused, as a conflict with another laptop's, leave the logo the school has untouched.
    stem = logo_file_name(source.with_suffix(".jpg")).removesuffix(".jpg")
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.jpg"
    files.write_atomic(root / name, data)
    return name


def add_to_bank(root: Path, text: str, needs: Iterable[str]) -> Bank:
    """Add a strategy to the school's bank (filed under the first need); returns the new bank."""
    try:
        return add_school_strategy(root, new_school_strategy(text, needs))
    except (ValueError, OSError, SchoolFileError) as error:
        raise OperationFailed(in_words(error)) from error


def save_bank(root: Path, strategies: list[BankStrategy], revision: int) -> Bank:
    """Replace the school's strategies with ``strategies``, edited from ``revision``."""
    try:
        return save_school_strategies(root, strategies, revision)
    except (OSError, SchoolFileError, SchoolFileConflict) as error:
        raise OperationFailed(in_words(error)) from error


@dataclass(frozen=True)
class FolderCheck:
    """Tools > Check data: every problem found, and how many pupil files were looked at."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def check_folder(store: Store, scan: FolderScan | None = None) -> FolderCheck:
    """Every file of the data folder checked: school-wide files, pupils (``scan``, when the
    caller has just read them), leftovers of crashed saves, photos no file names any more, and
    sync conflict copies. Tools > Check data and ``penportrait check`` both ask this."""
    scan = scan if scan is not None else store.scan()
    logo = logo_problem(store.root, load_school(store.root)[0])
    problems = (
        school_files.check(store.root)
        + ([logo] if logo is not None else [])
        + scan.problems
        + leftovers.temporary_file_problems(store)
        + leftovers.unused_photo_problems(store)
        + copy_problems(store)
    )
    return FolderCheck(problems, len(scan.pupils) + len(scan.bad_files))


def remove_leftovers(store: Store) -> int:
    """Remove the temporary copies crashed saves left (on any laptop); how many went. A folder
    that cannot be changed keeps them, and says so in Check data.

    Photos no file names are never removed here: an editor open on another laptop may still
    undo back to one, or save a new pupil that names it. Check data lists them, and
    ``penportrait check --remove-unused-photos`` removes them when a person decides."""
    with contextlib.suppress(OSError):
        return leftovers.remove_stale_temporary_files(store)
    return 0
