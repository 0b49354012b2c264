"""Run every benchmark and print the tables (Markdown, ready for the README)."""

from __future__ import annotations

import os
import platform
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import dist, hostile, import_mis, open_folder, pack, portrait, startup, sync_check


def main() -> None:
    print(
        f"PenPortrait benchmarks: Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {platform.system()}"
    )
    for bench in (open_folder, sync_check, portrait, pack, startup, import_mis, hostile, dist):
        print(bench.run(), flush=True)


if __name__ == "__main__":
    sys.exit(main())
