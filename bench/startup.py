"""Start-up: from process start to the first painted window, with 1,000 and 5,000 pupils."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import table, write_school

SIZES = (1000, 5000)
REPEAT = 5


def run() -> str:
    rows = []
    child = str(Path(__file__).with_name("startup_child.py"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
    }
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        for size in (0, *SIZES):
            root = write_school(Path(tmp) / f"school-{size}", size) if size else Path(tmp) / "empty"
            root.mkdir(exist_ok=True)
            times = []
            for _ in range(REPEAT + 1):
                start = time.time()
                out = subprocess.run(
                    [sys.executable, child, str(root)],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=120,
                    check=True,
                )
                times.append(float(out.stdout.split()[0]) - start)
            times = times[1:]  # the first run warms the disk cache
            label = f"{size:,} pupils" if size else "empty folder (Python + Qt alone)"
            rows.append(
                (label, f"{statistics.median(times) * 1000:.0f}", f"{min(times) * 1000:.0f}")
            )
    return (
        table(
            f"Start-up: process start to the first painted window (median of {REPEAT})",
            ("data folder", "median ms", "best ms"),
            rows,
        )
        + "\n\nTarget: well under a second with 1,000 pupils."
    )
