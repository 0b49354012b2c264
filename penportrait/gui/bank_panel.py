"""The strategy bank beside "How to help me": search, filter, and insert by keyboard.

A strategy tagged "needs preparation" or "trained staff only" is marked in the list, and the
line under the list says, in plain words, why the class overview for cover staff will not
print it as a MUST DO.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from penportrait.core.bank import CONTEXT_LABELS, Bank, BankStrategy
from penportrait.core.model import NEED_AREA_LABELS, NEED_CODES, NeedArea
from penportrait.gui import messages

STRATEGY_ROLE = Qt.ItemDataRole.UserRole + 20


class BankPanel(QWidget):
    """Strategies to insert: those that suit the pupil's needs first. Enter inserts."""

    chosen = Signal(object)  # BankStrategy

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bank: Bank | None = None
        self.pupil_needs: list[str] = []
        self.search = QLineEdit(placeholderText="Search the strategy bank")
        self.search.setAccessibleName("Search the strategy bank")
        self.search.setClearButtonEnabled(True)
        self.area = QComboBox()
        self.area.setAccessibleName("Area of need")
        self.area.addItem("All areas", "")
        for area in NeedArea:
            self.area.addItem(NEED_AREA_LABELS[area], area.value)
        self.need = QComboBox()
        self.need.setAccessibleName("Need")
        self.need.addItem("All needs", "")
        for code, (label, _area) in NEED_CODES.items():
            self.need.addItem(label, code.value)
        self.results = QListWidget()
        self.results.setAccessibleName("Strategies in the bank")
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setToolTip("Enter or double-click inserts the strategy")
        self.insert_button = QPushButton("&Insert strategy")
        self.insert_button.setAccessibleName("Insert strategy")
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.why = QLabel()
        self.why.setAccessibleName("Why this strategy is not a cover MUST DO")
        self.why.setTextFormat(Qt.TextFormat.PlainText)  # school strategies are user data
        self.why.setWordWrap(True)
        self.why.hide()
        self.tag_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

        filters = QHBoxLayout()
        filters.addWidget(self.area)
        filters.addWidget(self.need)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.insert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Strategy bank"))
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.why)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self.refresh)
        self.area.currentIndexChanged.connect(self.refresh)
        self.need.currentIndexChanged.connect(self.refresh)
        self.results.itemActivated.connect(self._insert_item)
        self.results.currentItemChanged.connect(self._show_why)
        self.insert_button.clicked.connect(self.insert_current)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)

    def set_bank(self, bank: Bank) -> None:
        self.bank = bank
        self.refresh()

    def set_pupil_needs(self, needs: Iterable[str]) -> None:
        needs = [n for n in needs if n]
        if needs != self.pupil_needs:
            self.pupil_needs = needs
            self.refresh()

    def refresh(self) -> None:
        self.results.clear()
        self._show_why()
        if self.bank is None:
            return
        found = self.bank.search(
            self.search.text(),
            area=self.area.currentData() or "",
            need=self.need.currentData() or "",
            pupil_needs=self.pupil_needs,
        )
        bold = QFont(self.results.font())
        bold.setBold(True)
        for strategy in found:
            item = QListWidgetItem(strategy.text)
            item.setData(STRATEGY_ROLE, strategy.id)
            where = ", ".join(CONTEXT_LABELS[c] for c in strategy.contexts)
            needs = ", ".join(NEED_CODES[code][0] for code in strategy.needs)  # type: ignore[index]
            suits = strategy.suits(self.pupil_needs)
            why = strategy.why_not_for_cover()
            item.setToolTip(  # the school's own strategies are user data
                messages.plain_tooltip(
                    f"{'Suits this pupil. ' if suits else ''}For: {needs}. When: {where}."
                    + (f"\n{why}" if why else "")
                )
            )
            if why:
                item.setIcon(self.tag_icon)
            if suits:
                item.setFont(bold)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        suited = sum(s.suits(self.pupil_needs) for s in found)
        self.count.setText(
            f"{len(found)} strategies" + (f", {suited} suit this pupil" if self.pupil_needs else "")
        )

    def _show_why(self) -> None:
        strategy = self.current()
        why = strategy.why_not_for_cover() if strategy is not None else ""
        self.why.setText(why)
        self.why.setVisible(bool(why))

    def current(self) -> BankStrategy | None:
        item = self.results.currentItem()
        if item is None or self.bank is None:
            return None
        return self.bank.get(item.data(STRATEGY_ROLE))

    def insert_current(self) -> None:
        strategy = self.current()
        if strategy is not None:
            self.chosen.emit(strategy)

    def _insert_item(self, _item: QListWidgetItem) -> None:
        self.insert_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the search box goes to the results; Enter in either inserts."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if watched is self.search and event.key() == Qt.Key.Key_Down:
                self.results.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.insert_current()
                return True
        return super().eventFilter(watched, event)
