"""A data folder that cannot be changed: said once, plainly; reading, export and print work.

The folder is made truly read-only (tests/helpers.py ReadOnlyFolder).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from tests.helpers import ReadOnlyFolder as Folder


@pytest.fixture
def folder(sample_dir: Path, tmp_path: Path) -> Iterator[Folder]:
    made = Folder(sample_dir, tmp_path / "mounted")
    yield made
    made.close()


def test_a_read_only_folder_opens_with_a_banner_and_export_still_works(
    qtbot: QtBot,
    folder: Folder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    folder.read_only()
    window = MainWindow(Store(folder.root))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.pupil_list.read_only_banner.isVisible()
    banner = window.pupil_list.read_only_banner.text()
    assert "read-only" in banner and str(folder.root) in banner and "Errno" not in banner
    assert not window.new_action.isEnabled() and not window.import_action.isEnabled()
    assert not window.editor.isEnabled()  # nothing can be typed that could not be kept
    assert (
        window.pupil_list.proxy.rowCount() == len(Store(folder.root).scan().pupils) > 30
    )  # all readable

    out = tmp_path / "exported.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    qtbot.keyClick(window.pupil_list.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(PdfReader(out).pages) == 1
    assert message_boxes == []


def test_a_folder_that_turns_read_only_while_editing_is_said_in_words(
    qtbot: QtBot,
    folder: Folder,
    message_boxes: list[tuple[str, str]],
) -> None:
    window = MainWindow(Store(folder.root))
    qtbot.addWidget(window)
    window.show()
    assert not window.pupil_list.read_only_banner.isVisible()
    window.editor.texts["about_me"].setFocus()
    qtbot.keyClicks(window.editor.texts["about_me"], "More. ")
    folder.read_only()
    assert not window.session.save()
    title, text = message_boxes[-1]
    assert title == "Changes not saved"
    assert "could not be saved: the folder is read-only." in text
    assert "Errno" not in text and ".lock" not in text
    assert window.pupil_list.read_only_banner.isVisible()
    assert "More. " in window.editor.texts["about_me"].toPlainText()  # still on screen
    folder.read_only(False)
    assert window.session.save()  # once the folder can be changed again, it saves
    assert not window.pupil_list.read_only_banner.isVisible() and window.new_action.isEnabled()


def test_a_data_folder_on_a_drive_that_is_not_there_is_refused_not_recreated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from penportrait.gui.app import choose_start
    from penportrait.gui.dialogs import Start, WelcomeDialog

    def start_empty(self: WelcomeDialog) -> int:  # what a person might click, not knowing
        self.choice = Start.EMPTY
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", start_empty)
    gone = tmp_path / "usb-stick" / "school"  # the stick (the parent) is not there either
    with pytest.raises(FileNotFoundError):
        choose_start(gone, demo=False)
    assert not (tmp_path / "usb-stick").exists()  # no new, empty school in its place
