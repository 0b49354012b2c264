"""Opening the data folder: everything the app needs for its pupil list, against the floor.

Two cases, as the app meets them: the first open (a new Store, inside start-up, as gui/app.py
and the CLI run it) and a rescan after one pupil was saved (the folder watcher's case: the
store re-reads every file and parses only the one whose bytes changed)."""

from __future__ import annotations

import gc
import json
import os
import tempfile
from pathlib import Path

from bench.common import median_ms, table, timed, write_school
from penportrait.core.startup import starting_up
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


def first_open(root: Path) -> int:
    """A new store's first scan, as start-up runs it; then undo the freeze for the next run."""
    with starting_up():
        count = len(Store(root).scan().pupils)
    gc.unfreeze()
    return count


def rescan_after_a_save(store: Store, path: Path) -> int:
    """One pupil's file changed (as a save changes it), then the whole folder scanned again."""
    data = path.read_bytes()
    revision = json.loads(data)["revision"]
    path.write_bytes(
        data.replace(
            f'"revision": {revision},'.encode(), f'"revision": {revision + 1},'.encode(), 1
        )
    )
    return len(store.scan().pupils)


def run() -> str:
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        root = write_school(Path(tmp) / "school", COUNT)
        size_mb = sum(p.stat().st_size for p in (root / "pupils").iterdir()) / 1e6
        assert first_open(root) == COUNT
        store = Store(root)
        store.scan()
        changed = next((root / "pupils").iterdir())
        floor_times = timed(lambda: floor(root / "pupils"), REPEAT)
        open_times = timed(lambda: first_open(root), REPEAT)
        rescan_times = timed(lambda: rescan_after_a_save(store, changed), REPEAT)
    floor_ms = median_ms(floor_times)
    rows = [
        ("read + json.loads (floor)", f"{floor_ms:.0f}", f"{min(floor_times) * 1000:.0f}", "1.00")
    ]
    for what, times in (
        ("first open (Store.scan at start-up)", open_times),
        ("rescan after one pupil was saved", rescan_times),
    ):
        rows.append(
            (
                what,
                f"{median_ms(times):.0f}",
                f"{min(times) * 1000:.0f}",
                f"{median_ms(times) / floor_ms:.2f}",
            )
        )
    open_ratio = median_ms(open_times) / floor_ms
    return (
        table(
            f"Opening a folder of {COUNT:,} pupils "
            f"({size_mb:.1f} MB, warm cache, median of {REPEAT})",
            ("what", "median ms", "best ms", "× floor"),
            rows,
        )
        + f"\n\nTarget: opening at most 2.00 × the floor. Measured: {open_ratio:.2f} ×."
    )
