"""The first window: the pupil list, its model, searching, and bad files named on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from penportrait.gui.pupil_list import PUPIL_ROLE, PupilListModel


def open_window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_pupil_model_passes_the_model_tester(
    qtmodeltester: ModelTester, sample_store: Store
) -> None:
    model = PupilListModel()
    qtmodeltester.check(model)
    model.set_pupils(sample_store.scan().pupils)
    qtmodeltester.check(model)


def test_the_window_lists_every_pupil_sorted_by_surname(qtbot: QtBot, sample_store: Store) -> None:
    window = open_window(qtbot, sample_store)
    proxy = window.proxy
    assert proxy.rowCount() == 32
    surnames = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert surnames == sorted(surnames, key=str.casefold)
    assert window.windowTitle() == "Ashbrook Academy"
    assert "32 pupils" in window.statusBar().currentMessage()


def test_typing_in_search_filters_by_name_and_group(qtbot: QtBot, sample_store: Store) -> None:
    window = open_window(qtbot, sample_store)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "oak")
    assert window.proxy.rowCount() == 11
    window.search.clear()
    qtbot.keyClicks(window.search, "mira hus")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, 0).data(PUPIL_ROLE).pupil.first_name == "Amira"


def test_ctrl_f_moves_to_the_search_box(qtbot: QtBot, sample_store: Store) -> None:
    window = open_window(qtbot, sample_store)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.search


def test_bad_files_are_named_in_the_window_and_the_rest_work(
    qtbot: QtBot, sample_dir: Path
) -> None:
    (sample_dir / "pupils" / "broken.json").write_bytes(b"{")
    window = open_window(qtbot, Store(sample_dir))
    assert window.proxy.rowCount() == 32
    assert window.notice.isVisible()
    assert "pupils/broken.json" in window.notice.text()
