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


def mark_reviewed(pupil: Pupil, today: dt.date, author: str, period_weeks: int) -> Pupil:
    """Reviewed today, by ``author``: sets both dates and the author in one step."""
    review = pupil.review.model_copy(
        update={
            "last_reviewed": today.isoformat(),
            "next_review": (today + dt.timedelta(weeks=period_weeks)).isoformat(),
            "author": author or pupil.review.author,
        }
    )
    return pupil.model_copy(update={"review": review})


def follow_last_reviewed(before: Pupil, after: Pupil, period_weeks: int) -> Pupil:
    """When the last review date changes, the next one follows, unless it was set by hand.

    "By hand" means it is neither empty nor the default worked out from the old date.
    """
    old_last, new_last = before.review.last_reviewed, after.review.last_reviewed
    if old_last == new_last or not new_last:
        return after
    period = dt.timedelta(weeks=period_weeks)
    old_default = (dt.date.fromisoformat(old_last) + period).isoformat() if old_last else ""
    if after.review.next_review not in ("", old_default):
        return after
    next_review = (dt.date.fromisoformat(new_last) + period).isoformat()
    return after.model_copy(
        update={"review": after.review.model_copy(update={"next_review": next_review})}
    )
