"""The same page on every machine: the page's fonts ship in the package and are loaded at start.

The same pupils are laid out twice, in child processes: once with this machine's fonts, once
with fontconfig offering no fonts at all (a machine with none of ours). The fitted size, the
page count and every line of the PDF's text must be the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from penportrait import resources

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("fonts_child.py")
NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _lay_out(env: dict[str, str]) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **env}
    return subprocess.Popen(
        [sys.executable, str(CHILD)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _result(child: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


@pytest.mark.slow
def test_a_page_is_the_same_with_and_without_the_machines_fonts(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(NO_FONTS.format(cache=tmp_path / "cache"), encoding="utf-8")
    here = _lay_out({})
    bare = _lay_out({"FONTCONFIG_FILE": str(config)})
    here_result, bare_result = _result(here), _result(bare)

    # The bare machine really had none of the system's fonts: only the ones we ship.
    assert "DejaVu Sans" in here_result["families"]
    assert "DejaVu Sans" not in bare_result["families"]
    assert "Liberation Sans" in bare_result["families"]

    assert len(here_result["pupils"]) == 8
    for name, here_page in here_result["pupils"].items():
        bare_page = bare_result["pupils"][name]
        assert bare_page["base_pt"] == here_page["base_pt"], name
        assert bare_page["pages"] == here_page["pages"], name
        assert bare_page["lines"] == here_page["lines"], name
        assert bare_page["fonts"] and all("LiberationSans" in f for f in bare_page["fonts"])


def test_the_page_fonts_and_their_licence_ship_in_the_package() -> None:
    for name in resources.PAGE_FONT_FILES:
        assert resources.read_font(name)[:4] == b"\x00\x01\x00\x00", name  # TrueType
    licence = (ROOT / "penportrait" / "fonts" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
