"""The printed page in millimetres, in plain Python: A4, its margins and the footer's band.

The PDF (laid out and painted with Qt) and the Word file (python-docx, no Qt) both read their
page from here, so the two agree and Word output needs no Qt.
"""

from __future__ import annotations

from typing import Final

A4_WIDTH_MM: Final = 210.0
A4_HEIGHT_MM: Final = 297.0
MARGIN_MM: Final = 12.0  # on every side
FOOTER_MM: Final = 9.0  # the footer's band inside the bottom margin area
# The area a page's content fills: A4 less the margins (and, down the page, the footer's band).
CONTENT_WIDTH_MM: Final = A4_WIDTH_MM - 2 * MARGIN_MM
CONTENT_HEIGHT_MM: Final = A4_HEIGHT_MM - 2 * MARGIN_MM - FOOTER_MM
