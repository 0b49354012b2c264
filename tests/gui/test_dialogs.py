"""First run, school settings, help: the dialogs around the main window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from penportrait.core.sections import Section
from penportrait.core.store import Store
from penportrait.gui import app
from penportrait.gui.dialogs import SchoolSettingsDialog, Start, WelcomeDialog
from penportrait.gui.main_window import MainWindow


@pytest.mark.parametrize("choice", [Start.SAMPLE, Start.EMPTY])
def test_first_run_offers_the_sample_school_or_an_empty_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, choice: Start
) -> None:
    data = tmp_path / "real-data"
    seen = []

    def choose(self: WelcomeDialog) -> int:
        seen.append(self.findChildren(object))
        self.choice = choice
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", choose)
    folder, sample = app.choose_start(data, demo=False)
    assert seen
    if choice is Start.SAMPLE:
        assert sample and folder != data
        assert len(Store(folder).scan().pupils) == 51
        assert not data.exists()  # nothing written to the real folder
    else:
        assert (folder, sample) == (data, False)
        assert data.is_dir() and Store(data).is_empty()


def test_the_welcome_says_where_the_data_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = WelcomeDialog(tmp_path / "somewhere")
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(tmp_path / "somewhere") in text


def test_an_existing_folder_opens_without_asking(
    monkeypatch: pytest.MonkeyPatch, sample_dir: Path
) -> None:
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: pytest.fail("no welcome expected"))
    assert app.choose_start(sample_dir, demo=False) == (sample_dir, False)


def test_school_settings_are_saved_to_school_json_and_change_the_page(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, sample_dir: Path
) -> None:
    def edit(self: SchoolSettingsDialog) -> int:
        self.ui.schoolName.setText("Riverside Primary")
        self.ui.reviewWeeks.setValue(6)
        self.ui.baseFont.setValue(12.0)
        self.cover_checks[Section.FAMILY_VOICE].setChecked(True)
        return 1

    monkeypatch.setattr(SchoolSettingsDialog, "exec", edit)
    with qtbot.waitSignal(window.live.updated, timeout=3000):
        window.settings_action.trigger()
    saved = json.loads((sample_dir / "school.json").read_text(encoding="utf-8"))
    assert saved["name"] == "Riverside Primary"
    assert saved["review_period_weeks"] == 6
    assert saved["base_font_pt"] == 12.0
    assert "family_voice" in saved["cover_sections"]
    assert window.windowTitle().startswith("Riverside Primary")
    assert window.live.settings.base_font_pt == 12.0


def test_medical_alerts_cannot_be_hidden_from_cover_staff_in_school_settings(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def look(self: SchoolSettingsDialog) -> int:
        medical = self.cover_checks[Section.MEDICAL]
        seen.extend([medical.isChecked(), medical.isEnabled()])
        return 0

    monkeypatch.setattr(SchoolSettingsDialog, "exec", look)
    window.settings_action.trigger()
    assert seen == [True, False]  # ticked, and nobody can untick it


def test_school_settings_are_never_saved_over_a_school_json_that_does_not_load(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    sample_dir: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    bad = b'{"name": "Riverside", "review_period_weeks": 0}'
    (sample_dir / "school.json").write_bytes(bad)
    opened: list[bool] = []
    monkeypatch.setattr(SchoolSettingsDialog, "exec", lambda self: opened.append(True) or 1)
    window.settings_action.trigger()
    assert (sample_dir / "school.json").read_bytes() == bad
    assert not opened
    assert "review_period_weeks" in message_boxes[-1][1]


def test_school_settings_saved_on_another_laptop_meanwhile_are_not_overwritten(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    sample_dir: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    from penportrait.core.school import load_school, save_school

    def edit(self: SchoolSettingsDialog) -> int:
        settings, _ = load_school(sample_dir)  # the other laptop saves while this one edits
        save_school(sample_dir, settings.model_copy(update={"name": "Theirs"}))
        self.ui.schoolName.setText("Mine")
        return 1

    monkeypatch.setattr(SchoolSettingsDialog, "exec", edit)
    window.settings_action.trigger()
    assert load_school(sample_dir)[0].name == "Theirs"
    assert "changed on another computer" in message_boxes[-1][1]


def test_help_shows_shortcuts_and_about(window: MainWindow, message_boxes: list) -> None:  # type: ignore[type-arg]
    window.shortcuts_action.trigger()
    window.about_action.trigger()
    titles = [title for title, _ in message_boxes]
    assert "Keyboard shortcuts" in titles and "about" in titles
    assert "Ctrl+N" in dict(message_boxes)["Keyboard shortcuts"]


def test_an_unexpected_error_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda self: shown.append((self.text(), self.informativeText(), self.detailedText())) or 0,
    )
    try:
        raise KeyError("surprise")
    except KeyError as error:
        app.report_unexpected(KeyError, error, error.__traceback__)
    [(text, info, details)] = shown
    assert "nothing you typed before this has been lost" in text
    assert info == "KeyError: 'surprise'" and "Traceback" in details
