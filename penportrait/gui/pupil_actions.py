"""What the window does to one pupil: new, delete and undo delete, restore from the trash, the
photo, reviews, and the plain-English check.

Each command is a method here; ``handlers`` maps the names of gui/actions.py's MENUS to them.
The data folder is changed only through core.operations; the editor and the list are told what
to show through the window's small methods.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog

from penportrait.core import clock, operations
from penportrait.core.operations import OperationFailed
from penportrait.core.reviews import mark_reviewed
from penportrait.core.views import long_date
from penportrait.gui import messages, ui_state
from penportrait.gui.dialogs import HintsDialog, ReviewsDialog, TrashDialog

if TYPE_CHECKING:
    from penportrait.gui.main_window import MainWindow


@contextlib.contextmanager
def focus_kept() -> Iterator[None]:
    """Keep the keyboard where it was: the editor goes blank for a moment between one pupil and
    the next (a delete, a restore), and a disabled field loses the focus for good otherwise."""
    before = QApplication.focusWidget()
    try:
        yield
    finally:
        if (
            before is not None
            and shiboken6.isValid(before)
            and before.isVisible()
            and before.isEnabled()
            and QApplication.focusWidget() is not before
        ):
            before.setFocus()


class PupilActions(QObject):
    """File > New / Delete / Restore, Edit > Undo delete, Review > …, and the photo buttons."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.deleted: tuple[str, str] | None = None  # (id, name) of the last pupil deleted

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "new_action": self.new_pupil,
            "delete_action": self.delete_pupil,
            "trash_action": self.restore_from_trash,
            "undo_delete_action": self.undo_delete,
            "reviews_action": self.show_reviews,
            "mark_reviewed_action": self.mark_reviewed_today,
            "check_portrait_action": self.check_portrait,
        }

    # -- new, delete, trash -------------------------------------------------------------------

    def new_pupil(self) -> None:
        """A blank pupil in the editor, written only once it has a name (nothing otherwise)."""
        window = self.window
        if not window.flush():
            return
        window.pupil_list.clear_filters()
        window.pupil_list.show_selected(None)  # no row is this pupil's until it is saved
        window.editing.start_new(operations.new_pupil(window.store))

    def delete_pupil(self) -> None:
        with focus_kept():
            self._delete_pupil()

    def _delete_pupil(self) -> None:
        window = self.window
        content = window.session.content
        if content is None:
            return
        if window.session.is_new:  # never written: nothing to move to the trash
            window.show_pupil(None)
            window.select_row(0)
            return
        if not window.flush():
            return
        row = window.pupil_list.current_row()
        try:
            operations.delete_pupil(window.store, content.id)
        except OperationFailed as error:
            messages.warn(window, "Cannot delete", str(error))
            return
        self.deleted = (content.id, content.display_name)
        window.pupil_list.show_deleted(content.display_name)
        window.undo_delete_action.setEnabled(True)
        window.show_pupil(None)
        window.refresh_list()
        window.select_row(min(row, window.pupil_list.row_count() - 1))

    def undo_delete(self) -> None:
        if self.deleted is None:
            return
        pupil_id, _name = self.deleted
        focused = QApplication.focusWidget()
        bar_had_focus = focused is not None and (
            self.window.pupil_list.undo_delete_bar.isAncestorOf(focused)
        )
        self.restore(pupil_id)
        self.forget_deleted()
        if bar_had_focus:  # the bar is gone: the keyboard goes to the pupil it brought back
            self.window.pupil_list.table.setFocus()

    def forget_deleted(self) -> None:
        """The undo-delete bar and command go: after the undo, or in another data folder."""
        self.deleted = None
        self.window.pupil_list.hide_deleted()
        self.window.undo_delete_action.setEnabled(False)

    def restore_from_trash(self) -> None:
        dialog = TrashDialog(self.window.store.scan_trash().pupils, self.window)
        chosen = dialog.chosen_id() if dialog.exec() else None
        if chosen:
            self.restore(chosen)

    def restore(self, pupil_id: str) -> None:
        with focus_kept():
            self._restore(pupil_id)

    def _restore(self, pupil_id: str) -> None:
        window = self.window
        if not window.flush():
            return
        try:
            pupil = operations.restore_pupil(window.store, pupil_id)
        except OperationFailed as error:
            messages.warn(window, "Cannot restore", str(error))
            return
        window.refresh_list()
        window.pupil_list.select_id(pupil.id)
        window.show_status(f"{pupil.display_name} is back.", 5000)

    # -- the photo ------------------------------------------------------------------------------

    def choose_photo(self) -> None:
        folder = str(ui_state.PHOTO_FOLDER.get())
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            "Choose a photo",
            folder,
            "Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)",
        )
        if path:
            ui_state.PHOTO_FOLDER.set(Path(path).parent)
            self.import_photo(Path(path))

    def import_photo(self, path: Path) -> None:
        window = self.window
        content = window.editor.pupil()
        if content is None:
            return
        try:
            updated = operations.add_photo(window.store, content, path)
        except OperationFailed as error:
            messages.warn(window, "Photo not added", str(error))
            return
        window.editing.record_edit(updated, "photo")
        if not updated.pupil.photo_consent:
            window.show_status("Photo added. It prints only once 'Photo consent' is ticked.", 8000)

    def remove_photo(self) -> None:
        content = self.window.editor.pupil()
        if content is not None:
            self.window.editing.record_edit(operations.with_photo(content, ""), "photo")

    # -- reviews and plain English ------------------------------------------------------------

    def show_reviews(self) -> None:
        window = self.window
        dialog = ReviewsDialog(window.last_scan.pupils, clock.today(), window)
        chosen = dialog.chosen_id() if dialog.exec() else None
        if chosen:
            window.pupil_list.clear_filters()
            window.pupil_list.select_id(chosen)

    def mark_reviewed_today(self) -> None:
        window = self.window
        before = window.session.content
        if before is None:
            return
        current = window.editor.pupil() or before
        after = mark_reviewed(
            current, clock.today(), window.session.user, window.school.review_period_weeks
        )
        window.editing.record_edit(after, "review")
        window.show_status(
            f"Reviewed today. Next review: {long_date(after.review.next_review)}.", 6000
        )

    def check_portrait(self) -> None:
        content = self.window.session.content
        if content is not None:
            HintsDialog(
                content.display_name, self.window.editing.portrait_hints(), self.window
            ).exec()
