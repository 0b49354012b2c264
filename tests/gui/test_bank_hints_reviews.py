"""Issue 5 in the real window: the strategy bank, plain-English hints, reviews."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from penportrait.core import clock
from penportrait.core.bank import load_bank
from penportrait.core.folder import BANK_FILE
from penportrait.core.store import Store
from penportrait.gui.dialogs import HintsDialog, ReviewsDialog, StrategyBankDialog
from penportrait.gui.list_editors import StrategyListEditor
from penportrait.gui.main_window import MainWindow
from tests.gui.test_main_window import on_disk, select, type_into


def test_search_the_bank_and_insert_by_keyboard(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    chloe = select(window, "Chloe Evans")  # vision impairment
    panel = window.editor.bank_panel
    assert panel.pupil_needs == ["VI"]
    first = panel.current()
    assert first is not None and "VI" in first.needs  # what suits the pupil comes first
    type_into(qtbot, panel.search, "subtitles")
    assert panel.results.count() >= 1
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    strategy = panel.current()
    assert strategy is not None and "subtitles" in strategy.text
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    saved = on_disk(sample_store, chloe.id)["portrait"]["strategies"]
    assert {"text": strategy.text, "essential": False, "bank_id": strategy.id} in saved


def test_area_and_need_filters(window: MainWindow) -> None:
    select(window, "Mira Hussain")
    panel = window.editor.bank_panel
    panel.need.setCurrentIndex(panel.need.findData("PMLD"))
    bank = window.bank
    shown = [panel.results.item(r).text() for r in range(panel.results.count())]
    assert shown and all(
        "PMLD" in next(s for s in bank.strategies if s.text == t).needs for t in shown
    )
    panel.need.setCurrentIndex(0)
    panel.area.setCurrentIndex(panel.area.findData("semh"))
    assert all(panel.current() is None or panel.current().area == "semh" for _ in [0])


def test_a_pupils_strategy_goes_into_the_schools_bank(
    window: MainWindow, sample_store: Store
) -> None:
    select(window, "Ollie Bennett")
    strategies = window.editor.lists["strategies"]
    strategies.list.setCurrentRow(3)
    text = strategies.list.currentItem().text()
    window.editor.add_to_bank_button.click()
    saved = json.loads((sample_store.root / BANK_FILE).read_text(encoding="utf-8"))
    assert [s["text"] for s in saved["strategies"]] == [text]
    assert saved["strategies"][0]["needs"] == ["ASD", "SLCN"]
    # Another laptop using the folder sees it.
    assert load_bank(Store(sample_store.root).root).search(text)[0].text == text


def test_the_strategy_bank_dialog_manages_the_schools_strategies(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, sample_store: Store
) -> None:
    def add_one(self: StrategyBankDialog) -> int:
        self.text.setText("Let me use the quiet room at lunch.")
        self.need.setCurrentIndex(self.need.findData("SEMH"))
        self._add()
        return 1

    monkeypatch.setattr(StrategyBankDialog, "exec", add_one)
    window.bank_action.trigger()
    assert [s.text for s in window.bank.school] == ["Let me use the quiet room at lunch."]
    assert window.bank.school[0].needs == ["SEMH"]
    assert (sample_store.root / BANK_FILE).exists()


def test_plain_english_hints_appear_beside_the_field_as_you_type(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(window, "Ruby Hall")
    label = window.editor.hint_labels["about_me"]
    assert not label.isVisibleTo(window)
    with qtbot.waitSignal(window.editing.hint_timer.timeout, timeout=3000):
        window.editor.texts["about_me"].setPlainText(
            "I see the SALT and I need a low-arousal environment."
        )
    assert label.isVisibleTo(window)
    assert "speech and language therapist" in label.text() and "a calm, quiet space" in label.text()
    assert window.live.hints.text() == "2 plain-English hints…"
    assert (
        window.editor.texts["about_me"].toPlainText().startswith("I see the SALT")
    )  # never changed
    shown = []
    monkeypatch.setattr(HintsDialog, "exec", lambda self: shown.append(self.table.rowCount()) or 0)
    window.live.hints.click()
    assert shown == [2]


def test_the_reviews_view_lists_due_portraits_and_opens_one_on_enter(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.pupil_list.search.setText("oak")  # a filter that hides the pupil we will open
    opened = []

    def choose_last(self: ReviewsDialog) -> int:
        dates = [self.table.item(r, 2).text() for r in range(self.table.rowCount())]
        opened.append(dates)
        self.table.selectRow(self.table.rowCount() - 1)
        qtbot.keyClick(self.table, Qt.Key.Key_Return)
        return 1

    monkeypatch.setattr(ReviewsDialog, "exec", choose_last)
    window.reviews_action.trigger()
    due = ReviewsDialog(window.last_scan.pupils, clock.today())
    assert opened and len(opened[0]) == len(due.ids) > 0
    parsed = [dt.datetime.strptime(d, "%d %B %Y").date() for d in opened[0]]
    assert parsed == sorted(parsed)
    assert window.session.content is not None and window.session.content.id == due.ids[-1]
    assert window.pupil_list.search.text() == ""


def test_mark_reviewed_today_sets_dates_and_author(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    beth = select(window, "Beth Carter")  # overdue in the sample
    window.session.user = "K. Okafor"  # the staff name given at start (Tools > Your name)
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        window.editor.mark_reviewed_button.click()
    review = on_disk(sample_store, beth.id)["review"]
    today = clock.today()
    assert review["last_reviewed"] == today.isoformat()
    assert review["next_review"] == (today + dt.timedelta(weeks=13)).isoformat()
    assert review["author"] == "K. Okafor"
    window.undo_action.trigger()
    assert window.editor.ui.lastReviewed.iso() == beth.review.last_reviewed


def test_the_next_review_follows_the_last(window: MainWindow) -> None:
    select(window, "Ruby Hall")
    ui = window.editor.ui
    last = dt.date.fromisoformat(ui.lastReviewed.iso())
    ui.lastReviewed.setDate(last + dt.timedelta(days=7))
    assert ui.nextReview.iso() == (last + dt.timedelta(days=7, weeks=13)).isoformat()


# -- issue 13: strategies fit for a stranger, in the editor ----------------------------------


def test_the_bank_and_the_strategy_list_say_why_a_strategy_is_no_cover_must_do(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    window.pupil_list.table.setCurrentIndex(window.pupil_list.proxy.index(0, 0))
    content = window.session.content
    assert content is not None
    panel = window.editor.bank_panel
    assert not panel.why.isVisibleTo(window)  # the first strategy shown is for anyone
    type_into(qtbot, panel.search, "trained staff help me eat")
    care = panel.current()
    assert care is not None and care.id == "pmld-08"
    assert panel.why.isVisibleTo(window)
    assert panel.why.text().startswith("Trained staff only: only adults trained")
    assert "does not list it as a MUST DO" in panel.why.text()
    item = panel.results.currentItem()
    assert not item.icon().isNull() and "Trained staff only" in item.toolTip()

    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    strategies = window.editor.lists["strategies"]
    assert isinstance(strategies, StrategyListEditor)
    inserted = strategies.list.currentItem()
    assert inserted.text() == care.text and not inserted.icon().isNull()
    assert "Trained staff only" in inserted.toolTip()
    assert not strategies.cover_note.isVisibleTo(window)  # not ticked: nothing to explain

    with qtbot.waitSignal(window.session.saved, timeout=5000):
        qtbot.keyClick(strategies.list, Qt.Key.Key_Space)  # tick it MUST DO
    assert strategies.cover_note.isVisibleTo(window)
    note = strategies.cover_note.text()
    assert note.startswith("\u201cOnly trained staff help me eat") and (
        "The class overview for cover staff does not list it as a MUST DO." in note
    )
    saved = on_disk(sample_store, content.id)["portrait"]["strategies"]
    assert {"text": care.text, "essential": True, "bank_id": "pmld-08"} in saved

    with qtbot.waitSignal(window.session.saved, timeout=5000):
        qtbot.keyClick(strategies.list, Qt.Key.Key_Space)  # untick
    assert not strategies.cover_note.isVisibleTo(window)


def test_a_strategy_typed_by_hand_is_recognised_by_its_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.pupil_list.table.setCurrentIndex(window.pupil_list.proxy.index(0, 0))
    strategies = window.editor.lists["strategies"]
    assert isinstance(strategies, StrategyListEditor)
    strategies.list.setFocus()
    qtbot.keyClick(strategies.list, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    moving = window.bank.get("pmld-04")
    assert moving is not None
    qtbot.keyClicks(editor, moving.text.rstrip("."))  # no bank id: the same words
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # let the view close the editor, as between keystrokes
    typed = strategies.list.currentItem()
    assert typed.text().startswith("Only trained staff may move me")
    assert "Trained staff only" in typed.toolTip()
    qtbot.keyClick(strategies.list, Qt.Key.Key_Space)  # tick it MUST DO
    assert typed.checkState() == Qt.CheckState.Checked
    assert strategies.cover_note.isVisibleTo(window)


def test_the_school_tags_its_own_strategies_in_the_bank_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, sample_store: Store
) -> None:
    def add_one(self: StrategyBankDialog) -> int:
        self.text.setText("Use the sensory cards from the blue box.")
        self.tags["needs_preparation"].click()
        self._add()
        return 1

    monkeypatch.setattr(StrategyBankDialog, "exec", add_one)
    window.bank_action.trigger()
    [ours] = window.bank.school
    assert ours.tags == ["needs_preparation"]
    saved = json.loads((sample_store.root / BANK_FILE).read_text(encoding="utf-8"))
    assert saved["strategies"][0]["tags"] == ["needs_preparation"]
    panel = window.editor.bank_panel
    panel.search.setText("blue box")
    assert panel.why.text().startswith("Needs preparation: it needs something made")
    again = StrategyBankDialog(window.bank, window)
    row = again.list.item(0)
    assert not row.icon().isNull() and "Needs preparation" in row.toolTip()
    assert again.strategies() == [ours]  # saving again keeps the tags


def test_ok_in_the_strategy_bank_never_writes_over_a_file_it_could_not_read(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    sample_store: Store,
    message_boxes: list[tuple[str, str]],
) -> None:
    path = sample_store.root / BANK_FILE
    strategies = [
        {"id": f"school-{n:04d}", "text": f"Strategy {n} here.", "area": "semh"} for n in range(10)
    ]
    strategies[4]["area"] = "not an area"
    bad = json.dumps({"strategies": strategies}).encode()
    path.write_bytes(bad)
    monkeypatch.setattr(StrategyBankDialog, "exec", lambda self: 1)  # OK at once
    window.bank_action.trigger()
    assert path.read_bytes() == bad
    assert message_boxes and "strategies.4.area" in message_boxes[-1][1]
