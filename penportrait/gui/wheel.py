"""The mouse wheel scrolls the form; it changes a value only in the field that has the focus.

Qt's combo boxes, spin boxes and date fields take wheel events under the pointer without
focus, so scrolling down the editor rewrote pronouns, year groups and dates as they passed
under the pointer (and autosave kept it). ``scroll_not_change(root)`` gives every such field
under ``root`` click-or-Tab focus and passes an unfocused field's wheel to the scroll area
around it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


class WheelScrollsForm(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False  # the field being edited: the wheel steps its value, as Qt does
        area = _scroll_area_around(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        else:
            event.ignore()
        return True  # never the field's


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def scroll_not_change(root: QWidget) -> None:
    """Guard every combo box, spin box and date field under ``root`` (call after building it)."""
    guard = root.findChild(WheelScrollsForm) or WheelScrollsForm(root)
    for field in (*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)):
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        field.installEventFilter(guard)
