"""Portraits in Word: the same PageView as the PDF, built with python-docx.

The same sections in the same order, with the same headings, colours, photo or initials, at
the base size the PDF fit chose (rounded down to the half point Word can store), in Arial.
Table widths are set on the columns and on every cell: LibreOffice ignores cell widths alone.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from PIL import ImageFont

from penportrait import resources
from penportrait.core import clock, sections
from penportrait.core.school import FONT_FLOOR_PT
from penportrait.core.sections import Section
from penportrait.core.views import (
    Fact,
    MedicalView,
    OverviewView,
    PageView,
    SectionView,
    columns,
)
from penportrait.render import palette
from penportrait.render.footer import Footer
from penportrait.render.geometry import A4_HEIGHT_MM, A4_WIDTH_MM, CONTENT_WIDTH_MM, MARGIN_MM
from penportrait.render.html import NOTES_LINES, OVERVIEW_COLUMNS, PHOTO_WIDTH_MM, section_colours
from penportrait.render.output import write_output

FONT: Final = "Arial"
PAGE_WIDTH_MM: Final = CONTENT_WIDTH_MM
CELL_PAD_MM: Final = 1.4
OVERVIEW_WORD_MARGIN_PT: Final = 1.0


@dataclass(frozen=True)
class WordPage:
    """One portrait for Word: the view, its fitted size, photo and footer."""

    view: PageView
    base_pt: float
    footer: Footer
    photo: bytes | None = None  # the page's photo (already cropped), JPEG or PNG bytes
    logo: bytes | None = None  # the school's logo file
    notes: bool = False  # a "Notes from today" box, as on the PDF


@dataclass(frozen=True)
class WordOverview:
    """A class overview for Word: the view, its fitted size, footer and photo thumbnails."""

    view: OverviewView
    base_pt: float
    footer: Footer
    photos: dict[str, bytes]  # pupil id -> small JPEG
    logo: bytes | None = None
    sheets: tuple[range, ...] = ()  # the rows on each sheet, as the PDF splits them


def half_point(size: float) -> float:
    """Word stores sizes in half points; round down so the page never grows."""
    return int(size * 2) / 2


def write_docx(pages: Sequence[WordPage | WordOverview], out: Path) -> None:
    """Write ``pages`` to ``out`` as one Word document, one page each, replacing it atomically."""
    write_output(out, docx_bytes(pages))


def docx_bytes(pages: Sequence[WordPage | WordOverview]) -> bytes:
    document = Document()
    _set_up(document)
    for index, page in enumerate(pages):
        if index:
            # A new section per page, so each has its own footer. python-docx moves the
            # previous section's properties into a new paragraph: keep that one tiny, or after
            # a full page it spills onto a blank page of its own.
            document.add_section()
            body = document.element.body
            _shrink(Paragraph(body.xpath("./w:p[w:pPr/w:sectPr]")[-1], document._body))
        _footer(document, page.footer)
        if isinstance(page, WordOverview):
            _overview(document, page)
        else:
            _portrait(document, page)
    # The body must not end with a table: a last, tiny paragraph.
    _shrink_last_paragraph(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_up(document: WordDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(A4_WIDTH_MM), Mm(A4_HEIGHT_MM)
    for side in ("left_margin", "right_margin", "top_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.bottom_margin = Mm(MARGIN_MM + 5)
    section.footer_distance = Mm(MARGIN_MM - 2)
    section.header_distance = Mm(5)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.color.rgb = _rgb(palette.INK)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    properties = document.core_properties
    # Deliberate metadata (README): nothing names a pupil, a group or the person exporting.
    properties.author = "PenPortrait"
    properties.last_modified_by = "PenPortrait"
    properties.title = "Confidential pupil information (PenPortrait)"
    properties.subject = ""
    properties.keywords = ""
    properties.comments = "Confidential: pupil information"
    # python-docx's template says 2013; the file is made now.
    properties.created = properties.modified = clock.now().replace(microsecond=0, tzinfo=None)
    properties.last_modified_by = "PenPortrait"
    properties.revision = 1


# -- the page ---------------------------------------------------------------------------------


def _portrait(document: WordDocument, page: WordPage) -> None:
    view, base = page.view, half_point(page.base_pt)
    document.styles["Normal"].font.size = Pt(base)
    _header_band(document, page, base)
    _gap(document, base)
    if view.emergency:
        strip = _labelled_strip(document, "In an emergency", palette.BAND, [], base)
        _contact_runs(strip.paragraphs[0], view.emergency, base)
        _gap(document, base)
    if view.alerts:
        body = _alert_strip(document, "MEDICAL \u25b2 ALERT", base)
        for index, note in enumerate(view.alerts):
            _medical_runs(body.paragraphs[0] if index == 0 else body.add_paragraph(), note, base)
        _gap(document, base)
    if view.care:
        _labelled_strip(
            document,
            "Routine care",
            palette.PLAN.heading_bg,
            [medical_line(note) for note in view.care],
            base,
            tint=palette.PLAN.tint,
        )
        _gap(document, base)
    left, right = columns(view)
    if left or right:
        _columns(document, left, right, base)
    if view.contacts:
        label = sections.heading(Section.CONTACTS)
        strip = _labelled_strip(document, label, palette.BAND, [], base)
        _contact_runs(strip.paragraphs[0], view.contacts, base)
    if view.written_with:
        _run(document.add_paragraph(), view.written_with + ".", base * 0.85, colour=palette.MUTED)
    if page.notes:
        _gap(document, base)
        box = _table(document, 1, [PAGE_WIDTH_MM]).rows[0].cells[0]
        _borders(box, palette.RULE, sides=("top", "left", "bottom", "right"))
        first = box.paragraphs[0]
        _run(first, "Notes from today", base * 0.85, bold=True)
        _run(first, " (for the class teacher: what went well, anything to follow up)", base * 0.85)
        for _ in range(NOTES_LINES):
            _run(box.add_paragraph(), "\u00a0", base * 0.85)
    # The last paragraph of a page must be tiny, or Word may spill it onto a new page.
    _shrink_last_paragraph(document)


def medical_line(note: MedicalView) -> str:
    """One medical note for Word, "what to do" first after the condition, as on the PDF."""
    parts = [f"{note.condition or 'Medical'}."]
    if note.action:
        parts.append(f"What to do: {note.action}.")
    if note.signs:
        parts.append(f"Signs: {note.signs}.")
    if note.kit:
        parts.append(f"Kit: {note.kit}.")
    if note.call:
        parts.append(f"Call: {note.call}.")
    return " ".join(parts).replace("..", ".")


def _medical_runs(paragraph: Paragraph, note: MedicalView, base: float, pupil: str = "") -> None:
    """One medical alert as on the PDF: the pupil and condition in bold, then each part after
    its bold label ("What to do" first)."""
    condition = note.condition or ("medical alert" if pupil else "Medical alert")
    _run(paragraph, f"{pupil}: {condition}." if pupil else f"{condition}.", base, bold=True)
    for label, text in (
        ("What to do", note.action),
        ("Signs", note.signs),
        ("Kit", note.kit),
        ("Call", note.call),
    ):
        if text:
            _run(paragraph, f" {label}:", base, bold=True)
            _run(paragraph, f" {text}", base)


def _alert_strip(document: WordDocument, label: str, base: float) -> _Cell:
    """The medical alert's strip: dark red bold MEDICAL on a light label, in a heavy red
    frame round label and text (in grey the label is light, every heading mid-grey)."""
    body = _labelled_strip(
        document,
        label,
        palette.ALERT,
        [],
        base,
        tint=palette.ALERT_TINT,
        label_fill=palette.ALERT_LABEL,
        label_ink=palette.ALERT_INK,
        frame=24,
    )
    return body


def _contact_runs(paragraph: Paragraph, contacts: Sequence[Fact], base: float) -> None:
    for index, contact in enumerate(contacts):
        if index:
            _run(paragraph, "  ·  ", base)
        _run(paragraph, _nobreak(contact.value), base, bold=True)
        if contact.label:
            _run(paragraph, f"\u00a0({contact.label})", base)


def _overview(document: WordDocument, page: WordOverview) -> None:
    # Word and LibreOffice lay a table's rows out a little taller than Qt: measured on the
    # sample school, an overview that fills a Qt page needs up to half a point less in Word.
    view = page.view
    base = max(FONT_FLOOR_PT, half_point(page.base_pt - OVERVIEW_WORD_MARGIN_PT))
    document.styles["Normal"].font.size = Pt(base)
    _overview_band(document, page, base)
    if not _overview_intro(document, view, base):
        return
    sheets = page.sheets or (range(len(view.rows)),)
    for number, sheet in enumerate(sheets):
        if number:  # a continued sheet starts a page with the group again, as on the PDF
            _continued_band(document, view, base)
        _overview_table(document, page, sheet, base)


def _overview_band(document: WordDocument, page: WordOverview, base: float) -> None:
    """The overview's band (group; logo, school, date, CONFIDENTIAL), then the emergency
    contacts and every medical alert of the group."""
    view = page.view
    left, right = _band(document)
    _run(
        left.paragraphs[0],
        "Class overview for cover and supply staff",
        base * 0.85,
        colour=palette.BAND_SOFT,
    )
    _run(left.add_paragraph(), view.group, base * 2.0, bold=True, colour=palette.WHITE)
    first = _right(right.paragraphs[0])
    if page.logo is not None:
        _logo(first, page.logo)
        first = _right(right.add_paragraph())
    if view.school_name:
        _run(first, view.school_name, base * 0.85, colour=palette.BAND_SOFT)
        first = _right(right.add_paragraph())
    _run(first, f"Printed {view.printed_on}", base * 0.85, colour=palette.BAND_SOFT)
    _run(_right(right.add_paragraph()), "CONFIDENTIAL", base, bold=True, colour=palette.WHITE)
    if view.emergency:
        strip = _labelled_strip(document, "In an emergency", palette.BAND, [], base)
        _contact_runs(strip.paragraphs[0], view.emergency, base)
    if view.alerts:
        body = _alert_strip(document, "MEDICAL \u25b2 ALERTS", base)
        for index, note in enumerate(view.alerts):
            paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
            _medical_runs(paragraph, note, base, pupil=note.pupil_name)


def _overview_intro(document: WordDocument, view: OverviewView, base: float) -> bool:
    """Who the overview lists and how to read it; False when it lists nobody."""
    intro = document.add_paragraph()
    intro.paragraph_format.space_before = Pt(4)
    intro.paragraph_format.space_after = Pt(4)
    if view.rows:
        who = (
            f"All {len(view.rows)} pupils in {view.group}."
            if view.everyone
            else f"{len(view.rows)} of the {view.group_size} pupils in {view.group} have SEND, "
            "are being monitored or have a medical alert."
        )
        _run(intro, who + " Do the ", base)
        _run(intro, "MUST DO", base, bold=True)
        _run(intro, " strategies first.", base)
        if any(row.trained for row in view.rows):
            _run(intro, " Leave to trained staff", base, bold=True, italic=True)
            _run(intro, " means send for them: do not do it yourself.", base)
        _run(intro, " One-page portraits follow, in surname order.", base)
    else:
        _run(
            intro,
            f"No pupils in {view.group} have SEND, are being monitored or have a "
            "medical alert. One-page portraits follow.",
            base,
        )
        return False
    return True


def _band(document: WordDocument) -> tuple[_Cell, _Cell]:
    """The overview's dark band across the page: the group on the left, the school's side
    (logo, name, date, CONFIDENTIAL) on the right."""
    side = 42.0
    band = _table(document, 1, [PAGE_WIDTH_MM - side, side])
    _cell_padding(band, 2.5)
    left, right = band.rows[0].cells
    for cell in (left, right):
        _shade(cell, palette.BAND)
    return left, right


def _continued_band(document: WordDocument, view: OverviewView, base: float) -> None:
    breaker = document.add_paragraph()
    _shrink(breaker, 1.0)
    breaker.paragraph_format.page_break_before = True
    left, right = _band(document)
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _run(
        left.paragraphs[0], f"{view.group} (continued)", base * 1.3, bold=True, colour=palette.WHITE
    )
    _run(_right(right.paragraphs[0]), "CONFIDENTIAL", base, bold=True, colour=palette.WHITE)
    _gap(document, base)


def _overview_table(document: WordDocument, page: WordOverview, sheet: range, base: float) -> None:
    view = page.view
    widths = [PAGE_WIDTH_MM * share / 100 for _, share in OVERVIEW_COLUMNS]
    table = _table(document, 1 + len(sheet), widths)
    _cell_padding(table, CELL_PAD_MM)
    header = table.rows[0]
    header_properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
    header_properties.append(repeat)
    for cell, (heading, _share) in zip(header.cells, OVERVIEW_COLUMNS, strict=True):
        _shade(cell, palette.BAND)
        _run(cell.paragraphs[0], heading, base * 0.85, bold=True, colour=palette.WHITE)
    for index, row in enumerate(view.rows[sheet.start : sheet.stop]):
        cells = table.rows[index + 1].cells
        if (sheet.start + index) % 2:
            for cell in cells:
                _shade(cell, palette.PERSON.tint)
        pupil = cells[0].paragraphs[0]
        photo = page.photos.get(row.pupil_id)
        if row.photo is not None and photo is not None:
            pupil.add_run().add_picture(io.BytesIO(photo), width=Mm(5.5))
            pupil.add_run(" ")
        else:
            tag = _run(pupil, f"\u00a0{row.initials}\u00a0", base, bold=True, colour=palette.WHITE)
            _highlight(tag, palette.TILES[row.tile_colour])
            _run(pupil, " ", base)
        _run(pupil, row.name, base, bold=True)
        need = (row.need or row.area) if row.area else row.status
        _run(cells[0].add_paragraph(), need, base * 0.85)
        must_do = cells[1].paragraphs[0]
        for number, text in enumerate(row.must_do):
            _run(must_do, (" " if number else "") + "\u25a0", base, bold=True)
            _run(must_do, f"\u00a0{text}", base)
        if row.more_must_do:
            _run(must_do, f" (and {row.more_must_do} more on the portrait)", base * 0.85)
        if row.trained:  # not a MUST DO, and not dropped: the cover teacher sends for them
            trained = must_do if not row.must_do else cells[1].add_paragraph()
            _run(trained, "Leave to trained staff:", base, bold=True, italic=True)
            _run(trained, " " + "; ".join(row.trained), base, italic=True)
        if row.has_alert:
            tag = _run(
                cells[0].add_paragraph(),
                "\u00a0\u25b2\u00a0MEDICAL\u00a0",
                base * 0.85,
                bold=True,
                colour=palette.ALERT_INK,
            )
            _highlight(tag, palette.ALERT_LABEL)
        for note in row.care:
            _run(cells[0].add_paragraph(), f"Care: {note.condition}", base * 0.85)
        if row.avoid:
            _run(cells[2].paragraphs[0], f"\u00d7\u00a0{row.avoid}", base)
        if row.key_adult:
            _run(cells[3].paragraphs[0], row.key_adult, base * 0.85, bold=True)
            if row.key_role:
                _run(cells[3].add_paragraph(), row.key_role, base * 0.85)
        # A row never splits across a page: the pupil's name stays with their strategies.
        no_split = OxmlElement("w:cantSplit")
        table.rows[index + 1]._tr.get_or_add_trPr().append(no_split)


def _header_band(document: WordDocument, page: WordPage, base: float) -> None:
    view = page.view
    side = 42.0
    photo_cell = PHOTO_WIDTH_MM + 2 * 2.5
    table = _table(document, 1, [photo_cell, PAGE_WIDTH_MM - photo_cell - side, side])
    cells = table.rows[0].cells
    for cell in cells:
        _shade(cell, palette.BAND)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _cell_padding(table, 2.5)

    picture = cells[0].paragraphs[0]
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if view.photo is not None and page.photo is not None:
        picture.add_run().add_picture(io.BytesIO(page.photo), width=Mm(PHOTO_WIDTH_MM))
    else:
        _initials_tile(cells[0], view, base)
    _name_and_facts(cells[1], view, base)
    _school_side(cells[2], page, base)


def _name_and_facts(cell: _Cell, view: PageView, base: float) -> None:
    """The header band's middle: the name, the full name, the facts line and the need."""
    name = cell.paragraphs[0]
    _run(name, view.name, size=base * 2.0, bold=True, colour=palette.WHITE)
    if view.full_name:
        _run(cell.add_paragraph(), f"Full name: {view.full_name}", base, colour=palette.BAND_SOFT)
    if view.facts:
        facts = cell.add_paragraph()
        facts.paragraph_format.space_before = Pt(3)
        for index, fact in enumerate(view.facts):
            if index:
                _run(facts, "  ·  ", base, colour=palette.BAND_SOFT)
            if fact.label:
                _run(facts, _nobreak(fact.label) + "\u00a0", base, colour=palette.BAND_SOFT)
            _run(facts, _nobreak(fact.value), base, bold=True, colour=palette.WHITE)
    if view.need:
        need = cell.add_paragraph()
        need.paragraph_format.space_before = Pt(3)
        _run(need, view.need, base, colour=palette.WHITE)


