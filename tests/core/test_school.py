"""school.json: defaults, validation, and never losing a damaged file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from penportrait.core.school import SchoolSettings, load_school, save_school
from penportrait.core.school_files import SchoolFileError
from penportrait.core.sections import Section, spec


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    settings, problems = load_school(tmp_path)
    assert problems == []
    assert settings.review_period_weeks == 13
    assert settings.base_font_pt == 11.0
    hidden = {Section.DATE_OF_BIRTH, Section.UPN, Section.SEND_SUMMARY}
    hidden |= {Section.FAMILY_VOICE, Section.TARGETS}
    assert {s for s in Section if not spec(s).cover_default} == hidden
    for section in Section:
        assert settings.cover_shows(section) == (section not in hidden)
    assert not settings.cover_shows(Section.DATE_OF_BIRTH)
    assert not settings.cover_shows(Section.FAMILY_VOICE)


def test_settings_save_and_load_and_keep_unknown_keys(tmp_path: Path) -> None:
    (tmp_path / "school.json").write_text(
        '{"name": "Ashbrook", "house_colours": ["red"]}', encoding="utf-8"
    )
    settings, _ = load_school(tmp_path)
    changed = settings.model_copy(
        update={"review_period_weeks": 6, "cover_sections": ["strategies"]}
    )
    saved = save_school(tmp_path, changed)
    again, problems = load_school(tmp_path)
    assert problems == []
    assert again == saved == changed.model_copy(update={"revision": 1})
    assert json.loads((tmp_path / "school.json").read_text(encoding="utf-8"))["house_colours"] == [
        "red"
    ]


def test_a_bad_school_file_is_reported_and_never_written_over(tmp_path: Path) -> None:
    path = tmp_path / "school.json"
    bad = b'{"review_period_weeks": 0, "base_font_pt": 30, "cover_sections": ["diary"]}'
    path.write_bytes(bad)
    settings, problems = load_school(tmp_path)
    assert settings == SchoolSettings()
    assert {p.field for p in problems} == {
        "review_period_weeks",
        "base_font_pt",
        "cover_sections.0",
    }
    assert all(p.file == "school.json" for p in problems)
    assert path.read_bytes() == bad
    with pytest.raises(SchoolFileError, match="review_period_weeks"):
        save_school(tmp_path, SchoolSettings(name="Fixed"))
    assert path.read_bytes() == bad
    assert sorted(p.name for p in tmp_path.iterdir()) == ["school.json"]


def test_not_utf8_school_file(tmp_path: Path) -> None:
    (tmp_path / "school.json").write_bytes(b'{"name": "\xff"}')
    _, problems = load_school(tmp_path)
    assert "not UTF-8" in problems[0].reason


@pytest.mark.parametrize("known", [[["x"]], [{"a": 1}], [None], "about_me", 5])
def test_cover_sections_known_that_is_not_a_list_of_names_is_a_field_problem(
    tmp_path: Path, known: object
) -> None:
    """A hand-edited school.json once crashed start-up here (set() of a list of lists)."""
    document = {"format": "penportrait.school", "name": "Ashbrook", "cover_sections": ["about_me"]}
    (tmp_path / "school.json").write_text(
        json.dumps({**document, "cover_sections_known": known}), encoding="utf-8"
    )
    settings, problems = load_school(tmp_path)
    assert settings == SchoolSettings()
    assert [(p.file, p.field.split(".")[0]) for p in problems] == [
        ("school.json", "cover_sections_known")
    ]
