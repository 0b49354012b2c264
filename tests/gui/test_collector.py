"""Cyclic garbage is freed on the GUI thread, never in a background job's thread.

A collection in a pack's worker thread once freed a closed dialog's widgets while the GUI
thread was delivering events to them, and the app crashed (gui/collector.py).
"""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from penportrait.core.jobs import Progress, StopAsked
from penportrait.gui.jobs import Job


def test_garbage_made_on_the_gui_thread_is_freed_there_while_a_job_allocates(
    qtbot: QtBot,
) -> None:
    freed_in: list[str] = []

    class Cycle:
        """Garbage only the cyclic collector can free, like a closed dialog's wrappers."""

        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            freed_in.append(threading.current_thread().name)

    def work(_progress: Progress, _stop_asked: StopAsked) -> list[list[int]]:
        return [[] for _ in range(200_000)]  # kept: far over the collector's thresholds

    job = Job(work, what="The test job failed")
    gc.collect()
    Cycle()  # unreachable at once: the first collection, in any thread, frees it
    with qtbot.waitSignal(job.signals.finished, timeout=30000) as finished:
        job.start()
    assert len(finished.args[0]) == 200_000
    qtbot.waitUntil(lambda: bool(freed_in), timeout=10000)  # the GUI thread's timer
    assert freed_in == [threading.main_thread().name]
    assert not gc.isenabled()  # no thread collects on its own any more
