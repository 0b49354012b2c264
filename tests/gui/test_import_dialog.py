"""File > Import pupils and Edit > Undo import, in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from penportrait.core.importers.csv import Target
from penportrait.core.store import Store
from penportrait.gui import import_dialog
from penportrait.gui.import_dialog import ImportDialog
from penportrait.gui.jobs import Job
from penportrait.gui.main_window import MainWindow
from tests.gui.conftest import MessageBoxes

EXPORT = (
    "UPN,Legal Forename,Legal Surname,DOB,NC Year,Reg Group,SEN Status,SEN Need Type,House\n"
    "K999200124001,Nadia,Rahman,03/04/2018,4,4 Oak,K,Dyslexia,Kestrel\n"
    "Z999200124002,Tom,Smith,31/02/2018,4,4 Oak,N,,Heron\n"
)


def test_choose_check_map_import_and_undo(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_boxes: MessageBoxes,
) -> None:
    export = tmp_path / "mis.csv"
    export.write_text(EXPORT, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(export), ""))
    )
    dialog = window.school_actions.import_pupils()
    dialog.choose_button.click()

    assert dialog.file_label.text() == "mis.csv: 2 rows, UTF-8, separated by commas."
    holds = [dialog.choosers[i].currentData() for i in range(dialog.columns.rowCount())]
    assert holds[:3] == [Target.UPN, Target.FIRST_NAME, Target.LAST_NAME] and holds[-1] is None
    assert dialog.columns.item(8, 2).text() == "Kestrel"  # the preview of the first row
    assert dialog.summary.text() == "If you import now: 1 new, 0 updated, 0 unchanged, 1 rejected."
    assert (
        "Row 3: rejected: Tom Smith: '31/02/2018' is not a real date" in dialog.report.toPlainText()
    )

    # Map the House column onto groups: the dry run follows at once.
    dialog.choosers[8].setCurrentIndex(dialog.choosers[8].findData(Target.GROUP))
    assert dialog.plan is not None and dialog.plan.rows[0].pupil is not None
    assert dialog.plan.rows[0].pupil.pupil.groups == ["4 Oak", "Kestrel"]

    before = len(sample_store.scan().pupils)
    with qtbot.waitSignal(dialog.imported, timeout=10000) as done:
        dialog.import_button.click()
    assert len(done.args[0].touched) == 1
    assert len(Store(sample_store.root).scan().pupils) == before + 1
    assert window.pupil_list.pupils.rowCount() == before + 1
    assert window.undo_import_action.isEnabled()

    report = tmp_path / "report.txt"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(report), ""))
    )
    dialog.save_report_button.click()
    assert "Saved 1 pupils." in report.read_text(encoding="utf-8")
    dialog.close_button.click()
    # The import's result came by the signal; QDialog's own result() is not shadowed by it.
    assert dialog.result() in (QDialog.DialogCode.Accepted.value, QDialog.DialogCode.Rejected.value)

    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    window.undo_import_action.trigger()
    assert len(Store(sample_store.root).scan().pupils) == before
    assert not window.undo_import_action.isEnabled()


def test_a_hostile_file_is_named_in_the_dialog_and_nothing_can_be_imported(
    window: MainWindow, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\xffnot a csv")
    dialog = window.school_actions.import_pupils()
    dialog.load_file(junk)
    assert "binary data" in dialog.file_label.text()
    assert dialog.file_label.textFormat() == Qt.TextFormat.PlainText  # a name like <img src=…>
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_undo_import_survives_a_restart_of_the_app(
    qtbot: QtBot, sample_store: Store, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    from penportrait.core.importers.csv import plan_import, read_table, run_import

    before = len(sample_store.scan().pupils)
    export = tmp_path / "mis.csv"
    export.write_text(
        "UPN,Legal Forename,Legal Surname,DOB,NC Year\nK999200124001,Nadia,Rahman,03/04/2018,4\n",
        encoding="utf-8",
    )
    plan = plan_import(read_table(export), sample_store.scan().pupils)
    run_import(plan, sample_store)  # then the app was closed (or crashed)
    window = MainWindow(Store(sample_store.root))
    qtbot.addWidget(window)
    assert window.undo_import_action.isEnabled()
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    window.undo_import_action.trigger()
    assert len(Store(sample_store.root).scan().pupils) == before
    assert not window.undo_import_action.isEnabled()


def _dialog_with_plan(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> ImportDialog:
    export = tmp_path / "mis.csv"
    export.write_text(EXPORT, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(export), ""))
    )
    dialog = window.school_actions.import_pupils()
    dialog.choose_button.click()
    assert dialog.import_button.isEnabled()
    return dialog


def test_an_import_that_fails_in_the_background_is_reported_and_the_dialog_closes(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(import_dialog, "run_import", broken)
    dialog = _dialog_with_plan(window, monkeypatch, tmp_path)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10000)
    assert message_boxes == [
        ("Import stopped", "The import stopped (RuntimeError: the disk went away)")
    ]
    assert dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_stopping_an_import_keeps_what_was_saved_for_undo(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = _dialog_with_plan(window, monkeypatch, tmp_path)
    before = len(sample_store.scan().pupils)
    start = Job.start

    def stop_at_once(job: Job) -> None:
        dialog.stop_button.click()  # the person presses Stop before the first pupil is saved
        start(job)

    monkeypatch.setattr(Job, "start", stop_at_once)
    with qtbot.waitSignal(dialog.job_cancelled, timeout=10000):
        dialog.import_button.click()
    assert dialog.summary.text() == "Import stopped after 0 pupils."
    assert len(Store(sample_store.root).scan().pupils) == before
    assert dialog.close_button.isEnabled() and not dialog.stop_button.isVisible()
    dialog.close_button.click()
    assert not dialog.isVisible()
