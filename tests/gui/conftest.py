"""GUI tests: the real window, isolated settings, and no modal dialog left to block a test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui import messages
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


class MessageBoxes(list[tuple[str, str]]):
    """Every message box the app showed, as (title, text), and how the next questions are
    answered (``answers``, in order; Cancel once they run out)."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[QMessageBox.StandardButton] = []
        self.plain: list[bool] = []  # per box: shown as plain text (not deliberate markup)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Every message box the app shows, as (title, text); questions are answered Cancel unless
    the test queued answers. The app shows every box through messages.show, patched here."""
    shown = MessageBoxes()

    def box(  # type: ignore[no-untyped-def]
        _parent, icon, title, text, *_args, rich: bool = False, **_kwargs
    ) -> QMessageBox.StandardButton:
        shown.append((title, text))
        shown.plain.append(not rich)
        if icon == QMessageBox.Icon.Question:
            return shown.answers.pop(0) if shown.answers else QMessageBox.StandardButton.Cancel
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(messages, "show", box)
    for kind in ("warning", "critical", "information", "question"):  # nothing may call these
        monkeypatch.setattr(QMessageBox, kind, staticmethod(_static_box_called))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: shown.append(("about", ""))))
    return shown


def _static_box_called(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("QMessageBox's static functions render user data as markup")


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
