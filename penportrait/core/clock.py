"""The app's one clock: every "today" and "now" comes from here.

Tests pin it to a fixed day (``tests/conftest.py``), so nothing they check depends on the
calendar; the app itself always reads the real clock.
"""

from __future__ import annotations

import datetime as dt

_pinned: dt.datetime | None = None


def now() -> dt.datetime:
    """The current moment, timezone-aware (UTC)."""
    return _pinned if _pinned is not None else dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's date on this machine's calendar."""
    return _pinned.date() if _pinned is not None else dt.date.today()


def pin(moment: dt.datetime | None) -> None:
    """Freeze the clock at ``moment`` (UTC), or let it run again with ``None``. For tests."""
    global _pinned
    _pinned = moment.astimezone(dt.UTC) if moment is not None else None
