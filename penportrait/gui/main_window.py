"""The main window (first version: the pupil list; the editor and live page come next)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from penportrait.core.school import load_school
from penportrait.core.store import FolderScan, Store
from penportrait.gui.pupil_list import PupilFilterProxy, PupilListModel


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, sample: bool = False) -> None:
        super().__init__()
        self.store = store
        self.sample = sample
        school, self.school_problems = load_school(store.root)
        name = school.name or "PenPortrait"
        self.setWindowTitle(f"{name} (sample school: changes are not kept)" if sample else name)
        self.resize(980, 640)

        self.pupils = PupilListModel()
        self.proxy = PupilFilterProxy()
        self.proxy.setSourceModel(self.pupils)

        self.search = QLineEdit(placeholderText="Search by name or group")
        self.search.setAccessibleName("Search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)

        self.table = QTableView()
        self.table.setAccessibleName("Pupils")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.notice)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        find = QAction("&Find", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason))
        quit_action = QAction("&Quit", self)
        # Not every platform maps StandardKey.Quit (Linux desktops differ): Ctrl+Q everywhere.
        quit_action.setShortcuts([QKeySequence.StandardKey.Quit, QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(quit_action)
        self.menuBar().addMenu("&Edit").addAction(find)
        self.addActions([find, quit_action])  # shortcuts work wherever the focus is

        self.reload()

    def reload(self) -> FolderScan:
        scan = self.store.scan()
        self.pupils.set_pupils(scan.pupils)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        problems = self.school_problems + scan.problems
        if problems:
            files = sorted({p.file for p in problems})
            self.notice.setText(
                f"{len(files)} file{'s' if len(files) != 1 else ''} could not be read and "
                f"{'are' if len(files) != 1 else 'is'} left as they are: "
                + "; ".join(str(p) for p in problems[:5])
                + (" …" if len(problems) > 5 else "")
            )
            self.notice.show()
        else:
            self.notice.hide()
        count = len(scan.pupils)
        where = "a temporary copy of the sample school" if self.sample else str(self.store.root)
        self.statusBar().showMessage(f"{count} pupil{'s' if count != 1 else ''} · {where}")
        return scan
