"""Issue 13 (review): the page's furniture stays readable with long names and in black and
white: the footer's parts never overlap, MEDICAL stands apart in grey, and the overview's
header keeps its date and logo legible. Each test reads the output back."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import docx
import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtGui import QFont, QFontMetricsF

from penportrait.core.demo import write_sample_school
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings, load_school
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render import palette
from penportrait.render.export import fit_portrait
from penportrait.render.html import PAGE_FONT
from penportrait.render.pack import PackRequest, build_pack, write_pack
from penportrait.render.pdf import pdf_bytes
from tests.render.helpers import normalise, page_image, to_pdf_with_libreoffice
from tests.render.test_two_minute_reader import grey_of

LONG_SCHOOL = "St Bartholomew's Church of England Voluntary Aided Primary School"


def footer_runs(data: bytes) -> list[list[tuple[str, float, float]]]:
    """Per page, the footer's text runs as drawn in the PDF: (text, left, right) in the
    page's device pixels, each run's width measured with the page font at its drawn size."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found: list[tuple[str, float, float, float]] = []

        def visit(text: str, cm: Any, tm: Any, fonts: Any, size: float) -> None:
            # The footer is painted on the page itself, the content translated by the margin.
            if text.strip() and cm[4] == 0 and tm[5] > 3200:
                font = QFont(PAGE_FONT)
                font.setPixelSize(round(size))
                shown = normalise(text)
                width = QFontMetricsF(font).horizontalAdvance(shown)
                found.append((shown, tm[4], tm[4] + width, tm[5]))  # noqa: B023

        page.extract_text(visitor_text=visit)
        line = min((run[3] for run in found), default=0.0)  # the first line, not the note
        pages.append(sorted((run[:3] for run in found if run[3] == line), key=lambda r: r[1]))
    return pages


def crowded_pupil(store: Store, first: str, last: str, *, pages: int = 1) -> Pupil:
    pupil = store.new_pupil(first, last, groups=["4 Oak"])
    data = pupil.model_dump()
    data["review"]["next_review"] = "2027-03-15"
    data["portrait"]["about_me"] = "I like Lego and drawing maps. " * (1 if pages == 1 else 300)
    return store.save(Pupil.model_validate(data), by="Mrs Kowalczyk-Hargreaves (SENCO)")


def test_the_footer_parts_never_overlap_and_name_and_page_stay_whole(store: Store) -> None:
    settings = SchoolSettings(name=LONG_SCHOOL)
    for first, last in (("Jake", "Evans-Nowak"), ("Sienna", "Walsh-Brown")):
        for length in (1, 2):
            subject = crowded_pupil(store, first, last, pages=length)
            data = pdf_bytes([fit_portrait(store, subject, settings, Audience.COVER)])
            pages = footer_runs(data)
            assert len(pages) >= length
            for number, runs in enumerate(pages, start=1):
                texts = [text for text, _, _ in runs]
                assert len(runs) == 3, texts
                assert texts[0].startswith(f"{first} {last} · CONFIDENTIAL"), texts
                assert texts[1].startswith("Updated "), texts
                assert texts[2].startswith("Review by 15 March 2027"), texts
                if len(pages) > 1:
                    assert texts[2].endswith(f"Page {number} of {len(pages)}"), texts
                for (_, _, right_end), (_, next_start, _) in pairwise(runs):
                    assert right_end + 20 <= next_start, f"footer texts overlap: {texts}"


# -- the Word pack ---------------------------------------------------------------------------


def word_pack(store: Store, out: Path, group: str = "4 Oak") -> Path:
    settings, _ = load_school(store.root)  # the sample school's emergency contacts and name
    pack = build_pack(store, store.scan().pupils, settings, PackRequest((group,)))
    write_pack(pack, out)
    return out


def test_word_overview_alerts_are_set_out_as_on_the_pdf(
    sample_store: Store, tmp_path: Path
) -> None:
    document = docx.Document(str(word_pack(sample_store, tmp_path / "pack.docx")))
    box = next(t for t in document.tables if t.rows[0].cells[0].text == "MEDICAL \u25b2 ALERTS")
    notes = [p for p in box.rows[0].cells[1].paragraphs if p.text.strip()]
    assert len(notes) >= 3, "one paragraph per alert"
    for note in notes:
        bold = [run.text.strip() for run in note.runs if run.bold]
        assert bold[0].endswith(".") and ": " in bold[0], bold  # "Pupil Name: Condition."
        assert "What to do:" in bold, bold
        assert all(not run.bold for run in note.runs if run.text.strip() not in bold)
    assert any("Call:" in [r.text.strip() for r in note.runs if r.bold] for note in notes)