def _school_side(cell: _Cell, page: WordPage, base: float) -> None:
    """The header band's right: the logo, the school, the copy label and the review date."""
    view = page.view
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    right = cell.paragraphs[0]
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    small = base * 0.85
    if page.logo is not None:
        _logo(right, page.logo)
        right = _right(cell.add_paragraph())
    marker = right
    if view.school_name:
        _run(right, view.school_name, small, colour=palette.BAND_SOFT)
        marker = _right(cell.add_paragraph())
        marker.paragraph_format.space_before = Pt(3)
    tag = _run(
        marker, f"\u00a0{view.copy_label}\u00a0", base * 1.05, bold=True, colour=palette.BAND
    )
    _highlight(tag, palette.WHITE)
    if view.review_overdue:
        label = _right(cell.add_paragraph())
        label.paragraph_format.space_before = Pt(3)
        _run(label, "\u25b2 Review overdue", base, bold=True, colour=palette.WHITE)
        _run(
            _right(cell.add_paragraph()),
            f"was due {view.review_by}",
            small,
            colour=palette.BAND_SOFT,
        )
    elif view.review_by:
        label = _right(cell.add_paragraph())
        label.paragraph_format.space_before = Pt(3)
        _run(label, "Review by", small, colour=palette.BAND_SOFT)
        _run(_right(cell.add_paragraph()), view.review_by, base, bold=True, colour=palette.WHITE)


