"""Exports: temporary files that cannot be hijacked, and metadata that names nobody."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.export import fit_portrait, write_pages
from tests.render.helpers import by_name


def portrait(sample_store: Store) -> list[object]:
    mira = by_name(sample_store, "Mira Hussain")
    return [fit_portrait(sample_store, mira, SchoolSettings(), Audience.STAFF)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_export_never_writes_through_a_link_planted_at_a_temporary_name(
    sample_store: Store, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    out = tmp_path / f"OUT{suffix}"
    (tmp_path / f".{out.name}.partial").symlink_to(target)  # the old, guessable name
    write_pages(portrait(sample_store), out)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "keep me"
    assert out.stat().st_size > 1000 and not out.is_symlink()
    umask = os.umask(0o022)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == 0o666 & ~umask  # as any program's saved file
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert leftovers == [f".{out.name}.partial"]  # only the planted link, untouched


def test_exported_files_carry_no_pupils_name_in_their_metadata(
    sample_store: Store, tmp_path: Path
) -> None:
    pages = portrait(sample_store)
    pdf, word = tmp_path / "a.pdf", tmp_path / "a.docx"
    write_pages(pages, pdf)  # type: ignore[arg-type]
    write_pages(pages, word)  # type: ignore[arg-type]
    info = PdfReader(io.BytesIO(pdf.read_bytes())).metadata or {}
    values = " ".join(str(v) for v in info.values())
    assert info.get("/Title") == "Confidential pupil information (PenPortrait)"
    properties = docx.Document(str(word)).core_properties
    values += " ".join(
        str(getattr(properties, a))
        for a in ("author", "last_modified_by", "title", "subject", "keywords", "comments")
    )
    for secret in ("Mira", "Amira", "Hussain", "6H"):
        assert secret not in values
