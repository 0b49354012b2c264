"""Exports of whole portraits: fit each pupil's page, then write PDF or Word.

Used by the command line and the app alike. Fitting needs Qt (QtGui only); writing Word then
uses the size the PDF fit chose, so the two files show the same page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from penportrait.core.bank import Bank, load_bank
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings, logo_path
from penportrait.core.store import Store
from penportrait.core.views import Audience, PageView, page_view
from penportrait.render.footer import footer_for, page_title
from penportrait.render.output import RenderError
from penportrait.render.pdf import FittedPage, PrintedPage, fit_page, write_pdf

if TYPE_CHECKING:
    from penportrait.render.docx import WordPage

FORMATS: Final = (".pdf", ".docx")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Overflow:
    """A pupil whose portrait does not fit on one page even at 9 pt."""

    name: str
    sections: list[str]

    def __str__(self) -> str:
        return f"{self.name} does not fit on one page: shorten {' or '.join(self.sections)}"


def output_format(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise RenderError(f"{out.name}: the output must end in .pdf or .docx")
    return suffix


def fit_portrait(
    store: Store,
    pupil: Pupil,
    settings: SchoolSettings,
    audience: Audience,
    *,
    note: str = "",
    bank: Bank | None = None,
) -> PrintedPage:
    """One pupil's page, fitted, with its footer. ``bank`` (read from the data folder when not
    given) says which MUST DOs the cover copy marks "trained staff only"."""
    photo = store.photo_path(pupil)
    view = page_view(
        pupil,
        settings,
        audience,
        photo=photo,
        logo=logo_path(store.root, settings),
        bank=bank if bank is not None else load_bank(store.root),
    )
    fitted = fit_page(view, settings.base_font_pt, photo=photo)
    return PrintedPage(fitted, footer_for(view, note))


def fit_portraits(
    store: Store,
    pupils: Sequence[Pupil],
    settings: SchoolSettings,
    audience: Audience,
    progress: Progress | None = None,
) -> list[PrintedPage]:
    pages = []
    bank = load_bank(store.root)
    for index, pupil in enumerate(pupils):
        pages.append(fit_portrait(store, pupil, settings, audience, bank=bank))
        if progress:
            progress(index + 1, len(pupils))
    return pages


def overflows(pages: Sequence[PrintedPage]) -> list[Overflow]:
    return [
        Overflow(page_title(page.fitted.view), page.fitted.sections_to_shorten())
        for page in pages
        if not page.fitted.fits and isinstance(page.fitted.view, PageView)
    ]


def write_pages(pages: Sequence[PrintedPage], out: Path) -> None:
    """Write fitted pages to ``out``: PDF or Word, by its suffix."""
    if output_format(out) == ".pdf":
        write_pdf(pages, out)
    else:
        from penportrait.render.docx import write_docx  # python-docx: only when writing Word

        write_docx([word_page(page) for page in pages], out)


def word_page(page: PrintedPage) -> WordPage:
    from penportrait.render.docx import WordPage

    fitted = page.fitted
    assert isinstance(fitted.view, PageView), "a portrait page"
    logo = _logo_bytes(fitted.view.logo)
    return WordPage(
        fitted.view,
        fitted.base_pt,
        page.footer,
        photo=_jpeg(fitted),
        logo=logo,
        notes=fitted.notes,
    )


def _logo_bytes(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _jpeg(fitted: FittedPage) -> bytes | None:
    if fitted.photo is None or not isinstance(fitted.view, PageView) or fitted.view.photo is None:
        return None
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 stubs say bytes, but the binding only accepts str here.
    fitted.photo.save(buffer, "JPG", 90)  # type: ignore[call-overload]
    buffer.close()
    return bytes(array.data())
