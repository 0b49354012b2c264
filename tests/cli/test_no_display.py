"""`penportrait` with no display: a plain message and exit 1, not Qt's abort (exit 134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from penportrait.cli import no_display


def test_the_app_without_a_display_says_so_and_exits_1(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    # No timeout= here: under faketime (the date check) subprocess's timed wait fails.
    run = subprocess.run(
        [sys.executable, "-m", "penportrait", "--data", str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    assert "no display was found" in run.stderr
    assert "penportrait list" in run.stderr  # how to work without one
    assert "xcb" not in run.stderr and "Traceback" not in run.stderr


def test_a_display_or_a_chosen_platform_lets_the_window_open() -> None:
    assert no_display({"DISPLAY": ":0"}, "linux") == ""
    assert no_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") == ""
    assert no_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") == ""
    assert no_display({}, "win32") == ""
    assert no_display({"QT_QPA_PLATFORM": "xcb"}, "linux") != ""
