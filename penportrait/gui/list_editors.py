"""List sections of the editor (strengths, strategies, key adults …) as list editors.

Each list edits in place (F2 or double-click), adds with Insert or the + button, removes with
Delete, and reorders with Ctrl+Up / Ctrl+Down or by dragging. Strategies carry a "must do"
tick (Space toggles it). Key adults are written "Name, role".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from penportrait.gui import messages

ORIGINAL_ROLE: Final = Qt.ItemDataRole.UserRole + 10  # the stored value the item was made from
SHOWN_ROLE: Final = Qt.ItemDataRole.UserRole + 11  # the text it was shown as


class ListEditor(QWidget):
    """A list of short texts, edited in place."""

    changed = Signal()

    def __init__(self, name: str, *, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.placeholder = placeholder
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(self.fontMetrics().height() * 4)
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(self._rows_moved)

        self.buttons = QVBoxLayout()
        self.add_button = self._button("+", f"Add to {name} (Insert)", self.add_item)
        self.remove_button = self._button("−", f"Remove from {name} (Delete)", self.remove_item)
        self.up_button = self._button("↑", "Move up (Ctrl+Up)", lambda: self.move_item(-1))
        self.down_button = self._button("↓", "Move down (Ctrl+Down)", lambda: self.move_item(1))
        self.buttons.addStretch()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.buttons)

        for keys, handler in (
            ("Insert", self.add_item),
            ("Delete", self.remove_item),
            ("Ctrl+Up", lambda: self.move_item(-1)),
            ("Ctrl+Down", lambda: self.move_item(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(handler)

    def _button(self, text: str, tip: str, handler: Any) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.clicked.connect(handler)
        self.buttons.addWidget(button)
        return button

    # -- values ---------------------------------------------------------------------------------

    def set_values(self, values: list[Any]) -> None:
        self._loading = True
        try:
            self.list.clear()
            for value in values:
                self.list.addItem(self._make_item(value))
        finally:
            self._loading = False

    def values(self) -> list[Any]:
        return [self._read_item(self.list.item(row)) for row in range(self.list.count())]

    def _make_item(self, value: Any) -> QListWidgetItem:
        text = self.format(value)
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        item.setData(ORIGINAL_ROLE, value)
        item.setData(SHOWN_ROLE, text)
        return item

    def _read_item(self, item: QListWidgetItem) -> Any:
        if item.text() == item.data(SHOWN_ROLE):
            return item.data(ORIGINAL_ROLE)
        return self.parse(item.text())

    def format(self, value: Any) -> str:
        return str(value)

    def parse(self, text: str) -> Any:
        return text.strip()

    # -- actions ----------------------------------------------------------------------------------

    def add_item(self, value: Any = None) -> QListWidgetItem:
        item = self._make_item(self.parse("") if value is None else value)
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        self.list.insertItem(row, item)
        self.list.setCurrentItem(item)
        if value is None:
            self.list.editItem(item)
        self.changed.emit()
        return item

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.changed.emit()

    def move_item(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self._loading = True
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._loading = False
        self.changed.emit()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.changed.emit()

    def _rows_moved(self, *_args: QModelIndex | int) -> None:
        if not self._loading:
            self.changed.emit()


CoverCheck = Callable[[dict[str, Any]], str]  # a strategy -> why it is no cover MUST DO, or ""
COVER_NOTE_ROLE: Final = Qt.ItemDataRole.UserRole + 12  # that reason, shown on the item


def _fit_for_cover(_value: dict[str, Any]) -> str:
    return ""  # until the editor has a bank


class StrategyListEditor(ListEditor):
    """How to help me: each strategy has a "must do" tick (Space, or the ! button).

    A strategy that needs preparation or trained staff is marked, and when it is ticked
    MUST DO, ``cover_note`` (placed by the editor) says why the class overview for cover staff
    leaves it out."""

    def __init__(self, name: str, *, parent: QWidget | None = None) -> None:
        super().__init__(name, parent=parent)
        self.must_do_button = self._button(
            "!", "Must do: print first and marked", self.toggle_must_do
        )
        self.buttons.removeWidget(self.must_do_button)
        self.buttons.insertWidget(2, self.must_do_button)
        self.list.setToolTip("Tick a strategy to mark it MUST DO: it prints first.")
        self.cover_check: CoverCheck = _fit_for_cover
        self.cover_note = QLabel()
        self.cover_note.setAccessibleName("Why a MUST DO is not on the cover overview")
        self.cover_note.setTextFormat(Qt.TextFormat.PlainText)  # strategy text is user data
        self.cover_note.setWordWrap(True)
        self.cover_note.hide()
        self.tag_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.changed.connect(self.show_cover_notes)

    def set_cover_check(self, check: CoverCheck) -> None:
        """How to tell that a strategy is not for cover staff (the bank's tags)."""
        self.cover_check = check
        self.show_cover_notes()

    def set_values(self, values: list[Any]) -> None:
        super().set_values(values)
        self.show_cover_notes()

    def show_cover_notes(self) -> None:
        """Mark tagged strategies; say why each ticked one is not a cover MUST DO."""
        lines = []
        self._loading = True  # decorating items is not an edit
        try:
            for row in range(self.list.count()):
                item = self.list.item(row)
                value = self._read_item(item)
                why = self.cover_check(value) if isinstance(value, dict) else ""
                if why != item.data(COVER_NOTE_ROLE):
                    item.setData(COVER_NOTE_ROLE, why)
                    item.setIcon(self.tag_icon if why else QIcon())
                    item.setToolTip(messages.plain_tooltip(why) if why else "")
                if why and item.checkState() == Qt.CheckState.Checked:
                    text = " ".join(item.text().split())
                    short = text if len(text) <= 60 else text[:57].rstrip() + "…"
                    lines.append(f"\u201c{short}\u201d \u2014 {why}")
        finally:
            self._loading = False
        self.cover_note.setText("\n".join(lines))
        self.cover_note.setVisible(bool(lines))

    def _make_item(self, value: Any) -> QListWidgetItem:
        item = super()._make_item(value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        essential = bool(value.get("essential")) if isinstance(value, dict) else False
        item.setCheckState(Qt.CheckState.Checked if essential else Qt.CheckState.Unchecked)
        return item

    def format(self, value: Any) -> str:
        return str(value.get("text", "")) if isinstance(value, dict) else str(value)

    def parse(self, text: str) -> Any:
        return {"text": text.strip(), "essential": False, "bank_id": None}

    def _read_item(self, item: QListWidgetItem) -> Any:
        value = dict(super()._read_item(item))
        original = item.data(ORIGINAL_ROLE) or {}
        if item.text() != item.data(SHOWN_ROLE):
            # Edited text keeps the strategy's other fields (its bank id).
            value = {**original, "text": item.text().strip()}
        value["essential"] = item.checkState() == Qt.CheckState.Checked
        return value

    def toggle_must_do(self) -> None:
        item: QListWidgetItem | None = self.list.currentItem()  # None with no current row
        if item is None:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)


class ContactListEditor(ListEditor):
    """Key adults, written "Name, role" (the role is everything after the first comma)."""

    def format(self, value: Any) -> str:
        if not isinstance(value, dict):
            return str(value)
        name, role = value.get("name", ""), value.get("role", "")
        text = f"{name}, {role}" if role else str(name)
        return f"{text} {COVER_MARK}" if value.get("cover") else text

    def parse(self, text: str) -> Any:
        text = text.strip()
        cover = text.casefold().endswith(COVER_MARK.casefold())
        if cover:
            text = text[: -len(COVER_MARK)].strip()
        name, _, role = text.partition(",")
        return {"name": name.strip(), "role": role.strip(), "cover": cover}


COVER_MARK: Final = "[call during cover]"
_MEDICAL_KEYS: Final = (("do", "action"), ("signs", "signs"), ("kit", "kit"), ("call", "call"))


class MedicalListEditor(ListEditor):
    """Medical notes, one a line: "ALERT: Asthma | do: two puffs of the blue inhaler | signs:
    wheezing | kit: class medical box | call: office". "CARE:" marks routine care."""

    def format(self, value: Any) -> str:
        if not isinstance(value, dict):
            return str(value)
        kind = "CARE" if value.get("kind") == "routine" else "ALERT"
        parts = [f"{kind}: {value.get('condition', '')}"]
        parts += [f"{label}: {value[key]}" for label, key in _MEDICAL_KEYS if value.get(key)]
        return " | ".join(parts)

    def parse(self, text: str) -> Any:
        head, *rest = [part.strip() for part in text.split("|")]
        kind = "alert"
        label, colon, condition = head.partition(":")
        if colon and label.strip().casefold() in ("alert", "care"):
            kind = "alert" if label.strip().casefold() == "alert" else "routine"
            head = condition.strip()
        note: dict[str, Any] = {"kind": kind, "condition": head}
        keys = dict(_MEDICAL_KEYS)
        for part in rest:
            label, colon, value = part.partition(":")
            key = keys.get(label.strip().casefold())
            if colon and key:
                note[key] = value.strip()
            elif part:  # words without a label stay with what to do, never dropped
                note["action"] = f"{note.get('action', '')} {part}".strip()
        return note
