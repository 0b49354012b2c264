"""The section registry (core/sections.py) is whole, and the pupil model agrees with it."""

from __future__ import annotations

import re

from penportrait.core import sections
from penportrait.core.model import SECTION_FIELD_TYPES, Portrait
from penportrait.core.sections import Column, Kind, Section
from penportrait.render import palette


def test_every_name_the_code_uses_is_a_section_and_keys_are_unique() -> None:
    keys = sections.section_keys()
    assert len(keys) == len(set(keys))
    assert set(Section) <= set(keys)
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", key) for key in keys)


def test_the_model_declares_a_field_of_the_right_type_for_every_portrait_section() -> None:
    portrait = {s.key: s for s in sections.portrait_sections()}
    assert set(Portrait.model_fields) == set(portrait)
    for key, entry in portrait.items():
        annotation = Portrait.model_fields[key].annotation
        assert annotation == SECTION_FIELD_TYPES[entry.kind], key
        assert Portrait().model_dump()[key] in ("", [])  # empty unless written


def test_facts_are_not_portrait_fields_and_boxes_have_a_place_and_a_colour() -> None:
    for entry in sections.every_section():
        if entry.kind is Kind.FACT:
            assert entry.key not in Portrait.model_fields and entry.column is None
        if entry.column is not None:
            assert entry.kind in (Kind.TEXT, Kind.LIST, Kind.STRATEGIES), entry.key
            assert entry.colour in palette.ROLES, entry.key
    for column in Column:
        places = [entry.place for entry in sections.in_column(column)]
        assert len(places) == len(set(places)), column


def test_the_page_keeps_its_layout() -> None:
    """The built-in sections stay where they were (a section added later may go anywhere)."""

    def column(which: Column) -> list[str]:
        return [entry.key for entry in sections.in_column(which) if entry.key in set(Section)]

    assert column(Column.LEFT) == ["about_me", "like_admire", "important_to_me", "strengths"]
    assert column(Column.RIGHT) == [
        "strategies",
        "avoid",
        "communication",
        "upset_signs",
        "difficulties",
        "targets",
        "access_arrangements",
    ]
    assert column(Column.FLOATING) == ["pupil_voice", "family_voice"]
    built_in = [s for s in sections.every_section() if s.key in set(Section)]
    assert [s.key for s in built_in] == list(Section)  # the order they are written
    assert [s.key for s in built_in if s.always_on_cover] == ["medical"]
    assert [s.key for s in built_in if s.quoted] == ["pupil_voice", "family_voice"]
    assert [s.key for s in built_in if s.crossed] == ["avoid"]
