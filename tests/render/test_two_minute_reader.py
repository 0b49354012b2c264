"""Issue 13: pages for the two-minute reader (cover teacher) and the SENCO who answers for them.

Each test reads the output back: PDF text (pypdf), the page as pixels (colour and grey), the
Word file (python-docx and its XML).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from penportrait.core import clock
from penportrait.core.bank import built_in_bank
from penportrait.core.model import Pupil
from penportrait.core.school import EmergencyContact, SchoolSettings, load_school
from penportrait.core.store import Store
from penportrait.core.views import Audience, overview_view
from penportrait.render import palette
from penportrait.render.docx import docx_bytes
from penportrait.render.export import fit_portrait, word_page
from penportrait.render.pack import PackRequest, build_pack, write_pack
from penportrait.render.pdf import fit_overview, pdf_bytes
from tests.helpers import example
from tests.render.helpers import pdf_pages, portrait_pdf, squash

ASTHMA: dict[str, Any] = {
    "kind": "alert",
    "condition": "Asthma",
    "signs": "Wheezing and a tight chest",
    "action": "Two puffs of the blue inhaler, then call the office",
    "kit": "Blue inhaler in the class medical box",
    "call": "School office",
}
PHYSIO: dict[str, Any] = {
    "kind": "routine",
    "condition": "Physiotherapy stretches",
    "action": "Daily after lunch with the TA",
}


def jay(**portrait: Any) -> Pupil:
    """A pupil known as Jay whose legal first name is Jessica."""
    data = example(revision=0)
    data["pupil"].update(first_name="Jessica", last_name="Taylor", preferred_name="Jay")
    data["pupil"]["pronouns"] = "they/them"
    data["portrait"].update(
        about_me="I am Jay.",
        avoid=["Touching me without asking", "Shouting"],
        medical=[ASTHMA, PHYSIO],
        contacts=[
            {"name": "Mr T. Walsh", "role": "Class teacher"},
            {"name": "Miss P. Kaur", "role": "Teaching assistant", "cover": True},
        ],
        **portrait,
    )
    return Pupil.model_validate(data)


# -- privacy on the cover copy ---------------------------------------------------------------


def test_the_cover_copy_never_shows_the_legal_first_name(store: Store) -> None:
    pupil = jay()
    _, cover = portrait_pdf(store, pupil, Audience.COVER)
    _, staff = portrait_pdf(store, pupil, Audience.STAFF)
    assert "Jessica" not in " ".join(pdf_pages(cover)) and "Jay Taylor" in pdf_pages(cover)[0]
    assert "Jessica Taylor" in pdf_pages(staff)[0]  # staff copies keep it
    page = fit_portrait(store, pupil, SchoolSettings(), Audience.COVER)
    document = docx.Document(io.BytesIO(docx_bytes([word_page(page)])))
    assert "Jessica" not in document.element.xml


def test_pronouns_and_the_need_line_are_cover_choices(store: Store) -> None:
    pupil = jay()
    shown = squash(pdf_pages(portrait_pdf(store, pupil, Audience.COVER)[1])[0])
    assert squash("they/them") in shown and squash("SEN support") in shown
    settings = SchoolSettings(cover_sections=["about_me", "strategies", "medical"])
    hidden = squash(pdf_pages(portrait_pdf(store, pupil, Audience.COVER, settings)[1])[0])
    assert squash("they/them") not in hidden and squash("SEN support") not in hidden


# -- medical alerts ------------------------------------------------------------------------


def test_a_medical_alert_says_what_to_do_first_and_routine_care_is_not_an_alert(
    store: Store,
) -> None:
    text = squash(pdf_pages(portrait_pdf(store, jay(), Audience.COVER)[1])[0])
    alert = text.index(squash("MEDICAL ▲ ALERT"))
    what_to_do = text.index(squash("What to do: Two puffs of the blue inhaler"))
    assert alert < what_to_do < text.index(squash("Signs: Wheezing"))
    assert squash("Kit: Blue inhaler in the class medical box") in text
    care = text.index(squash("Routine care"))
    assert text.index(squash("Physiotherapy stretches")) > care > what_to_do


def test_every_alert_of_the_group_is_in_a_box_above_the_table(store: Store) -> None:
    saved = []
    for n in range(30):
        pupil = store.new_pupil(f"Pupil{n:02d}", f"Surname{n:02d}", groups=["5X"])
        data = pupil.model_dump()
        data["send"]["status"] = "sen_support"
        if n in (3, 17, 28):
            data["portrait"]["medical"] = [{**ASTHMA, "condition": f"Asthma of pupil {n}"}]
        if n == 5:
            data["portrait"]["medical"] = [PHYSIO]
        saved.append(store.save(Pupil.model_validate(data)))
    view = overview_view("5X", saved, SchoolSettings(), Audience.COVER)
    first = pdf_pages(
        pdf_bytes(build_pack(store, saved, SchoolSettings(), PackRequest(("5X",))).copy[:1])
    )[0]
    table = first.index("Pupil MUST DO")
    for n in (3, 17, 28):
        assert first.index(f"Pupil{n:02d} Surname{n:02d}: Asthma of pupil {n}") < table
    assert "Physiotherapy" not in first[:table]  # routine care is not an alert
    assert [a.condition for a in view.alerts] == [f"Asthma of pupil {n}" for n in (3, 17, 28)]


# -- a class on one sheet ------------------------------------------------------------------


def full_class(store: Store, size: int = 30) -> list[Pupil]:
    """A real class: everyone with SEND, three long MUST DOs and a "Please avoid" each."""
    saved = []
    for n in range(size):
        pupil = store.new_pupil(f"Firstname{n:02d}", f"Surname{n:02d}", groups=["6C"])
        data = pupil.model_dump()
        data["send"].update(status="sen_support", primary_need="SLCN")
        data["portrait"]["strategies"] = [
            {
                "text": f"Strategy {k} for pupil {n}: give me time and check I understand",
                "essential": True,
            }
            for k in range(4)
        ]
        data["portrait"]["avoid"] = [f"Avoid number one for {n}", "A second thing"]
        data["portrait"]["contacts"] = [{"name": "Mr A. Teacher", "role": "Class teacher"}]
        saved.append(store.save(Pupil.model_validate(data)))
    return saved


def test_a_class_of_30_with_three_must_dos_fits_on_two_pages_whole_rows_each(
    store: Store,
) -> None:
    pupils = full_class(store)
    view = overview_view("6C", pupils, SchoolSettings(), Audience.COVER)
    fitted = fit_overview(view, 11.0)
    assert fitted.pages <= 2 and fitted.base_pt >= 9.0
    pages = pdf_pages(
        pdf_bytes(build_pack(store, pupils, SchoolSettings(), PackRequest(("6C",))).copy[:1])
    )
    assert len(pages) == fitted.pages
    for n in range(30):  # a pupil's row is whole on one page: name, MUST DOs, avoid together
        holding = [p for p in pages if f"Surname{n:02d}" in p]
        assert len(holding) == 1
        assert (
            f"Strategy 2 for pupil {n}:" in holding[0] and f"Avoid number one for {n}" in holding[0]
        )
        assert f"Strategy 3 for pupil {n}:" not in holding[0]  # at most three: "1 more"
    if len(pages) > 1:
        assert "6C (continued)" in pages[1] and "Pupil MUST DO Please avoid Call" in pages[1]


def test_leave_to_trained_staff_keeps_a_class_of_30_to_two_sheets(store: Store) -> None:
    """Four pupils with a "trained staff only" MUST DO, each on its own marked line in the
    pupil's row in place of the third MUST DO shown: still two sheets, rows whole, no blank
    page (the empty paragraph Qt puts after a full sheet's table once made one)."""
    moving = built_in_bank().get("pmld-04")
    assert moving is not None
    pupils = full_class(store)
    for n in range(4):
        data = pupils[n].model_dump()
        data["portrait"]["strategies"].append(
            {"text": moving.text, "essential": True, "bank_id": moving.id}
        )
        pupils[n] = store.save(Pupil.model_validate(data))
    view = overview_view("6C", pupils, SchoolSettings(), Audience.COVER)
    assert [len(r.trained) for r in view.rows[:5]] == [1, 1, 1, 1, 0]
    assert (len(view.rows[0].must_do), view.rows[0].more_must_do) == (2, 2)
    fitted = fit_overview(view, 11.0)
    assert fitted.pages <= 2 and fitted.base_pt >= 9.0
    pages = pdf_pages(
        pdf_bytes(build_pack(store, pupils, SchoolSettings(), PackRequest(("6C",))).copy[:1])
    )
    assert len(pages) == fitted.pages
    for n in range(30):
        [holding] = [squash(p) for p in pages if f"Surname{n:02d}" in p]
        row = holding.split(squash(f"Surname{n:02d}"))[1]
        if n < 4:
            assert (
                row.index(squash(f"Strategy 1 for pupil {n}:"))
                < row.index(squash("Leave to trained staff:"))
                < row.index(squash(moving.text))
            )
    assert squash("Leave to trained staff means send for them") in squash(pages[0])
    # Six: a third sheet at 9 pt, and no page without a pupil on it.
    for n in (4, 5):
        data = pupils[n].model_dump()
        data["portrait"]["strategies"].append(
            {"text": moving.text, "essential": True, "bank_id": moving.id}
        )
        pupils[n] = store.save(Pupil.model_validate(data))
    pages = pdf_pages(
        pdf_bytes(build_pack(store, pupils, SchoolSettings(), PackRequest(("6C",))).copy[:1])
    )
    assert len(pages) == 3 and all("Surname" in page for page in pages)


def test_the_overview_shows_please_avoid_and_whom_to_call_during_cover(store: Store) -> None:
    pupil = store.save(jay(strategies=[{"text": "Let me sit by the door", "essential": True}]))
    settings = SchoolSettings(
        emergency_contacts=[EmergencyContact(who="School office", where="extension 200")]
    )
    view = overview_view("6H", [pupil], settings, Audience.COVER)
    row = view.rows[0]
    assert row.avoid == "Touching me without asking"
    assert (row.key_adult, row.key_role) == ("Miss P. Kaur", "Teaching assistant")
    text = squash(
        pdf_pages(pdf_bytes(build_pack(store, [pupil], settings, PackRequest(("6H",))).copy[:1]))[0]
    )
    assert squash("In an emergency call: School office (extension 200)") in text
    assert squash("× Touching me without asking") in text
    cover = squash(pdf_pages(portrait_pdf(store, pupil, Audience.COVER, settings)[1])[0])
    assert squash("In an emergency call: School office (extension 200)") in cover
    assert cover.index(squash("Miss P. Kaur")) < cover.index(squash("Mr T. Walsh"))
    assert squash("call during cover") in cover


# -- safe in black and white ---------------------------------------------------------------


def render_image(store: Store, pupil: Pupil) -> QImage:
    """The page painted as a person sees it, at 100 dpi."""
    page = fit_portrait(store, pupil, SchoolSettings(), Audience.COVER)
    size = page.fitted.document.size()
    image = QImage(int(size.width() / 3), int(size.height() / 3), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(1 / 3, 1 / 3)
    page.fitted.document.drawContents(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return image


def grey_of(colour_image: Image.Image, grey_image: Image.Image, colour: str) -> list[int]:
    """The grey levels, on the greyscale page, of the pixels painted exactly ``colour``."""
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    width, height = colour_image.size
    rgb, grey = colour_image.load(), grey_image.load()
    return [
        grey[x, y] for y in range(0, height, 2) for x in range(0, width, 2) if rgb[x, y] == target
    ]


def test_in_greyscale_medical_must_do_and_headings_stay_apart(store: Store) -> None:
    pupil = jay(strategies=[{"text": "Let me sit by the door", "essential": True}])
    qimage = render_image(store, pupil)
    buffer = io.BytesIO()
    from PySide6.QtCore import QBuffer, QIODevice

    qbuffer = QBuffer()
    qbuffer.open(QIODevice.OpenModeFlag.WriteOnly)
    qimage.save(qbuffer, "PNG")  # type: ignore[call-overload]
    buffer.write(bytes(qbuffer.data().data()))
    colour = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    grey = colour.convert("L")  # what a mono printer makes of it
    medical = grey_of(colour, grey, palette.ALERT_LABEL)  # behind the word MEDICAL
    must_do = grey_of(colour, grey, palette.MUST_DO)
    headings = {
        name: grey_of(colour, grey, colours.heading_bg)
        for name, colours in (
            ("help", palette.HELP),
            ("avoid", palette.AVOID),
            ("person", palette.PERSON),
        )
    }
    assert medical and must_do and all(headings.values()), "each is on the page"

    def median(values: list[int]) -> int:
        return sorted(values)[len(values) // 2]

    level = {"medical": median(medical), "must do": median(must_do)}
    level.update({name: median(values) for name, values in headings.items()})
    # MUST DO is no longer the medical red: in grey it is far darker than MEDICAL and headings.
    assert all(level[name] - level["must do"] >= 40 for name in headings), level
    # MEDICAL has its own grey (a light label with dark red bold type), unlike every heading
    # (measured before: MEDICAL 77, "Please avoid" 79, "About me" 84) and unlike MUST DO.
    assert all(abs(level["medical"] - level[name]) >= 40 for name in headings), level
    assert abs(level["medical"] - level["must do"]) >= 40, level
    # MEDICAL's own frame: a heavy red border around the alert, so it reads without colour.
    text = squash(pdf_pages(portrait_pdf(store, pupil, Audience.COVER)[1])[0])
    assert squash("MEDICAL ▲ ALERT") in text and squash("■ MUST DO") in text
    assert squash("× Touching me without asking") in text


def test_the_copy_type_is_plain_at_a_glance(store: Store) -> None:
    for audience, label in ((Audience.COVER, "COVER COPY"), (Audience.STAFF, "STAFF COPY")):
        text = pdf_pages(portrait_pdf(store, jay(), audience)[1])[0]
        assert label in text


# -- every page stands alone ---------------------------------------------------------------


def test_every_page_of_a_long_portrait_has_the_name_and_page_n_of_m(store: Store) -> None:
    from tests.render.test_pdf import too_long

    pages = pdf_pages(portrait_pdf(store, too_long(), Audience.STAFF)[1])
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Mira Hussain" in page and f"Page {number} of {len(pages)}" in page


def test_review_overdue_is_on_the_page_and_the_pack_names_the_pupils(store: Store) -> None:
    data = example(revision=0)
    data["review"]["next_review"] = (clock.today().replace(day=1)).isoformat()
    data["pupil"]["groups"] = ["6H"]
    overdue = store.save(Pupil.model_validate(data))
    text = squash(pdf_pages(portrait_pdf(store, overdue, Audience.COVER)[1])[0])
    assert squash("Review overdue") in text
    pack = build_pack(store, [overdue], SchoolSettings(), PackRequest(("6H",)))
    assert pack.warnings == ["Review overdue for Mira Hussain"]


# -- co-production, notes, Word ------------------------------------------------------------


def test_written_with_is_on_the_staff_copy_only(store: Store) -> None:
    data = example()
    data["review"]["written_with"] = ["pupil", "parent", "speech and language therapist"]
    pupil = Pupil.model_validate(data)
    staff = squash(pdf_pages(portrait_pdf(store, pupil, Audience.STAFF)[1])[0])
    line = "Written with Mira, her parent and the speech and language therapist, 18 September 2026"
    assert squash(line) in staff
    cover = squash(pdf_pages(portrait_pdf(store, pupil, Audience.COVER)[1])[0])
    assert squash("Written with") not in cover


def test_a_cover_copy_with_room_has_a_notes_box(store: Store) -> None:
    page, data = portrait_pdf(store, jay(), Audience.COVER)
    assert page.fitted.fits and page.fitted.notes
    assert "Notes from today" in pdf_pages(data)[0]
    staff, staff_data = portrait_pdf(store, jay(), Audience.STAFF)
    assert not staff.fitted.notes and "Notes from today" not in pdf_pages(staff_data)[0]


def test_word_pages_have_page_numbers_a_true_date_and_the_logo(
    store: Store, tmp_path: Path
) -> None:
    pupil = store.save(jay())
    logo = Image.new("RGB", (200, 100), "#1f4e5f")
    logo.save(store.root / "logo.png")
    settings = SchoolSettings(name="Ashbrook", logo="logo.png")
    out = tmp_path / "pack.docx"
    write_pack(build_pack(store, [pupil], settings, PackRequest(("6H",))), out)
    document = docx.Document(str(out))
    footer = document.sections[0].footer._element.xml
    assert " PAGE " in footer and "Page " in footer
    restart = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType"
    assert all(s._sectPr.find(restart) is not None for s in document.sections)
    notes = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any(text.startswith("Notes from today") for text in notes)
    assert document.core_properties.created.year == clock.now().year
    pictures = [s for s in document.inline_shapes]
    assert len(pictures) >= 2  # the logo on the overview and on the portrait
    # And on the PDF: the logo is drawn in the header band of the portrait.
    page = fit_portrait(store, pupil, settings, Audience.COVER)
    assert "penportrait-logo:school" in page.fitted.document.toHtml()


def test_many_qt_calls_do_not_wear_none_down() -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on each void call: a big pack or
    a long session of live previews used to abort the process ("none_dealloc")."""
    import sys

    from PySide6.QtGui import QTextDocument

    from penportrait.render.pdf import ensure_gui_application

    ensure_gui_application()
    document = QTextDocument()
    before = sys.getrefcount(None)
    for _ in range(40_000):  # more than None's whole count without the guard
        document.setDocumentMargin(0)
    assert sys.getrefcount(None) > 1_000_000 or sys.getrefcount(None) >= before


def test_a_date_of_birth_or_upn_never_breaks_inside_its_value(store: Store, tmp_path: Path) -> None:
    import subprocess

    data = example(revision=0)
    data["pupil"]["groups"] = ["6H", "Maths Set 2", "Science Set 1", "Nurture group"]
    data["pupil"]["date_of_birth"] = "2017-10-27"
    data["pupil"]["upn"] = "A123456789012"
    data["pupil"]["pronouns"] = "she/her"
    _, pdf = portrait_pdf(store, Pupil.model_validate(data), Audience.STAFF)
    source = tmp_path / "page.pdf"
    source.write_bytes(pdf)
    # Lines as they are printed (poppler's layout mode), not pypdf's runs of text.
    laid_out = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(source), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [" ".join(line.replace("\u2060", "").split()) for line in laid_out.splitlines()]
    assert any("27 October 2017" in line for line in lines), lines[:8]
    assert any("UPN A123456789012" in line for line in lines), lines[:8]


def test_how_i_communicate_and_signs_i_am_upset_are_on_the_page_and_in_word(
    store: Store,
) -> None:
    pupil = jay(
        communication="I use Makaton signs with my words",
        upset_signs="I go quiet and pull my hood up. Give me two minutes",
    )
    text = squash(pdf_pages(portrait_pdf(store, pupil, Audience.COVER)[1])[0])
    assert squash("How I communicate I use Makaton signs with my words") in text
    assert squash("Signs I am getting upset, and what helps") in text
    assert squash("I go quiet and pull my hood up") in text
    page = fit_portrait(store, pupil, SchoolSettings(), Audience.COVER)
    xml = docx.Document(io.BytesIO(docx_bytes([word_page(page)]))).element.xml
    assert "How I communicate" in xml and "pull my hood up" in xml


def test_the_sample_class_of_30_overview_is_two_whole_sheets_each_with_its_band(
    sample_store: Store,
) -> None:
    """Measured on one flowing layout, the last row of 4 Oak once came out a line taller on
    the real sheet and was carried, split, onto a third sheet with no group name on it."""
    pupils = sample_store.scan().pupils
    settings, _ = load_school(sample_store.root)  # its emergency contacts make the band taller
    pack = build_pack(sample_store, pupils, settings, PackRequest(("4 Oak",)))
    overview = pack.copy[0]
    pages = pdf_pages(pdf_bytes(pack.copy[:1]))
    assert len(pages) == overview.fitted.pages <= 2
    for page in pages:  # every sheet starts with the band: it stands alone
        assert "Class overview for cover and supply staff" in page and "4 Oak" in page
    rows = overview_view("4 Oak", pupils, settings, Audience.COVER).rows
    assert len(rows) > 20 and squash(rows[-1].name) in squash(pages[-1])


def test_medical_alerts_print_for_cover_staff_whatever_the_settings_say(store: Store) -> None:
    """A school that unticked "Medical and safety" once took every alert off every cover page
    and the overview's alert box, without a word."""
    data = store.new_pupil("Theo", "Jackson", groups=["5X"]).model_dump()
    data["send"]["status"] = "sen_support"
    data["portrait"]["medical"] = [ASTHMA]
    pupil = store.save(Pupil.model_validate(data))
    settings = SchoolSettings(cover_sections=[])  # the school hid everything it could
    overview = pdf_pages(
        pdf_bytes(build_pack(store, [pupil], settings, PackRequest(("5X",))).copy[:1])
    )[0]
    assert "Theo Jackson: Asthma" in overview
    _, data = portrait_pdf(store, pupil, Audience.COVER, settings)
    cover = squash(pdf_pages(data)[0])
    assert squash("MEDICAL") in cover and squash(ASTHMA["action"]) in cover