def _initials_tile(cell: _Cell, view: PageView, base: float) -> None:
    tile = cell.add_table(rows=1, cols=1)
    _widths(tile, [PHOTO_WIDTH_MM])
    inner = tile.rows[0].cells[0]
    _shade(inner, palette.TILES[view.tile_colour])
    inner.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    row = tile.rows[0]
    row.height = Mm(PHOTO_WIDTH_MM)
    row_properties = row._tr.get_or_add_trPr()
    height = row_properties.find(qn("w:trHeight"))
    if height is not None:
        height.set(qn("w:hRule"), "exact")
    letters = inner.paragraphs[0]
    letters.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(letters, view.initials, base * 3.2, bold=True, colour=palette.WHITE)
    # The cell's own first paragraph, and the one add_table put after the tile, stay tiny.
    _shrink(cell.paragraphs[0])
    _shrink(cell.paragraphs[-1])


def _labelled_strip(
    document: WordDocument,
    label: str,
    colour: str,
    lines: list[str],
    base: float,
    *,
    tint: str | None = None,
    bold: bool = False,
    label_fill: str | None = None,
    label_ink: str = palette.WHITE,
    frame: int = 12,
) -> _Cell:
    size = base * 1.05
    side = label_width_mm(size)  # every strip's label the same width: the columns line up
    table = _table(document, 1, [side, PAGE_WIDTH_MM - side])
    _cell_padding(table, CELL_PAD_MM)
    head, body = table.rows[0].cells
    _shade(head, label_fill or colour)
    head.vertical_alignment = body.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _run(head.paragraphs[0], label, size, bold=True, colour=label_ink)
    if label_fill:
        _borders(head, colour, sides=("top", "left", "bottom"), size=frame)
    if tint:
        _shade(body, tint)
    _borders(body, colour, sides=("top", "bottom", "right"), size=frame)
    for index, line in enumerate(lines):
        paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
        _run(paragraph, line, base, bold=bold)
    return body


