"""Word portraits read back with python-docx, and laid out by a real word processor."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.docx import docx_bytes, half_point
from penportrait.render.export import fit_portrait, word_page, write_pages
from tests.helpers import example
from tests.render.helpers import by_name, to_pdf_with_libreoffice


def word(
    store: Store, pupil: Pupil, audience: Audience = Audience.STAFF
) -> tuple[float, docx.document.Document]:
    page = fit_portrait(store, pupil, SchoolSettings(), audience)
    data = docx_bytes([word_page(page)])
    return page.fitted.base_pt, docx.Document(io.BytesIO(data))


def all_text(document: docx.document.Document) -> str:
    body = document.element.body
    return "".join(node.text or "" for node in body.iter(qn("w:t")))


def test_the_same_sections_in_the_same_order_as_the_pdf(sample_store: Store) -> None:
    ollie = by_name(sample_store, "Ollie Bennett")
    _, document = word(sample_store, ollie)
    text = all_text(document)
    order = [
        "Ollie Bennett",
        "About me",
        "What people like and admire about me",
        "What is important to me",
        "My strengths",
        "How to help me",
        "Please avoid",
        "What I find difficult",
        "Key adults",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions[:5] == sorted(positions[:5])
    assert text.index("MUST DO") < text.index("Show me what a finished piece")
    assert "Tell me about any change to the day" in text


def test_fonts_are_arial_at_the_fitted_size(sample_store: Store) -> None:
    ollie = by_name(sample_store, "Ollie Bennett")
    base, document = word(sample_store, ollie)
    sizes = set()
    for run in document.element.body.iter(qn("w:r")):
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if run.find(qn("w:t")) is not None and (run.find(qn("w:t")).text or "").strip():
            assert fonts is not None and fonts.get(qn("w:ascii")) == "Arial"
        size = run.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        if size is not None:
            sizes.add(int(size.get(qn("w:val"))) / 2)
    assert half_point(base) in sizes
    assert document.styles["Normal"].font.name == "Arial"


def test_tables_have_widths_on_columns_and_cells(sample_store: Store) -> None:
    _, document = word(sample_store, by_name(sample_store, "Mira Hussain"))
    for table in document.tables:
        assert table._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}").get(qn("w:type")) == "fixed"
        for column in table.columns:
            assert column.width
        for cell in table.rows[0].cells:
            assert cell.width


def test_photo_with_consent_initials_without(sample_store: Store) -> None:
    _, with_photo = word(sample_store, by_name(sample_store, "Mira Hussain"))
    assert len(with_photo.inline_shapes) == 1
    _, without = word(sample_store, by_name(sample_store, "Zofia Kowalska"))
    assert len(without.inline_shapes) == 0
    assert "ZK" in all_text(without)


def test_section_colours_match_the_palette(sample_store: Store) -> None:
    from penportrait.render import palette

    _, document = word(sample_store, by_name(sample_store, "Mira Hussain"))
    fills = {
        shading.get(qn("w:fill")).lower() for shading in document.element.body.iter(qn("w:shd"))
    }
    assert palette.BAND.lstrip("#") in fills
    assert palette.HELP.heading_bg.lstrip("#") in fills
    assert palette.MUST_DO.lstrip("#") in fills  # the MUST DO tag: not the medical red


def test_cover_copy_and_footer(sample_store: Store) -> None:
    lily = by_name(sample_store, "Lily-Mae Cooper")
    _, document = word(sample_store, lily, Audience.COVER)
    text = all_text(document)
    assert "Date of birth" not in text and "My family says" not in text
    assert "COVER COPY" in text
    footer = "".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "CONFIDENTIAL" in footer and "Review by" in footer


def test_characters_xml_cannot_hold_are_removed_not_a_crash(store: Store) -> None:
    data = example(
        **{"portrait.about_me": "A\x00B\x01C\x0bD\ufffeE \x1b[1m", "pupil.last_name": "Hus\x08sain"}
    )
    pupil = Pupil.model_validate(data)
    _, document = word(store, pupil)
    text = all_text(document)
    assert "ABCDE [1m" in text and "Hussain" in text


def test_several_pupils_make_one_document_with_a_section_each(
    sample_store: Store, tmp_path: Path
) -> None:
    pupils = [by_name(sample_store, n) for n in ("Mira Hussain", "Ollie Bennett", "Ruby Hall")]
    pages = [fit_portrait(sample_store, p, SchoolSettings(), Audience.STAFF) for p in pupils]
    out = tmp_path / "three.docx"
    write_pages(pages, out)
    document = docx.Document(str(out))
    assert len(document.sections) == 3
    text = all_text(document)
    assert text.index("Mira Hussain") < text.index("Ollie Bennett") < text.index("Ruby Hall")


# -- a real word processor --------------------------------------------------------------------


@pytest.mark.slow
def test_every_sample_portrait_is_one_page_in_libreoffice(
    sample_store: Store, tmp_path: Path
) -> None:
    pupils = sample_store.scan().pupils
    files = []
    for pupil in pupils:
        for audience in Audience:
            page = fit_portrait(sample_store, pupil, SchoolSettings(), audience)
            path = tmp_path / f"{pupil.id}-{audience.value}.docx"
            write_pages([page], path)
            files.append(path)
    converted = to_pdf_with_libreoffice(files, tmp_path)
    pages = {}
    for path in files:
        converted_pdf = converted / (path.stem + ".pdf")
        pages[path.stem] = len(PdfReader(converted_pdf).pages)
    assert pages and all(count == 1 for count in pages.values()), {
        name: count for name, count in pages.items() if count != 1
    }
    assert len(pages) == 2 * len(pupils)
    assert re.fullmatch(r"[0-9a-f-]+-(staff|cover)", next(iter(pages)))
