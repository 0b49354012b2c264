"""The pupil list: a table model of pupils and the proxy that filters it as the user types."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from penportrait.core.model import SEND_STATUS_LABELS, Pupil, SendStatus
from penportrait.core.reviews import is_due

AnyIndex = QModelIndex | QPersistentModelIndex
PUPIL_ROLE: Final = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE: Final = Qt.ItemDataRole.UserRole + 2


class PupilListModel(QAbstractTableModel):
    """One row per pupil: preferred name, surname, groups, SEND status, review date."""

    HEADERS: Final = ("Name", "Surname", "Groups", "SEND", "Review")

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self._pupils: list[Pupil] = []
        self._today = today or dt.date.today()

    def set_pupils(self, pupils: list[Pupil]) -> None:
        self.beginResetModel()
        self._pupils = list(pupils)
        self.endResetModel()

    def pupil_at(self, row: int) -> Pupil:
        return self._pupils[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pupils)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pupils):
            return None
        pupil = self._pupils[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(pupil, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and is_due(pupil, self._today):
            return "Review due: " + pupil.review.next_review
        if role == PUPIL_ROLE:
            return pupil
        if role == SEARCH_ROLE:
            details = pupil.pupil
            return " ".join(
                [details.first_name, details.last_name, details.preferred_name, *details.groups]
            ).casefold()
        return None

    def _text(self, pupil: Pupil, column: int) -> str:
        details = pupil.pupil
        if column == 0:
            return details.preferred_name or details.first_name
        if column == 1:
            return details.last_name
        if column == 2:
            return ", ".join(details.groups)
        if column == 3:
            return SEND_STATUS_LABELS[SendStatus(pupil.send.status)]
        if column == 4:
            due = is_due(pupil, self._today)
            return ("⚑ " if due else "") + (pupil.review.next_review or "")
        return ""


class PupilFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose names or groups contain every word typed in the search box."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)
