"""The built-in strategy bank and the school's own strategies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from penportrait.core.bank import (
    SCHOOL_FILE,
    add_school_strategy,
    load_bank,
    new_school_strategy,
    remove_school_strategy,
)
from penportrait.core.model import NEED_CODES, NeedCode
from penportrait.core.plain_english import load_checker

BANK = load_bank(None)


def test_the_bank_has_at_least_150_strategies_covering_every_need() -> None:
    assert len(BANK.built_in) >= 150
    covered = {need for s in BANK.built_in for need in s.needs}
    assert covered == {code.value for code in NeedCode}
    assert {s.area for s in BANK.built_in} >= {
        "communication_interaction",
        "cognition_learning",
        "semh",
        "sensory_physical",
    }
    assert {c for s in BANK.built_in for c in s.contexts} == {
        "lessons",
        "unstructured",
        "transitions",
        "tests",
    }


@pytest.mark.parametrize("strategy", BANK.built_in, ids=[s.id for s in BANK.built_in])
def test_each_strategy_is_short_plain_and_consistent(strategy: object) -> None:
    from penportrait.core.bank import BankStrategy

    assert isinstance(strategy, BankStrategy)
    words = len(strategy.text.split())
    assert 5 <= words <= 22, strategy.text
    assert strategy.text[0].isupper() and strategy.text.rstrip('"').endswith((".", "?")), (
        strategy.text
    )
    assert strategy.needs and strategy.contexts
    assert strategy.area == NEED_CODES[NeedCode(strategy.needs[0])][1].value
    checker, _ = load_checker(None)
    assert checker.check(strategy.text) == [], strategy.text


def test_no_duplicates() -> None:
    ids = [s.id for s in BANK.built_in]
    texts = [s.text.casefold() for s in BANK.built_in]
    assert len(ids) == len(set(ids)) and len(texts) == len(set(texts))


def test_search_filters_and_puts_strategies_that_suit_the_pupil_first() -> None:
    found = BANK.search("board")
    assert found and all("board" in s.text.casefold() for s in found)
    hearing = BANK.search(need="HI")
    assert hearing and all("HI" in s.needs for s in hearing)
    assert all(s.area == "semh" for s in BANK.search(area="semh"))
    ranked = BANK.search("", pupil_needs=["VI"])
    suited = [s.suits(["VI"]) for s in ranked]
    assert suited == sorted(suited, reverse=True) and suited[0]


def test_the_schools_strategies_are_shared_through_the_data_folder(tmp_path: Path) -> None:
    ours = new_school_strategy("Let me use the sensory room after PE.", ["ASD", "PD"])
    assert ours.id.startswith("school-") and ours.area == "communication_interaction"
    add_school_strategy(tmp_path, ours)
    saved = json.loads((tmp_path / SCHOOL_FILE).read_text(encoding="utf-8"))
    assert saved["strategies"][0]["text"] == "Let me use the sensory room after PE."
    # A second laptop reads the same folder.
    other = load_bank(tmp_path)
    assert other.get(ours.id) == ours
    assert other.search("sensory room")[0].id == ours.id
    # An edited copy of a built-in strategy replaces it for this school.
    built_in = BANK.built_in[0]
    edited = built_in.model_copy(update={"text": built_in.text + " Thank you."})
    bank = add_school_strategy(tmp_path, edited)
    assert bank.get(built_in.id) == edited and bank.is_school(edited)
    assert len(bank.strategies) == len(BANK.built_in) + 1
    bank = remove_school_strategy(tmp_path, ours.id)
    assert bank.get(ours.id) is None


def test_a_damaged_school_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / SCHOOL_FILE).write_text(
        '{"strategies": [{"id": "x y", "text": 1}]}', encoding="utf-8"
    )
    bank = load_bank(tmp_path)
    assert bank.problems and all(p.file == SCHOOL_FILE for p in bank.problems)
    assert len(bank.strategies) == len(BANK.built_in)
    with pytest.raises(ValueError, match=r"strategies\.0\.id"):
        add_school_strategy(tmp_path, new_school_strategy("Anything at all here.", ["HI"]))
    assert (
        json.loads((tmp_path / SCHOOL_FILE).read_text(encoding="utf-8"))["strategies"][0]["id"]
        == "x y"
    )
