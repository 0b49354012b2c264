"""Packs for cover staff read back: pages, order, overview rows, copy footers, audience."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience, by_surname, overview_view
from penportrait.render.pack import (
    PackCancelled,
    PackRequest,
    build_pack,
    group_counts,
    match_groups,
    write_pack,
)
from penportrait.render.pdf import pdf_bytes
from tests.render.helpers import pdf_pages, squash, to_pdf_with_libreoffice


def pack_pdf(
    store: Store, request: PackRequest, settings: SchoolSettings | None = None
) -> tuple[list[str], int]:
    pack = build_pack(store, store.scan().pupils, settings or SchoolSettings(), request)
    data = pdf_bytes(pack.pages)
    pages = pdf_pages(data)
    assert len(pages) == pack.page_count
    return pages, pack.pupils


def members(store: Store, group: str) -> list[Pupil]:
    return by_surname(p for p in store.scan().pupils if group in p.pupil.groups)


def test_a_pack_is_the_overview_then_each_portrait_in_surname_order(sample_store: Store) -> None:
    pages, portraits = pack_pdf(sample_store, PackRequest(("8R",)))
    pupils = members(sample_store, "8R")
    assert portraits == len(pupils) == 11
    assert len(pages) == 1 + 11
    assert "Class overview for cover and supply staff" in pages[0] and "8R" in pages[0]
    assert "CONFIDENTIAL" in pages[0] and "Printed" in pages[0]
    for page, pupil in zip(pages[1:], pupils, strict=True):
        assert squash(pupil.display_name) in squash(page)
    surnames = [p.pupil.last_name for p in pupils]
    assert surnames == sorted(surnames, key=str.casefold)


def test_the_overview_lists_send_and_medical_pupils_with_must_dos(sample_store: Store) -> None:
    view = overview_view("4 Oak", sample_store.scan().pupils, SchoolSettings(), Audience.COVER)
    names = [row.name for row in view.rows]
    assert "Zofia Kowalska" not in names  # no SEND, no medical alert
    assert "Noah Williams" in names  # no SEND, but diabetes: a supply teacher must know
    ollie = next(row for row in view.rows if row.name == "Ollie Bennett")
    assert len(ollie.must_do) == 3 and ollie.must_do[0].startswith("Tell me about any change")
    # Not the class teacher, who is the one away: the teaching assistant.
    assert ollie.area == "Communication and interaction" and ollie.key_adult == "Miss P. Kaur"
    harry = next(row for row in view.rows if row.name == "Harry Thompson")
    assert harry.medical[0].condition.startswith("Evacuation") and harry.has_alert
    assert [m.condition for m in harry.care] == ["Physiotherapy stretches"]
    everyone = overview_view(
        "4 Oak", sample_store.scan().pupils, SchoolSettings(overview_everyone=True), Audience.COVER
    )
    assert len(everyone.rows) == 30

    pages, _ = pack_pdf(sample_store, PackRequest(("4 Oak",)))
    overview = squash(pages[0])
    assert "MEDICAL" in overview and squash("Ollie Bennett") in overview
    assert squash("Zofia") not in overview
    # The alerts come first, above the table, each with the pupil's name and what to do.
    table = overview.index(squash("Pupil MUST DO Please avoid Call"))
    assert overview.index(squash("MEDICAL ▲ ALERTS")) < table
    assert squash("Harry Thompson: Evacuation") in overview[:table]
    assert squash("Noah Williams: Type 1 diabetes") in overview[:table]
    rows = overview[table:] + squash(pages[1])
    assert rows.index(squash("Aisha Begum")) < rows.index(squash("Harry Thompson"))


def test_numbered_copies_say_so_on_every_page(sample_store: Store) -> None:
    pages, _ = pack_pdf(sample_store, PackRequest(("10 English Set 3",), copies=3))
    per_copy = 1 + 10
    assert len(pages) == 3 * per_copy
    for number in (1, 2, 3):
        copy = pages[(number - 1) * per_copy : number * per_copy]
        assert all(
            squash(f"Copy {number} of 3: return to the school office") in squash(p) for p in copy
        )


def test_without_the_overview_and_for_staff(sample_store: Store) -> None:
    pages, _ = pack_pdf(sample_store, PackRequest(("8R",), audience=Audience.STAFF, overview=False))
    assert len(pages) == 11
    lily = next(p for p in pages if squash("Lily-Mae Cooper") in squash(p))
    assert squash("Date of birth") in squash(lily) and squash("STAFF COPY") in squash(lily)


def test_the_cover_pack_leaves_out_what_cover_staff_need_not_see(sample_store: Store) -> None:
    pages, _ = pack_pdf(sample_store, PackRequest(("8R",)))
    text = squash(" ".join(pages))
    for hidden in ("Date of birth", "UPN", "My family says", "What I am working on"):
        assert squash(hidden) not in text
    assert squash("COVER COPY") in text


def test_several_groups_in_the_order_asked(sample_store: Store) -> None:
    pages, portraits = pack_pdf(sample_store, PackRequest(("8 Maths Set 2", "4 Oak")))
    # 4 Oak's overview runs to two sheets (22 of its 30 pupils are listed).
    assert portraits == 5 + 30 and len(pages) == 1 + 5 + 2 + 30
    assert squash("8 Maths Set 2") in squash(pages[0]) and squash("4 Oak") in squash(pages[6])
    assert squash("4 Oak (continued)") in squash(pages[7])


def test_a_big_group_continues_with_the_header_repeated(store: Store) -> None:
    for n in range(40):
        pupil = store.new_pupil(f"Pupil{n:02d}", f"Surname{n:02d}", groups=["Big Class"])
        data = pupil.model_dump()
        data["send"]["status"] = "sen_support"
        data["portrait"]["strategies"] = [
            {
                "text": "Give me one instruction at a time and check I know the first step",
                "essential": True,
            }
        ]
        store.save(Pupil.model_validate(data))
    pack = build_pack(store, store.scan().pupils, SchoolSettings(), PackRequest(("Big Class",)))
    overview = pack.copy[0].fitted
    assert overview.pages >= 2
    pages = pdf_pages(pdf_bytes(pack.copy[:1]))
    assert all("Pupil MUST DO Please avoid Call" in page for page in pages)
    assert "Page 2 of" in pages[1] and "Big Class (continued)" in pages[1]
    # Every row whole on one sheet: each pupil's name and their strategy on the same page.
    for n in range(40):
        holding = [i for i, page in enumerate(pages) if f"Surname{n:02d}" in page]
        assert len(holding) == 1, n


def test_groups_are_matched_in_any_case_and_unknown_ones_named(sample_store: Store) -> None:
    pupils = sample_store.scan().pupils
    assert group_counts(pupils) == {
        "10 English Set 3": 10,
        "4 Oak": 30,
        "8 Maths Set 2": 5,
        "8R": 11,
    }
    assert match_groups(pupils, ["8r", "10  english SET 3", "9Z"]) == (
        ["8R", "10 English Set 3"],
        ["9Z"],
    )


def test_cancel_stops_the_pack(sample_store: Store) -> None:
    seen = []
    with pytest.raises(PackCancelled):
        build_pack(
            sample_store,
            sample_store.scan().pupils,
            SchoolSettings(),
            PackRequest(("8R",)),
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 3,
        )
    assert seen == [(1, 12), (2, 12), (3, 12)]


def test_the_word_pack_has_an_overview_table_with_a_repeating_header(
    sample_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "pack.docx"
    pack = build_pack(
        sample_store,
        sample_store.scan().pupils,
        SchoolSettings(),
        PackRequest(("4 Oak",), copies=2),
    )
    write_pack(pack, out)
    document = docx.Document(str(out))
    assert len(document.sections) == 2 * 31
    footers = ["".join(p.text for p in s.footer.paragraphs) for s in document.sections]
    assert all("Copy 1 of 2" in f for f in footers[:31]) and all(
        "Copy 2 of 2" in f for f in footers[31:]
    )
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Pupil"]
    sheets = tables[: len(tables) // 2]  # the first copy's overview: a table for each sheet
    assert len(sheets) == 2 and sum(len(t.rows) - 1 for t in sheets) == 22
    overview = sheets[0]
    header = overview.rows[0]
    assert [c.text for c in header.cells] == ["Pupil", "MUST DO", "Please avoid", "Call"]
    assert (
        header._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )
    cant_split = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
    for sheet in sheets:
        assert all(row._tr.trPr.find(cant_split) is not None for row in sheet.rows[1:])


@pytest.mark.slow
def test_word_packs_have_the_right_number_of_pages_in_libreoffice(
    sample_store: Store, tmp_path: Path
) -> None:
    expected = {}
    files = []
    for group, copies in (("4 Oak", 1), ("8R", 2), ("10 English Set 3", 1)):
        pack = build_pack(
            sample_store,
            sample_store.scan().pupils,
            SchoolSettings(),
            PackRequest((group,), copies=copies),
        )
        out = tmp_path / f"{group.replace(' ', '-')}.docx"
        write_pack(pack, out)
        files.append(out)
        expected[out.stem] = pack.page_count
    converted = to_pdf_with_libreoffice(files, tmp_path)
    counted = {stem: len(PdfReader(converted / f"{stem}.pdf").pages) for stem in expected}
    assert counted == expected
    assert expected == {"4-Oak": 32, "8R": 24, "10-English-Set-3": 11}


def test_pack_pdf_reads_as_one_file(sample_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    pack = build_pack(
        sample_store, sample_store.scan().pupils, SchoolSettings(), PackRequest(("8R",))
    )
    write_pack(pack, out)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 12
