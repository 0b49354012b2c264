"""A pupil too big to save: the edit session says so, and does not retry every few seconds
(trying again cannot help) until the user edits again. (The session alone: a 2 MB paste into
the window's editor is slow to lay out.)"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from penportrait.core.model import Pupil
from penportrait.core.store import MAX_PUPIL_FILE_BYTES, Store
from penportrait.gui.session import EditSession, SaveState


def with_about(pupil: Pupil, text: str) -> Pupil:
    return pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
    )


def test_a_pupil_too_big_to_save_is_said_and_not_retried(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    ada = store.save(store.new_pupil("Ada", "Big"), by="t")
    session = EditSession(store, user="t")
    session.open(ada)
    session.edited(with_about(ada, "x" * (MAX_PUPIL_FILE_BYTES + 50_000)))
    with qtbot.waitSignal(session.failed) as failed:
        assert not session.save()
    assert failed.args[0].startswith("Ada Big could not be saved: “About me” is too long")
    assert session.draft.state is SaveState.FAILED
    assert not session.retry_timer.isActive()  # no pointless retry every 5 s

    session.edited(with_about(ada, "Shorter."))
    with qtbot.waitSignal(session.saved):
        assert session.save()
    assert store.load(ada.id).portrait.about_me == "Shorter."
