"""Failures of the data folder in words: read-only, gone, full, busy."""

from __future__ import annotations

import errno
from pathlib import Path

from penportrait.core.access import folder_problem, plain_reason
from penportrait.core.files import LockTimeout


def test_a_writable_folder_has_no_problem_and_the_check_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "pupils").mkdir()
    assert folder_problem(tmp_path) is None
    assert list(tmp_path.rglob("*")) == [tmp_path / "pupils"]


def test_a_vanished_folder_is_named(tmp_path: Path) -> None:
    gone = tmp_path / "usb-stick"
    problem = folder_problem(gone)
    assert problem is not None and str(gone) in problem and "not there" in problem


def test_reasons_have_no_error_numbers_or_lock_files() -> None:
    error = OSError(errno.EROFS, "Read-only file system", "/school/pupils/.x.json.lock")
    assert plain_reason(error) == "the folder is read-only"
    assert "Errno" not in plain_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert "another computer" in plain_reason(LockTimeout("busy"))
