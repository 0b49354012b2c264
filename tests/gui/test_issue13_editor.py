"""Issue 13 in the app: structured medical notes, the cover contact, the two new sections,
and the school's emergency contacts, typed as a person types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.dialogs import SchoolSettingsDialog
from penportrait.gui.main_window import MainWindow
from tests.gui.test_main_window import on_disk, select, type_into


def add_line(qtbot: QtBot, widget: object, text: str) -> None:
    editor_list = widget.list  # type: ignore[attr-defined]
    editor_list.setFocus()
    qtbot.keyClick(editor_list, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "Insert should open the new item for typing"
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_medical_notes_cover_contact_and_new_sections_are_saved_structured(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    pupil = select(window, "Mira Hussain")
    texts = window.editor.texts
    type_into(qtbot, texts["communication"], "I talk a lot; check I have understood")
    type_into(qtbot, texts["upset_signs"], "I go quiet. Give me two minutes")
    add_line(
        qtbot,
        window.editor.lists["medical"],
        "ALERT: Asthma | do: two puffs of the blue inhaler | kit: class medical box | call: office",
    )
    add_line(qtbot, window.editor.lists["medical"], "CARE: Glasses | do: check she wears them")
    add_line(qtbot, window.editor.lists["contacts"], "Miss P. Kaur, TA [call during cover]")
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    data = on_disk(sample_store, pupil.id)
    assert data["format_version"] == 2
    assert data["portrait"]["communication"] == "I talk a lot; check I have understood"
    assert data["portrait"]["upset_signs"] == "I go quiet. Give me two minutes"
    assert data["portrait"]["medical"] == [
        {
            "kind": "alert",
            "condition": "Asthma",
            "signs": "",
            "action": "two puffs of the blue inhaler",
            "kit": "class medical box",
            "call": "office",
        },
        {
            "kind": "routine",
            "condition": "Glasses",
            "signs": "",
            "action": "check she wears them",
            "kit": "",
            "call": "",
        },
    ]
    kaur = {"name": "Miss P. Kaur", "role": "TA", "cover": True}
    assert kaur in data["portrait"]["contacts"]


def test_the_school_sets_its_emergency_contacts(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, sample_dir: Path
) -> None:
    def edit(self: SchoolSettingsDialog) -> int:
        box = self.findChild(QPlainTextEdit)
        assert box is not None and box.accessibleName() == "Emergency contacts"
        box.selectAll()
        qtbot.keyClicks(box, "School office: extension 200")
        return 1

    monkeypatch.setattr(SchoolSettingsDialog, "exec", edit)
    with qtbot.waitSignal(window.live.updated, timeout=3000):
        window.settings_action.trigger()
    saved = json.loads((sample_dir / "school.json").read_text(encoding="utf-8"))
    assert saved["emergency_contacts"] == [{"who": "School office", "where": "extension 200"}]


def test_the_fields_people_write_most_get_the_room(window: MainWindow) -> None:
    """ "How to help me" is no longer squeezed while "Needs in a sentence" is a large box."""
    window.resize(1400, 900)
    window.show()
    ui = window.editor.ui
    strategies = window.editor.lists["strategies"]
    assert strategies.list.width() >= ui.summary.width() * 0.9
    assert ui.summary.height() <= window.editor.texts["about_me"].height()


def test_other_needs_labels_are_not_cut_off(window: MainWindow) -> None:
    window.resize(1400, 900)
    window.show()
    needs = window.editor.ui.secondaryNeeds
    metrics = needs.fontMetrics()
    for row in range(needs.count()):
        item = needs.item(row)
        rect = needs.visualItemRect(item)
        lines = max(1, round(rect.height() / metrics.lineSpacing()))
        # The whole label fits in the lines its row has: wrapped, never elided.
        assert metrics.horizontalAdvance(item.text()) <= rect.width() * lines, item.text()
