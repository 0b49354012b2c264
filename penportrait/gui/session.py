"""Editing one pupil safely: autosave, saving on switch and close, and conflicts.

The session keeps the content being edited and the revision it was loaded from apart, so undo
can bring back any earlier content without ever saving over a newer file: every save states
the revision on disk it started from, and the store refuses it if another laptop saved since.
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from penportrait.core.access import plain_reason
from penportrait.core.files import LockTimeout
from penportrait.core.model import Pupil
from penportrait.core.store import NotFoundError, PupilFileError, SaveConflict, Store

AUTOSAVE_MS: Final = 1000


class SaveState(Enum):
    SAVED = "Saved"
    UNSAVED = "Not saved yet"
    SAVING = "Saving…"
    CONFLICT = "Not saved: changed on another computer"
    FAILED = "Not saved"
    NEEDS_NAME = "Not saved until the pupil has a name"


class Choice(Enum):
    """What to do about a conflict."""

    THEIRS = "theirs"  # take the version on disk; drop my changes
    MINE = "mine"  # save mine; theirs goes to history
    CANCEL = "cancel"  # decide later: keep editing, save nothing now


class EditSession(QObject):
    """The pupil being edited, and whether it is saved."""

    saved = Signal(object)  # the Pupil as saved
    state_changed = Signal(object)  # SaveState
    conflict = Signal(object)  # SaveConflict: the window asks the user, then calls resolve()
    failed = Signal(str)  # a message for the user
    replaced = Signal(object)  # the content changed underneath (theirs was kept): reload it

    def __init__(self, store: Store, *, user: str = "") -> None:
        super().__init__()
        self.store = store
        self.user = user  # the staff name saves are signed with (never the computer login)
        self.content: Pupil | None = None
        self.base_revision = 0
        self.dirty = False
        self.state = SaveState.SAVED
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)

    def open(self, pupil: Pupil | None) -> None:
        """Start editing ``pupil`` (saved as it is on disk)."""
        self.timer.stop()
        self.content = pupil
        self.base_revision = pupil.revision if pupil else 0
        self.dirty = False
        self._set_state(SaveState.SAVED)

    @property
    def is_new(self) -> bool:
        """A pupil not yet written to the data folder (made by New pupil, not named yet)."""
        return self.content is not None and self.base_revision == 0

    def edited(self, content: Pupil) -> None:
        """The user changed something: save within a second of their stopping."""
        self.content = content
        self.dirty = True
        self._set_state(SaveState.UNSAVED)
        self.timer.start()

    def save(self) -> bool:
        """Save now if there is anything to save. False when it could not be saved."""
        self.timer.stop()
        if self.content is None or not self.dirty:
            return True
        if self.state is SaveState.CONFLICT:
            return False  # waiting for the user's choice
        if not has_name(self.content):
            # A nameless pupil is never written: not a new one, and not one whose name was
            # typed and then deleted (the file keeps the name it had).
            self._set_state(SaveState.NEEDS_NAME)
            return False
        self._set_state(SaveState.SAVING)
        # Signed by whoever saves it, or by no one: never left in the previous author's name.
        attempt = self.content.model_copy(
            update={"revision": self.base_revision, "updated_by": self.user}
        )
        try:
            saved = self.store.save(attempt, by=self.user)
        except SaveConflict as conflict:
            self._set_state(SaveState.CONFLICT)
            self.conflict.emit(conflict)
            return self.state is SaveState.SAVED
        except (PupilFileError, LockTimeout, OSError, ValueError) as error:
            self._set_state(SaveState.FAILED)
            name = self.content.display_name or "This pupil"
            self.failed.emit(f"{name} could not be saved: {plain_reason(error)}.")
            self.timer.start(AUTOSAVE_MS * 5)  # try again shortly
            return False
        self._saved(saved)
        return True

    def resolve(self, conflict: SaveConflict, choice: Choice) -> None:
        if choice is Choice.THEIRS:
            # Mine is not thrown away: it goes to the pupil's history, as the dialog promises.
            try:
                self.store.keep_in_history(conflict.mine)
                theirs = self.store.load(conflict.mine.id) if conflict.theirs else None
            except NotFoundError:
                theirs = None
            except (PupilFileError, LockTimeout, OSError) as error:
                self._set_state(SaveState.CONFLICT)
                name = conflict.mine.display_name
                self.failed.emit(f"{name}: your version was not kept: {error}")
                return
            self.open(theirs)
            self.replaced.emit(theirs)
        elif choice is Choice.MINE:
            try:
                saved = self.store.save(conflict.keep_mine(), by=self.user)
            except SaveConflict as again:  # someone saved yet again meanwhile
                self.conflict.emit(again)
                return
            self._saved(saved)
        else:
            self._set_state(SaveState.CONFLICT)

    def _saved(self, saved: Pupil) -> None:
        self.base_revision = saved.revision
        if self.content is not None:
            self.content = self.content.model_copy(
                update={
                    "revision": saved.revision,
                    "updated_at": saved.updated_at,
                    "updated_by": saved.updated_by,
                }
            )
        self.dirty = False
        self._set_state(SaveState.SAVED)
        self.saved.emit(saved)

    def _set_state(self, state: SaveState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)


def has_name(pupil: Pupil) -> bool:
    details = pupil.pupil
    return any(n.strip() for n in (details.first_name, details.last_name, details.preferred_name))
