"""Format version 2 (issue 13): structured medical notes, the cover contact, two new sections.

Version 1 files load and are written as version 2 on the next save, the old revision going to
history as usual; a newer file is refused and left exactly as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from penportrait.core.demo import write_sample_school
from penportrait.core.model import FORMAT_VERSION, Pupil, load_pupil_json
from penportrait.core.school import load_school
from penportrait.core.sections import Section
from penportrait.core.store import PupilFileError, Store
from tests.helpers import example, version_1_example


def write_v1(store: Store, **changes: object) -> Path:
    data = version_1_example(**changes)
    path = store.pupil_path(data["id"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_a_version_1_file_loads_with_each_medical_line_kept_as_an_alert(store: Store) -> None:
    path = write_v1(store, **{"portrait.medical": ["Nut allergy: pen in her bag"]})
    before = path.read_bytes()
    pupil = store.load(path.stem)
    assert pupil.format_version == FORMAT_VERSION == 2
    note = pupil.portrait.medical[0]
    assert (note.kind, note.condition, note.action) == ("alert", "Nut allergy: pen in her bag", "")
    assert pupil.portrait.contacts[0].cover is False
    assert path.read_bytes() == before  # reading never rewrites


def test_a_version_1_file_is_written_as_version_2_and_the_old_one_kept_in_history(
    store: Store,
) -> None:
    path = write_v1(store, **{"portrait.medical": ["Asthma"]})
    before = path.read_bytes()
    pupil = store.load(path.stem)
    saved = store.save(pupil)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["format_version"] == 2 and saved.revision == 4
    assert on_disk["portrait"]["medical"] == [
        {"kind": "alert", "condition": "Asthma", "signs": "", "action": "", "kit": "", "call": ""}
    ]
    assert store.history(pupil.id) == [3]
    old = store.history_dir / pupil.id / "3.json"
    assert old.read_bytes() == before


def test_a_newer_file_is_refused_with_a_clear_message_and_never_rewritten(store: Store) -> None:
    path = write_v1(store)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format_version"] = 3
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(PupilFileError) as caught:
        store.load(path.stem)
    assert "written by a newer PenPortrait" in str(caught.value.problems[0])
    assert path.read_bytes() == before


def test_the_structured_fields_round_trip() -> None:
    data = version_1_example()
    data["format_version"] = 2
    data["portrait"]["medical"] = [
        {"kind": "routine", "condition": "Hearing aids", "action": "Check they are on"}
    ]
    data["portrait"]["communication"] = "I use Makaton signs"
    data["portrait"]["upset_signs"] = "I go quiet; give me space"
    data["portrait"]["contacts"] = [{"name": "Miss P. Kaur", "role": "TA", "cover": True}]
    pupil = Pupil.model_validate(data)
    again = load_pupil_json(pupil.to_json())
    assert again == pupil and again.portrait.contacts[0].cover


def test_an_older_school_file_shows_the_new_sections_to_cover_staff(tmp_path: Path) -> None:
    (tmp_path / "school.json").write_text(
        json.dumps({"name": "A", "cover_sections": ["strategies", "medical"]}), encoding="utf-8"
    )
    settings, problems = load_school(tmp_path)
    assert problems == []
    for section in (Section.PRONOUNS, Section.NEED, Section.COMMUNICATION, Section.UPSET_SIGNS):
        assert settings.cover_shows(section)
    assert not settings.cover_shows(Section.ABOUT_ME)  # the school's own choice stands


def test_the_sample_school_has_a_full_class_with_alerts_that_say_what_to_do(
    tmp_path: Path,
) -> None:
    pupils = write_sample_school(tmp_path / "school")
    oak = [p for p in pupils if "4 Oak" in p.pupil.groups]
    assert len(oak) == 30
    alerts = [m for p in pupils for m in p.portrait.medical if m.is_alert]
    assert alerts and all(m.action and m.condition for m in alerts)
    assert any(not m.is_alert for p in pupils for m in p.portrait.medical)
    assert any(c.cover for p in oak for c in p.portrait.contacts)
    settings, _ = load_school(tmp_path / "school")
    assert settings.emergency_contacts


def test_the_need_line_says_each_thing_once() -> None:
    from penportrait.core.school import SchoolSettings
    from penportrait.core.views import Audience, page_view

    data = example()
    data["send"].update(
        status="ehcp",
        primary_need="ASD",
        summary="Autistic. EHC plan since 2024. Speech and language therapy once a half term.",
    )
    view = page_view(Pupil.model_validate(data), SchoolSettings(), Audience.STAFF)
    assert view.need == "Autism. EHC plan since 2024. Speech and language therapy once a half term."
    data["send"].update(
        status="ehcp", primary_need="SEMH", summary="Social, emotional and mental health needs."
    )
    view = page_view(Pupil.model_validate(data), SchoolSettings(), Audience.STAFF)
    assert view.need == "EHC plan. Social, emotional and mental health needs."


def test_the_plain_english_checker_reads_medical_notes_and_the_new_sections() -> None:
    from penportrait.core.plain_english import load_checker

    data = example()
    data["portrait"]["medical"] = [{"condition": "Asthma", "action": "Ask the SALT"}]
    data["portrait"]["communication"] = "I use PECS"
    checker, _ = load_checker(None)
    fields = {hint.field for hint in checker.check_pupil(Pupil.model_validate(data))}
    assert {"medical", "communication"} <= fields


@pytest.mark.parametrize("value", [None, 5, ["Asthma"]])
def test_a_medical_entry_that_is_not_a_note_is_described_in_plain_words(
    store: Store, value: object
) -> None:
    path = write_v1(store, **{"portrait.medical": ["Asthma", value]})
    with pytest.raises(PupilFileError) as caught:
        store.load(path.stem)
    message = str(caught.value)
    assert "portrait.medical.1" in message and "should be a medical note" in message
    assert "MedicalNote" not in message and "instance of" not in message
