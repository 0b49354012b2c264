"""What ships: a wheel with penportrait/ and its templates, and nothing else at the top."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import penportrait
from penportrait import resources

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("penportrait-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_holds_the_package_and_its_templates_only(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"penportrait", next(n for n in top if n.endswith(".dist-info"))}
    for template in (ROOT / "templates").glob("*.j2"):
        assert f"penportrait/templates/{template.name}" in names
    assert "penportrait/core/model.py" in names
    assert "penportrait/cli.py" in names
    assert not any(n.startswith(("ui/", "tests/", "templates/")) for n in names)
    entry_points = wheel.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "penportrait = penportrait.cli:main" in entry_points
    # Windows opens no console window for the app started from a shortcut.
    assert "[gui_scripts]\npenportrait-app = penportrait.cli:main" in entry_points
    licence = next(n for n in names if n.endswith(("licenses/LICENSE", "/LICENSE")))
    assert "MIT License" in wheel.read(licence).decode()


def test_templates_are_found_through_the_resources_module() -> None:
    names = resources.template_names()
    assert "portrait.html.j2" in names
    assert "{{ page.name }}" in resources.read_template("portrait.html.j2")


def test_python_dash_m_penportrait_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "penportrait", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("PenPortrait ")


def test_the_version_lives_in_one_place(wheel: zipfile.ZipFile) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    metadata = wheel.read(next(n for n in wheel.namelist() if n.endswith("METADATA"))).decode()
    assert f"\nVersion: {penportrait.__version__}\n" in metadata
    result = subprocess.run(
        [sys.executable, "-m", "penportrait", "--version"], capture_output=True, text=True
    )
    assert result.stdout.strip() == f"PenPortrait {penportrait.__version__}"


def test_the_wheel_carries_the_page_fonts_and_their_licence(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    for font in resources.PAGE_FONT_FILES:
        assert f"penportrait/fonts/{font}" in names
    assert "penportrait/fonts/LICENSE.txt" in names


def test_the_constraints_pin_what_pyproject_allows() -> None:
    """make installs from constraints.txt: each pin must satisfy pyproject's ranges."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for spec in map(Requirement, wanted):
        name = canonicalize_name(spec.name)
        assert name in pins, f"{spec.name} is not in constraints.txt"
        assert spec.specifier.contains(pins[name]), f"{spec.name} {pins[name]} is not {spec}"
