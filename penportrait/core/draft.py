"""The edit draft: the pupil being edited, whether it is saved, and what a save came to.

Plain Python, no Qt. The draft keeps the content being edited and the revision it was loaded
from apart, so undo can bring back any earlier content without ever saving over a newer file:
every save states the revision on disk it started from, and the store refuses it if another
laptop saved since.

Every step returns an outcome (``Saved``, ``Conflict``, ``Failed``, ...) and the caller decides
what to do next: a ``Conflict`` is answered with ``resolve(choice)``, which may return another
``Conflict`` when someone saved yet again meanwhile. Nothing here calls back into the caller, so
nothing runs re-entrantly; the GUI's ``EditSession`` adds only the timers and the dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import ClassVar, TypeAlias

from penportrait.core.access import plain_reason
from penportrait.core.files import LockTimeout
from penportrait.core.model import Pupil
from penportrait.core.store import (
    NotFoundError,
    PupilFileError,
    PupilTooBig,
    SaveConflict,
    Store,
)

# What a save can fail with and still be said in words; anything else is a bug, not a message.
SAVE_ERRORS = (PupilFileError, LockTimeout, OSError, ValueError)


class SaveState(Enum):
    SAVED = "Saved"
    UNSAVED = "Not saved yet"
    SAVING = "Saving…"
    CONFLICT = "Not saved: changed on another computer"
    FAILED = "Not saved"
    NEEDS_NAME = "Not saved until the pupil has a name"


class Choice(Enum):
    """What to do about a conflict."""

    THEIRS = "theirs"  # take the version on disk; mine goes to history
    MINE = "mine"  # save mine; theirs goes to history (kept there for good)
    CANCEL = "cancel"  # decide later: keep editing, save nothing now


# -- outcomes: what a step came to. ``settled``: nothing is left unsaved by it. ------------------


@dataclass(frozen=True)
class Saved:
    """Written; ``pupil`` as saved (its new revision, time and author)."""

    pupil: Pupil
    settled: ClassVar[bool] = True


@dataclass(frozen=True)
class Unchanged:
    """Nothing to save: no pupil open, or nothing changed since the last save."""

    settled: ClassVar[bool] = True


@dataclass(frozen=True)
class Replaced:
    """A conflict settled by keeping theirs (None: it stays deleted); mine is in history."""

    theirs: Pupil | None
    settled: ClassVar[bool] = True


@dataclass(frozen=True)
class NeedsName:
    """Not written: a pupil with no name is never saved."""

    settled: ClassVar[bool] = False


@dataclass(frozen=True)
class Conflict:
    """Another computer saved (or deleted) the pupil since it was opened: ask, then resolve()."""

    conflict: SaveConflict
    settled: ClassVar[bool] = False


@dataclass(frozen=True)
class Undecided:
    """A conflict is waiting for the user's choice (they chose Cancel): nothing was tried."""

    conflict: SaveConflict
    settled: ClassVar[bool] = False


@dataclass(frozen=True)
class Failed:
    """Not written, for a reason given in words (read-only folder, disk full, ...)."""

    message: str
    # Trying again cannot help (the pupil is too big to save): not until the next edit.
    permanent: bool = False
    settled: ClassVar[bool] = False


Outcome: TypeAlias = Saved | Unchanged | Replaced | NeedsName | Conflict | Undecided | Failed


