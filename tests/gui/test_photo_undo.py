"""A photo is an edit like any other: Undo and Redo bring the picture back (issue 12).

Chosen through the editor's "Choose photo…" button with the file dialog patched, undone with
Ctrl+Z; checked on disk, in the editor's photo well and on the live page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from tests.gui.test_main_window import select

RED, BLUE = (220, 20, 20), (20, 20, 220)


def photo_file(tmp_path: Path, name: str, colour: tuple[int, int, int]) -> Path:
    path = tmp_path / f"{name}.jpg"
    Image.new("RGB", (300, 400), colour).save(path)
    return path


def choose_photo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    chooser = staticmethod(lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    qtbot.mouseClick(window.editor.ui.choosePhoto, Qt.MouseButton.LeftButton)


def colour_of_file(path: Path | None) -> str:
    assert path is not None and path.is_file()
    with Image.open(path) as image:
        r, _g, b = image.convert("RGB").getpixel((10, 10))  # type: ignore[misc]
    return "red" if r > 150 and b < 80 else "blue" if b > 150 and r < 80 else "other"


def colour_in(image: QImage) -> str:
    """Which of the two photos shows in a grabbed widget (a count of strongly red or blue
    pixels: the page around the photo is neither)."""
    reds = blues = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            reds += c.red() > 170 and c.blue() < 70 and c.green() < 70
            blues += c.blue() > 170 and c.red() < 70 and c.green() < 70
    if max(reds, blues) < 50:
        return "none"
    return "red" if reds > blues else "blue"


def shown(qtbot: QtBot, window: MainWindow) -> tuple[str, str]:
    """The photo in the editor's well and on the live page, once the page is laid out."""
    window.live.refresh()
    qtbot.waitUntil(lambda: window.live.fitted is not None)
    return (
        colour_in(window.editor.ui.photoWell.grab().toImage()),
        colour_in(window.live.canvas.grab().toImage()),
    )


def saved_photo(store: Store, pupil_id: str) -> str:
    return colour_of_file(store.photo_path(store.load(pupil_id)))


def undo(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_undo_after_choosing_another_photo_brings_the_first_back(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    mira = select(window, "Mira Hussain")
    window.editor.ui.photoConsent.setChecked(True)
    choose_photo(qtbot, window, monkeypatch, photo_file(tmp_path, "red", RED))
    window.editing.save_now()
    assert saved_photo(sample_store, mira.id) == "red"
    assert shown(qtbot, window) == ("red", "red")
    red_name = sample_store.load(mira.id).pupil.photo

    choose_photo(qtbot, window, monkeypatch, photo_file(tmp_path, "blue", BLUE))  # by mistake
    window.editing.save_now()
    assert saved_photo(sample_store, mira.id) == "blue"
    assert shown(qtbot, window) == ("blue", "blue")

    undo(qtbot, window)
    assert shown(qtbot, window) == ("red", "red")
    window.editing.save_now()
    after = sample_store.load(mira.id)
    assert after.pupil.photo == red_name
    assert saved_photo(sample_store, mira.id) == "red"

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # Redo
    assert shown(qtbot, window) == ("blue", "blue")
    window.editing.save_now()
    assert saved_photo(sample_store, mira.id) == "blue"
    # Every revision in history still shows the picture it had.
    colours = {
        colour_of_file(sample_store.photo_path(sample_store.load_revision(mira.id, revision)))
        for revision in sample_store.history(mira.id)
        if sample_store.load_revision(mira.id, revision).pupil.photo
    }
    assert {"red", "blue"} <= colours  # (and the sample photo before them)


def test_undo_of_a_photo_chosen_before_any_save_leaves_the_saved_one(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Choosing a photo writes nothing another laptop, or the saved pupil, would show."""
    mira = select(window, "Mira Hussain")
    choose_photo(qtbot, window, monkeypatch, photo_file(tmp_path, "red", RED))
    window.editing.save_now()
    window.editing.session.timer.stop()
    choose_photo(qtbot, window, monkeypatch, photo_file(tmp_path, "blue", BLUE))
    # Not saved yet: the pupil on disk still shows red, whoever looks.
    assert saved_photo(sample_store, mira.id) == "red"
    undo(qtbot, window)
    window.editing.save_now()
    assert saved_photo(sample_store, mira.id) == "red"


def test_remove_photo_can_be_undone(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    mira = select(window, "Mira Hussain")
    window.editor.ui.photoConsent.setChecked(True)
    choose_photo(qtbot, window, monkeypatch, photo_file(tmp_path, "red", RED))
    window.editing.save_now()
    qtbot.mouseClick(window.editor.ui.removePhoto, Qt.MouseButton.LeftButton)
    window.editing.save_now()
    assert sample_store.load(mira.id).pupil.photo == ""
    assert shown(qtbot, window) == ("none", "none")
    # Another photo chosen meanwhile does not replace the removed one's file.
    choose_photo(qtbot, window, monkeypatch, photo_file(tmp_path, "blue", BLUE))
    undo(qtbot, window)  # the blue photo
    undo(qtbot, window)  # the removal
    assert shown(qtbot, window) == ("red", "red")
    window.editing.save_now()
    assert saved_photo(sample_store, mira.id) == "red"
