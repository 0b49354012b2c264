"""PDF portraits read back: one page, every word, the right size, photo or initials."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience, page_view
from penportrait.render import palette
from penportrait.render.html import render_portrait
from penportrait.render.pdf import (
    PrintedPage,
    _document,
    _measuring_device,
    content_size,
    fit_page,
    footer_for,
    print_pages,
)
from tests.helpers import example
from tests.render.helpers import by_name, normalise, page_image, pdf_pages, portrait_pdf, squash


def test_a_portrait_is_one_a4_page_with_its_words(sample_store: Store) -> None:
    ollie = by_name(sample_store, "Ollie Bennett")
    _, data = portrait_pdf(sample_store, ollie)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    [text] = pdf_pages(data)
    assert "YearYear" not in squash(text) and "Year4" in squash(text)
    for expected in (
        "Ollie Bennett",
        "How to help me",
        "Please avoid",
        "MUST DO",
        "Tell me about any change to the day",
        "Key adults",
        "Mrs K. Okafor",
        "CONFIDENTIAL",
        "Review by 3 February 2027",
        "Updated by K. Okafor",
    ):
        assert normalise(expected) in text, expected
    # Essential strategies come before the others.
    assert text.index("Tell me about any change") < text.index("Show me what a finished piece")


def test_the_fit_is_the_largest_size_that_fits(sample_store: Store) -> None:
    ollie = by_name(sample_store, "Ollie Bennett")
    view = page_view(ollie, SchoolSettings(), Audience.STAFF)
    fitted = fit_page(view, 11.0)
    assert 9.0 <= fitted.base_pt < 11.0 and fitted.fits
    assert fitted.fill > 0.95
    bigger = _document(render_portrait(view, fitted.base_pt + 0.1), {}, _measuring_device())
    assert bigger.size().height() > content_size().height()


def test_a_short_portrait_keeps_the_schools_size(sample_store: Store) -> None:
    ruby = by_name(sample_store, "Ruby Hall")
    page, _ = portrait_pdf(sample_store, ruby, settings=SchoolSettings(base_font_pt=12.5))
    assert page.fitted.base_pt == 12.5
    assert page.fitted.fit_message() == "Fits on one page at 12.5 pt"


def test_the_cover_copy_leaves_out_what_cover_staff_need_not_see(sample_store: Store) -> None:
    lily = by_name(sample_store, "Lily-Mae Cooper")
    _, staff = portrait_pdf(sample_store, lily, Audience.STAFF)
    _, cover = portrait_pdf(sample_store, lily, Audience.COVER)
    [staff_text], [cover_text] = map(squash, pdf_pages(staff)), map(squash, pdf_pages(cover))
    for hidden in (
        "Date of birth",
        "UPN",
        "My family says",
        "What I am working on",
        "masks at school",
    ):
        assert squash(hidden) in staff_text and squash(hidden) not in cover_text, hidden
    assert "COVERCOPY" in cover_text and "Howtohelpme" in cover_text


def too_long() -> Pupil:
    data = example()
    filler = " ".join(f"word{n}" for n in range(400))
    data["portrait"].update(
        about_me=filler,
        strategies=[
            {"text": f"Strategy number {n} " + "in detail " * 8, "essential": n < 3}
            for n in range(40)
        ],
        strengths=["Kind"],
    )
    return Pupil.model_validate(data)


def test_too_long_for_one_page_keeps_every_word_and_says_what_to_shorten(store: Store) -> None:
    page, data = portrait_pdf(store, too_long())
    assert not page.fitted.fits and page.fitted.base_pt == 9.0
    pages = pdf_pages(data)
    assert len(pages) >= 2
    text = " ".join(pages)
    assert all(f"word{n}" in text for n in range(400))
    assert all(f"Strategy number {n}" in text for n in range(40))
    assert "Page 2 of" in pages[1]
    message = page.fitted.fit_message()
    assert message == "Too long for one page: shorten How to help me or About me"


def test_a_pasted_web_address_wraps_inside_its_column(store: Store) -> None:
    url = "https://www.example.org/" + "very-long-path-segment" * 12
    data = example(**{"portrait.about_me": url})
    page, pdf = portrait_pdf(store, Pupil.model_validate(data))
    assert page.fitted.fits
    assert page.fitted.document.idealWidth() <= content_size().width() + 1
    assert "very-long-path-segment" in pdf_pages(pdf)[0]


def test_control_characters_and_markup_never_reach_the_page(store: Store) -> None:
    data = example(**{"portrait.about_me": "Bell\x07 <b>not bold</b> {{ 6*7 }} \x1b[0m end"})
    _, pdf = portrait_pdf(store, Pupil.model_validate(data))
    [text] = pdf_pages(pdf)
    assert "Bell <b>not bold</b> {{ 6*7 }} [0m end" in text
    assert "42" not in text


def test_fonts_are_embedded(sample_store: Store) -> None:
    _, data = portrait_pdf(sample_store, by_name(sample_store, "Mira Hussain"))
    page = PdfReader(io.BytesIO(data)).pages[0]
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _colour_near(image: object, x: int, y: int, colour: str, tolerance: int = 40) -> bool:
    pixel = image.getpixel((x, y))  # type: ignore[attr-defined]
    target = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))


def test_the_photo_or_the_initials_tile_sits_top_left(sample_store: Store, tmp_path: Path) -> None:
    # Mira has a drawn avatar (photo consent); Zofia has no consent: initials instead.
    mira = by_name(sample_store, "Mira Hussain")
    _, with_photo = portrait_pdf(sample_store, mira)
    image = page_image(with_photo, tmp_path)
    dpi = 50
    x, y = round(17 / 25.4 * dpi), round(20 / 25.4 * dpi)  # the photo box's top-left corner
    avatar = sample_store.photo_path(mira)
    assert avatar is not None
    from PIL import Image

    with Image.open(avatar) as source:
        corner = source.convert("RGB").getpixel((10, 10))
    assert isinstance(corner, tuple)
    assert _colour_near(image, x, y, "#{:02x}{:02x}{:02x}".format(*corner))

    zofia = by_name(sample_store, "Zofia Kowalska")
    page, without_photo = portrait_pdf(sample_store, zofia)
    tile = palette.TILES[page.fitted.view.tile_colour]
    image = page_image(without_photo, tmp_path)
    assert _colour_near(image, x, y, tile)
    assert "ZK" in pdf_pages(without_photo)[0]
    # The band to the right of the photo is the band colour.
    assert _colour_near(image, round(150 / 25.4 * dpi), round(16 / 25.4 * dpi), palette.BAND)


def test_printing_paints_the_same_page(sample_store: Store, tmp_path: Path) -> None:
    mira = by_name(sample_store, "Mira Hussain")
    view = page_view(mira, SchoolSettings(), Audience.STAFF, photo=sample_store.photo_path(mira))
    fitted = fit_page(view, 11.0, photo=sample_store.photo_path(mira))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_pages([PrintedPage(fitted, footer_for(view))], printer)
    [text] = pdf_pages(out.read_bytes())
    assert "Mira Hussain" in text and "How to help me" in text
