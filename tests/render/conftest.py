"""Rendering needs Qt's fonts: every test here runs with pytest-qt's QApplication."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """Make sure the full QApplication exists before any page is laid out."""
