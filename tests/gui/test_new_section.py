"""A section added to the registry (core/sections.py), and nowhere else, reaches every part of
the app: the editor (a box appears, and typing in it reaches the pupil file), the printed page,
the Word file, the comparison of two versions, the plain-English checker, the school's cover
settings and the JSON Schema of the pupil file.

The test adds two sections, one of text and one a list, the way a contributor would: an entry
each in ``SECTIONS``. The pupil model gives them their fields from the registry
(``model.declare_section_fields``), which is what the fixture runs again after changing it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import docx
import pytest
from PySide6.QtWidgets import QGroupBox, QWidget
from pytestqt.qtbot import QtBot

from penportrait.core import model, sections
from penportrait.core.compare import differences
from penportrait.core.model import Pupil
from penportrait.core.plain_english import load_checker
from penportrait.core.school import SchoolSettings
from penportrait.core.sections import Column, Kind, SectionSpec
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.gui.dialogs import SchoolSettingsDialog
from penportrait.gui.editor import PupilEditor
from penportrait.gui.main_window import MainWindow
from penportrait.render.docx import docx_bytes
from penportrait.render.export import fit_portrait, word_page
from tests.gui.test_main_window import on_disk, select, type_into
from tests.render.helpers import by_name, pdf_pages, portrait_pdf, squash

AFTER_SCHOOL = SectionSpec(
    "after_school",
    "What I do after school",
    Kind.TEXT,
    label="After school",
    placeholder="Clubs, sports, who collects me",
    column=Column.LEFT,
    place=9,
    colour="person",
)
CLUBS = SectionSpec(
    "clubs", "My clubs", Kind.LIST, column=Column.RIGHT, place=9, colour="plan", crossed=True
)


@pytest.fixture
def new_sections(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The registry with two more sections, written after "What is important to me"."""
    before = sections.SECTIONS
    at = sections.section_keys().index("important_to_me") + 1
    monkeypatch.setattr(sections, "SECTIONS", (*before[:at], AFTER_SCHOOL, CLUBS, *before[at:]))
    model.declare_section_fields()
    yield
    monkeypatch.setattr(sections, "SECTIONS", before)
    model.declare_section_fields()


def with_new_sections(pupil: Pupil) -> Pupil:
    data = pupil.model_dump(mode="json")
    data["portrait"]["after_school"] = "Chess club on Tuesdays, then Nan collects me"
    data["portrait"]["clubs"] = ["Choir", "Coding club"]
    return Pupil.model_validate(data)


@pytest.mark.usefixtures("new_sections")
def test_the_editor_has_a_box_for_each_new_section_and_typing_reaches_the_pupil(
    qtbot: QtBot, sample_store: Store, message_boxes: object
) -> None:
    window = MainWindow(sample_store)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    pupil = select(window, "Mira Hussain")
    box = window.editor.boxes["after_school"]
    assert isinstance(box, QGroupBox) and box.title() == "After school"
    text = window.editor.texts["after_school"]
    assert text.placeholderText() == "Clubs, sports, who collects me"
    assert text.accessibleName() == "After school"
    layout = window.editor.ui.sectionsLayout
    order = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert order.index(window.editor.boxes["important_to_me"]) + 1 == order.index(box)
    assert window.editor.lists["clubs"].list.accessibleName() == "My clubs"

    type_into(qtbot, text, "Chess club")
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        pass
    assert on_disk(sample_store, pupil.id)["portrait"]["after_school"] == "Chess club"
    assert window.editor.field_label("after_school") == "After school"  # the undo step's name


@pytest.mark.usefixtures("new_sections")
def test_the_page_and_the_word_file_print_the_new_sections(sample_store: Store) -> None:
    mira = with_new_sections(by_name(sample_store, "Mira Hussain"))
    for audience in Audience:
        _, pdf = portrait_pdf(sample_store, mira, audience)
        [page] = pdf_pages(pdf)
        assert squash("What I do after school") in squash(page)
        assert squash("Chess club on Tuesdays, then Nan collects me") in squash(page)
        assert squash("My clubs") in squash(page) and "Codingclub" in squash(page)

    printed = fit_portrait(sample_store, mira, SchoolSettings(), Audience.STAFF)
    document = docx.Document(io.BytesIO(docx_bytes([word_page(printed)])))
    cells = [
        cell.text
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for cell in [cell, *(c for t in cell.tables for r in t.rows for c in r.cells)]
    ]
    words = "\n".join(cells)
    assert "What I do after school" in words
    assert "\u201cChess club" not in words  # not a voice: no quotation marks
    assert "Chess club on Tuesdays, then Nan collects me" in words
    assert "\u00d7\tChoir" in words  # the registry says "crossed", so crosses, not bullets


@pytest.mark.usefixtures("new_sections")
def test_comparison_checker_cover_settings_and_schema_know_the_new_sections(
    sample_store: Store, qtbot: QtBot
) -> None:
    mira = by_name(sample_store, "Mira Hussain")
    changed = with_new_sections(mira)
    found = {d.label: d for d in differences(changed, mira)}
    assert found["After school"].mine == "Chess club on Tuesdays, then Nan collects me"
    assert found["My clubs"].only_mine == ("Choir", "Coding club")

    checker, _ = load_checker(None)
    jargon = changed.model_copy(
        update={"portrait": changed.portrait.model_copy(update={"clubs": ["SALT group"]})}
    )
    assert "clubs" in {hint.field for hint in checker.check_pupil(jargon)}

    dialog = SchoolSettingsDialog(SchoolSettings(cover_sections=["medical"]))
    qtbot.addWidget(dialog)
    dialog.cover_checks["after_school"].setChecked(True)
    assert "after_school" in dialog.result_settings().settings.cover_sections
    assert not SchoolSettings(cover_sections=["medical"]).cover_shows("clubs")

    schema = json.loads(model.schema_json())["$defs"]["Portrait"]["properties"]
    assert schema["after_school"] == {"default": "", "title": "After School", "type": "string"}
    assert schema["clubs"]["items"] == {"type": "string"}
    with pytest.raises(ValueError, match="after_school"):
        Pupil.model_validate({**mira.model_dump(), "portrait": {"after_school": 5}})


def test_tab_runs_through_the_sections_in_written_order_then_the_review(
    window: MainWindow,
) -> None:
    editor = window.editor
    stops = [editor.ui.summary]
    for entry in sections.portrait_sections():
        stops.append(
            editor.texts[entry.key] if entry.key in editor.texts else editor.lists[entry.key].list
        )
    stops.append(editor.ui.writtenWith)
    chain = []
    widget = editor.ui.summary
    for _ in range(2000):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is editor.ui.summary:
            break
    positions = [chain.index(stop) for stop in stops]
    assert positions == sorted(positions)


@pytest.mark.usefixtures("new_sections")
def test_every_widget_the_editor_builds_has_a_name_of_its_own(qtbot: QtBot) -> None:
    editor = PupilEditor()
    qtbot.addWidget(editor)
    names = [w.objectName() for w in editor.findChildren(QWidget) if w.objectName()]
    names = [n for n in names if not n.startswith("qt_")]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    assert {"afterSchool", "afterSchoolBox", "clubsSlot", "aboutMe", "aboutMeBox"} <= set(names)


def test_without_the_fixture_the_new_sections_are_gone() -> None:
    assert "after_school" not in model.Portrait.model_fields
    assert "after_school" not in model.schema_json()
    assert "after_school" not in sections.section_keys()
