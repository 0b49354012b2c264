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
from PySide6.QtWidgets import QStyle, QTableView

from penportrait.core.model import SEND_STATUS_LABELS, Pupil, SendStatus
from penportrait.core.reviews import is_due
from penportrait.core.views import long_date, short_date

from ..core import clock

AnyIndex = QModelIndex | QPersistentModelIndex
PUPIL_ROLE: Final = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE: Final = Qt.ItemDataRole.UserRole + 2
SORT_ROLE: Final = Qt.ItemDataRole.UserRole + 3  # what a column sorts by (dates: ISO order)
REVIEW_COLUMN: Final = 4


class PupilListModel(QAbstractTableModel):
    """One row per pupil: preferred name, surname, groups, SEND status, review date."""

    HEADERS: Final = ("Name", "Surname", "Groups", "SEND", "Review")

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self._pupils: list[Pupil] = []
        self._rows: list[tuple[str, ...]] = []
        self._today = today or clock.today()

    def set_pupils(self, pupils: list[Pupil]) -> None:
        self.beginResetModel()
        self._pupils = list(pupils)
        self._rows = [self._row(p) for p in self._pupils]
        self.endResetModel()

    def _row(self, pupil: Pupil) -> tuple[str, ...]:
        """What the row shows (and its search text), worked out once: views ask often."""
        details = pupil.pupil
        search = " ".join(
            [details.first_name, details.last_name, details.preferred_name, *details.groups]
        ).casefold()
        return (*(self._text(pupil, column) for column in range(len(self.HEADERS))), search)

    def revisions(self) -> dict[str, int]:
        """Each listed pupil's id and revision: what a rescan is compared with."""
        return {p.id: p.revision for p in self._pupils}

    def row_of(self, pupil_id: str) -> int:
        return next((row for row, p in enumerate(self._pupils) if p.id == pupil_id), -1)

    def update_pupil(self, pupil: Pupil) -> None:
        """Show a saved pupil's new details in place (no reset: the selection stays)."""
        row = self.row_of(pupil.id)
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._pupils), len(self._pupils))
            self._pupils.append(pupil)
            self._rows.append(self._row(pupil))
            self.endInsertRows()
            return
        self._pupils[row] = pupil
        self._rows[row] = self._row(pupil)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def groups(self) -> list[str]:
        return sorted({g for p in self._pupils for g in p.pupil.groups}, key=str.casefold)

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
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][column]
        pupil = self._pupils[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and is_due(pupil, self._today):
            return "Review due: " + long_date(pupil.review.next_review)
        if role == PUPIL_ROLE:
            return pupil
        if role == SORT_ROLE:
            if column == REVIEW_COLUMN:
                return pupil.review.next_review or "9999"  # no date: after every date
            return self._rows[index.row()][column].casefold()
        if role == SEARCH_ROLE:
            return self._rows[index.row()][-1]
        return None

    def _text(self, pupil: Pupil, column: int) -> str:
        details = pupil.pupil
        if column == 0:
            return details.preferred_name or details.first_name or "(new pupil)"
        if column == 1:
            return details.last_name
        if column == 2:
            return ", ".join(details.groups)
        if column == 3:
            return SEND_STATUS_LABELS[SendStatus(pupil.send.status)]
        if column == 4:
            due = is_due(pupil, self._today)
            return ("⚑ " if due else "") + short_date(pupil.review.next_review)
        return ""


class PupilFilterProxy(QSortFilterProxyModel):
    """Filters the list: words typed in the search box (names, groups), a group, a SEND
    status, and "review due"."""

    def __init__(self, today: dt.date | None = None) -> None:
        super().__init__()
        self._words: list[str] = []
        self._group = ""
        self._status = ""
        self._due_only = False
        self._today = today or clock.today()
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)

    def _refilter(self, name: str, value: object) -> None:
        self.beginFilterChange()
        setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self._refilter("_words", text.casefold().split())

    def set_group(self, group: str) -> None:
        self._refilter("_group", group)

    def set_status(self, status: str) -> None:
        self._refilter("_status", status)

    def set_due_only(self, due_only: bool) -> None:
        self._refilter("_due_only", due_only)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not (self._words or self._group or self._status or self._due_only):
            return True  # nothing to filter: skip two model calls per row (start-up, refresh)
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        pupil: Pupil | None = model.data(index, PUPIL_ROLE)
        if pupil is None:
            return False
        if self._group and self._group not in pupil.pupil.groups:
            return False
        if self._status and pupil.send.status != self._status:
            return False
        if self._due_only and not is_due(pupil, self._today):
            return False
        haystack = model.data(index, SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)


def review_column_width(view: QTableView) -> int:
    """Wide enough for any review date with its flag, in the view's font, plus the cell's
    margins: "⚑ 28 Sep 2026" is the widest a date gets (day, month and year compared)."""
    metrics = view.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(f"⚑ {day} {dt.date(2000, month, 1):%b} 2000")
        for day in ("28", "30")
        for month in range(1, 13)
    )
    margins = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    return widest + margins + metrics.horizontalAdvance("MM")
