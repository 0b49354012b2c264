"""The sections a portrait page can show, and which ones supply and cover staff see."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Section(StrEnum):
    """A part of the printed page that the school can show or hide for an audience."""

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


# Headings in the pupil's voice, as the page prints them.
SECTION_HEADINGS: Final[dict[Section, str]] = {
    Section.PRONOUNS: "Pronouns",
    Section.NEED: "Need (under the name)",
    Section.DATE_OF_BIRTH: "Date of birth",
    Section.UPN: "UPN",
    Section.SEND_SUMMARY: "My needs",
    Section.ABOUT_ME: "About me",
    Section.LIKE_ADMIRE: "What people like and admire about me",
    Section.IMPORTANT_TO_ME: "What is important to me",
    Section.STRENGTHS: "My strengths",
    Section.DIFFICULTIES: "What I find difficult",
    Section.STRATEGIES: "How to help me",
    Section.AVOID: "Please avoid",
    Section.COMMUNICATION: "How I communicate",
    Section.UPSET_SIGNS: "Signs I am getting upset, and what helps",
    Section.PUPIL_VOICE: "In my own words",
    Section.FAMILY_VOICE: "My family says",
    Section.TARGETS: "What I am working on",
    Section.MEDICAL: "Medical and safety",
    Section.ACCESS_ARRANGEMENTS: "Access arrangements",
    Section.CONTACTS: "Key adults",
}

# Cover staff need to act, not to know everything: these stay on the staff copy only unless the
# school decides otherwise.
COVER_HIDDEN_BY_DEFAULT: Final = frozenset(
    {
        Section.DATE_OF_BIRTH,
        Section.UPN,
        Section.SEND_SUMMARY,
        Section.FAMILY_VOICE,
        Section.TARGETS,
    }
)

COVER_SECTIONS_DEFAULT: Final = tuple(s for s in Section if s not in COVER_HIDDEN_BY_DEFAULT)

# What the adult in charge of the pupil must always see, whatever the school's settings say:
# a medical alert hidden from the cover teacher could cost a child's life.
ALWAYS_ON_COVER: Final = frozenset({Section.MEDICAL})
