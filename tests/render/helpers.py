"""Reading outputs back: PDF text and pages, page images, DOCX."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.export import fit_portrait
from penportrait.render.pdf import PrintedPage, pdf_bytes


def normalise(text: str) -> str:
    """Qt's PDF text has tabs between words and fi/ff ligatures: compare it normalised."""
    text = unicodedata.normalize("NFKC", text).replace("\u2060", "")
    return re.sub(r"\s+", " ", text).strip()


def squash(text: str) -> str:
    """Text with no white space at all: pypdf sometimes splits a word ("bir th")."""
    return re.sub(r"\s+", "", normalise(text))


def pdf_pages(data: bytes) -> list[str]:
    return [normalise(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


def portrait_pdf(
    store: Store,
    pupil: Pupil,
    audience: Audience = Audience.STAFF,
    settings: SchoolSettings | None = None,
) -> tuple[PrintedPage, bytes]:
    page = fit_portrait(store, pupil, settings or SchoolSettings(), audience)
    return page, pdf_bytes([page])


def page_image(pdf: bytes, tmp_path: Path, dpi: int = 50) -> Image.Image:
    """The first page as an image (poppler's pdftoppm, as a person would look at it)."""
    assert shutil.which("pdftoppm"), "poppler-utils is needed (CI installs it)"
    source = tmp_path / "page.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    return Image.open(tmp_path / "page.png").convert("RGB")


def soffice() -> str:
    """LibreOffice, to lay Word files out; its absence fails in CI, where it must be."""
    import os

    import pytest

    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI: .ci/run must install it")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    return found


def to_pdf_with_libreoffice(files: list[Path], folder: Path) -> Path:
    """Convert Word files with LibreOffice (its own profile); the PDFs' folder."""
    out = folder / "pdf"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


def by_name(store: Store, name: str) -> Pupil:
    return next(p for p in store.scan().pupils if p.display_name == name)
