"""``python -m penportrait``: the same as the ``penportrait`` command."""

from __future__ import annotations

import sys

from penportrait.cli import main

sys.exit(main())
