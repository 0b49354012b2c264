"""The garbage collector at start-up: what a process loads first lives as long as it does.

Start-up (the app's window and its first scan of the folder, or a command's one load) makes
most of what the process keeps: the modules, Qt's wrappers, every pupil. It is built with the
cyclic collector paused and then frozen, once, out of the collector's sight, so no later
collection walks it again (FIELD-NOTES: a bulk load is about three times faster so). Nothing
else freezes: a later rescan only pauses the collector (Store.scan), since a freeze then would
also keep, for good, whatever cyclic garbage the app had made meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def starting_up() -> Iterator[None]:
    """Run the start-up with the collector paused, then freeze what it made and resume.

    The young generation is collected first: in the app, automatic collection is already off
    (gui/collector.py), and the cyclic garbage made before start-up (writing the sample school,
    say) would otherwise be frozen with the rest and never freed.
    """
    gc.collect(0)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
