"""Small field widgets the editor form uses: an optional date, and a photo well."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from ..core import clock

NOT_SET: Final = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """A date that may be empty: the minimum date stands for "not set", shown as a dash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMMM yyyy")
        self.setMinimumDate(NOT_SET)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText("—")
        self.setDate(NOT_SET)

    def iso(self) -> str:
        value = self.date()
        return "" if value == NOT_SET else value.toString(Qt.DateFormat.ISODate)

    def set_iso(self, value: str) -> None:
        self.setDate(QDate.fromString(value, Qt.DateFormat.ISODate) if value else NOT_SET)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # An empty date opens the calendar at today, not in 1900.
        if self.date() == NOT_SET:
            today = clock.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)
        super().mousePressEvent(event)


class PhotoWell(QLabel):
    """Shows the pupil's photo (or a prompt) and accepts a photo file dropped on it."""

    dropped = Signal(Path)
    SIZE: Final = QSize(120, 150)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFixedSize(self.SIZE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setAccessibleName("Photo")
        self.show_photo(None)

    def show_photo(self, path: Path | None) -> None:
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.setPixmap(QPixmap())
            self.setText("No photo.\nDrop one here.")
        else:
            self.setPixmap(
                pixmap.scaled(
                    self.SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.dropped.emit(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()
