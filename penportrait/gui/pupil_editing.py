"""The editor with its session: the pupil being edited, its undo, its hints, and its saving.

``PupilEditing`` owns the editor form (gui/editor.py), the edit session (gui/session.py, which
wraps core's Draft), the undo stack and the plain-English hints. It says what happened by
signal (``opened``, ``content_changed``, ``saved``, ``replaced``, ``failed``) and the window
shows it on the list and the live page. Undo is a stack of snapshots (the pupil before and after
each edit), so it works across every field and never depends on widget state.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from penportrait.core.bank import Bank
from penportrait.core.model import Pupil
from penportrait.core.plain_english import Checker, FieldHint
from penportrait.core.reviews import follow_last_reviewed
from penportrait.core.store import NotFoundError, PupilFileError, SaveConflict, Store
from penportrait.gui import messages
from penportrait.gui.dialogs import ConflictDialog
from penportrait.gui.editor import PupilEditor
from penportrait.gui.session import Choice, EditSession, SaveState

HINT_DELAY_MS: Final = 300


class EditCommand(QUndoCommand):
    """One edit: the pupil before and after. Typing in one field merges into one step; a
    command's edit (``merges=False``: a photo chosen or removed, a review) is a step of its own,
    so Undo after a second photo brings back the first, not the one before both."""

    def __init__(
        self, editing: PupilEditing, before: Pupil, after: Pupil, field: str, *, merges: bool = True
    ) -> None:
        super().__init__(editing.editor.field_label(field))
        self.editing, self.before, self.after, self.field = editing, before, after, field
        self.merges = merges
        self._done = False

    def id(self) -> int:
        return 1 if self.merges else -1  # Qt merges only commands with the same id, never -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, EditCommand) and other.field == self.field:
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        if self._done:  # the first time, the editor already shows it
            self.editing.apply_content(self.after)
        self._done = True

    def undo(self) -> None:
        self.editing.apply_content(self.before)


class PupilEditing(QObject):
    """One pupil at a time in the editor, saved as it changes, with undo and hints."""

    opened = Signal(object)  # the Pupil now in the editor (or None), as on disk
    content_changed = Signal(object)  # the Pupil as edited (not saved yet)
    saved = Signal(object)  # the Pupil as saved
    replaced = Signal(object)  # theirs was kept in a conflict (None: theirs was deleted)
    failed = Signal(str)  # a save failed: the message for the user
    state_changed = Signal(object)  # the SaveState now shown
    hints_changed = Signal(int)  # how many plain-English hints the portrait has
    message = Signal(str, int)  # a passing message for the status bar, and for how long

    def __init__(self, store: Store, *, user: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent  # where questions and the conflict dialog open
        self.editor = PupilEditor()
        self.session = EditSession(store, user=user, ask=self._choose_version)
        self.undo_stack = QUndoStack(self)
        self.checker = Checker([])
        self.review_period_weeks = 0
        self.hint_timer = QTimer(self, singleShot=True, interval=HINT_DELAY_MS)
        self.hint_timer.timeout.connect(self.update_hints)
        self.save_label = QLabel()
        self.save_label.setTextFormat(Qt.TextFormat.PlainText)
        self.save_label.setAccessibleName("Save state")
        self.editor.edited.connect(self._edited)
        self.session.state_changed.connect(self.show_state)
        self.session.saved.connect(self.saved)
        self.session.failed.connect(self.failed)
        self.session.replaced.connect(self._replaced)
        self.session.resolved.connect(self._conflict_resolved)

    # -- what is being edited -----------------------------------------------------------------

    @property
    def content(self) -> Pupil | None:
        return self.session.content

    def current_id(self) -> str | None:
        return self.session.content.id if self.session.content else None

    def has_unsaved_changes(self) -> bool:
        return self.session.dirty

    def is_behind(self, on_disk: Pupil) -> bool:
        """Another laptop saved ``on_disk`` since this pupil was opened, and nothing is unsaved
        here: showing theirs loses nothing."""
        return not self.session.dirty and on_disk.revision > self.session.base_revision

    def show(self, pupil: Pupil | None) -> None:
        """Edit ``pupil`` (or nobody) as it is on disk, with a fresh undo history."""
        self.session.open(pupil)
        self.undo_stack.clear()
        self.editor.load(pupil, self._photo(pupil))
        self.update_hints()
        self.opened.emit(pupil)

    def start_new(self, pupil: Pupil) -> None:
        """A blank pupil, the cursor in its first name; it is saved once it has a name."""
        self.show(pupil)
        self.show_state(SaveState.NEEDS_NAME)
        self.editor.show_name_fields()

    def use_store(self, store: Store) -> None:
        """Edit in another data folder (or the same one afresh): nothing is open after, the
        form is empty and the undo history is gone (its edits belonged to the old folder)."""
        self.session.use_store(store)
        self.show(None)

    def set_checker(self, checker: Checker) -> None:
        self.checker = checker
        self.update_hints()

    def set_bank(self, bank: Bank) -> None:
        """The strategies the editor offers (built-in and the school's)."""
        self.editor.set_bank(bank)

    def set_writable(self, writable: bool) -> None:
        """The form takes edits only with a pupil open in a folder that can be changed."""
        self.editor.setEnabled(writable and self.session.content is not None)

    def sign_as(self, name: str) -> None:
        """The staff name the next saves are signed with ("Updated by")."""
        self.session.user = name

    def set_review_period(self, weeks: int) -> None:
        """The school's review period: the next review follows the last one by this much."""
        self.review_period_weeks = weeks

    def _photo(self, pupil: Pupil | None) -> Path | None:
        return self.session.store.photo_path(pupil) if pupil is not None else None

    # -- edits ----------------------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        before = self.session.content
        after = self.editor.pupil()
        if before is None or after is None:
            return
        if field == "lastReviewed":  # the next review follows, unless it was set by hand
            followed = follow_last_reviewed(before, after, self.review_period_weeks)
            if followed != after:
                after = followed
                self.editor.load(after, self.session.store.photo_path(after))
        self.undo_stack.push(EditCommand(self, before, after, field))
        self._content_changed(after)

    def record_edit(self, after: Pupil, field: str) -> None:
        """An edit made by a command (a photo, a review): shown, undoable, saved like typing."""
        before = self.session.content
        if before is None:
            return
        self.editor.load(after, self.session.store.photo_path(after))
        self.undo_stack.push(EditCommand(self, before, after, field, merges=False))
        self._content_changed(after)

    def apply_content(self, content: Pupil) -> None:
        """Undo/redo: show ``content`` and save it like any edit."""
        self.editor.load(content, self.session.store.photo_path(content))
        self._content_changed(content)

    def _content_changed(self, content: Pupil) -> None:
        self.session.edited(content)
        self.content_changed.emit(content)
        self.hint_timer.start()

    def portrait_hints(self) -> list[FieldHint]:
        content = self.session.content
        return self.checker.check_pupil(content) if content is not None else []

    def update_hints(self) -> None:
        self.hint_timer.stop()
        hints = self.portrait_hints()
        self.editor.show_hints(hints)
        self.hints_changed.emit(len(hints))

    # -- saving -------------------------------------------------------------------------------

    def save_now(self) -> None:
        self.session.ask_again()  # saving on purpose asks again about a conflict put off
        self.session.save()

    def show_state(self, state: SaveState) -> None:
        self.save_label.setText(state.value)
        self.state_changed.emit(state)

    def flush(self) -> bool:
        """Save what is unsaved before moving on. False: it could not be, and the user stays."""
        if not self.session.dirty:
            return True
        self.session.ask_again()  # a conflict put off earlier is asked about now
        if self.session.save():
            return True
        title, text = self._unsaved_question()
        answer = messages.ask(
            self._parent,
            title,
            text,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        # Dropped as asked: what follows (an export, a pack, another pupil) sees the saved one.
        editing = self.current_id()
        self.show(None)
        if editing is not None and not self.session.is_new:
            with contextlib.suppress(NotFoundError, PupilFileError, OSError):
                self.show(self.session.store.load(editing))
        return True

    def _unsaved_question(self) -> tuple[str, str]:
        """The title and question when an edit could not be saved before moving on."""
        if self.session.state is SaveState.NEEDS_NAME and self.session.is_new:
            return (
                "New pupil not saved",
                "This new pupil has no name yet, so it has not been saved. Leave it out?",
            )
        if self.session.state is SaveState.NEEDS_NAME:
            return (
                "Changes not saved",
                "This pupil's name is empty, so your changes have not been saved. Leave them "
                "unsaved? The pupil keeps the name it had.",
            )
        return (
            "Changes not saved",
            "Your changes to this pupil are not saved. Leave them unsaved?",
        )

    def _choose_version(self, conflict: SaveConflict) -> Choice:
        return ConflictDialog.ask(conflict, self._parent)

    def _conflict_resolved(self, choice: Choice) -> None:
        if choice is Choice.MINE:
            self.message.emit("Your version was saved; theirs is in the history.", 8000)

    def _replaced(self, theirs: Pupil | None) -> None:
        self.undo_stack.clear()
        if theirs is not None:
            self.editor.load(theirs, self.session.store.photo_path(theirs))
        self.replaced.emit(theirs)
