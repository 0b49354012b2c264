"""PenPortrait: one-page pupil pen portraits for SEND, offline."""

from __future__ import annotations

__version__ = "0.1.0"
