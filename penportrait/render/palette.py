"""The page's colours, shared by the HTML/PDF and Word renderers.

Every text colour is checked against its background in the tests (WCAG AA: 4.5:1), so add a
new pair to TEXT_PAIRS whenever the page puts text on a new colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

INK: Final = "#1d2433"  # body text
MUTED: Final = "#4a5363"  # footer and small print
PAPER: Final = "#ffffff"
WHITE: Final = "#ffffff"

BAND: Final = "#1f4e5f"  # the header band
BAND_SOFT: Final = "#d9eaf0"  # secondary text on the band
# Safe in black and white: MEDICAL is dark red bold type on a light label in a heavy red frame,
# with a triangle; MUST DO is a near-black tag with a square; section headings are mid-tone
# bands; "Please avoid" items are crossed. In grey the MEDICAL label is light (about 215),
# headings mid (about 80-95) and MUST DO near black (about 24): each differs from the others by
# far more than 40 grey levels, as well as by shape (a test renders a page to greyscale).
ALERT: Final = "#b42318"  # the medical alert's heavy frame
ALERT_LABEL: Final = "#f8d3ce"  # behind the word MEDICAL: light, unlike every heading
ALERT_INK: Final = "#8a1a12"  # the word MEDICAL (bold) on ALERT_LABEL
ALERT_TINT: Final = "#fdecea"
MUST_DO: Final = "#111827"  # the "must do" tag: darker than any heading, in colour or grey
RULE: Final = "#c9d3dc"  # thin lines


@dataclass(frozen=True)
class SectionColours:
    heading_bg: str  # behind the heading (white text)
    tint: str  # behind the section's text (ink text)


# Each section family has its own colour so a reader finds "How to help me" at a glance.
PERSON: Final = SectionColours("#2f5d8a", "#edf3f9")  # about me, admire, important
STRENGTH: Final = SectionColours("#2e6b3a", "#ecf5ee")  # strengths
HELP: Final = SectionColours("#1e6a5a", "#e7f4f0")  # how to help me
AVOID: Final = SectionColours("#9a3412", "#fdf0e8")  # please avoid
HARD: Final = SectionColours("#6b4c9a", "#f2eef8")  # what I find difficult
VOICE: Final = SectionColours("#7a3e6d", "#f8eef5")  # in my own words, my family says
PLAN: Final = SectionColours("#4d5a6b", "#eef1f4")  # targets, access arrangements

# The colour roles a section names in core/sections.py (its ``colour``), and their colours.
ROLES: Final[dict[str, SectionColours]] = {
    "person": PERSON,
    "strength": STRENGTH,
    "help": HELP,
    "avoid": AVOID,
    "hard": HARD,
    "voice": VOICE,
    "plan": PLAN,
}

# The initials tile, for pupils without a photo (white letters).
TILES: Final = ("#2f5d8a", "#2e6b3a", "#7a3e6d", "#9a3412", "#1e6a5a", "#6b4c9a")

TEXT_PAIRS: Final[list[tuple[str, str, str]]] = [
    ("body text", INK, PAPER),
    ("footer", MUTED, PAPER),
    ("name on band", WHITE, BAND),
    ("details on band", BAND_SOFT, BAND),
    ("medical alert label", ALERT_INK, ALERT_LABEL),
    ("medical alert label on tint", ALERT_INK, ALERT_TINT),
    ("medical text on tint", INK, ALERT_TINT),
    ("must do tag", WHITE, MUST_DO),
    ("copy type on white", BAND, WHITE),
    *[(f"{name} heading", WHITE, colours.heading_bg) for name, colours in ROLES.items()],
    *[(f"{name} text", INK, colours.tint) for name, colours in ROLES.items()],
    *[(f"initials tile {n}", WHITE, colour) for n, colour in enumerate(TILES)],
]  # fmt: skip


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
