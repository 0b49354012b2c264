"""A logo file Word cannot use (a WebP named .png, text, a cut-short PNG, a link, a pipe):
exports leave it out and say so once, naming the file; never UnrecognizedImageError."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from PIL import Image
from pypdf import PdfReader

from penportrait.core.school import SchoolSettings, logo_path, logo_problem
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.export import fit_portraits, write_pages
from penportrait.render.pack import PackRequest, build_pack, write_pack

KINDS = ["webp", "text", "truncated", "symlink", "fifo"]


def plant(root: Path, kind: str) -> None:
    logo = root / "logo.png"
    if kind == "webp":
        Image.new("RGB", (64, 64), "navy").save(logo, "WEBP")
    elif kind == "text":
        logo.write_text("not an image", encoding="utf-8")
    elif kind == "truncated":
        logo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x10\x00")
    elif kind == "symlink":
        Image.new("RGB", (64, 64), "navy").save(root.parent / "elsewhere.png")
        logo.symlink_to(root.parent / "elsewhere.png")
    else:
        os.mkfifo(logo)


@pytest.mark.parametrize("kind", KINDS)
def test_an_unusable_logo_is_left_out_of_word_pdf_and_the_pack(
    sample_store: Store, tmp_path: Path, kind: str
) -> None:
    plant(sample_store.root, kind)
    settings = SchoolSettings(name="Ashbrook", logo="logo.png")
    assert logo_path(sample_store.root, settings) is None
    problem = logo_problem(sample_store.root, settings)
    assert problem is not None and problem.file == "logo.png"
    assert "left out of exports" in problem.reason

    pupils = sample_store.scan().pupils[:2]
    pages = fit_portraits(sample_store, pupils, settings, Audience.STAFF)
    write_pages(pages, tmp_path / "two.docx")
    write_pages(pages, tmp_path / "two.pdf")
    word = docx.Document(str(tmp_path / "two.docx"))
    assert not word.element.body.xpath(".//pic:pic[contains(.//@name, 'logo')]")
    assert len(PdfReader(tmp_path / "two.pdf").pages) == 2

    groups = sorted({g for p in sample_store.scan().pupils for g in p.pupil.groups})
    pack = build_pack(sample_store, sample_store.scan().pupils, settings, PackRequest((groups[0],)))
    write_pack(pack, tmp_path / "pack.docx")
    assert docx.Document(str(tmp_path / "pack.docx")).paragraphs


def test_a_good_logo_has_no_problem(sample_store: Store) -> None:
    Image.new("RGB", (64, 32), "navy").save(sample_store.root / "logo.png")
    settings = SchoolSettings(logo="logo.png")
    assert logo_path(sample_store.root, settings) == sample_store.root / "logo.png"
    assert logo_problem(sample_store.root, settings) is None
    assert logo_problem(sample_store.root, SchoolSettings(logo="logo.jpg")) is None  # none there


def test_the_command_line_export_warns_once_naming_the_logo(
    sample_store: Store, tmp_path: Path
) -> None:
    plant(sample_store.root, "webp")
    school = sample_store.root / "school.json"
    text = school.read_text(encoding="utf-8")
    data = json.loads(text)
    data["logo"] = "logo.png"
    school.write_text(json.dumps(data), encoding="utf-8")
    pupil = sample_store.scan().pupils[0]
    out = tmp_path / "one.docx"
    done = subprocess.run(
        [sys.executable, "-m", "penportrait", "--data", str(sample_store.root), "export",
         "-o", str(out), pupil.display_name],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("logo.png") == 1 and "Traceback" not in done.stderr
    assert out.exists()
    check = subprocess.run(
        [sys.executable, "-m", "penportrait", "--data", str(sample_store.root), "check"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "logo.png" in check.stdout + check.stderr and "Traceback" not in check.stderr
