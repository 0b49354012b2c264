"""The pupil file format v1: what loads, what is refused and how it is explained."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
from pydantic import ValidationError

from penportrait.core import model
from penportrait.core.model import NeedCode, Pupil, SendStatus, describe_errors
from tests.helpers import DESIGN_EXAMPLE, example

ROOT = Path(__file__).resolve().parents[2]


def errors_of(data: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        Pupil.model_validate_json(json.dumps(data))
    return describe_errors(caught.value)


def test_the_design_example_loads_and_writes_back_identically() -> None:
    text = json.dumps(DESIGN_EXAMPLE, indent=2, ensure_ascii=False) + "\n"
    pupil = Pupil.model_validate_json(text)
    assert pupil.pupil.preferred_name == "Mira"
    assert pupil.portrait.strategies[0].essential is True
    # Same keys, same order, same values: the file format is exactly DESIGN.md's.
    assert pupil.to_json() == text


def test_a_minimal_file_gets_every_section_with_defaults() -> None:
    pupil = Pupil.model_validate({"id": "p1", "pupil": {"first_name": "A", "last_name": "B"}})
    assert pupil.send.status == "none"
    assert pupil.portrait.strategies == []
    assert list(json.loads(pupil.to_json())) == list(DESIGN_EXAMPLE)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("pupil.date_of_birth", "2015-02-30", "2015-02-30 is not a real date"),
        ("review.next_review", "2026-13-01", "2026-13-01 is not a real date"),
        ("review.last_reviewed", "18/09/2026", "not a date in the form YYYY-MM-DD"),
        ("send.status", "statemented", "'none', 'monitoring', 'sen_support' or 'ehcp'"),
        ("send.primary_need", "DYSLEXIA", 'found "DYSLEXIA"'),
        ("revision", "3", "should be a valid integer"),
        ("pupil.photo_consent", "yes", "should be a valid boolean"),
        ("pupil.groups", "6H", "should be a list"),
        ("id", "../../etc/passwd", "letters, digits"),
        ("pupil.photo", "../secret.jpg", "a file name in photos/"),
        ("updated_at", "yesterday", "not an ISO date and time"),
    ],
)
def test_bad_values_name_the_field_and_the_reason(field: str, value: object, expected: str) -> None:
    found = errors_of(example(**{field: value}))
    assert [f for f, _ in found] == [field]
    assert expected in found[0][1]


def test_secondary_need_codes_are_checked_one_by_one() -> None:
    found = errors_of(example(**{"send.secondary_needs": ["ASD", "ADHD"]}))
    assert found[0][0] == "send.secondary_needs.1"


def test_missing_required_fields_are_named() -> None:
    data = example()
    del data["pupil"]["last_name"]
    del data["id"]
    assert dict(errors_of(data)) == {
        "id": "is required but missing",
        "pupil.last_name": "is required but missing",
    }


def test_unknown_keys_are_kept_everywhere_and_written_back() -> None:
    data = example()
    data["added_by_v2"] = {"nested": [1, 2]}
    data["pupil"]["house"] = "Kestrel"
    data["portrait"]["strategies"][0]["evidence"] = "EEF 2021"
    pupil = Pupil.model_validate_json(json.dumps(data))
    written = json.loads(pupil.to_json())
    assert written["added_by_v2"] == {"nested": [1, 2]}
    assert written["pupil"]["house"] == "Kestrel"
    assert written["portrait"]["strategies"][0]["evidence"] == "EEF 2021"


def test_the_literal_values_match_the_enums() -> None:
    assert set(typing.get_args(model.StatusValue)) == {s.value for s in SendStatus}
    assert set(typing.get_args(model.NeedCodeValue)) == {c.value for c in NeedCode}
    assert set(typing.get_args(model.NeedCodeOrEmpty)) == {"", *(c.value for c in NeedCode)}
    assert set(model.NEED_CODES) == set(NeedCode)


def test_the_committed_json_schema_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "pupil.schema.json").read_text(encoding="utf-8")
    assert committed == model.schema_json(), "docs/pupil.schema.json is stale: run `make schema`"
