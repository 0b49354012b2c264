"""The integration test drives the real window: the GUI tests' isolated settings apply here too."""

from __future__ import annotations

from tests.gui.conftest import _isolated_settings, message_boxes

__all__ = ["_isolated_settings", "message_boxes"]
