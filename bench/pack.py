"""A pack of 30 pupils with an overview, to PDF and to Word, against WeasyPrint."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.common import WEASYPRINT_PAGE_CSS, offline_fetcher, table, timed
from penportrait.core.demo import write_sample_school
from penportrait.core.school import load_school
from penportrait.core.store import Store
from penportrait.core.views import Audience, overview_view, page_view
from penportrait.render.docx import WordOverview, docx_bytes
from penportrait.render.export import word_page
from penportrait.render.html import PHOTO_URL, overview_photo_url, render_overview, render_portrait
from penportrait.render.pack import PackRequest, _thumbs, build_pack
from penportrait.render.pdf import ensure_gui_application, pdf_bytes

GROUP = "Bench 30"
REPEAT = 5


def _school(root: Path) -> Store:
    write_sample_school(root)
    store = Store(root)
    for pupil in store.scan().pupils[:30]:
        details = pupil.pupil.model_copy(update={"groups": [*pupil.pupil.groups, GROUP]})
        store.save(pupil.model_copy(update={"pupil": details}))
    return store


def run() -> str:
    ensure_gui_application()
    with tempfile.TemporaryDirectory(prefix="penportrait-bench-") as tmp:
        store = _school(Path(tmp) / "school")
        settings, _ = load_school(store.root)
        pupils = store.scan().pupils
        request = PackRequest((GROUP,), Audience.COVER)

        def to_pdf() -> bytes:
            return pdf_bytes(build_pack(store, pupils, settings, request).pages)

        def to_docx() -> bytes:
            pack = build_pack(store, pupils, settings, request)
            items = []
            for page in pack.pages:
                view = page.fitted.view
                if hasattr(view, "rows"):
                    items.append(
                        WordOverview(view, page.fitted.base_pt, page.footer, _thumbs(view))
                    )
                else:
                    items.append(word_page(page))
            return docx_bytes(items)

        pdf_s = statistics.median(timed(to_pdf, REPEAT))
        docx_s = statistics.median(timed(to_docx, REPEAT))
        pages = build_pack(store, pupils, settings, request).page_count
        peer = _weasyprint(store, settings, pupils)
    rows = [
        ("to PDF (layout, fit, write)", f"{pdf_s:.2f}", "0.6"),
        ("to Word (layout, fit, build)", f"{docx_s:.2f}", "1.0"),
    ]
    lines = [
        table(
            f"A pack: class overview + 30 portraits ({pages} pages, median of {REPEAT})",
            ("what", "seconds", "target s"),
            rows,
        )
    ]
    if peer is None:
        lines.append("\nWeasyPrint is not installed: `make bench` installs it.")
    else:
        lines.append(
            table(
                "Against WeasyPrint: the same 31 pages of HTML, no fitting",
                ("renderer", "seconds", "× faster"),
                [
                    ("PenPortrait (Qt), fit included", f"{pdf_s:.2f}", f"{peer / pdf_s:.1f}"),
                    ("WeasyPrint", f"{peer:.2f}", "1.0"),
                ],
            )
        )
        lines.append(
            f"\nTarget: PDF at least 8 × faster than WeasyPrint. Measured: {peer / pdf_s:.1f} ×."
        )
    return "\n".join(lines)


def _weasyprint(store, settings, pupils):  # type: ignore[no-untyped-def]
    try:
        import weasyprint
    except (ImportError, OSError):
        return None
    members = [p for p in pupils if GROUP in p.pupil.groups]
    photos = {p.id: path for p in pupils if (path := store.photo_path(p))}
    css = weasyprint.CSS(string=WEASYPRINT_PAGE_CSS)

    documents = []
    view = overview_view(GROUP, pupils, settings, Audience.COVER, photos=photos)
    urls = {overview_photo_url(r.pupil_id): r.photo for r in view.rows if r.photo}
    documents.append((render_overview(view, 9.5), offline_fetcher(urls)))
    for pupil in members:
        photo = store.photo_path(pupil)
        page = page_view(pupil, settings, Audience.COVER, photo=photo)
        documents.append(
            (render_portrait(page, 11.0), offline_fetcher({PHOTO_URL: photo} if photo else {}))
        )
    start = time.perf_counter()
    for html, fetch in documents:
        weasyprint.HTML(string=html, url_fetcher=fetch).write_pdf(stylesheets=[css])
    return time.perf_counter() - start
