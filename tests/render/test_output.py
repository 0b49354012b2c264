"""Exports are written by core's atomic writer: all or nothing, never creating a folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from penportrait.core import files
from penportrait.render.output import RenderError, write_output


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_an_export_replaces_the_file_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    write_output(out, b"new pack")
    assert out.read_bytes() == b"new pack"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


@pytest.mark.parametrize("where", ["missing/pack.pdf", "a-file/pack.pdf"])
def test_an_export_into_a_folder_that_is_not_there_names_it_and_creates_nothing(
    tmp_path: Path, where: str
) -> None:
    (tmp_path / "a-file").write_bytes(b"")
    out = tmp_path / where
    with pytest.raises(RenderError, match=f"cannot write {out}"):
        write_output(out, b"pack")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_a_folder_in_the_way_is_an_error_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    out = tmp_path / "pack.docx"
    out.mkdir()
    with pytest.raises(RenderError, match="cannot write"):
        write_output(out, b"pack")
    assert [p.name for p in tmp_path.iterdir()] == ["pack.docx"] and out.is_dir()


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_export_gets_the_mode_of_any_saved_file_while_its_temporary_copy_is_owner_only(
    tmp_path: Path, umask_022: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export is handed to colleagues: -rw-r--r-- under umask 022, like a file any program
    saves; the bytes are owner-only until they are complete (the temporary copy)."""
    modes: list[int] = []
    real = files.write_atomic

    def watched(path: Path, data: bytes, **kwargs: object) -> None:
        def check() -> None:
            (temp,) = [p for p in tmp_path.iterdir() if p.name != "pack.pdf"]
            modes.append(stat.S_IMODE(temp.stat().st_mode))

        real(path, data, before_replace=check)

    monkeypatch.setattr(files, "write_atomic", watched)
    out = tmp_path / "pack.pdf"
    write_output(out, b"pack")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert modes == [0o600]


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_export_over_a_file_keeps_that_files_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_output(out, b"new pack")
    assert out.read_bytes() == b"new pack"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_an_export_follows_the_umask(tmp_path: Path) -> None:
    before = os.umask(0o077)
    try:
        write_output(tmp_path / "private.pdf", b"pack")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "private.pdf").stat().st_mode) == 0o600
