"""The data folder's layout: every file and folder name in it, declared here and nowhere else.

README ("Where the data lives") and DESIGN.md describe the same tree::

    school.json                   the school's settings          (SCHOOL_FILE)
    strategies.json               the school's own strategies    (BANK_FILE)
    plain_english.json            the school's own words         (WORDS_FILE)
    logo.<hash>.jpg               the school's logo              (LOGO_STEM)
    pupils/<id>.json              one pupil per file             (PUPILS)
    photos/<id>.jpg               pupils' photos                 (PHOTOS)
    history/<id>/<revision>.json  earlier revisions              (HISTORY)
    history/<id>/kept-<revision>.json  kept on purpose, never trimmed (KEPT_PREFIX)
    history/school/, history/strategies/, history/plain_english/: the school-wide files' history
    trash/<id>.json               deleted pupils, restorable     (TRASH)
    trash/conflict-copies/        sync conflict copies, merged   (CONFLICT_COPIES)
    imports/import-<n>.jsonl      what each import saved         (IMPORTS)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

SCHOOL_FILE: Final = "school.json"
BANK_FILE: Final = "strategies.json"
WORDS_FILE: Final = "plain_english.json"
# The files every laptop shares and saves with a revision, a lock and history (school_files).
SCHOOL_WIDE_FILES: Final = (SCHOOL_FILE, BANK_FILE, WORDS_FILE)

PUPILS: Final = "pupils"
PHOTOS: Final = "photos"
HISTORY: Final = "history"
TRASH: Final = "trash"
IMPORTS: Final = "imports"
FOLDERS: Final = (PUPILS, PHOTOS, HISTORY, TRASH, IMPORTS)
# Under trash/: the sync clients' conflict copies, kept once merged (core.conflicts).
CONFLICT_COPIES: Final = "conflict-copies"
# In history/<id>/: a version kept on purpose (core.store), never trimmed.
KEPT_PREFIX: Final = "kept-"

PUPIL_SUFFIX: Final = ".json"
LOGO_STEM: Final = "logo"
LOGO_SUFFIXES: Final = (".png", ".jpg")


def logo_file_name(source: Path) -> str:
    """The name a chosen logo is kept under in the data folder: ``logo.png`` or ``logo.jpg``."""
    suffix = source.suffix.lower().replace(".jpeg", ".jpg")
    if suffix not in LOGO_SUFFIXES:
        raise ValueError(f"{source.name} is not a PNG or JPEG image")
    return LOGO_STEM + suffix


def history_name(file_name: str) -> str:
    """A school-wide file's history folder: ``strategies.json`` keeps ``history/strategies``."""
    return file_name.removesuffix(".json")


@dataclass(frozen=True)
class DataFolder:
    """The paths of one data folder."""

    root: Path

    @property
    def school_file(self) -> Path:
        return self.root / SCHOOL_FILE

    @property
    def bank_file(self) -> Path:
        return self.root / BANK_FILE

    @property
    def words_file(self) -> Path:
        return self.root / WORDS_FILE

    @property
    def pupils(self) -> Path:
        return self.root / PUPILS

    @property
    def photos(self) -> Path:
        return self.root / PHOTOS

    @property
    def history(self) -> Path:
        return self.root / HISTORY

    @property
    def trash(self) -> Path:
        return self.root / TRASH

    @property
    def imports(self) -> Path:
        return self.root / IMPORTS

    @property
    def conflict_copies(self) -> Path:
        return self.trash / CONFLICT_COPIES

    def pupil_file(self, pupil_id: str) -> Path:
        return self.pupils / f"{pupil_id}{PUPIL_SUFFIX}"

    def school_history(self, file_name: str) -> Path:
        return self.history / history_name(file_name)
