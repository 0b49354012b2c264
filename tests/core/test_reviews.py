"""Review dates: due lists, marking reviewed, and the next review following the last."""

from __future__ import annotations

import datetime as dt

from penportrait.core.model import Pupil
from penportrait.core.reviews import due_pupils, follow_last_reviewed, is_due, mark_reviewed
from tests.helpers import example

TODAY = dt.date(2026, 11, 23)


def pupil(pupil_id: str, next_review: str, last: str = "2026-09-01") -> Pupil:
    return Pupil.model_validate(
        example(id=pupil_id, **{"review.next_review": next_review, "review.last_reviewed": last})
    )


def test_overdue_and_due_within_14_days_soonest_first() -> None:
    pupils = [
        pupil("later", "2026-12-08"),  # 15 days away: not yet
        pupil("soon", "2026-12-07"),  # 14 days away: due
        pupil("overdue", "2026-10-01"),
        pupil("today", "2026-11-23"),
        pupil("never", ""),
    ]
    assert [p.id for p in due_pupils(pupils, TODAY)] == ["overdue", "today", "soon"]
    assert not is_due(pupils[0], TODAY) and not is_due(pupils[4], TODAY)


def test_mark_reviewed_today_sets_both_dates_and_the_author() -> None:
    reviewed = mark_reviewed(pupil("a", "2026-10-01"), TODAY, "P. Kaur", 13)
    assert reviewed.review.last_reviewed == "2026-11-23"
    assert reviewed.review.next_review == "2027-02-22"
    assert reviewed.review.author == "P. Kaur"


def with_last(p: Pupil, last: str) -> Pupil:
    return p.model_copy(update={"review": p.review.model_copy(update={"last_reviewed": last})})


def test_the_next_review_follows_the_last_unless_set_by_hand() -> None:
    # 1 September + 13 weeks is 1 December: the default, so it moves with the last review.
    default = pupil("a", "2026-12-01", last="2026-09-01")
    moved = follow_last_reviewed(default, with_last(default, "2026-10-01"), 13)
    assert moved.review.next_review == "2026-12-31"
    # Set by hand to another date: left alone.
    by_hand = pupil("b", "2026-12-15", last="2026-09-01")
    kept = follow_last_reviewed(by_hand, with_last(by_hand, "2026-10-01"), 13)
    assert kept.review.next_review == "2026-12-15"
    # No dates yet: the next review is filled in.
    empty = pupil("c", "", last="")
    filled = follow_last_reviewed(empty, with_last(empty, "2026-11-01"), 13)
    assert filled.review.next_review == "2027-01-31"
