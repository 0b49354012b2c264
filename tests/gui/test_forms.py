"""Designer files are sources: the committed forms must be what pyside6-uic makes of them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "ui").glob("*.ui"))


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    assert found, "pyside6-uic is part of PySide6-Essentials"
    return found


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_each_generated_form_matches_its_designer_source(source: Path) -> None:
    generated = ROOT / "penportrait" / "gui" / "forms" / f"ui_{source.stem}.py"
    assert generated.exists(), f"{generated.name} is missing: run `make forms`"
    fresh = subprocess.run([uic(), str(source)], capture_output=True, text=True, check=True).stdout
    assert generated.read_text(encoding="utf-8") == fresh, (
        f"{generated.name} is older than ui/{source.name}: run `make forms`"
    )
    assert "WARNING! All changes made in this file will be lost" in fresh


def test_every_form_has_a_source() -> None:
    forms = {p.stem.removeprefix("ui_") for p in (ROOT / "penportrait/gui/forms").glob("ui_*.py")}
    assert forms == {s.stem for s in SOURCES}
