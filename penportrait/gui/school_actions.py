"""What the window does for the whole school: its settings and logo, the strategy bank,
importing pupils and undoing an import, checking the data folder, sync conflict copies, and the
name a member of staff signs their changes with.

Each command is a method here; ``handlers`` maps the names of gui/actions.py's MENUS to them.
Files are written only through core (core.operations, the importers, core.conflicts).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from penportrait.core import operations
from penportrait.core.access import plain_reason
from penportrait.core.conflicts import MergeSummary, merge_all, report_all
from penportrait.core.conflicts import apply as apply_resolution
from penportrait.core.files import LockTimeout
from penportrait.core.importers.record import last_import, undo
from penportrait.core.operations import OperationFailed
from penportrait.core.store import PupilFileError, SaveConflict
from penportrait.gui import messages, ui_state
from penportrait.gui.conflict_dialog import ClashDialog
from penportrait.gui.dialogs import CheckDialog, SchoolSettingsDialog, StrategyBankDialog

if TYPE_CHECKING:  # imported when first used: start-up pays only for what it shows
    from penportrait.core.importers.csv import ImportResult
    from penportrait.gui.import_dialog import ImportDialog
    from penportrait.gui.main_window import MainWindow


class SchoolActions(QObject):
    """File > Import pupils, Edit > Undo import, and the Tools menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_import: ImportResult | None = None

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "import_action": self.import_pupils,
            "undo_import_action": self.undo_last_import,
            "settings_action": self.edit_school_settings,
            "bank_action": self.manage_bank,
            "check_action": self.check_data,
            "conflicts_action": self.resolve_conflicts,
            "staff_name_action": lambda: self.ask_staff_name(),
        }

    # -- settings and the strategy bank ---------------------------------------------------------

    def edit_school_settings(self) -> None:
        window = self.window
        settings, problems = window.reload_school()
        if problems:
            messages.warn(
                window,
                "School settings cannot be edited",
                "The data folder's school.json could not be read, so it was left as it is:\n"
                + "\n".join(str(p) for p in problems[:10])
                + "\n\nFix or move the file, then try again.",
            )
            return
        dialog = SchoolSettingsDialog(settings, window)
        if not dialog.exec():
            return
        result = dialog.result_settings()
        try:
            saved = operations.save_settings(window.store.root, result.settings, result.new_logo)
        except OperationFailed as error:
            messages.warn(window, "Settings not saved", str(error))
            return
        window.apply_school(saved)

    def add_to_school_bank(self, text: str) -> None:
        """A strategy written for one pupil, offered to every colleague from now on."""
        window = self.window
        try:
            bank = operations.add_to_bank(window.store.root, text, window.editor.pupil_needs())
        except OperationFailed as error:
            messages.warn(window, "Not added to the bank", str(error))
            return
        window.apply_bank(bank)
        window.show_status("Added to the school's strategy bank.", 5000)

    def manage_bank(self) -> None:
        window = self.window
        window.reload_bank()
        bank = window.bank
        if bank.problems:
            # Never edit (and then write over) a file that could not be read.
            messages.warn(
                window,
                "Strategy bank cannot be edited",
                "The school's strategies.json could not be read, so it was left as it is:\n"
                + "\n".join(str(p) for p in bank.problems[:10])
                + "\n\nFix or move the file, then try again.",
            )
            return
        dialog = StrategyBankDialog(bank, window)
        if not dialog.exec():
            return
        try:
            operations.save_bank(window.store.root, dialog.strategies(), bank.revision)
        except OperationFailed as error:
            messages.warn(window, "Strategy bank not saved", str(error))
        finally:
            window.reload_bank()

    # -- importing pupils -----------------------------------------------------------------------

    def import_pupils(self) -> ImportDialog | None:
        """File > Import pupils (edits are saved first; None when the user stays with them)."""
        from penportrait.gui.import_dialog import ImportDialog

        window = self.window
        if not window.flush():
            return None
        dialog = ImportDialog(window.store, window.store.scan().pupils, window.session.user, window)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, result: ImportResult) -> None:
        self.last_import = result
        self.update_undo_import()
        self.window.refresh_list()
        self.window.show_status(f"Imported {len(result.touched)} pupils.", 8000)

    def update_undo_import(self) -> None:
        """Undo import is there while the folder holds an import not yet undone (the record
        lives in the data folder, so it outlives the app)."""
        self.window.undo_import_action.setEnabled(last_import(self.window.store) is not None)

    def undo_last_import(self) -> None:
        window = self.window
        record = last_import(window.store)
        if record is None:
            self.update_undo_import()
            return
        if record.damaged:
            messages.warn(
                window,
                "Undo import",
                f"The last import's record is damaged ({record.damaged}). Nothing was undone.",
            )
            return
        answer = messages.ask(
            window,
            "Undo import",
            f"Put back {_count(len(record.touched), 'pupil', 'pupils')} the last import added or "
            "changed? "
            "Pupils changed by anyone since the import are left as they are.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes or not window.flush():
            return
        window.show_pupil(None)
        try:
            report = undo(record, window.store, by=window.session.user)
        except (OSError, LockTimeout) as error:
            self.update_undo_import()
            window.refresh_list()
            messages.warn(
                window,
                "Undo import",
                f"The import could not be undone: {plain_reason(error)}. Pupils already put "
                "back stay put back; the list shows the data folder as it is now. Try again "
                "once the folder can be changed.",
            )
            return
        self.last_import = None
        self.update_undo_import()
        window.refresh_list()
        window.select_row(0)
        if report.left:
            messages.warn(
                window,
                "Some pupils were left as they are",
                f"{_count(len(report.undone), 'pupil was', 'pupils were')} put back. "
                "These were not:\n" + "\n".join(report.left),
            )
        else:
            window.show_status("The import was undone.", 8000)

    # -- checking the folder, sync conflict copies ----------------------------------------------

    def check_data(self) -> None:
        check = operations.check_folder(self.window.store)
        CheckDialog(check.problems, check.files, self.window).exec()

    def merge_conflict_copies(self, busy: str | None) -> MergeSummary:
        """Merge what merges by itself and say so in the banner (on opening, on every change).
        ``busy``: the pupil with unsaved edits here, left for later."""
        window = self.window
        try:
            summary = merge_all(
                window.store, by=window.session.user, skip={busy} if busy else set()
            )
        except OSError as error:
            window.show_status(f"Could not check for sync conflicts: {error}", 10000)
            return MergeSummary()
        choose = [r for r in summary.need_person if r.clashes and not r.problem]
        window.pupil_list.show_conflicts(
            len(summary.merged), len(choose), len(summary.need_person) - len(choose)
        )
        return summary

    def resolve_conflicts(self) -> ClashDialog | None:
        """Open the clash dialog for the next conflict copy that needs a person."""
        window = self.window
        reports = [r for r in report_all(window.store) if r.needs_person]
        if not reports:
            window.pupil_list.hide_conflicts()
            messages.inform(
                window, "Sync conflicts", "There are no sync conflict copies to resolve."
            )
            return None
        report = next((r for r in reports if r.clashes and not r.problem), None)
        if report is None:
            messages.inform(
                window,
                "Sync conflicts",
                "These conflict copies cannot be merged here; they were left as they are:\n\n"
                + "\n".join(r.describe() for r in reports),
            )
            return None
        dialog = ClashDialog(report, window)
        dialog.accepted.connect(lambda: self._save_resolution(dialog))
        dialog.open()
        return dialog

    def _save_resolution(self, dialog: ClashDialog) -> None:
        window = self.window
        if dialog.report.copy.pupil_id == window.current_id() and not window.flush():
            return
        try:
            saved = apply_resolution(
                window.store, dialog.report, dialog.choices(), by=window.session.user
            )
        except (SaveConflict, PupilFileError, OSError, ValueError) as error:
            messages.warn(
                window,
                "Not saved",
                f"The choice was not saved, and both versions were left as they are: {error}",
            )
            return
        window.show_status(f"{saved.display_name}: both versions merged.", 6000)
        window.refresh_list()

    # -- who is editing --------------------------------------------------------------------------

    def ask_staff_name(self) -> bool:
        """Ask for the name portraits show as "Updated by"; kept in this user's settings."""
        window = self.window
        name, ok = QInputDialog.getText(
            window,
            "Your name on portraits",
            "Your name as it should appear on portraits, for example K. Okafor.\n"
            'It is shown as "Updated by" on the pages you change. You can change it in '
            "Tools > Your name on portraits.",
            QLineEdit.EchoMode.Normal,
            window.session.user,
        )
        name = ui_state.clean_staff_name(name)
        if not ok or not name:
            return False
        ui_state.set_staff_name(name)
        window.editing.sign_as(name)
        window.show_status(f"Portraits you change will say: Updated by {name}.", 6000)
        return True


def _count(number: int, one: str, many: str) -> str:
    """ "1 pupil was", "3 pupils were": a count with the words that go with it."""
    return f"{number} {one if number == 1 else many}"
