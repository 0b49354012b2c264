"""The main window: the pupil list, the editor and the live page, with menus and autosave.

The window wires the parts together. The editor edits a Pupil model; the session saves it
through the store; the live page lays it out. Undo is a stack of snapshots (the pupil before
and after each edit), so it works across every field and never depends on widget state.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QFileSystemWatcher, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from penportrait import __version__
from penportrait.core import files, school_files
from penportrait.core.access import folder_problem, in_words
from penportrait.core.bank import (
    add_school_strategy,
    load_bank,
    new_school_strategy,
    save_school_strategies,
)
from penportrait.core.conflicts import MergeSummary, copy_problems, merge_all, report_all
from penportrait.core.conflicts import apply as apply_resolution
from penportrait.core.folder import DataFolder, logo_file_name
from penportrait.core.folder_poll import folder_signature, watcher_is_reliable
from penportrait.core.importers.csv import ImportResult
from penportrait.core.importers.record import last_import, undo
from penportrait.core.model import SEND_STATUS_LABELS, Pupil, SendStatus
from penportrait.core.photos import PhotoError
from penportrait.core.plain_english import FieldHint, load_checker
from penportrait.core.reviews import follow_last_reviewed, mark_reviewed
from penportrait.core.school import SchoolSettings, load_school, logo_path, save_school
from penportrait.core.school_files import SchoolFileConflict, SchoolFileError
from penportrait.core.store import FolderScan, NotFoundError, PupilFileError, SaveConflict, Store
from penportrait.core.views import Audience, long_date
from penportrait.gui import actions, messages, ui_state
from penportrait.gui.conflict_dialog import ClashDialog, ConflictBanner
from penportrait.gui.dialogs import (
    CheckDialog,
    ConflictDialog,
    HintsDialog,
    ReviewsDialog,
    SchoolSettingsDialog,
    StrategyBankDialog,
    TrashDialog,
    show_shortcuts,
)
from penportrait.gui.editor import PupilEditor
from penportrait.gui.import_dialog import ImportDialog
from penportrait.gui.live_page import LivePage
from penportrait.gui.pack_dialog import PackDialog
from penportrait.gui.pupil_list import (
    PUPIL_ROLE,
    REVIEW_COLUMN,
    PupilFilterProxy,
    PupilListModel,
    review_column_width,
)
from penportrait.gui.session import Choice, EditSession, SaveState
from penportrait.render.export import fit_portrait, write_pages
from penportrait.render.pdf import RenderError, print_pages

from ..core import clock

if TYPE_CHECKING:  # imported when first used: start-up pays only for what it shows
    from penportrait.core.importers.csv import ImportResult
    from penportrait.gui.import_dialog import ImportDialog
    from penportrait.gui.pack_dialog import PackDialog

WATCH_DELAY_MS: Final = 400
HINT_DELAY_MS: Final = 300
# How often a folder on a network share is listed to see other laptops' changes.
POLL_INTERVAL_MS: Final = 5000


class EditCommand(QUndoCommand):
    """One edit: the pupil before and after. Typing in one field merges into one step."""

    def __init__(self, window: MainWindow, before: Pupil, after: Pupil, field: str) -> None:
        super().__init__(window.editor.field_label(field))
        self.window, self.before, self.after, self.field = window, before, after, field
        self._done = False

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, EditCommand) and other.field == self.field:
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        if self._done:  # the first time, the editor already shows it
            self.window.apply_content(self.after)
        self._done = True

    def undo(self) -> None:
        self.window.apply_content(self.before)


class MainWindow(QMainWindow):
    pupil_opened = Signal(object)  # the Pupil now in the editor (or None)

    # One QAction per command of gui/actions.py, set by _build_actions.
    new_action: QAction
    save_action: QAction
    import_action: QAction
    export_pdf_action: QAction
    export_word_action: QAction
    print_action: QAction
    pack_action: QAction
    delete_action: QAction
    trash_action: QAction
    open_folder_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    undo_import_action: QAction
    undo_delete_action: QAction
    find_action: QAction
    previous_action: QAction
    next_action: QAction
    staff_view: QAction
    cover_view: QAction
    reviews_action: QAction
    mark_reviewed_action: QAction
    check_portrait_action: QAction
    settings_action: QAction
    bank_action: QAction
    check_action: QAction
    staff_name_action: QAction
    shortcuts_action: QAction
    about_action: QAction

    def __init__(self, store: Store, *, sample: bool = False) -> None:
        super().__init__()
        self.store = store
        self.sample = sample
        self.school, self.school_problems = load_school(store.root)
        self.session = EditSession(store, user=ui_state.staff_name(), ask=self._choose_version)
        self.undo_stack = QUndoStack(self)
        self.last_scan = FolderScan()
        self._refreshing = False
        self._deleted: tuple[str, str] | None = None  # (id, name) of the last pupil deleted
        self.last_import: ImportResult | None = None
        self.read_only: str | None = None  # why the data folder cannot be changed, if it cannot

        self._build_list()
        self.editor = PupilEditor()
        self.live = LivePage()
        self.live.set_settings(self.school, logo=logo_path(self.store.root, self.school))
        self._load_bank_and_checker()
        self._remove_leftovers()
        self.hint_timer = QTimer(self, singleShot=True, interval=HINT_DELAY_MS)
        self.hint_timer.timeout.connect(self.update_hints)
        splitter = QSplitter()
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([360, 500, 460])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.save_label = QLabel()
        self.save_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_label.setAccessibleName("Save state")
        self.statusBar().addPermanentWidget(self.save_label)
        self._build_actions()
        self._connect()

        self.watch_timer = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self.watch_timer.timeout.connect(self.refresh_list)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self.watch_timer.start())
        self.watcher.fileChanged.connect(lambda _p: self.watch_timer.start())
        # Where the watcher cannot hear other machines (a network share), poll cheaply.
        self.poll_timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self.poll_folder)
        self._signature = folder_signature(store.root)
        self._start_polling()

        self._set_title()
        self.resize(1320, 820)
        self._restore_ui_state()
        self.check_folder()
        self.refresh_list()
        self._watch()
        self.select_row(0)
        self._show_save_state(SaveState.SAVED)

    # -- building ---------------------------------------------------------------------------

    def _build_list(self) -> None:
        self.pupils = PupilListModel()
        self.proxy = PupilFilterProxy()
        self.proxy.setSourceModel(self.pupils)

        self.search = QLineEdit(placeholderText="Search by name or group")
        self.search.setAccessibleName("Search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)

        self.group_filter = QComboBox()
        self.group_filter.setAccessibleName("Group")
        self.group_filter.addItem("All groups", "")
        self.group_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_group(self.group_filter.currentData() or "")
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
        self.undo_delete_button.clicked.connect(self.undo_delete)
        bar.addWidget(self.undo_delete_label, 1)
        bar.addWidget(self.undo_delete_button)
        self.undo_delete_bar.hide()

        filters = QHBoxLayout()
        filters.addWidget(self.group_filter, 1)
        filters.addWidget(self.status_filter, 1)
        self.list_panel = QWidget()
        layout = QVBoxLayout(self.list_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.conflict_banner = ConflictBanner()
        self.conflict_banner.resolve_requested.connect(self.resolve_conflicts)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.due_filter)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_delete_bar)

    def _build_actions(self) -> None:
        """Menus, toolbar and shortcuts from the one table of commands (gui/actions.py)."""
        handlers: dict[str, Callable[[], object]] = {
            "new_action": self.new_pupil,
            "save_action": self.save_now,
            "import_action": self.import_pupils,
            "export_pdf_action": lambda: self.export(".pdf"),
            "export_word_action": lambda: self.export(".docx"),
            "print_action": self.print_page,
            "pack_action": self.make_pack,
            "delete_action": self.delete_pupil,
            "trash_action": self.restore_from_trash,
            "open_folder_action": self.open_data_folder,
            "quit_action": self.close,
            "undo_import_action": self.undo_last_import,
            "undo_delete_action": self.undo_delete,
            "find_action": self.focus_search,
            "previous_action": lambda: self.step(-1),
            "next_action": lambda: self.step(1),
            "staff_view": lambda: self.live.set_audience(Audience.STAFF),
            "cover_view": lambda: self.live.set_audience(Audience.COVER),
            "reviews_action": self.show_reviews,
            "mark_reviewed_action": self.mark_reviewed_today,
            "check_portrait_action": self.check_portrait,
            "settings_action": self.edit_school_settings,
            "bank_action": self.manage_bank,
            "check_action": self.check_data,
            "conflicts_action": self.resolve_conflicts,
            "staff_name_action": lambda: self.ask_staff_name(),
            "shortcuts_action": lambda: show_shortcuts(self),
            "about_action": self.about,
        }
        made = {
            "undo_action": self.undo_stack.createUndoAction(self, "&Undo"),
            "redo_action": self.undo_stack.createRedoAction(self, "&Redo"),
        }
        built = actions.build(self, handlers, made)
        for name, action in built.items():
            setattr(self, name, action)
        self._update_undo_import()
        self.undo_delete_action.setEnabled(False)
        audiences = QActionGroup(self)
        for action in (self.staff_view, self.cover_view):
            action.setCheckable(True)
            audiences.addAction(action)
        self.staff_view.setChecked(True)
        self.command_keys = actions.CommandKeysFirst(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.command_keys)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.editor.edited.connect(self.on_edited)
        self.editor.photo_chosen.connect(self.import_photo)
        self.editor.photo_removed.connect(self.remove_photo)
        self.editor.ui.choosePhoto.clicked.connect(self.choose_photo)
        self.editor.add_to_bank.connect(self.add_to_school_bank)
        self.editor.mark_reviewed.connect(self.mark_reviewed_today)
        self.live.check_requested.connect(self.check_portrait)
        self.session.state_changed.connect(self._show_save_state)
        self.session.saved.connect(self._saved)
        self.session.resolved.connect(self._conflict_resolved)
        self.session.failed.connect(self._save_failed)
        self.session.replaced.connect(self._replaced)
        self.live.audience_changed.connect(
            lambda audience: (
                self.staff_view if audience is Audience.STAFF else self.cover_view
            ).setChecked(True)
        )

    # -- the list -----------------------------------------------------------------------------

    def refresh_list(self) -> FolderScan:
        """Read the folder again (another laptop may have changed it) without losing the edit."""
        current = self.current_id()
        self._merge_conflict_copies()
        scan = self.store.scan()
        self.last_scan = scan
        self._refreshing = True
        try:
            # The watcher also fires for our own saves, which the list already shows:
            # rebuild it only when the folder holds something it does not.
            if self.pupils.revisions() != {p.id: p.revision for p in scan.pupils}:
                self.pupils.set_pupils(scan.pupils)
            self._update_group_filter()
            if current is not None:
                self._select_id(current)
        finally:
            self._refreshing = False
        self._show_problems(scan)
        on_disk = next((p for p in scan.pupils if p.id == current), None)
        written = not self.session.is_new
        if current is not None and on_disk is None and written and not self.session.dirty:
            self.open_pupil(None)  # deleted elsewhere
        elif (
            on_disk is not None
            and not self.session.dirty
            and on_disk.revision > self.session.base_revision
        ):
            self._show_pupil(on_disk)  # changed elsewhere, nothing unsaved here: show theirs
            self.statusBar().showMessage(
                f"{on_disk.display_name} was updated on another computer.", 6000
            )
        count = len(scan.pupils)
        where = "a temporary copy of the sample school" if self.sample else str(self.store.root)
        self.statusBar().showMessage(f"{count} pupil{'s' if count != 1 else ''} · {where}", 5000)
        self._watch()
        return scan

    # -- sync conflict copies and folders the watcher cannot see ---------------------------------

    def _merge_conflict_copies(self) -> MergeSummary:
        """Merge what merges by itself and say so in the banner (on opening, on every change)."""
        current = self.current_id()
        busy = {current} if current is not None and self.session.dirty else set()
        try:
            summary = merge_all(self.store, by=self.session.user, skip=busy)
        except OSError as error:
            self.statusBar().showMessage(f"Could not check for sync conflicts: {error}", 10000)
            return MergeSummary()
        if summary.merged or summary.need_person:
            choose = [r for r in summary.need_person if r.clashes and not r.problem]
            self.conflict_banner.show_counts(
                len(summary.merged), len(choose), len(summary.need_person) - len(choose)
            )
        elif not self.conflict_banner.resolve_button.isHidden():
            self.conflict_banner.hide()  # the last clash was settled (here or elsewhere)
        return summary

    def resolve_conflicts(self) -> ClashDialog | None:
        """Open the clash dialog for the next conflict copy that needs a person."""
        reports = [r for r in report_all(self.store) if r.needs_person]
        if not reports:
            self.conflict_banner.hide()
            messages.inform(self, "Sync conflicts", "There are no sync conflict copies to resolve.")
            return None
        report = next((r for r in reports if r.clashes and not r.problem), None)
        if report is None:
            messages.inform(
                self,
                "Sync conflicts",
                "These conflict copies cannot be merged here; they were left as they are:\n\n"
                + "\n".join(r.describe() for r in reports),
            )
            return None
        dialog = ClashDialog(report, self)
        dialog.accepted.connect(lambda: self._save_resolution(dialog))
        dialog.open()
        return dialog

    def _save_resolution(self, dialog: ClashDialog) -> None:
        if dialog.report.copy.pupil_id == self.current_id() and not self.flush():
            return
        try:
            saved = apply_resolution(
                self.store, dialog.report, dialog.choices(), by=self.session.user
            )
        except (SaveConflict, PupilFileError, OSError, ValueError) as error:
            messages.warn(
                self,
                "Not saved",
                f"The choice was not saved, and both versions were left as they are: {error}",
            )
            return
        self.statusBar().showMessage(f"{saved.display_name}: both versions merged.", 6000)
        self.refresh_list()

    def _start_polling(self) -> None:
        if watcher_is_reliable(self.store.root):
            self.poll_timer.stop()
        else:
            self.poll_timer.start()

    def poll_folder(self) -> bool:
        """One cheap look (a listing with sizes and times); refresh only if something moved."""
        signature = folder_signature(self.store.root)
        if signature == self._signature:
            return False
        self._signature = signature
        self.refresh_list()
        self._signature = folder_signature(self.store.root)  # our own merges, if any
        return True

    def _update_group_filter(self) -> None:
        chosen = self.group_filter.currentData() or ""
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem("All groups", "")
        for group in self.pupils.groups():
            self.group_filter.addItem(group, group)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(chosen)))
        self.group_filter.blockSignals(False)

    def _show_problems(self, scan: FolderScan) -> None:
        # The school's own files too: an unreadable strategies.json changes what cover staff
        # are asked to do, so it is shown, not only left for Tools > Check data.
        problems = (
            self.school_problems + self.bank.problems + self.word_list_problems + scan.problems
        )
        if not problems:
            self.notice.hide()
            return
        bad = sorted({p.file for p in problems})
        files_word = "file" if len(bad) == 1 else "files"
        shown = ", ".join(bad[:3]) + (" …" if len(bad) > 3 else "")
        self.notice.setText(
            f"⚠ {len(bad)} {files_word} could not be read and left untouched: {shown}. "
            "See Tools > Check data."
        )
        self.notice.show()

    def _watch(self) -> None:
        wanted = [str(p) for p in (self.store.root, self.store.pupils_dir) if p.is_dir()]
        school = DataFolder(self.store.root).school_file
        if school.exists():
            wanted.append(str(school))
        missing = [p for p in wanted if p not in self.watcher.directories() + self.watcher.files()]
        if missing:
            self.watcher.addPaths(missing)

    def current_id(self) -> str | None:
        return self.session.content.id if self.session.content else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(row, 0))
        elif self.proxy.rowCount() == 0:
            self.open_pupil(None)

    def _select_id(self, pupil_id: str) -> None:
        source_row = self.pupils.row_of(pupil_id)
        if source_row < 0:
            return
        index = self.proxy.mapFromSource(self.pupils.index(source_row, 0))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def step(self, direction: int) -> None:
        row = self.table.currentIndex().row()
        self.select_row(max(0, min(self.proxy.rowCount() - 1, row + direction)))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._refreshing or not current.isValid():
            return
        pupil: Pupil = self.proxy.data(current, PUPIL_ROLE)
        if pupil.id == self.current_id():
            return
        if not self.flush():
            # The edit could not be saved and the user chose to stay. The click that moved the
            # row goes on to select it after this returns: put the list back once it is done.
            QTimer.singleShot(0, self._select_the_pupil_being_edited)
            return
        self.open_pupil(pupil.id)

    def _select_the_pupil_being_edited(self) -> None:
        """The list shows the pupil in the editor (by id: rows move), or no row for a new one."""
        self._refreshing = True
        try:
            editing = self.current_id()
            row = self.pupils.row_of(editing) if editing is not None else -1
            index = self.proxy.mapFromSource(self.pupils.index(row, 0)) if row >= 0 else None
            if index is not None and index.isValid():
                self.table.setCurrentIndex(index)
                self.table.selectRow(index.row())
            else:
                self.table.setCurrentIndex(QModelIndex())
                self.table.clearSelection()
        finally:
            self._refreshing = False

    # -- opening and editing ----------------------------------------------------------------

    def open_pupil(self, pupil_id: str | None) -> None:
        pupil = None
        if pupil_id is not None:
            try:
                pupil = self.store.load(pupil_id)
            except (NotFoundError, PupilFileError) as error:
                messages.warn(self, "Cannot open this pupil", str(error))
                self.refresh_list()
                return
        self._show_pupil(pupil)

    def _show_pupil(self, pupil: Pupil | None) -> None:
        self.session.open(pupil)
        self.undo_stack.clear()
        photo = self.store.photo_path(pupil) if pupil else None
        self.editor.load(pupil, photo)
        self.live.show_pupil(pupil, photo, now=True)
        self.update_hints()
        writable = self.read_only is None
        self.editor.setEnabled(pupil is not None and writable)
        self.delete_action.setEnabled(pupil is not None and writable)
        self.mark_reviewed_action.setEnabled(pupil is not None and writable)
        for action in (self.export_pdf_action, self.export_word_action, self.print_action):
            action.setEnabled(pupil is not None)
        self.pupil_opened.emit(pupil)

    # -- a folder that cannot be changed ----------------------------------------------------

    def check_folder(self) -> str | None:
        """Open the folder read-only (with a banner) when its files cannot be changed."""
        problem = folder_problem(self.store.root)
        self.read_only = problem
        if problem is None:
            self.read_only_banner.hide()
        else:
            self.read_only_banner.setText(
                f"⚠ Read only. {problem} You can read, export and print; changes cannot be "
                "saved until it can be changed again (then use File > Open data folder)."
            )
            self.read_only_banner.show()
        for action in (
            self.new_action,
            self.import_action,
            self.trash_action,
            self.settings_action,
            self.bank_action,
        ):
            action.setEnabled(problem is None)
        if problem is not None:
            self.undo_import_action.setEnabled(False)
        content = self.session.content
        self.editor.setEnabled(content is not None and problem is None)
        self.delete_action.setEnabled(content is not None and problem is None)
        self.mark_reviewed_action.setEnabled(content is not None and problem is None)
        return problem

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if self.read_only is None and self.check_folder() is not None:
            messages.warn(
                self,
                "Changes not saved",
                f"{message}\n\n{self.read_only} Your change is still on screen: you can "
                "export or print it.",
            )

    def on_edited(self, field: str) -> None:
        before = self.session.content
        after = self.editor.pupil()
        if before is None or after is None:
            return
        if field == "lastReviewed":  # the next review follows, unless it was set by hand
            followed = follow_last_reviewed(before, after, self.school.review_period_weeks)
            if followed != after:
                after = followed
                self.editor.load(after, self.store.photo_path(after))
        self.undo_stack.push(EditCommand(self, before, after, field))
        self._content_changed(after)

    def apply_content(self, content: Pupil) -> None:
        """Undo/redo: show ``content`` and save it like any edit."""
        self.editor.load(content, self.store.photo_path(content))
        self._content_changed(content)

    def _content_changed(self, content: Pupil) -> None:
        self.session.edited(content)
        self.live.show_pupil(content, self.store.photo_path(content))
        self.hint_timer.start()

    # -- plain English, the strategy bank, reviews ------------------------------------------

    def _load_bank_and_checker(self) -> None:
        self.bank = load_bank(self.store.root)
        self.checker, self.word_list_problems = load_checker(self.store.root)
        self.editor.set_bank(self.bank)
        self.live.set_bank(self.bank)
        if hasattr(self, "notice"):
            self._show_problems(self.last_scan)

    def portrait_hints(self) -> list[FieldHint]:
        content = self.session.content
        return self.checker.check_pupil(content) if content is not None else []

    def update_hints(self) -> None:
        self.hint_timer.stop()
        hints = self.portrait_hints()
        self.editor.show_hints(hints)
        self.live.set_hint_count(len(hints))

    def check_portrait(self) -> None:
        content = self.session.content
        if content is not None:
            HintsDialog(content.display_name, self.portrait_hints(), self).exec()

    def add_to_school_bank(self, text: str) -> None:
        needs = self.editor.pupil_needs()
        try:
            self.bank = add_school_strategy(self.store.root, new_school_strategy(text, needs))
        except (ValueError, OSError, SchoolFileError) as error:
            messages.warn(self, "Not added to the bank", in_words(error))
            return
        self.editor.set_bank(self.bank)
        self.statusBar().showMessage("Added to the school's strategy bank.", 5000)

    def manage_bank(self) -> None:
        self._load_bank_and_checker()
        if self.bank.problems:
            # Never edit (and then write over) a file that could not be read.
            messages.warn(
                self,
                "Strategy bank cannot be edited",
                "The school's strategies.json could not be read, so it was left as it is:\n"
                + "\n".join(str(p) for p in self.bank.problems[:10])
                + "\n\nFix or move the file, then try again.",
            )
            return
        dialog = StrategyBankDialog(self.bank, self)
        if not dialog.exec():
            return
        try:
            save_school_strategies(self.store.root, dialog.strategies(), self.bank.revision)
        except (OSError, SchoolFileError, SchoolFileConflict) as error:
            messages.warn(self, "Strategy bank not saved", in_words(error))
            return
        finally:
            self._load_bank_and_checker()

    def show_reviews(self) -> None:
        dialog = ReviewsDialog(self.last_scan.pupils, clock.today(), self)
        if dialog.exec() and dialog.chosen_id():
            self.search.clear()
            self.group_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
            self.due_filter.setChecked(False)
            self._select_id(dialog.chosen_id())  # type: ignore[arg-type]

    def mark_reviewed_today(self) -> None:
        before = self.session.content
        if before is None:
            return
        current = self.editor.pupil() or before
        after = mark_reviewed(
            current, clock.today(), self.session.user, self.school.review_period_weeks
        )
        self.editor.load(after, self.store.photo_path(after))
        self.undo_stack.push(EditCommand(self, before, after, "review"))
        self._content_changed(after)
        self.statusBar().showMessage(
            f"Reviewed today. Next review: {long_date(after.review.next_review)}.", 6000
        )

    def save_now(self) -> None:
        self.session.ask_again()  # saving on purpose asks again about a conflict put off
        self.session.save()

    def flush(self) -> bool:
        """Save what is unsaved before moving on. False: it could not be, and the user stays."""
        if not self.session.dirty:
            return True
        self.session.ask_again()  # a conflict put off earlier is asked about now
        if self.session.save():
            return True
        if self.session.state is SaveState.NEEDS_NAME and self.session.is_new:
            title, text = (
                "New pupil not saved",
                "This new pupil has no name yet, so it has not been saved. Leave it out?",
            )
        elif self.session.state is SaveState.NEEDS_NAME:
            title, text = (
                "Changes not saved",
                "This pupil's name is empty, so your changes have not been saved. Leave them "
                "unsaved? The pupil keeps the name it had.",
            )
        else:
            title, text = (
                "Changes not saved",
                "Your changes to this pupil are not saved. Leave them unsaved?",
            )
        answer = messages.ask(
            self,
            title,
            text,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        # Dropped as asked: what follows (an export, a pack, another pupil) sees the saved one.
        editing = self.current_id()
        self._show_pupil(None)
        if editing is not None and not self.session.is_new:
            with contextlib.suppress(NotFoundError, PupilFileError, OSError):
                self._show_pupil(self.store.load(editing))
        return True

    def _saved(self, saved: Pupil) -> None:
        first_save = self.pupils.row_of(saved.id) < 0
        self.pupils.update_pupil(saved)
        self._update_group_filter()
        if first_save and saved.id == self.current_id():
            self._select_id(saved.id)  # a new pupil, now named: its row appears, selected
        if self.read_only is not None:  # it saved, so the folder can be changed again
            self.check_folder()
        content = self.session.content
        if content is not None and content.id == saved.id:  # "Updated by … on …" moved on
            self.live.show_pupil(content, self.store.photo_path(content))
        self._watch()

    def _show_save_state(self, state: SaveState) -> None:
        self.save_label.setText(state.value)
        self.save_action.setEnabled(state is not SaveState.SAVED)

    def _choose_version(self, conflict: SaveConflict) -> Choice:
        return ConflictDialog.ask(conflict, self)

    def _conflict_resolved(self, choice: Choice) -> None:
        if choice is Choice.MINE:
            self.statusBar().showMessage("Your version was saved; theirs is in the history.", 8000)

    def _replaced(self, theirs: Pupil | None) -> None:
        self.undo_stack.clear()
        if theirs is None:
            self.refresh_list()
            self.open_pupil(None)
            return
        photo = self.store.photo_path(theirs)
        self.editor.load(theirs, photo)
        self.live.show_pupil(theirs, photo, now=True)
        self.pupils.update_pupil(theirs)

    # -- photos -------------------------------------------------------------------------------

    def choose_photo(self) -> None:
        folder = str(ui_state.PHOTO_FOLDER.get())
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose a photo", folder, "Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"
        )
        if path:
            ui_state.PHOTO_FOLDER.set(Path(path).parent)
            self.import_photo(Path(path))

    def import_photo(self, path: Path) -> None:
        content = self.editor.pupil()
        if content is None:
            return
        try:
            name = self.store.import_photo(content.id, path)
        except (PhotoError, OSError) as error:
            messages.warn(self, "Photo not added", str(error))
            return
        updated = content.model_copy(
            update={"pupil": content.pupil.model_copy(update={"photo": name})}
        )
        self._photo_changed(updated)
        if not updated.pupil.photo_consent:
            self.statusBar().showMessage(
                "Photo added. It prints only once 'Photo consent' is ticked.", 8000
            )

    def remove_photo(self) -> None:
        content = self.editor.pupil()
        if content is not None:
            self._photo_changed(
                content.model_copy(update={"pupil": content.pupil.model_copy(update={"photo": ""})})
            )

    def _photo_changed(self, updated: Pupil) -> None:
        before = self.session.content
        if before is None:
            return
        self.editor.load(updated, self.store.photo_path(updated))
        self.undo_stack.push(EditCommand(self, before, updated, "photo"))
        self._content_changed(updated)

    # -- new, delete, trash -------------------------------------------------------------------

    def new_pupil(self) -> None:
        """A blank pupil in the editor, written only once it has a name (nothing otherwise)."""
        if not self.flush():
            return
        self.search.clear()
        self.group_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.due_filter.setChecked(False)
        self._refreshing = True  # no row is this pupil's until it is saved
        self.table.setCurrentIndex(QModelIndex())
        self.table.clearSelection()
        self._refreshing = False
        self._show_pupil(self.store.new_pupil("", ""))
        self._show_save_state(SaveState.NEEDS_NAME)
        self.editor.ui.scroll.verticalScrollBar().setValue(0)  # the name fields, in view
        self.editor.ui.firstName.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_pupil(self) -> None:
        content = self.session.content
        if content is None:
            return
        if self.session.is_new:  # never written: nothing to move to the trash
            self.session.open(None)
            self.select_row(0)
            return
        if not self.flush():
            return
        row = self.table.currentIndex().row()
        try:
            self.store.delete(content.id)
        except (NotFoundError, OSError) as error:
            messages.warn(self, "Cannot delete", in_words(error))
            return
        self._deleted = (content.id, content.display_name)
        self.undo_delete_label.setText(f"{content.display_name} moved to the trash.")
        self.undo_delete_bar.show()
        self.undo_delete_action.setEnabled(True)
        self.session.open(None)
        self.refresh_list()
        self.select_row(min(row, self.proxy.rowCount() - 1))

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        pupil_id, _name = self._deleted
        self._restore(pupil_id)
        self._deleted = None
        self.undo_delete_bar.hide()
        self.undo_delete_action.setEnabled(False)

    def restore_from_trash(self) -> None:
        dialog = TrashDialog(self.store.scan_trash().pupils, self)
        if dialog.exec() and dialog.chosen_id():
            self._restore(dialog.chosen_id())  # type: ignore[arg-type]

    def _restore(self, pupil_id: str) -> None:
        if not self.flush():
            return
        try:
            pupil = self.store.restore(pupil_id)
        except (NotFoundError, FileExistsError, PupilFileError, OSError) as error:
            messages.warn(self, "Cannot restore", in_words(error))
            return
        self.refresh_list()
        self._select_id(pupil.id)
        self.statusBar().showMessage(f"{pupil.display_name} is back.", 5000)

    # -- output ---------------------------------------------------------------------------------

    def export(self, suffix: str) -> Path | None:
        content = self.session.content
        if content is None or not self.flush():
            return None
        content = self.session.content  # as saved (or as it was, if the edit was dropped)
        if content is None:
            return None
        kind = "PDF" if suffix == ".pdf" else "Word"
        folder = ui_state.EXPORT_FOLDER.get()
        audience = self.live.audience
        kind_of_page = "cover" if audience is Audience.COVER else "portrait"
        name = f"{files.safe_file_name(content.display_name)} - {kind_of_page}{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export {kind}", str(folder / name), f"{kind} (*{suffix})"
        )
        if not path:
            return None
        out = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        ui_state.EXPORT_FOLDER.set(out.parent)
        page = fit_portrait(self.store, content, self.school, audience, bank=self.bank)
        try:
            write_pages([page], out)
        except RenderError as error:
            messages.warn(self, f"{kind} not written", str(error))
            return None
        self.statusBar().showMessage(f"Exported {out}", 8000)
        return out

    def print_page(self) -> None:
        content = self.session.content
        if content is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        page = fit_portrait(self.store, content, self.school, self.live.audience, bank=self.bank)
        try:
            print_pages([page], printer)
        except RenderError as error:
            messages.warn(self, "Not printed", str(error))

    def import_pupils(self) -> ImportDialog | None:
        """File > Import pupils (edits are saved first; None when the user stays with them)."""
        from penportrait.gui.import_dialog import ImportDialog

        if not self.flush():
            return None
        dialog = ImportDialog(self.store, self.store.scan().pupils, self.session.user, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, result: ImportResult) -> None:
        self.last_import = result
        self._update_undo_import()
        self.refresh_list()
        self.statusBar().showMessage(f"Imported {len(result.touched)} pupils.", 8000)

    def _remove_leftovers(self) -> None:
        """Temporary copies left by crashed saves (on any laptop) are removed on opening."""
        with contextlib.suppress(OSError):
            self.store.remove_stale_temporary_files()

    def _update_undo_import(self) -> None:
        """Undo import is there while the folder holds an import not yet undone (the record
        lives in the data folder, so it outlives the app)."""
        self.undo_import_action.setEnabled(last_import(self.store) is not None)

    def undo_last_import(self) -> None:
        record = last_import(self.store)
        if record is None:
            self._update_undo_import()
            return
        if record.damaged:
            messages.warn(
                self,
                "Undo import",
                f"The last import's record is damaged ({record.damaged}). Nothing was undone.",
            )
            return
        answer = messages.ask(
            self,
            "Undo import",
            f"Put back the {len(record.touched)} pupils the last import added or changed? "
            "Pupils changed by anyone since the import are left as they are.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes or not self.flush():
            return
        self.session.open(None)
        report = undo(record, self.store, by=self.session.user)
        self.last_import = None
        self._update_undo_import()
        self.refresh_list()
        self.select_row(0)
        if report.left:
            messages.warn(
                self,
                "Some pupils were left as they are",
                f"{_count(len(report.undone), 'pupil was', 'pupils were')} put back. "
                "These were not:\n" + "\n".join(report.left),
            )
        else:
            self.statusBar().showMessage("The import was undone.", 8000)

    def make_pack(self) -> PackDialog | None:
        """File > Pack for cover staff: the dialog (edits are saved first; None: the user stays)."""
        from penportrait.gui.pack_dialog import PackDialog

        if not self.flush():
            return None
        scan = self.store.scan()
        chosen = self.group_filter.currentData() or ""
        dialog = PackDialog(
            self.store, scan.pupils, self.school, self, groups=[chosen] if chosen else []
        )
        dialog.pack_ready.connect(
            lambda pack: self.statusBar().showMessage(
                f"Pack made: {pack.pupils} portraits, {pack.page_count} pages.", 8000
            )
        )
        dialog.open()
        return dialog

    # -- folders, settings, checks ---------------------------------------------------------------

    def open_data_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open a data folder", str(self.store.root))
        if path and self.flush():
            self.set_store(Store(path), sample=False)

    def set_store(self, store: Store, *, sample: bool) -> None:
        for path in self.watcher.directories() + self.watcher.files():
            self.watcher.removePath(path)
        self.store, self.sample = store, sample
        self.session.use_store(store)
        self.school, self.school_problems = load_school(store.root)
        self.live.set_settings(self.school, logo=logo_path(self.store.root, self.school))
        self._load_bank_and_checker()
        self._update_undo_import()
        self._remove_leftovers()
        self._set_title()
        self.conflict_banner.hide()
        self._signature = folder_signature(store.root)
        self._start_polling()
        self.check_folder()
        self.refresh_list()
        self.select_row(0)

    def edit_school_settings(self) -> None:
        self.school, self.school_problems = load_school(self.store.root)
        if self.school_problems:
            messages.warn(
                self,
                "School settings cannot be edited",
                "The data folder's school.json could not be read, so it was left as it is:\n"
                + "\n".join(str(p) for p in self.school_problems[:10])
                + "\n\nFix or move the file, then try again.",
            )
            return
        dialog = SchoolSettingsDialog(self.school, self)
        if not dialog.exec():
            return
        result = dialog.result_settings()
        settings = result.settings
        try:
            if result.new_logo is not None:
                name = logo_file_name(result.new_logo)
                files.write_atomic(self.store.root / name, result.new_logo.read_bytes())
                settings = settings.model_copy(update={"logo": name})
            settings = save_school(self.store.root, settings)
        except (OSError, ValueError, SchoolFileError, SchoolFileConflict) as error:
            messages.warn(self, "Settings not saved", in_words(error))
            return
        self.apply_school(settings)

    def apply_school(self, settings: SchoolSettings) -> None:
        self.school, self.school_problems = settings, []
        self.live.set_settings(settings, logo=logo_path(self.store.root, settings))
        self._set_title()
        self._show_problems(self.last_scan)

    def check_data(self) -> None:
        scan = self.store.scan()
        problems = (
            school_files.check(self.store.root)
            + scan.problems
            + self.store.temporary_file_problems()
            + copy_problems(self.store)
        )
        CheckDialog(problems, len(scan.pupils) + len(scan.bad_files), self).exec()

    def ask_staff_name(self) -> bool:
        """Ask for the name portraits show as "Updated by"; kept in this user's settings."""
        name, ok = QInputDialog.getText(
            self,
            "Your name on portraits",
            "Your name as it should appear on portraits, for example K. Okafor.\n"
            'It is shown as "Updated by" on the pages you change. You can change it in '
            "Tools > Your name on portraits.",
            QLineEdit.EchoMode.Normal,
            self.session.user,
        )
        name = ui_state.clean_staff_name(name)
        if not ok or not name:
            return False
        ui_state.set_staff_name(name)
        self.session.user = name
        self.statusBar().showMessage(f"Portraits you change will say: Updated by {name}.", 6000)
        return True

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About PenPortrait",
            f"<b>PenPortrait {__version__}</b><p>One-page pupil pen portraits for SEND, "
            f"offline.</p><p>Data folder: {html.escape(str(self.store.root))}</p>"
            "<p>Pupil data stays on this computer: PenPortrait never uses the network.</p>"
            "<p>Pages are set in Liberation Sans, shipped with the app under the "
            "SIL Open Font License 1.1.</p>",
        )

    def _set_title(self) -> None:
        name = self.school.name or "PenPortrait"
        suffix = " (sample school: changes are not kept)" if self.sample else ""
        self.setWindowTitle(f"{name}{suffix} — PenPortrait")

    # -- closing ----------------------------------------------------------------------------------

    def _restore_ui_state(self) -> None:
        geometry = ui_state.GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        sizes = ui_state.SPLITTER.get()
        if not sizes.isEmpty():
            self.splitter.restoreState(sizes)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush():
            event.ignore()
            return
        ui_state.GEOMETRY.set(self.saveGeometry())
        ui_state.SPLITTER.set(self.splitter.saveState())
        event.accept()


def _count(number: int, one: str, many: str) -> str:
    """ "1 pupil was", "3 pupils were": a count with the words that go with it."""
    return f"{number} {one if number == 1 else many}"
