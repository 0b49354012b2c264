"""The self-contained build (`make dist`) against `make run`: size, and start-up to a window.

Both are timed the same way, from process start to exit: open the window on the sample school
and close it as soon as the event loop runs (the hidden `--quit-after 0`), and, for the command
line, `--version` and one portrait exported to PDF. Skipped when dist/ has no build.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import table

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "dist" / "penportrait" / "penportrait"
FROM_VENV = ROOT / ".venv" / "bin" / "penportrait"
REPEAT = 5


def _seconds(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(REPEAT + 1):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first run warms the disk cache


def _size_mb(folder: Path) -> float:
    files = (f for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 1e6


def run() -> str:
    if not BUILT.exists():
        return "\n### Self-contained build\n\nSkipped: run `make dist` first."
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        school = Path(tmp) / "school"
        subprocess.run([str(FROM_VENV), "demo", str(school)], capture_output=True, check=True)
        out = str(Path(tmp) / "ollie.pdf")
        for label, args in (
            (
                "window opened and closed (sample school)",
                ["--data", str(school), "--quit-after", "0"],
            ),
            ("`--version`", ["--version"]),
            (
                "`export` one portrait to PDF",
                ["export", "--data", str(school), "Ollie Bennett", "-o", out],
            ),
        ):
            venv = _seconds([str(FROM_VENV), *args], env)
            built = _seconds([str(BUILT), *args], env)
            rows.append((label, f"{venv * 1000:.0f}", f"{built * 1000:.0f}"))
    archives = sorted((ROOT / "dist").glob("penportrait-*"))
    sizes = f"app folder {_size_mb(BUILT.parent):.0f} MB" + (
        f", archive {archives[-1].stat().st_size / 1e6:.0f} MB" if archives else ""
    )
    return (
        table(
            f"Built app against `make run`: median ms of {REPEAT}, process start to exit",
            ("what", "make run (venv) ms", "built app ms"),
            rows,
        )
        + f"\n\nSize: {sizes}; the venv PenPortrait runs from is {_size_mb(ROOT / '.venv'):.0f} MB."
    )
