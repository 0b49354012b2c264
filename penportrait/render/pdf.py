"""Pages on paper: lay a page's HTML out on A4, fit it to one side, and paint it.

Qt's QTextDocument is the page engine (QtGui only, no widgets). The page is laid out against a
300 dpi QPdfWriter, not the screen: at screen resolution font sizes snap and waste space.
Fitting finds the largest base size, between the school's size and a 9 pt floor, at which the
page is one side of A4. If even 9 pt does not fit, nothing is cut: the result runs onto a
second page and says which sections are longest.

The footer (confidentiality, who updated it, review date, copy number) is painted under the
document by paint_page, so it sits at the foot of every page whatever the content.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
    QTextTable,
)

from penportrait import resources
from penportrait.core.school import FONT_FLOOR_PT
from penportrait.core.views import OverviewView, PageView
from penportrait.render import palette
from penportrait.render.footer import Footer as Footer  # re-exported: the page's footer
from penportrait.render.footer import footer_for as footer_for
from penportrait.render.footer import overview_footer as overview_footer
from penportrait.render.footer import page_title as page_title
from penportrait.render.geometry import (
    A4_HEIGHT_MM,
    A4_WIDTH_MM,
    CONTENT_HEIGHT_MM,
    CONTENT_WIDTH_MM,
    FOOTER_MM,
    MARGIN_MM,
)
from penportrait.render.html import (
    DEFAULT_DPI,
    LOGO_URL,
    PAGE_FONT,  # the bundled Liberation Sans; the Word file names Arial, the same metrics
    PHOTO_URL,
    overview_photo_url,
    render_overview,
    render_portrait,
)
from penportrait.render.output import RenderError as RenderError  # re-exported
from penportrait.render.output import write_output

# The only title an exported PDF carries (no pupil, group or author: see write_pdf).
EXPORT_TITLE: Final = "Confidential pupil information (PenPortrait)"
A4_MM: Final = QSizeF(A4_WIDTH_MM, A4_HEIGHT_MM)
STEP_PT: Final = 0.1
ENDLESS: Final = 1e7  # a page height no portrait reaches: layout without page breaks
LIST_INDENT_MM: Final = 4.0


# -- Qt set-up --------------------------------------------------------------------------------


def ensure_gui_application() -> None:
    """QTextDocument needs a QGuiApplication for fonts; the command line has none yet.

    The app (and pytest-qt) create a full QApplication first, and that one is used.
    """
    if QGuiApplication.instance() is None:
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        globals()["_APP"] = QGuiApplication([sys.argv[0] if sys.argv else "penportrait"])
    _install_fonts()
    _keep_none_alive()


@functools.cache
def _keep_none_alive() -> None:
    """Work around PySide6 6.12.0 on Python 3.11: every Qt method that returns nothing (setText,
    setPageSize, setHtml...) drops a reference to None it never took. After about 16,000 such
    calls None's count reaches zero and the process aborts ("none_dealloc"); laying out pages
    makes a dozen a page, so a long session or a big pack would crash. Python 3.12 made None
    immortal; before that, give it a count no program will wear down. Measured: 1,000 calls
    of QTextDocument.setDocumentMargin lower sys.getrefcount(None) by exactly 1,000."""
    import PySide6

    if sys.version_info >= (3, 12) or PySide6.__version_info__[:2] < (6, 12):
        return  # pyproject excludes 6.12.0; this guards a later 6.12 with the same fault
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += 1 << 40


@functools.cache
def _install_fonts() -> None:
    """Load the page's own fonts (shipped in the package) once, before any page is laid out.

    The page is fitted against these files, never the machine's fonts, so the fitted size and
    the line breaks are the same on every machine (Liberation Sans has Arial's metrics, which
    is why the Word file can name Arial).
    """
    for name in resources.PAGE_FONT_FILES:
        if QFontDatabase.addApplicationFontFromData(QByteArray(resources.read_font(name))) < 0:
            raise RuntimeError(f"PenPortrait's page font {name} is damaged: reinstall the app")


_local = threading.local()
_DEVICES: list[tuple[QPdfWriter, QBuffer]] = []


def _measuring_device() -> QPdfWriter:
    """A 300 dpi A4 PDF writer that is never written: the device pages are laid out against.

    One per thread (packs lay pages out in a worker), kept alive because documents laid out
    against it keep a pointer to it.
    """
    device = getattr(_local, "device", None)
    if device is None:
        ensure_gui_application()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        device = _a4_writer(buffer)
        _local.device, _local.buffer = device, buffer
        # Kept for the life of the process: a document laid out in a worker thread keeps a
        # pointer to that thread's device, and may be painted after the thread has gone.
        _DEVICES.append((device, buffer))
    return device


def _a4_writer(target: QIODevice | str) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(DEFAULT_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setCreator("PenPortrait")
    return writer


def _mm(value: float, dpi: float = DEFAULT_DPI) -> float:
    return value * dpi / 25.4


def content_size(dpi: float = DEFAULT_DPI) -> QSizeF:
    """The area the document fills on an A4 page, in device pixels."""
    return QSizeF(_mm(CONTENT_WIDTH_MM, dpi), _mm(CONTENT_HEIGHT_MM, dpi))


# -- fitting ----------------------------------------------------------------------------------


@dataclass
class FittedPage:
    """A page view laid out at the size that fits it (or at the floor, when nothing fits).

    The layout belongs to the thread that made it: Qt keeps fonts (and FreeType's faces) per
    thread, and frees them when that thread ends, so a document laid out in a worker and
    painted elsewhere after the worker's thread has gone paints freed memory. A worker hands a
    page on with ``release_layout()``; the thread that paints it lays the same HTML out again at
    the size already found (one layout, no search).
    """

    view: PageView | OverviewView
    base_pt: float
    html: str = field(repr=False)
    images: dict[str, QImage] = field(repr=False)
    photo: QImage | None = field(default=None, repr=False)
    notes: bool = False  # the cover copy has a "Notes from today" box
    # An overview over several sheets: the rows on each (Word splits its table the same way).
    sheets: tuple[range, ...] = ()
    _document: QTextDocument | None = field(default=None, repr=False)
    _measured: tuple[int, float] | None = field(default=None, repr=False)  # pages, height

    @property
    def document(self) -> QTextDocument:
        if self._document is None:
            self._document = _laid_out(self.html, self.images, _measuring_device())
        return self._document

    def release_layout(self) -> None:
        """Drop the layout in this thread; the next painting lays the page out in its own.

        What the layout measured (pages, height) is kept, so counting pages costs nothing.
        """
        if self._document is not None:
            self._measured = (self._document.pageCount(), self._document.size().height())
        self._document = None

    def _measure(self) -> tuple[int, float]:
        if self._document is None and self._measured is not None:
            return self._measured
        return self.document.pageCount(), self.document.size().height()

    @property
    def pages(self) -> int:
        return self._measure()[0]

    @property
    def fits(self) -> bool:
        return self._measure()[1] <= content_size().height()

    @property
    def fill(self) -> float:
        """How much of the first page the content fills (0 to 1)."""
        return min(1.0, self._measure()[1] / content_size().height())

    def sections_to_shorten(self, count: int = 2) -> list[str]:
        """The headings of the longest sections: what to shorten when it does not fit."""
        if not isinstance(self.view, PageView):
            return []
        return [s.heading for s in self.view.longest_sections[:count]]

    def fit_message(self) -> str:
        if self.fits:
            return f"Fits on one page at {self.base_pt:g} pt"
        if not isinstance(self.view, PageView):
            return f"Runs over {self.pages} pages, with the table header on each"
        shorten = " or ".join(self.sections_to_shorten())
        return f"Too long for one page: shorten {shorten}"


# A cover copy keeps its "Notes from today" box when the page with it still fits (a little
# slack kept, so the box never pushes a page to the brim).
NOTES_ROOM_WITH_BOX: Final = 0.98


def fit_page(view: PageView, base_pt: float, *, photo: Path | None = None) -> FittedPage:
    """Lay a portrait out at the largest size from ``base_pt`` down to 9 pt that fits a page.

    A cover copy with room to spare gets a "Notes from today" box for the cover teacher.
    """
    image = load_photo(photo) if view.photo is not None and photo is not None else None
    aspect = image.height() / image.width() if image is not None else 1.0
    images = {PHOTO_URL: image} if image is not None else {}
    images.update(_logo(view.logo))
    if view.audience.value == "cover":
        # Most cover copies fit at the school's size with room to spare: try that first, with
        # the box, in one layout; otherwise fit as usual, without it.
        notes_html = render_portrait(view, base_pt, photo_aspect=aspect, notes=True)
        with_notes = _document(notes_html, images, _measuring_device())
        if with_notes.size().height() <= content_size().height() * NOTES_ROOM_WITH_BOX:
            return FittedPage(
                view, base_pt, notes_html, images, image, notes=True, _document=with_notes
            )
    document, size, html = fit_html(
        lambda pt: render_portrait(view, pt, photo_aspect=aspect), base_pt, images
    )
    return FittedPage(view, size, html, images, image, _document=document)


def _logo(path: Path | None) -> dict[str, QImage]:
    """The school's logo as a page image (none when there is no readable file)."""
    if path is None:
        return {}
    image = QImage(str(path))
    if image.isNull():
        return {}
    if image.height() > 300:  # 10 mm at 300 dpi is about 120 px: no need for more
        image = image.scaledToHeight(300, Qt.TransformationMode.SmoothTransformation)
    return {LOGO_URL: image}


OVERVIEW_PAGES_AIM: Final = 2  # a class of 30 on at most two sheets


def fit_overview(view: OverviewView, base_pt: float) -> FittedPage:
    """Lay a class overview out: on one page if it fits at 9 pt or more; otherwise on as few
    sheets as it takes at the largest size that keeps it to two (or at 9 pt when nothing
    does), split between rows, each continued sheet with the group and the header again."""
    images = _logo(view.logo)
    for row in view.rows:
        if row.photo is not None:
            thumb = load_photo(row.photo)
            if thumb is not None:
                images[overview_photo_url(row.pupil_id)] = thumb.scaledToWidth(
                    240, Qt.TransformationMode.SmoothTransformation
                )
    device = _measuring_device()
    page_height = content_size().height()
    floor = round(FONT_FLOOR_PT / STEP_PT)
    at_floor = _document(render_overview(view, floor * STEP_PT), images, device)
    if at_floor.size().height() <= page_height or not view.rows:
        document, size, html = fit_html(lambda pt: render_overview(view, pt), base_pt, images)
        return FittedPage(view, size, html, images, None, _document=document)
    # More than a page even at 9 pt: split by whole rows, at the largest size that keeps to
    # the aim. Counting sheets needs one layout of the rows (and a small one of a continued
    # sheet's header); the sheets themselves are laid out once, at the size chosen.
    # Sizes in half points (what Word stores): a bisection of a few layouts, not a dozen.
    low, best = 0, _split(view, FONT_FLOOR_PT, images, at_floor)
    sizes = [FONT_FLOOR_PT + step / 2 for step in range(int((base_pt - FONT_FLOOR_PT) * 2) + 1)]
    if len(best[0]) <= OVERVIEW_PAGES_AIM:
        high = len(sizes)
        while high - low > 1:
            middle = (low + high) // 2
            candidate = _split(view, sizes[middle], images)
            if len(candidate[0]) <= OVERVIEW_PAGES_AIM:
                low, best = middle, candidate
            else:
                high = middle
    chunks, html, document = best
    return FittedPage(
        view, sizes[low], html, images, None, _document=document, sheets=tuple(chunks)
    )


# Room kept free at the foot of an overview sheet when its rows are split again (fractions of
# the page's height), tried in turn until the sheets come out as split.
SHEET_SLACK_RETRIES: Final = (0.02, 0.05, 0.1, 0.2)


def _split(
    view: OverviewView, pt: float, images: dict[str, QImage], single: QTextDocument | None = None
) -> tuple[list[range], str, QTextDocument]:
    """The rows split between sheets at ``pt``, checked on the sheets as laid out.

    The split is measured on one flowing layout; on real sheets a row can still come out a
    line taller than measured and be carried over, split, onto a sheet of its own. So the
    sheets are laid out, and split again with more room to spare until every row is whole.
    """
    device = _measuring_device()
    chunks = _sheets(view, pt, images, single)
    html = render_overview(view, pt, chunks)
    document = _document(html, images, device, paged=True)
    for slack in SHEET_SLACK_RETRIES:
        if document.pageCount() <= len(chunks):
            break
        chunks = _sheets(view, pt, images, slack=slack)
        html = render_overview(view, pt, chunks)
        document = _document(html, images, device, paged=True)
    return chunks, html, document


def _sheets(
    view: OverviewView,
    pt: float,
    images: dict[str, QImage],
    single: QTextDocument | None = None,
    *,
    slack: float = 0.0,
) -> list[range]:
    """The overview's rows at ``pt`` split between sheets, whole rows only (greedy), keeping
    ``slack`` (a fraction of the page) free at the foot of each sheet."""
    device = _measuring_device()
    page_height = content_size().height() * (1 - slack) - 2  # a little slack for rounding
    if single is None:
        single = _document(render_overview(view, pt), images, device)
    tops, bottom, first_top = _row_extents(single)
    cont_top = first_top
    if len(view.rows) > 1:
        probe = _document(
            render_overview(view, pt, [range(0, 1), range(1, 2)], page_breaks=False),
            images,
            device,
        )
        probe_tops, _, _ = _row_extents(probe, table=-1)
        cont_top = (probe_tops[0] if probe_tops else first_top) - _sheet_start(probe)
    # Qt puts an empty paragraph after each table: below a sheet filled to the last line it
    # spills onto a page of its own, and the next sheet's page break leaves that page blank.
    after = _after_table(single)
    chunks: list[range] = []
    start, used_top = 0, first_top
    for index in range(len(view.rows)):
        row_bottom = tops[index + 1] if index + 1 < len(tops) else bottom
        room = page_height - (after if index + 1 < len(view.rows) else 0.0)
        if used_top + (row_bottom - tops[start]) > room and index > start:
            chunks.append(range(start, index))
            start, used_top = index, cont_top
    chunks.append(range(start, len(view.rows)))
    return chunks


def _row_tables(document: QTextDocument) -> list[QTextTable]:
    from penportrait.render.html import OVERVIEW_COLUMNS

    frames = document.rootFrame().childFrames()
    return [f for f in frames if isinstance(f, QTextTable) and f.columns() == len(OVERVIEW_COLUMNS)]


def _row_extents(document: QTextDocument, table: int = 0) -> tuple[list[float], float, float]:
    """The top of each row of the overview's row table (the first, or ``table``-th), its
    bottom, and the top of its first row (all measured at the first block of a cell)."""
    tables = _row_tables(document)
    if not tables:
        return [], 0.0, 0.0
    chosen = tables[table]
    layout = document.documentLayout()
    tops = [
        layout.blockBoundingRect(chosen.cellAt(row, 1).firstCursorPosition().block()).top()
        for row in range(1, chosen.rows())  # row 0 is the header
    ]
    bottom = layout.frameBoundingRect(chosen).bottom()
    return tops, bottom, (tops[0] if tops else bottom)


def _after_table(document: QTextDocument) -> float:
    """The height of the empty paragraph Qt puts after the overview's row table."""
    tables = _row_tables(document)
    if not tables:
        return 0.0
    block = tables[0].lastCursorPosition().block().next()
    return document.documentLayout().blockBoundingRect(block).height() if block.isValid() else 0.0


def _sheet_start(document: QTextDocument) -> float:
    """Where the last sheet's content starts (its band) in a layout of several sheets."""
    frames = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    rows = _row_tables(document)
    if len(rows) < 2:
        return 0.0
    band = frames[frames.index(rows[-1]) - 1]  # a continued sheet's band comes just before
    return document.documentLayout().frameBoundingRect(band).top()


def fit_html(
    render: Callable[[float], str], base_pt: float, images: dict[str, QImage]
) -> tuple[QTextDocument, float, str]:
    """The largest size from ``base_pt`` down to 9 pt at which ``render(size)`` fits a page.

    Most pages fit at the school's size: one layout. Otherwise the size is searched in tenths of
    a point. Each layout costs a parse and a layout (about 5 ms), so the search starts where the
    overflow says the answer is (height grows roughly as size^1.3), gallops outwards in
    doubling steps until the boundary is bracketed, then bisects: usually two or three layouts,
    never many more than plain bisection.

    Pages are laid out on one endless page while fitting, so heights are exact (no gaps from
    page breaks) and "fits" means "no taller than an A4 page". A page that does not fit even at
    the floor is paginated for real, so it prints over more pages with every word kept.
    """
    layout = _Layouts(render, images)
    floor = round(FONT_FLOOR_PT / STEP_PT)
    high = max(floor, round(base_pt / STEP_PT))
    document, fits = layout(high)
    if fits:
        return document, high * STEP_PT, layout.html[document]
    overflow = document.size().height()
    estimate = round(high * (layout.page_height / overflow) ** (1 / 1.3))
    probe = min(max(estimate, floor), high - 1) if high > floor else floor
    document, fits = layout(probe)
    if fits:
        bracket = _gallop_up(layout, probe, document, high)
    else:
        found = _gallop_down(layout, probe, document, floor)
        if isinstance(found, QTextDocument):  # not even the floor fits: keep every word,
            found.setPageSize(content_size())  # over more pages
            return found, FONT_FLOOR_PT, layout.html[found]
        bracket = found
    low, best = _bisect(layout, *bracket)
    return best, round(low * STEP_PT, 1), layout.html[best]


class _Layouts:
    """``render(size)`` laid out on one endless page at sizes in tenths of a point, each
    page's HTML kept, and whether it fits an A4 page."""

    def __init__(self, render: Callable[[float], str], images: dict[str, QImage]) -> None:
        self.render, self.images = render, images
        self.device = _measuring_device()
        self.page_height = content_size().height()
        self.html: dict[QTextDocument, str] = {}

    def __call__(self, tenths: int) -> tuple[QTextDocument, bool]:
        source = self.render(tenths * STEP_PT)
        document = _document(source, self.images, self.device)
        self.html[document] = source
        return document, document.size().height() <= self.page_height


# (largest size known to fit, its page, smallest size known not to fit), in tenths of a point
_Bracket = tuple[int, QTextDocument, int]


def _gallop_up(layout: _Layouts, low: int, best: QTextDocument, high: int) -> _Bracket:
    """From ``low``, which fits, towards ``high``, which does not, in doubling steps."""
    step = 1
    while high - low > 1:
        candidate, fits = layout(min(low + step, high - 1))
        if not fits:
            high = min(low + step, high - 1)
            break
        low, best, step = min(low + step, high - 1), candidate, step * 2
    return low, best, high


def _gallop_down(
    layout: _Layouts, high: int, document: QTextDocument, floor: int
) -> _Bracket | QTextDocument:
    """From ``high``, which does not fit, down towards the floor in doubling steps; or the
    page at the floor when not even that fits."""
    step = 1
    while True:
        if high == floor:
            return document
        probe = max(floor, high - step)
        document, fits = layout(probe)
        if fits:
            return probe, document, high
        high, step = probe, step * 2


def _bisect(
    layout: _Layouts, low: int, best: QTextDocument, high: int
) -> tuple[int, QTextDocument]:
    while high - low > 1:
        middle = (low + high) // 2
        candidate, fits = layout(middle)
        if fits:
            low, best = middle, candidate
        else:
            high = middle
    return low, best


def _laid_out(html: str, images: dict[str, QImage], device: QPagedPaintDevice) -> QTextDocument:
    """Lay out HTML already fitted: on one page if it fits, else paginated as fit_html does."""
    document = _document(html, images, device)
    if document.size().height() > content_size().height():
        document.setPageSize(content_size())
    return document


def _document(
    html: str, images: dict[str, QImage], device: QPagedPaintDevice, *, paged: bool = False
) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    option = QTextOption()
    # A pasted web address wraps inside its column instead of pushing the layout off the page.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    font = QFont(PAGE_FONT, 11)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    document.setDefaultFont(font)
    # In CSS pixels, like every length in the HTML: Qt scales it to the device.
    document.setIndentWidth(LIST_INDENT_MM * 96 / 25.4)
    for url, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    # One endless page while fitting (see fit_html); the width is the page's. A document with
    # page breaks (an overview over several sheets) is laid out on real pages from the start.
    document.setPageSize(content_size() if paged else QSizeF(content_size().width(), ENDLESS))
    document.setHtml(html)
    return document


def load_photo(path: Path) -> QImage | None:
    """The photo for the page, cropped to between square and 4:5 if it is not already."""
    image = QImage(str(path))
    if image.isNull():
        return None
    width, height = image.width(), image.height()
    if height < width:  # landscape: the middle square
        image = image.copy((width - height) // 2, 0, height, height)
    elif height > width * 1.25:  # very tall: keep the top, where the face is
        image = image.copy(0, 0, width, round(width * 1.25))
    return image


# -- painting ---------------------------------------------------------------------------------


def paint_page(
    painter: QPainter, fitted: FittedPage, index: int, *, dpi: float, footer: Footer
) -> None:
    """Paint page ``index`` of ``fitted`` on an A4 device of ``dpi`` (its top-left at 0, 0)."""
    scale = dpi / DEFAULT_DPI
    size = content_size()
    painter.save()
    painter.translate(_mm(MARGIN_MM, dpi), _mm(MARGIN_MM, dpi))
    painter.scale(scale, scale)
    painter.translate(0, -index * size.height())
    clip = QRectF(0, index * size.height(), size.width(), size.height())
    fitted.document.drawContents(painter, clip)
    painter.restore()
    _paint_footer(painter, dpi, footer, page=index + 1, pages=fitted.pages)


def footer_line(
    footer: Footer, metrics: QFontMetricsF, width: float, *, page: int = 1, pages: int = 1
) -> list[tuple[str, float, float]]:
    """The footer's left, centre and right texts as (text, x, width) on a line ``width`` wide,
    measured with ``metrics``: never overlapping, with a gap between them.

    The left text (the pupil's name, CONFIDENTIAL) and the right (the review date, "Page n of
    m") stay whole; when the line is crowded the school's name is shortened with an ellipsis
    (or left out), then the centre ("Updated by..."). Only a name too long for the line on its
    own is ever cut. The centre sits in the middle of the page when there is room there."""
    gap = metrics.horizontalAdvance("  ")  # two em spaces
    numbered = f"Page {page} of {pages}" if pages > 1 else ""
    right = " · ".join(part for part in (footer.right, numbered) if part)
    if metrics.horizontalAdvance(right) > width:  # only a pathological review text
        right = metrics.elidedText(right, Qt.TextElideMode.ElideMiddle, width)
    right_width = metrics.horizontalAdvance(right) if right else 0.0
    room = width - (right_width + gap if right else 0.0)  # for the left and the centre
    centre_width = metrics.horizontalAdvance(footer.centre) if footer.centre else 0.0
    left = footer.left_text
    left_room = room - (centre_width + gap if footer.centre else 0.0)
    if footer.school and metrics.horizontalAdvance(left) > left_room:
        prefix = footer.left + " · " if footer.left else ""
        school = metrics.elidedText(
            footer.school,
            Qt.TextElideMode.ElideRight,
            max(0.0, left_room - metrics.horizontalAdvance(prefix)),
        )
        # A school's name shortened to a letter or two says nothing: leave it out.
        left = prefix + school if len(school.rstrip("…")) >= 6 else footer.left
    if metrics.horizontalAdvance(left) > room:  # a name longer than the line itself
        left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, room)
    left_width = metrics.horizontalAdvance(left)
    centre = footer.centre
    centre_room = room - left_width - gap
    if centre and centre_width > centre_room:
        centre = metrics.elidedText(centre, Qt.TextElideMode.ElideRight, max(0.0, centre_room))
        centre = centre if len(centre.rstrip("…")) >= 4 else ""
        centre_width = metrics.horizontalAdvance(centre) if centre else 0.0
    parts = [(left, 0.0, left_width)] if left else []
    if centre:
        middle = (width - centre_width) / 2
        low, high = left_width + gap, room - centre_width
        parts.append((centre, min(max(middle, low), high), centre_width))
    if right:
        parts.append((right, width - right_width, right_width))
    return parts


def _paint_footer(painter: QPainter, dpi: float, footer: Footer, *, page: int, pages: int) -> None:
    left = _mm(MARGIN_MM, dpi)
    width = _mm(CONTENT_WIDTH_MM, dpi)
    top = _mm(A4_HEIGHT_MM - MARGIN_MM - FOOTER_MM + 2.0, dpi)
    painter.save()
    painter.setPen(QPen(QColor(palette.RULE), max(1.0, _mm(0.3, dpi))))
    painter.drawLine(QPointF(left, top), QPointF(left + width, top))
    font = QFont(PAGE_FONT)
    # In pixels of this device: a point size would resolve at the device's own dpi, which for
    # the live preview (a widget) is not the page's scale.
    font.setPixelSize(max(1, round(7.5 * dpi / 72)))
    painter.setFont(font)
    painter.setPen(QColor(palette.MUTED))
    height = _mm(3.5, dpi)
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    metrics = QFontMetricsF(font, painter.device())
    for text, x, text_width in footer_line(footer, metrics, width, page=page, pages=pages):
        # A hair wider than measured, so rounding never wraps or clips the last letter.
        box = QRectF(left + x, top + _mm(1.0, dpi), text_width + 1.0, height)
        painter.drawText(box, align | Qt.TextFlag.TextSingleLine, text)
    if footer.note:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(palette.INK))
        note = QRectF(left, top + _mm(4.5, dpi), width, height)
        painter.drawText(
            note, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, footer.note
        )
    painter.restore()


