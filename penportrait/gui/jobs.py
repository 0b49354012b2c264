"""One shape for background work: a QRunnable that ends with exactly one signal.

``finished(result)``, ``failed(message)`` or ``cancelled(partial)``: the pack and the import
dialogs both run their work this way, so a failure always reaches the user as a message and
the dialog can always be closed afterwards. Progress arrives as ``progress(done, total)``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from penportrait.core.jobs import Cancelled, Progress, StopAsked
from penportrait.gui.collector import collect_on_gui_thread

Work = Callable[[Progress, StopAsked], object]


class JobSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # the work's result
    failed = Signal(str)  # what went wrong, in words
    cancelled = Signal(object)  # what was done before stopping, or None


class Job(QRunnable):
    """Runs ``work(progress, stop_asked)`` off the GUI thread.

    ``expected`` are the errors that carry a message fit for a user (a file that cannot be
    written, a printer that refused); anything else is a bug, reported with the error's name,
    never swallowed. ``what`` opens the message: "The pack was not made".
    """

    def __init__(
        self, work: Work, *, what: str, expected: tuple[type[Exception], ...] = (OSError,)
    ) -> None:
        super().__init__()
        self.work, self.what, self.expected = work, what, expected
        self.signals = JobSignals()
        self.stop = threading.Event()
        self.setAutoDelete(False)  # the dialog keeps it until its last signal has arrived

    def start(self) -> None:
        collect_on_gui_thread()  # from now on, never in the worker (see gui/collector.py)
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self.stop.is_set)
        except Cancelled as stopped:
            self.signals.cancelled.emit(stopped.partial)
        except self.expected as error:
            self.signals.failed.emit(f"{self.what}: {error}")
        except Exception as error:  # a bug: say so rather than fail silently in a thread
            self.signals.failed.emit(f"{self.what} ({type(error).__name__}: {error})")
        else:
            self.signals.finished.emit(result)