LABEL_MIN_MM: Final = 24.0
STRIP_LABELS: Final = (
    "In an emergency",
    "MEDICAL \u25b2 ALERTS",
    "Routine care",
    sections.heading(Section.CONTACTS),  # a built-in section: its heading never changes at run time
)


def label_width_mm(size_pt: float, labels: Sequence[str] = STRIP_LABELS) -> float:
    """A strip's label column wide enough for the longest word of any label in bold at
    ``size_pt`` (with the cell's padding), so Word never breaks a word ("emergenc/y")."""
    font = _bold_page_font()
    em = max(font.getlength(word) for label in labels for word in label.split()) / 1000
    word_mm = em * size_pt * 25.4 / 72
    return max(LABEL_MIN_MM, word_mm * 1.08 + 2 * CELL_PAD_MM + 1.0)  # a little slack


@functools.cache
def _bold_page_font() -> ImageFont.FreeTypeFont:
    """The page's bold font file at 1000 px (widths in thousandths of an em), read without Qt:
    Liberation Sans, with Arial's metrics, which the Word file names."""
    data = io.BytesIO(resources.read_font("LiberationSans-Bold.ttf"))
    return ImageFont.truetype(data, 1000, layout_engine=ImageFont.Layout.BASIC)


def _columns(
    document: WordDocument, left: list[SectionView], right: list[SectionView], base: float
) -> None:
    if left and right:
        widths = [PAGE_WIDTH_MM * 0.48, PAGE_WIDTH_MM * 0.02, PAGE_WIDTH_MM * 0.50]
    else:
        widths = [PAGE_WIDTH_MM, 0.0, 0.0]
    widths = [w for w in widths if w > 0]
    table = _table(document, 1, widths)
    _cell_padding(table, 0)
    cells = table.rows[0].cells
    stacks = [left, right] if len(cells) == 3 else [left or right]
    targets = [cells[0], cells[2]] if len(cells) == 3 else [cells[0]]
    for cell, stack, width in zip(targets, stacks, [widths[0], widths[-1]], strict=False):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        for section in stack:
            _section_box(cell, section, width, base)
        _shrink(cell.paragraphs[0])


