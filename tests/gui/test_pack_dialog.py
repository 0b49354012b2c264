"""File > Pack for cover staff, driven in the real window: background work, progress, Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThread, QThreadPool
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from penportrait.gui import pack_dialog
from penportrait.gui.main_window import MainWindow
from penportrait.gui.pack_dialog import PackDialog


def tick(dialog: PackDialog, *groups: str) -> None:
    for row in range(dialog.groups.count()):
        item = dialog.groups.item(row)
        wanted = item.text().split("  (")[0] in groups
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


@pytest.fixture
def no_offer(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    offered: list[Path] = []
    monkeypatch.setattr(PackDialog, "offer_to_open", lambda self, out: offered.append(out))
    return offered


def test_groups_are_listed_with_counts_and_the_filtered_group_is_ticked(window: MainWindow) -> None:
    window.pupil_list.group_filter.setCurrentIndex(window.pupil_list.group_filter.findData("8R"))
    dialog = window.output_actions.make_pack()
    labels = [dialog.groups.item(r).text() for r in range(dialog.groups.count())]
    assert labels == [
        "10 English Set 3  (10 pupils)",
        "4 Oak  (30 pupils)",
        "8 Maths Set 2  (5 pupils)",
        "8R  (11 pupils)",
    ]
    assert dialog.chosen_groups() == ["8R"]
    tick(dialog)
    assert not dialog.make_button.isEnabled()
    dialog.reject()


def test_a_pdf_pack_is_made_in_the_background_with_progress(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_offer: list[Path],
) -> None:
    dialog = window.output_actions.make_pack()
    tick(dialog, "8 Maths Set 2")
    dialog.copies.setValue(2)
    out = tmp_path / "maths.pdf"
    save_to(monkeypatch, out)
    with qtbot.waitSignal(dialog.pack_ready, timeout=30000) as ready:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        assert not dialog.groups.isEnabled()  # the choices are locked while it runs
    pack = ready.args[0]
    reader = PdfReader(out)
    assert len(reader.pages) == 2 * (1 + 5) == pack.page_count
    assert "Copy 2 of 2" in " ".join((reader.pages[-1].extract_text() or "").split())
    assert no_offer == [out]


def test_a_word_pack(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_offer: list[Path],
) -> None:
    dialog = window.output_actions.make_pack()
    tick(dialog, "4 Oak")
    dialog.as_word.setChecked(True)
    dialog.overview.setChecked(False)
    save_to(monkeypatch, tmp_path / "oak")  # the ending is added
    with qtbot.waitSignal(dialog.pack_ready, timeout=30000):
        dialog.make_button.click()
    assert (tmp_path / "oak.docx").stat().st_size > 10000


def test_cancel_stops_the_work_and_saves_nothing(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = window.output_actions.make_pack()
    tick(dialog, "10 English Set 3", "4 Oak", "8 Maths Set 2", "8R")
    dialog.copies.setValue(3)
    out = tmp_path / "everything.pdf"
    save_to(monkeypatch, out)
    with qtbot.waitSignal(dialog.pack_cancelled, timeout=30000):
        with qtbot.waitSignal(dialog.progressed, timeout=30000):
            dialog.make_button.click()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not out.exists()
    assert dialog.status.text() == "Cancelled: nothing was saved."
    assert dialog.make_button.isEnabled() and dialog.isVisible()
    dialog.reject()


def test_print_uses_the_system_dialog(qtbot: QtBot, window: MainWindow, printed_pdf: Path) -> None:
    dialog = window.output_actions.make_pack()
    tick(dialog, "8 Maths Set 2")
    dialog.as_print.setChecked(True)
    with qtbot.waitSignal(dialog.pack_ready, timeout=30000):
        dialog.make_button.click()
    assert len(PdfReader(printed_pdf).pages) == 6


def test_printing_after_the_worker_thread_has_ended_does_not_crash(
    qtbot: QtBot, window: MainWindow, printed_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person may take minutes in the print dialog; the pool ends idle threads meanwhile.

    Qt keeps fonts per thread and frees them when the thread ends: pages laid out in the
    worker and painted after it had gone painted freed memory (a crash).
    """
    pool = QThreadPool.globalInstance()
    monkeypatch.setattr(pool, "expiryTimeout", pool.expiryTimeout)  # restored after the test
    pool.setExpiryTimeout(1)  # idle threads end at once
    accept = QPrintDialog.exec

    workers: list[QThread] = []
    build = pack_dialog.build_pack

    def build_and_note_the_thread(*args: Any, **kwargs: Any) -> Any:
        workers.append(QThread.currentThread())
        return build(*args, **kwargs)

    def slow_person(dialog: QPrintDialog) -> int:
        qtbot.waitUntil(lambda: workers[0].isFinished(), timeout=10000)
        return accept(dialog)

    monkeypatch.setattr(pack_dialog, "build_pack", build_and_note_the_thread)
    monkeypatch.setattr(QPrintDialog, "exec", slow_person)
    dialog = window.output_actions.make_pack()
    tick(dialog, "8 Maths Set 2")
    dialog.as_print.setChecked(True)
    try:
        with qtbot.waitSignal(dialog.pack_ready, timeout=30000):
            dialog.make_button.click()
    finally:
        pool.setExpiryTimeout(30000)
    assert len(PdfReader(printed_pdf).pages) == 6


def test_a_pack_that_fails_in_the_background_is_reported_and_the_dialog_closes(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    def broken(pack: object, out: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pack_dialog, "write_pack", broken)
    dialog = window.output_actions.make_pack()
    tick(dialog, "8 Maths Set 2")
    save_to(monkeypatch, tmp_path / "maths.pdf")
    dialog.make_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=30000)
    assert message_boxes == [
        ("Pack not made", "The pack was not made: [Errno 28] No space left on device")
    ]
    assert dialog.make_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_pack_dialog_warns_naming_pupils_with_overdue_reviews(
    qtbot: QtBot,
    window: MainWindow,
    printed_pdf: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    dialog = window.output_actions.make_pack()
    tick(dialog, "8 Maths Set 2")
    dialog.as_print.setChecked(True)
    with qtbot.waitSignal(dialog.pack_ready, timeout=30000):
        dialog.make_button.click()
    warned = dict(message_boxes)["Before you print"]
    assert "Review overdue for Mo Ali" in warned
    assert dialog.warnings == ["Review overdue for Mo Ali"]


def test_an_unreadable_strategy_bank_is_shown_in_the_window_and_warned_of_in_the_pack(
    qtbot: QtBot,
    sample_dir: Path,
    printed_pdf: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    from penportrait.core.store import Store
    from tests.core.test_bank import _school_file

    _school_file(sample_dir, {"id": "school-two", "text": "Sit me near", "area": "x"})
    window = MainWindow(Store(sample_dir))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert (
        window.pupil_list.notice.isVisible()
        and "strategies.json" in window.pupil_list.notice.text()
    )
    dialog = window.output_actions.make_pack()
    tick(dialog, "8R")
    dialog.as_print.setChecked(True)
    with qtbot.waitSignal(dialog.pack_ready, timeout=30000):
        dialog.make_button.click()
    [bank] = [w for w in dialog.warnings if "strategy bank" in w]
    assert "strategies.json: strategies.1.area: should be" in bank
    assert "treated as trained staff only" in bank
    assert "strategies.json" in dict(message_boxes)["Before you print"]
