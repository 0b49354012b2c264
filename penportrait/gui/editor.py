"""The pupil editor: every field of the pupil file, in the order a portrait is written.

Binds explicitly (STYLE.md 5): ``load(pupil)`` fills the widgets, ``pupil()`` reads them back
onto the loaded pupil (so its id, revision and any unknown keys survive). Widgets never write
files: a chosen or dropped photo is announced with ``photo_chosen`` for the window to import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from penportrait.core import sections
from penportrait.core.bank import Bank, BankStrategy
from penportrait.core.model import (
    NEED_AREA_LABELS,
    NEED_CODES,
    SEND_STATUS_LABELS,
    Pupil,
    SendStatus,
    Strategy,
)
from penportrait.core.plain_english import FieldHint
from penportrait.core.sections import Kind, SectionSpec
from penportrait.gui.bank_panel import BankPanel
from penportrait.gui.forms.ui_pupil_editor import Ui_PupilEditor
from penportrait.gui.list_editors import (
    ContactListEditor,
    ListEditor,
    MedicalListEditor,
    StrategyListEditor,
)
from penportrait.gui.wheel import scroll_not_change

PRONOUNS: Final = ["", "she/her", "he/him", "they/them"]
YEAR_GROUPS: Final = ["", "Nursery", "Reception", *(f"Year {n}" for n in range(1, 14))]
# The widget that edits each kind of list section (text sections get a QPlainTextEdit).
LIST_EDITORS: Final[dict[Kind, type[ListEditor]]] = {
    Kind.LIST: ListEditor,
    Kind.STRATEGIES: StrategyListEditor,
    Kind.MEDICAL: MedicalListEditor,
    Kind.CONTACTS: ContactListEditor,
}


def object_name(key: str) -> str:
    """A section key as Qt object names are spelt: "about_me" -> "aboutMe"."""
    first, *rest = key.split("_")
    return first + "".join(word.capitalize() for word in rest)


def as_strategy(value: dict[str, Any]) -> Strategy:
    """A strategy as the list editor holds it, for the bank to look up."""
    bank_id = value.get("bank_id")
    return Strategy(
        text=str(value.get("text", "")),
        essential=bool(value.get("essential")),
        bank_id=bank_id if isinstance(bank_id, str) else None,
    )


def need_label(code: str) -> str:
    label, area = NEED_CODES[code]  # type: ignore[index]
    return f"{label} ({NEED_AREA_LABELS[area].lower()})"


class PupilEditor(QWidget):
    """All of one pupil's fields. Emits ``edited(field)`` when the user changes one."""

    edited = Signal(str)
    photo_chosen = Signal(Path)
    photo_removed = Signal()
    photo_requested = Signal()  # "Choose photo…": the window asks for the file
    add_to_bank = Signal(str)  # a pupil's strategy, for the school's bank
    mark_reviewed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PupilEditor()
        self.ui.setupUi(self)
        self._loading = False
        self._pupil: Pupil | None = None
        self.texts: dict[str, QPlainTextEdit] = {}  # the text sections, by key
        self.lists: dict[str, ListEditor] = {}  # the list sections, by key
        self.boxes: dict[str, QGroupBox] = {}  # every section's box, by key
        self.hint_labels: dict[str, QLabel] = {}
        self._add_sections()
        self._fill_choices()
        self._add_bank_panel()
        self._add_hint_labels()
        self._add_review_button()
        self._let_combos_shrink()
        self._name_controls()
        self._connect()
        scroll_not_change(self)  # the wheel scrolls the form, never edits a field under it
        self.setEnabled(False)

    # -- set-up -----------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        ui = self.ui
        ui.pronouns.addItems(PRONOUNS)
        ui.yearGroup.addItems(YEAR_GROUPS)
        for status in SendStatus:
            ui.status.addItem(SEND_STATUS_LABELS[status], status.value)
        ui.primaryNeed.addItem("Not known yet", "")
        for code in NEED_CODES:
            ui.primaryNeed.addItem(need_label(code), code.value)
            # The need alone, wrapped, so no label is cut off; its broad area in the tooltip.
            label = NEED_CODES[code][0]
            item = QListWidgetItem(label)
            item.setToolTip(need_label(code))
            item.setData(Qt.ItemDataRole.UserRole, code.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.secondaryNeeds.addItem(item)
        ui.secondaryNeeds.setMaximumHeight(ui.secondaryNeeds.sizeHintForRow(0) * 7 + 6)
        ui.groups.setPlaceholderText("Classes and sets, separated by commas: 6H, Maths Set 2")
        ui.photoConsent.setToolTip(
            "Tick when the family agreed to a photo on the page. Without it, the page shows "
            "the pupil's initials instead."
        )
        ui.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.secondaryNeeds.setTextElideMode(Qt.TextElideMode.ElideNone)
        ui.secondaryNeeds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for text_edit in self.texts.values():
            text_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)

    def _add_sections(self) -> None:
        """A box for each section of the portrait (core/sections.py), in the order they are
        written, between the SEND box and the review box."""
        layout = self.ui.sectionsLayout
        at = layout.indexOf(self.ui.reviewBox)
        for entry in sections.portrait_sections():
            box = QGroupBox(entry.editor_label, self.ui.sections)
            box.setObjectName(f"{object_name(entry.key)}Box")
            box_layout = QVBoxLayout(box)
            box_layout.setObjectName(f"{object_name(entry.key)}Layout")
            if entry.kind is Kind.TEXT:
                text = self._text_box(entry)
                self.texts[entry.key] = text
                box_layout.addWidget(text)
            else:
                box_layout.addWidget(self._list_slot(entry))
            layout.insertWidget(at, box)
            at += 1
            self.boxes[entry.key] = box
        # Tab goes in the order widgets joined the form, and the review box (from the .ui) joined
        # before these: let it join again, so Tab runs through the sections, then the review.
        review = self.ui.reviewBox
        review.setParent(None)
        review.setParent(self.ui.sections)
        layout.insertWidget(at, review)
        review.show()

    def _text_box(self, entry: SectionSpec) -> QPlainTextEdit:
        text = QPlainTextEdit()
        text.setObjectName(object_name(entry.key))
        text.setTabChangesFocus(True)
        text.setPlaceholderText(entry.placeholder)
        return text

    def _list_slot(self, entry: SectionSpec) -> QWidget:
        slot = QWidget()
        slot.setObjectName(f"{object_name(entry.key)}Slot")
        layout = QVBoxLayout(slot)
        layout.setContentsMargins(0, 0, 0, 0)
        editor = LIST_EDITORS[entry.kind](entry.editor_label)
        layout.addWidget(editor)
        self.lists[entry.key] = editor
        return slot

    def _add_bank_panel(self) -> None:
        """The strategy bank sits beside "How to help me"."""
        strategies = self.lists["strategies"]
        slot = strategies.parentWidget()
        assert slot is not None
        layout = slot.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(strategies)
        column = QVBoxLayout()
        column.addWidget(strategies, 1)
        assert isinstance(strategies, StrategyListEditor)
        column.addWidget(strategies.cover_note)
        self.add_to_bank_button = QPushButton("Add to the school's &bank")
        self.add_to_bank_button.setAccessibleName("Add to the school's bank")
        self.add_to_bank_button.setToolTip("Save the selected strategy in the school's bank")
        self.add_to_bank_button.clicked.connect(self._add_current_to_bank)
        column.addWidget(self.add_to_bank_button)
        # The pupil's own strategies get the full width (the field people write most); the bank
        # sits underneath, not beside it squeezing it into a narrow column.
        row = QVBoxLayout()
        row.addLayout(column, 3)
        self.bank_panel = BankPanel()
        row.addWidget(self.bank_panel, 2)
        layout.addLayout(row)  # addLayout, not addItem: it gives the widgets their parent
        strategies.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.bank_panel.chosen.connect(self._insert_from_bank)

    def _add_hint_labels(self) -> None:
        """A line under each field for plain-English hints (hidden when there are none)."""
        targets: dict[str, tuple[QWidget, str]] = {
            key: (text, self.boxes[key].title()) for key, text in self.texts.items()
        }
        targets.update(
            {key: (editor, editor.list.accessibleName()) for key, editor in self.lists.items()}
        )
        for key, (widget, title) in targets.items():
            label = self._hint_label(f"Plain-English hints for {title}")
            parent = widget.parentWidget()
            parent_layout = parent.layout() if parent is not None else None
            assert parent_layout is not None
            parent_layout.addWidget(label)
            self.hint_labels[key] = label
        summary = self._hint_label("Plain-English hints for Needs in a sentence")
        self.ui.sendForm.addRow("", summary)
        self.hint_labels["summary"] = summary

    def _hint_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setItalic(True)
        label.setFont(font)
        label.hide()
        return label

    def _let_combos_shrink(self) -> None:
        """Need labels are long: let every combo be narrower than its longest item."""
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)

    def field_label(self, field: str) -> str:
        """The visible label of a field, as undo and messages name it."""
        if field in self.lists:
            return self.lists[field].list.accessibleName()
        if field in self.texts:
            return self.texts[field].accessibleName()
        widget = getattr(self.ui, field, None)
        name = widget.accessibleName() if isinstance(widget, QWidget) else ""
        return name or field.replace("_", " ")

    def _add_review_button(self) -> None:
        self.mark_reviewed_button = QPushButton("Mark reviewed &today")
        self.mark_reviewed_button.setAccessibleName("Mark reviewed today")
        self.mark_reviewed_button.clicked.connect(self.mark_reviewed)
        self.ui.reviewForm.addRow("", self.mark_reviewed_button)

    def _insert_from_bank(self, strategy: BankStrategy) -> None:
        strategies = self.lists["strategies"]
        strategies.add_item({"text": strategy.text, "essential": False, "bank_id": strategy.id})
        strategies.list.setFocus()

    def _add_current_to_bank(self) -> None:
        item = self.lists["strategies"].list.currentItem()
        if item is not None and item.text().strip():
            self.add_to_bank.emit(item.text().strip())

    def set_bank(self, bank: Bank) -> None:
        self.bank_panel.set_bank(bank)
        strategies = self.lists["strategies"]
        assert isinstance(strategies, StrategyListEditor)
        strategies.set_cover_check(lambda value: bank.not_for_cover(as_strategy(value)))

    def pupil_needs(self) -> list[str]:
        ui = self.ui
        primary = ui.primaryNeed.currentData() or ""
        others = [
            ui.secondaryNeeds.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(ui.secondaryNeeds.count())
            if ui.secondaryNeeds.item(row).checkState() == Qt.CheckState.Checked
        ]
        return [n for n in (primary, *others) if n]

    def show_hints(self, hints: list[FieldHint]) -> None:
        """Plain-English hints beside their fields; the text itself is never changed."""
        by_field: dict[str, list[str]] = {}
        for found in hints:
            lines = by_field.setdefault(found.field, [])
            if str(found.hint) not in lines:  # the same word twice: one hint
                lines.append(str(found.hint))
        for key, label in self.hint_labels.items():
            lines = by_field.get(key, [])
            shown = lines[:3] + ([f"… and {len(lines) - 3} more"] if len(lines) > 3 else [])
            label.setText("\n".join(f"Plain English: {line}" for line in shown))
            label.setVisible(bool(lines))

    def _name_controls(self) -> None:
        """Every control's accessible name is its visible label (screen readers, tests)."""
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(label.text().replace("&", ""))
        for box in self.findChildren(QGroupBox):
            title = box.title().replace("&", "")
            for widget in box.findChildren(QPlainTextEdit):
                if not widget.accessibleName():
                    widget.setAccessibleName(title)
        for button in self.findChildren(QAbstractButton):
            if not button.accessibleName():
                button.setAccessibleName(button.text().replace("&", "").rstrip("…"))

    def _connect(self) -> None:
        ui = self.ui
        for name in (
            "firstName",
            "lastName",
            "preferredName",
            "groups",
            "upn",
            "writtenWith",
            "author",
        ):
            widget: QLineEdit = getattr(ui, name)
            widget.textEdited.connect(lambda _t, n=name: self._changed(n))
        for name in ("pronouns", "yearGroup"):
            combo: QComboBox = getattr(ui, name)
            combo.currentTextChanged.connect(lambda _t, n=name: self._changed(n))
        for name in ("status", "primaryNeed"):
            getattr(ui, name).currentIndexChanged.connect(lambda _i, n=name: self._changed(n))
        for name in ("dateOfBirth", "lastReviewed", "nextReview"):
            getattr(ui, name).dateChanged.connect(lambda _d, n=name: self._changed(n))
        ui.summary.textChanged.connect(lambda: self._changed("summary"))
        for key, text in self.texts.items():
            text.textChanged.connect(lambda k=key: self._changed(k))
        ui.secondaryNeeds.itemChanged.connect(lambda _i: self._changed("secondaryNeeds"))
        ui.photoConsent.toggled.connect(lambda _c: self._changed("photoConsent"))
        for key, editor in self.lists.items():
            editor.changed.connect(lambda k=key: self._changed(k))
        ui.photoWell.dropped.connect(self.photo_chosen)
        ui.removePhoto.clicked.connect(self.photo_removed)
        ui.choosePhoto.clicked.connect(self.photo_requested)

    def _changed(self, field: str) -> None:
        if field in ("primaryNeed", "secondaryNeeds"):
            self.bank_panel.set_pupil_needs(self.pupil_needs())
        if not self._loading:
            self.edited.emit(field)

    def show_name_fields(self) -> None:
        """Scroll to the top and put the cursor in First name (a new pupil starts there)."""
        self.ui.scroll.verticalScrollBar().setValue(0)
        self.ui.firstName.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- binding ----------------------------------------------------------------------------

    def load(self, pupil: Pupil | None, photo: Path | None = None) -> None:
        """Show ``pupil`` (None: nothing to edit). Emits nothing."""
        self._loading = True
        try:
            self._pupil = pupil
            self.setEnabled(pupil is not None)
            if pupil is None:
                return
            ui, details, send, portrait, review = (
                self.ui,
                pupil.pupil,
                pupil.send,
                pupil.portrait,
                pupil.review,
            )
            _set_text(ui.firstName, details.first_name)
            _set_text(ui.lastName, details.last_name)
            _set_text(ui.preferredName, details.preferred_name)
            ui.pronouns.setCurrentText(details.pronouns)
            ui.dateOfBirth.set_iso(details.date_of_birth)
            ui.yearGroup.setCurrentText(details.year_group)
            _set_text(ui.groups, ", ".join(details.groups))
            _set_text(ui.upn, details.upn)
            ui.photoConsent.setChecked(details.photo_consent)
            ui.photoWell.show_photo(photo)
            ui.removePhoto.setEnabled(bool(details.photo))
            ui.status.setCurrentIndex(max(0, ui.status.findData(send.status)))
            ui.primaryNeed.setCurrentIndex(max(0, ui.primaryNeed.findData(send.primary_need)))
            for row in range(ui.secondaryNeeds.count()):
                item = ui.secondaryNeeds.item(row)
                wanted = item.data(Qt.ItemDataRole.UserRole) in send.secondary_needs
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            _set_plain(ui.summary, send.summary)
            for key, text in self.texts.items():
                _set_plain(text, getattr(portrait, key))
            for key, editor in self.lists.items():
                values = getattr(portrait, key)
                editor.set_values(
                    [v.model_dump() if hasattr(v, "model_dump") else v for v in values]
                )
            self.bank_panel.set_pupil_needs(self.pupil_needs())
            ui.lastReviewed.set_iso(review.last_reviewed)
            ui.nextReview.set_iso(review.next_review)
            _set_text(ui.writtenWith, ", ".join(review.written_with))
            _set_text(ui.author, review.author)
        finally:
            self._loading = False

    def pupil(self) -> Pupil | None:
        """The loaded pupil with the widgets' values."""
        if self._pupil is None:
            return None
        ui = self.ui
        data: dict[str, Any] = self._pupil.model_dump(mode="json")
        data["pupil"].update(
            first_name=ui.firstName.text().strip(),
            last_name=ui.lastName.text().strip(),
            preferred_name=ui.preferredName.text().strip(),
            pronouns=ui.pronouns.currentText().strip(),
            date_of_birth=ui.dateOfBirth.iso(),
            year_group=ui.yearGroup.currentText().strip(),
            groups=_split(ui.groups.text()),
            upn=ui.upn.text().strip().upper(),
            photo_consent=ui.photoConsent.isChecked(),
        )
        data["send"].update(
            status=ui.status.currentData(),
            primary_need=ui.primaryNeed.currentData(),
            secondary_needs=[
                ui.secondaryNeeds.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(ui.secondaryNeeds.count())
                if ui.secondaryNeeds.item(row).checkState() == Qt.CheckState.Checked
            ],
            summary=ui.summary.toPlainText(),
        )
        for key, text in self.texts.items():
            data["portrait"][key] = text.toPlainText()
        for key, editor in self.lists.items():
            # An item added but not typed in yet stays on screen, not in the file.
            data["portrait"][key] = [v for v in editor.values() if _has_text(v)]
        data["review"].update(
            last_reviewed=ui.lastReviewed.iso(),
            next_review=ui.nextReview.iso(),
            written_with=_split(ui.writtenWith.text()),
            author=ui.author.text().strip(),
        )
        return Pupil.model_validate(data)


def _set_text(widget: QLineEdit, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def _set_plain(widget: QPlainTextEdit, text: str) -> None:
    if widget.toPlainText() != text:
        widget.setPlainText(text)


def _has_text(value: Any) -> bool:
    if isinstance(value, dict):
        if "condition" in value:  # a medical note: any of its parts
            return any(str(v).strip() for k, v in value.items() if k != "kind")
        return bool(str(value.get("text", value.get("name", ""))).strip())
    return bool(str(value).strip())


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]