def _section_box(cell: _Cell, section: SectionView, width: float, base: float) -> None:
    colours = section_colours(section)
    box = cell.add_table(rows=2, cols=1)
    _widths(box, [width])
    _cell_padding(box, CELL_PAD_MM)
    head, body = box.rows[0].cells[0], box.rows[1].cells[0]
    _shade(head, colours.heading_bg)
    _shade(body, colours.tint)
    _run(head.paragraphs[0], section.heading, base * 1.05, bold=True, colour=palette.WHITE)
    if section.text:
        italic = section.spec.quoted
        text = f"\u201c{section.text}\u201d" if italic else section.text
        for index, line in enumerate(text.split("\n")):
            paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
            _run(paragraph, line, base, italic=italic)
    for index, item in enumerate(section.items):
        paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(4)
        paragraph.paragraph_format.first_line_indent = Mm(-4)
        paragraph.paragraph_format.space_after = Pt(base * 0.15)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(4), WD_TAB_ALIGNMENT.LEFT)
        bullet = "\u00d7" if section.spec.crossed else "•"
        _run(paragraph, f"{bullet}\t", base, colour=colours.heading_bg, bold=True)
        if item.essential:
            tag = _run(
                paragraph,
                "\u00a0TRAINED STAFF ONLY\u00a0"
                if item.trained
                else "\u00a0\u25a0\u00a0MUST DO\u00a0",
                base * 0.72,
                bold=True,
                colour=palette.WHITE,
            )
            _highlight(tag, palette.INK if item.trained else palette.MUST_DO)
            _run(paragraph, "\u00a0 ", base)
        _run(paragraph, item.text, base, bold=item.essential)
    # cell.add_table put an empty paragraph after the box (Word needs a cell to end with one):
    # it becomes the small gap between boxes, as on the PDF.
    _shrink(cell.paragraphs[-1], base * 0.45)


