"""`make screenshots`: the main window with the sample school, as docs/screenshot.png."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from penportrait.core.demo import write_sample_school
from penportrait.core.store import Store
from penportrait.gui.app import make_application
from penportrait.gui.main_window import MainWindow


def main(out: Path) -> None:
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="penportrait-shot-") as tmp:
        write_sample_school(Path(tmp) / "school")
        window = MainWindow(Store(Path(tmp) / "school"), sample=False)
        window.resize(1440, 900)
        window.show()
        lily = next(p for p in window.last_scan.pupils if p.display_name == "Lily-Mae Cooper")
        window.pupil_list.select_id(lily.id)

        def grab() -> None:
            window.grab().save(str(out))
            print(f"wrote {out}")
            QApplication.quit()

        QTimer.singleShot(800, grab)
        app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png"))
