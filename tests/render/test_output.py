"""Exports are written by core's atomic writer: all or nothing, never creating a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from penportrait.render.output import RenderError, write_output


def test_an_export_replaces_the_file_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    write_output(out, b"new pack")
    assert out.read_bytes() == b"new pack"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]
    assert out.stat().st_mode & 0o077 == 0  # owner-only, as pupils' files are


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
