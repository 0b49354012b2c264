"""One portrait to PDF (fit included) and to Word, against WeasyPrint on the same page."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.common import WEASYPRINT_PAGE_CSS, offline_fetcher, table
from penportrait.core.demo import write_sample_school
from penportrait.core.school import load_school
from penportrait.core.store import Store
from penportrait.core.views import Audience
from penportrait.render.docx import docx_bytes
from penportrait.render.export import fit_portrait, word_page
from penportrait.render.html import PHOTO_URL, render_portrait
from penportrait.render.pdf import ensure_gui_application, pdf_bytes

REPEAT = 7
PEER_REPEAT = 3


def _median_ms(work: object, repeat: int) -> float:
    work()  # type: ignore[operator]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
        del result
    return statistics.median(times) * 1000


def run() -> str:
    ensure_gui_application()
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        root = Path(tmp) / "school"
        write_sample_school(root)
        store = Store(root)
        settings, _ = load_school(root)
        pupils = sorted(store.scan().pupils, key=lambda p: p.display_name)
        pdf_ms, docx_ms, docx_fit_ms, fits = {}, {}, {}, {}
        for pupil in pupils:
            name = pupil.display_name

            def to_pdf(pupil=pupil):  # type: ignore[no-untyped-def]
                return pdf_bytes([fit_portrait(store, pupil, settings, Audience.STAFF)])

            page = fit_portrait(store, pupil, settings, Audience.STAFF)
            fits[name] = page.fitted.base_pt
            pdf_ms[name] = _median_ms(to_pdf, REPEAT)
            docx_ms[name] = _median_ms(lambda page=page: docx_bytes([word_page(page)]), REPEAT)
            docx_fit_ms[name] = _median_ms(
                lambda pupil=pupil: docx_bytes(
                    [word_page(fit_portrait(store, pupil, settings, Audience.STAFF))]
                ),
                REPEAT,
            )
        worst = max(pdf_ms, key=pdf_ms.__getitem__)
        peer = _weasyprint(store, settings, pupils, fits)
    rows = [
        (
            "to PDF, fit included",
            f"{statistics.median(pdf_ms.values()):.1f}",
            f"{pdf_ms[worst]:.1f} ({worst}, {fits[worst]:g} pt)",
            "40",
        ),
        (
            "to Word (python-docx), at the fitted size",
            f"{statistics.median(docx_ms.values()):.1f}",
            f"{max(docx_ms.values()):.1f}",
            "40",
        ),
        (
            "to Word, fit included",
            f"{statistics.median(docx_fit_ms.values()):.1f}",
            f"{max(docx_fit_ms.values()):.1f}",
            "-",
        ),
    ]
    lines = [
        table(
            f"One portrait ({len(pupils)} sample pupils, median of {REPEAT} runs each)",
            ("what", "median ms", "slowest pupil ms", "target ms"),
            rows,
        )
    ]
    if peer is None:
        lines.append("\nWeasyPrint is not installed: `make bench` installs it ('.[bench]').")
    else:
        ours = statistics.median(pdf_ms[n] for n in peer)
        theirs = statistics.median(peer.values())
        lines.append(
            table(
                f"Against WeasyPrint: the same HTML at the same size ({len(peer)} pupils, median)",
                ("renderer", "median ms", "× faster"),
                [
                    ("PenPortrait (Qt), fit included", f"{ours:.1f}", f"{theirs / ours:.1f}"),
                    ("WeasyPrint, one pass, no fitting", f"{theirs:.0f}", "1.0"),
                ],
            )
        )
        lines.append(
            f"\nTarget: PDF at least 10 × faster than WeasyPrint. Measured: {theirs / ours:.1f} ×."
        )
    return "\n".join(lines)


def _weasyprint(store, settings, pupils, fits):  # type: ignore[no-untyped-def]
    try:
        import weasyprint
    except (ImportError, OSError):
        return None
    from penportrait.core.views import page_view

    timings = {}
    for pupil in pupils[:: max(1, len(pupils) // 8)]:  # a spread of eight pupils: it is slow
        photo = store.photo_path(pupil)
        view = page_view(pupil, settings, Audience.STAFF, photo=photo)
        html = render_portrait(view, fits[pupil.display_name])
        css = weasyprint.CSS(string=WEASYPRINT_PAGE_CSS)
        fetch = offline_fetcher({PHOTO_URL: photo} if photo else {})

        def render(html=html, fetch=fetch, css=css):  # type: ignore[no-untyped-def]
            return weasyprint.HTML(string=html, url_fetcher=fetch).write_pdf(stylesheets=[css])

        timings[pupil.display_name] = _median_ms(render, PEER_REPEAT)
    return timings
