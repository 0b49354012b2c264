"""Starting the app: the QApplication, the data folder (or a sample copy), the main window."""

from __future__ import annotations

import errno
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from penportrait import __version__
from penportrait.core import files
from penportrait.core.access import plain_reason
from penportrait.core.demo import write_sample_school
from penportrait.core.paths import APP_NAME
from penportrait.core.startup import starting_up
from penportrait.core.store import Store
from penportrait.gui import messages, ui_state
from penportrait.gui.collector import collect_on_gui_thread
from penportrait.gui.dialogs import Start, WelcomeDialog
from penportrait.gui.main_window import MainWindow
from penportrait.render.pdf import ensure_gui_application


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    ensure_gui_application()  # the page fonts (Arial, or Liberation Sans on Linux)
    collect_on_gui_thread()  # cyclic garbage is freed on this thread only (gui/collector.py)
    return app


def default_folder() -> Path:
    """Where the data folder is when neither --data nor PENPORTRAIT_DATA says otherwise."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def choose_start(data: Path, *, demo: bool) -> tuple[Path, bool]:
    """The folder to open and whether it is a temporary sample copy.

    ``--demo``, or choosing the sample on first run, gives a temporary copy of the sample
    school, so nothing is written to ``data``.
    """
    if not demo and not Store(data).is_empty():
        return data, False
    if not demo and not data.exists() and not data.parent.is_dir() and data != default_folder():
        # A folder chosen with --data or PENPORTRAIT_DATA whose drive or share is not there:
        # never start a new, empty school in its place.
        raise FileNotFoundError(errno.ENOENT, "not there", str(data))
    if not demo:
        welcome = WelcomeDialog(data)
        welcome.exec()
        if welcome.choice is Start.EMPTY:
            files.ensure_folder(data)
            return data, False
    copy = Path(tempfile.mkdtemp(prefix="penportrait-sample-"))
    write_sample_school(copy)
    return copy, True


def report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """A bug reached the event loop: say so calmly, keep the details for a report.

    Installed as sys.excepthook by run_app, so no traceback reaches a user; the work is saved
    as it goes, so the app can usually carry on.
    """
    details = "".join(traceback.format_exception(kind, error, trace))
    print(details, file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        APP_NAME,
        "Something went wrong that should not have. Your pupils' files are saved "
        "as you go, so nothing you typed before this has been lost.",
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(f"{kind.__name__}: {error}")  # an error may quote a name or a path
    messages.make_plain(box)
    box.setDetailedText(details)
    box.exec()


def run_app(data: Path, *, demo: bool = False, quit_after: float | None = None) -> int:
    """Open the main window on ``data`` (see choose_start).

    ``quit_after`` (seconds) closes the window by itself: how a build is checked without a person.
    """
    app = make_application()
    sys.excepthook = report_unexpected
    try:
        folder, sample = choose_start(data, demo=demo)
    except OSError as error:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            APP_NAME,
            f"The data folder {data} cannot be used: {plain_reason(error)}.",
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the path is the user's
        box.exec()
        return 1
    try:
        with starting_up():  # the window and the first scan, frozen once (core.startup)
            window = MainWindow(Store(folder), sample=sample)
            window.show()
        if quit_after is not None:  # closes the window and any dialog open over it
            QTimer.singleShot(round(quit_after * 1000), app.closeAllWindows)
        if not ui_state.staff_name():  # asked once; Tools > Your name on portraits changes it
            # inside the event loop: quit_after holds
            QTimer.singleShot(0, window.school_actions.ask_staff_name)
        return app.exec()
    finally:
        if sample:
            shutil.rmtree(folder, ignore_errors=True)
