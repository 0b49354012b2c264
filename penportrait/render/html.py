"""HTML pages from page views, with the one Jinja2 environment (STYLE.md 3).

Autoescape is on and undefined names fail, so a template typo is an error in the tests rather
than a blank on a printed page, and nothing a user typed is ever read as markup or template
syntax: it arrives as data and is escaped on the way out.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import jinja2
from markupsafe import Markup, escape

from penportrait import resources
from penportrait.core import sections
from penportrait.core.views import OverviewView, PageView, SectionView, columns
from penportrait.render import palette

PHOTO_URL: Final = "penportrait-photo:portrait"
LOGO_URL: Final = "penportrait-logo:school"
DEFAULT_DPI: Final = 300
# The page's font: shipped in penportrait/fonts and loaded by render.pdf, never the machine's.
PAGE_FONT: Final = "Liberation Sans"


def section_colours(section: SectionView) -> palette.SectionColours:
    """The colours of a boxed section: the palette's for its registry entry's colour role."""
    return palette.ROLES[section.spec.colour]


# The photo box, in millimetres; photos are stored between square and 4:5 (see core.photos).
PHOTO_WIDTH_MM: Final = 30.0


@functools.cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment: autoescape on, StrictUndefined, templates from resources."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(resources.read_template),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["page_font"] = PAGE_FONT
    env.globals["section_heading"] = sections.heading
    env.filters["lines"] = lines
    env.filters["nobreak"] = nobreak
    return env


def lines(text: str) -> Markup:
    """Escape ``text`` and keep the user's line breaks."""
    return Markup("<br>").join(escape(line) for line in str(text).split("\n"))


def nobreak(text: str) -> Markup:
    """Escape ``text`` and keep it on one line (a fact, a name): spaces become non-breaking,
    and a word joiner follows each slash ("he/him" is one word, not a place to wrap).

    The page font has no glyph for the word joiner, so Qt borrows one from whatever font the
    machine has, and that font's line height would change the fit from machine to machine: at
    1 pt the borrowed font is never the tallest thing on its line.
    """
    joiner = Markup('/<span style="font-size: 1pt;">&#8288;</span>')
    words = (escape(word).replace("/", joiner) for word in str(text).split(" "))
    return Markup("&#160;").join(words)


@dataclass(frozen=True)
class FontSizes:
    """Font sizes in points, all scaled from the page's base size."""

    base: float

    @property
    def small(self) -> float:
        return round(self.base * 0.85, 2)

    @property
    def tag(self) -> float:
        return round(self.base * 0.72, 2)

    @property
    def heading(self) -> float:
        return round(self.base * 1.05, 2)

    @property
    def title(self) -> float:
        return round(self.base * 2.0, 2)

    @property
    def initials(self) -> float:
        return round(self.base * 3.2, 2)

    @property
    def gap(self) -> float:
        return round(self.base * 0.45, 2)


CSS_PX_PER_INCH: Final = 96


@dataclass(frozen=True)
class Lengths:
    """Lengths in CSS pixels (1/96 inch). Qt scales every px length in HTML (widths, image
    sizes, padding, borders, margins) from 96 per inch to the device it lays out against."""

    photo_aspect: float  # height / width of the photo

    def mm(self, value: float) -> int:
        return max(1, round(value * CSS_PX_PER_INCH / 25.4))

    @property
    def pad(self) -> int:
        return self.mm(1.6)

    @property
    def band_pad(self) -> int:
        return self.mm(2.5)

    @property
    def band_side(self) -> int:
        return self.mm(42)

    @property
    def overview_side(self) -> int:
        """The overview band's right-hand cell: room for "Printed 24 September 2026" on one
        line at the largest size a school can choose, and for the logo's tile."""
        return self.mm(54)

    @property
    def photo_w(self) -> int:
        return self.mm(PHOTO_WIDTH_MM)

    @property
    def photo_h(self) -> int:
        return round(self.photo_w * self.photo_aspect)

    @property
    def tile_pad(self) -> int:
        return self.mm(6)

    @property
    def bullet(self) -> int:
        return self.mm(3.2)

    @property
    def item_gap(self) -> int:
        return self.mm(0.6)

    @property
    def line_gap(self) -> int:
        return self.mm(1.0)

    @property
    def alert_label(self) -> int:
        return self.mm(24)

    @property
    def alert_rule(self) -> int:
        return self.mm(0.5)

    @property
    def alert_frame(self) -> int:
        return self.mm(1.0)

    @property
    def logo_h(self) -> int:
        return self.mm(10)

    @property
    def tag_pad(self) -> int:
        return self.mm(1.0)

    @property
    def thumb(self) -> int:
        return self.mm(8)

    @property
    def cell_pad(self) -> int:
        return self.mm(0.5)

    @property
    def row_rule(self) -> int:
        return self.mm(0.25)

    @property
    def thumb_pad(self) -> int:
        return self.mm(2.0)


NOTES_LINES: Final = 4


def render_portrait(
    page: PageView, base_pt: float, *, photo_aspect: float = 1.0, notes: bool = False
) -> str:
    """The portrait page as HTML at base font size ``base_pt``; ``notes`` adds the cover
    teacher's "Notes from today" box."""
    left, right = columns(page)
    left_width = 48 if left and right else (100 if left else 0)
    return (
        environment()
        .get_template("portrait.html.j2")
        .render(
            page=page,
            pt=FontSizes(base_pt),
            px=Lengths(photo_aspect),
            c=palette,
            section_colours=section_colours,
            tile_colour=palette.TILES[page.tile_colour],
            tile_pad=_tile_pad(base_pt),
            photo_url=PHOTO_URL,
            logo_url=LOGO_URL,
            notes=notes,
            notes_lines=NOTES_LINES,
            left=left,
            right=right,
            left_width=left_width,
            gutter_width=2 if left and right else 0,
            right_width=100 - left_width - (2 if left and right else 0),
        )
    )


def _tile_pad(base_pt: float) -> int:
    """Padding above and below the initials that makes the tile as tall as it is wide, the
    size of a photo (Qt ignores a cell's height)."""
    line_mm = FontSizes(base_pt).initials * 1.15 * 25.4 / 72
    return Lengths(1.0).mm(max(1.0, (PHOTO_WIDTH_MM - line_mm) / 2))


OVERVIEW_COLUMNS: Final = (
    ("Pupil", 23),
    ("MUST DO", 49),
    ("Please avoid", 16),
    ("Call", 12),
)


def overview_photo_url(pupil_id: str) -> str:
    return f"penportrait-photo:{pupil_id}"


def render_overview(
    page: OverviewView,
    base_pt: float,
    pages: Sequence[range] | None = None,
    *,
    page_breaks: bool = True,
) -> str:
    """The class overview as HTML at base font size ``base_pt``.

    ``pages`` splits the rows between sheets (each a range of row numbers); every sheet after
    the first starts on a new page with the group's name and the table header again, so a row
    is never split and no page is anonymous.
    """
    chunks = list(pages) if pages is not None else [range(len(page.rows))]
    return (
        environment()
        .get_template("overview.html.j2")
        .render(
            page=page,
            pt=FontSizes(base_pt),
            px=Lengths(1.0),
            c=palette,
            tiles=palette.TILES,
            row_tint=palette.PERSON.tint,
            columns=OVERVIEW_COLUMNS,
            photo_url=overview_photo_url,
            logo_url=LOGO_URL,
            chunks=chunks,
            page_breaks=page_breaks,
        )
    )
