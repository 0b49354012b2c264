"""Importing a 5,000-row MIS export into an empty folder, and again (all unchanged)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.common import FIRST, LAST, table
from penportrait.core.demo import make_upn
from penportrait.core.importers.csv import plan_import, read_table, run_import
from penportrait.core.store import Store

ROWS = 5000


def write_export(path: Path) -> None:
    rng = random.Random(7)
    lines = ["UPN,Legal Forename,Legal Surname,DOB,NC Year,Reg Group,SEN Status,SEN Need Type"]
    for n in range(ROWS):
        year = rng.randrange(1, 12)
        dob = f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{2020 - year}"
        status = rng.choice(["N", "N", "N", "K", "E"])
        need = rng.choice(["SPLD", "ASD", "SEMH", "SLCN"]) if status != "N" else ""
        lines.append(
            f"{make_upn(n)},{rng.choice(FIRST)},{rng.choice(LAST)},{dob},{year},"
            f"{year}{rng.choice('ABCD')},{status},{need}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run() -> str:
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        export = Path(tmp) / "mis.csv"
        write_export(export)
        store = Store(Path(tmp) / "school")
        start = time.perf_counter()
        plan = plan_import(read_table(export), store.scan().pupils)
        planned = time.perf_counter() - start
        run_import(plan, store)
        imported = time.perf_counter() - start
        start = time.perf_counter()
        again = plan_import(read_table(export), store.scan().pupils)
        replanned = time.perf_counter() - start
    rows = [
        ("read and plan (dry run)", f"{planned:.2f}", plan.summary()),
        ("read, plan and save every pupil", f"{imported:.2f}", f"{len(plan.to_save):,} saved"),
        ("import again: plan only", f"{replanned:.2f}", again.summary()),
    ]
    return table(f"Importing a {ROWS:,}-row MIS export", ("what", "seconds", "result"), rows)
