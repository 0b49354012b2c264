"""UI state kept between runs (window geometry, last folders, the staff name), declared once.

QSettings holds UI state only (STYLE.md 8); pupil data lives in the data folder. Each remembered
value is one ``Remembered`` below, with its key, its type and its default, as Picard declares
its options: callers say ``ui_state.EXPORT_FOLDER.get()`` and never repeat a key or a default.
A stored value of the wrong type (a hand-edited settings file, an older version) is reported
in the log, naming the key, and the default is used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")

STAFF_NAME_MAX: Final = 60


def settings() -> QSettings:
    return QSettings()


def clean_staff_name(name: str) -> str:
    """One line of printable text, at most STAFF_NAME_MAX characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in name)
    return " ".join(printable.split())[:STAFF_NAME_MAX].strip()


@dataclass(frozen=True)
class Remembered(Generic[T]):
    """One value remembered between runs."""

    key: str
    default: Callable[[], T]
    # From what QSettings holds to the value, or None when it is not a value of this kind.
    read: Callable[[object], T | None]
    # From the value to what QSettings stores.
    write: Callable[[T], object]

    def get(self) -> T:
        stored = settings().value(self.key)
        if stored is None:
            return self.default()
        value = self.read(stored)
        if value is None:
            log.warning("Ignoring the remembered %s: %r is not what it should be", self.key, stored)
            return self.default()
        return value

    def set(self, value: T) -> None:
        settings().setValue(self.key, self.write(value))


def _bytes(stored: object) -> QByteArray | None:
    if isinstance(stored, QByteArray):
        return stored
    if isinstance(stored, bytes):
        return QByteArray(stored)
    return None


def _folder(stored: object) -> Path | None:
    return Path(stored) if isinstance(stored, str) and stored else None


def _text(stored: object) -> str | None:
    return clean_staff_name(stored) if isinstance(stored, str) else None


GEOMETRY: Final = Remembered[QByteArray]("window/geometry", QByteArray, _bytes, lambda v: v)
SPLITTER: Final = Remembered[QByteArray]("window/splitter", QByteArray, _bytes, lambda v: v)
# The folder exports were last saved to (the home folder at first).
EXPORT_FOLDER: Final = Remembered[Path]("folders/export", Path.home, _folder, str)
# The folders a photo and an MIS file were last chosen from (the home folder at first).
PHOTO_FOLDER: Final = Remembered[Path]("folders/photos", Path.home, _folder, str)
IMPORT_FOLDER: Final = Remembered[Path]("folders/import", Path.home, _folder, str)
# This person's name as portraits show it ("K. Okafor"): asked once, changed in Tools.
STAFF_NAME: Final = Remembered[str](
    "user/staff_name", str, _text, lambda name: clean_staff_name(name)
)

EVERY: Final = (GEOMETRY, SPLITTER, EXPORT_FOLDER, PHOTO_FOLDER, IMPORT_FOLDER, STAFF_NAME)


def staff_name() -> str:
    """The name this member of staff gave for portraits ("Updated by ..."), or ""."""
    return STAFF_NAME.get()


def set_staff_name(name: str) -> None:
    STAFF_NAME.set(name)
