"""Editing one pupil in the window: autosave, trying again after a failure, asking about conflicts.

What is saved and when it conflicts is core's ``Draft`` (plain Python, tested without Qt). This
wrapper adds only what needs Qt: the autosave timer, the timer that tries a failed save again,
the signals the window listens to, and asking the user about a conflict. A save that meets a
conflict asks (through ``ask``, which the window gives: the conflict dialog) and feeds the answer
back to the draft in a loop until it is settled or put off; no dialog opens inside a slot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from penportrait.core.draft import (
    Choice,
    Conflict,
    Draft,
    Failed,
    Outcome,
    Replaced,
    Saved,
    SaveState,
    has_name,
)
from penportrait.core.model import Pupil
from penportrait.core.store import SaveConflict, Store

__all__ = ["AUTOSAVE_MS", "RETRY_MS", "Choice", "EditSession", "SaveState", "has_name"]

AUTOSAVE_MS: Final = 1000  # after the user stops typing
RETRY_MS: Final = 5000  # after a save failed (a locked file, a folder briefly read-only)

Ask = Callable[[SaveConflict], Choice]


def _decide_later(_conflict: SaveConflict) -> Choice:
    return Choice.CANCEL


class EditSession(QObject):
    """The pupil being edited, and whether it is saved."""

    saved = Signal(object)  # the Pupil as saved
    state_changed = Signal(object)  # SaveState
    failed = Signal(str)  # a message for the user
    replaced = Signal(object)  # the content changed underneath (theirs was kept): reload it
    resolved = Signal(object)  # the Choice (mine or theirs) that settled a conflict

    def __init__(self, store: Store, *, user: str = "", ask: Ask | None = None) -> None:
        super().__init__()
        self.draft = Draft(store, user=user)
        self.ask = ask or _decide_later  # what the user chooses about a conflict
        self._shown = self.draft.state
        self._asking = False  # the user is choosing about a conflict (a dialog is open)
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self.retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self._retry)

    # -- the draft, read through --------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self.draft.store

    @property
    def user(self) -> str:
        return self.draft.user

    @user.setter
    def user(self, name: str) -> None:
        self.draft.user = name

    @property
    def content(self) -> Pupil | None:
        return self.draft.content

    @property
    def base_revision(self) -> int:
        return self.draft.base_revision

    @property
    def dirty(self) -> bool:
        return self.draft.dirty

    @property
    def state(self) -> SaveState:
        return self.draft.state

    @property
    def is_new(self) -> bool:
        return self.draft.is_new

    # -- what the window does -----------------------------------------------------------------

    def open(self, pupil: Pupil | None) -> None:
        """Start editing ``pupil`` (saved as it is on disk)."""
        self._stop()
        self.draft.open(pupil)
        self._show_state()

    def use_store(self, store: Store) -> None:
        """Edit in another data folder (save or drop the edit first); nothing is open after."""
        self._stop()
        self.draft.use_store(store)
        self._show_state()

    def edited(self, content: Pupil) -> None:
        """The user changed something: save within a second of their stopping."""
        self.draft.edit(content)
        self._show_state()
        self.timer.start()

    def ask_again(self) -> None:
        """The next save asks again about a conflict the user put off (Cancel)."""
        if self._asking:
            return  # that conflict is being asked about right now
        self.draft.ask_again()
        self._show_state()

    def save(self) -> bool:
        """Save now if there is anything to save. False when it could not be saved."""
        self.timer.stop()
        if self._asking:
            return False  # called while the conflict dialog is open: that save is not done yet
        return self._settle(self.draft.save())

    def _retry(self) -> None:
        if not self._asking:
            self._settle(self.draft.retry())

    def _settle(self, outcome: Outcome) -> bool:
        choice: Choice | None = None
        while isinstance(outcome, Conflict):  # a second conflict while resolving asks again
            self._show_state()  # "changed on another computer" while the user chooses
            self._asking = True
            try:
                choice = self.ask(outcome.conflict)
            finally:
                self._asking = False
            outcome = self.draft.resolve(choice)
        self._show_state()
        if isinstance(outcome, Saved):
            self.retry_timer.stop()
            self.saved.emit(outcome.pupil)
        elif isinstance(outcome, Replaced):
            self.retry_timer.stop()
            self.replaced.emit(outcome.theirs)
        elif isinstance(outcome, Failed):
            if self.draft.state is SaveState.FAILED and not outcome.permanent:
                self.retry_timer.start()  # try again shortly
            self.failed.emit(outcome.message)
        if choice is not None and outcome.settled:
            self.resolved.emit(choice)
        return outcome.settled

    def _stop(self) -> None:
        self.timer.stop()
        self.retry_timer.stop()

    def _show_state(self) -> None:
        if self.draft.state is not self._shown:
            self._shown = self.draft.state
            self.state_changed.emit(self._shown)
