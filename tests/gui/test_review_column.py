"""The list's Review column: dates as the app writes them, never cut off, sorted by date."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt

from penportrait.gui.main_window import MainWindow
from penportrait.gui.pupil_list import REVIEW_COLUMN


def test_review_dates_read_19_dec_2026_and_fit_their_column(window: MainWindow) -> None:
    table, proxy = window.pupil_list.table, window.pupil_list.proxy
    metrics = table.fontMetrics()
    shown = [proxy.index(r, REVIEW_COLUMN).data() for r in range(proxy.rowCount())]
    dated = [text for text in shown if text]
    assert dated and any(text.startswith("⚑ ") for text in dated)  # some are due in the sample
    for text in dated:
        assert re.fullmatch(r"(⚑ )?\d{1,2} [A-Z][a-z]{2} \d{4}", text), text
        cell = table.visualRect(proxy.index(0, REVIEW_COLUMN)).width()
        assert metrics.horizontalAdvance(text) + 2 * metrics.horizontalAdvance("M") // 2 <= cell


def test_the_widest_date_still_fits(window: MainWindow) -> None:
    metrics = window.pupil_list.table.fontMetrics()
    cell = window.pupil_list.table.columnWidth(REVIEW_COLUMN)
    assert metrics.horizontalAdvance("⚑ 28 Sep 2026") + metrics.horizontalAdvance("M") <= cell


def test_sorting_by_review_is_by_date_not_by_text(window: MainWindow) -> None:
    window.pupil_list.table.sortByColumn(REVIEW_COLUMN, Qt.SortOrder.AscendingOrder)
    proxy = window.pupil_list.proxy
    texts = [
        proxy.index(r, REVIEW_COLUMN).data().removeprefix("⚑ ") for r in range(proxy.rowCount())
    ]
    dates = [dt.datetime.strptime(t, "%d %b %Y").date() for t in texts if t]
    assert dates == sorted(dates)
