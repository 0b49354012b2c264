"""Run in a child process by test_fonts.py: lay the sample pupils out and print what came out.

Prints JSON: per pupil the fitted size, the page count, the lines of the PDF's text (in order,
each normalised) and the fonts the PDF embeds; plus the families the machine offered Qt.
"""

from __future__ import annotations

import io
import json
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtGui import QFontDatabase

from penportrait.core.demo import write_sample_school
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.export import fit_portrait
from penportrait.render.pdf import ensure_gui_application, pdf_bytes


def _line(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def main() -> None:
    ensure_gui_application()
    result: dict[str, object] = {"families": sorted(QFontDatabase.families())}
    pupils: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        write_sample_school(Path(folder))
        store = Store(Path(folder))
        for pupil in store.scan().pupils[:8]:
            page = fit_portrait(store, pupil, SchoolSettings(), Audience.STAFF)
            reader = PdfReader(io.BytesIO(pdf_bytes([page])))
            fonts = set()
            for pdf_page in reader.pages:
                resources: Any = pdf_page["/Resources"]
                for font in resources["/Font"].values():
                    fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
            pupils[pupil.full_name] = {
                "base_pt": page.fitted.base_pt,
                "pages": len(reader.pages),
                "lines": [
                    _line(line)
                    for pdf_page in reader.pages
                    for line in (pdf_page.extract_text() or "").splitlines()
                    if line.strip()
                ],
                "fonts": sorted(fonts),
            }
    result["pupils"] = pupils
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
