"""Designer files are sources: the committed forms must build what their .ui files describe.

What matters is the form a person sees: every widget and layout, by name and class, with its
words (titles, labels, tips, accessible names) and its place in the form. That is compared by
building the form twice, once from the committed Python and once from the .ui file with Qt's
own loader, so any PySide6 version can check it. Where the installed pyside6-uic is the one
that made the committed file, its output must also match byte for byte, apart from nothing.
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QLayout, QWidget

from penportrait.gui.fields import DateField, PhotoWell

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "ui").glob("*.ui"))
VERSION = re.compile(r"Qt User Interface Compiler version (\S+)")
WORDS = (
    "windowTitle",
    "text",
    "title",
    "placeholderText",
    "toolTip",
    "accessibleName",
    "accessibleDescription",
    "whatsThis",
    "specialValueText",
    "displayFormat",
    "checkable",
    "readOnly",
)


def uic() -> str | None:
    return shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )


def generated(source: Path) -> Path:
    return ROOT / "penportrait" / "gui" / "forms" / f"ui_{source.stem}.py"


def describe(root: QWidget) -> dict[str, dict[str, Any]]:
    """Every named widget and layout under ``root``: class, parent, and words."""
    found: dict[str, dict[str, Any]] = {}
    for child in [root, *root.findChildren(QObject)]:
        name = child.objectName()
        if not name or name.startswith("qt_") or not isinstance(child, (QWidget, QLayout)):
            continue
        parent = child.parent()
        facts: dict[str, Any] = {
            "class": child.metaObject().className(),
            "parent": parent.objectName() if parent is not None and parent is not root else "",
        }
        for prop in WORDS:
            if child.metaObject().indexOfProperty(prop) >= 0:
                facts[prop] = child.property(prop)
        if isinstance(child, QLayout):
            facts["items"] = [
                (item.widget() or item.layout()).objectName()
                for item in (child.itemAt(i) for i in range(child.count()))
                if item.widget() is not None or item.layout() is not None
            ]
        found[name] = facts
    return found


def from_python(source: Path) -> QWidget:
    module = importlib.import_module(f"penportrait.gui.forms.ui_{source.stem}")
    form_class = next(getattr(module, n) for n in dir(module) if n.startswith("Ui_"))
    tree = re.search(r'<widget class="(\w+)" name="(\w+)"', source.read_text(encoding="utf-8"))
    assert tree is not None
    base = getattr(importlib.import_module("PySide6.QtWidgets"), tree.group(1))
    widget: QWidget = base()
    widget.setObjectName(tree.group(2))
    form_class().setupUi(widget)
    return widget


def from_designer(source: Path) -> QWidget:
    loader = QUiLoader()
    loader.registerCustomWidget(DateField)
    loader.registerCustomWidget(PhotoWell)
    widget = loader.load(str(source))
    assert widget is not None, loader.errorString()
    return widget


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_each_generated_form_builds_what_its_designer_source_describes(
    qapp: Any, source: Path
) -> None:
    assert generated(source).exists(), f"{generated(source).name} is missing: run `make forms`"
    built, designed = describe(from_python(source)), describe(from_designer(source))
    assert built.keys() == designed.keys(), f"run `make forms`: ui/{source.name} changed"
    for name in designed:
        assert built[name] == designed[name], f"{name}: run `make forms` (ui/{source.name})"


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_with_the_same_uic_the_output_is_identical(source: Path) -> None:
    committed = generated(source).read_text(encoding="utf-8")
    assert "WARNING! All changes made in this file will be lost" in committed
    made_by = VERSION.search(committed)
    tool = uic()
    if tool is None or made_by is None:
        pytest.skip("pyside6-uic is not installed")
    fresh = subprocess.run([tool, str(source)], capture_output=True, text=True, check=True).stdout
    here = VERSION.search(fresh)
    if here is None or here.group(1) != made_by.group(1):
        pytest.skip(f"made by uic {made_by.group(1)}; this is {here and here.group(1)}")
    assert committed == fresh, f"{generated(source).name} is older than ui/{source.name}"


def test_every_form_has_a_source() -> None:
    forms = {p.stem.removeprefix("ui_") for p in (ROOT / "penportrait/gui/forms").glob("ui_*.py")}
    assert forms == {s.stem for s in SOURCES}
