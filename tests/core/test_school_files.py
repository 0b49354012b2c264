"""School-wide files: checked like pupils, never written over when unreadable, saved with a
revision check, a lock and history, so laptops cannot silently overwrite each other."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from penportrait.core import school_files
from penportrait.core.bank import (
    add_school_strategy,
    load_bank,
    new_school_strategy,
    save_school_strategies,
)
from penportrait.core.folder import BANK_FILE
from penportrait.core.plain_english import Entry, load_school_words, save_school_words
from penportrait.core.school import load_school, save_school

TEN = [new_school_strategy(f"Strategy number {n} for the class.", ["ASD"]) for n in range(10)]


def test_a_bank_with_one_bad_value_is_never_written_over(tmp_path: Path) -> None:
    save_school_strategies(tmp_path, TEN, 0)
    path = tmp_path / BANK_FILE
    document = json.loads(path.read_text(encoding="utf-8"))
    document["strategies"][3]["area"] = "nonsense"
    bad = json.dumps(document).encode()
    path.write_bytes(bad)
    bank = load_bank(tmp_path)
    assert [p.field for p in bank.problems] == ["strategies.3.area"]
    with pytest.raises(school_files.SchoolFileError, match=r"strategies\.3\.area"):
        save_school_strategies(tmp_path, [], bank.revision)
    with pytest.raises(school_files.SchoolFileError):
        add_school_strategy(tmp_path, new_school_strategy("Another one here.", ["HI"]))
    assert path.read_bytes() == bad


def test_two_laptops_saving_the_bank_from_the_same_revision_conflict(tmp_path: Path) -> None:
    save_school_strategies(tmp_path, TEN[:2], 0)
    laptop_a, laptop_b = load_bank(tmp_path), load_bank(tmp_path)
    assert laptop_a.revision == laptop_b.revision == 1
    save_school_strategies(tmp_path, [*laptop_a.school, TEN[2]], laptop_a.revision)
    with pytest.raises(school_files.SchoolFileConflict, match="another computer"):
        save_school_strategies(tmp_path, [*laptop_b.school, TEN[3]], laptop_b.revision)
    bank = load_bank(tmp_path)
    assert [s.id for s in bank.school] == [s.id for s in TEN[:3]]
    assert bank.revision == 2
    # The version replaced is in history.
    kept = tmp_path / "history" / "strategies" / "1.json"
    assert len(json.loads(kept.read_text(encoding="utf-8"))["strategies"]) == 2


def test_school_settings_and_word_list_are_revision_checked_too(tmp_path: Path) -> None:
    settings, _ = load_school(tmp_path)
    save_school(tmp_path, settings.model_copy(update={"name": "Ashbrook"}))
    with pytest.raises(school_files.SchoolFileConflict):
        save_school(tmp_path, settings.model_copy(update={"name": "Other"}))
    assert load_school(tmp_path)[0].name == "Ashbrook"
    entry = Entry(term="EP", kind="acronym", plain="educational psychologist")
    assert save_school_words(tmp_path, [entry], 0) == 1
    with pytest.raises(school_files.SchoolFileConflict):
        save_school_words(tmp_path, [], 0)
    assert load_school_words(tmp_path) == ([entry], 1)


def test_check_names_every_damaged_school_wide_file(tmp_path: Path) -> None:
    (tmp_path / "strategies.json").write_text('{"strategies": [{"id": 5}]}', encoding="utf-8")
    (tmp_path / "plain_english.json").write_bytes(b"\xff\xfe not text")
    (tmp_path / "school.json").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    problems = school_files.check(tmp_path)
    assert {p.file for p in problems} == {"strategies.json", "plain_english.json", "school.json"}


def test_concurrent_additions_to_the_bank_from_many_laptops_are_all_kept(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from penportrait.core.bank import add_school_strategy, new_school_strategy
        root, who = Path(sys.argv[1]), sys.argv[2]
        for n in range(25):
            add_school_strategy(root, new_school_strategy(f"From {who}, number {n}.", ["HI"]))
        """
    )
    laptops = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path), f"laptop {n}"])
        for n in range(8)
    ]
    # wait() without a timeout: with one, Python polls with time.sleep, which faketime breaks.
    assert [p.wait() for p in laptops] == [0] * 8
    bank = load_bank(tmp_path)
    assert bank.problems == []
    assert len(bank.school) == 8 * 25
    assert bank.revision == 8 * 25
