"""Comparing two versions of a pupil in plain words (the conflict dialog shows this)."""

from __future__ import annotations

from penportrait.core.compare import differences, fields
from penportrait.core.model import Pupil
from tests.helpers import example


def pupil(**changes: object) -> Pupil:
    return Pupil.model_validate(example(**changes))


def test_the_same_content_has_no_differences_whatever_the_revision() -> None:
    assert differences(pupil(), pupil(revision=9, updated_by="someone else")) == []


def test_text_fields_show_theirs_and_mine_with_the_editors_label() -> None:
    [difference] = differences(
        pupil(**{"portrait.about_me": "Mine"}), pupil(**{"portrait.about_me": "Theirs"})
    )
    assert (difference.label, difference.theirs, difference.mine) == ("About me", "Theirs", "Mine")


def test_lists_say_which_items_are_only_in_one_version() -> None:
    mine = pupil(**{"portrait.avoid": ["Shouting", "Sudden changes"]})
    theirs = pupil(**{"portrait.avoid": ["Shouting", "Loud reminders"]})
    [difference] = differences(mine, theirs)
    assert difference.label == "Please avoid"
    assert difference.only_theirs == ("Loud reminders",) and difference.only_mine == (
        "Sudden changes",
    )


def test_strategies_and_contacts_read_as_a_person_wrote_them() -> None:
    mine = pupil()
    theirs_data = example()
    theirs_data["portrait"]["strategies"][0]["essential"] = False
    theirs_data["portrait"]["contacts"] = [{"name": "Mr T. Walsh", "role": "Class teacher"}]
    found = {d.label: d for d in differences(mine, Pupil.model_validate(theirs_data))}
    assert found["How to help me"].only_mine == ("MUST DO: Give instructions one step at a time",)
    assert found["Key adults"].only_theirs == ("Mr T. Walsh (Class teacher)",)


def test_a_deleted_pupil_has_nothing_to_compare() -> None:
    assert differences(pupil(), None) == []


def test_every_editable_field_is_compared() -> None:
    compared = {path for path, _ in fields()}
    data = example()
    editable = {
        f"{section}.{key}"
        for section in ("pupil", "send", "portrait", "review")
        for key in data[section]
    }
    assert editable <= compared
