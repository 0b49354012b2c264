"""Sync conflict copies in the app: the banner that says what happened, and the clash dialog.

The banner appears when the folder is opened or changes and a sync client has left conflict
copies: how many were merged by themselves and how many need a person. The dialog shows each
clash of one copy side by side, in plain words, field by field, with "Keep this one" under each
side; the result is saved as a normal new revision (core.conflicts.apply).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from penportrait.core.compare import _item
from penportrait.core.conflicts import CopyReport
from penportrait.core.merge import Clash, Side
from penportrait.core.model import Pupil


def plain(value: Any) -> str:
    """A field's value as a person reads it: lists one item a line, never JSON."""
    if value is None:
        return "(not there)"
    if isinstance(value, list):
        return "\n".join(f"• {_item(x)}" for x in value) if value else "(empty)"
    return _item(value)


def _plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _side_heading(what: str, pupil: Pupil | None) -> str:
    """Which version a column is (the pupil's file or the copy), then who saved it when."""
    if pupil is None:
        return what
    who = pupil.updated_by or "someone"
    when = pupil.updated_at.replace("T", " ")[:16] if pupil.updated_at else "an unknown time"
    return f"{what}\nSaved by {who}, {when}"


class ConflictBanner(QWidget):
    """A bar above the pupil list: copies merged, copies that need a person."""

    resolve_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sync conflicts")
        self.label = _plain_label("")
        self.resolve_button = QPushButton("&Resolve…")
        self.resolve_button.setAccessibleName("Resolve sync conflicts")
        self.resolve_button.clicked.connect(self.resolve_requested)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.resolve_button)
        layout.addWidget(self.dismiss_button)
        self.setStyleSheet("ConflictBanner { background: #fff4ce; border: 1px solid #c9a600; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()

    def show_counts(self, merged: int, to_choose: int, not_here: int = 0) -> None:
        """``to_choose``: clashes the dialog settles; ``not_here``: copies it cannot (a
        school-wide file, a damaged copy), which Tools > Check data… names."""
        if not merged and not to_choose and not not_here:
            self.hide()
            return
        parts = []
        if merged:
            parts.append(
                f"{merged} cop{'y' if merged == 1 else 'ies'} from another laptop "
                f"{'was' if merged == 1 else 'were'} merged by themselves"
            )
        if to_choose:
            parts.append(
                f"{to_choose} need{'s' if to_choose == 1 else ''} you to choose between "
                "two versions"
            )
        if not_here:
            parts.append(
                f"{not_here} cannot be merged here and {'was' if not_here == 1 else 'were'} "
                "left as found: see Tools > Check data…"
            )
        self.label.setText("Sync: " + "; ".join(parts) + ".")
        self.resolve_button.setVisible(bool(to_choose))
        self.show()


class ClashDialog(QDialog):
    """One conflict copy's clashes, side by side, with "Keep this one" for each field."""

    def __init__(self, report: CopyReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        name = report.pupil_name or report.belongs_to
        self.setWindowTitle(f"Two versions of {name}")
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, Side], QRadioButton] = {}

        intro = _plain_label(
            f"{name} was edited on two computers while they were apart, and some fields were "
            "changed differently on each. Everything else has already been merged. For each "
            "field, keep one of the two versions."
            + (
                ""
                if report.has_base
                else " (The earlier version both started from has not reached this computer "
                "yet, so every difference is shown.)"
            )
        )
        grid = QGridLayout()
        self.kept_heading = _plain_label(
            _side_heading("Version 1: the pupil's file, as it is in the folder", report.kept)
        )
        self.copy_heading = _plain_label(
            _side_heading(
                f"Version 2: the conflict copy the sync client kept ({report.copy.source})",
                report.theirs,
            )
        )
        grid.addWidget(self.kept_heading, 0, 1)
        grid.addWidget(self.copy_heading, 0, 2)
        for row, clash in enumerate(report.clashes, start=1):
            self._add_clash(grid, row, clash)
        grid.setRowStretch(len(report.clashes) + 1, 1)  # the rows sit at the top, not spread out
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.button_box)
        self.resize(900, min(700, 200 + 140 * len(report.clashes)))
        self._update_ok()

    def _add_clash(self, grid: QGridLayout, row: int, clash: Clash) -> None:
        """One clashing field: its label, then each version with "Keep this one" under it."""
        grid.addWidget(_plain_label(clash.label), row, 0, Qt.AlignmentFlag.AlignTop)
        group = QButtonGroup(self)
        group.setExclusive(True)
        self.groups[clash.path] = group
        versions: tuple[tuple[int, Side, Any], ...] = (
            (1, "kept", clash.kept),
            (2, "copy", clash.copy),
        )
        for column, side, value in versions:
            text = QPlainTextEdit(plain(value))
            text.setReadOnly(True)
            text.setAccessibleName(f"{clash.label}: version {column}")
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 5 + 12)
            text.setTabChangesFocus(True)
            button = QRadioButton("Keep this one")
            button.setAccessibleName(f"Keep version {column} of {clash.label}")
            group.addButton(button)
            button.toggled.connect(self._update_ok)
            self.buttons[(clash.path, side)] = button
            cell = QVBoxLayout()
            cell.addWidget(text)
            cell.addWidget(button)
            grid.addLayout(cell, row, column)

    def choices(self) -> dict[str, Side]:
        chosen: dict[str, Side] = {}
        for (path, side), button in self.buttons.items():
            if button.isChecked():
                chosen[path] = side
        return chosen

    def choose(self, path: str, side: Side) -> None:
        self.buttons[(path, side)].setChecked(True)

    def _update_ok(self) -> None:
        ok = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        ok.setEnabled(len(self.choices()) == len(self.report.clashes))
