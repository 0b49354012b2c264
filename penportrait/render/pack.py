"""Packs for cover and supply staff: for each group, a class overview, then its portraits.

The overview lists the group's pupils with SEND or a medical alert (or everyone, when the
school says so); the portraits follow in surname order, for the chosen audience (cover by
default). Numbered copies repeat the pack with "Copy n of N: return to the school office" in
every footer, so a lost copy can be traced. The same pack goes to PDF, Word or a printer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from penportrait.core.bank import load_bank
from penportrait.core.jobs import Cancelled
from penportrait.core.model import Pupil
from penportrait.core.school import SchoolSettings, logo_path
from penportrait.core.store import Problem, Store
from penportrait.core.views import (
    Audience,
    OverviewView,
    PageView,
    by_surname,
    overview_view,
    review_overdue,
)
from penportrait.render.export import Progress, fit_portrait, output_format, word_page
from penportrait.render.footer import overview_footer
from penportrait.render.pdf import PrintedPage, fit_overview, write_pdf

MAX_COPIES: Final = 99


class PackCancelled(Cancelled):
    """The user pressed Cancel; nothing was written."""


@dataclass(frozen=True)
class PackRequest:
    groups: tuple[str, ...]
    audience: Audience = Audience.COVER
    copies: int = 1
    overview: bool = True


@dataclass
class Pack:
    """The pages of one copy, and the pages of every copy (with numbered footers)."""

    request: PackRequest
    copy: list[PrintedPage] = field(default_factory=list)
    pupils: int = 0
    overdue: list[str] = field(default_factory=list)  # pupils whose review date has passed
    bank_problems: list[Problem] = field(default_factory=list)  # the school's strategies.json

    @property
    def overflowing(self) -> list[str]:
        """Pupils whose portrait runs past one page even at 9 pt."""
        return [
            page.fitted.view.name
            for page in self.copy
            if isinstance(page.fitted.view, PageView) and not page.fitted.fits
        ]

    @property
    def warnings(self) -> list[str]:
        """What the person printing should know, naming the pupils (empty when all is well)."""
        found = []
        if self.bank_problems:
            more = len(self.bank_problems) - 1
            found.append(
                f"The school's strategy bank could not be read ({self.bank_problems[0]}"
                + (f"; and {more} more problem{'s' if more > 1 else ''}" if more else "")
                + "): its strategies that could not be read are treated as trained staff "
                "only, never as a cover MUST DO. Fix the file (Tools > Check data), then make "
                "the pack again"
            )
        if self.overdue:
            found.append(f"Review overdue for {_names(self.overdue)}")
        if self.overflowing:
            found.append(f"Longer than one page (shorten them) for {_names(self.overflowing)}")
        return found

    @property
    def pages(self) -> list[PrintedPage]:
        copies = self.request.copies
        if copies <= 1:
            return list(self.copy)
        return [
            replace(page, footer=replace(page.footer, note=copy_note(n, copies)))
            for n in range(1, copies + 1)
            for page in self.copy
        ]

    @property
    def page_count(self) -> int:
        return sum(page.fitted.pages for page in self.pages)


def _names(names: list[str]) -> str:
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def copy_note(number: int, copies: int) -> str:
    return f"Copy {number} of {copies}: return to the school office"


def group_counts(pupils: Iterable[Pupil]) -> dict[str, int]:
    """Every group in the folder with how many pupils it has, by name."""
    counts: dict[str, int] = {}
    for pupil in pupils:
        for group in pupil.pupil.groups:
            counts[group] = counts.get(group, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: item[0].casefold()))


def match_groups(pupils: Sequence[Pupil], wanted: Iterable[str]) -> tuple[list[str], list[str]]:
    """The groups meant (any case), and those that do not exist."""
    known = {g.casefold(): g for g in group_counts(pupils)}
    found: list[str] = []
    missing: list[str] = []
    for name in wanted:
        group = known.get(" ".join(name.split()).casefold())
        (found if group else missing).append(group or name)
    return found, missing


def build_pack(
    store: Store,
    pupils: Sequence[Pupil],
    settings: SchoolSettings,
    request: PackRequest,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Pack:
    """Lay out one copy of the pack. Raises PackCancelled when ``cancelled()`` turns true."""
    photos = {p.id: path for p in pupils if (path := store.photo_path(p)) is not None}
    bank = load_bank(store.root)  # the school's tags too: no cover MUST DO for trained staff
    members = {g: by_surname(p for p in pupils if g in p.pupil.groups) for g in request.groups}
    total = sum(len(m) + request.overview for m in members.values())
    done = 0
    pack = Pack(request, bank_problems=list(bank.problems))

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)
        if cancelled and cancelled():
            raise PackCancelled

    for group in request.groups:
        if request.overview:
            view = overview_view(
                group,
                pupils,
                settings,
                request.audience,
                photos=photos,
                today=today,
                bank=bank,
                logo=logo_path(store.root, settings),
            )
            fitted = fit_overview(view, settings.base_font_pt)
            pack.copy.append(PrintedPage(fitted, overview_footer(view)))
            step()
        for pupil in members[group]:
            pack.copy.append(fit_portrait(store, pupil, settings, request.audience, bank=bank))
            pack.pupils += 1
            if review_overdue(pupil, today):
                pack.overdue.append(pupil.display_name)
            step()
    return pack


def write_pack(pack: Pack, out: Path) -> None:
    """The pack as PDF or Word, by the file's ending."""
    if output_format(out) == ".pdf":
        write_pdf(pack.pages, out)
        return
    from penportrait.render.docx import WordOverview, WordPage, write_docx

    items: list[WordPage | WordOverview] = []
    for page in pack.pages:
        view = page.fitted.view
        if isinstance(view, OverviewView):
            try:
                logo = view.logo.read_bytes() if view.logo is not None else None
            except OSError:  # gone since it was checked: left out
                logo = None
            items.append(
                WordOverview(
                    view,
                    page.fitted.base_pt,
                    page.footer,
                    _thumbs(view),
                    logo,
                    sheets=page.fitted.sheets,
                )
            )
        else:
            items.append(word_page(page))
    write_docx(items, out)


def _thumbs(view: OverviewView) -> dict[str, bytes]:
    """Small JPEGs of the overview's photos, for Word."""
    import io

    from PIL import Image

    thumbs = {}
    for row in view.rows:
        if row.photo is None:
            continue
        try:
            with Image.open(row.photo) as image:
                small = image.convert("RGB")
                side = min(small.size)
                left = (small.width - side) // 2  # centred across, from the top (the face)
                small = small.crop((left, 0, left + side, side)).resize((160, 160))
                buffer = io.BytesIO()
                small.save(buffer, "JPEG", quality=85)
                thumbs[row.pupil_id] = buffer.getvalue()
        except OSError:
            continue
    return thumbs
