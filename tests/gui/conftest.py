"""GUI tests: the real window, isolated settings, and no modal dialog left to block a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from penportrait.render.pdf import ensure_gui_application


@pytest.fixture(autouse=True)
def _isolated_settings(qapp: object, tmp_path: Path) -> Iterator[None]:
    QCoreApplication.setOrganizationName("PenPortrait-tests")
    QCoreApplication.setApplicationName("PenPortrait-tests")
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    ensure_gui_application()
    yield


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box the app shows, as (title, text); questions are answered Cancel."""
    shown: list[tuple[str, str]] = []

    def record(kind: str, answer: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def box(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            shown.append((title, text))
            return answer

        monkeypatch.setattr(QMessageBox, kind, staticmethod(box))

    record("warning", QMessageBox.StandardButton.Ok)
    record("critical", QMessageBox.StandardButton.Ok)
    record("information", QMessageBox.StandardButton.Ok)
    record("question", QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: shown.append(("about", ""))))
    return shown


@pytest.fixture
def printed_pdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The system print dialog, accepted, with the printer writing this PDF instead of paper."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printed.pdf"

    def accept(self: QPrintDialog) -> int:
        printer: QPrinter = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return out


@pytest.fixture
def window(qtbot: QtBot, sample_store: Store, message_boxes: list[tuple[str, str]]) -> MainWindow:
    main = MainWindow(sample_store)
    qtbot.addWidget(main)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    return main
