"""What a page shows, per audience: sections, order, omissions, photo or initials."""

from __future__ import annotations

from pathlib import Path

import pytest

from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.sections import Section
from penportrait.core.views import Audience, clean_text, columns, initials, page_view
from tests.helpers import example


def pupil(**changes: object) -> Pupil:
    data = example(**changes)
    data["portrait"].update(
        about_me="I love drawing.",
        family_voice="She is tired by Thursday.",
        targets=["Read Year 4 words"],
        strategies=[
            {"text": "Let me draw my answer", "essential": False},
            {"text": "One step at a time", "essential": True},
            {"text": "  ", "essential": True},
            {"text": "Key words on my desk", "essential": True},
        ],
        medical=[
            {
                "condition": "Asthma",
                "action": "Two puffs of the blue inhaler",
                "kit": "Inhaler in the class box",
            }
        ],
    )
    data["pupil"]["upn"] = "K999200124001"
    return Pupil.model_validate(data)


def keys(view: object) -> list[Section]:
    return [s.key for s in view.sections]  # type: ignore[attr-defined]


def test_staff_see_everything_that_is_filled_in_and_nothing_empty() -> None:
    view = page_view(pupil(), SchoolSettings(), Audience.STAFF)
    assert keys(view) == [
        Section.ABOUT_ME,
        Section.STRATEGIES,
        Section.FAMILY_VOICE,
        Section.TARGETS,
    ]
    labels = [f.label for f in view.facts]
    assert "Date of birth" in labels and "UPN" in labels
    assert view.need.startswith("SEN support · Specific learning difficulty")
    assert "Dyslexia, assessed in 2024." in view.need
    assert view.alerts


def test_cover_staff_do_not_see_dob_upn_summary_family_voice_or_targets() -> None:
    view = page_view(pupil(), SchoolSettings(), Audience.COVER)
    assert keys(view) == [Section.ABOUT_ME, Section.STRATEGIES]
    labels = [f.label for f in view.facts]
    assert "Date of birth" not in labels and "UPN" not in labels
    assert "Dyslexia" not in view.need
    assert view.alerts  # safety first, always
    assert view.contacts


def test_the_school_decides_what_cover_staff_see() -> None:
    settings = SchoolSettings(cover_sections=["strategies", "family_voice", "date_of_birth"])
    view = page_view(pupil(), settings, Audience.COVER)
    assert keys(view) == [Section.STRATEGIES, Section.FAMILY_VOICE]
    assert "Date of birth" in [f.label for f in view.facts]
    assert view.contacts == ()
    assert view.medical  # never the school's choice: medical alerts always print for cover


def test_essential_strategies_come_first_and_blank_ones_are_dropped() -> None:
    strategies = page_view(pupil(), SchoolSettings(), Audience.STAFF).section(Section.STRATEGIES)
    assert strategies is not None
    assert [(i.text, i.essential) for i in strategies.items] == [
        ("One step at a time", True),
        ("Key words on my desk", True),
        ("Let me draw my answer", False),
    ]


def test_photo_only_with_consent_otherwise_initials(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    with_consent = page_view(pupil(), SchoolSettings(), Audience.STAFF, photo=photo)
    assert with_consent.photo == photo
    without = page_view(
        pupil(**{"pupil.photo_consent": False}), SchoolSettings(), Audience.STAFF, photo=photo
    )
    assert without.photo is None
    assert without.initials == "MH"  # preferred name Mira, surname Hussain


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Amira", "Hussain", "AH"),
        ("łucja", "wójcik", "ŁW"),
        ("Zoë", "", "Z"),
        ("", "", "?"),
        ("'Ọmọ́", "Ade", "ỌA"),
        ("😀", "Smith", "S"),
    ],
)
def test_initials(first: str, last: str, expected: str) -> None:
    assert initials(first, last) == expected


def test_control_characters_are_removed_and_line_breaks_kept() -> None:
    assert clean_text("a\x00b\x07c\x1b[31m\r\nnext\tline\x85") == "abc[31m\nnext line"
    assert clean_text("  many   spaces  ") == "many spaces"


def test_columns_put_the_person_left_and_the_help_right() -> None:
    view = page_view(pupil(), SchoolSettings(), Audience.STAFF)
    left, right = columns(view)
    assert left[0].key == Section.ABOUT_ME
    assert right[0].key == Section.STRATEGIES
    assert {s.key for s in left + right} == set(keys(view))


def test_review_and_update_lines_read_like_a_uk_school_writes_them() -> None:
    view = page_view(pupil(), SchoolSettings(), Audience.STAFF)
    assert view.review_by == "18 December 2026"
    assert view.updated == "Updated by K. Okafor on 20 November 2026"
