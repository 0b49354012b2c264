"""The sections of a portrait, declared once: everything else reads this registry.

Each entry says all that is known about one section: its key (the pupil file's field under
``portrait``, and the value school.json's ``cover_sections`` lists), its heading as the page
prints it (in the pupil's voice), its label in the editor, what kind of thing it holds, where
it sits on the page, whether cover staff see it unless the school says otherwise, and which
colour family it is printed in. The page view, the HTML and Word pages, the editor's fields,
the comparison of two versions, the plain-English checker, the school's cover settings and the
JSON Schema of the pupil file all derive from it (STYLE.md 13).

Adding a section is one entry in ``SECTIONS``; a text or list section needs nothing more (the
pupil model declares a field for any section it does not declare by hand, see
``model.declare_section_fields``). The entries are in the order a portrait is written, which
is the editor's order, the comparison's and the cover settings'.

Read the registry through the functions below, never by copying ``SECTIONS`` at import time:
a test adds a section by replacing ``SECTIONS`` and expects every part of the app to see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Section(StrEnum):
    """The names the code uses for the sections it treats specially (and the tests name).

    Every member names an entry of ``SECTIONS`` (a test checks it); a section the code never
    names needs no member here."""

    PRONOUNS = "pronouns"
    NEED = "need"  # the SEND status and need label under the name
    DATE_OF_BIRTH = "date_of_birth"
    UPN = "upn"
    SEND_SUMMARY = "send_summary"
    ABOUT_ME = "about_me"
    LIKE_ADMIRE = "like_admire"
    IMPORTANT_TO_ME = "important_to_me"
    STRENGTHS = "strengths"
    DIFFICULTIES = "difficulties"
    STRATEGIES = "strategies"
    AVOID = "avoid"
    COMMUNICATION = "communication"
    UPSET_SIGNS = "upset_signs"
    PUPIL_VOICE = "pupil_voice"
    FAMILY_VOICE = "family_voice"
    TARGETS = "targets"
    MEDICAL = "medical"
    ACCESS_ARRANGEMENTS = "access_arrangements"
    CONTACTS = "contacts"


class Kind(StrEnum):
    """What a section holds, which decides its model field, its editor widget and its drawing."""

    TEXT = "text"  # free text: a box of prose on the page
    LIST = "list"  # short lines: a bulleted box
    STRATEGIES = "strategies"  # lines that may be marked MUST DO (a bulleted box)
    MEDICAL = "medical"  # medical notes: the alert box and the care box, not a column box
    CONTACTS = "contacts"  # key adults: the strip at the foot of the page
    FACT = "fact"  # a detail of the pupil (pronouns, date of birth...): not a portrait field


class Column(StrEnum):
    """Where a boxed section sits: who the pupil is on the left, how to help on the right; the
    voices (the pupil's and the family's) go wherever there is more room."""

    LEFT = "left"
    RIGHT = "right"
    FLOATING = "floating"


@dataclass(frozen=True)
class SectionSpec:
    """Everything known about one section."""

    key: str  # the portrait field and the cover_sections value: lower_case_with_underscores
    heading: str  # as printed, in the pupil's voice
    kind: Kind
    label: str = ""  # in the editor and the settings, when it differs from the heading
    placeholder: str = ""  # the editor's grey hint in an empty text box
    column: Column | None = None  # None: not a box in the columns (facts, medical, contacts)
    place: int = 0  # the order in its column, from the top
    colour: str = ""  # a palette role (render/palette.py ROLES) for boxed sections
    cover_default: bool = True  # cover staff see it unless the school says otherwise
    always_on_cover: bool = False  # cover staff see it whatever the school says
    quoted: bool = False  # printed in quotation marks, in italics (someone's own words)
    crossed: bool = False  # items marked with a cross, not a bullet ("do not")

    @property
    def editor_label(self) -> str:
        return self.label or self.heading

    @property
    def in_portrait(self) -> bool:
        """Whether the pupil file holds it under ``portrait`` (facts live elsewhere)."""
        return self.kind is not Kind.FACT


# Cover staff need to act, not to know everything: dates of birth, UPNs, the needs summary, the
# family's voice and targets stay on the staff copy unless the school decides otherwise. What
# the adult in charge of the pupil must always see, whatever the school's settings say: a
# medical alert hidden from the cover teacher could cost a child's life.
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("pronouns", "Pronouns", Kind.FACT),
    SectionSpec("need", "Need (under the name)", Kind.FACT),
    SectionSpec("date_of_birth", "Date of birth", Kind.FACT, cover_default=False),
    SectionSpec("upn", "UPN", Kind.FACT, cover_default=False),
    SectionSpec("send_summary", "My needs", Kind.FACT, cover_default=False),
    SectionSpec(
        "about_me",
        "About me",
        Kind.TEXT,
        placeholder="Who I am, in my words: family, interests, what I am proud of",
        column=Column.LEFT,
        place=1,
        colour="person",
    ),
    SectionSpec(
        "like_admire",
        "What people like and admire about me",
        Kind.TEXT,
        placeholder="Qualities, talents, achievements",
        column=Column.LEFT,
        place=2,
        colour="person",
    ),
    SectionSpec(
        "important_to_me",
        "What is important to me",
        Kind.TEXT,
        placeholder="People, routines, objects, places",
        column=Column.LEFT,
        place=3,
        colour="person",
    ),
    SectionSpec(
        "strengths", "My strengths", Kind.LIST, column=Column.LEFT, place=4, colour="strength"
    ),
    SectionSpec(
        "difficulties",
        "What I find difficult",
        Kind.LIST,
        column=Column.RIGHT,
        place=5,
        colour="hard",
    ),
    SectionSpec(
        "strategies", "How to help me", Kind.STRATEGIES, column=Column.RIGHT, place=1, colour="help"
    ),
    SectionSpec(
        "avoid",
        "Please avoid",
        Kind.LIST,
        column=Column.RIGHT,
        place=2,
        colour="avoid",
        crossed=True,
    ),
    SectionSpec(
        "communication",
        "How I communicate",
        Kind.TEXT,
        placeholder="Speech, signs, symbols, a device; how to check I have understood",
        column=Column.RIGHT,
        place=3,
        colour="help",
    ),
    SectionSpec(
        "upset_signs",
        "Signs I am getting upset, and what helps",
        Kind.TEXT,
        placeholder="What you will notice first, and what calms me",
        column=Column.RIGHT,
        place=4,
        colour="hard",
    ),
    SectionSpec(
        "pupil_voice",
        "In my own words",
        Kind.TEXT,
        placeholder="The pupil's own words",
        column=Column.FLOATING,
        place=1,
        colour="voice",
        quoted=True,
    ),
    SectionSpec(
        "family_voice",
        "My family says",
        Kind.TEXT,
        placeholder="What the family would like staff to know",
        column=Column.FLOATING,
        place=2,
        colour="voice",
        cover_default=False,
        quoted=True,
    ),
    SectionSpec(
        "targets",
        "What I am working on",
        Kind.LIST,
        column=Column.RIGHT,
        place=6,
        colour="plan",
        cover_default=False,
    ),
    SectionSpec("medical", "Medical and safety", Kind.MEDICAL, always_on_cover=True),
    SectionSpec(
        "access_arrangements",
        "Access arrangements",
        Kind.LIST,
        column=Column.RIGHT,
        place=7,
        colour="plan",
    ),
    SectionSpec("contacts", "Key adults", Kind.CONTACTS),
)

LIST_KINDS: Final = frozenset({Kind.LIST, Kind.STRATEGIES, Kind.MEDICAL, Kind.CONTACTS})


def every_section() -> tuple[SectionSpec, ...]:
    """Every section, facts included, in the order a portrait is written."""
    return SECTIONS


def spec(key: str) -> SectionSpec:
    """The entry of ``key`` (KeyError for a key that names no section)."""
    return _index()[key]


def heading(key: str) -> str:
    return spec(key).heading


def section_keys() -> tuple[str, ...]:
    return tuple(s.key for s in SECTIONS)


def portrait_sections() -> tuple[SectionSpec, ...]:
    """The sections the pupil file holds under ``portrait``, in the order they are written."""
    return tuple(s for s in SECTIONS if s.in_portrait)


def boxed_sections() -> tuple[SectionSpec, ...]:
    """The sections printed as boxes in the page's columns, in the order they are written."""
    return tuple(s for s in SECTIONS if s.column is not None)


def in_column(column: Column) -> tuple[SectionSpec, ...]:
    """The boxes of ``column``, from the top."""
    return tuple(sorted((s for s in SECTIONS if s.column is column), key=lambda s: s.place))


def cover_defaults() -> tuple[str, ...]:
    """The keys cover staff see when the school has not chosen."""
    return tuple(s.key for s in SECTIONS if s.cover_default)


def always_on_cover(key: str) -> bool:
    found = _index().get(key)
    return found is not None and found.always_on_cover


_indexed: tuple[tuple[SectionSpec, ...], dict[str, SectionSpec]] = ((), {})


def _index() -> dict[str, SectionSpec]:
    """The registry by key, made again only when ``SECTIONS`` is another tuple (a test's)."""
    global _indexed
    if _indexed[0] is not SECTIONS:
        _indexed = (SECTIONS, {s.key: s for s in SECTIONS})
    return _indexed[1]
