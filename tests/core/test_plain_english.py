"""The plain-English checker on sentences with known answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from penportrait.core.model import Pupil
from penportrait.core.plain_english import SCHOOL_FILE, built_in_entries, load_checker
from tests.helpers import example

CHECKER, _ = load_checker(None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sees the SALT weekly.", [("acronym", "SALT")]),
        ("Has ASC and SpLD.", [("acronym", "ASC"), ("acronym", "SpLD")]),
        ("Works with the ELSA on Tuesdays.", [("acronym", "ELSA")]),
        ("Needs a low-arousal environment.", [("jargon", "low-arousal environment")]),
        ("Gets dysregulated after lunch.", [("jargon", "dysregulated")]),
        ("Needs encouragement.", [("vague", "Needs encouragement")]),
        ("Group work can be challenging.", [("vague", "can be challenging")]),
        ("Sees the speech and language therapist (SALT) weekly.", []),
        ("Put salt on the chips.", []),
        ("Give me a calm, quiet space.", []),
        ("The ASDA trip went well.", []),
        ("Tell me about changes early.", []),
        (" ".join(["word"] * 26) + ".", [("long sentence", "word word word word …")]),
        (" ".join(["word"] * 25) + ".", []),
    ],
)
def test_known_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.kind, h.found) for h in CHECKER.check(text)] == expected


def test_hints_say_what_to_write_instead() -> None:
    [hint] = CHECKER.check("Needs a low-arousal environment.")
    assert "a calm, quiet space" in hint.advice
    assert "Needs a ".__len__() == hint.start


def test_the_word_list_has_at_least_60_entries_each_with_an_alternative_or_a_reason() -> None:
    entries = built_in_entries()
    assert len(entries) >= 60
    assert all(e.plain or e.reason for e in entries)
    assert {e.kind for e in entries} == {"acronym", "jargon", "vague"}
    assert len({e.term for e in entries}) == len(entries)


def test_a_whole_portrait_is_checked_by_section() -> None:
    data = example(**{"portrait.about_me": "I see the SALT.", "send.summary": "Needs support."})
    data["portrait"]["strategies"] = [{"text": "Use a sensory diet.", "essential": True}]
    found = CHECKER.check_pupil(Pupil.model_validate(data))
    assert [(f.label, f.hint.found) for f in found] == [
        ("Needs in a sentence", "Needs support"),
        ("About me", "SALT"),
        ("How to help me", "sensory diet"),
    ]


def test_the_school_adds_its_own_words(tmp_path: Path) -> None:
    (tmp_path / SCHOOL_FILE).write_text(
        '{"entries": [{"term": "Nurture Nook", "kind": "jargon",'
        ' "plain": "the quiet room by the library"}]}',
        encoding="utf-8",
    )
    checker, problems = load_checker(tmp_path)
    assert problems == []
    assert [h.found for h in checker.check("Go to the Nurture Nook.")] == ["Nurture Nook"]
    (tmp_path / SCHOOL_FILE).write_text('{"entries": [{"term": 3}]}', encoding="utf-8")
    checker, problems = load_checker(tmp_path)
    assert problems and problems[0].file == SCHOOL_FILE
    assert checker.check("I see the SALT.")  # the built-in list still works
