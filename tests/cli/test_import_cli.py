"""penportrait import: the summary, dry runs, and exit 1 for rejected rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from penportrait.core.store import Store
from tests.cli.test_cli import run

EXPORT = (
    "UPN,Legal Forename,Preferred Forename,Legal Surname,DOB,NC Year,Reg Group,SEN Status,"
    "SEN Need Type\n"
    "K999200124001,Nadia,,Rahman,03/04/2018,Y4,4 Oak,K,Dyslexia\n"
    "Z999200124002,Tom,,Smith,31/02/2018,4,4 Oak,N,\n"
)


def test_a_dry_run_says_what_would_happen_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    export = tmp_path / "mis.csv"
    export.write_text(EXPORT, encoding="utf-8")
    before = len(Store(sample_dir).scan().pupils)
    code, out, err = run(capsys, "import", "--data", str(sample_dir), str(export), "--dry-run")
    assert code == 1  # a row was rejected
    assert "Row 2: new: Nadia Rahman" in out
    assert "Dry run: 1 new, 0 updated, 0 unchanged, 1 rejected. Nothing was saved." in out
    # Each rejected row once, as a problem on stderr: not twice, not "rejected: ... rejected:".
    both = out + err
    assert both.count("Tom Smith") == 1
    assert "penportrait: Row 3: rejected: Tom Smith: '31/02/2018' is not a real date\n" in err
    assert len(Store(sample_dir).scan().pupils) == before


def test_an_import_saves_the_good_rows(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    export = tmp_path / "mis.csv"
    export.write_text(
        EXPORT.splitlines()[0] + "\n" + EXPORT.splitlines()[1] + "\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "import", "--data", str(sample_dir), str(export))
    assert code == 0 and "Imported: 1 new" in out
    nadia = [p for p in Store(sample_dir).scan().pupils if p.pupil.first_name == "Nadia"]
    assert (
        len(nadia) == 1
        and nadia[0].send.primary_need == "SPLD"
        and nadia[0].pupil.groups == ["4 Oak"]
    )
    code, out, _ = run(capsys, "import", "--data", str(sample_dir), str(export))
    assert code == 0 and "0 new, 0 updated, 1 unchanged" in out


def test_a_hostile_file_is_exit_1_with_a_message(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    export = tmp_path / "junk.csv"
    export.write_bytes(b"\x00\x01\x02binary")
    code, _, err = run(capsys, "import", "--data", str(sample_dir), str(export))
    assert code == 1 and "binary data" in err and "Traceback" not in err
    code, _, err = run(capsys, "import", "--data", str(sample_dir), str(tmp_path / "missing.csv"))
    assert code == 1 and "does not exist" in err


def test_a_read_only_folder_imports_nothing_and_says_why_once(
    capsys: pytest.CaptureFixture[str],
    sample_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno
    import os

    from penportrait.core import access

    export = tmp_path / "mis.csv"
    export.write_text(EXPORT, encoding="utf-8")
    real_open = os.open

    def read_only(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if str(path).startswith(str(sample_dir)) and flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args)

    before = sorted(p.name for p in (sample_dir / "pupils").iterdir())
    monkeypatch.setattr(access.os, "open", read_only)  # what a read-only mount answers
    code, out, err = run(capsys, "import", "--data", str(sample_dir), str(export))
    assert code == 1
    assert f"The data folder {sample_dir} cannot be changed: the folder is read-only." in err
    assert "Nothing was imported." in err
    assert "Errno" not in err and "Saved" not in out and "Imported" not in out
    assert sorted(p.name for p in (sample_dir / "pupils").iterdir()) == before


def test_rows_that_fail_to_save_are_counted_so_the_counts_agree(
    capsys: pytest.CaptureFixture[str],
    sample_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    export = tmp_path / "mis.csv"
    export.write_text(EXPORT.splitlines()[0] + "\n" + EXPORT.splitlines()[1] + "\n")

    def full(self: Store, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Store, "save", full)
    code, out, err = run(capsys, "import", "--data", str(sample_dir), str(export))
    assert code == 1
    assert "penportrait: Row 2: Nadia Rahman could not be saved: the disk is full" in err
    assert f"Imported 0 of 1 pupils to {sample_dir}; 1 could not be saved (named above)." in out
    assert "1 new" not in out and "Errno" not in out + err
