"""Sync conflict copies in the app: the banner on opening and on change, and the clash dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QRadioButton
from pytestqt.qtbot import QtBot

from penportrait.core.merge import Side
from penportrait.core.store import Store
from penportrait.gui.conflict_dialog import ClashDialog
from penportrait.gui.main_window import MainWindow
from tests.core.test_conflicts import ID, two_laptops


def menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu action {text!r}")


def choose_with_keyboard(qtbot: QtBot, dialog: ClashDialog, path: str, side: Side) -> None:
    button = dialog.buttons[(path, side)]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert button.isChecked()


def open_clash_dialog(qtbot: QtBot, window: MainWindow, via: str) -> ClashDialog:
    if via == "menu":
        menu_action(window, "Resolve sync conflicts…").trigger()
    else:
        qtbot.mouseClick(
            window.pupil_list.conflict_banner.resolve_button, Qt.MouseButton.LeftButton
        )
    dialog = window.findChildren(ClashDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def resolve_in_dialog(qtbot: QtBot, window: MainWindow, pick: dict[str, str], via: str) -> None:
    """Open the dialog, keep the version whose text contains ``pick[path]``, save."""
    dialog = open_clash_dialog(qtbot, window, via)
    for clash in dialog.report.clashes:
        side: Side = "kept" if pick[clash.path] in str(clash.kept) else "copy"
        choose_with_keyboard(qtbot, dialog, clash.path, side)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)


def test_banner_on_opening_counts_merged_and_waiting_copies(qtbot: QtBot, store: Store) -> None:
    two_laptops(store, {"about_me": "A", "pupil_voice": "A"}, {"about_me": "B"})
    other = store.new_pupil("Ben", "Clean")
    other = store.save(other, by="x")
    copy = store.pupils_dir / f"{other.id} (K's conflicted copy 2026-11-24).json"
    edited = other.model_copy(
        update={"portrait": other.portrait.model_copy(update={"family_voice": "Mum says hi"})}
    )
    store.save(other.model_copy(update={"updated_by": "y"}), by="y")  # history of revision 1
    copy.write_text(edited.model_copy(update={"revision": 2}).to_json(), encoding="utf-8")
    window = MainWindow(store)
    qtbot.addWidget(window)
    banner = window.pupil_list.conflict_banner
    assert not banner.isHidden()
    assert banner.label.textFormat() == Qt.TextFormat.PlainText
    assert "1 copy from another laptop was merged" in banner.label.text()
    assert "1 needs you to choose" in banner.label.text()
    assert store.load(other.id).portrait.family_voice == "Mum says hi"
    assert window.pupil_list.pupils.rowCount() == 2  # never a copy as a pupil


def test_clash_dialog_from_the_banner_and_the_menu(qtbot: QtBot, store: Store) -> None:
    copy = two_laptops(
        store,
        {"about_me": "<b>A</b> likes maps", "strengths": ["Kind"]},
        {"about_me": "B likes trains", "pupil_voice": "B voice"},
    )
    window = MainWindow(store)
    qtbot.addWidget(window)
    dialog = open_clash_dialog(qtbot, window, "banner")
    texts = [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)]
    assert texts == ["<b>A</b> likes maps", "B likes trains"]  # plain words, not JSON
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel)
    )
    save = dialog.button_box.buttons()[0]
    assert not save.isEnabled()  # nothing chosen yet
    dialog.reject()
    assert copy.exists()

    resolve_in_dialog(qtbot, window, {"portrait.about_me": "trains"}, via="menu")
    pupil = store.load(ID)
    assert pupil.portrait.about_me == "B likes trains"
    assert pupil.portrait.pupil_voice == "B voice"
    assert pupil.portrait.strengths == ["Kind"]
    assert not copy.exists()
    assert (store.trash_dir / "conflict-copies" / copy.name).exists()
    assert window.pupil_list.conflict_banner.isHidden()
    assert len(dialog.findChildren(QRadioButton)) == 2


def test_a_new_copy_while_open_shows_the_banner(qtbot: QtBot, store: Store) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.pupil_list.conflict_banner.isHidden()
    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    window.refresh_list()  # what the watcher (or the periodic check) does on a change
    assert "merged" in window.pupil_list.conflict_banner.label.text()
    assert store.load(ID).portrait.pupil_voice == "B"


def test_the_periodic_check_sees_a_change_without_the_watcher(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    for path in window.folder_watch.watcher.directories() + window.folder_watch.watcher.files():
        window.folder_watch.watcher.removePath(
            path
        )  # as on a network share: the watcher hears nothing
    assert window.folder_watch.poll() is False
    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    assert window.folder_watch.poll() is True
    assert window.pupil_list.pupils.rowCount() == 1
    assert not window.pupil_list.conflict_banner.isHidden()


def test_the_pupil_being_edited_is_not_merged_under_the_editor(qtbot: QtBot, store: Store) -> None:
    copy = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    copy_bytes = copy.read_bytes()
    copy.rename(copy.with_suffix(".later"))  # arrives while the TA is typing
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.current_id() == ID
    window.editor.ui.lastName.setFocus()
    qtbot.keyClicks(window.editor.ui.lastName, "x")
    assert window.session.dirty
    copy.write_bytes(copy_bytes)
    copy.with_suffix(".later").unlink()
    window.refresh_list()
    assert copy.exists(), "merged under unsaved edits"
    assert (
        "needs you" in window.pupil_list.conflict_banner.label.text()
        or window.pupil_list.conflict_banner.isHidden()
    )
    assert window.flush()  # the edit is saved; the next look merges the copy
    window.refresh_list()
    assert not copy.exists()
    pupil = store.load(ID)
    assert (pupil.pupil.last_name, pupil.portrait.pupil_voice) == ("Hussainx", "B")


def test_the_periodic_check_runs_only_where_the_watcher_cannot_be_trusted(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import penportrait.gui.folder_watch as folder_watch

    store.root.mkdir(parents=True)
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert (
        not window.folder_watch.poll_timer.isActive()
    )  # a local disk: the watcher hears every change
    monkeypatch.setattr(folder_watch, "watcher_is_reliable", lambda _root: False)
    window.set_store(Store(store.root), sample=False)
    assert window.folder_watch.poll_timer.isActive()
    window.folder_watch.poll_timer.setInterval(50)  # the test need not wait the real 5 s
    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    with qtbot.waitSignal(window.folder_watch.poll_timer.timeout, timeout=2000):
        pass
    qtbot.waitUntil(lambda: window.pupil_list.pupils.rowCount() == 1, timeout=2000)


def test_banner_counts_a_copy_it_cannot_settle_apart_from_clashes(
    qtbot: QtBot, store: Store
) -> None:
    two_laptops(store, {"about_me": "A"}, {"about_me": "B"})
    (store.root / "strategies.sync-conflict-20261124-101500-ABCDEFG.json").write_text(
        '{"strategies": []}', encoding="utf-8"
    )
    window = MainWindow(store)
    qtbot.addWidget(window)
    text = window.pupil_list.conflict_banner.label.text()
    assert "1 needs you to choose between two versions" in text
    assert "1 cannot be merged here and was left as found: see Tools > Check data…" in text


def test_a_merge_of_another_pupil_keeps_the_undo_history_of_the_one_being_edited(
    qtbot: QtBot, store: Store
) -> None:
    """A copy of another pupil arrives and merges by itself while the TA edits someone else:
    their Ctrl+Z still undoes their own typing."""
    copy = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    copy_bytes = copy.read_bytes()
    copy.unlink()  # not here yet
    edited = store.save(store.new_pupil("Aaron", "Able"), by="x")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.pupil_list.select_id(edited.id)
    assert window.current_id() == edited.id
    window.editor.ui.lastName.setFocus()
    qtbot.keyClicks(window.editor.ui.lastName, "s")
    assert window.flush()  # saved, as the autosave would
    qtbot.keyClicks(window.editor.ui.lastName, "t")  # and typing on, unsaved
    assert window.editing.undo_stack.canUndo()
    copy.write_bytes(copy_bytes)  # the other laptop's copy arrives
    window.refresh_list()  # what the watcher (or the periodic check) does on a change
    assert not copy.exists() and store.load(ID).portrait.pupil_voice == "B"
    assert window.current_id() == edited.id
    assert window.editor.ui.lastName.text() == "Ablest"
    assert window.editing.undo_stack.canUndo()
    window.editing.undo_stack.undo()
    window.editing.undo_stack.undo()
    assert window.editor.ui.lastName.text() == "Able"


def test_the_clash_dialog_says_which_version_is_the_file_and_which_the_copy(
    qtbot: QtBot, store: Store
) -> None:
    two_laptops(store, {"about_me": "A wrote"}, {"about_me": "B wrote"})
    window = MainWindow(store)
    qtbot.addWidget(window)
    dialog = open_clash_dialog(qtbot, window, "menu")
    kept, copy = dialog.kept_heading.text(), dialog.copy_heading.text()
    assert kept.startswith("Version 1: the pupil's file, as it is in the folder")
    assert "Saved by TA Ann" in kept
    assert copy.startswith(
        "Version 2: the conflict copy the sync client kept (Syncthing, device ABCDEF7)"
    )
    assert "Saved by TA Bo" in copy
    assert dialog.kept_heading.textFormat() == Qt.TextFormat.PlainText
    dialog.reject()