# -- python-docx helpers ----------------------------------------------------------------------


def _table(document: WordDocument, rows: int, widths_mm: list[float]) -> Table:
    table: Table = document.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _widths(table, widths_mm)
    return table


def _widths(table: Table, widths_mm: list[float]) -> None:
    """Widths on the columns, every cell, and a fixed layout: Word and LibreOffice both obey."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(round(sum(widths_mm) * 56.6929)))
    width.set(qn("w:type"), "dxa")
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    properties.append(width)
    for column, value in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(value)
    for row in table.rows:
        for cell, value in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(value)


def _cell_padding(table: Table, mm: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(mm * 56.6929)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _borders(cell: _Cell, colour: str, *, sides: tuple[str, ...], size: int = 12) -> None:
    """Borders of ``size`` eighths of a point (12 is 1.5 pt)."""
    borders = OxmlElement("w:tcBorders")
    for side in sides:
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:color"), colour.lstrip("#"))
        borders.append(element)
    cell._tc.get_or_add_tcPr().append(borders)


def _highlight(run: object, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    run._r.get_or_add_rPr().append(shading)  # type: ignore[attr-defined]


def _run(
    paragraph: Paragraph,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
) -> object:
    run = paragraph.add_run(text)
    run.font.size = Pt(half_point(size))
    run.font.bold = bold or None
    run.font.italic = italic or None
    run.font.name = FONT
    if colour:
        run.font.color.rgb = _rgb(colour)
    return run


def _logo(paragraph: Paragraph, logo: bytes) -> None:
    """The school's logo on a light strip: a dark logo would all but vanish on the band. A
    logo Word cannot use (changed since core.school checked it) is left out, not a crash."""
    try:
        paragraph.add_run().add_picture(io.BytesIO(logo), height=Mm(10))
    except (UnrecognizedImageError, ValueError, OSError, ZeroDivisionError):
        return
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), palette.WHITE.lstrip("#"))
    properties = paragraph._p.get_or_add_pPr()
    jc = properties.find(qn("w:jc"))  # shd comes before jc in pPr (the schema's order)
    if jc is not None:
        jc.addprevious(shading)
    else:
        properties.append(shading)


def _right(paragraph: Paragraph) -> Paragraph:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def _gap(document: WordDocument, base: float) -> None:
    _shrink(document.add_paragraph(), base * 0.45)


def _shrink(paragraph: Paragraph, size: float = 1.0) -> None:
    """An empty paragraph exactly ``size`` points tall (Word and LibreOffice size an empty
    paragraph by its paragraph mark, so the mark's font size is set too)."""
    size = max(1.0, half_point(size))
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(size)
    properties = paragraph._p.get_or_add_pPr()
    mark = properties.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        properties.append(mark)  # the paragraph mark's run properties come last in pPr
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(size * 2)))
        mark.append(element)


