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
    QVBoxLayout,
    QWidget,
)

from penportrait.core.model import (
    NEED_AREA_LABELS,
    NEED_CODES,
    SEND_STATUS_LABELS,
    Pupil,
    SendStatus,
)
from penportrait.gui.fields import DateField
from penportrait.gui.forms.ui_pupil_editor import Ui_PupilEditor
from penportrait.gui.list_editors import ContactListEditor, ListEditor, StrategyListEditor

PRONOUNS: Final = ["", "she/her", "he/him", "they/them"]
YEAR_GROUPS: Final = ["", "Nursery", "Reception", *(f"Year {n}" for n in range(1, 14))]
TEXT_FIELDS: Final = {  # widget name -> portrait key
    "aboutMe": "about_me",
    "likeAdmire": "like_admire",
    "importantToMe": "important_to_me",
    "pupilVoice": "pupil_voice",
    "familyVoice": "family_voice",
}
LIST_FIELDS: Final = {  # slot name -> (portrait key, kind)
    "strengths": ("strengths", ListEditor),
    "difficulties": ("difficulties", ListEditor),
    "strategies": ("strategies", StrategyListEditor),
    "avoid": ("avoid", ListEditor),
    "targets": ("targets", ListEditor),
    "medical": ("medical", ListEditor),
    "accessArrangements": ("access_arrangements", ListEditor),
    "contacts": ("contacts", ContactListEditor),
}


def need_label(code: str) -> str:
    label, area = NEED_CODES[code]  # type: ignore[index]
    return f"{label} ({NEED_AREA_LABELS[area].lower()})"


class PupilEditor(QWidget):
    """All of one pupil's fields. Emits ``edited(field)`` when the user changes one."""

    edited = Signal(str)
    photo_chosen = Signal(Path)
    photo_removed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PupilEditor()
        self.ui.setupUi(self)
        self._loading = False
        self._pupil: Pupil | None = None
        self.lists: dict[str, ListEditor] = {}
        self._fill_choices()
        self._add_list_editors()
        self._name_controls()
        self._connect()
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
            item = QListWidgetItem(need_label(code))
            item.setData(Qt.ItemDataRole.UserRole, code.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.secondaryNeeds.addItem(item)
        ui.secondaryNeeds.setMaximumHeight(ui.secondaryNeeds.sizeHintForRow(0) * 5 + 6)
        ui.groups.setPlaceholderText("Classes and sets, separated by commas: 6H, Maths Set 2")
        ui.photoConsent.setToolTip(
            "Tick when the family agreed to a photo on the page. Without it, the page shows "
            "the pupil's initials instead."
        )
        ui.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ui.secondaryNeeds.setTextElideMode(Qt.TextElideMode.ElideRight)
        ui.secondaryNeeds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for text_edit in (ui.summary, *[getattr(ui, name) for name in TEXT_FIELDS]):
            text_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)

    def _add_list_editors(self) -> None:
        for slot_name, (key, kind) in LIST_FIELDS.items():
            slot: QWidget = getattr(self.ui, f"{slot_name}Slot")
            box: QGroupBox = getattr(self.ui, f"{slot_name}Box")
            editor = kind(box.title())
            layout = slot.layout() or QVBoxLayout(slot)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(editor)
            self.lists[key] = editor

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
        for name in ("summary", *TEXT_FIELDS):
            getattr(ui, name).textChanged.connect(lambda n=name: self._changed(n))
        ui.secondaryNeeds.itemChanged.connect(lambda _i: self._changed("secondaryNeeds"))
        ui.photoConsent.toggled.connect(lambda _c: self._changed("photoConsent"))
        for key, editor in self.lists.items():
            editor.changed.connect(lambda k=key: self._changed(k))
        ui.photoWell.dropped.connect(self.photo_chosen)
        ui.removePhoto.clicked.connect(self.photo_removed)

    def _changed(self, field: str) -> None:
        if not self._loading:
            self.edited.emit(field)

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
            for name, key in TEXT_FIELDS.items():
                _set_plain(getattr(ui, name), getattr(portrait, key))
            for key, editor in self.lists.items():
                values = getattr(portrait, key)
                editor.set_values(
                    [v.model_dump() if hasattr(v, "model_dump") else v for v in values]
                )
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
        for name, key in TEXT_FIELDS.items():
            data["portrait"][key] = getattr(ui, name).toPlainText()
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

    def date_fields(self) -> list[DateField]:
        return [self.ui.dateOfBirth, self.ui.lastReviewed, self.ui.nextReview]


def _set_text(widget: QLineEdit, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def _set_plain(widget: QPlainTextEdit, text: str) -> None:
    if widget.toPlainText() != text:
        widget.setPlainText(text)


def _has_text(value: Any) -> bool:
    if isinstance(value, dict):
        return bool(str(value.get("text", value.get("name", ""))).strip())
    return bool(str(value).strip())


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]
