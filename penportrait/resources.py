"""Package files (templates, data, page fonts), read through one module (STYLE.md 2).

In an installed wheel the templates live in ``penportrait/templates``; in an editable install
from a checkout they are read from the checkout's top-level ``templates/`` folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def templates() -> Traversable:
    """The folder of Jinja2 templates."""
    packaged = resources.files("penportrait") / "templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("PenPortrait's templates are missing from this installation")


def read_data(name: str) -> str:
    """A data file shipped in the package (penportrait/data): the strategy bank, word lists."""
    return (resources.files("penportrait") / "data" / name).read_text(encoding="utf-8")


def template_names() -> list[str]:
    return sorted(entry.name for entry in templates().iterdir() if entry.name.endswith(".j2"))


def read_template(name: str) -> str:
    return (templates() / name).read_text(encoding="utf-8")


PAGE_FONT_FILES = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
)


def read_font(name: str) -> bytes:
    """A font file shipped in the package (penportrait/fonts, with its licence)."""
    return (resources.files("penportrait") / "fonts" / name).read_bytes()
