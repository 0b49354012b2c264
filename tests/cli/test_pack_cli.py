"""penportrait pack: groups, audience, copies, overview, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.test_cli import run
from tests.render.helpers import pdf_pages, squash


def test_pack_two_groups_with_numbered_copies(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pack.pdf"
    code, stdout, _ = run(
        capsys,
        "pack",
        "--data",
        str(sample_dir),
        "8 maths set 2",
        "8R",
        "-o",
        str(out),
        "--copies",
        "2",
    )
    assert code == 0
    assert "16 portraits, 2 numbered copies, 36 pages" in stdout
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == 2 * (2 + 16)
    assert squash("Copy 1 of 2") in squash(pages[0]) and squash("Copy 2 of 2") in squash(pages[-1])
    assert squash("COVER COPY") in squash(pages[1])


def test_pack_for_staff_without_the_overview_in_word(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pack.docx"
    code, stdout, _ = run(
        capsys,
        "pack",
        "--data",
        str(sample_dir),
        "4 Oak",
        "-o",
        str(out),
        "--audience",
        "staff",
        "--no-overview",
    )
    assert code == 0 and "staff pack for 4 Oak: 30 portraits, 30 pages" in stdout
    import docx

    assert len(docx.Document(str(out)).sections) == 30


def test_an_unknown_group_is_named_with_the_groups_there_are(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "pack", "--data", str(sample_dir), "8R", "9Z", "-o", str(out))
    assert code == 1
    assert "no group called '9Z'" in err
    assert "4 Oak (30)" in err and "8R (11)" in err
    assert not out.exists()


@pytest.mark.parametrize("copies", ["0", "100", "two"])
def test_copies_out_of_range_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, copies: str
) -> None:
    code, _, err = run(
        capsys, "pack", "--data", str(sample_dir), "8R", "-o", "x.pdf", "--copies", copies
    )
    assert code == 2 and "--copies" in err


def test_pack_pdf_page_count_matches(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.pdf"
    run(capsys, "pack", "--data", str(sample_dir), "10 English Set 3", "-o", str(out))
    assert len(PdfReader(out).pages) == 11


def test_pack_warns_naming_pupils_with_overdue_reviews(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.pdf"
    code, _, err = run(capsys, "pack", "--data", str(sample_dir), "8R", "-o", str(out))
    assert code == 0 and out.exists()
    assert "warning: Review overdue for Mo Ali." in err


def test_pack_warns_when_the_schools_strategy_bank_cannot_be_read(
    capsys: pytest.CaptureFixture[str], sample_dir: Path, tmp_path: Path
) -> None:
    """One unreadable entry once emptied the school's bank without a word, and its "trained
    staff only" midazolam strategy printed as a cover MUST DO."""
    from tests.core.test_bank import MIDAZOLAM, _school_file

    newer = {
        "id": "school-two",
        "text": "Sit me near the door",
        "area": "other",
        "tags": ["needs_two_adults"],
    }
    _school_file(sample_dir, newer)
    give_must_do(sample_dir, "Chloe", MIDAZOLAM, "school-midaz")
    out = tmp_path / "p.pdf"
    code, _, err = run(capsys, "pack", "--data", str(sample_dir), "8R", "-o", str(out))
    assert code == 0 and out.exists()
    assert "warning: The school's strategy bank could not be read (strategies.json:" in err
    assert "strategies.1.tags.0" in err and "needs_two_adults" in err


def give_must_do(root: Path, first_name: str, text: str, bank_id: str | None) -> None:
    """Add a MUST DO strategy to the sample pupil of that first name, saved as the app does."""
    from penportrait.core.model import Strategy
    from penportrait.core.store import Store

    store = Store(root)
    pupil = next(p for p in store.scan().pupils if p.pupil.first_name == first_name)
    strategies = [*pupil.portrait.strategies, Strategy(text=text, essential=True, bank_id=bank_id)]
    portrait = pupil.portrait.model_copy(update={"strategies": strategies})
    store.save(pupil.model_copy(update={"portrait": portrait}), by="test")
