"""Issue 13 (review): the page's furniture stays readable with long names and in black and
white: the footer's parts never overlap, MEDICAL stands apart in grey, and the overview's
header keeps its date and logo legible. Each test reads the output back."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader
from PySide6.QtGui import QFont, QFontMetricsF

from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.export import fit_portrait
from penportrait.render.html import PAGE_FONT
from penportrait.render.pdf import pdf_bytes
from tests.render.helpers import normalise

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
                for (_, _, right_end), (_, next_start, _) in zip(runs, runs[1:], strict=False):
                    assert right_end + 20 <= next_start, f"footer texts overlap: {texts}"
