"""The built app's entry point: the same `penportrait` command as `pip install` gives.

`penportraitw` (Windows, macOS) runs this without a console, where Python has no stdout or
stderr at all: give it somewhere harmless to write.
"""

from __future__ import annotations

import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

from penportrait.cli import main

sys.exit(main())
