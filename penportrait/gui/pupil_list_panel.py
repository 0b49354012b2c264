"""The pupil list panel: search and filters, the table of pupils, and the notices about the list.

It owns its widgets and says what the user did by signal (``pupil_chosen`` when they move to
another row, ``undo_delete_requested``, ``resolve_requested``); the window tells it what to show
through the small methods below. It never opens, saves or deletes a pupil itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from penportrait.core.model import SEND_STATUS_LABELS, Pupil, SendStatus
from penportrait.gui.conflict_dialog import ConflictBanner
from penportrait.gui.pupil_list import (
    PUPIL_ROLE,
    REVIEW_COLUMN,
    PupilFilterProxy,
    PupilListModel,
    review_column_width,
)


class PupilListPanel(QWidget):
    """The left-hand panel: find a pupil, see which files could not be read, undo a delete."""

    pupil_chosen = Signal(object)  # the Pupil of the row the user moved to
    undo_delete_requested = Signal()
    resolve_requested = Signal()  # the conflict banner's button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False  # selection changes made by the program, not the user
        self.pupils = PupilListModel()
        self.proxy = PupilFilterProxy()
        self.proxy.setSourceModel(self.pupils)
        self._build_filters()
        self._build_table()
        self._build_notices()
        self._lay_out()
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

    # -- building ---------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit(placeholderText="Search by name or group")
        self.search.setAccessibleName("Search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)

        self.group_filter = QComboBox()
        self.group_filter.setAccessibleName("Group")
        self.group_filter.addItem("All groups", "")
        self.group_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_group(self.current_group())
        )
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("SEND status")
        self.status_filter.addItem("Any SEND status", "")
        for status in SendStatus:
            self.status_filter.addItem(SEND_STATUS_LABELS[status], status.value)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData() or "")
        )
        self.due_filter = QCheckBox("Review &due")
        self.due_filter.setAccessibleName("Review due")
        self.due_filter.toggled.connect(self.proxy.set_due_only)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName("Pupils")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Widths from the font, set once: "resize to contents" measures every row on every
        # change, which for a school of 1,000 pupils costs more than loading them.
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("M")
        for column, ems in enumerate((6, 7, 8, 6, 9)):
            header.resizeSection(column, ems * em)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The review date is what a SENCO scans for: wide enough for the widest date, flag
        # included, always ("⚑ 30 Sep 2026"), never cut to "⚑ 2026-11-...".
        header.resizeSection(REVIEW_COLUMN, review_column_width(self.table))
        header.setSectionResizeMode(REVIEW_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setColumnHidden(3, True)  # SEND status: filterable, not needed as a column

    def _build_notices(self) -> None:
        self.conflict_banner = ConflictBanner()
        self.conflict_banner.resolve_requested.connect(self.resolve_requested)

        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setTextFormat(Qt.TextFormat.PlainText)  # the path is user data
        self.read_only_banner.setAccessibleName("Read-only data folder")
        self.read_only_banner.setStyleSheet("background: #fff4ce; color: #3b2f00; padding: 4px;")
        self.read_only_banner.hide()

        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # file names are user data
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Files that could not be read")
        self.notice.hide()

        self.undo_delete_bar = QWidget()
        bar = QHBoxLayout(self.undo_delete_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.undo_delete_label = QLabel()
        self.undo_delete_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_delete_button = QPushButton("&Undo delete")
        self.undo_delete_button.setAccessibleName("Undo delete")
        self.undo_delete_button.clicked.connect(self.undo_delete_requested)
        bar.addWidget(self.undo_delete_label, 1)
        bar.addWidget(self.undo_delete_button)
        self.undo_delete_bar.hide()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.group_filter, 1)
        filters.addWidget(self.status_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.due_filter)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_delete_bar)

    # -- what the list shows ------------------------------------------------------------------

    def show_pupils(self, pupils: list[Pupil], keep: str | None) -> None:
        """Show these pupils (a fresh scan), keeping the row of ``keep`` selected, quietly."""
        with self.quietly():
            # The watcher also fires for our own saves, which the list already shows:
            # rebuild it only when the folder holds something it does not.
            if self.pupils.revisions() != {p.id: p.revision for p in pupils}:
                self.pupils.set_pupils(pupils)
            self._update_group_filter()
            if keep is not None:
                self.select_id(keep)

    def forget_pupils(self) -> None:
        """Another data folder (or the same one, opened again): no rows and no row selected,
        quietly, so the next show_pupils builds the list afresh and selecting its first row
        opens that pupil even when the folder holds the same pupils at the same revisions."""
        with self.quietly():
            self.pupils.set_pupils([])
            self.table.setCurrentIndex(QModelIndex())
            self.table.clearSelection()

    def update_pupil(self, pupil: Pupil) -> bool:
        """Show a saved pupil's new details in place; True when its row is new."""
        new_row = self.pupils.row_of(pupil.id) < 0
        self.pupils.update_pupil(pupil)
        self._update_group_filter()
        return new_row

    def _update_group_filter(self) -> None:
        chosen = self.current_group()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem("All groups", "")
        for group in self.pupils.groups():
            self.group_filter.addItem(group, group)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(chosen)))
        self.group_filter.blockSignals(False)

    def current_group(self) -> str:
        """The group chosen in the filter ("" for all groups)."""
        return str(self.group_filter.currentData() or "")

    def clear_filters(self) -> None:
        """Every pupil in view: no search words, no group, status or due filter."""
        self.search.clear()
        self.group_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.due_filter.setChecked(False)

    # -- the selected row ---------------------------------------------------------------------

    @contextlib.contextmanager
    def quietly(self) -> Iterator[None]:
        """Selection changes made inside are the program's: no ``pupil_chosen``."""
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.pupil_chosen.emit(self.proxy.data(current, PUPIL_ROLE))

    def row_count(self) -> int:
        """How many rows the filters let through."""
        return self.proxy.rowCount()

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def select_row(self, row: int) -> bool:
        """Move to ``row`` of the filtered list; False when there is no such row."""
        if 0 <= row < self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(row, 0))
            return True
        return False

    def select_id(self, pupil_id: str) -> None:
        index = self._index_of(pupil_id)
        if index is not None:
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def show_selected(self, pupil_id: str | None) -> None:
        """Quietly select the row of ``pupil_id`` (by id: rows move), or no row at all."""
        with self.quietly():
            index = self._index_of(pupil_id) if pupil_id is not None else None
            if index is not None:
                self.table.setCurrentIndex(index)
                self.table.selectRow(index.row())
            else:
                self.table.setCurrentIndex(QModelIndex())
                self.table.clearSelection()

    def _index_of(self, pupil_id: str) -> QModelIndex | None:
        source_row = self.pupils.row_of(pupil_id)
        if source_row < 0:
            return None
        index = self.proxy.mapFromSource(self.pupils.index(source_row, 0))
        return index if index.isValid() else None

    def step(self, direction: int) -> None:
        """Edit > Previous / Next pupil."""
        self.select_row(max(0, min(self.proxy.rowCount() - 1, self.current_row() + direction)))

    def focus_search(self) -> None:
        """Edit > Find pupil."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- notices --------------------------------------------------------------------------------

    def show_unreadable(self, files: list[str]) -> None:
        """Name the files that could not be read (none: the notice goes)."""
        if not files:
            self.notice.hide()
            return
        bad = sorted(set(files))
        files_word = "file" if len(bad) == 1 else "files"
        shown = ", ".join(bad[:3]) + (" …" if len(bad) > 3 else "")
        self.notice.setText(
            f"⚠ {len(bad)} {files_word} could not be read and left untouched: {shown}. "
            "See Tools > Check data."
        )
        self.notice.show()

    def show_read_only(self, problem: str | None) -> None:
        """The banner of a folder that cannot be changed (None: it can, the banner goes)."""
        if problem is None:
            self.read_only_banner.hide()
            return
        self.read_only_banner.setText(
            f"⚠ Read only. {problem} You can read, export and print; changes cannot be "
            "saved until it can be changed again (then use File > Open data folder)."
        )
        self.read_only_banner.show()

    def show_deleted(self, name: str) -> None:
        self.undo_delete_label.setText(f"{name} moved to the trash.")
        self.undo_delete_bar.show()

    def hide_deleted(self) -> None:
        self.undo_delete_bar.hide()

    def show_conflicts(self, merged: int, to_choose: int, cannot: int) -> None:
        """The sync banner: copies merged by themselves, and those left for a person."""
        if merged or to_choose or cannot:
            self.conflict_banner.show_counts(merged, to_choose, cannot)
        elif not self.conflict_banner.resolve_button.isHidden():
            self.conflict_banner.hide()  # the last clash was settled (here or elsewhere)

    def hide_conflicts(self) -> None:
        self.conflict_banner.hide()
