"""School settings: ``school.json`` in the data folder.

A missing file means the defaults. A file that does not load is reported and left as it was;
the app carries on with the defaults, and refuses to save settings over it (school_files).
"""

from __future__ import annotations

import datetime as dt
import json
import stat
import warnings
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from PIL import Image
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from penportrait.core import school_files, sections
from penportrait.core.folder import SCHOOL_FILE
from penportrait.core.store import Problem

FONT_FLOOR_PT: Final = 9.0

# The sections of school.json files written before pronouns, the need line, "How I
# communicate" and "Signs I am getting upset" could be chosen.
_SECTIONS_BEFORE_V2: Final = (
    "date_of_birth", "upn", "send_summary", "about_me", "like_admire", "important_to_me",
    "strengths", "difficulties", "strategies", "avoid", "pupil_voice", "family_voice",
    "targets", "medical", "access_arrangements", "contacts",
)  # fmt: skip


def _a_section(value: str) -> str:
    """A key of the section registry (core/sections.py), read at validation time."""
    if value not in sections.section_keys():
        choices = ", ".join(sections.section_keys())
        raise ValueError(f"should be one of the sections {choices} (found {json.dumps(value)})")
    return value


def _section_choices(schema: dict[str, Any]) -> None:
    schema["enum"] = list(sections.section_keys())


# A section's key, as cover_sections lists them: checked against the registry, so a section
# added there can be chosen with no change here.
SectionValue = Annotated[str, AfterValidator(_a_section), Field(json_schema_extra=_section_choices)]


class EmergencyContact(BaseModel):
    """Whom a cover teacher calls in an emergency, and where they are."""

    model_config = ConfigDict(extra="allow", strict=True)

    who: str  # e.g. "School office", "On-call senior leader", "SENCO, Mrs K. Okafor"
    where: str = ""  # e.g. "Room G12, extension 201"


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
        default_factory=lambda: list(sections.cover_defaults())
    )
    # Which sections existed when cover_sections was last saved: sections added since are shown
    # to cover staff as their defaults say, not hidden because an older file did not list them.
    cover_sections_known: list[str] = Field(default_factory=lambda: list(sections.section_keys()))
    # Printed at the top of the class overview and in each cover page's header.
    emergency_contacts: list[EmergencyContact] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _sections_added_since(cls, data: Any, info: ValidationInfo) -> Any:
        """Only for a file being read (school_files.FROM_FILE), never for settings in code."""
        return _newer_sections_shown(data) if info.context == school_files.FROM_FILE else data

    def cover_shows(self, section: str) -> bool:
        return sections.always_on_cover(section) or section in self.cover_sections

    def next_review_after(self, last_reviewed: dt.date) -> dt.date:
        return last_reviewed + dt.timedelta(weeks=self.review_period_weeks)


# A logo is a small picture; anything bigger is not one (and is not read into memory).
MAX_LOGO_BYTES: Final = 10 * 1024 * 1024
_LOGO_FORMATS: Final = frozenset({"PNG", "JPEG", "MPO"})


def logo_path(root: Path, settings: SchoolSettings) -> Path | None:
    """The school's logo file in the data folder, if it names one that exists and is a picture
    Word and the PDF writer can use (else exports leave it out: logo_problem says why)."""
    if not settings.logo:
        return None
    path = root / settings.logo
    return path if _logo_reason(path) is None else None


def logo_problem(root: Path, settings: SchoolSettings) -> Problem | None:
    """Why the logo school.json names is left out of exports (None: it is fine, or none set)."""
    if not settings.logo:
        return None
    reason = _logo_reason(root / settings.logo)
    if reason is None or reason == "missing":
        return None  # no logo file is simply no logo
    return Problem(settings.logo, "", f"{reason}; it is left out of exports until a logo is "
                   "chosen again in School settings")  # fmt: skip


def _logo_reason(path: Path) -> str | None:
    """None for a usable logo; else why not ("missing" when there is no file)."""
    try:
        info = path.lstat()
    except OSError:
        return "missing"
    if not stat.S_ISREG(info.st_mode):
        return "is not a picture file (a link, pipe or folder)"
    if info.st_size > MAX_LOGO_BYTES:
        return f"is {info.st_size / 1_048_576:.0f} MB, far too big for a logo"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format not in _LOGO_FORMATS:
                    return f"is a {image.format or 'unknown'} picture, not a PNG or JPEG"
                image.load()  # a damaged or cut-short file fails here, not in Word
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return "is not a PNG or JPEG picture that can be read"
    return None


def _newer_sections_shown(data: Any) -> Any:
    """A file saved before some sections could be chosen lists none of them in
    ``cover_sections``: show those to cover staff as their defaults say, rather than hiding
    them because an older file did not know them."""
    if isinstance(data, dict) and isinstance(data.get("cover_sections"), list):
        known = data.get("cover_sections_known")
        if known is None:
            known = _SECTIONS_BEFORE_V2
        elif not isinstance(known, list) or not all(isinstance(key, str) for key in known):
            return data  # left to the field's own check, which names the field and the file
        known_set = set(known)
        added = [
            key
            for key in sections.cover_defaults()
            if key not in known_set and key not in data["cover_sections"]
        ]
        data = {
            **data,
            "cover_sections": [*data["cover_sections"], *added],
            "cover_sections_known": list(sections.section_keys()),
        }
    return data


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
