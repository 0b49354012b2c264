"""The real window, driven by keyboard and mouse: edit, autosave, undo, conflicts, export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from penportrait.core.model import Pupil
from penportrait.core.sections import Section
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.gui import dialogs
from penportrait.gui.dialogs import ConflictDialog, TrashDialog
from penportrait.gui.main_window import MainWindow
from penportrait.gui.pupil_list import PUPIL_ROLE, PupilFilterProxy, PupilListModel
from penportrait.gui.session import Choice


def on_disk(store: Store, pupil_id: str) -> dict:  # type: ignore[type-arg]
    return json.loads(store.pupil_path(pupil_id).read_text(encoding="utf-8"))


def select(window: MainWindow, name: str) -> Pupil:
    for row in range(window.pupil_list.proxy.rowCount()):
        pupil: Pupil = window.pupil_list.proxy.index(row, 0).data(PUPIL_ROLE)
        if pupil.display_name == name:
            window.pupil_list.table.setCurrentIndex(window.pupil_list.proxy.index(row, 0))
            assert window.session.content is not None
            assert window.session.content.id == pupil.id
            return pupil
    raise AssertionError(f"{name} is not in the list")


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


# -- the list ---------------------------------------------------------------------------------


def test_the_pupil_list_and_its_proxy_pass_the_model_tester(
    qtmodeltester: ModelTester, sample_store: Store
) -> None:
    model = PupilListModel()
    model.set_pupils(sample_store.scan().pupils)
    qtmodeltester.check(model)
    proxy = PupilFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("oak")
    qtmodeltester.check(proxy)


def test_the_list_shows_every_pupil_sorted_with_due_reviews_marked(window: MainWindow) -> None:
    proxy = window.pupil_list.proxy
    assert proxy.rowCount() == 51
    surnames = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert surnames == sorted(surnames, key=str.casefold)
    marks = [proxy.index(r, 4).data() for r in range(proxy.rowCount())]
    assert any(m.startswith("⚑") for m in marks) and not all(m.startswith("⚑") for m in marks)
    assert window.windowTitle().startswith("Ashbrook Academy")


def test_a_folder_with_no_school_name_is_titled_once(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(Store(tmp_path / "new school"))
    qtbot.addWidget(window)
    assert window.windowTitle() == "PenPortrait"


def test_search_and_filters_narrow_the_list(qtbot: QtBot, window: MainWindow) -> None:
    type_into(qtbot, window.pupil_list.search, "oak")
    assert window.pupil_list.proxy.rowCount() == 30
    window.pupil_list.search.clear()
    window.pupil_list.group_filter.setCurrentIndex(
        window.pupil_list.group_filter.findData("8 Maths Set 2")
    )
    assert 0 < window.pupil_list.proxy.rowCount() < 11
    window.pupil_list.group_filter.setCurrentIndex(0)
    window.pupil_list.status_filter.setCurrentIndex(
        window.pupil_list.status_filter.findData("ehcp")
    )
    ehcp = window.pupil_list.proxy.rowCount()
    assert all(
        window.pupil_list.proxy.index(r, 0).data(PUPIL_ROLE).send.status == "ehcp"
        for r in range(ehcp)
    )
    window.pupil_list.status_filter.setCurrentIndex(0)
    window.pupil_list.due_filter.setChecked(True)
    assert 0 < window.pupil_list.proxy.rowCount() < 51


# -- editing, autosave, undo ------------------------------------------------------------------


def test_a_new_pupil_typed_by_keyboard_is_autosaved_to_its_file(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    window.new_action.trigger()
    ui = window.editor.ui
    type_into(
        qtbot, ui.firstName, "Lucja"
    )  # QTest types ASCII only; Unicode is covered by the property test
    type_into(qtbot, ui.lastName, "Wojcik")
    strategies = window.editor.lists["strategies"]
    strategies.list.setFocus()
    for text in ("Sit me near the front", "Give me a word mat"):
        qtbot.keyClick(strategies.list, Qt.Key.Key_Insert)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit), "Insert should open the new item for typing"
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()  # let the view close the editor, as between keystrokes
    strategies.list.setCurrentRow(1)
    qtbot.keyClick(strategies.list, Qt.Key.Key_Space)  # tick "must do"

    with qtbot.waitSignal(window.session.saved, timeout=5000) as saved:
        pass
    pupil = saved.args[0]
    data = on_disk(sample_store, pupil.id)
    assert (data["pupil"]["first_name"], data["pupil"]["last_name"]) == ("Lucja", "Wojcik")
    assert data["portrait"]["strategies"] == [
        {"text": "Sit me near the front", "essential": False, "bank_id": None},
        {"text": "Give me a word mat", "essential": True, "bank_id": None},
    ]
    assert window.editing.save_label.text() == "Saved"
    assert window.pupil_list.pupils.row_of(pupil.id) >= 0


def test_undo_and_redo_work_across_fields_and_are_saved(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    mira = select(window, "Mira Hussain")
    ui = window.editor.ui
    type_into(qtbot, ui.preferredName, "x")  # "Mirax"
    about = window.editor.texts["about_me"]
    about.moveCursor(about.textCursor().MoveOperation.End)
    type_into(qtbot, about, " I also like cats.")
    assert window.editing.undo_stack.count() == 2

    window.undo_action.trigger()  # undoes the About me typing
    assert about.toPlainText().endswith("I want to be a vet.")
    assert ui.preferredName.text() == "Mirax"
    window.undo_action.trigger()
    assert ui.preferredName.text() == "Mira"
    window.redo_action.trigger()
    assert ui.preferredName.text() == "Mirax"
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    data = on_disk(sample_store, mira.id)
    assert data["pupil"]["preferred_name"] == "Mirax"
    assert not data["portrait"]["about_me"].endswith("cats.")


def test_reordering_a_list_by_keyboard_is_saved_in_that_order(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    ollie = select(window, "Ollie Bennett")
    strengths = window.editor.lists["strengths"]
    before = strengths.values()
    strengths.list.setFocus()
    strengths.list.setCurrentRow(0)
    qtbot.keyClick(strengths.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    assert on_disk(sample_store, ollie.id)["portrait"]["strengths"] == [
        before[1],
        before[0],
        *before[2:],
    ]
    window.undo_action.trigger()
    assert strengths.values() == before


def test_switching_pupil_saves_at_once(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    mira = select(window, "Mira Hussain")
    type_into(qtbot, window.editor.ui.upn, "9")
    with qtbot.waitSignal(window.session.saved, timeout=1000):
        select(window, "Ollie Bennett")
    assert on_disk(sample_store, mira.id)["pupil"]["upn"].endswith("9")


def test_closing_the_window_saves(qtbot: QtBot, window: MainWindow, sample_store: Store) -> None:
    ruby = select(window, "Ruby Hall")
    type_into(qtbot, window.editor.ui.author, " (edited)")
    window.close()
    assert on_disk(sample_store, ruby.id)["review"]["author"].endswith("(edited)")


# -- the live page ------------------------------------------------------------------------------


def test_the_live_page_follows_the_audience_switch_and_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    select(window, "Lily-Mae Cooper")
    fitted = window.live.fitted
    assert fitted is not None and fitted.view.section(Section.FAMILY_VOICE) is not None
    with qtbot.waitSignal(window.live.updated, timeout=3000) as shown:
        qtbot.mouseClick(window.live.cover_button, Qt.MouseButton.LeftButton)
    cover = shown.args[0]
    assert cover.view.audience is Audience.COVER
    assert cover.view.section(Section.FAMILY_VOICE) is None
    assert window.cover_view.isChecked()
    assert window.live.meter.text().startswith("✓ Fits on one page at")

    with qtbot.waitSignal(window.live.updated, timeout=3000) as shown:
        window.editor.texts["about_me"].setPlainText("Short now.")
    assert shown.args[0].view.section(Section.ABOUT_ME).text == "Short now."
    image = window.live.canvas.grab().toImage()
    assert image.width() > 100


def test_after_a_save_the_live_page_says_who_updated_it_and_when(
    qtbot: QtBot, window: MainWindow
) -> None:
    select(window, "Lily-Mae Cooper")
    window.session.user = "J. Fresh"
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        window.editor.texts["about_me"].setPlainText("I like dragons.")
    qtbot.waitUntil(
        lambda: (
            window.live.fitted is not None
            and "J. Fresh on 24 November 2026" in window.live.fitted.view.updated
        ),
        timeout=3000,
    )


def test_a_page_too_long_says_what_to_shorten(qtbot: QtBot, window: MainWindow) -> None:
    select(window, "Ruby Hall")
    with qtbot.waitSignal(window.live.updated, timeout=3000) as shown:
        window.editor.texts["about_me"].setPlainText(" ".join(["words"] * 2500))
    assert not shown.args[0].fits
    assert "Too long for one page: shorten About me" in window.live.meter.text()


# -- two laptops ----------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", [Choice.MINE, Choice.THEIRS])
def test_a_conflict_shows_both_versions_and_loses_nothing(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    choice: Choice,
) -> None:
    mira = select(window, "Mira Hussain")
    other_laptop = Store(sample_store.root)
    theirs = other_laptop.load(mira.id)
    other_laptop.save(
        theirs.model_copy(
            update={"portrait": theirs.portrait.model_copy(update={"about_me": "Theirs."})}
        ),
        by="TA on laptop 2",
    )
    asked = []

    def answer(conflict, parent=None):  # type: ignore[no-untyped-def]
        asked.append(dialogs.differences_html(conflict.mine, conflict.theirs))
        return choice

    monkeypatch.setattr(ConflictDialog, "ask", staticmethod(answer))
    window.editor.texts["about_me"].setPlainText("Mine.")
    window.save_action.trigger()

    assert asked
    assert "<h4>About me</h4><p><b>Theirs:</b> Theirs.</p><p><b>Yours:</b> Mine.</p>" in asked[0]
    saved = other_laptop.load(mira.id)
    history = [
        other_laptop.load_revision(mira.id, r).portrait.about_me
        for r in other_laptop.history(mira.id)
    ]
    if choice is Choice.MINE:
        assert saved.portrait.about_me == "Mine."
        assert "Theirs." in history
    else:
        assert saved.portrait.about_me == "Theirs."
        assert window.editor.texts["about_me"].toPlainText() == "Theirs."
        assert "Mine." in history  # as the dialog promises: the other version is kept
    assert window.editing.save_label.text() == "Saved"


def test_the_list_notices_pupils_added_elsewhere_without_losing_the_edit(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    select(window, "Mira Hussain")
    window.editor.texts["about_me"].setPlainText("Half-written sentence")
    other_laptop = Store(sample_store.root)
    with qtbot.waitSignal(window.pupil_list.pupils.modelReset, timeout=5000):
        other_laptop.save(other_laptop.new_pupil("Newton", "Added"), by="laptop 2")
    assert window.pupil_list.pupils.rowCount() == 52
    assert window.editor.texts["about_me"].toPlainText() == "Half-written sentence"
    assert window.session.content is not None and window.session.content.pupil.first_name == "Amira"


# -- delete, trash --------------------------------------------------------------------------------


def test_delete_moves_to_the_trash_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    mira = select(window, "Mira Hussain")
    window.delete_action.trigger()
    assert not sample_store.pupil_path(mira.id).exists()
    assert window.pupil_list.undo_delete_bar.isVisible()
    assert window.pupil_list.pupils.row_of(mira.id) == -1
    qtbot.mouseClick(window.pupil_list.undo_delete_button, Qt.MouseButton.LeftButton)
    assert sample_store.pupil_path(mira.id).exists()
    assert window.session.content is not None and window.session.content.id == mira.id

    window.delete_action.trigger()
    monkeypatch.setattr(TrashDialog, "exec", lambda self: 1)
    window.trash_action.trigger()
    assert sample_store.pupil_path(mira.id).exists()


def test_the_keyboard_stays_in_the_field_after_delete_and_undo_delete(
    qtbot: QtBot, window: MainWindow
) -> None:
    select(window, "Mira Hussain")
    with qtbot.waitActive(window):
        window.activateWindow()
    last_name = window.editor.ui.lastName
    last_name.setFocus()
    assert QApplication.focusWidget() is last_name
    window.delete_action.trigger()  # Ctrl+Del
    assert (
        window.session.content is not None and window.session.content.display_name != "Mira Hussain"
    )
    assert QApplication.focusWidget() is last_name  # on the next pupil, not lost
    window.undo_delete_action.trigger()
    assert (
        window.session.content is not None and window.session.content.display_name == "Mira Hussain"
    )
    assert QApplication.focusWidget() is last_name


def test_undo_delete_from_its_bar_leaves_the_keyboard_on_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    select(window, "Mira Hussain")
    with qtbot.waitActive(window):
        window.activateWindow()
    window.delete_action.trigger()
    button = window.pupil_list.undo_delete_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # pressed from the keyboard
    assert not window.pupil_list.undo_delete_bar.isVisible()
    assert QApplication.focusWidget() is window.pupil_list.table


# -- output ---------------------------------------------------------------------------------------


def test_export_pdf_and_word_through_the_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    select(window, "Ollie Bennett")
    target = tmp_path / "ollie.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.export_pdf_action.trigger()
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == 1
    assert "Ollie" in (reader.pages[0].extract_text() or "")

    word = tmp_path / "ollie"  # no ending typed: .docx is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(word), ""))
    )
    window.export_word_action.trigger()
    assert (tmp_path / "ollie.docx").stat().st_size > 5000


def test_a_photo_dropped_on_the_photo_area_is_cleaned_and_saved(
    qtbot: QtBot, window: MainWindow, sample_store: Store, tmp_path: Path
) -> None:
    zofia = select(window, "Zofia Kowalska")
    source = tmp_path / "phone.jpg"
    Image.new("RGB", (1200, 1600), "orange").save(source)
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        window.editor.ui.photoWell.dropped.emit(source)
    data = on_disk(sample_store, zofia.id)
    assert data["pupil"]["photo"].startswith(f"{zofia.id}.")  # <id>.<hash>.jpg
    with Image.open(sample_store.photos_dir / data["pupil"]["photo"]) as stored:
        assert max(stored.size) == 800


def test_a_file_that_is_not_a_photo_is_refused_with_a_message(
    window: MainWindow, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    select(window, "Zofia Kowalska")
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo", encoding="utf-8")
    window.editor.ui.photoWell.dropped.emit(bad)
    assert message_boxes and "notes.jpg" in message_boxes[-1][1]


# -- for everyone ---------------------------------------------------------------------------------


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    unnamed = []
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton):
        for widget in window.findChildren(kind):
            if widget.isVisibleTo(window) and not widget.accessibleName():
                if isinstance(widget.parent(), (QComboBox,)) or widget.objectName().startswith(
                    "qt_"
                ):
                    continue
                unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert unnamed == []
    assert window.editor.ui.firstName.accessibleName() == "First name"
    assert window.editor.texts["about_me"].accessibleName() == "About me"
    assert window.editor.lists["strategies"].list.accessibleName() == "How to help me"


def test_standard_shortcuts_are_set(window: MainWindow) -> None:
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["New pupil"] == "Ctrl+N"
    assert shortcuts["Save now"] == "Ctrl+S"
    assert shortcuts["Print…"] == "Ctrl+P"
    assert shortcuts["Find pupil"] == "Ctrl+F"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert {s.toString() for s in window.redo_action.shortcuts()} == {"Ctrl+Shift+Z", "Ctrl+Y"}


def test_ctrl_f_moves_to_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()
    window.pupil_list.table.setFocus()
    qtbot.keyClick(window.pupil_list.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.pupil_list.search


def test_bad_files_are_named_and_the_rest_works(
    qtbot: QtBot, sample_dir: Path, message_boxes: list[tuple[str, str]]
) -> None:
    (sample_dir / "pupils" / "broken.json").write_bytes(b"{")
    window = MainWindow(Store(sample_dir))
    qtbot.addWidget(window)
    assert window.pupil_list.proxy.rowCount() == 51
    assert "pupils/broken.json" in window.pupil_list.notice.text()
    from penportrait.gui.dialogs import CheckDialog

    shown = []
    original = CheckDialog.__init__

    def spy(self, problems, checked, parent=None):  # type: ignore[no-untyped-def]
        shown.append(problems)
        original(self, problems, checked, parent)

    CheckDialog.__init__ = spy  # type: ignore[method-assign]
    CheckDialog.exec = lambda self: 0  # type: ignore[method-assign]
    try:
        window.check_action.trigger()
    finally:
        CheckDialog.__init__ = original  # type: ignore[method-assign]
        del CheckDialog.exec
    assert shown and shown[0][0].file == "pupils/broken.json"


def test_print_uses_the_system_dialog_and_prints_the_same_page(
    window: MainWindow, printed_pdf: Path
) -> None:
    select(window, "Ollie Bennett")
    window.print_action.trigger()
    reader = PdfReader(str(printed_pdf))
    assert len(reader.pages) == 1
    assert "How to help me" in " ".join((reader.pages[0].extract_text() or "").split())


def test_open_data_folder_switches_to_another_school(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = tmp_path / "other-school"
    store = Store(other)
    store.save(store.new_pupil("Only", "Pupil"))
    chooser = staticmethod(lambda *a, **k: str(other))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", chooser)
    window.open_folder_action.trigger()
    assert window.store.root == other
    assert window.pupil_list.proxy.rowCount() == 1
    assert window.session.content is not None and window.session.content.pupil.first_name == "Only"


def test_undo_delete_does_not_follow_into_another_data_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A delete made in one school cannot be "undone" in the next one opened."""
    select(window, "Mira Hussain")
    window.delete_action.trigger()
    assert window.undo_delete_action.isEnabled()
    assert window.pupil_list.undo_delete_bar.isVisibleTo(window)
    other = tmp_path / "other-school"
    Store(other).save(Store(other).new_pupil("Only", "Pupil"))
    chooser = staticmethod(lambda *a, **k: str(other))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", chooser)
    window.open_folder_action.trigger()
    assert window.store.root == other
    assert not window.undo_delete_action.isEnabled()
    assert not window.pupil_list.undo_delete_bar.isVisibleTo(window)


