"""The data folder's layout is named in one place (core/folder.py)."""

from __future__ import annotations

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
    for name in (*folder.SCHOOL_WIDE_FILES, *(f"{name}/" for name in folder.FOLDERS)):
        assert name in tree, name
