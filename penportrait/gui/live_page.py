"""The live page: the exact page that will print, updated a moment after typing stops.

It paints the fitted document itself (render.pdf.paint_page, the same code that writes the
PDF), scaled to the widget. Layout runs on a short timer after the last change, never on the
keystroke, so typing never waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from penportrait.core.bank import Bank
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.views import AUDIENCE_LABELS, Audience, page_view
from penportrait.render.pdf import A4_MM, FittedPage, Footer, fit_page, footer_for, paint_page

LAYOUT_DELAY_MS: Final = 250
PAGE_GAP: Final = 12


class PageCanvas(QWidget):
    """Paints the fitted pages, each an A4 sheet as wide as the widget allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fitted: FittedPage | None = None
        self.footer: Footer | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Page preview")

    def show_page(self, fitted: FittedPage | None, footer: Footer | None) -> None:
        self.fitted, self.footer = fitted, footer
        self.updateGeometry()
        self.update()

    def _page_size(self) -> QSize:
        width = max(200, self.width() - 2 * PAGE_GAP)
        return QSize(width, round(width * A4_MM.height() / A4_MM.width()))

    def sizeHint(self) -> QSize:
        pages = self.fitted.pages if self.fitted else 1
        page = self._page_size()
        return QSize(420, pages * (page.height() + PAGE_GAP) + PAGE_GAP)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        pages = self.fitted.pages if self.fitted else 1
        page_height = round((width - 2 * PAGE_GAP) * A4_MM.height() / A4_MM.width())
        return pages * (page_height + PAGE_GAP) + PAGE_GAP

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Mid))
        if self.fitted is None or self.footer is None:
            painter.end()
            return
        page = self._page_size()
        dpi = page.width() / (A4_MM.width() / 25.4)
        for index in range(self.fitted.pages):
            top = PAGE_GAP + index * (page.height() + PAGE_GAP)
            sheet = QRectF(PAGE_GAP, top, page.width(), page.height())
            painter.fillRect(sheet.translated(2, 2), QColor(0, 0, 0, 60))
            painter.fillRect(sheet, Qt.GlobalColor.white)
            painter.save()
            painter.translate(sheet.topLeft())
            painter.setClipRect(QRectF(0, 0, page.width(), page.height()))
            paint_page(painter, self.fitted, index, dpi=dpi, footer=self.footer)
            painter.restore()
        painter.end()


class LivePage(QWidget):
    """The page preview with its audience switch and fit meter."""

    updated = Signal(object)  # the FittedPage just shown
    audience_changed = Signal(object)  # Audience
    check_requested = Signal()  # the user asked to see the plain-English hints

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audience = Audience.STAFF
        self.settings = SchoolSettings()
        self.logo: Path | None = None
        self.bank: Bank | None = None  # the school's: which MUST DOs are for trained staff
        self._pupil: Pupil | None = None
        self._photo: Path | None = None
        self.fitted: FittedPage | None = None

        self.staff_button = QPushButton("&Staff page")
        self.cover_button = QPushButton("C&over page")
        self.switch = QButtonGroup(self)
        for index, (button, audience) in enumerate(
            ((self.staff_button, Audience.STAFF), (self.cover_button, Audience.COVER))
        ):
            button.setCheckable(True)
            button.setAccessibleName(button.text().replace("&", ""))
            button.setToolTip(f"Show the page for {AUDIENCE_LABELS[audience].lower()} staff")
            self.switch.addButton(button, index)
        self.staff_button.setChecked(True)
        self.switch.idClicked.connect(
            lambda index: self.set_audience(Audience.STAFF if index == 0 else Audience.COVER)
        )

        self.meter = QLabel()
        self.meter.setAccessibleName("Fit")
        self.meter.setTextFormat(Qt.TextFormat.PlainText)
        self.meter.setWordWrap(True)
        self.hints = QPushButton()
        self.hints.setFlat(True)
        self.hints.setAccessibleName("Plain-English hints")
        self.hints.setToolTip("Check this portrait: list every plain-English hint")
        self.hints.clicked.connect(self.check_requested)
        self.hints.hide()

        self.canvas = PageCanvas()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        scroll.setAccessibleName("Page")

        top = QHBoxLayout()
        top.addWidget(self.staff_button)
        top.addWidget(self.cover_button)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        meters = QHBoxLayout()
        meters.addWidget(self.meter, 1)
        meters.addWidget(self.hints)
        layout.addLayout(meters)
        layout.addWidget(scroll, 1)

        self.timer = QTimer(self, singleShot=True, interval=LAYOUT_DELAY_MS)
        self.timer.timeout.connect(self.refresh)

    def show_pupil(self, pupil: Pupil | None, photo: Path | None, *, now: bool = False) -> None:
        """Lay ``pupil`` out shortly (or ``now``)."""
        self._pupil, self._photo = pupil, photo
        if now:
            self.refresh()
        else:
            self.timer.start()

    def set_settings(self, settings: SchoolSettings, *, logo: Path | None = None) -> None:
        """The school's settings, and its logo file (printed in the page header)."""
        self.settings, self.logo = settings, logo
        self.timer.start()

    def set_bank(self, bank: Bank) -> None:
        self.bank = bank
        self.timer.start()

    def handlers(self) -> dict[str, Callable[[], object]]:
        """View > Staff page / Cover page (gui/actions.py's MENUS names them)."""
        return {
            "staff_view": lambda: self.set_audience(Audience.STAFF),
            "cover_view": lambda: self.set_audience(Audience.COVER),
        }

    def bind_audience_actions(self, staff: QAction, cover: QAction) -> None:
        """The View menu's two pages: checkable, one checked, following the switch here."""
        group = QActionGroup(self)
        for action in (staff, cover):
            action.setCheckable(True)
            group.addAction(action)
        (staff if self.audience is Audience.STAFF else cover).setChecked(True)
        self.audience_changed.connect(
            lambda audience: (staff if audience is Audience.STAFF else cover).setChecked(True)
        )

    def set_audience(self, audience: Audience) -> None:
        if audience is self.audience:
            return
        self.audience = audience
        (self.staff_button if audience is Audience.STAFF else self.cover_button).setChecked(True)
        self.audience_changed.emit(audience)
        self.refresh()

    def refresh(self) -> None:
        self.timer.stop()
        if self._pupil is None:
            self.fitted = None
            self.canvas.show_page(None, None)
            self.meter.setText("")
            return
        view = page_view(
            self._pupil,
            self.settings,
            self.audience,
            photo=self._photo,
            logo=self.logo,
            bank=self.bank,
        )
        self.fitted = fit_page(view, self.settings.base_font_pt, photo=self._photo)
        self.canvas.show_page(self.fitted, footer_for(view))
        self._show_fit(self.fitted)
        self.updated.emit(self.fitted)

    def set_hint_count(self, count: int) -> None:
        self.hints.setText(f"{count} plain-English hint{'s' if count != 1 else ''}…")
        self.hints.setVisible(count > 0)

    def _show_fit(self, fitted: FittedPage) -> None:
        mark = "✓" if fitted.fits else "⚠"
        self.meter.setText(f"{mark} {fitted.fit_message()}")
        role = QPalette.ColorRole.WindowText
        palette = self.meter.palette()
        palette.setColor(role, self.palette().color(role) if fitted.fits else QColor("#b42318"))
        self.meter.setPalette(palette)