def test_the_conflict_dialog_and_trash_bar_show_names_as_plain_text(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    hostile = '<img src="/etc/passwd"><b>Bold</b>'
    mira = select(window, "Mira Hussain")
    named = mira.model_copy(
        update={
            "pupil": mira.pupil.model_copy(update={"preferred_name": hostile}),
            "updated_by": hostile,
        }
    )
    from PySide6.QtWidgets import QLabel

    from penportrait.core.store import SaveConflict

    dialog = ConflictDialog(SaveConflict(named, named), window)
    qtbot.addWidget(dialog)
    intro = dialog.findChildren(QLabel)[0]
    assert intro.textFormat() == Qt.TextFormat.PlainText
    assert hostile in intro.text()
    window.session.edited(named)
    window.session.save()
    window.delete_action.trigger()
    assert window.pupil_list.undo_delete_label.textFormat() == Qt.TextFormat.PlainText
    assert hostile in window.pupil_list.undo_delete_label.text()


def test_the_suggested_export_name_stays_in_the_export_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from penportrait.gui import ui_state

    folder = tmp_path / "exports"
    folder.mkdir()
    ui_state.EXPORT_FOLDER.set(folder)
    mira = select(window, "Mira Hussain")
    window.session.edited(
        mira.model_copy(
            update={"pupil": mira.pupil.model_copy(update={"preferred_name": "../../x/../evil"})}
        )
    )
    suggested: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda _parent, _title, path, *a, **k: suggested.append(path) or ("", "")),
    )
    window.export_pdf_action.trigger()
    assert suggested
    chosen = Path(suggested[0])
    assert chosen.parent == folder
    assert chosen.resolve().parent == folder.resolve()
    assert chosen.name.endswith(" - portrait.pdf") and ".." not in chosen.name
