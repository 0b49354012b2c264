"""What long work (a pack, an import) shares with whoever runs it: progress and stopping.

Plain Python: the GUI runs such work in the background (gui/jobs.py), the command line runs it
in the foreground; both read the same outcomes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

Progress: TypeAlias = Callable[[int, int], None]  # (done, of all)
StopAsked: TypeAlias = Callable[[], bool]


class Cancelled(Exception):
    """The user asked to stop. ``partial`` is what was already done (None: nothing was kept)."""

    def __init__(self, partial: object = None) -> None:
        super().__init__("cancelled")
        self.partial = partial
