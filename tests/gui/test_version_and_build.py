"""Help > About names the version (it lives in penportrait/__init__.py); the build's check hook."""

from __future__ import annotations

import re
from importlib import metadata

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

import penportrait
from penportrait import cli
from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow


def test_help_about_shows_the_version(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda _p, _t, text: shown.append(text)))
    [help_menu] = [
        menu
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == "Help" and isinstance(menu := action.menu(), QMenu)
    ]
    [about] = [a for a in help_menu.actions() if a.text().replace("&", "").startswith("About")]
    about.trigger()
    [text] = shown
    assert re.search(r"PenPortrait \d+\.\d+\.\d+", text)
    assert f"PenPortrait {penportrait.__version__}" in text
    assert penportrait.__version__ == metadata.version("penportrait")
    assert "SIL Open Font License" in text


def test_quit_after_opens_the_window_and_closes_it_by_itself(
    qapp: object, sample_store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hidden --quit-after the build's smoke test uses (.ci/dist/smoke.sh)."""
    shown: list[str] = []
    original = MainWindow.show

    def show(self: MainWindow) -> None:
        shown.append(self.windowTitle())
        original(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MainWindow, "show", show)
        assert cli.main(["--data", str(sample_store.root), "--quit-after", "0.2"]) == 0
    assert shown and "PenPortrait" in shown[0]
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert "--quit-after" not in cli.build_parser().format_help()


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "soon"])
def test_quit_after_refuses_what_is_not_a_number_of_seconds(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--quit-after", value])
    assert exit_.value.code == cli.EXIT_USAGE
    assert "is not a number of seconds" in capsys.readouterr().err
