"""The sample school: big and varied enough to show what PenPortrait does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from penportrait.core import clock
from penportrait.core.demo import FolderNotEmptyError, make_upn, write_sample_school
from penportrait.core.model import NEED_CODES, NeedArea, NeedCode, SendStatus
from penportrait.core.reviews import due_pupils
from penportrait.core.school import load_school
from penportrait.core.store import Store

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def test_the_sample_school_covers_what_a_school_has(sample_store: Store) -> None:
    scan = sample_store.scan()
    assert scan.problems == []
    pupils = scan.pupils
    assert len(pupils) >= 30
    groups: dict[str, set[str]] = {}
    for pupil in pupils:
        for group in pupil.pupil.groups:
            groups.setdefault(group, set()).add(pupil.pupil.year_group)
    primary = [g for g, years in groups.items() if years <= {f"Year {n}" for n in range(1, 7)}]
    secondary = [g for g, years in groups.items() if years <= {f"Year {n}" for n in range(7, 14)}]
    assert len(primary) >= 1 and len(secondary) >= 2
    assert {p.send.status for p in pupils} == {s.value for s in SendStatus}
    areas = {NEED_CODES[NeedCode(p.send.primary_need)][1] for p in pupils if p.send.primary_need}
    assert {
        NeedArea.COMMUNICATION,
        NeedArea.COGNITION,
        NeedArea.SEMH,
        NeedArea.SENSORY_PHYSICAL,
    } <= areas
    assert load_school(sample_store.root)[0].name == "Ashbrook Academy"


def test_most_pupils_have_a_drawn_avatar_and_a_few_have_no_photo_consent(
    sample_store: Store,
) -> None:
    pupils = sample_store.scan().pupils
    with_photo = [p for p in pupils if p.pupil.photo]
    without_consent = [p for p in pupils if not p.pupil.photo_consent]
    assert len(with_photo) > len(pupils) * 2 // 3
    assert 2 <= len(without_consent) <= len(pupils) // 4
    assert all(p.pupil.photo_consent for p in with_photo)
    for pupil in with_photo:
        path = sample_store.photo_path(pupil)
        assert path is not None
        with Image.open(path) as image:
            assert image.format == "JPEG" and max(image.size) <= 800


def test_portraits_vary_in_length_and_put_essential_strategies_in_place(
    sample_store: Store,
) -> None:
    lengths = sorted(len(p.to_json()) for p in sample_store.scan().pupils)
    assert lengths[-1] > 3 * lengths[0]
    with_strategies = [p for p in sample_store.scan().pupils if p.portrait.strategies]
    assert all(any(s.essential for s in p.portrait.strategies) for p in with_strategies)


def test_some_reviews_are_due_but_most_are_not(sample_store: Store) -> None:
    pupils = sample_store.scan().pupils
    due = due_pupils(pupils, clock.today())
    assert 2 <= len(due) <= len(pupils) // 3


def test_sample_upns_have_valid_check_letters() -> None:
    for index in [*range(40), 999, 1000, 4999, 123_456]:
        upn = make_upn(index)
        assert len(upn) == 13 and upn[1:].isdigit()
        total = sum(int(d) * w for d, w in zip(upn[1:], range(2, 14), strict=True))
        assert upn[0] == UPN_LETTERS[total % 23]


def test_the_sample_is_never_written_over_real_pupils(sample_dir: Path) -> None:
    before = sorted(p.name for p in (sample_dir / "pupils").iterdir())
    with pytest.raises(FolderNotEmptyError):
        write_sample_school(sample_dir)
    assert sorted(p.name for p in (sample_dir / "pupils").iterdir()) == before
