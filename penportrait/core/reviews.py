"""Review dates: which portraits are overdue or due soon."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

from penportrait.core.model import Pupil

DUE_SOON_DAYS: Final = 14


def next_review(pupil: Pupil) -> dt.date | None:
    value = pupil.review.next_review
    return dt.date.fromisoformat(value) if value else None


def is_due(pupil: Pupil, today: dt.date, *, within_days: int = DUE_SOON_DAYS) -> bool:
    """Overdue, or due within ``within_days`` of ``today``."""
    due = next_review(pupil)
    return due is not None and due <= today + dt.timedelta(days=within_days)


def due_pupils(pupils: Iterable[Pupil], today: dt.date) -> list[Pupil]:
    """Pupils whose review is overdue or due soon, soonest first."""
    due = [p for p in pupils if is_due(p, today)]
    return sorted(due, key=lambda p: (p.review.next_review, p.pupil.last_name, p.pupil.first_name))