def _shrink_last_paragraph(document: WordDocument) -> None:
    _shrink(document.add_paragraph(), 1.0)


def _footer(document: WordDocument, footer: Footer) -> None:
    section = document.sections[-1]
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    stops = paragraph.paragraph_format.tab_stops
    # The built-in Footer style has stops at 3.25 and 6.5 inches; clear them first.
    for inches in (3.25, 6.5):
        stops.add_tab_stop(Mm(inches * 25.4), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(PAGE_WIDTH_MM / 2), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Mm(PAGE_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    _top_rule(paragraph)
    _run(
        paragraph, f"{footer.left_text}\t{footer.centre}\t{footer.right}", 7.5, colour=palette.MUTED
    )
    # The page number within this portrait (or overview), counted by Word itself: each is its
    # own section numbered from 1. Not "of m": LibreOffice counts SECTIONPAGES wrongly ("2 of
    # 1"), and a wrong count is worse than none.
    _run(paragraph, " · Page ", 7.5, colour=palette.MUTED)
    _field(paragraph, "PAGE")
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.append(numbering)
    if footer.note:
        note = section.footer.add_paragraph()
        note.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(note, footer.note, 7.5, bold=True, colour=palette.INK)


def _field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    run = _run(paragraph, "", 7.5, colour=palette.MUTED)
    element = run._r  # type: ignore[attr-defined]
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for part in (begin, instruction, separate, shown, end):
        element.append(part)


def _top_rule(paragraph: Paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "4")
    top.set(qn("w:space"), "4")
    top.set(qn("w:color"), palette.RULE.lstrip("#"))
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def _nobreak(text: str) -> str:
    return text.replace(" ", "\u00a0").replace("/", "/\u2060")


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


__all__ = ["WordOverview", "WordPage", "docx_bytes", "half_point", "write_docx"]
