"""School settings: ``school.json`` in the data folder.

A missing file means the defaults. A file that does not load is reported and left as it was;
the app carries on with the defaults, and refuses to save settings over it (school_files).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from penportrait.core import school_files
from penportrait.core.sections import COVER_SECTIONS_DEFAULT, Section
from penportrait.core.store import Problem

SCHOOL_FILE: Final = "school.json"
FONT_FLOOR_PT: Final = 9.0

SectionValue = Literal[
    "date_of_birth",
    "upn",
    "send_summary",
    "about_me",
    "like_admire",
    "important_to_me",
    "strengths",
    "difficulties",
    "strategies",
    "avoid",
    "pupil_voice",
    "family_voice",
    "targets",
    "medical",
    "access_arrangements",
    "contacts",
]


class SchoolSettings(BaseModel):
    """What the school sets once for everyone who uses the data folder."""

    model_config = ConfigDict(extra="allow", strict=True)

    format: Literal["penportrait.school"] = "penportrait.school"
    format_version: Literal[1] = 1
    revision: Annotated[int, Field(ge=0)] = 0
    name: str = ""
    logo: Annotated[str, Field(pattern=r"^([A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.(png|jpg|jpeg))?$")] = (
        ""
    )
    review_period_weeks: Annotated[int, Field(ge=1, le=104)] = 13
    base_font_pt: Annotated[float, Field(ge=FONT_FLOOR_PT, le=14.0)] = 11.0
    # The class overview of a pack lists pupils with SEND; the school may list everyone.
    overview_everyone: bool = False
    cover_sections: list[SectionValue] = Field(
        default_factory=lambda: [s.value for s in COVER_SECTIONS_DEFAULT]
    )

    def cover_shows(self, section: Section) -> bool:
        return section.value in self.cover_sections

    def next_review_after(self, last_reviewed: dt.date) -> dt.date:
        return last_reviewed + dt.timedelta(weeks=self.review_period_weeks)


def load_school(root: Path) -> tuple[SchoolSettings, list[Problem]]:
    """The school's settings, and any problem with ``school.json`` (defaults are used then)."""
    try:
        return school_files.load(root, SCHOOL_FILE, SchoolSettings) or SchoolSettings(), []
    except school_files.SchoolFileError as error:
        return SchoolSettings(), error.problems


def save_school(root: Path, settings: SchoolSettings) -> SchoolSettings:
    """Save ``settings``, edited from ``settings.revision``; return them as saved.

    Raises SchoolFileError when ``school.json`` on disk cannot be read (it is never written
    over) and SchoolFileConflict when another computer saved it meanwhile.
    """
    return school_files.save(
        root,
        SCHOOL_FILE,
        SchoolSettings,
        school_files.checked(settings.revision, settings, SCHOOL_FILE),
    )
