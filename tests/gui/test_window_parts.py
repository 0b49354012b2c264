"""The window's parts on their own: each works without the window, through signals and small
methods, and every command of the one menu table has exactly one part that does it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from penportrait.core.model import Pupil
from penportrait.core.store import Store
from penportrait.gui import actions
from penportrait.gui.folder_watch import FolderWatch
from penportrait.gui.main_window import MainWindow
from penportrait.gui.pupil_editing import PupilEditing
from penportrait.gui.pupil_list import PUPIL_ROLE
from penportrait.gui.pupil_list_panel import PupilListPanel
from penportrait.gui.session import SaveState


def test_every_command_has_exactly_one_handler_in_the_part_it_belongs_to(
    window: MainWindow,
) -> None:
    parts = {
        "live page": window.live.handlers(),
        "pupil actions": window.pupil_actions.handlers(),
        "output actions": window.output_actions.handlers(),
        "school actions": window.school_actions.handlers(),
    }
    names = [name for handlers in parts.values() for name in handlers]
    assert len(names) == len(set(names)), "a command is handled by two parts"
    everything = set(window.command_handlers()) | {"undo_action", "redo_action"}
    assert everything == {command.name for command in actions.commands()}
    assert set(names) <= everything
    assert "export_pdf_action" in parts["output actions"]
    assert "delete_action" in parts["pupil actions"]
    assert "settings_action" in parts["school actions"]


def test_the_list_panel_says_which_pupil_the_user_chose_and_nothing_the_program_did(
    qtbot: QtBot, sample_store: Store
) -> None:
    panel = PupilListPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    chosen: list[Pupil] = []
    panel.pupil_chosen.connect(chosen.append)
    pupils = sample_store.scan().pupils
    panel.show_pupils(pupils, keep=pupils[3].id)  # the program's selection: no signal
    assert chosen == []
    assert panel.row_count() == len(pupils)
    rect = panel.table.visualRect(panel.proxy.index(1, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(chosen) == 1 and chosen[0] is panel.proxy.index(1, 0).data(PUPIL_ROLE)
    panel.show_selected(None)
    assert len(chosen) == 1 and not panel.table.currentIndex().isValid()


def test_the_list_panel_filters_and_notices(qtbot: QtBot, sample_store: Store) -> None:
    panel = PupilListPanel()
    qtbot.addWidget(panel)
    panel.show()
    pupils = sample_store.scan().pupils
    panel.show_pupils(pupils, keep=None)
    qtbot.keyClicks(panel.search, "oak")
    assert 0 < panel.row_count() < len(pupils)
    panel.clear_filters()
    assert panel.row_count() == len(pupils) and panel.search.text() == ""

    panel.show_unreadable(["pupils/b.json", "pupils/a.json", "school.json", "x.json", "a.json"])
    assert panel.notice.isVisible()
    assert panel.notice.textFormat() == Qt.TextFormat.PlainText
    assert "5 files" in panel.notice.text() and " …" in panel.notice.text()
    panel.show_unreadable([])
    assert not panel.notice.isVisible()

    panel.show_read_only("The folder <b>x</b> cannot be changed.")
    assert panel.read_only_banner.isVisible()
    assert panel.read_only_banner.textFormat() == Qt.TextFormat.PlainText
    panel.show_read_only(None)
    assert not panel.read_only_banner.isVisible()

    asked: list[bool] = []
    panel.undo_delete_requested.connect(lambda: asked.append(True))
    panel.show_deleted("Mira <i>Hussain</i>")
    assert panel.undo_delete_label.text() == "Mira <i>Hussain</i> moved to the trash."
    qtbot.mouseClick(panel.undo_delete_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert asked == [True]


def test_the_folder_watch_hears_a_change_by_polling_where_the_watcher_is_deaf(
    qtbot: QtBot, store: Store
) -> None:
    store.root.mkdir(parents=True)
    watch = FolderWatch(store.root)
    for path in watch.watcher.directories() + watch.watcher.files():
        watch.watcher.removePath(path)
    assert watch.poll() is False
    with qtbot.waitSignal(watch.changed, timeout=2000):
        store.save(store.new_pupil("Amira", "Hussain"), by="laptop 2")
        assert watch.poll() is True
    assert watch.poll() is False  # seen once, not again


def test_the_editor_with_its_session_edits_undoes_and_saves_without_a_window(
    qtbot: QtBot, store: Store
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    pupil = store.save(store.new_pupil("Amira", "Hussain"), by="x")
    editing = PupilEditing(store, user="K. Okafor", parent=parent)
    editing.editor.setParent(parent)
    parent.show()
    changed: list[Pupil] = []
    editing.content_changed.connect(changed.append)
    opened: list[Pupil | None] = []
    editing.opened.connect(opened.append)

    editing.show(pupil)
    assert opened == [pupil]
    editing.editor.setEnabled(True)
    editing.editor.ui.lastName.setFocus()
    qtbot.keyClicks(editing.editor.ui.lastName, "x")
    assert changed[-1].pupil.last_name == "Hussainx"
    assert editing.save_label.text() == SaveState.UNSAVED.value
    with qtbot.waitSignal(editing.saved, timeout=3000):
        assert editing.flush()
    assert store.load(pupil.id).pupil.last_name == "Hussainx"
    assert editing.save_label.text() == SaveState.SAVED.value
    editing.undo_stack.undo()
    assert editing.content is not None and editing.content.pupil.last_name == "Hussain"


def test_a_new_pupil_waits_for_its_name(qtbot: QtBot, store: Store) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    editing = PupilEditing(store, user="K. Okafor", parent=parent)
    editing.start_new(store.new_pupil("", ""))
    assert editing.save_label.text() == SaveState.NEEDS_NAME.value
    assert editing.session.is_new and store.scan().pupils == []
