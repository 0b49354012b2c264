"""Writing an export (a PDF or a Word file) to the place the user chose, all or nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from penportrait.core import files


class RenderError(Exception):
    """An output that could not be written (the message names the file and why)."""


def write_output(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` with core's atomic writer: no half-written file is left.

    The temporary file beside it is created exclusively under an unpredictable name, owner-only,
    so a file or link planted there cannot redirect the export. A missing folder is an error
    (an export never creates folders).
    """
    try:
        if not out.parent.exists():  # files.write_atomic would create it
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        files.write_atomic(out, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise RenderError(f"cannot write {out}: {reason}") from None
