"""No edit the user did not make: a new pupil is written only once named; a kept edit stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from penportrait.core.model import Pupil
from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from penportrait.gui.pupil_list import PUPIL_ROLE
from penportrait.gui.session import SaveState
from tests.gui.conftest import MessageBoxes


def files_on_disk(store: Store) -> set[str]:
    return {p.name for p in store.pupils_dir.glob("*.json")}


def row_named(window: MainWindow, name: str) -> int:
    for row in range(window.pupil_list.proxy.rowCount()):
        pupil: Pupil = window.pupil_list.proxy.index(row, 0).data(PUPIL_ROLE)
        if pupil.display_name == name:
            return row
    raise AssertionError(name)


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    rect = window.pupil_list.table.visualRect(window.pupil_list.proxy.index(row, 1))
    qtbot.mouseClick(
        window.pupil_list.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )


def test_ctrl_n_twice_writes_nothing(qtbot: QtBot, window: MainWindow, sample_store: Store) -> None:
    before = files_on_disk(sample_store)
    rows = window.pupil_list.proxy.rowCount()
    for _ in range(2):
        qtbot.keyClick(window.pupil_list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert window.session.is_new
    window.session.save()
    assert files_on_disk(sample_store) == before
    assert window.pupil_list.proxy.rowCount() == rows
    assert window.editing.save_label.text() == SaveState.NEEDS_NAME.value
    click_row(qtbot, window, 0)  # moving on leaves nothing behind
    assert files_on_disk(sample_store) == before


def test_a_new_pupil_is_written_once_named_and_its_row_is_selected(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    before = files_on_disk(sample_store)
    scroll = window.editor.ui.scroll.verticalScrollBar()
    scroll.setValue(scroll.maximum())  # the teacher was working far down another portrait
    window.new_action.trigger()
    qtbot.waitUntil(window.editor.ui.firstName.hasFocus)
    assert scroll.value() == 0  # where the name is typed is in view
    qtbot.keyClicks(window.editor.ui.firstName, "Zofia")
    with qtbot.waitSignal(window.session.saved, timeout=5000) as saved:
        pass
    pupil = saved.args[0]
    assert files_on_disk(sample_store) == before | {f"{pupil.id}.json"}
    current = window.pupil_list.table.currentIndex()
    assert current.isValid() and current.data(PUPIL_ROLE).id == pupil.id


def test_a_name_typed_then_deleted_is_never_saved_as_a_nameless_pupil(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    window.new_action.trigger()
    qtbot.waitUntil(window.editor.ui.firstName.hasFocus)
    qtbot.keyClicks(window.editor.ui.firstName, "Zed")
    with qtbot.waitSignal(window.session.saved, timeout=5000) as saved:
        pass
    pupil = saved.args[0]
    for _ in "Zed":
        qtbot.keyClick(window.editor.ui.firstName, Qt.Key.Key_Backspace)
    qtbot.waitUntil(
        lambda: window.editing.save_label.text() == SaveState.NEEDS_NAME.value, timeout=5000
    )
    on_disk = sample_store.load(pupil.id)
    assert on_disk.pupil.first_name == "Zed" and on_disk.revision == pupil.revision


def test_leaving_a_pupil_whose_name_was_emptied_says_why_it_is_not_saved(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    message_boxes: list[tuple[str, str]],
) -> None:
    first = row_named(window, "Mira Hussain")
    click_row(qtbot, window, first)
    editing = window.session.content
    assert editing is not None
    ui = window.editor.ui
    for field in (ui.firstName, ui.lastName, ui.preferredName):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.waitUntil(
        lambda: window.editing.save_label.text() == SaveState.NEEDS_NAME.value, timeout=5000
    )
    click_row(qtbot, window, first + 1)  # answered Cancel: stay
    title, text = message_boxes[-1]
    assert title == "Changes not saved" and "name is empty" in text
    assert sample_store.load(editing.id).pupil.last_name == "Hussain"


def test_a_nameless_new_pupil_with_writing_asks_before_it_is_left(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    message_boxes: list[tuple[str, str]],
) -> None:
    before = files_on_disk(sample_store)
    window.new_action.trigger()
    window.editor.texts["about_me"].setFocus()
    qtbot.keyClicks(window.editor.texts["about_me"], "Loves trains")
    click_row(qtbot, window, 2)  # the question is answered Cancel: stay with the new pupil
    qtbot.waitUntil(lambda: not window.pupil_list.table.selectionModel().selectedRows())
    assert message_boxes[-1][0] == "New pupil not saved"
    assert window.session.is_new
    assert window.editor.texts["about_me"].toPlainText() == "Loves trains"
    assert (
        not window.pupil_list.table.currentIndex().isValid()
    )  # no other pupil's row looks selected
    assert window.pupil_list.table.selectionModel().selectedRows() == []
    assert files_on_disk(sample_store) == before


def test_after_a_failed_save_and_cancel_the_list_still_selects_the_pupil_being_edited(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    first = row_named(window, "Mira Hussain")
    click_row(qtbot, window, first)
    editing = window.session.content
    assert editing is not None
    window.editor.texts["about_me"].setFocus()
    qtbot.keyClicks(window.editor.texts["about_me"], " More.")

    def refuse(*args: object, **kwargs: object) -> Pupil:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(window.store, "save", refuse)
    click_row(qtbot, window, first + 3)
    qtbot.waitUntil(lambda: window.pupil_list.table.currentIndex().row() == first)
    assert message_boxes[-1][0] == "Changes not saved"
    assert window.session.content is not None and window.session.content.id == editing.id
    assert window.pupil_list.table.currentIndex().data(PUPIL_ROLE).id == editing.id
    highlighted = window.pupil_list.table.selectionModel().selectedRows()
    assert [i.data(PUPIL_ROLE).id for i in highlighted] == [editing.id]
    assert " More." in window.editor.texts["about_me"].toPlainText()
    monkeypatch.delattr(window.store, "save")  # the folder is writable again
    assert window.session.save()


def test_undo_import_cancelled_at_the_question_keeps_the_edit(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    from penportrait.core.importers.csv import ImportResult

    window.school_actions.last_import = ImportResult()
    window.undo_import_action.setEnabled(True)
    window.editor.texts["about_me"].setFocus()
    qtbot.keyClicks(window.editor.texts["about_me"], " Kept.")
    monkeypatch.setattr(
        window.store, "save", lambda *a, **k: (_ for _ in ()).throw(OSError(5, "I/O error"))
    )
    message_boxes.answers += [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel]
    window.undo_import_action.trigger()  # Yes to undo, then Cancel to "Changes not saved"
    assert window.session.content is not None and window.session.dirty
    assert " Kept." in window.editor.texts["about_me"].toPlainText()
    assert window.school_actions.last_import is not None  # nothing was undone
    monkeypatch.delattr(window.store, "save")
    assert window.session.save()
