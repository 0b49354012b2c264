"""User data is shown as plain text in every label and message box (STYLE.md 15).

Qt guesses rich text (Qt.mightBeRichText) for a label or a message box left at AutoText: a file
called ``<h1 style="color:red">URGENT…`` would show as a big red heading, and an ``<img src=…>``
makes Qt open a file (on Windows possibly a network path).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui import messages
from penportrait.gui.main_window import MainWindow
from penportrait.gui.pupil_list import PUPIL_ROLE

MARKUP = '<h1 style="color:red">URGENT ring 0800 000 000</h1><img src="x.png">'
HOSTILE_FILE = '<h1 style="color:red">URGENT all files lost <img src="x.png">.json'
STATIC_BOXES = ("warning", "information", "critical", "question")
GUI = Path(__file__).resolve().parents[2] / "penportrait" / "gui"


def renders_markup(label: QLabel) -> bool:
    """The label would draw our markup rather than show it: not plain text, and the raw tags
    are in its text (escaped text, &lt;h1&gt;, is fine in a deliberately rich label)."""
    return label.textFormat() != Qt.TextFormat.PlainText and "<h1" in label.text()


def choose(window: MainWindow, pupil_id: str) -> None:
    """Click the pupil's row in the list."""
    for row in range(window.pupil_list.proxy.rowCount()):
        if window.pupil_list.proxy.index(row, 0).data(PUPIL_ROLE).id == pupil_id:
            window.pupil_list.table.setCurrentIndex(window.pupil_list.proxy.index(row, 0))
            return
    raise AssertionError(f"{pupil_id} is not in the list")


def menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in menu.actions() if menu else []:  # type: ignore[attr-defined]
            if action.text().replace("&", "").rstrip("…") == text:
                return action
    raise AssertionError(f"{text} is not on a menu")


def test_hostile_names_and_values_never_render_as_markup(
    qtbot: QtBot, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(sample_dir)
    (store.pupils_dir / HOSTILE_FILE).write_text("{}", encoding="utf-8")
    pupils = store.scan().pupils
    named, damaged = pupils[0], pupils[1]
    store.save(
        named.model_copy(
            update={"pupil": named.pupil.model_copy(update={"preferred_name": MARKUP})}
        )
    )
    seen: list[QLabel] = []  # every label of every dialog and message box, as it was shown

    def shown_as_a_person_would_see(self: QDialog) -> int:
        seen.extend(self.findChildren(QLabel))
        return 0  # closed: Cancel / Close

    monkeypatch.setattr(QDialog, "exec", shown_as_a_person_would_see)
    monkeypatch.setattr(QMessageBox, "exec", shown_as_a_person_would_see)

    def static_box(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        label = QLabel(text)  # what the static functions show: AutoText, Qt guesses
        label.setObjectName("qt_msgbox_label")
        seen.append(label)
        return QMessageBox.StandardButton.Cancel

    for kind in STATIC_BOXES:
        monkeypatch.setattr(QMessageBox, kind, staticmethod(static_box))

    window = MainWindow(Store(sample_dir))
    qtbot.addWidget(window)
    window.show()
    assert "URGENT" in window.pupil_list.notice.text()

    # Another laptop damages a pupil after the list was read: opening it explains why not.
    path = store.pupil_path(damaged.id)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pupil"]["date_of_birth"] = MARKUP
    path.write_text(json.dumps(data), encoding="utf-8")
    choose(window, damaged.id)
    box_texts = [label.text() for label in seen if label.objectName() == "qt_msgbox_label"]
    assert any("URGENT" in text for text in box_texts), box_texts

    choose(window, named.id)
    assert window.session.content is not None and window.session.content.id == named.id
    menu_action(window, "Check data").trigger()
    menu_action(window, "Delete pupil").trigger()
    assert "URGENT" in window.pupil_list.undo_delete_label.text()

    labels = [*window.findChildren(QLabel), *seen]
    assert any("URGENT" in label.text() for label in seen)
    rendered = [label.text()[:60] for label in labels if renders_markup(label)]
    assert rendered == []
    for label in labels:
        if "URGENT" in label.text() and label.textFormat() != Qt.TextFormat.PlainText:
            assert "&lt;h1" in label.text()  # deliberately rich, with the user's part escaped


def test_a_warning_box_shows_its_text_plain_and_keeps_the_static_functions_answers(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[QMessageBox] = []

    def press_default(self: QMessageBox) -> int:
        boxes.append(self)
        button = self.defaultButton()
        return int(self.standardButton(button).value) if button else 0

    monkeypatch.setattr(QMessageBox, "exec", press_default)
    parent = QWidget()
    qtbot.addWidget(parent)
    messages.warn(parent, "Cannot open this pupil", MARKUP)
    answer = messages.ask(
        parent,
        "Discard?",
        MARKUP,
        messages.Button.Discard | messages.Button.Cancel,
        messages.Button.Cancel,
    )
    assert answer == messages.Button.Cancel
    warning, question = boxes
    assert warning.text() == MARKUP and warning.textFormat() == Qt.TextFormat.PlainText
    assert warning.icon() == QMessageBox.Icon.Warning and warning.parent() is parent
    assert warning.windowTitle() == "Cannot open this pupil"
    assert question.textFormat() == Qt.TextFormat.PlainText
    assert question.icon() == QMessageBox.Icon.Question


def test_no_gui_module_calls_the_static_message_boxes() -> None:
    """They guess rich text from the string; gui/messages.py is the only way to show a box."""
    calls = []
    for module in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in STATIC_BOXES
                and isinstance(node.value, ast.Name)
                and node.value.id == "QMessageBox"
            ):
                calls.append(f"{module.name}:{node.lineno} QMessageBox.{node.attr}")
    assert calls == []


def test_a_tooltip_with_user_data_shows_it_literally() -> None:
    tip = messages.plain_tooltip(f"Trained staff only\n{MARKUP}")
    document = QTextDocument()
    document.setHtml(tip)  # how a tooltip marked as rich text is drawn
    assert document.toPlainText() == f"Trained staff only\n{MARKUP}"
