"""File > Import pupils: choose an MIS export, check the columns, see what would happen, import.

The dialog shows the columns as detected, with the first rows of the file, lets the user
change what a column holds, and shows the dry run's summary and row-by-row report before
anything is saved. The import itself runs in the background with progress, and ends with a
report the user can save. The window keeps the result, so Edit > Undo import can put every
pupil back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from penportrait.core import files
from penportrait.core.importers.csv import (
    ImportFileError,
    ImportPlan,
    ImportResult,
    Mapping,
    Table,
    Target,
    detect_mapping,
    plan_import,
    read_table,
    run_import,
    unreadable_pupils,
)
from penportrait.core.jobs import Progress, StopAsked
from penportrait.core.model import Pupil
from penportrait.core.store import Store
from penportrait.gui import messages, ui_state
from penportrait.gui.jobs import Job

PREVIEW_ROWS: Final = 3


def import_job(plan: ImportPlan, store: Store, by: str) -> Job:
    """Save the planned pupils off the GUI thread; Cancel stops between two pupils."""

    def work(progress: Progress, stop_asked: StopAsked) -> ImportResult:
        return run_import(plan, store, by=by, progress=progress, cancelled=stop_asked)

    return Job(work, what="The import stopped", expected=(OSError, ValueError))


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult
    job_cancelled = Signal()

    def __init__(
        self, store: Store, pupils: Sequence[Pupil], by: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import pupils from your MIS")
        self.store, self.pupils, self.by = store, list(pupils), by
        # Rows that might be a pupil whose file cannot be read are refused (never a 2nd copy).
        self.unreadable = unreadable_pupils(store, store.scan().problems)
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.job: Job | None = None

        intro = QLabel(
            "Export a class list from your MIS (SIMS, Arbor, Bromcom, ScholarPack …) as CSV. "
            "Importing adds pupils and updates names, dates of birth, years, groups and SEND; "
            "it never changes what is written in a portrait."
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton("&Choose file…")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel("No file chosen.")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # file names are user data
        self.file_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)

        self._add_views()
        self._add_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(QLabel("Columns as detected (change what a column holds if needed):"))
        layout.addWidget(self.columns, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 2)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(820, 640)

    def _add_views(self) -> None:
        """The columns as detected, the summary, the row-by-row report and the progress bar."""
        self.columns = QTableWidget(0, 2 + PREVIEW_ROWS)
        self.columns.setAccessibleName("Columns")
        self.columns.setHorizontalHeaderLabels(
            ["Column", "Holds", *(f"Row {n + 2}" for n in range(PREVIEW_ROWS))]
        )
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary")
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("Row by row")
        self.progress = QProgressBar()
        self.progress.hide()

    def _add_buttons(self) -> None:
        """Import, Save report, Close; and Stop import while an import runs."""
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setEnabled(False)
        self.save_report_button = QPushButton("&Save report…")
        self.save_report_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_report_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.save_report_button.clicked.connect(self.save_report)
        self.close_button.clicked.connect(self.reject)
        self.stop_button = QPushButton("S&top import")
        self.stop_button.setAccessibleName("Stop import")
        self.stop_button.clicked.connect(self.stop_import)
        self.stop_button.hide()
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.RejectRole)

    # -- the file and its columns ------------------------------------------------------------

    def choose_file(self) -> None:
        folder = str(ui_state.IMPORT_FOLDER.get())
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the MIS export", folder, "CSV exports (*.csv *.txt);;All files (*)"
        )
        if path:
            ui_state.IMPORT_FOLDER.set(Path(path).parent)
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            self.table = read_table(path)
        except ImportFileError as error:
            self.table, self.plan = None, None
            self.file_label.setText(str(error))
            self.columns.setRowCount(0)
            self.summary.setText("")
            self.report.clear()
            self.import_button.setEnabled(False)
            return
        table = self.table
        self.file_label.setText(
            f"{path.name}: {len(table.rows)} rows, {table.encoding}, separated by "
            f"{table.delimiter_name}."
        )
        mapping = detect_mapping(table.headers)
        self.columns.setRowCount(len(table.headers))
        self.choosers: list[QComboBox] = []
        for index, header in enumerate(table.headers):
            self.columns.setItem(index, 0, QTableWidgetItem(header))
            chooser = QComboBox()
            chooser.setAccessibleName(f"What {header} holds")
            chooser.addItem("(ignore)", None)
            for target in Target:
                chooser.addItem(target.value, target)
            chooser.setCurrentIndex(max(0, chooser.findData(mapping.get(index))))
            chooser.currentIndexChanged.connect(lambda _i: self.replan())
            self.columns.setCellWidget(index, 1, chooser)
            self.choosers.append(chooser)
            for row in range(PREVIEW_ROWS):
                cells = table.rows[row][1] if row < len(table.rows) else ()
                text = cells[index] if index < len(cells) else ""
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(index, 2 + row, item)
        self.replan()

    def mapping(self) -> Mapping:
        return {index: chooser.currentData() for index, chooser in enumerate(self.choosers)}

    def replan(self) -> None:
        """The dry run: what would happen with the columns as they are mapped now."""
        if self.table is None:
            return
        try:
            self.plan = plan_import(
                self.table, self.pupils, self.mapping(), unreadable=self.unreadable
            )
        except ImportFileError as error:
            self.plan = None
            self.summary.setText(str(error))
            self.report.clear()
            self.import_button.setEnabled(False)
            return
        self.summary.setText(f"If you import now: {self.plan.summary()}.")
        self.report.setPlainText(self.plan.report())
        self.import_button.setEnabled(bool(self.plan.to_save))
        self.save_report_button.setEnabled(True)

    # -- importing -----------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.plan is None or self.job is not None:
            return
        self.job = import_job(self.plan, self.store, self.by)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cancelled.connect(self._cancelled)
        self.progress.setRange(0, len(self.plan.to_save))
        self.progress.show()
        for widget in (self.import_button, self.choose_button, self.columns, self.close_button):
            widget.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.job.start()

    def stop_import(self) -> None:
        if self.job is not None:
            self.job.stop.set()
            self.stop_button.setEnabled(False)
            self.summary.setText("Stopping after this pupil…")

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.summary.setText(f"Saving {done} of {total} pupils…")

    def _ended(self) -> None:
        self.job = None
        self.progress.hide()
        self.stop_button.hide()
        self.choose_button.setEnabled(True)
        self.close_button.setEnabled(True)

    def _finished(self, result: ImportResult) -> None:
        self._ended()
        plan = self.plan
        assert plan is not None
        lines = [plan.report(), f"Saved {len(result.touched)} pupils.", *result.failed]
        self.report.setPlainText("\n".join(lines))
        self.summary.setText(
            f"Imported: {plan.summary()}. Edit > Undo import puts everything back."
            + (f" {len(result.failed)} could not be saved." if result.failed else "")
        )
        self.imported.emit(result)

    def _cancelled(self, partial: object) -> None:
        self._ended()
        result = partial if isinstance(partial, ImportResult) else ImportResult()
        saved = len(result.touched)
        self.report.setPlainText(
            "\n".join([f"Stopped: {saved} pupils were saved before you stopped.", *result.failed])
        )
        self.summary.setText(
            f"Import stopped after {saved} pupils."
            + (" Edit > Undo import puts them back." if saved else "")
        )
        if saved:
            self.imported.emit(result)
        self.job_cancelled.emit()

    def _failed(self, message: str) -> None:
        self._ended()
        self.import_button.setEnabled(self.plan is not None and bool(self.plan.to_save))
        self.summary.setText(message)
        messages.warn(self, "Import stopped", message)

    def save_report(self) -> None:
        default = str(Path.home() / "import report.txt")
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the import report", default, "Text (*.txt)"
        )
        if not path:
            return
        try:
            files.write_atomic(Path(path), (self.report.toPlainText() + "\n").encode("utf-8"))
        except OSError as error:
            messages.warn(self, "Report not saved", str(error))

    def reject(self) -> None:
        if self.job is not None:  # Escape while saving stops after the current pupil
            self.stop_import()
            return
        super().reject()
