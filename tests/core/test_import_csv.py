"""Importing pupils from MIS exports: styles, encodings, matching, rejections, hostile files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from penportrait.core.importers.csv import (
    ImportFileError,
    Outcome,
    Target,
    detect_mapping,
    parse_date,
    parse_year,
    plan_import,
    read_table,
    run_import,
    undo_import,
)
from penportrait.core.model import Pupil
from penportrait.core.store import Store
from tests.helpers import example

SIMS = (
    "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg Group,SEN Status,"
    "SEN Need Type\r\n"
    "A123456789012,Hussain,Amira,Mira,14/03/2015,6,6H,K,SPLD\r\n"
    "P123456789013,Bennett,Oliver,Ollie,02/09/2016,5,5B,E,ASD\r\n"
    "D123456789014,Kowalska,Zofia,,21/11/2016,5,5B,N,\r\n"
)
ARBOR = (
    "Forename,Surname,Date of Birth,UPN,Year Group,Form,SEN Status,Primary Need\n"
    "Amira,Hussain,2015-03-14,A123456789012,Year 6,6H,SEN Support,Specific Learning Difficulty\n"
    "Ffion,Davies,2016-05-30,T123456789015,Year 5,5B,Education, Health and Care Plan,"
    "Hearing Impairment\n"
).replace("Education, Health and Care Plan", '"Education, Health and Care Plan"')
BROMCOM = (
    "Forename;Surname;DOB;UPN;NC Year;Class;SEN Status;SEN Need Type\n"
    "Siân;Evans;01.02.2016;G123456789016;Y5;5B;K;Social, Emotional and Mental Health\n"
)
SCHOLARPACK = (
    "Chosen name\tLegal Forename\tSurname\tDate of Birth\tUPN\tNC Year\tReg Group\tSEN Status\n"
    "Zoë\tZoe\tMartin\t07/07/2019\tW123456789017\tR\tRowan\tN\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "encoding", "delimiter", "rows"),
    [
        (SIMS, "utf-8-sig", ",", 3),
        (ARBOR, "utf-8", ",", 2),
        (BROMCOM, "cp1252", ";", 1),
        (SCHOLARPACK, "cp1252", "\t", 1),
    ],
    ids=[
        "SIMS, UTF-8 with BOM",
        "Arbor, UTF-8",
        "Bromcom, Windows-1252, semicolons",
        "ScholarPack, Windows-1252, tabs",
    ],
)
def test_exports_in_each_style_are_read(
    tmp_path: Path, text: str, encoding: str, delimiter: str, rows: int
) -> None:
    table = read_table(write(tmp_path, text, encoding))
    assert table.delimiter == delimiter and len(table.rows) == rows
    assert table.encoding == ("Windows-1252" if encoding == "cp1252" else "UTF-8")
    plan = plan_import(table, [])
    assert plan.count(Outcome.NEW) == rows and not plan.rejected


def test_values_map_onto_the_pupil_file(tmp_path: Path) -> None:
    plan = plan_import(read_table(write(tmp_path, SIMS, "utf-8-sig")), [])
    mira = plan.rows[0].pupil
    assert mira is not None
    assert (mira.pupil.first_name, mira.pupil.preferred_name, mira.pupil.last_name) == (
        "Amira",
        "Mira",
        "Hussain",
    )
    assert mira.pupil.date_of_birth == "2015-03-14" and mira.pupil.upn == "A123456789012"
    assert (mira.pupil.year_group, mira.pupil.groups) == ("Year 6", ["6H"])
    assert (mira.send.status, mira.send.primary_need) == ("sen_support", "SPLD")
    ffion = plan_import(read_table(write(tmp_path, ARBOR)), []).rows[1].pupil
    assert ffion is not None and (ffion.send.status, ffion.send.primary_need) == ("ehcp", "HI")
    sian = plan_import(read_table(write(tmp_path, BROMCOM, "cp1252")), []).rows[0].pupil
    assert sian is not None and sian.pupil.first_name == "Siân" and sian.send.primary_need == "SEMH"
    zoe = plan_import(read_table(write(tmp_path, SCHOLARPACK, "cp1252")), []).rows[0].pupil
    assert zoe is not None and (zoe.pupil.preferred_name, zoe.pupil.year_group) == (
        "Zoë",
        "Reception",
    )


def test_header_styles_are_recognised() -> None:
    mapping = detect_mapping(
        [
            "Legal Forename",
            "Forename",
            "Chosen name",
            "Legal Surname",
            "Date of Birth",
            "NC Year",
            "Reg Group",
            "Class",
            "Gender",
        ]
    )
    assert mapping == {
        0: Target.FIRST_NAME,
        1: None,
        2: Target.PREFERRED_NAME,
        3: Target.LAST_NAME,
        4: Target.DATE_OF_BIRTH,
        5: Target.YEAR_GROUP,
        6: Target.GROUP,
        7: Target.GROUP,
        8: None,
    }


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("14/03/2015", "2015-03-14"),
        ("4/3/2015", "2015-03-04"),
        ("2015-03-14", "2015-03-14"),
        ("14.03.2015", "2015-03-14"),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("6", "Year 6"),
        ("Y6", "Year 6"),
        ("Yr 6", "Year 6"),
        ("Year 11", "Year 11"),
        ("R", "Reception"),
        ("N1", "Nursery"),
    ],
)
def test_years(text: str, year: str) -> None:
    assert parse_year(text) == year


def test_matching_updates_only_identity_and_send_and_keeps_history(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    by_upn = example(
        id="mira", revision=0, **{"pupil.upn": "A123456789012", "pupil.year_group": "Year 5"}
    )
    by_upn["portrait"]["about_me"] = "I love drawing."
    store.save(Pupil.model_validate(by_upn))
    by_name = example(
        id="ollie",
        revision=0,
        **{
            "pupil.first_name": "Oliver",
            "pupil.last_name": "Bennett",
            "pupil.date_of_birth": "2016-09-02",
            "pupil.upn": "",
        },
    )
    store.save(Pupil.model_validate(by_name))
    plan = plan_import(read_table(write(tmp_path, SIMS, "utf-8-sig")), store.scan().pupils)
    mira, ollie, zofia = plan.rows
    assert mira.outcome is Outcome.UPDATED and mira.pupil is not None and mira.pupil.id == "mira"
    assert [str(c) for c in mira.changes] == [
        "Year group: Year 5 → Year 6",
        "Groups: 6H, Maths Set 2 → 6H",
    ]
    assert (
        ollie.outcome is Outcome.UPDATED and ollie.pupil is not None and ollie.pupil.id == "ollie"
    )
    assert zofia.outcome is Outcome.NEW
    result = run_import(plan, store, by="MIS import")
    assert len(result.touched) == 3 and not result.failed
    saved = store.load("mira")
    assert saved.portrait.about_me == "I love drawing."  # never touched
    assert saved.pupil.year_group == "Year 6" and saved.updated_by == "MIS import"
    assert store.load_revision("mira", 1).pupil.year_group == "Year 5"  # history keeps it
    # Importing the same file again changes nothing.
    again = plan_import(read_table(write(tmp_path, SIMS, "utf-8-sig")), store.scan().pupils)
    assert [r.outcome for r in again.rows] == [Outcome.UNCHANGED] * 3
    # Undo puts everything back.
    assert undo_import(result, store) == []
    assert store.load("mira").pupil.year_group == "Year 5"
    assert store.load("mira").portrait.about_me == "I love drawing."
    assert {p.id for p in store.scan().pupils} == {"mira", "ollie"}


REJECTS = (
    "UPN,Forename,Surname,DOB,SEN Status,Primary Need\n"
    "A123456789012,Amira,Hussain,14/03/2015,K,SPLD\n"  # 2: fine
    ",,Nobody,01/01/2015,N,\n"  # 3: missing first name
    ",Tom,Smith,31/02/2015,N,\n"  # 4: impossible date
    "A123456789012,Amy,Hussain,14/03/2015,K,SPLD\n"  # 5: duplicate UPN
    ",Kai,Lee,01/05/2014,X,\n"  # 6: unknown status
    ",Jo,Ray,01/05/2014,K,WXYZ\n"  # 7: unknown need
    ",Al,Bo,01/05/14,K,SPLD\n"  # 8: two-digit year
    ",Too,Few,01/05/2014\n"  # 9: wrong number of cells
    ',"=HYPERLINK(""http://x"")",Evil,01/05/2014,K,SPLD\n'  # 10: formula
    ",Ed,,01/05/2014,K,SPLD\n"  # 11: missing surname
)


def test_every_reason_for_rejecting_a_row_is_named(tmp_path: Path) -> None:
    plan = plan_import(read_table(write(tmp_path, REJECTS)), [])
    reasons = {r.row: r.reason for r in plan.rejected}
    assert plan.rows[0].outcome is Outcome.NEW
    assert reasons[3] == "missing first name"
    assert reasons[4] == "'31/02/2015' is not a real date"
    assert reasons[5] == "duplicate UPN A123456789012 in the file (also on row 2)"
    assert reasons[6].startswith("unknown SEN status 'X'")
    assert reasons[7].startswith("unknown need type 'WXYZ'")
    assert "two-digit year" in reasons[8]
    assert reasons[9] == "has 4 cells, but the header has 6"
    assert "looks like a spreadsheet formula" in reasons[10]
    assert reasons[11] == "missing surname"
    assert str(plan.rows[1]) == "Row 3: rejected: Nobody: missing first name"


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as stream:  # 100 MB, mostly a sparse hole
        stream.write(b"Forename,Surname\n")
        stream.seek(100 * 1024 * 1024)
        stream.write(b"x\n")
    with pytest.raises(ImportFileError, match="100 MB: far bigger than a class list"):
        read_table(path)


def test_a_100_mb_line_cannot_slip_through_as_one_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from penportrait.core.importers import csv as importer

    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 200 * 1024 * 1024)
    path = tmp_path / "long.csv"
    path.write_bytes(b"Forename,Surname\nA," + b"x" * (importer.MAX_CELL_CHARS + 10) + b"\n")
    with pytest.raises(ImportFileError, match="longer than 100,000 characters"):
        read_table(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'Forename,Surname\n"Amira,Hussain\nOllie,Bennett\n', "quoting is broken"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"", "is empty"),
        (b"\xff\xfe\x00F\x00o", "binary data"),
        (b"just,some,words\n1,2,3\n", "first row should name the columns"),
    ],
)
def test_hostile_files_are_refused_whole(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "hostile.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        read_table(path)


def test_no_name_column_is_a_clear_error(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "UPN,DOB\nA123456789012,01/01/2015\n"))
    with pytest.raises(ImportFileError, match="first name or last name"):
        plan_import(table, [])


def test_a_user_mapping_overrides_the_detected_one(tmp_path: Path) -> None:
    table = read_table(
        write(tmp_path, "Given,Family,House\nAmira,Hussain,Kestrel\n".replace("Given", "Forename"))
    )
    mapping = detect_mapping(table.headers)
    mapping[1] = Target.LAST_NAME
    mapping[2] = Target.GROUP
    [row] = plan_import(table, [], mapping).rows
    assert row.pupil is not None and row.pupil.pupil.groups == ["Kestrel"]
    assert row.pupil.pupil.last_name == "Hussain"
    assert dt.date.today()  # the plan never depends on the clock
