"""Scrolling the editor with the mouse wheel never changes a field the pointer passes over."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow

FIELDS = ["pronouns", "dateOfBirth", "yearGroup", "status", "primaryNeed", "nextReview"]


def wheel(widget: QWidget, notches: int = -1) -> None:
    """A real wheel event over the middle of ``widget`` (negative: scroll down)."""
    local = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        local,
        QPointF(widget.mapToGlobal(local.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value(widget: QWidget) -> str:
    text = getattr(widget, "currentText", None) or widget.text
    return str(text())


@pytest.mark.parametrize("name", FIELDS)
def test_the_wheel_over_an_unfocused_field_scrolls_the_form_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, sample_store: Store, name: str
) -> None:
    content = window.session.content
    assert content is not None
    saved = sample_store.pupil_path(content.id).read_bytes()
    field = getattr(window.editor.ui, name)
    window.editor.ui.scroll.ensureWidgetVisible(field)
    bar = window.editor.ui.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    window.pupil_list.table.setFocus()
    shown, position = value(field), bar.value()
    for _ in range(3):
        wheel(field, -1)
    assert value(field) == shown
    assert bar.value() > position  # the form scrolled instead
    window.session.save()
    assert window.session.content == content
    assert sample_store.pupil_path(content.id).read_bytes() == saved


def test_an_empty_date_of_birth_stays_empty(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    content = window.session.content
    assert content is not None
    window.editor.ui.dateOfBirth.set_iso("")
    window.pupil_list.table.setFocus()
    wheel(window.editor.ui.dateOfBirth, 1)
    assert window.editor.ui.dateOfBirth.iso() == ""
    window.session.save()
    on_disk = json.loads(sample_store.pupil_path(content.id).read_text(encoding="utf-8"))
    assert on_disk["pupil"]["date_of_birth"] != "1900-01-02"


def test_the_wheel_changes_the_field_that_has_the_focus(qtbot: QtBot, window: MainWindow) -> None:
    field = window.editor.ui.yearGroup
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    before = field.currentIndex()
    wheel(field, -1)
    assert field.currentIndex() == before + 1
    assert window.session.dirty or window.session.content is not None
