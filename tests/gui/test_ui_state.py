"""Remembered UI state: each value declared once with its type and default (gui/ui_state.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from penportrait.gui import ui_state


def test_every_value_starts_at_its_default() -> None:
    assert ui_state.EXPORT_FOLDER.get() == Path.home()
    assert ui_state.PHOTO_FOLDER.get() == Path.home()
    assert ui_state.STAFF_NAME.get() == ""
    assert ui_state.GEOMETRY.get().isEmpty()


def test_values_come_back_as_their_type(tmp_path: Path) -> None:
    ui_state.IMPORT_FOLDER.set(tmp_path)
    ui_state.SPLITTER.set(QByteArray(b"\x00\x01state"))
    ui_state.STAFF_NAME.set("  K.\x00 Okafor \n")
    ui_state.settings().sync()
    assert ui_state.IMPORT_FOLDER.get() == tmp_path
    assert bytes(ui_state.SPLITTER.get().data()) == b"\x00\x01state"
    assert ui_state.staff_name() == "K. Okafor"


def test_a_value_of_the_wrong_kind_is_reported_and_the_default_used(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ui_state.settings().setValue(ui_state.EXPORT_FOLDER.key, 42)
    ui_state.settings().setValue(ui_state.GEOMETRY.key, "not a geometry")
    with caplog.at_level(logging.WARNING):
        assert ui_state.EXPORT_FOLDER.get() == Path.home()
        assert ui_state.GEOMETRY.get().isEmpty()
    assert "folders/export" in caplog.text
    assert "window/geometry" in caplog.text


def test_every_key_is_declared_once() -> None:
    keys = [value.key for value in ui_state.EVERY]
    assert len(keys) == len(set(keys))
