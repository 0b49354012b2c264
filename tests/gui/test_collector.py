"""Cyclic garbage is freed on the GUI thread, never in a background job's thread.

A collection in a pack's worker thread once freed a closed dialog's widgets while the GUI
thread was delivering events to them, and the app crashed (gui/collector.py).
"""

from __future__ import annotations

import gc
import threading

import pytest
from pytestqt.qtbot import QtBot

from penportrait.core.jobs import Progress, StopAsked
from penportrait.gui.collector import Collector
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


@pytest.mark.parametrize(
    ("counts", "thresholds", "collected"),
    [
        ((701, 3, 2), (700, 10, 10), 0),  # generational: the young are over
        ((701, 11, 2), (700, 10, 10), 1),  # and the middle generation too
        ((701, 11, 11), (700, 10, 10), 2),  # and the old: a full collection
        ((699, 11, 11), (700, 10, 10), 2),  # counts of older generations stand alone
        ((699, 3, 2), (700, 10, 10), None),  # nothing due
        ((2001, 40, 3), (2000, 10, 0), 1),  # incremental (3.14): young and an increment
        ((1999, 40, 3), (2000, 10, 0), None),  # incremental, nothing due
        ((9999, 99, 99), (0, 10, 10), None),  # gc.set_threshold(0): collection is off
    ],
)
def test_the_timer_collects_what_python_itself_would_have(
    monkeypatch: pytest.MonkeyPatch,
    counts: tuple[int, int, int],
    thresholds: tuple[int, int, int],
    collected: int | None,
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(gc, "get_count", lambda: counts)
    monkeypatch.setattr(gc, "get_threshold", lambda: thresholds)

    def collect(generation: int = 2) -> int:
        calls.append(generation)
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    Collector.collect_due()
    assert calls == ([] if collected is None else [collected])
