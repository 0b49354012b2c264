"""Issue 13: the class overview never tells a cover teacher to do what needs trained staff or
preparation; the portrait keeps it."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from penportrait.core.bank import add_school_strategy, load_bank, new_school_strategy
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience, overview_view
from penportrait.render.pack import PackRequest, build_pack, write_pack
from penportrait.render.pdf import pdf_bytes
from tests.render.helpers import pdf_pages, squash

SAFE = "Tell me who you are and touch my hand gently before you help me."
OURS = "Use my sensory cards from the blue box before maths."


def test_the_overview_prints_only_the_must_dos_a_stranger_can_do(store: Store) -> None:
    bank = load_bank(None)
    care, moving = bank.get("pmld-08"), bank.get("pmld-04")
    assert care is not None and moving is not None
    ours = new_school_strategy(OURS, ["PMLD"], tags=["needs_preparation"])
    add_school_strategy(store.root, ours)
    pupil = store.new_pupil("Mira", "Hussain", groups=["Class 3"])
    data = pupil.model_dump()
    data["send"]["status"] = "ehcp"
    data["portrait"]["strategies"] = [
        {"text": care.text, "essential": True, "bank_id": care.id},
        {"text": moving.text, "essential": True, "bank_id": None},  # typed: found by its words
        {"text": OURS, "essential": True, "bank_id": ours.id},  # the school's own, tagged
        {"text": SAFE, "essential": True, "bank_id": "pmld-01"},
    ]
    store.save(Pupil.model_validate(data))

    pack = build_pack(store, store.scan().pupils, SchoolSettings(), PackRequest(("Class 3",)))
    overview, portrait = (squash(page) for page in pdf_pages(pdf_bytes(pack.copy)))
    assert squash(SAFE) in overview
    assert squash(OURS) not in overview  # needs preparation: a stranger cannot do it today
    # Only trained staff may: not a MUST DO, but not dropped either. The stranger most needs
    # "if I seem uncomfortable, send for them", on its own clearly marked line.
    leave = overview.index(squash("Leave to trained staff:"))
    assert overview.index(squash(SAFE)) < leave
    assert leave < overview.index(squash(care.text)) < overview.index(squash(moving.text))
    for tagged in (care.text, moving.text, OURS):
        assert squash(tagged) in portrait  # the portrait still says it
    # The cover copy marks them "trained staff only", not as a plain MUST DO.
    assert portrait.count(squash("TRAINED STAFF ONLY")) == 2
    assert portrait.count(squash("MUST DO")) == 2  # OURS and SAFE
    assert squash("TRAINED STAFF ONLY") + squash(care.text) in portrait

    # Word: the same line on the overview, the same mark on the portrait.
    out = store.root.parent / "pack.docx"
    write_pack(pack, out)
    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    [cell] = {c for c in cells if "Leave to trained staff:" in c}
    assert cell.index(SAFE) < cell.index("Leave to trained staff:") < cell.index(care.text)
    assert moving.text in cell and OURS not in cell
    body = "".join(node.text or "" for node in document.element.body.iter(qn("w:t")))
    assert body.count("\u00a0TRAINED STAFF ONLY\u00a0") == 2

    # Without the school's bank, the built-in tags still apply.
    view = overview_view("Class 3", store.scan().pupils, SchoolSettings(), Audience.COVER)
    assert view.rows[0].must_do == (OURS, SAFE)
    assert view.rows[0].more_must_do == 0
    assert view.rows[0].trained == (care.text, moving.text)
