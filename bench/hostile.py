"""Under attack: savers racing over stale locks, and one very long unbroken word on a page."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import table
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.export import fit_portrait
from penportrait.render.pdf import ensure_gui_application, pdf_bytes

RACE_TRIALS = 3000
WORD_CHARS = (50_000, 200_000)
RACER = Path(__file__).resolve().parent.parent / "tests" / "core" / "lock_racer.py"


def _race() -> dict[str, float]:
    base = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108 (mkdtemp inside)
    with tempfile.TemporaryDirectory(dir=base, prefix="penportrait-race-") as root:
        result = subprocess.run(
            [sys.executable, str(RACER), root, str(RACE_TRIALS)],
            capture_output=True,
            text=True,
            check=True,
        )
    report: dict[str, float] = json.loads(result.stdout)
    return report


def _word_seconds(chars: int, *, prose: bool = False) -> float:
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        store = Store(Path(tmp))
        pupil = store.new_pupil("Long", "Word")
        text = ("abcdefghi " * (chars // 10)) if prose else "x" * chars
        pupil = pupil.model_copy(
            update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
        )
        start = time.perf_counter()
        pdf_bytes([fit_portrait(store, pupil, SchoolSettings(), Audience.STAFF)])
        return time.perf_counter() - start


def run() -> str:
    ensure_gui_application()
    race = _race()
    rows = [
        (
            "savers racing over stale locks",
            f"{int(race['trials'])} trials, {int(race['saves'])} saves",
            f"{int(race['double'])} double successes, {int(race['lost'])} lost edits, "
            f"{int(race['timeouts'])} timeouts",
            f"{race['seconds']:.1f} s",
        )
    ]
    for chars in WORD_CHARS:
        rows.append(
            (
                f"one unbroken word of {chars:,} characters to PDF",
                "1 run",
                f"prose of the same length: {_word_seconds(chars, prose=True):.2f} s",
                f"{_word_seconds(chars):.2f} s",
            )
        )
    return table("Under attack (issue 11)", ("what", "how many", "outcome", "time"), rows)
