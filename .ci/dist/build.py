"""Build the self-contained PenPortrait for this machine: `make dist`, or on Windows and macOS
`python .ci/dist/build.py` from the checkout with the `dist` extra installed.

Writes dist/penportrait/ (the app folder) and next to it one archive of it, named with the
version, the system and the processor: dist/penportrait-0.1.0-linux-x86_64.tar.gz (.zip on
Windows). build/ holds PyInstaller's working files.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from penportrait import __version__  # noqa: E402


def archive_name() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"penportrait-{__version__}-{system}-{machine}"


def main() -> int:
    dist, work = ROOT / "dist", ROOT / "build"
    for old in dist.glob("penportrait-*"):
        old.unlink()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(HERE / "penportrait.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    app = dist / ("PenPortrait.app" if sys.platform == "darwin" else "penportrait")
    kind = "zip" if sys.platform == "win32" else "gztar"
    archive = shutil.make_archive(str(dist / archive_name()), kind, dist, app.name)
    size = sum(f.stat().st_size for f in app.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"Built {app} ({size / 1e6:.0f} MB) and {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
