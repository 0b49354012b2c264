"""PenPortrait: one-page pupil pen portraits for SEND, offline."""

from __future__ import annotations

# The one place the version lives: pyproject.toml reads it (hatch), so do the CLI, the
# About box and the self-contained build (which has no package metadata to ask).
__version__ = "0.1.0"
