"""Run every benchmark and print the tables (Markdown, ready for the README)."""

from __future__ import annotations

import os
import platform
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import hostile, import_mis, open_folder, pack, portrait, startup


def main() -> None:
    print(
        f"PenPortrait benchmarks: Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, {platform.system()}"
    )
    for bench in (open_folder, portrait, pack, startup, import_mis, hostile):
        print(bench.run(), flush=True)


if __name__ == "__main__":
    sys.exit(main())