@pytest.mark.slow
def test_word_pack_in_libreoffice_keeps_words_whole_and_heads_each_sheet(
    sample_store: Store, tmp_path: Path
) -> None:
    out = word_pack(sample_store, tmp_path / "pack.docx")
    converted = to_pdf_with_libreoffice([out], tmp_path) / "pack.pdf"
    pages = [page.extract_text() or "" for page in PdfReader(converted).pages]
    overview, continued = pages[0], pages[1]
    assert "4 Oak (continued)" in normalise(continued) and "Pupil" in continued
    assert "(continued)" not in overview
    for number, text in enumerate(pages, start=1):  # "emergenc" / "y" in a narrow label
        assert re.search(r"emergenc\s+y", text) is None, f"page {number}: {text[:200]}"
        assert number == 2 or "emergency" in text, f"page {number}"
    # In grey, Word's MEDICAL label is light, unlike the heading band and the MUST DO tag.
    portrait = next(i for i, text in enumerate(pages) if "MEDICAL" in text and i > 1)
    for index in (0, portrait):
        colour = page_image_at(converted, tmp_path, index + 1)
        grey = colour.convert("L")
        level = {
            name: median(grey_of(colour, grey, value))
            for name, value in (
                ("medical", palette.ALERT_LABEL),
                ("band", palette.BAND),
                *([("must do", palette.MUST_DO)] if index else []),
            )
        }
        assert level["medical"] - level["band"] >= 40, level
        if index:
            assert level["medical"] - level["must do"] >= 40, level


def page_image_at(pdf: Path, tmp_path: Path, number: int) -> Image.Image:
    stem = tmp_path / f"sheet{number}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number), "-singlefile",
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    return Image.open(f"{stem}.png").convert("RGB")


def median(values: list[int]) -> int:
    assert values, "the colour is on the page"
    return sorted(values)[len(values) // 2]


# -- the overview's header -------------------------------------------------------------------


def small_group(store: Store) -> list[Pupil]:
    saved = []
    for n, (first, last) in enumerate((("Jake", "Evans-Nowak"), ("Sienna", "Walsh-Brown"))):
        data = store.new_pupil(first, last, groups=["4 Oak"]).model_dump()
        data["send"]["status"] = "sen_support"
        data["portrait"]["strategies"] = [{"text": f"Give me time {n}", "essential": True}]
        saved.append(store.save(Pupil.model_validate(data)))
    return saved


def overview_pdf(store: Store, pupils: list[Pupil], settings: SchoolSettings) -> bytes:
    pack = build_pack(store, pupils, settings, PackRequest(("4 Oak",)))
    return pdf_bytes(pack.copy[:1])


def test_the_overview_band_prints_its_date_on_one_line(tmp_path: Path) -> None:
    """As a school makes it: the command line's pack of the sample school's class of 30 (in
    its own process: the window-less app lays the band out as a school's machine does)."""
    folder = tmp_path / "school"
    write_sample_school(folder)
    for size in ("11.0", "10.0", "14.0"):
        school = json.loads((folder / "school.json").read_text(encoding="utf-8"))
        school["base_font_pt"] = float(size)
        (folder / "school.json").write_text(json.dumps(school), encoding="utf-8")
        out = tmp_path / f"pack-{size}.pdf"
        subprocess.run(
            [sys.executable, "-m", "penportrait", "pack", "--data", str(folder), "4 Oak", "-o",
             str(out)],
            check=True, capture_output=True,  # no timeout: it polls with sleep, faketime breaks
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
        text = PdfReader(out).pages[0].extract_text()
        text = text[: text.index("CONFIDENTIAL")]  # the band (the footer has the date too)
        gap = r"[ \t\u00a0]+"
        assert re.search(rf"Printed{gap}\d+{gap}[A-Z][a-z]+{gap}\d{{4}}", text), (
            f"at {size} pt: {text[:200]!r}"
        )


DARK_LOGO = (16, 24, 32)


def test_a_dark_logo_sits_on_a_light_tile(store: Store, tmp_path: Path) -> None:
    pupils = small_group(store)
    Image.new("RGB", (300, 150), DARK_LOGO).save(store.root / "logo.png")
    settings = SchoolSettings(name="Ashbrook", logo="logo.png")
    # The PDF overview and a portrait: around the logo is white, not the dark band.
    pdfs = [overview_pdf(store, pupils, settings)]
    pdfs.append(pdf_bytes([fit_portrait(store, pupils[0], settings, Audience.COVER)]))
    for data in pdfs:
        image = page_image(data, tmp_path, dpi=100)
        pixels = image.load()
        logo = [
            (x, y)
            for y in range(image.height // 4)
            for x in range(image.width)
            if all(abs(a - b) <= 4 for a, b in zip(pixels[x, y], DARK_LOGO, strict=True))
        ]
        assert logo, "the logo is on the page"
        left, right = min(x for x, _ in logo), max(x for x, _ in logo)
        top, bottom = min(y for _, y in logo), max(y for _, y in logo)
        ring = [(x, top - 2) for x in range(left, right + 1)]
        ring += [(x, bottom + 2) for x in range(left, right + 1)]
        ring += [(left - 2, y) for y in range(top, bottom + 1)]
        ring += [(right + 2, y) for y in range(top, bottom + 1)]
        light = [xy for xy in ring if min(pixels[xy]) >= 230]
        assert len(light) >= 0.9 * len(ring), "the logo's edge meets the dark band"
    # Word: the logo's paragraph is shaded white (the overview's band and the portrait's).
    out = tmp_path / "pack.docx"
    write_pack(build_pack(store, pupils, settings, PackRequest(("4 Oak",))), out)
    document = docx.Document(str(out))
    tiles = [
        paragraph
        for table in document.tables
        for cell in table._cells
        for paragraph in cell.paragraphs
        if paragraph._p.xpath(".//pic:pic")
        and [fill.upper() for fill in paragraph._p.xpath("./w:pPr/w:shd/@w:fill")] == ["FFFFFF"]
    ]
    assert len(tiles) >= 2, "the logo on a white strip on the overview and each portrait"
