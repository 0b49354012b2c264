"""The data folder's layout is named in one place (core/folder.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from penportrait.core import folder


@pytest.mark.parametrize(
    ("chosen", "kept"),
    [("crest.PNG", "logo.png"), ("crest.jpeg", "logo.jpg"), ("a.b.JPG", "logo.jpg")],
)
def test_a_chosen_logo_is_kept_as_logo_png_or_jpg(chosen: str, kept: str) -> None:
    assert folder.logo_file_name(Path(chosen)) == kept


def test_a_logo_that_is_not_png_or_jpeg_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"crest\.gif"):
        folder.logo_file_name(Path("crest.gif"))


def test_the_layout_matches_the_readme() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    tree = readme.split("## Where the data lives", 1)[1].split("```", 2)[1]
    names = (
        *folder.SCHOOL_WIDE_FILES,
        *(f"{name}/" for name in folder.FOLDERS),
        f"{folder.TRASH}/{folder.CONFLICT_COPIES}/",
        f"{folder.LOGO_STEM}.<hash>.jpg",
    )
    for name in names:
        assert name in tree, name


# Where a layout name may appear as a literal outside core/folder.py: the app's own built-in
# data files (read through resources), the command line's argument and command names, and
# words in a count ("3 pupils").
_NOT_LAYOUT_CALLS = {"read_data", "add_argument", "_command", "_count"}


def _layout_literals(source: str) -> list[tuple[int, str]]:
    names = {
        *folder.SCHOOL_WIDE_FILES,
        *folder.FOLDERS,
        folder.CONFLICT_COPIES,
        *(folder.LOGO_STEM + suffix for suffix in folder.LOGO_SUFFIXES),
    }
    tree = ast.parse(source)
    allowed = {
        id(argument)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and getattr(call.func, "attr", getattr(call.func, "id", None)) in _NOT_LAYOUT_CALLS
        for argument in call.args
    }
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in allowed
        and (node.value in names or any(node.value.startswith(f"{n}/") for n in names))
    )


def test_the_layout_scan_finds_a_spelt_out_name() -> None:
    source = 'path = root / "pupils" / name\nother = f"history/{x}"\nread_data("school.json")\n'
    assert _layout_literals(source) == [(1, "pupils"), (2, "history/")]


def test_no_module_but_core_folder_spells_out_a_name_of_the_data_folder() -> None:
    package = Path(folder.__file__).parents[1]
    found = [
        f"{path.relative_to(package)}:{line}: {value!r}"
        for path in sorted(package.rglob("*.py"))
        if path != Path(folder.__file__)
        for line, value in _layout_literals(path.read_text(encoding="utf-8"))
    ]
    assert not found, "use penportrait.core.folder instead of: " + ", ".join(found)
