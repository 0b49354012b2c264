"""UI state kept between runs (window geometry, last folders), behind keys declared here.

QSettings holds UI state only (STYLE.md 8); pupil data lives in the data folder.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QSettings

GEOMETRY: Final = "window/geometry"
WINDOW_STATE: Final = "window/state"
SPLITTER: Final = "window/splitter"
EXPORT_FOLDER: Final = "folders/export"
PHOTO_FOLDER: Final = "folders/photos"
IMPORT_FOLDER: Final = "folders/import"
AUDIENCE: Final = "view/audience"
STAFF_NAME: Final = "user/staff_name"  # this person's name as portraits show it ("K. Okafor")

KEYS: Final = (
    GEOMETRY,
    WINDOW_STATE,
    SPLITTER,
    EXPORT_FOLDER,
    PHOTO_FOLDER,
    IMPORT_FOLDER,
    AUDIENCE,
    STAFF_NAME,
)


def settings() -> QSettings:
    return QSettings()


STAFF_NAME_MAX: Final = 60


def clean_staff_name(name: str) -> str:
    """One line of printable text, at most STAFF_NAME_MAX characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in name)
    return " ".join(printable.split())[:STAFF_NAME_MAX].strip()


def staff_name() -> str:
    """The name this member of staff gave for portraits ("Updated by ..."), or ""."""
    return clean_staff_name(str(settings().value(STAFF_NAME, "") or ""))


def set_staff_name(name: str) -> None:
    settings().setValue(STAFF_NAME, clean_staff_name(name))
