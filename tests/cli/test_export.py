"""penportrait export: PDF and Word, by id or name, and clear errors."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from penportrait.core.model import Pupil
from penportrait.core.store import Store
from tests.cli.test_cli import run
from tests.helpers import example
from tests.render.helpers import pdf_pages


def test_export_several_pupils_to_one_pdf_a_page_each(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "portraits.pdf"
    mira_id = next(p.id for p in Store(sample_dir).scan().pupils if p.pupil.first_name == "Amira")
    code, stdout, err = run(
        capsys,
        "export",
        "--data",
        str(sample_dir),
        mira_id,
        "oliver bennett",
        "Ruby Hall",
        "-o",
        str(out),
    )
    assert code == 0, err
    assert "Wrote 3 portraits (staff)" in stdout
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == 3
    assert "Mira Hussain" in pages[0] and "Ollie Bennett" in pages[1] and "Ruby Hall" in pages[2]


def test_export_word_for_cover_staff(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cover.docx"
    code, _, _ = run(
        capsys,
        "export",
        "--data",
        str(sample_dir),
        "Lily-Mae Cooper",
        "-o",
        str(out),
        "--audience",
        "cover",
    )
    assert code == 0
    text = "\n".join(
        p.text
        for t in docx.Document(str(out)).tables
        for r in t.rows
        for c in r.cells
        for p in c.paragraphs
    )
    assert "Lily-Mae Cooper" in text and "Date of birth" not in text


def test_an_unknown_pupil_is_exit_1_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "export", "--data", str(sample_dir), "Nobody Here", "-o", str(out))
    assert code == 1 and "no pupil called 'Nobody Here'" in err
    assert not out.exists()


def test_an_ambiguous_name_lists_the_pupils(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    store = Store(sample_dir)
    twin = Pupil.model_validate(example(id="twin-1", revision=0, **{"pupil.groups": ["6H"]}))
    store.save(twin)
    store.save(Pupil.model_validate(example(id="twin-2", revision=0, **{"pupil.groups": ["5B"]})))
    code, _, err = run(
        capsys, "export", "--data", str(sample_dir), "Amira Hussain", "-o", str(tmp_path / "x.pdf")
    )
    assert code == 1
    assert "matches 3 pupils" in err and "twin-1" in err and "twin-2" in err and "id" in err


def test_a_wrong_output_name_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], sample_dir: Path
) -> None:
    code, _, err = run(capsys, "export", "--data", str(sample_dir), "Ruby Hall", "-o", "out.txt")
    assert code == 2 and "must end in .pdf or .docx" in err


def test_an_unwritable_output_is_exit_1(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys,
        "export",
        "--data",
        str(sample_dir),
        "Ruby Hall",
        "-o",
        str(tmp_path / "missing" / "x.pdf"),
    )
    assert code == 1 and "does not exist" in err
    in_the_way = tmp_path / "taken.pdf"
    in_the_way.mkdir()  # a folder where the file should go: nobody can write it, not even root
    code, _, err = run(
        capsys, "export", "--data", str(sample_dir), "Ruby Hall", "-o", str(in_the_way)
    )
    assert code == 1 and f"cannot write {in_the_way}" in err
    assert in_the_way.is_dir() and not any(tmp_path.glob(".taken.pdf*"))


def test_a_portrait_too_long_for_a_page_is_a_warning_with_exit_0(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    store = Store(data_dir)
    data = example(revision=0)
    data["portrait"]["about_me"] = " ".join(f"word{n}" for n in range(1500))
    store.save(Pupil.model_validate(data))
    out = tmp_path / "long.pdf"
    code, _, err = run(capsys, "export", "--data", str(data_dir), "Amira Hussain", "-o", str(out))
    assert code == 0
    assert "Mira Hussain does not fit on one page: shorten About me" in err
    assert "Nothing was cut" in err
    assert len(PdfReader(out).pages) >= 2
