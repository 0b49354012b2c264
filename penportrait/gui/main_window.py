"""The main window: the pupil list, the editor and the live page, with menus and autosave.

The window puts the parts side by side and wires them together; each part owns its widgets and
talks through signals and small methods: gui/pupil_list_panel.py (the list, its filters and
notices), gui/pupil_editing.py (the editor with its session, undo and hints), gui/live_page.py
(the page as it will print), gui/folder_watch.py (other laptops' changes), and the commands
grouped by concern (gui/pupil_actions.py, gui/output_actions.py, gui/school_actions.py), whose
menus, toolbar and keys come from gui/actions.py's one table. Files change only through core.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
)

from penportrait import __version__
from penportrait.core import operations
from penportrait.core.access import folder_problem
from penportrait.core.bank import Bank, load_bank
from penportrait.core.model import Pupil
from penportrait.core.plain_english import load_checker
from penportrait.core.school import SchoolSettings, load_school, logo_path, logo_problem
from penportrait.core.store import (
    FolderScan,
    NotFoundError,
    Problem,
    PupilFileError,
    Store,
)
from penportrait.gui import actions, messages, ui_state
from penportrait.gui.dialogs import show_shortcuts
from penportrait.gui.folder_watch import FolderWatch
from penportrait.gui.live_page import LivePage
from penportrait.gui.output_actions import OutputActions
from penportrait.gui.pupil_actions import PupilActions
from penportrait.gui.pupil_editing import PupilEditing
from penportrait.gui.pupil_list_panel import PupilListPanel
from penportrait.gui.school_actions import SchoolActions
from penportrait.gui.session import SaveState


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
    conflicts_action: QAction
    staff_name_action: QAction
    shortcuts_action: QAction
    about_action: QAction

    def __init__(self, store: Store, *, sample: bool = False) -> None:
        super().__init__()
        self.store = store
        self.sample = sample
        self.school, self.school_problems = load_school(store.root)
        self.last_scan = FolderScan()
        self.read_only: str | None = None  # why the data folder cannot be changed, if it cannot

        self.pupil_list = PupilListPanel()
        self.editing = PupilEditing(store, user=ui_state.staff_name(), parent=self)
        self.editor, self.session = self.editing.editor, self.editing.session
        self.live = LivePage()
        self._show_school()
        self.pupil_actions = PupilActions(self)
        self.output_actions = OutputActions(self)
        self.school_actions = SchoolActions(self)
        self.reload_bank()
        operations.remove_leftovers(self.store)
        self.folder_watch = FolderWatch(store.root, self)
        self._lay_out()
        self._build_actions()
        self._connect()

        self._set_title()
        self.resize(1320, 820)
        self._restore_ui_state()
        self.check_folder()
        self.refresh_list()
        self.select_row(0)
        self.editing.show_state(SaveState.SAVED)

    # -- building ---------------------------------------------------------------------------

    def _lay_out(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self.pupil_list)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([360, 500, 460])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.statusBar().addPermanentWidget(self.editing.save_label)

    def command_handlers(self) -> dict[str, Callable[[], object]]:
        """What each command of gui/actions.py does: the parts' own, then the window's."""
        handlers: dict[str, Callable[[], object]] = {
            "save_action": self.editing.save_now,
            "open_folder_action": self.open_data_folder,
            "quit_action": self.close,
            "find_action": self.pupil_list.focus_search,
            "previous_action": lambda: self.pupil_list.step(-1),
            "next_action": lambda: self.pupil_list.step(1),
            "shortcuts_action": lambda: show_shortcuts(self),
            "about_action": self.about,
        }
        for part in (self.live, self.pupil_actions, self.output_actions, self.school_actions):
            theirs = part.handlers()
            if theirs.keys() & handlers.keys():
                raise ValueError(f"two handlers for {sorted(theirs.keys() & handlers.keys())}")
            handlers.update(theirs)
        return handlers

    def _build_actions(self) -> None:
        """Menus, toolbar and shortcuts from the one table of commands (gui/actions.py)."""
        made = {
            "undo_action": self.editing.undo_stack.createUndoAction(self, "&Undo"),
            "redo_action": self.editing.undo_stack.createRedoAction(self, "&Redo"),
        }
        built = actions.build(self, self.command_handlers(), made)
        for name, action in built.items():
            setattr(self, name, action)
        self.school_actions.update_undo_import()
        self.undo_delete_action.setEnabled(False)
        self.live.bind_audience_actions(self.staff_view, self.cover_view)
        self.command_keys = actions.CommandKeysFirst(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.command_keys)

    def _connect(self) -> None:
        self.pupil_list.pupil_chosen.connect(self._pupil_chosen)
        self.pupil_list.undo_delete_requested.connect(self.pupil_actions.undo_delete)
        self.pupil_list.resolve_requested.connect(self.school_actions.resolve_conflicts)
        self.folder_watch.changed.connect(self.refresh_list)
        self.editor.photo_chosen.connect(self.pupil_actions.import_photo)
        self.editor.photo_removed.connect(self.pupil_actions.remove_photo)
        self.editor.photo_requested.connect(self.pupil_actions.choose_photo)
        self.editor.add_to_bank.connect(self.school_actions.add_to_school_bank)
        self.editor.mark_reviewed.connect(self.pupil_actions.mark_reviewed_today)
        self.live.check_requested.connect(self.pupil_actions.check_portrait)
        self.editing.opened.connect(self._pupil_shown)
        self.editing.content_changed.connect(
            lambda content: self.live.show_pupil(content, self.store.photo_path(content))
        )
        self.editing.hints_changed.connect(self.live.set_hint_count)
        self.editing.state_changed.connect(
            lambda state: self.save_action.setEnabled(state is not SaveState.SAVED)
        )
        self.editing.saved.connect(self._saved)
        self.editing.failed.connect(self._save_failed)
        self.editing.replaced.connect(self._replaced)
        self.editing.message.connect(self.show_status)

    def show_status(self, text: str, milliseconds: int) -> None:
        """A passing message in the status bar."""
        self.statusBar().showMessage(text, milliseconds)

    # -- the list -----------------------------------------------------------------------------

    def refresh_list(self) -> FolderScan:
        """Read the folder again (another laptop may have changed it) without losing the edit."""
        current = self.current_id()
        dirty = self.editing.has_unsaved_changes()
        self.school_actions.merge_conflict_copies(current if dirty else None)
        scan = self.store.scan()
        self.last_scan = scan
        self.pupil_list.show_pupils(scan.pupils, current)
        self._show_problems()
        on_disk = next((p for p in scan.pupils if p.id == current), None)
        written = not self.session.is_new
        if current is not None and on_disk is None and written and not dirty:
            self.open_pupil(None)  # deleted elsewhere
        elif on_disk is not None and self.editing.is_behind(on_disk):
            self.show_pupil(on_disk)  # changed elsewhere, nothing unsaved here: show theirs
            self.show_status(f"{on_disk.display_name} was updated on another computer.", 6000)
        count = len(scan.pupils)
        where = "a temporary copy of the sample school" if self.sample else str(self.store.root)
        self.show_status(f"{count} pupil{'s' if count != 1 else ''} · {where}", 5000)
        self.folder_watch.add_new_paths()
        return scan

    def _show_problems(self) -> None:
        # The school's own files too: an unreadable strategies.json changes what cover staff
        # are asked to do, so it is shown, not only left for Tools > Check data.
        problems: list[Problem] = (
            self.school_problems
            + self.bank.problems
            + self.word_list_problems
            + self.last_scan.problems
        )
        self.pupil_list.show_unreadable([p.file for p in problems + self.logo_problems])

    def current_id(self) -> str | None:
        return self.editing.current_id()

    def select_row(self, row: int) -> None:
        if not self.pupil_list.select_row(row) and self.pupil_list.row_count() == 0:
            self.open_pupil(None)

    def _pupil_chosen(self, pupil: Pupil) -> None:
        if pupil.id == self.current_id():
            return
        if not self.flush():
            # The edit could not be saved and the user chose to stay. The click that moved the
            # row goes on to select it after this returns: put the list back once it is done.
            QTimer.singleShot(0, lambda: self.pupil_list.show_selected(self.current_id()))
            return
        self.open_pupil(pupil.id)

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
        self.show_pupil(pupil)

    def show_pupil(self, pupil: Pupil | None) -> None:
        """Put ``pupil`` (or nobody) in the editor and on the live page, with a fresh undo."""
        self.editing.show(pupil)

    def _pupil_shown(self, pupil: Pupil | None) -> None:
        photo = self.store.photo_path(pupil) if pupil else None
        self.live.show_pupil(pupil, photo, now=True)
        self._enable_for_pupil()
        self.pupil_opened.emit(pupil)

    def _enable_for_pupil(self) -> None:
        """What can be done with the pupil in the editor (or with none) in this folder."""
        shown = self.session.content is not None
        writable = self.read_only is None
        self.editing.set_writable(writable)
        self.delete_action.setEnabled(shown and writable)
        self.mark_reviewed_action.setEnabled(shown and writable)
        for action in (self.export_pdf_action, self.export_word_action, self.print_action):
            action.setEnabled(shown)

    # -- a folder that cannot be changed ----------------------------------------------------

    def check_folder(self) -> str | None:
        """Open the folder read-only (with a banner) when its files cannot be changed."""
        problem = folder_problem(self.store.root)
        self.read_only = problem
        self.pupil_list.show_read_only(problem)
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
        self._enable_for_pupil()
        return problem

    def _save_failed(self, message: str) -> None:
        self.show_status(message, 10000)
        if self.read_only is None and self.check_folder() is not None:
            messages.warn(
                self,
                "Changes not saved",
                f"{message}\n\n{self.read_only} Your change is still on screen: you can "
                "export or print it.",
            )

    # -- plain English and the strategy bank --------------------------------------------------

    def reload_bank(self) -> None:
        """Read the school's strategies and plain-English words again."""
        checker, self.word_list_problems = load_checker(self.store.root)
        self.editing.set_checker(checker)
        self.apply_bank(load_bank(self.store.root))

    def apply_bank(self, bank: Bank) -> None:
        self.bank = bank
        self.editing.set_bank(bank)
        self.live.set_bank(bank)
        self._show_problems()

    # -- saving -------------------------------------------------------------------------------

    def flush(self) -> bool:
        """Save what is unsaved before moving on. False: it could not be, and the user stays."""
        return self.editing.flush()

    def _saved(self, saved: Pupil) -> None:
        first_save = self.pupil_list.update_pupil(saved)
        if first_save and saved.id == self.current_id():
            self.pupil_list.select_id(saved.id)  # a new pupil, now named: its row, selected
        if self.read_only is not None:  # it saved, so the folder can be changed again
            self.check_folder()
        content = self.session.content
        if content is not None and content.id == saved.id:  # "Updated by … on …" moved on
            self.live.show_pupil(content, self.store.photo_path(content))
        self.folder_watch.add_new_paths()

    def _replaced(self, theirs: Pupil | None) -> None:
        if theirs is None:
            self.refresh_list()
            self.open_pupil(None)
            return
        self.live.show_pupil(theirs, self.store.photo_path(theirs), now=True)
        self.pupil_list.update_pupil(theirs)

    # -- the data folder and the school -----------------------------------------------------------

    def open_data_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open a data folder", str(self.store.root))
        if path and self.flush():
            self.set_store(Store(path), sample=False)

    def set_store(self, store: Store, *, sample: bool) -> None:
        """Open ``store`` as if for the first time, even when it is the folder already open:
        nobody in the editor and no undo history until its first pupil is opened."""
        self.store, self.sample = store, sample
        self.pupil_list.forget_pupils()
        self.editing.use_store(store)
        self.pupil_actions.forget_deleted()  # its trash is the other folder's
        self.school, self.school_problems = load_school(store.root)
        self._show_school()
        self.reload_bank()
        self.school_actions.update_undo_import()
        operations.remove_leftovers(self.store)
        self._set_title()
        self.pupil_list.hide_conflicts()
        self.folder_watch.watch(store.root)
        self.check_folder()
        self.refresh_list()
        self.select_row(0)

    def reload_school(self) -> tuple[SchoolSettings, list[Problem]]:
        """Read school.json again (before editing it: another laptop may have saved it)."""
        self.school, self.school_problems = load_school(self.store.root)
        return self.school, self.school_problems

    def apply_school(self, settings: SchoolSettings) -> None:
        self.school, self.school_problems = settings, []
        self._show_school()
        self._set_title()
        self._show_problems()

    def _show_school(self) -> None:
        """The live page lays out with the school's settings and logo; reviews follow its
        review period. A logo exports leave out is said with the other problems: worked out
        here, once per change of settings, not on every rescan."""
        logo = logo_problem(self.store.root, self.school)
        self.logo_problems: list[Problem] = [logo] if logo is not None else []
        self.live.set_settings(self.school, logo=logo_path(self.store.root, self.school))
        self.editing.set_review_period(self.school.review_period_weeks)

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
        suffix = " (sample school: changes are not kept)" if self.sample else ""
        school = f"{self.school.name}{suffix} — " if self.school.name or suffix else ""
        self.setWindowTitle(f"{school}PenPortrait")

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
