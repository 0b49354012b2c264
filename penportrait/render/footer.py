"""A page's footer in plain Python: what it says, for the PDF (painted) and Word (a footer)."""

from __future__ import annotations

from dataclasses import dataclass

from penportrait.core.views import OverviewView, PageView


@dataclass(frozen=True)
class Footer:
    left: str  # always whole (the pupil's name, CONFIDENTIAL)
    centre: str  # shortened with an ellipsis when the line is crowded
    right: str  # always whole (review date, and "Page n of m" added when painted)
    note: str = ""  # e.g. "Copy 2 of 5: return to the school office"
    school: str = ""  # after the left text; shortened first when the line is crowded

    @property
    def left_text(self) -> str:
        """The left text in full, with the school's name (as the Word footer shows it)."""
        return " · ".join(part for part in (self.left, self.school) if part)


def page_title(view: PageView | OverviewView) -> str:
    return view.name if isinstance(view, PageView) else f"Class overview: {view.group}"


def overview_footer(view: OverviewView, note: str = "") -> Footer:
    return Footer(
        "CONFIDENTIAL",
        f"Printed {view.printed_on}",
        f"Class overview: {view.group}",
        note,
        school=view.school_name,
    )


def footer_for(view: PageView, note: str = "") -> Footer:
    # The name on every sheet: a second page of a long portrait is never anonymous.
    right = f"Review by {view.review_by}" if view.review_by else ""
    if view.review_overdue:
        right = f"Review overdue: it was due {view.review_by}"
    return Footer(f"{view.name} · CONFIDENTIAL", view.updated, right, note, view.school_name)
