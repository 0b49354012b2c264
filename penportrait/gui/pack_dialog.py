"""File > Pack for cover staff: choose groups and options, build the pack in the background.

The pack is laid out (and written, for PDF and Word) by a QRunnable calling the same pure
function as the command line, which reports progress by signal and stops when Cancel is
pressed. The window stays responsive throughout. Printing paints the finished pages on the
printer from the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from penportrait.core import files
from penportrait.core.jobs import Progress, StopAsked
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.gui import messages, ui_state
from penportrait.gui.jobs import Job
from penportrait.render.output import RenderError
from penportrait.render.pack import (
    MAX_COPIES,
    Pack,
    PackRequest,
    build_pack,
    group_counts,
    write_pack,
)
from penportrait.render.pdf import print_pages

GROUP_ROLE: Final = Qt.ItemDataRole.UserRole + 30


def pack_job(
    store: Store,
    pupils: Sequence[Pupil],
    settings: SchoolSettings,
    request: PackRequest,
    out: Path | None,
) -> Job:
    """Build (and write, unless it is for the printer) one pack off the GUI thread."""
    pupils = list(pupils)

    def work(progress: Progress, stop_asked: StopAsked) -> Pack:
        pack = build_pack(store, pupils, settings, request, progress=progress, cancelled=stop_asked)
        if out is not None:
            write_pack(pack, out)
        # Layouts live and die with this thread's fonts (the pool may end the thread at any
        # time after): drop them here; printing lays the pages out again in its own thread.
        for page in pack.copy:
            page.fitted.release_layout()
        return pack

    return Job(work, what="The pack was not made", expected=(RenderError, OSError))


class PackDialog(QDialog):
    """Choose groups (with counts), audience, overview, copies, and PDF, Word or Print."""

    pack_ready = Signal(object)  # Pack, after it was written or printed
    pack_cancelled = Signal()
    progressed = Signal(int, int)  # pages laid out so far, of all

    def __init__(
        self,
        store: Store,
        pupils: Sequence[Pupil],
        settings: SchoolSettings,
        parent: QWidget | None = None,
        *,
        groups: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pack for cover staff")
        self.store, self.pupils, self.settings = store, list(pupils), settings
        self.job: Job | None = None
        self.out: Path | None = None
        self.warnings: list[str] = []  # overdue reviews and overflowing portraits, by name

        self._add_groups(pupils, groups)
        form = self._options_form()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # paths and messages are user data
        self.status.setWordWrap(True)

        self._add_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Groups to include:"))
        layout.addWidget(self.groups)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(460, 480)
        self._update_state()

    def _add_groups(self, pupils: Sequence[Pupil], groups: Sequence[str]) -> None:
        """Every group with its count, a tick box each; ``groups`` ticked."""
        self.groups = QListWidget()
        self.groups.setAccessibleName("Groups")
        for group, count in group_counts(pupils).items():
            item = QListWidgetItem(f"{group}  ({count} pupil{'s' if count != 1 else ''})")
            item.setData(GROUP_ROLE, group)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = group in groups
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.groups.addItem(item)
        self.groups.setCurrentRow(0)
        self.groups.itemChanged.connect(lambda _item: self._update_state())

    def _options_form(self) -> QFormLayout:
        """Audience, overview, numbered copies and PDF, Word or Print."""
        self.audience = QComboBox()
        self.audience.setAccessibleName("Audience")
        self.audience.addItem("Cover and supply staff", Audience.COVER.value)
        self.audience.addItem("Staff (the full portraits)", Audience.STAFF.value)
        self.overview = QCheckBox("Start each group with a class &overview")
        self.overview.setChecked(True)
        self.copies = QSpinBox()
        self.copies.setAccessibleName("Numbered copies")
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setToolTip('More than one: each page says "Copy n of N: return to the office"')

        self.as_pdf = QRadioButton("&PDF")
        self.as_word = QRadioButton("&Word")
        self.as_print = QRadioButton("P&rint")
        self.kind = QButtonGroup(self)
        for index, button in enumerate((self.as_pdf, self.as_word, self.as_print)):
            button.setAccessibleName(button.text().replace("&", ""))
            self.kind.addButton(button, index)
        self.as_pdf.setChecked(True)
        kinds = QHBoxLayout()
        for button in (self.as_pdf, self.as_word, self.as_print):
            kinds.addWidget(button)
        kinds.addStretch()

        form = QFormLayout()
        form.addRow("Audience", self.audience)
        form.addRow("", self.overview)
        form.addRow("Numbered copies", self.copies)
        form.addRow("Make it as", kinds)
        return form

    def _add_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.make_button = QPushButton("&Make pack")
        self.make_button.setDefault(True)
        self.buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.make_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

    # -- choices --------------------------------------------------------------------------

    def chosen_groups(self) -> list[str]:
        return [
            self.groups.item(row).data(GROUP_ROLE)
            for row in range(self.groups.count())
            if self.groups.item(row).checkState() == Qt.CheckState.Checked
        ]

    def request(self) -> PackRequest:
        return PackRequest(
            tuple(self.chosen_groups()),
            Audience(self.audience.currentData()),
            self.copies.value(),
            overview=self.overview.isChecked(),
        )

    def _update_state(self) -> None:
        running = self.job is not None
        self.make_button.setEnabled(bool(self.chosen_groups()) and not running)
        for widget in (
            self.groups,
            self.audience,
            self.overview,
            self.copies,
            self.as_pdf,
            self.as_word,
            self.as_print,
        ):
            widget.setEnabled(not running)

    # -- running ----------------------------------------------------------------------------

    def start(self) -> None:
        request = self.request()
        if not request.groups:
            return
        self.out = None
        if not self.as_print.isChecked():
            suffix = ".pdf" if self.as_pdf.isChecked() else ".docx"
            kind = "PDF" if suffix == ".pdf" else "Word"
            folder = ui_state.EXPORT_FOLDER.get()
            groups = files.safe_file_name(", ".join(request.groups), fallback="groups")
            name = f"Cover pack - {groups}{suffix}"
            path, _ = QFileDialog.getSaveFileName(
                self, f"Save the pack as {kind}", str(folder / name), f"{kind} (*{suffix})"
            )
            if not path:
                return
            self.out = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
            ui_state.EXPORT_FOLDER.set(self.out.parent)
        self.job = pack_job(self.store, self.pupils, self.settings, request, self.out)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(self._cancelled)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText("Laying out the pages…")
        self._update_state()
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.stop.set()
            self.status.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(f"Laid out {done} of {total} pages…")

    def _finished(self, pack: Pack) -> None:
        self.job = None
        self._update_state()
        self.progress.hide()
        self.warnings = pack.warnings
        if self.out is None:
            self._print(pack)
        else:
            self.status.setText(f"Saved {pack.page_count} pages to {self.out}")
            self.offer_to_open(self.out)
        self.pack_ready.emit(pack)
        self.accept()

    def _failed(self, message: str) -> None:
        self.job = None
        self._update_state()
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.status.setText(message)
        messages.warn(self, "Pack not made", message)

    def _cancelled(self, _partial: object) -> None:
        self.job = None
        self._update_state()
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.status.setText("Cancelled: nothing was saved.")
        self.pack_cancelled.emit()

    def _print(self, pack: Pack) -> None:
        if pack.warnings:
            text = "Check before you hand it out:\n" + "\n".join(pack.warnings)
            messages.warn(self, "Before you print", text)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            print_pages(pack.pages, printer)
        except RenderError as error:
            messages.warn(self, "Not printed", str(error))

    def offer_to_open(self, out: Path) -> None:
        """When done: open the file, or its folder."""
        box = QMessageBox(self)
        box.setWindowTitle("Pack saved")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"The pack was saved to\n{out}")
        if self.warnings:  # pupil names: plain text, never markup
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText("Check before you hand it out:\n" + "\n".join(self.warnings))
        open_file = box.addButton("Open the &file", QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton("Open the f&older", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))

    def reject(self) -> None:
        if self.job is not None:  # Escape while running cancels first
            self.cancel()
            return
        super().reject()
