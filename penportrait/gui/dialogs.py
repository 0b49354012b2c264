"""The app's smaller dialogs, by concern: school settings, a save conflict, the checks (data
folder, plain English), the trash, the first run, the shortcuts, the strategy bank, reviews."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from penportrait.core import sections
from penportrait.core.bank import (
    COVER_NOTE,
    STRATEGY_TAGS,
    Bank,
    BankStrategy,
    new_school_strategy,
)
from penportrait.core.compare import differences
from penportrait.core.model import NEED_CODES, Pupil
from penportrait.core.plain_english import FieldHint
from penportrait.core.reviews import DUE_SOON_DAYS, due_pupils
from penportrait.core.school import EmergencyContact, SchoolSettings
from penportrait.core.store import Problem, SaveConflict
from penportrait.core.views import long_date
from penportrait.gui import messages
from penportrait.gui.forms.ui_school_settings import Ui_SchoolSettingsDialog
from penportrait.gui.session import Choice

# -- school settings ----------------------------------------------------------------------------


@dataclass
class SettingsResult:
    settings: SchoolSettings
    new_logo: Path | None  # a file the user chose, to copy into the data folder
    remove_logo: bool


_ALWAYS_PRINTS: Final = "This always prints for cover and supply staff."
_ALWAYS_ON_COVER_TIP: Final = {
    sections.Kind.MEDICAL: "Medical alerts always print for cover and supply staff."
}


class SchoolSettingsDialog(QDialog):
    """Name, logo, review period, page text size, and what cover staff see."""

    def __init__(self, settings: SchoolSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SchoolSettingsDialog()
        self.ui.setupUi(self)
        self.settings = settings
        self.new_logo: Path | None = None
        self.remove_logo = False
        ui = self.ui
        ui.schoolName.setText(settings.name)
        ui.reviewWeeks.setValue(settings.review_period_weeks)
        ui.baseFont.setValue(settings.base_font_pt)
        ui.logoName.setText(settings.logo or "No logo")
        self.cover_checks: dict[str, QCheckBox] = {}  # by section key (core/sections.py)
        for index, entry in enumerate(sections.every_section()):
            check = QCheckBox(entry.editor_label)
            check.setChecked(settings.cover_shows(entry.key))
            if entry.always_on_cover:  # never the school's choice: see core/sections.py
                check.setEnabled(False)
                check.setToolTip(_ALWAYS_ON_COVER_TIP.get(entry.kind, _ALWAYS_PRINTS))
            ui.coverGrid.addWidget(check, index // 2, index % 2)
            self.cover_checks[entry.key] = check
        ui.chooseLogo.clicked.connect(self._choose_logo)
        ui.removeLogo.clicked.connect(self._remove_logo)
        self._add_emergency_contacts(settings)
        for label in self.findChildren(QLabel):
            if label.buddy() is not None:
                label.buddy().setAccessibleName(label.text().replace("&", ""))

    def _add_emergency_contacts(self, settings: SchoolSettings) -> None:
        """Whom a cover teacher calls in an emergency, one a line: "Who: where"."""
        box = QGroupBox("In an emergency, call (printed on the overview and every cover page)")
        layout = QVBoxLayout(box)
        self.emergency = QPlainTextEdit()
        self.emergency.setAccessibleName("Emergency contacts")
        self.emergency.setTabChangesFocus(True)
        self.emergency.setPlaceholderText(
            "One a line, who then where:\nSchool office: main entrance, extension 200\n"
            "On-call senior leader: radio, or extension 210"
        )
        self.emergency.setPlainText(
            "\n".join(
                f"{c.who}: {c.where}" if c.where else c.who for c in settings.emergency_contacts
            )
        )
        self.emergency.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        layout.addWidget(self.emergency)
        main = self.layout()
        assert isinstance(main, QBoxLayout)
        main.insertWidget(main.count() - 1, box)  # above the OK and Cancel buttons

    def emergency_contacts(self) -> list[EmergencyContact]:
        found = []
        for line in self.emergency.toPlainText().splitlines():
            who, _, where = line.partition(":")
            if who.strip():
                found.append(EmergencyContact(who=" ".join(who.split()), where=where.strip()))
        return found

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the school logo", "", "Images (*.png *.jpg *.jpeg)"
        )
        if path:
            self.new_logo, self.remove_logo = Path(path), False
            self.ui.logoName.setText(Path(path).name)

    def _remove_logo(self) -> None:
        self.new_logo, self.remove_logo = None, True
        self.ui.logoName.setText("No logo")

    def result_settings(self) -> SettingsResult:
        ui = self.ui
        settings = self.settings.model_copy(
            update={
                "name": ui.schoolName.text().strip(),
                "review_period_weeks": ui.reviewWeeks.value(),
                "base_font_pt": round(ui.baseFont.value(), 1),
                "cover_sections": [key for key, c in self.cover_checks.items() if c.isChecked()],
                "logo": "" if self.remove_logo else self.settings.logo,
                "emergency_contacts": self.emergency_contacts(),
            }
        )
        return SettingsResult(settings, self.new_logo, self.remove_logo)


# -- conflicts -----------------------------------------------------------------------------------


# Where a version kept in history is seen and brought back (README, "The command line").
_HISTORY_COMMAND = "The command 'penportrait history' lists it and can bring it back."


class ConflictDialog(QDialog):
    """Another computer saved this pupil while it was being edited: show both, let them choose."""

    def __init__(self, conflict: SaveConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Changed on another computer")
        self.choice = Choice.CANCEL
        mine, theirs = conflict.mine, conflict.theirs
        who = f" by {theirs.updated_by}" if theirs and theirs.updated_by else ""
        # Plain text: the name and "saved by" are user data, never markup to render.
        intro = QLabel(
            f"{mine.display_name} was deleted on another computer while you were editing. "
            "Nothing is lost: whichever you choose, your version is kept in the pupil's history "
            f"for good. {_HISTORY_COMMAND}"
            if theirs is None
            else f"{mine.display_name} was saved on another computer{who} while you "
            "were editing. Nothing is lost: choose which version to keep. The other one is "
            f"kept in the pupil's history for good. {_HISTORY_COMMAND}"
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        comparison = QTextBrowser()
        comparison.setHtml(differences_html(mine, theirs))
        comparison.setAccessibleName("What differs")
        comparison.setMinimumSize(560, 260)
        buttons = QDialogButtonBox()
        self.mine_button = buttons.addButton("Keep &mine", QDialogButtonBox.ButtonRole.AcceptRole)
        self.theirs_button = buttons.addButton(
            "Keep &theirs" if theirs else "Let it stay &deleted",
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.mine_button.clicked.connect(lambda: self._choose(Choice.MINE))
        self.theirs_button.clicked.connect(lambda: self._choose(Choice.THEIRS))
        cancel.clicked.connect(lambda: self._choose(Choice.CANCEL))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("What differs:"))
        layout.addWidget(comparison)
        layout.addWidget(buttons)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.done(0 if choice is Choice.CANCEL else 1)

    @classmethod
    def ask(cls, conflict: SaveConflict, parent: QWidget | None = None) -> Choice:
        dialog = cls(conflict, parent)
        dialog.exec()
        return dialog.choice


def differences_html(mine: Pupil, theirs: Pupil | None) -> str:
    """The two versions side by side in plain words: each field that differs, theirs and yours."""
    found = differences(mine, theirs)
    if not found:
        return "<p>The two versions have the same content.</p>"
    parts = []
    for difference in found:
        parts.append(f"<h4>{html.escape(difference.label)}</h4>")
        if difference.only_theirs or difference.only_mine:
            for item in difference.only_theirs:
                parts.append(f"<p>Only in theirs: {html.escape(item)}</p>")
            for item in difference.only_mine:
                parts.append(f"<p>Only in yours: {html.escape(item)}</p>")
            if not (difference.only_theirs or difference.only_mine):
                parts.append("<p>The same items in a different order.</p>")
        else:
            parts.append(f"<p><b>Theirs:</b> {html.escape(difference.theirs)}</p>")
            parts.append(f"<p><b>Yours:</b> {html.escape(difference.mine)}</p>")
    return "".join(parts)


# -- checks: the data folder's files, a portrait's wording ------------------------------------


class ReportDialog(QDialog):
    """A summary and a read-only table of findings, with Close: the shape of every check."""

    def __init__(
        self,
        title: str,
        summary: str,
        headers: list[str],
        rows: Sequence[tuple[str, ...]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(summary)
        label.setTextFormat(Qt.TextFormat.PlainText)  # counts and file names
        label.setWordWrap(True)
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            len(headers) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.verticalHeader().hide()
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(rows))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(740, 360 if rows else 120)


class CheckDialog(ReportDialog):
    """Tools > Check data: every file that does not load, and why."""

    def __init__(
        self, problems: list[Problem], checked: int, parent: QWidget | None = None
    ) -> None:
        bad = len({p.file for p in problems})
        summary = (
            f"All {checked} files are good."
            if not problems
            else f"{bad} of {checked} files could not be read. They were left exactly as they "
            "are: fix them (a conflict copy: as it says), then check again."
        )
        rows = [(p.file, p.field, p.reason) for p in problems]
        super().__init__("Check data", summary, ["File", "Field", "Problem"], rows, parent)


class HintsDialog(ReportDialog):
    """Tools > Check this portrait: every plain-English hint, by section."""

    def __init__(self, name: str, hints: list[FieldHint], parent: QWidget | None = None) -> None:
        count = len(hints)
        summary = (
            "No plain-English hints: this portrait reads clearly."
            if not hints
            else f"{count} thing{'s' if count != 1 else ''} to look at again. Nothing has been "
            "changed: you decide."
        )
        rows = [(h.label, h.hint.found, h.hint.advice) for h in hints]
        super().__init__(
            f"Check this portrait: {name}",
            summary,
            ["Section", "Found", "Suggestion"],
            rows,
            parent,
        )


# -- trash ----------------------------------------------------------------------------------------


class TrashDialog(QDialog):
    """File > Restore from trash: the deleted pupils, to bring one back."""

    def __init__(self, pupils: list[Pupil], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from trash")
        self.list = QListWidget()
        self.list.setAccessibleName("Deleted pupils")
        for pupil in sorted(pupils, key=lambda p: (p.pupil.last_name, p.pupil.first_name)):
            groups = ", ".join(pupil.pupil.groups)
            item = QListWidgetItem(
                f"{pupil.display_name}  ({groups})" if groups else pupil.display_name
            )
            item.setData(Qt.ItemDataRole.UserRole, pupil.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setEnabled(bool(pupils))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Deleted pupils:" if pupils else "The trash is empty."))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


# -- first run ------------------------------------------------------------------------------------


class Start(Enum):
    SAMPLE = "sample"
    EMPTY = "empty"


class WelcomeDialog(QDialog):
    """First run: open the sample school, or start an empty one. Says where data is kept."""

    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to PenPortrait")
        self.choice = Start.SAMPLE
        text = QLabel(
            "<h3>Welcome to PenPortrait</h3>"
            "<p>Write one-page pen portraits for pupils with SEND, see the printed page as "
            "you type, and print packs for cover staff.</p>"
            f"<p>Your pupils will be kept in <b>{html.escape(str(data_folder))}</b>, on this "
            "computer, and never sent anywhere.</p>"
            "<p>Would you like to look around a sample school first (a temporary copy: "
            "nothing is kept), or start your own?</p>"
        )
        text.setTextFormat(Qt.TextFormat.RichText)  # deliberate markup; the path is escaped
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sample = QPushButton("Open the &sample school")
        empty = QPushButton("Start an &empty one")
        sample.setDefault(True)
        sample.clicked.connect(lambda: self._choose(Start.SAMPLE))
        empty.clicked.connect(lambda: self._choose(Start.EMPTY))
        buttons = QDialogButtonBox()
        buttons.addButton(sample, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(empty, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _choose(self, choice: Start) -> None:
        self.choice = choice
        self.accept()


# -- help -----------------------------------------------------------------------------------------


def show_shortcuts(parent: QWidget | None) -> None:
    from penportrait.gui.actions import shortcut_list

    rows = "".join(
        f"<tr><td><b>{html.escape(keys)}</b></td><td>&nbsp;&nbsp;{html.escape(what)}</td></tr>"
        for keys, what in shortcut_list()
    )
    messages.inform_rich(parent, "Keyboard shortcuts", f"<table>{rows}</table>")


# -- the strategy bank ---------------------------------------------------------------------------


class StrategyBankDialog(QDialog):
    """Tools > Strategy bank: the school's own strategies, to add, edit and remove."""

    def __init__(self, bank: Bank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Strategy bank")
        self.bank = bank
        intro = QLabel(
            f"PenPortrait has {len(bank.built_in)} built-in strategies. Your school's own are "
            "below: everyone who uses this data folder sees them in the bank. Write each as an "
            "instruction a supply teacher can follow today, in at most about 20 words. Tick a "
            "tag when a stranger could not do it safely without preparation or training: the "
            "class overview for cover staff then never lists it as a MUST DO."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("The school's strategies")
        self.list.setWordWrap(True)
        for strategy in bank.school:
            self._add_row(strategy)
        self.text = QLineEdit(
            placeholderText="A new strategy, e.g. Let me use the quiet room at lunch."
        )
        self.text.setAccessibleName("New strategy")
        self.need = QComboBox()
        self.need.setAccessibleName("Need it suits")
        for code, (label, _area) in NEED_CODES.items():
            self.need.addItem(label, code.value)
        self.tags: dict[str, QCheckBox] = {}
        tag_row = QHBoxLayout()
        for tag, info in STRATEGY_TAGS.items():
            box = QCheckBox(info.label)
            box.setAccessibleName(info.label)
            box.setToolTip(f"{info.label}: {info.why}. {COVER_NOTE}")
            tag_row.addWidget(box)
            self.tags[tag] = box
        tag_row.addStretch()
        add = QPushButton("&Add")
        add.setAccessibleName("Add")
        add.clicked.connect(self._add)
        self.text.returnPressed.connect(self._add)
        remove = QPushButton("&Remove")
        remove.setAccessibleName("Remove")
        remove.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.text)
        layout.addWidget(self.need)
        layout.addLayout(tag_row)
        row = QDialogButtonBox()
        row.addButton(add, QDialogButtonBox.ButtonRole.ActionRole)
        row.addButton(remove, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(row)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def _add_row(self, strategy: BankStrategy) -> None:
        item = QListWidgetItem(strategy.text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(Qt.ItemDataRole.UserRole, strategy.model_dump(mode="json"))
        why = strategy.why_not_for_cover()
        item.setToolTip(why)
        if why:
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.list.addItem(item)

    def _add(self) -> None:
        text = self.text.text().strip()
        if text:
            tags = [tag for tag, box in self.tags.items() if box.isChecked()]
            self._add_row(new_school_strategy(text, [self.need.currentData()], tags=tags))
            self.text.clear()

    def strategies(self) -> list[BankStrategy]:
        """The school's strategies as the dialog now shows them (edited text kept)."""
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            data = dict(item.data(Qt.ItemDataRole.UserRole))
            data["text"] = " ".join(item.text().split())
            if data["text"]:
                found.append(BankStrategy.model_validate(data))
        return found


# -- reviews --------------------------------------------------------------------------------------


class ReviewsDialog(QDialog):
    """View > Reviews: portraits overdue or due within 14 days, soonest first. Enter opens."""

    def __init__(self, pupils: list[Pupil], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reviews due")
        due = due_pupils(pupils, today)
        self.ids = [p.id for p in due]
        summary = QLabel(
            f"{len(due)} portrait{'s' if len(due) != 1 else ''} overdue or due within "
            f"{DUE_SOON_DAYS} days. Press Enter to open one."
            if due
            else "No reviews are due in the next two weeks."
        )
        self.table = QTableWidget(len(due), 4)
        self.table.setAccessibleName("Reviews due")
        self.table.setHorizontalHeaderLabels(["Pupil", "Groups", "Review by", "When"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, pupil in enumerate(due):
            days = (dt.date.fromisoformat(pupil.review.next_review) - today).days
            when = (
                f"overdue by {-days} day{'s' if days != -1 else ''}"
                if days < 0
                else "today"
                if days == 0
                else f"in {days} day{'s' if days != 1 else ''}"
            )
            cells = (
                pupil.display_name,
                ", ".join(pupil.pupil.groups),
                long_date(pupil.review.next_review),
                when,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if due:
            self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_button = buttons.addButton("&Open", QDialogButtonBox.ButtonRole.AcceptRole)
        open_button.setEnabled(bool(due))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 380)

    def chosen_id(self) -> str | None:
        row = self.table.currentRow()
        return self.ids[row] if 0 <= row < len(self.ids) else None
