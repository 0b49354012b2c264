"""The command line: demo, list and check, exit codes, and messages instead of tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from penportrait.cli import main
from penportrait.core import clock
from penportrait.core.reviews import is_due
from penportrait.core.store import Store
from tests.helpers import example


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's usage errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# -- demo ------------------------------------------------------------------------------------


def test_demo_writes_the_sample_school(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "demo", str(tmp_path / "ashbrook"))
    assert code == 0
    assert "51 pupils" in out
    assert len(Store(tmp_path / "ashbrook").scan().pupils) == 51


def test_demo_refuses_a_folder_with_pupils(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    code, _, err = run(capsys, "demo", str(sample_dir))
    assert code == 1
    assert "already has pupils" in err and "nothing was written" in err


# -- list ------------------------------------------------------------------------------------


def test_list_prints_a_table_sorted_by_surname(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    code, out, _ = run(capsys, "list", "--data", str(sample_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Name", "Groups"]
    assert lines[1].startswith("Reuben Adams")  # Adams is first by surname
    assert "Mira Hussain" in out and "Ollie Bennett" in out
    assert lines[-1] == "51 pupils"


def test_list_json_has_the_documented_fields(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    code, out, _ = run(capsys, "--data", str(sample_dir), "list", "--json")
    assert code == 0
    entries = json.loads(out)
    assert len(entries) == 51
    mira = next(e for e in entries if e["preferred_name"] == "Mira")
    assert {
        "id",
        "first_name",
        "last_name",
        "preferred_name",
        "groups",
        "status",
        "next_review",
    } <= set(mira)
    assert (mira["first_name"], mira["last_name"], mira["groups"], mira["status"]) == (
        "Amira",
        "Hussain",
        ["4 Oak"],
        "sen_support",
    )
    assert Store(sample_dir).load(mira["id"]).pupil.first_name == "Amira"


def test_list_uses_the_environment_variable_for_the_data_folder(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PENPORTRAIT_DATA", str(sample_dir))
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 51


def test_list_filters_by_group_case_insensitively(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    code, out, _ = run(
        capsys, "list", "--data", str(sample_dir), "--group", "8 maths set 2", "--json"
    )
    assert code == 0
    entries = json.loads(out)
    assert entries and all("8 Maths Set 2" in e["groups"] for e in entries)
    assert len(entries) < 51


def test_list_unknown_group_names_the_groups_there_are(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    code, out, err = run(capsys, "list", "--data", str(sample_dir), "--group", "9Z")
    assert code == 1
    assert out == ""
    assert "no group called '9Z'" in err and "4 Oak" in err and "8R" in err


def test_list_due_lists_overdue_and_soon_due_reviews_soonest_first(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    code, out, _ = run(capsys, "list", "--data", str(sample_dir), "--due", "--json")
    assert code == 0
    entries = json.loads(out)
    store = Store(sample_dir)
    expected = {p.id for p in store.scan().pupils if is_due(p, clock.today())}
    assert {e["id"] for e in entries} == expected and entries
    dates = [e["next_review"] for e in entries]
    assert dates == sorted(dates)
    assert all(e["review_due"] for e in entries)


def test_list_warns_about_files_it_could_not_read(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    (sample_dir / "pupils" / "broken.json").write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "list", "--data", str(sample_dir))
    assert code == 0
    assert "51 pupils" in out
    assert "1 file could not be read" in err and "penportrait check" in err


# -- check -----------------------------------------------------------------------------------


def test_check_a_good_folder(capsys: pytest.CaptureFixture[str], sample_dir: Path) -> None:
    code, out, err = run(capsys, "check", "--data", str(sample_dir))
    assert code == 0
    assert "are good" in out and err == ""


def test_check_counts_only_files_that_exist(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    (sample_dir / "school.json").unlink()
    code, out, _ = run(capsys, "check", "--data", str(sample_dir), "--json")
    assert code == 0
    assert json.loads(out)["files_checked"] == 51


def break_two_files(folder: Path) -> dict[str, bytes]:
    pupils = folder / "pupils"
    bad = {
        "pupils/a-bad-date.json": json.dumps(
            example(id="a-bad-date", **{"pupil.date_of_birth": "2015-02-30"})
        ).encode(),
        "pupils/z-truncated.json": b'{"format": "penportrait.pupil", "id": ',
    }
    for name, content in bad.items():
        (pupils / Path(name).name).write_bytes(content)
    return bad


def test_check_names_each_bad_file_with_field_and_reason(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    bad = break_two_files(sample_dir)
    code, out, err = run(capsys, "check", "--data", str(sample_dir))
    assert code == 1
    assert out == ""
    assert "pupils/a-bad-date.json: pupil.date_of_birth: 2015-02-30 is not a real date" in err
    assert "pupils/z-truncated.json: is not valid JSON" in err
    assert "2 of 54 files have problems" in err
    for name, content in bad.items():  # left exactly as they were
        assert (sample_dir / name).read_bytes() == content


def test_check_json_gives_the_same_as_data(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    break_two_files(sample_dir)
    code, out, _ = run(capsys, "check", "--data", str(sample_dir), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["bad_files"] == ["pupils/a-bad-date.json", "pupils/z-truncated.json"]
    assert {
        "file": "pupils/a-bad-date.json",
        "field": "pupil.date_of_birth",
        "reason": "2015-02-30 is not a real date",
    } in report["problems"]


def test_check_reports_a_bad_school_file(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    (sample_dir / "school.json").write_text('{"review_period_weeks": "termly"}', encoding="utf-8")
    code, _, err = run(capsys, "check", "--data", str(sample_dir))
    assert code == 1
    assert "school.json: review_period_weeks: should be a valid integer" in err


# -- bad command lines and bad folders -------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["list", "--colour"], ["demo"], ["check", "extra"], ["list", "--group"]],
)
def test_a_wrong_command_line_exits_2_with_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage: penportrait" in err


def test_a_missing_data_folder_is_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "list", "--data", str(tmp_path / "nowhere"))
    assert code == 1
    assert "there is no data folder at" in err and "penportrait demo" in err


def test_a_file_given_as_the_data_folder_is_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "check", "--data", str(tmp_path / "file"))
    assert code == 1 and "is a file, not a data folder" in err


def test_the_installed_command_never_shows_a_traceback(tmp_path: Path, sample_dir: Path) -> None:
    command = shutil.which("penportrait", path=str(Path(sys.executable).parent))
    assert command, "the penportrait console script is not installed"
    unreadable = tmp_path / "locked"
    shutil.copytree(sample_dir, unreadable)
    (unreadable / "pupils" / "weird.json").write_bytes(b"\x00\xff" * 10)
    for argv in (
        ["check", "--data", str(unreadable)],
        ["list", "--data", str(tmp_path / "no")],
        ["demo", str(unreadable)],
        ["nonsense"],
    ):
        result = subprocess.run([command, *argv], capture_output=True, text=True)
        assert result.returncode in (1, 2), argv
        assert "Traceback" not in result.stderr, result.stderr
        assert result.stderr.strip(), argv


def test_check_names_a_photo_no_pupil_names_any_more(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from penportrait.core import files
    from penportrait.core.photos import UNUSED_PHOTO_SECONDS

    stray = sample_dir / "photos" / "0a1b2c3d.0123456789ab.jpg"
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"\xff\xd8\xff\xd9")
    real = files.file_system_now
    monkeypatch.setattr(
        files, "file_system_now", lambda folder: (real(folder) or 0) + UNUSED_PHOTO_SECONDS + 60
    )
    code, out, err = run(capsys, "check", "--data", str(sample_dir))
    assert code == 1
    assert "photos/0a1b2c3d.0123456789ab.jpg" in out + err and "no pupil" in out + err
    assert stray.exists()  # only listed
    code, out, err = run(capsys, "check", "--data", str(sample_dir), "--remove-unused-photos")
    assert code == 0 and "Removed 1 unused photo." in err
    assert not stray.exists()
