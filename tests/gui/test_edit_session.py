"""The session around the edit draft, in the real window: the conflict dialog asked in a loop
(never from inside itself), Cancel and asking again, and a failed autosave tried again."""

from __future__ import annotations

import errno
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from penportrait.core.model import Pupil
from penportrait.core.store import SaveConflict, Store
from penportrait.gui.dialogs import ConflictDialog
from penportrait.gui.main_window import MainWindow
from penportrait.gui.session import AUTOSAVE_MS, Choice, SaveState
from tests.gui.test_main_window import select, type_into


def save_elsewhere(store: Store, pupil: Pupil, about: str) -> Pupil:
    other = Store(store.root)
    latest = other.load(pupil.id)
    return other.save(
        latest.model_copy(
            update={"portrait": latest.portrait.model_copy(update={"about_me": about})}
        ),
        by="TA on laptop 2",
    )


def history(store: Store, pupil_id: str) -> list[str]:
    return [store.load_revision(pupil_id, r).portrait.about_me for r in store.history(pupil_id)]


class Answers:
    """The conflict dialog, patched: answers in order, and what each question showed."""

    def __init__(self, *choices: Choice) -> None:
        self.choices = list(choices)
        self.asked: list[SaveConflict] = []
        self.depth = 0
        self.deepest = 0
        self.while_open: list[Any] = []  # run while the dialog is "open", once each

    def __call__(self, conflict: SaveConflict, parent: object = None) -> Choice:
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        self.asked.append(conflict)
        if self.while_open:
            self.while_open.pop(0)()
        self.depth -= 1
        return self.choices.pop(0)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    found = Answers()
    monkeypatch.setattr(ConflictDialog, "ask", staticmethod(found))
    return found


def test_a_second_conflict_while_choosing_is_asked_in_turn_and_keeps_both_of_theirs(
    qtbot: QtBot, window: MainWindow, sample_store: Store, answers: Answers
) -> None:
    mira = select(window, "Mira Hussain")
    save_elsewhere(sample_store, mira, "Theirs, first.")
    answers.choices = [Choice.MINE, Choice.MINE]
    # While the user reads the first dialog, the other laptop saves yet again.
    answers.while_open = [lambda: save_elsewhere(sample_store, mira, "Theirs, second.")]
    window.editor.texts["about_me"].clear()
    type_into(qtbot, window.editor.texts["about_me"], "Mine.")
    window.save_action.trigger()

    assert len(answers.asked) == 2 and answers.deepest == 1  # one after the other, not nested
    second = answers.asked[1].theirs
    assert second is not None and second.portrait.about_me == "Theirs, second."
    assert sample_store.load(mira.id).portrait.about_me == "Mine."
    assert {"Theirs, first.", "Theirs, second."} <= set(history(sample_store, mira.id))
    assert window.editing.save_label.text() == SaveState.SAVED.value
    assert "Your version was saved" in window.statusBar().currentMessage()


def test_cancel_keeps_the_edit_and_saving_again_asks_again(
    qtbot: QtBot, window: MainWindow, sample_store: Store, answers: Answers
) -> None:
    mira = select(window, "Mira Hussain")
    save_elsewhere(sample_store, mira, "Theirs.")
    answers.choices = [Choice.CANCEL, Choice.THEIRS]
    window.editor.texts["about_me"].clear()
    type_into(qtbot, window.editor.texts["about_me"], "Mine.")
    window.save_action.trigger()

    assert len(answers.asked) == 1
    assert window.editing.save_label.text() == SaveState.CONFLICT.value
    assert window.save_action.isEnabled()
    assert window.editor.texts["about_me"].toPlainText() == "Mine."  # still on screen
    assert sample_store.load(mira.id).portrait.about_me == "Theirs."

    window.save_action.trigger()  # the user saves on purpose: they are asked again
    assert len(answers.asked) == 2
    assert window.editor.texts["about_me"].toPlainText() == "Theirs."
    assert "Mine." in history(sample_store, mira.id)
    assert window.editing.save_label.text() == SaveState.SAVED.value


def test_moving_to_another_pupil_after_cancel_asks_again_first(
    qtbot: QtBot, window: MainWindow, sample_store: Store, answers: Answers
) -> None:
    mira = select(window, "Mira Hussain")
    save_elsewhere(sample_store, mira, "Theirs.")
    answers.choices = [Choice.CANCEL, Choice.MINE]
    window.editor.texts["about_me"].clear()
    type_into(qtbot, window.editor.texts["about_me"], "Mine.")
    window.save_action.trigger()
    assert len(answers.asked) == 1

    other = next(p for p in sample_store.scan().pupils if p.id != mira.id)
    select(window, other.display_name)
    assert len(answers.asked) == 2
    assert sample_store.load(mira.id).portrait.about_me == "Mine."
    assert "Theirs." in history(sample_store, mira.id)


def test_a_failed_autosave_is_tried_again_without_the_user(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    mira = select(window, "Mira Hussain")
    real_save = sample_store.save
    fails = [OSError(errno.ENOSPC, "No space left on device")]

    def save_once_full(pupil: Pupil, **kwargs: Any) -> Pupil:
        if fails:
            raise fails.pop()
        return real_save(pupil, **kwargs)

    monkeypatch.setattr(sample_store, "save", save_once_full)
    window.session.retry_timer.setInterval(100)  # the real wait is a few seconds
    window.editor.texts["about_me"].clear()
    with qtbot.waitSignal(window.session.failed, timeout=5000) as failed:
        type_into(qtbot, window.editor.texts["about_me"], "Written on a full disk.")
    assert failed.args == ["Mira Hussain could not be saved: the disk is full."]
    assert window.editing.save_label.text() == SaveState.FAILED.value
    assert window.session.timer.interval() == AUTOSAVE_MS  # the autosave keeps its pace

    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass  # no click, no key: the retry timer saves it
    assert sample_store.load(mira.id).portrait.about_me == "Written on a full disk."
    assert window.editing.save_label.text() == SaveState.SAVED.value
    assert message_boxes == []  # the folder itself is fine: said in the status bar only


def test_saving_while_the_conflict_dialog_is_open_does_not_open_another(
    qtbot: QtBot, window: MainWindow, sample_store: Store, answers: Answers
) -> None:
    mira = select(window, "Mira Hussain")
    save_elsewhere(sample_store, mira, "Theirs.")
    answers.choices = [Choice.MINE, Choice.MINE]
    # A save that arrives while the user is choosing (a shortcut, a timer) waits for the choice.
    answers.while_open = [window.save_action.trigger]
    window.editor.texts["about_me"].clear()
    type_into(qtbot, window.editor.texts["about_me"], "Mine.")
    window.save_action.trigger()

    assert len(answers.asked) == 1 and answers.deepest == 1
    assert sample_store.load(mira.id).portrait.about_me == "Mine."
    assert "Theirs." in history(sample_store, mira.id)
    assert window.editing.save_label.text() == SaveState.SAVED.value