class Draft:
    """The pupil being edited in one data folder, and whether it is saved."""

    def __init__(self, store: Store, *, user: str = "") -> None:
        self.store = store
        self.user = user  # the staff name saves are signed with (never the computer login)
        self.content: Pupil | None = None
        self.base_revision = 0
        self.dirty = False
        self.state = SaveState.SAVED
        self.conflict: SaveConflict | None = None  # waiting for a choice
        self.hopeless = False  # the last save failed in a way only an edit can change

    @property
    def is_new(self) -> bool:
        """A pupil not yet written to the data folder (made by New pupil, not named yet)."""
        return self.content is not None and self.base_revision == 0

    def open(self, pupil: Pupil | None) -> None:
        """Start editing ``pupil`` (saved as it is on disk), or nothing."""
        self.content = pupil
        self.base_revision = pupil.revision if pupil else 0
        self.dirty = False
        self.conflict = None
        self.hopeless = False
        self.state = SaveState.SAVED

    def use_store(self, store: Store) -> None:
        """Edit in another data folder: what was open belonged to the old one and is closed."""
        self.store = store
        self.open(None)

    def edit(self, content: Pupil) -> None:
        """The user changed something. A conflict put off earlier is asked about afresh."""
        self.content = content
        self.dirty = True
        self.conflict = None
        self.hopeless = False
        self.state = SaveState.UNSAVED

    def ask_again(self) -> None:
        """Let the next save try again (and so ask again) after a conflict was put off."""
        if self.state is SaveState.CONFLICT and self.dirty:
            self.conflict = None
            self.state = SaveState.UNSAVED

    def save(self) -> Outcome:
        """Save now if there is anything to save."""
        if self.content is None or not self.dirty:
            return Unchanged()
        if self.conflict is not None:
            return Undecided(self.conflict)
        if not has_name(self.content):
            # A nameless pupil is never written: not a new one, and not one whose name was
            # typed and then deleted (the file keeps the name it had).
            self.state = SaveState.NEEDS_NAME
            return NeedsName()
        # Signed by whoever saves it, or by no one: never left in the previous author's name.
        attempt = self.content.model_copy(
            update={"revision": self.base_revision, "updated_by": self.user}
        )
        return self._write(attempt)

    def retry(self) -> Outcome:
        """Save again after a failed save; nothing when the last save did not fail."""
        if self.state is not SaveState.FAILED or self.hopeless:
            return Unchanged()
        return self.save()

    def resolve(self, choice: Choice) -> Outcome:
        """Act on the user's choice about the conflict waiting (after save() gave Conflict)."""
        conflict = self.conflict
        if conflict is None:
            return Unchanged()
        if choice is Choice.THEIRS:
            return self._keep_theirs(conflict)
        if choice is Choice.MINE:
            self.conflict = None
            # Theirs, chosen against, is kept in history for good (never trimmed).
            return self._write(conflict.keep_mine(), keep_replaced=True)
        return Undecided(conflict)

    def _write(self, attempt: Pupil, *, keep_replaced: bool = False) -> Outcome:
        self.state = SaveState.SAVING
        try:
            saved = self.store.save(attempt, by=self.user, keep_replaced=keep_replaced)
        except SaveConflict as conflict:
            self.conflict = conflict
            self.state = SaveState.CONFLICT
            return Conflict(conflict)
        except PupilTooBig as error:
            self.state = SaveState.FAILED
            self.hopeless = True
            name = attempt.display_name or "This pupil"
            return Failed(f"{name} could not be saved: {error.reason}.", permanent=True)
        except SAVE_ERRORS as error:
            self.state = SaveState.FAILED
            name = attempt.display_name or "This pupil"
            return Failed(f"{name} could not be saved: {plain_reason(error)}.")
        self._saved(saved)
        return Saved(saved)

    def _keep_theirs(self, conflict: SaveConflict) -> Outcome:
        # Mine is not thrown away: it goes to the pupil's history for good (never trimmed), as
        # the dialog promises.
        # Until it is there, the choice stays open and mine stays the draft.
        name = conflict.mine.display_name or "This pupil"
        try:
            self.store.keep_in_history(conflict.mine)
        except SAVE_ERRORS as error:
            return Failed(f"{name}: your version was not kept: {plain_reason(error)}.")
        try:
            # Theirs as it is now: keeping mine in history moved the file's revision on.
            theirs = self.store.load(conflict.mine.id) if conflict.theirs else None
        except NotFoundError:
            theirs = None
        except SAVE_ERRORS as error:
            return Failed(
                f"{name}: your version is in the history, but theirs could not be read: "
                f"{plain_reason(error)}."
            )
        self.open(theirs)
        return Replaced(theirs)

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
        self.state = SaveState.SAVED


def has_name(pupil: Pupil) -> bool:
    details = pupil.pupil
    return any(n.strip() for n in (details.first_name, details.last_name, details.preferred_name))
