"""The same page on every machine: the page's fonts ship in the package and are loaded at start.

The same pupils are laid out in child processes: with this machine's fonts, with fontconfig
offering no fonts at all, and with DejaVu only (a machine with other fonts than ours, as a
Windows PC has Arial instead). The fitted size, the page count and every line of the PDF's text
must be the same.
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
FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>{dirs}<cachedir>{cache}</cachedir></fontconfig>
"""
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


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


def _fontconfig(folder: Path, name: str, dirs: str = "") -> dict[str, str]:
    config = folder / f"{name}.conf"
    config.write_text(FONTCONFIG.format(dirs=dirs, cache=folder / name), encoding="utf-8")
    return {"FONTCONFIG_FILE": str(config)}


@pytest.mark.slow
def test_a_page_is_the_same_with_and_without_the_machines_fonts(tmp_path: Path) -> None:
    assert DEJAVU.is_dir(), "fonts-dejavu-core is part of Debian's base image"
    children = {
        "here": _lay_out({}),
        "bare": _lay_out(_fontconfig(tmp_path, "bare")),
        "other": _lay_out(_fontconfig(tmp_path, "other", f"<dir>{DEJAVU}</dir>")),
    }
    results = {name: _result(child) for name, child in children.items()}
    here = results["here"]

    # Each machine really had the fonts it was meant to have, and ours on top.
    assert {"DejaVu Sans", "Liberation Sans"} <= set(here["families"])
    assert "DejaVu Sans" not in results["bare"]["families"]
    assert "DejaVu Sans" in results["other"]["families"]
    assert "Liberation Sans" in results["bare"]["families"]
    assert "Liberation Sans" in results["other"]["families"]  # only because we ship it

    assert len(here["pupils"]) == 8
    for machine in ("bare", "other"):
        for name, here_page in here["pupils"].items():
            page = results[machine]["pupils"][name]
            assert page["base_pt"] == here_page["base_pt"], (machine, name)
            assert page["pages"] == here_page["pages"], (machine, name)
            assert page["lines"] == here_page["lines"], (machine, name)
    for page in results["bare"]["pupils"].values():
        assert page["fonts"] and all("LiberationSans" in font for font in page["fonts"])


def test_the_page_fonts_and_their_licence_ship_in_the_package() -> None:
    for name in resources.PAGE_FONT_FILES:
        assert resources.read_font(name)[:4] == b"\x00\x01\x00\x00", name  # TrueType
    licence = (ROOT / "penportrait" / "fonts" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
