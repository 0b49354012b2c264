"""A very long unbroken word is broken before layout, keeping every character."""

from __future__ import annotations

import string
from pathlib import Path

import docx
from docx.oxml.ns import qn

from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import BREAK, LONG_WORD_CHARS, Audience, clean_text
from penportrait.render.export import fit_portrait, write_pages
from tests.render.helpers import pdf_pages, squash

WORD = (string.ascii_letters + string.digits) * 30  # 1,860 characters, no space


def test_a_long_word_gets_break_opportunities_and_keeps_every_character() -> None:
    cleaned = clean_text(f"Before {WORD} after")
    assert cleaned.replace(BREAK, "") == f"Before {WORD} after"
    assert max(len(part) for part in cleaned.replace(" ", BREAK).split(BREAK)) == LONG_WORD_CHARS
    assert clean_text("an ordinary sentence") == "an ordinary sentence"


def test_pdf_and_word_keep_every_character_of_a_long_word(store: Store, tmp_path: Path) -> None:
    pupil = store.new_pupil("Long", "Word")
    pupil = pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": WORD})}
    )
    page = fit_portrait(store, pupil, SchoolSettings(), Audience.STAFF)
    pdf, word = tmp_path / "long.pdf", tmp_path / "long.docx"
    write_pages([page], pdf)
    write_pages([page], word)
    text = squash(" ".join(pdf_pages(pdf.read_bytes()))).replace(BREAK, "")
    assert WORD in text
    document = docx.Document(str(word))
    every_text = "".join(node.text or "" for node in document.element.iter(qn("w:t")))
    assert WORD in every_text.replace(BREAK, "")
