"""Issue 13: the class overview never tells a cover teacher to do what needs trained staff or
preparation; the portrait keeps it."""

from __future__ import annotations

from penportrait.core.bank import add_school_strategy, load_bank, new_school_strategy
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience, overview_view
from penportrait.render.pack import PackRequest, build_pack
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
    for tagged in (care.text, moving.text, OURS):
        assert squash(tagged) not in overview  # not a MUST DO for a stranger
        assert squash(tagged) in portrait  # but the portrait still says it

    # Without the school's bank, the built-in tags still apply.
    view = overview_view("Class 3", store.scan().pupils, SchoolSettings(), Audience.COVER)
    assert view.rows[0].must_do == (OURS, SAFE)
    assert view.rows[0].more_must_do == 0
