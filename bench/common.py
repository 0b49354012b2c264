"""Shared bench helpers: timing, a table printer, and a realistic school of any size."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from penportrait.core import files
from penportrait.core.demo import make_upn, sample_pupil
from penportrait.core.sample_pupils import PUPILS
from penportrait.core.school import SchoolSettings
from penportrait.core.store import Store

FIRST = [
    "Amelia",
    "Oliver",
    "Isla",
    "Muhammad",
    "Ava",
    "Noah",
    "Freya",
    "Leo",
    "Zara",
    "Arlo",
    "Maja",
    "Kacper",
    "Chidi",
    "Aaliyah",
    "Rhys",
    "Seren",
    "Thao",
    "Yusuf",
    "Niamh",
    "Finn",
]
LAST = [
    "Smith",
    "Jones",
    "Khan",
    "Williams",
    "Nowak",
    "Okafor",
    "Patel",
    "Evans",
    "Nguyen",
    "Murphy",
    "Brown",
    "Ahmed",
    "Taylor",
    "Kowalski",
    "Davies",
    "Begum",
    "Walker",
    "Singh",
]


def write_school(root: Path, count: int, seed: int = 5000) -> Path:
    """``count`` pupils made from the sample portraits with new names, ids and groups."""
    rng = random.Random(seed)
    store = Store(root)
    files.ensure_folder(store.pupils_dir)
    settings = SchoolSettings(name="Bench School")
    today = dt.date(2026, 11, 23)
    for n in range(count):
        entry = dict(PUPILS[n % len(PUPILS)])
        entry["first_name"], entry["last_name"] = rng.choice(FIRST), rng.choice(LAST)
        year = rng.randrange(1, 12)
        entry["year"] = year
        entry["groups"] = [
            f"{year}{rng.choice('ABCDEFGH')}",
            f"{year} Maths Set {rng.randrange(1, 5)}",
        ]
        pupil = sample_pupil(entry, n, today, settings)
        pupil = pupil.model_copy(
            update={
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "revision": rng.randrange(1, 9),
                "pupil": pupil.pupil.model_copy(update={"upn": make_upn(n)}),
            }
        )
        (store.pupils_dir / f"{pupil.id}.json").write_text(pupil.to_json(), encoding="utf-8")
    return root


def timed(work: Callable[[], object], repeat: int) -> list[float]:
    """Seconds for each of ``repeat`` runs, after one warm-up run."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
        del result  # freeing what the work returned is not part of the work
    return times


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([f"\n### {title}\n", line(header), rule, *(line(r) for r in rows)])


# WeasyPrint (the peer renderer) on the same page as the PDF: A4 with the same margins.
WEASYPRINT_PAGE_CSS = "@page { size: A4; margin: 12mm 12mm 21mm 12mm }"


def offline_fetcher(images: dict[str, Path]) -> Callable[[str], object]:
    """A WeasyPrint URL fetcher that serves the page's own photos and nothing else:
    the bench never reaches the network."""
    from weasyprint.urls import URLFetcherResponse

    def fetch(url: str) -> object:
        if url not in images:
            raise ValueError(f"no such resource: {url}")
        body = images[url].read_bytes()
        return URLFetcherResponse(url, body=body, headers={"Content-Type": "image/jpeg"})

    return fetch
