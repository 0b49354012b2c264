"""Property: any valid pupil saved and loaded again is equal, whatever a school types."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from penportrait.core.model import NEED_CODES, Contact, Pupil, Strategy
from penportrait.core.store import Store

# Names and phrases from the languages of UK classrooms, mixed with anything Unicode allows
# in a JSON string (hypothesis leaves out lone surrogates, which UTF-8 cannot hold).
SCHOOL_TEXT = [
    "Llŷr ap Dafydd",
    "Siân",
    "Gwenllïan",
    "Zażółć gęślą jaźń",
    "Łucja Wójcik",
    "Nguyễn Thị Minh Khai",
    "Trần",
    "عائشة",
    "محمد علي",
    "Ọmọ́tọ́ṣọ̀",
    "Saoirse Ní Bhriain",
    "😀🎨⚽",
    "👩🏽‍🏫",
    "Zoë",
    "François",
    "ß",
    "İ",
    "\u200dzwj",
    "tab\there",
    "new\nline",
    "<b>bold</b>",
    "{{ not a template }}",
    '"quotes" and \\ backslash',
]
text = st.one_of(st.sampled_from(SCHOOL_TEXT), st.text(max_size=40))
texts = st.lists(text, max_size=4)
dates = st.one_of(st.just(""), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(str))
codes = st.sampled_from([c.value for c in NEED_CODES])


@st.composite
def pupils(draw: st.DrawFn) -> Pupil:
    """Any valid pupil: every field drawn, every string from SCHOOL_TEXT or anywhere else."""

    def words(n: int) -> list[str]:
        return [draw(text) for _ in range(n)]

    def lists(n: int) -> list[list[str]]:
        return [draw(texts) for _ in range(n)]

    names, prose, items = words(5), words(7), lists(7)
    strategies = draw(
        st.lists(
            st.builds(
                Strategy, text=text, essential=st.booleans(), bank_id=st.one_of(st.none(), text)
            ),
            max_size=4,
        )
    )
    contacts = draw(st.lists(st.builds(Contact, name=text, role=text), max_size=3))
    return Pupil.model_validate(
        {
            "id": draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", fullmatch=True)),
            "pupil": {
                "first_name": names[0],
                "last_name": names[1],
                "preferred_name": names[2],
                "pronouns": names[3],
                "date_of_birth": draw(dates),
                "groups": draw(texts),
                "upn": names[4],
                "photo_consent": draw(st.booleans()),
            },
            "send": {
                "status": draw(st.sampled_from(["none", "monitoring", "sen_support", "ehcp"])),
                "primary_need": draw(st.one_of(st.just(""), codes)),
                "secondary_needs": draw(st.lists(codes, max_size=3)),
                "summary": prose[0],
            },
            "portrait": {
                "about_me": prose[1],
                "like_admire": prose[2],
                "important_to_me": prose[3],
                "pupil_voice": prose[4],
                "family_voice": prose[5],
                "strengths": items[0],
                "difficulties": items[1],
                "avoid": items[2],
                "targets": items[3],
                "medical": [{"kind": "alert", "condition": text} for text in items[4]],
                "access_arrangements": items[5],
                "strategies": [s.model_dump() for s in strategies],
                "contacts": [c.model_dump() for c in contacts],
            },
            "review": {
                "last_reviewed": draw(dates),
                "next_review": draw(dates),
                "written_with": items[6],
                "author": prose[6],
            },
        }
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pupil=pupils())
def test_any_valid_pupil_survives_save_and_load(pupil: Pupil) -> None:
    root = Path(tempfile.mkdtemp(prefix="penportrait-prop-"))
    try:
        store = Store(root)
        saved = store.save(pupil, by="Prop Test")
        loaded = store.load(pupil.id)
        assert loaded == saved
        assert loaded.portrait == pupil.portrait
        assert loaded.pupil == pupil.pupil
        assert Store(root).scan().pupils == [saved]
    finally:
        shutil.rmtree(root)
