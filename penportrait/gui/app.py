"""Starting the app: the QApplication, the data folder (or a sample copy), the main window."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from penportrait import __version__
from penportrait.core.demo import write_sample_school
from penportrait.core.paths import APP_NAME
from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_app(data: Path, *, demo: bool = False) -> int:
    """Open the main window on ``data``; with ``demo``, or when ``data`` has no pupils yet,
    on a temporary copy of the sample school (nothing is written to ``data``)."""
    app = make_application()
    sample_copy: Path | None = None
    if demo or Store(data).is_empty():
        sample_copy = Path(tempfile.mkdtemp(prefix="penportrait-sample-"))
        write_sample_school(sample_copy)
    try:
        try:
            window = MainWindow(Store(sample_copy or data), sample=sample_copy is not None)
        except OSError as error:
            QMessageBox.critical(None, APP_NAME, f"The data folder cannot be opened:\n{error}")
            return 1
        window.show()
        return app.exec()
    finally:
        if sample_copy is not None:
            shutil.rmtree(sample_copy, ignore_errors=True)
