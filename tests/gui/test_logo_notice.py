"""A logo exports must leave out is named in the window's notice, and stays named after saves."""

from __future__ import annotations

import json

from PIL import Image
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow
from tests.gui.test_main_window import select, type_into


def test_an_unusable_logo_is_named_in_the_notice_and_stays_named_after_a_save(
    qtbot: QtBot, sample_store: Store, message_boxes: list[tuple[str, str]]
) -> None:
    root = sample_store.root
    Image.new("RGB", (64, 64), "navy").save(root / "logo.png", "WEBP")  # not a PNG inside
    school = root / "school.json"
    data = json.loads(school.read_text(encoding="utf-8"))
    school.write_text(json.dumps({**data, "logo": "logo.png"}), encoding="utf-8")
    window = MainWindow(sample_store)
    qtbot.addWidget(window)
    window.show()
    notice = window.pupil_list.notice
    assert notice.isVisible() and "logo.png" in notice.text()
    select(window, "Mira Hussain")
    with qtbot.waitSignal(window.session.saved, timeout=5000):
        type_into(qtbot, window.editor.texts["about_me"], " More.")
    window.refresh_list()  # what the folder watcher does after the save
    assert notice.isVisible() and "logo.png" in notice.text()
