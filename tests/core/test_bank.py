"""The built-in strategy bank and the school's own strategies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from penportrait.core.bank import (
    STRATEGY_TAGS,
    BankStrategy,
    add_school_strategy,
    load_bank,
    new_school_strategy,
    remove_school_strategy,
)
from penportrait.core.folder import BANK_FILE
from penportrait.core.model import NEED_CODES, NeedCode, Strategy
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
    assert 5 <= words < 20, strategy.text  # under 20 words: read in two minutes
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
    saved = json.loads((tmp_path / BANK_FILE).read_text(encoding="utf-8"))
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
    (tmp_path / BANK_FILE).write_text(
        '{"strategies": [{"id": "x y", "text": 1}]}', encoding="utf-8"
    )
    bank = load_bank(tmp_path)
    assert bank.problems and all(p.file == BANK_FILE for p in bank.problems)
    assert len(bank.strategies) == len(BANK.built_in)
    with pytest.raises(ValueError, match=r"strategies\.0\.id"):
        add_school_strategy(tmp_path, new_school_strategy("Anything at all here.", ["HI"]))
    assert (
        json.loads((tmp_path / BANK_FILE).read_text(encoding="utf-8"))["strategies"][0]["id"]
        == "x y"
    )


# -- issue 13: strategies fit for a stranger ------------------------------------------------


def built_in(strategy_id: str) -> BankStrategy:
    found = BANK.get(strategy_id)
    assert found is not None, strategy_id
    return found


def test_what_only_trained_staff_may_do_is_tagged_and_worded_so() -> None:
    for strategy_id in ("pmld-04", "pmld-08", "hi-14"):
        strategy = built_in(strategy_id)
        assert strategy.tags == ["trained_staff_only"] and not strategy.for_cover
        assert "trained staff" in strategy.text.casefold()
    assert "position" in built_in("pmld-04").text and "eat" in built_in("pmld-08").text


def test_the_unsafe_and_garbled_strategies_are_rewritten() -> None:
    medicine = built_in("oth-03").text
    assert "whenever" not in medicine and "healthcare plan" in medicine and "office" in medicine
    steps = built_in("mld-13").text
    assert "so show me" not in steps and steps.startswith("Remind me to write down every step")
    assert "touch" not in built_in("pmld-05").text  # a stranger's touch is not a teaching aid


def test_overlays_and_cream_paper_are_the_pupils_choice_not_a_dyslexia_strategy() -> None:
    for strategy in BANK.built_in:
        if any(w in strategy.text.casefold() for w in ("overlay", "cream paper", "coloured")):
            assert "SPLD" not in strategy.needs and strategy.area != "cognition_learning"
            assert strategy.text.startswith("If I have chosen"), strategy.text
    assert [s.id for s in BANK.search("overlay")] == ["spld-04"]
    assert [s.id for s in BANK.search("cream")] == ["spld-03"]
    assert not BANK.search("overlay", need="SPLD")


@pytest.mark.parametrize(
    ("words", "need"),
    [
        ("eye contact", "ASD"),
        ("my tics", "OTH"),  # Tourette's
        ("never make me speak", "SEMH"),  # selective mutism
        ("do speak fuss", "SLCN"),
        ("covering usual teacher", "SEMH"),  # attachment: a new adult is a change
        ("name my feelings", "SEMH"),  # trauma-informed
        ("leave the room phone the office", "SEMH"),
        ("hearing aids cochlear implant working", "HI"),
        ("hearing aid cochlear implant checks", "HI"),
    ],
)
def test_what_was_missing_is_in_the_bank(words: str, need: str) -> None:
    assert BANK.search(words, need=need), words


def test_leaving_the_room_is_worded_safely() -> None:
    [leaving] = BANK.search("leave the room office")
    text = leaving.text.casefold()
    # The cover teacher never leaves 29 pupils, and someone responsible is told at once.
    assert "do not chase me or leave the class" in text and "phone the office at once" in text
    assert leaving.for_cover


def test_every_tag_is_declared_once_with_a_label_and_a_reason() -> None:
    used = {t for s in BANK.built_in for t in s.tags}
    assert used == set(STRATEGY_TAGS) == {"needs_preparation", "trained_staff_only"}
    assert all(info.label and info.why for info in STRATEGY_TAGS.values())
    why = built_in("pmld-08").why_not_for_cover()
    assert why.startswith("Trained staff only: only adults trained")
    assert "does not list it as a MUST DO" in why
    assert built_in("asd-01").why_not_for_cover() == ""


def test_cover_must_do_leaves_out_tagged_strategies_by_id_or_by_words() -> None:
    care = built_in("pmld-08")
    strategies = [
        Strategy(text="Edited since, but still from the bank", essential=True, bank_id="pmld-08"),
        Strategy(text=care.text.upper().rstrip("."), essential=True),  # typed, no bank id
        Strategy(text="Give me a choice of two tasks.", essential=True),  # the pupil's own
        Strategy(text=built_in("asd-01").text, essential=True, bank_id="asd-01"),
        Strategy(text=built_in("pmld-04").text, essential=False, bank_id="pmld-04"),
        Strategy(text="A strategy whose bank id is gone.", essential=True, bank_id="old-99"),
    ]
    kept = BANK.cover_must_do(strategies)
    assert [s.text for s in kept] == [
        "Give me a choice of two tasks.",
        built_in("asd-01").text,
        "A strategy whose bank id is gone.",
    ]
    assert BANK.not_for_cover(strategies[0]).startswith("Trained staff only")
    assert BANK.not_for_cover(strategies[1]).startswith("Trained staff only")
    assert BANK.not_for_cover(strategies[2]) == ""


def test_the_schools_own_strategies_carry_tags_through_the_shared_file(tmp_path: Path) -> None:
    ours = new_school_strategy(
        "Use my sensory circuit cards before maths.", ["ASD"], tags=["needs_preparation", "x"]
    )
    assert ours.tags == ["needs_preparation"]  # unknown tags are not invented
    add_school_strategy(tmp_path, ours)
    saved = json.loads((tmp_path / BANK_FILE).read_text(encoding="utf-8"))
    assert saved["strategies"][0]["tags"] == ["needs_preparation"]
    twice = ours.model_copy(update={"tags": ["trained_staff_only", "trained_staff_only"]})
    assert twice.why_not_for_cover().count("Trained staff only") == 1
    bank = load_bank(tmp_path)
    mine = Strategy(text=ours.text, essential=True, bank_id=ours.id)
    assert bank.cover_must_do([mine]) == []
    assert bank.not_for_cover(mine).startswith("Needs preparation: it needs something")
    # A school may untag its edited copy of a built-in strategy: its word wins.
    untagged = built_in("sld-02").model_copy(update={"tags": []})
    bank = add_school_strategy(tmp_path, untagged)
    sign = Strategy(text=untagged.text, essential=True, bank_id="sld-02")
    assert bank.cover_must_do([sign]) == [sign]


def test_a_tag_the_app_does_not_know_is_a_problem_named_in_the_file(tmp_path: Path) -> None:
    (tmp_path / BANK_FILE).write_text(
        json.dumps(
            {
                "strategies": [
                    {
                        "id": "school-abc",
                        "text": "Give me my own copy.",
                        "area": "other",
                        "needs": ["OTH"],
                        "contexts": ["lessons"],
                        "tags": ["first aid"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    bank = load_bank(tmp_path)
    assert bank.problems and "tags" in bank.problems[0].field
    assert bank.school == [] and len(bank.strategies) == len(BANK.built_in)


def test_the_readme_counts_the_bank_as_it_is() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    [count] = re.findall(r"a bank of (\d+) strategies", readme)
    assert int(count) == len(BANK.built_in)


# -- a bank that cannot be read, or a strategy reworded, must not fail open -----------------

MIDAZOLAM = "Give my buccal midazolam if a seizure lasts 5 minutes."


def _school_file(tmp_path: Path, *extra: object) -> None:
    ours = {
        "id": "school-midaz",
        "text": MIDAZOLAM,
        "area": "sensory_physical",
        "needs": ["PD"],
        "contexts": ["lessons"],
        "tags": ["trained_staff_only"],
    }
    document = {"format": "penportrait.strategies", "format_version": 1}
    (tmp_path / BANK_FILE).write_text(
        json.dumps({**document, "strategies": [ours, *extra]}), encoding="utf-8"
    )


def test_one_unreadable_entry_does_not_switch_off_the_schools_other_tags(tmp_path: Path) -> None:
    """One entry with a tag from a newer version emptied the school's list, so its "trained
    staff only" midazolam strategy became a cover MUST DO. The entries that read still count;
    the one that does not is treated as trained staff only, saying why."""
    newer = {
        "id": "school-two",
        "text": "Sit me near the door",
        "area": "other",
        "tags": ["needs_two_adults"],
    }
    _school_file(tmp_path, newer)
    bank = load_bank(tmp_path)
    assert "strategies.1.tags.0" in [p.field for p in bank.problems]
    midazolam = Strategy(text=MIDAZOLAM, essential=True, bank_id="school-midaz")
    door = Strategy(text="Sit me near the door.", essential=True)  # typed, no id
    own = Strategy(text="Give me a choice of two tasks.", essential=True)
    assert bank.cover_must_do([midazolam, door, own]) == [own]
    assert bank.leave_to_trained_staff([midazolam, door, own]) == [midazolam, door]
    why = bank.not_for_cover(door)
    assert why.startswith("Trained staff only") and "strategies.json could not be read" in why


@pytest.mark.parametrize(
    "damage",
    [
        '{"format": "penportrait.strategies", "format_version": 2, "strategies": []}',
        '{"strategies": [',
        '{"strategies": ["a bare string"]}',
        "\x00\x01",
    ],
)
def test_a_school_file_that_cannot_be_read_at_all_puts_its_strategies_in_doubt(
    tmp_path: Path, damage: str
) -> None:
    _school_file(tmp_path)
    (tmp_path / BANK_FILE).write_text(damage, encoding="utf-8")
    bank = load_bank(tmp_path)
    assert bank.problems and bank.problems[0].file == BANK_FILE
    ours = Strategy(text=MIDAZOLAM, essential=True, bank_id="school-midaz")
    moving = Strategy(text=built_in("pmld-04").text, essential=True, bank_id="pmld-04")
    plain = Strategy(text=built_in("asd-01").text, essential=True, bank_id="asd-01")
    assert bank.cover_must_do([ours, moving, plain]) == [plain]
    assert bank.leave_to_trained_staff([ours, moving, plain]) == [ours, moving]
    assert "strategies.json could not be read" in bank.not_for_cover(ours)


def test_the_words_count_as_well_as_the_bank_id_it_came_from() -> None:
    """An edited strategy keeps the id it came from: an untagged strategy re-worded into a
    tagged one's words stayed a cover MUST DO, and a tagged one with a word added was not
    recognised at all."""
    moving = built_in("pmld-04").text
    assert moving.startswith("Only trained staff may move me")
    reworded = Strategy(text=moving, essential=True, bank_id="asd-01")
    word_added = Strategy(text=moving.replace("move me", "move me gently"), essential=True)
    spacing = Strategy(text="  " + moving.upper().replace(":", " - ").rstrip("."), essential=True)
    own = Strategy(text="Give me a choice of two tasks.", essential=True, bank_id="asd-01")
    assert BANK.cover_must_do([reworded, word_added, spacing, own]) == [own]
    for strategy in (reworded, word_added, spacing):
        assert BANK.not_for_cover(strategy).startswith("Trained staff only")
    # A tagged strategy edited into other words still carries its id's tag: the safe side.
    edited = Strategy(text="Help me sit comfortably.", essential=True, bank_id="pmld-04")
    assert BANK.cover_must_do([edited]) == []


def test_no_untagged_bank_strategy_is_near_enough_to_a_tagged_one_to_be_tagged() -> None:
    """NEAR is above every pair of different strategies in the bank, so near matching never
    takes a cover-safe bank strategy off the overview."""
    for strategy in BANK.built_in:
        if not strategy.tags:
            assert BANK.not_for_cover(Strategy(text=strategy.text, essential=True)) == "", (
                strategy.id
            )
