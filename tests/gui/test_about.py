"""Help > About names the version, the one that lives in penportrait/__init__.py."""

from __future__ import annotations

import re
from importlib import metadata

import pytest
from PySide6.QtWidgets import QMessageBox

import penportrait
from penportrait.gui.main_window import MainWindow


def test_help_about_shows_the_version(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda _p, _t, text: shown.append(text)))
    [help_menu] = [
        action.menu()
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == "Help"
    ]
    [about] = [a for a in help_menu.actions() if a.text().replace("&", "").startswith("About")]
    about.trigger()
    [text] = shown
    assert re.search(r"PenPortrait \d+\.\d+\.\d+", text)
    assert f"PenPortrait {penportrait.__version__}" in text
    assert penportrait.__version__ == metadata.version("penportrait")
    assert "SIL Open Font License" in text
