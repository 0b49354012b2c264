"""Python's cyclic garbage collector runs on the GUI thread only, from a timer.

Qt objects must be deleted by the thread they live in. Python collects cyclic garbage in
whichever thread happens to cross its allocation threshold, and a collection frees every
unreachable cycle, whoever made it. While a pack or an import runs in a worker thread, a
collection there freed the window's own cyclic garbage (a closed dialog and its widgets) from
the worker, while the GUI thread was still delivering events to them: the app crashed in
``QCoreApplication::sendPostedEvents`` (seen in CI; with a collection threshold of 5, 9 runs of
the pack tests in 12 crashed, and none with this module).

So, before any Python runs outside the GUI thread, automatic collection is switched off and a
timer on the GUI thread collects instead, by the thresholds Python itself uses: the same work,
never in a worker. Garbage without cycles is unaffected (reference counting frees it at once,
in any thread), so the only cost is that cycles wait up to ``INTERVAL_MS`` to be freed.
"""

from __future__ import annotations

import gc
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS: Final = 500


class Collector(QObject):
    """Collects, on the GUI thread, the oldest generation whose count is over its threshold."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    @staticmethod
    def collect_due() -> int:
        """What Python would have collected by now: the number of objects freed.

        Python 3.11 to 3.13 (and 3.15 on) collect by generations: the oldest whose count is over
        its threshold. Python 3.14's incremental collector has two generations, and its third
        threshold is always 0: when the young count is over the first threshold, it collects
        the young and an increment of the old, which is what ``gc.collect(1)`` does there.
        """
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if not thresholds[0]:  # gc.set_threshold(0): collection switched off
            return 0
        if not thresholds[2]:  # incremental (3.14)
            return gc.collect(1) if counts[0] > thresholds[0] else 0
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0


def collect_on_gui_thread() -> None:
    """Switch automatic collection off for good; the GUI thread's timer collects from now on.

    Called where the app starts and before any background job; only the first call does
    anything. Must be called on the GUI thread, with the application made.
    """
    app = QCoreApplication.instance()
    if app is None or not QThread.isMainThread():
        raise RuntimeError("collect_on_gui_thread() is for the GUI thread, after the app")
    if app.findChild(Collector) is not None:
        return
    gc.disable()
    Collector(app)
