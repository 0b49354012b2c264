"""The edit draft, without Qt: save, conflicts and their resolution, failures and retrying."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from penportrait.core.draft import (
    Choice,
    Conflict,
    Draft,
    Failed,
    NeedsName,
    Replaced,
    Saved,
    SaveState,
    Unchanged,
    Undecided,
)
from penportrait.core.model import Pupil
from penportrait.core.store import Store


def with_about(pupil: Pupil, text: str) -> Pupil:
    return pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
    )


def about_on_disk(store: Store, pupil_id: str) -> str:
    return store.load(pupil_id).portrait.about_me


def history_abouts(store: Store, pupil_id: str) -> list[str]:
    return [store.load_revision(pupil_id, r).portrait.about_me for r in store.history(pupil_id)]


class FailingStore(Store):
    """A data folder whose next ``failures`` saves (or keeps in history) fail as a disk would."""

    def __init__(self, root: Path, failures: int = 1) -> None:
        super().__init__(root)
        self.failures = failures

    def _fail(self) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise OSError(errno.EROFS, "Read-only file system", str(self.root / "x.tmp"))

    def save(self, pupil: Pupil, **kwargs: Any) -> Pupil:
        self._fail()
        return super().save(pupil, **kwargs)

    def keep_in_history(self, pupil: Pupil) -> int:
        self._fail()
        return super().keep_in_history(pupil)


@pytest.fixture
def amira(store: Store) -> Pupil:
    return store.save(store.new_pupil("Amira", "Hussain"), by="K. Okafor")


def editing(store: Store, pupil: Pupil, about: str, *, user: str = "Teacher A") -> Draft:
    draft = Draft(store, user=user)
    draft.open(store.load(pupil.id))
    draft.edit(with_about(draft.content or pupil, about))
    return draft


def saved_elsewhere(data_dir: Path, pupil: Pupil, about: str) -> Pupil:
    other = Store(data_dir)
    return other.save(with_about(other.load(pupil.id), about), by="TA on laptop B")


# -- saving ---------------------------------------------------------------------------------------


def test_an_edit_is_saved_signed_by_the_user_and_the_draft_follows(
    store: Store, amira: Pupil
) -> None:
    draft = editing(store, amira, "Loves drawing.", user="J. Fresh")
    assert draft.dirty and draft.state is SaveState.UNSAVED
    outcome = draft.save()
    assert isinstance(outcome, Saved) and outcome.settled
    on_disk = store.load(amira.id)
    assert on_disk.portrait.about_me == "Loves drawing."
    assert on_disk.updated_by == "J. Fresh"  # never left in the previous author's name
    assert outcome.pupil.revision == on_disk.revision == draft.base_revision == 2
    assert draft.content is not None and draft.content.revision == 2
    assert not draft.dirty and draft.state is SaveState.SAVED
    assert isinstance(draft.save(), Unchanged)  # nothing more to save
    assert store.load(amira.id).revision == 2


def test_nothing_open_is_nothing_to_save(store: Store) -> None:
    draft = Draft(store)
    outcome = draft.save()
    assert isinstance(outcome, Unchanged) and outcome.settled
    assert not draft.is_new


def test_a_nameless_new_pupil_is_never_written(store: Store) -> None:
    draft = Draft(store)
    draft.open(store.new_pupil("", ""))
    assert draft.is_new
    draft.edit(with_about(draft.content or store.new_pupil("", ""), "No name yet."))
    outcome = draft.save()
    assert isinstance(outcome, NeedsName) and not outcome.settled
    assert draft.state is SaveState.NEEDS_NAME and draft.dirty and draft.is_new
    assert store.scan().pupils == []
    assert draft.content is not None and not store.pupil_path(draft.content.id).exists()


def test_a_pupil_whose_name_is_deleted_keeps_the_name_on_disk(store: Store, amira: Pupil) -> None:
    draft = Draft(store)
    draft.open(amira)
    blank = amira.pupil.model_copy(update={"first_name": " ", "last_name": ""})
    draft.edit(with_about(amira.model_copy(update={"pupil": blank}), "Edited."))
    assert isinstance(draft.save(), NeedsName)
    on_disk = store.load(amira.id)
    assert on_disk.pupil.first_name == "Amira" and on_disk.revision == amira.revision


# -- a save that fails, and trying again ----------------------------------------------------------


def test_a_failed_save_says_why_in_words_and_retry_saves_it(data_dir: Path, amira: Pupil) -> None:
    store = FailingStore(data_dir, failures=1)
    draft = editing(store, amira, "Written while the share was read-only.")
    outcome = draft.save()
    assert isinstance(outcome, Failed) and not outcome.settled
    assert outcome.message == "Amira Hussain could not be saved: the folder is read-only."
    assert "Errno" not in outcome.message and ".tmp" not in outcome.message
    assert draft.state is SaveState.FAILED and draft.dirty
    assert about_on_disk(store, amira.id) == ""  # nothing written

    again = draft.retry()
    assert isinstance(again, Saved)
    assert about_on_disk(store, amira.id) == "Written while the share was read-only."
    assert draft.state is SaveState.SAVED and not draft.dirty
    assert isinstance(draft.retry(), Unchanged)  # nothing failed: nothing to try again


def test_retry_does_nothing_unless_the_last_save_failed(data_dir: Path, amira: Pupil) -> None:
    store = FailingStore(data_dir, failures=0)
    draft = editing(store, amira, "Not saved yet.")
    assert isinstance(draft.retry(), Unchanged)
    assert draft.dirty and draft.state is SaveState.UNSAVED
    assert about_on_disk(store, amira.id) == ""


# -- conflicts ------------------------------------------------------------------------------------


def test_keep_theirs_loads_theirs_and_keeps_mine_in_history(
    store: Store, data_dir: Path, amira: Pupil
) -> None:
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs.")
    outcome = draft.save()
    assert isinstance(outcome, Conflict) and not outcome.settled
    assert draft.state is SaveState.CONFLICT and draft.dirty
    assert about_on_disk(store, amira.id) == "Theirs."  # the refused save wrote nothing

    kept = draft.resolve(Choice.THEIRS)
    assert isinstance(kept, Replaced) and kept.settled
    assert kept.theirs is not None and kept.theirs.portrait.about_me == "Theirs."
    assert draft.content == kept.theirs == store.load(amira.id)
    assert draft.base_revision == kept.theirs.revision  # the next save starts from theirs
    assert not draft.dirty and draft.state is SaveState.SAVED
    assert about_on_disk(store, amira.id) == "Theirs."
    assert "Mine." in history_abouts(store, amira.id)  # as the dialog promises


def test_keep_mine_saves_mine_and_keeps_theirs_in_history(
    store: Store, data_dir: Path, amira: Pupil
) -> None:
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs.")
    assert isinstance(draft.save(), Conflict)
    outcome = draft.resolve(Choice.MINE)
    assert isinstance(outcome, Saved)
    assert about_on_disk(store, amira.id) == "Mine."
    assert "Theirs." in history_abouts(store, amira.id)
    assert draft.state is SaveState.SAVED and draft.base_revision == outcome.pupil.revision


def test_cancel_saves_nothing_until_asked_again(store: Store, data_dir: Path, amira: Pupil) -> None:
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs.")
    first = draft.save()
    assert isinstance(first, Conflict)

    put_off = draft.resolve(Choice.CANCEL)
    assert isinstance(put_off, Undecided) and put_off.conflict is first.conflict
    assert draft.state is SaveState.CONFLICT and draft.dirty
    # Saving again (the autosave, Ctrl+S) does not try, nor ask, until the user is asked again.
    assert isinstance(draft.save(), Undecided)
    assert about_on_disk(store, amira.id) == "Theirs."

    draft.ask_again()
    assert draft.state is SaveState.UNSAVED
    asked = draft.save()
    assert isinstance(asked, Conflict) and asked.conflict is not first.conflict
    assert isinstance(draft.resolve(Choice.MINE), Saved)
    assert about_on_disk(store, amira.id) == "Mine."


def test_an_edit_after_cancel_is_saved_as_edited_when_mine_is_kept(
    store: Store, data_dir: Path, amira: Pupil
) -> None:
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs.")
    assert isinstance(draft.save(), Conflict)
    assert isinstance(draft.resolve(Choice.CANCEL), Undecided)
    draft.edit(with_about(draft.content or amira, "Mine, finished."))
    assert draft.state is SaveState.UNSAVED  # a new edit is asked about afresh
    conflict = draft.save()
    assert isinstance(conflict, Conflict)
    assert conflict.conflict.mine.portrait.about_me == "Mine, finished."
    assert isinstance(draft.resolve(Choice.MINE), Saved)
    assert about_on_disk(store, amira.id) == "Mine, finished."


def test_a_second_conflict_while_resolving_is_returned_not_lost(
    store: Store, data_dir: Path, amira: Pupil
) -> None:
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs, first.")
    assert isinstance(draft.save(), Conflict)
    # While the user reads the dialog, the other laptop saves yet again.
    latest = saved_elsewhere(data_dir, amira, "Theirs, second.")

    again = draft.resolve(Choice.MINE)
    assert isinstance(again, Conflict)
    assert again.conflict.theirs is not None
    assert again.conflict.theirs.portrait.about_me == "Theirs, second."
    assert again.conflict.theirs.revision == latest.revision
    assert draft.state is SaveState.CONFLICT and draft.dirty
    assert about_on_disk(store, amira.id) == "Theirs, second."  # nothing overwritten

    outcome = draft.resolve(Choice.MINE)
    assert isinstance(outcome, Saved)
    assert about_on_disk(store, amira.id) == "Mine."
    history = history_abouts(store, amira.id)
    assert "Theirs, first." in history and "Theirs, second." in history


def test_keep_theirs_after_a_second_conflict_takes_the_latest(
    store: Store, data_dir: Path, amira: Pupil
) -> None:
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs, first.")
    assert isinstance(draft.save(), Conflict)
    saved_elsewhere(data_dir, amira, "Theirs, second.")
    assert isinstance(draft.resolve(Choice.MINE), Conflict)
    kept = draft.resolve(Choice.THEIRS)
    assert isinstance(kept, Replaced)
    assert draft.content is not None and draft.content.portrait.about_me == "Theirs, second."
    assert "Mine." in history_abouts(store, amira.id)


def test_keep_theirs_when_it_was_deleted_elsewhere(
    store: Store, data_dir: Path, amira: Pupil
) -> None:
    draft = editing(store, amira, "Mine.")
    Store(data_dir).delete(amira.id)
    conflict = draft.save()
    assert isinstance(conflict, Conflict) and conflict.conflict.theirs is None
    kept = draft.resolve(Choice.THEIRS)
    assert isinstance(kept, Replaced) and kept.theirs is None
    assert draft.content is None and not draft.dirty
    assert not store.pupil_path(amira.id).exists()
    assert "Mine." in history_abouts(store, amira.id)


def test_mine_not_kept_in_history_leaves_the_choice_open(data_dir: Path, amira: Pupil) -> None:
    store = FailingStore(data_dir, failures=0)
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs.")
    assert isinstance(draft.save(), Conflict)
    store.failures = 1
    outcome = draft.resolve(Choice.THEIRS)
    assert isinstance(outcome, Failed)
    assert outcome.message == "Amira Hussain: your version was not kept: the folder is read-only."
    # Mine is still the draft, unsaved, and the conflict still waits: nothing of mine is lost.
    assert draft.state is SaveState.CONFLICT and draft.dirty
    assert draft.content is not None and draft.content.portrait.about_me == "Mine."
    assert isinstance(draft.retry(), Unchanged)  # a conflict is not retried behind the user
    assert isinstance(draft.resolve(Choice.THEIRS), Replaced)
    assert "Mine." in history_abouts(store, amira.id)


def test_keep_mine_that_fails_to_write_is_a_message_then_asks_again(
    data_dir: Path, amira: Pupil
) -> None:
    store = FailingStore(data_dir, failures=0)
    draft = editing(store, amira, "Mine.")
    saved_elsewhere(data_dir, amira, "Theirs.")
    assert isinstance(draft.save(), Conflict)
    store.failures = 1
    failed = draft.resolve(Choice.MINE)
    assert isinstance(failed, Failed) and "read-only" in failed.message
    assert draft.state is SaveState.FAILED and draft.dirty
    assert isinstance(draft.retry(), Conflict)  # theirs is still newer: the user decides again
    assert isinstance(draft.resolve(Choice.MINE), Saved)
    assert about_on_disk(store, amira.id) == "Mine."


def test_resolve_without_a_conflict_does_nothing(store: Store, amira: Pupil) -> None:
    draft = editing(store, amira, "Mine.")
    for choice in Choice:
        assert isinstance(draft.resolve(choice), Unchanged)
    assert draft.dirty and about_on_disk(store, amira.id) == ""


# -- another data folder --------------------------------------------------------------------------


def test_switching_store_closes_the_draft_and_saves_go_to_the_new_folder(
    store: Store, amira: Pupil, tmp_path: Path
) -> None:
    draft = editing(store, amira, "Unsaved in the first folder.")
    other = Store(tmp_path / "other school")
    theo = other.save(other.new_pupil("Theo", "Grant"), by="K. Okafor")

    draft.use_store(other)
    assert draft.store is other
    assert draft.content is None and not draft.dirty and draft.state is SaveState.SAVED
    assert isinstance(draft.save(), Unchanged)
    assert about_on_disk(store, amira.id) == ""  # the old folder is left alone

    draft.open(other.load(theo.id))
    draft.edit(with_about(draft.content or theo, "Edited in the second folder."))
    assert isinstance(draft.save(), Saved)
    assert about_on_disk(other, theo.id) == "Edited in the second folder."
    assert not store.pupil_path(theo.id).exists()
