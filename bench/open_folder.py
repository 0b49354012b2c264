"""Opening the data folder: everything the app needs for its pupil list, against the floor."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from bench.common import median_ms, table, timed, write_school
from penportrait.core.store import Store

COUNT = 5000
REPEAT = 7


def floor(folder: Path) -> int:
    """Reading every file's bytes and json.loads alone: no validation, no model."""
    loaded = 0
    for entry in os.scandir(folder):
        with open(entry.path, "rb") as stream:
            json.loads(stream.read())
        loaded += 1
    return loaded


def run() -> str:
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        root = write_school(Path(tmp) / "school", COUNT)
        size_mb = sum(p.stat().st_size for p in (root / "pupils").iterdir()) / 1e6
        store = Store(root)
        assert len(store.scan().pupils) == COUNT
        floor_times = timed(lambda: floor(root / "pupils"), REPEAT)
        open_times = timed(store.scan, REPEAT)
    floor_ms, open_ms = median_ms(floor_times), median_ms(open_times)
    rows = [
        ("read + json.loads (floor)", f"{floor_ms:.0f}", f"{min(floor_times) * 1000:.0f}", "1.00"),
        (
            "Store.scan (validated pupils)",
            f"{open_ms:.0f}",
            f"{min(open_times) * 1000:.0f}",
            f"{open_ms / floor_ms:.2f}",
        ),
    ]
    return (
        table(
            f"Opening a folder of {COUNT:,} pupils "
            f"({size_mb:.1f} MB, warm cache, median of {REPEAT})",
            ("what", "median ms", "best ms", "× floor"),
            rows,
        )
        + f"\n\nTarget: opening at most 2.00 × the floor. Measured: {open_ms / floor_ms:.2f} ×."
    )
