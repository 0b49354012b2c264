"""Undo import: kept in the data folder, and it touches only pupils unchanged since."""

from __future__ import annotations

from pathlib import Path

import pytest

from penportrait.core.importers.csv import plan_import, read_table, run_import
from penportrait.core.importers.record import last_import, undo
from penportrait.core.store import Store
from tests.cli.test_cli import run
from tests.core.test_import_csv import SIMS, write


def imported(store: Store, tmp_path: Path) -> None:
    store.save(store.new_pupil("Amira", "Hussain", date_of_birth="2015-03-14", year_group="Year 5"))
    plan = plan_import(read_table(write(tmp_path, SIMS, "utf-8-sig")), store.scan().pupils)
    result = run_import(plan, store, by="MIS import", source="export.csv")
    assert len(result.touched) == 3


def by_name(store: Store) -> dict[str, object]:
    return {p.display_name: p for p in store.scan().pupils}


def test_undo_after_a_restart_leaves_pupils_edited_since_and_names_them(
    store: Store, tmp_path: Path
) -> None:
    imported(store, tmp_path)
    # Later, someone else edits Mira (updated by the import) and writes Zofia's portrait
    # (added by the import). Then the app is restarted: a new Store, nothing in memory.
    pupils = {p.pupil.first_name: p for p in store.scan().pupils}
    for first in ("Amira", "Zofia"):
        pupil = pupils[first]
        store.save(
            pupil.model_copy(
                update={"portrait": pupil.portrait.model_copy(update={"about_me": "Written."})}
            ),
            by="K. Okafor",
        )
    later = Store(store.root)
    record = last_import(later)
    assert record is not None and record.source == "export.csv" and len(record.touched) == 3
    report = undo(record, later, by="SENCO")
    assert report.undone == ["Ollie Bennett"]  # added by the import, unchanged since: trashed
    assert len(report.left) == 2
    assert all("changed since the import by K. Okafor" in line for line in report.left)
    after = {p.pupil.first_name: p for p in later.scan().pupils}
    assert set(after) == {"Amira", "Zofia"}
    assert after["Amira"].portrait.about_me == "Written." == after["Zofia"].portrait.about_me
    assert after["Amira"].pupil.year_group == "Year 6"  # the import's change, kept with the edit
    assert last_import(later) is None  # done once


def test_undo_puts_back_pupils_nobody_changed(store: Store, tmp_path: Path) -> None:
    imported(store, tmp_path)
    record = last_import(store)
    assert record is not None
    report = undo(record, store)
    assert report.left == []
    assert [p.pupil.year_group for p in store.scan().pupils] == ["Year 5"]


def test_undo_import_from_the_command_line(
    capsys: pytest.CaptureFixture[str], store: Store, tmp_path: Path
) -> None:
    imported(store, tmp_path)
    code, out, err = run(capsys, "undo-import", "--data", str(store.root))
    assert code == 0, err
    assert "3 pupils put back, 0 left as they are" in out
    code, out, err = run(capsys, "undo-import", "--data", str(store.root))
    assert code == 1 and "no import to undo" in err
