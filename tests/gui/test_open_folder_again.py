"""File > Open data folder always starts clean, even on the folder already open (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from penportrait.core.model import Pupil
from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from penportrait.gui.pupil_list import PUPIL_ROLE
from tests.gui.test_main_window import select, type_into


def first_row(window: MainWindow) -> Pupil:
    pupil: Pupil = window.pupil_list.proxy.index(0, 0).data(PUPIL_ROLE)
    return pupil


def open_folder_with_ctrl_o(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, folder: Path
) -> None:
    chooser = staticmethod(lambda *a, **k: str(folder))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", chooser)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("which", ["the same folder", "an identical copy"])
def test_opening_a_folder_again_opens_its_first_pupil_afresh(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    which: str,
) -> None:
    first = first_row(window)
    assert window.session.content is not None and window.session.content.id == first.id
    type_into(qtbot, window.editor.texts["about_me"], " saved before")
    window.editing.save_now()
    assert window.undo_action.isEnabled()  # the edit can be undone in this folder
    folder = sample_store.root
    if which == "an identical copy":
        folder = tmp_path / "copy"
        shutil.copytree(sample_store.root, folder)

    open_folder_with_ctrl_o(qtbot, window, monkeypatch, folder)

    assert window.store.root == folder
    shown = window.session.content
    assert shown is not None and shown.id == first.id
    assert window.editor.isEnabled()
    assert window.editor.pupil() is not None and window.editor.pupil().id == first.id
    assert window.pupil_list.current_row() == 0
    for action in (window.export_pdf_action, window.export_word_action, window.delete_action):
        assert action.isEnabled(), action.text()
    assert not window.undo_action.isEnabled()  # the old folder's edits are not undoable here
    box = window.editor.texts["about_me"]
    type_into(qtbot, box, " TYPED AFTER REOPEN")
    with qtbot.waitSignal(window.editing.saved, timeout=5000):
        pass
    assert "TYPED AFTER REOPEN" in Store(folder).load(first.id).portrait.about_me


def test_opening_the_folder_again_from_another_pupil_opens_the_first(
    qtbot: QtBot, window: MainWindow, sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    mira = select(window, "Mira Hussain")
    assert first_row(window).id != mira.id
    open_folder_with_ctrl_o(qtbot, window, monkeypatch, sample_store.root)
    content = window.session.content
    assert content is not None and content.id == first_row(window).id
    assert window.live.isEnabled()