# -- output -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintedPage:
    """One fitted page with its footer, ready to paint."""

    fitted: FittedPage
    footer: Footer


def write_pdf(pages: Sequence[PrintedPage], out: Path, *, title: str = "") -> None:
    """Write ``pages`` to ``out`` as one PDF (A4, fonts embedded), replacing it atomically."""
    data = pdf_bytes(pages, title=title)
    write_output(out, data)


def pdf_bytes(pages: Sequence[PrintedPage], *, title: str = "") -> bytes:
    ensure_gui_application()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _a4_writer(buffer)
    # Deliberately no pupil's name, group or author in the metadata: a file list, a print
    # queue or a PDF reader's title bar shows the title to anyone passing (README: exports).
    writer.setTitle(title or EXPORT_TITLE)
    _paint_all(pages, writer, DEFAULT_DPI)
    buffer.close()
    return bytes(array.data())


def print_pages(pages: Sequence[PrintedPage], printer: QPagedPaintDevice) -> None:
    """Print ``pages`` on a QPrinter (set up by the system print dialog): the same pages."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    _paint_all(pages, printer, printer.logicalDpiY())


def _paint_all(pages: Sequence[PrintedPage], device: QPagedPaintDevice, dpi: float) -> None:
    """Every sheet of every page, one after another, on a PDF writer or a printer."""
    with _painting(device) as painter:
        first = True
        for page in pages:
            for index in range(page.fitted.pages):
                if not first:
                    device.newPage()
                first = False
                paint_page(painter, page.fitted, index, dpi=dpi, footer=page.footer)


@contextlib.contextmanager
def _painting(device: QPagedPaintDevice) -> Iterator[QPainter]:
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("the page could not be drawn (the printer or file refused it)")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        yield painter
    finally:
        painter.end()
