"""Edit > Undo import on a folder that refuses the change: said in words, no traceback."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from penportrait.core.importers import record
from penportrait.core.importers.csv import plan_import, read_table, run_import
from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from tests.gui.conftest import MessageBoxes


def test_undo_import_that_cannot_write_says_so_in_words(
    qtbot: QtBot,
    sample_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    export = tmp_path / "mis.csv"
    export.write_text(
        "UPN,Legal Forename,Legal Surname,DOB,NC Year\nK999200124001,Nadia,Rahman,03/04/2018,4\n",
        encoding="utf-8",
    )
    run_import(plan_import(read_table(export), sample_store.scan().pupils), sample_store)
    window = MainWindow(Store(sample_store.root))
    qtbot.addWidget(window)

    def refused(_record: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(sample_store.root))

    monkeypatch.setattr(record, "_mark_undone", refused)
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    window.undo_import_action.trigger()  # raised PermissionError out of the slot before
    title, text = message_boxes[-1]
    assert title == "Undo import"
    assert text.startswith("The import could not be undone: you do not have permission")
    assert "Errno" not in text
    assert window.pupil_list.proxy.rowCount() == len(Store(sample_store.root).scan().pupils)
