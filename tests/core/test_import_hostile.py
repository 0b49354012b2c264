"""Hostile and awkward CSVs: mixed encodings, formulas, UPNs, dates, devices, re-runs, and
rows that might be a pupil whose file cannot be read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from penportrait.core.demo import make_upn
from penportrait.core.importers.csv import (
    ImportFileError,
    Outcome,
    parse_upn,
    plan_import,
    read_table,
    run_import,
    unreadable_pupils,
    upn_check_letter,
)
from penportrait.core.store import Store

HEADER = "UPN,Legal Forename,Legal Surname,DOB,Reg Group\n"


def csv_file(tmp_path: Path, data: bytes, name: str = "mis.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_file_mixing_utf8_and_windows_1252_rows_is_refused(tmp_path: Path) -> None:
    data = (
        HEADER.encode()
        + ",Zoë,Brontë,01/02/2016,5B\n".encode()
        + ",Chloé,Dupré,01/03/2016,5B\n".encode("cp1252")
    )
    with pytest.raises(ImportFileError, match=r"mixes two text encodings: row 2 .* row 3"):
        read_table(csv_file(tmp_path, data))
    # Either encoding alone is fine, and reads right.
    for encoding in ("utf-8", "cp1252"):
        table = read_table(
            csv_file(tmp_path, (HEADER + ",Zoë,Brontë,01/02/2016,5B\n").encode(encoding))
        )
        assert table.rows[0][1][1:3] == ("Zoë", "Brontë")


@pytest.mark.parametrize("cell", ["-2+3+cmd|' /C calc'!A0", "=1+1", "+SUM(A1)", "@x", "-cmd"])
def test_any_cell_a_spreadsheet_would_run_is_refused(tmp_path: Path, cell: str) -> None:
    table = read_table(csv_file(tmp_path, (HEADER + f",{cell},Smith,01/02/2016,5B\n").encode()))
    [row] = plan_import(table, []).rows
    assert row.outcome is Outcome.REJECTED and "formula" in row.reason


def test_upns_are_checked_with_the_dfe_check_letter(tmp_path: Path) -> None:
    good = make_upn(7)
    assert parse_upn(good) == good
    body = good[1:12] + "A"  # a temporary UPN ends in a letter
    temporary = upn_check_letter(body) + body
    assert parse_upn(temporary) == temporary
    wrong = ("B" if good[0] != "B" else "C") + good[1:]
    rows = [f"{good},Ann,Lee,01/02/2016,5B", f"{wrong},Bob,Lee,01/02/2016,5B",
            f"{temporary},Cat,Lee,01/02/2016,5B", "I12345678901,Dan,Lee,01/02/2016,5B"]  # fmt: skip
    table = read_table(csv_file(tmp_path, (HEADER + "\n".join(rows) + "\n").encode()))
    outcomes = [(r.outcome, r.reason) for r in plan_import(table, []).rows]
    assert outcomes[0][0] is Outcome.NEW and outcomes[2][0] is Outcome.NEW
    assert outcomes[1][0] is Outcome.REJECTED and "wrong check letter" in outcomes[1][1]
    assert outcomes[3][0] is Outcome.REJECTED and "is not a UPN" in outcomes[3][1]


def test_a_date_of_birth_in_the_future_or_before_1990_is_refused(tmp_path: Path) -> None:
    rows = [",Ann,Lee,01/02/2030,5B", ",Bob,Lee,01/02/1989,5B", ",Cat,Lee,01/02/2016,5B"]
    table = read_table(csv_file(tmp_path, (HEADER + "\n".join(rows) + "\n").encode()))
    plans = plan_import(table, []).rows
    assert "in the future" in plans[0].reason and "before 1990" in plans[1].reason
    assert plans[2].outcome is Outcome.NEW


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX devices and FIFOs")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "fifo"])
def test_devices_and_fifos_are_refused_without_reading_them(tmp_path: Path, device: str) -> None:
    path = Path(device)
    if device == "fifo":
        path = tmp_path / "export.csv"
        os.mkfifo(path)
    with pytest.raises(ImportFileError, match="is not a file"):
        read_table(path)


def test_rerunning_an_import_does_not_duplicate_rows_without_upn_or_birth_date(
    store: Store, tmp_path: Path
) -> None:
    export = csv_file(tmp_path, b"Legal Forename,Legal Surname,Reg Group\nAnn,Lee,5B\nBob,Ray,5B\n")
    run_import(plan_import(read_table(export), []), store)
    again = plan_import(read_table(export), store.scan().pupils)
    assert [r.outcome for r in again.rows] == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    other_group = csv_file(tmp_path, b"Legal Forename,Legal Surname,Reg Group\nAnn,Lee,6C\n")
    [row] = plan_import(read_table(other_group), store.scan().pupils).rows
    assert row.outcome is Outcome.REJECTED and "add a UPN or date of birth" in row.reason
    twice = csv_file(tmp_path, b"Legal Forename,Legal Surname\nNed,Cox\nNed,Cox\n")
    plans = plan_import(read_table(twice), []).rows
    assert [p.outcome for p in plans] == [Outcome.NEW, Outcome.REJECTED]


def test_a_row_that_might_be_an_unreadable_pupil_is_rejected(store: Store, tmp_path: Path) -> None:
    upn = make_upn(3)
    newer = store.save(store.new_pupil("Ann", "Lee", upn=upn))
    document = json.loads(store.pupil_path(newer.id).read_text(encoding="utf-8"))
    document["format_version"] = 99  # written by a newer PenPortrait
    store.pupil_path(newer.id).write_text(json.dumps(document), encoding="utf-8")
    scan = store.scan()
    assert scan.pupils == []
    unreadable = unreadable_pupils(store, scan.problems)
    export = csv_file(
        tmp_path, (HEADER + f"{upn},Ann,Lee,01/02/2016,5B\n,Cat,Fox,01/02/2016,5B\n").encode()
    )
    rows = plan_import(read_table(export), scan.pupils, unreadable=unreadable).rows
    assert rows[0].outcome is Outcome.REJECTED
    assert f"pupils/{newer.id}.json, which cannot be read" in rows[0].reason
    assert rows[1].outcome is Outcome.NEW
    # A file nothing can be read from might be anyone: no row is added while it is there.
    store.pupil_path(newer.id).write_bytes(b"\x00garbage")
    unreadable = unreadable_pupils(store, store.scan().problems)
    rows = plan_import(read_table(export), [], unreadable=unreadable).rows
    assert [r.outcome for r in rows] == [Outcome.REJECTED, Outcome.REJECTED]
