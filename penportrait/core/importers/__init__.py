"""Bringing pupils in from other systems."""

from __future__ import annotations
