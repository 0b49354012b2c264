"""Child process for the start-up bench: open the app, report the first paint, quit."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from penportrait.core.startup import starting_up
from penportrait.core.store import Store
from penportrait.gui.app import make_application
from penportrait.gui.main_window import MainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"{time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def main() -> None:
    app = make_application()
    with starting_up():  # as gui.app.run_app starts the window
        window = MainWindow(Store(Path(sys.argv[1])))
        spy = FirstPaint()
        window.installEventFilter(spy)
        window.show()
    app.exec()


if __name__ == "__main__":
    main()
