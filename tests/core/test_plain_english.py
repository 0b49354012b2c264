"""The plain-English checker on sentences with known answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from penportrait.core.folder import WORDS_FILE
from penportrait.core.model import Pupil
from penportrait.core.plain_english import (
    Checker,
    Entry,
    built_in_entries,
    load_checker,
    term_pattern,
)
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
    assert {e.kind for e in entries} == {"acronym", "jargon", "vague", "stigmatising"}
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
    (tmp_path / WORDS_FILE).write_text(
        '{"entries": [{"term": "Nurture Nook", "kind": "jargon",'
        ' "plain": "the quiet room by the library"}]}',
        encoding="utf-8",
    )
    checker, problems = load_checker(tmp_path)
    assert problems == []
    assert [h.found for h in checker.check("Go to the Nurture Nook.")] == ["Nurture Nook"]
    (tmp_path / WORDS_FILE).write_text('{"entries": [{"term": 3}]}', encoding="utf-8")
    checker, problems = load_checker(tmp_path)
    assert problems and problems[0].file == WORDS_FILE
    assert checker.check("I see the SALT.")  # the built-in list still works


# -- issue 13: the terms a SENCO writes, and respect -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The term inside itself is no explanation: "ADHD" alone was never flagged.
        ("Has ADHD.", [("acronym", "ADHD")]),
        ("ADHD: see below.", [("acronym", "ADHD")]),
        ("Has attention deficit hyperactivity disorder (ADHD).", []),
        # One word of a longer explanation is not an explanation either.
        ("Her education matters: see the EHCP.", [("acronym", "EHCP")]),
        ("She has an education, health and care plan (EHCP).", []),
        ("Ask the SENCO or the SENCo.", [("acronym", "SENCO"), ("acronym", "SENCo")]),
        ("On the SEND register.", [("acronym", "SEND")]),
        ("Has an EHC plan.", [("acronym", "EHC")]),
        ("Has an education, health and care (EHC) plan.", []),
        ("Has a PDA profile.", [("acronym", "PDA")]),
        ("Has pathological demand avoidance (PDA).", []),
        ("Uses Makaton (simple signs used with speech).", []),
        ("Uses Makaton.", [("acronym", "Makaton")]),
        ("Has DLD and GDD.", [("acronym", "DLD"), ("acronym", "GDD")]),
        ("Has CP.", [("acronym", "CP")]),
        ("Has cerebral palsy (CP).", []),
        ("Has a TEACCH work station.", [("acronym", "TEACCH")]),
        ("Uses the Zones of Regulation.", [("jargon", "Zones of Regulation")]),
        ("Read my social story first.", [("jargon", "social story")]),
        ("Use Social Stories.", [("jargon", "Social Stories")]),
        ("Starts with sensory circuits.", [("jargon", "sensory circuits")]),
        ("Has EBSA.", [("acronym", "EBSA")]),
        ("Adults use PACE.", [("acronym", "PACE")]),
        ("See the IHCP and the PEEP.", [("acronym", "IHCP"), ("acronym", "PEEP")]),
        ("Signs in BSL.", [("acronym", "BSL")]),
        ("Check my CI is on.", [("acronym", "CI")]),
        # Ordinary words that contain or resemble the acronyms stay clean.
        ("Let me work at my own pace.", []),
        ("Sit in a CIRCLE after CPR training; PACEY the dog.", []),
        ("Please send the letter home.", []),
        ("She peeps out from behind the door.", []),
        ("Makes a cup of tea.", []),
    ],
)
def test_the_new_terms_and_their_false_friends(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.kind, h.found) for h in CHECKER.check(text)] == expected


@pytest.mark.parametrize(
    ("text", "found", "alternative"),
    [
        ("He is naughty in PE.", "naughty", "say what I did"),
        ("Can be badly behaved.", "badly behaved", "say what I did"),
        ("She is attention seeking.", "attention seeking", "needs to feel noticed"),
        ("Attention-seeking at lunch.", "Attention-seeking", "needs to feel noticed"),
        ("He is an attention seeker.", "attention seeker", "needs to feel noticed"),
        ("Seems lazy after lunch.", "lazy", "finds it hard to get started"),
        ("Suffers from epilepsy.", "Suffers from", "\u201chas\u201d"),
        ("Suffering from anxiety.", "Suffering from", "\u201chas\u201d"),
        ("I suffer from asthma.", "suffer from", "\u201chas\u201d"),
        ("She suffered from migraines.", "suffered from", "\u201chas\u201d"),
        ("Suffering with anxiety.", "Suffering with", "\u201chas\u201d"),
        ("He suffered with asthma.", "suffered with", "\u201chas\u201d"),
        ("Afflicted by eczema.", "Afflicted by", "\u201chas\u201d"),
        ("Is afflicted with a stammer.", "afflicted with", "\u201chas\u201d"),
        ("Is wheelchair-bound.", "wheelchair-bound", "uses a wheelchair"),
        ("Is wheelchair bound.", "wheelchair bound", "uses a wheelchair"),
        ("Is confined to a wheelchair.", "confined to a wheelchair", "uses a wheelchair"),
        ("In the low ability group.", "low ability", "what I can do"),
        ("In the low-ability group.", "low-ability", "what I can do"),
        ("In a lower ability set.", "lower ability", "what I can do"),
        ("High-functioning autism.", "High-functioning", "what I find easy"),
        ("Is high functioning.", "high functioning", "what I find easy"),
        ("Is low functioning.", "low functioning", "what I find easy"),
    ],
)
def test_stigmatising_words_get_a_respectful_alternative(
    text: str, found: str, alternative: str
) -> None:
    [hint] = CHECKER.check(text)
    assert (hint.kind, hint.found) == ("stigmatising", found)
    assert alternative in hint.advice
    assert hint.advice.startswith("stigmatising wording; instead, say")


def test_the_readme_counts_the_word_list_as_it_is() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    [count] = re.findall(r"The word list \((\d+) entries\)", readme)
    assert int(count) == len(built_in_entries())


def test_a_schools_stigmatising_word_without_an_alternative_still_reads(tmp_path: Path) -> None:
    (tmp_path / WORDS_FILE).write_text(
        '{"entries": [{"term": "problem child", "kind": "stigmatising"}]}', encoding="utf-8"
    )
    checker, problems = load_checker(tmp_path)
    assert problems == []
    [hint] = checker.check("Known as a problem child.")
    assert hint.advice == "stigmatising wording"


@pytest.mark.parametrize("spaces", ["  ", " " * 6, " - ", " -  - ", "\t \n "])
def test_a_term_typed_with_many_spaces_cannot_backtrack(spaces: str) -> None:
    """Consecutive [\\s-]+ groups once shared out a run of hyphens every possible way: a
    school term "on" + 6 spaces + "task" took 52 s on "on" + 60 hyphens, on the GUI thread.
    One quantifier per gap, between literal words, leaves nothing to share out."""
    pattern = term_pattern(f"on{spaces}task")
    assert pattern.pattern.count("[\\s-]") == 1
    checker = Checker([Entry(term=f"on{spaces}task", kind="jargon", plain="doing the work")])
    assert checker.check("on" + "-" * 60 + "tusk") == []
    assert [h.found for h in checker.check("Stays on - task.")] == ["on - task"]


@pytest.mark.parametrize("term", ["-", " ", "--", "...", " - "])
def test_a_term_without_a_word_is_refused_by_name(tmp_path: Path, term: str) -> None:
    """ "-" compiled to a pattern matching the empty string: a hint at every gap."""
    entries = [{"term": "Nurture Nook", "kind": "jargon", "plain": "the quiet room"}]
    entries.append({"term": term, "kind": "jargon", "plain": "x"})
    (tmp_path / WORDS_FILE).write_text(json.dumps({"entries": entries}), encoding="utf-8")
    checker, problems = load_checker(tmp_path)
    [problem] = problems
    assert (problem.file, problem.field) == (WORDS_FILE, "entries.1.term")
    assert "has no letters or digits" in problem.reason
    assert [h.kind for h in checker.check("Mo likes trains, maps and lego.")] == []
