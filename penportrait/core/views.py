"""What a page shows: pupil + school settings + audience -> a PageView.

The one place that decides which sections an audience sees, in what order, with empty ones
left out and essential ("must do") strategies first. The HTML/PDF and Word renderers draw the
same PageView, so the two always agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Final

from penportrait.core import sections
from penportrait.core.bank import Bank, built_in_bank
from penportrait.core.model import (
    NEED_AREA_LABELS,
    NEED_CODES,
    SEND_STATUS_LABELS,
    NeedCode,
    Pupil,
    SendStatus,
    Strategy,
)
from penportrait.core.school import SchoolSettings
from penportrait.core.sections import Column, Kind, Section, SectionSpec

from . import clock


class Audience(StrEnum):
    """Who the page is for."""

    STAFF = "staff"  # the full portrait
    COVER = "cover"  # supply and cover staff: what they need to act, no more


AUDIENCE_LABELS: Final = {Audience.STAFF: "Staff", Audience.COVER: "Cover"}


@dataclass(frozen=True)
class Item:
    """One line of a list section; ``essential`` marks a "must do" strategy, and ``trained``
    a MUST DO that only trained staff may do (marked so on the cover copy)."""

    text: str
    essential: bool = False
    trained: bool = False


@dataclass(frozen=True)
class SectionView:
    """One section as printed: its heading, and either text or items. How it is drawn (colour,
    quotation marks, crosses) is the registry's entry for ``key``, ``spec``."""

    key: str  # a key of core/sections.py
    heading: str
    text: str = ""
    items: tuple[Item, ...] = ()

    @property
    def spec(self) -> SectionSpec:
        return sections.spec(self.key)

    @property
    def words(self) -> int:
        return len(self.text.split()) + sum(len(i.text.split()) for i in self.items)


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class MedicalView:
    """One medical note as printed: what to do first, then the condition and the details."""

    pupil_name: str
    condition: str
    action: str
    signs: str
    kit: str
    call: str
    alert: bool

    @property
    def words(self) -> int:
        return sum(
            len(part.split()) for part in (self.condition, self.action, self.signs, self.kit)
        ) + len(self.call.split())


def medical_views(pupil: Pupil, name: str) -> tuple[MedicalView, ...]:
    """The pupil's medical notes with any words in them, alerts first."""
    notes = []
    for note in pupil.portrait.medical:
        view = MedicalView(
            pupil_name=name,
            condition=clean_text(note.condition),
            action=clean_text(note.action),
            signs=clean_text(note.signs),
            kit=clean_text(note.kit),
            call=clean_text(note.call),
            alert=note.is_alert,
        )
        if view.words:
            notes.append(view)
    return tuple(sorted(notes, key=lambda n: not n.alert))


@dataclass(frozen=True)
class PageView:
    """Everything one portrait page shows, already chosen and ordered for its audience."""

    audience: Audience
    pupil_id: str
    name: str  # the name used day to day: preferred (or first) name and surname
    full_name: str  # legal first name and surname, shown when it differs
    initials: str
    tile_colour: int  # which palette colour the initials tile uses
    photo: Path | None
    school_name: str
    logo: Path | None
    facts: tuple[Fact, ...]
    need: str  # the SEND status and need area in plain words, or ""
    medical: tuple[MedicalView, ...]  # alerts first, then routine care
    sections: tuple[SectionView, ...]
    contacts: tuple[Fact, ...]  # (role, name); the one to call during cover first
    review_by: str
    updated: str
    review_overdue: bool = False
    written_with: str = ""  # "Written with Ollie and his family, 4 November 2026" (staff copy)
    emergency: tuple[Fact, ...] = ()  # the school's emergency contacts: (where, who)
    sections_by_key: dict[str, SectionView] = field(default_factory=dict, compare=False)

    def section(self, key: str) -> SectionView | None:
        return self.sections_by_key.get(key)

    @property
    def alerts(self) -> tuple[MedicalView, ...]:
        return tuple(m for m in self.medical if m.alert)

    @property
    def care(self) -> tuple[MedicalView, ...]:
        return tuple(m for m in self.medical if not m.alert)

    @property
    def copy_label(self) -> str:
        return f"{AUDIENCE_LABELS[self.audience].upper()} COPY"

    @property
    def longest_sections(self) -> list[SectionView]:
        """The sections with the most words, most first: what to shorten when it won't fit."""
        every = list(self.sections)
        if self.medical:
            heading = sections.heading(Section.MEDICAL)
            words = " ".join("x" for m in self.medical for _ in range(m.words))
            every.append(SectionView(Section.MEDICAL, heading, text=words))
        return sorted(every, key=lambda s: s.words, reverse=True)


TILE_COLOURS: Final = 6  # the palette has this many initials-tile colours

# C0 and C1 control characters other than tab and newline: XML cannot hold most of them and
# they never mean anything on a page. Also the Unicode non-characters.
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


# A word longer than this gets a break opportunity (a zero-width space) after every this many
# characters: Qt lays out one unbroken word in quadratic time (200,000 characters took
# 17 s), and a page could not show it anyway. Every character is kept.
LONG_WORD_CHARS: Final = 40
BREAK: Final = "\u200b"
_LONG_WORD: Final = re.compile(rf"[^\s\u200b]{{{LONG_WORD_CHARS + 1},}}")


def clean_text(value: str) -> str:
    """What a user typed, safe to lay out: no control characters, tidy line ends and spaces,
    and very long words given places to break."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = value.replace("\t", " ")
    lines = [" ".join(line.split()) for line in value.split("\n")]
    return _LONG_WORD.sub(_break_word, "\n".join(lines).strip())


def _break_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return BREAK.join(word[i : i + LONG_WORD_CHARS] for i in range(0, len(word), LONG_WORD_CHARS))


def audience_sees(settings: SchoolSettings, audience: Audience, section: str) -> bool:
    return audience is Audience.STAFF or settings.cover_shows(section)


def page_view(
    pupil: Pupil,
    settings: SchoolSettings,
    audience: Audience,
    *,
    photo: Path | None = None,
    logo: Path | None = None,
    today: dt.date | None = None,
    bank: Bank | None = None,
) -> PageView:
    """The page for ``pupil`` as ``audience`` sees it.

    ``photo`` is the pupil's photo file if there is one; it is shown only with consent. On the
    cover copy a MUST DO that ``bank`` (the school's, or the built-in one) tags "trained staff
    only" is marked so, not as a plain MUST DO.
    """
    details = pupil.pupil
    trained = (bank or built_in_bank()).trained_only if audience is Audience.COVER else _never

    def sees(section: str) -> bool:
        return audience_sees(settings, audience, section)

    boxes = _boxes(pupil, sees, trained)
    name = clean_text(f"{details.preferred_name or details.first_name} {details.last_name}")
    full_name = clean_text(f"{details.first_name} {details.last_name}")
    need = _need_line(pupil, show_summary=sees(Section.SEND_SUMMARY))
    return PageView(
        audience=audience,
        pupil_id=pupil.id,
        name=name or "(no name)",
        # The legal name only ever on the staff copy: on a cover copy it can out a trans pupil
        # or endanger an adopted or care-experienced child.
        full_name=full_name if full_name != name and audience is Audience.STAFF else "",
        initials=initials(details.preferred_name or details.first_name, details.last_name),
        tile_colour=_tile_colour(pupil.id),
        photo=photo if (photo is not None and details.photo_consent) else None,
        school_name=clean_text(settings.name),
        logo=logo,
        facts=_facts(pupil, sees),
        need=need if sees(Section.NEED) else "",
        medical=medical_views(pupil, name) if sees(Section.MEDICAL) else (),
        sections=boxes,
        contacts=contact_facts(pupil) if sees(Section.CONTACTS) else (),
        review_by=long_date(pupil.review.next_review) if pupil.review.next_review else "",
        updated=_updated_line(pupil),
        review_overdue=review_overdue(pupil, today),
        written_with=written_with_line(pupil) if audience is Audience.STAFF else "",
        emergency=emergency_facts(settings) if audience is Audience.COVER else (),
        sections_by_key={s.key: s for s in boxes},
    )


def _boxes(
    pupil: Pupil, sees: Callable[[str], bool], trained: Callable[[Strategy], bool]
) -> tuple[SectionView, ...]:
    """The boxed sections the audience sees and the pupil has words in, in written order."""
    found = (_section(pupil, e, trained) for e in sections.boxed_sections() if sees(e.key))
    return tuple(view for view in found if view is not None)


def _facts(pupil: Pupil, sees: Callable[[str], bool]) -> tuple[Fact, ...]:
    """The details under the name: pronouns, year, groups, date of birth, UPN."""
    details = pupil.pupil
    facts: list[Fact] = []
    if details.pronouns.strip() and sees(Section.PRONOUNS):
        facts.append(Fact("Pronouns", clean_text(details.pronouns)))
    year = clean_text(details.year_group)
    if year:
        # "Year 6" and "Reception" say what they are; a bare "6" needs its label.
        speaks_for_itself = year.casefold().startswith(("year", "reception", "nursery"))
        facts.append(Fact("" if speaks_for_itself else "Year", year))
    groups = ", ".join(clean_text(g) for g in details.groups if clean_text(g))
    if groups:
        facts.append(Fact("Group" if len(details.groups) == 1 else "Groups", groups))
    if details.date_of_birth and sees(Section.DATE_OF_BIRTH):
        facts.append(Fact("Date of birth", long_date(details.date_of_birth)))
    if details.upn.strip() and sees(Section.UPN):
        facts.append(Fact("UPN", clean_text(details.upn)))
    return tuple(facts)


def _updated_line(pupil: Pupil) -> str:
    """ "Updated by Mrs Okafor on 4 November 2026", or "" for a pupil never saved."""
    if not pupil.updated_at:
        return ""
    when = long_date(pupil.updated_at[:10])
    who = clean_text(pupil.updated_by)
    return f"Updated by {who} on {when}" if who else f"Updated on {when}"


def review_overdue(pupil: Pupil, today: dt.date | None = None) -> bool:
    """Whether the pupil's review date has passed."""
    due = pupil.review.next_review
    return bool(due) and dt.date.fromisoformat(due) < (today or clock.today())


def emergency_facts(settings: SchoolSettings) -> tuple[Fact, ...]:
    """The school's emergency contacts as (where, who), those without a name left out."""
    return tuple(
        Fact(clean_text(c.where), clean_text(c.who))
        for c in settings.emergency_contacts
        if clean_text(c.who)
    )


COVER_CONTACT_LABEL: Final = "call during cover"


def contact_facts(pupil: Pupil) -> tuple[Fact, ...]:
    """The key adults as (role, name), the one marked to call during cover first."""
    named = [c for c in pupil.portrait.contacts if clean_text(c.name)]
    ordered = [c for c in named if c.cover] + [c for c in named if not c.cover]
    facts = []
    for contact in ordered:
        role = clean_text(contact.role)
        if contact.cover:
            role = f"{role}, {COVER_CONTACT_LABEL}" if role else COVER_CONTACT_LABEL
        facts.append(Fact(role, clean_text(contact.name)))
    return tuple(facts)


def cover_contact(pupil: Pupil) -> tuple[str, str]:
    """Whom a cover teacher calls about this pupil: (name, role). The contact marked for cover;
    failing that the first one who is not a class or form teacher (likely the one away)."""
    named = [c for c in pupil.portrait.contacts if clean_text(c.name)]
    marked = next((c for c in named if c.cover), None)
    if marked is None:
        away = ("class teacher", "form tutor", "teacher")
        marked = next(
            (c for c in named if not any(w in c.role.casefold() for w in away)),
            named[0] if named else None,
        )
    if marked is None:
        return "", ""
    return clean_text(marked.name), clean_text(marked.role)


_FAMILY: Final = ("parent", "parents", "mum", "dad", "carer", "carers", "family", "grandparent")


def written_with_line(pupil: Pupil) -> str:
    """ "Written with Ollie and his family, 4 November 2026": who wrote the portrait."""
    people = [clean_text(p) for p in pupil.review.written_with if clean_text(p)]
    if not people:
        return ""
    pronouns = pupil.pupil.pronouns.casefold()
    their = "his" if pronouns.startswith("he") else "her" if pronouns.startswith("she") else "their"
    first = clean_text(pupil.pupil.preferred_name or pupil.pupil.first_name) or "the pupil"
    named = []
    for person in people:
        lower = person.casefold()
        if lower == "pupil":
            named.append(first)
        elif lower in _FAMILY:
            named.append(f"{their} {person}")
        elif person[0].isupper():
            named.append(person)  # a name, written as a name
        else:
            named.append(f"the {person}")
    names = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    when = pupil.review.last_reviewed
    return f"Written with {names}" + (f", {long_date(when)}" if when else "")


def _never(_strategy: Strategy) -> bool:
    return False


def _section(
    pupil: Pupil, entry: SectionSpec, trained: Callable[[Strategy], bool] = _never
) -> SectionView | None:
    """The boxed section ``entry`` of the pupil's portrait as printed, or None when empty."""
    value = getattr(pupil.portrait, entry.key)
    if entry.kind is Kind.TEXT:
        text = clean_text(value)
        return SectionView(entry.key, entry.heading, text=text) if text else None
    if entry.kind is Kind.STRATEGIES:
        strategies = [s for s in value if clean_text(s.text)]
        ordered = [s for s in strategies if s.essential] + [
            s for s in strategies if not s.essential
        ]
        items = tuple(
            Item(clean_text(s.text), s.essential, s.essential and trained(s)) for s in ordered
        )
        return SectionView(entry.key, entry.heading, items=items) if items else None
    if entry.kind is Kind.LIST:
        items = tuple(Item(t) for t in map(clean_text, value) if t)
        return SectionView(entry.key, entry.heading, items=items) if items else None
    return None


def _need_line(pupil: Pupil, *, show_summary: bool) -> str:
    """E.g. "SEN support · Specific learning difficulty (such as dyslexia)"."""
    send = pupil.send
    if send.status == SendStatus.NONE.value and not send.primary_need:
        return ""
    parts = [SEND_STATUS_LABELS[SendStatus(send.status)]]
    if send.primary_need:
        label, _area = NEED_CODES[NeedCode(send.primary_need)]
        parts.append(label)
    summary = clean_text(send.summary) if show_summary else ""
    if summary:
        # Say each thing once: "EHC plan · Autism. Autistic. EHC plan since 2024" repeats
        # itself. Leave out summary sentences the labels already say ("Autistic."), and the
        # status when the summary names it ("EHC plan since 2024").
        said = _stems(" ".join(parts))
        sentences = re.split(r"(?<=[.!?])\s+", summary)
        summary = " ".join(s for s in sentences if not _stems(s) <= said)
        # ...and any label the summary itself says ("Social, emotional and mental health
        # needs linked to..." already names the need).
        parts = [p for p in parts if p.casefold() not in summary.casefold()]
    line = " · ".join(parts)
    if not line:
        return summary
    if summary:
        line = f"{line}. {summary}" if not line.endswith(".") else f"{line} {summary}"
    return line


def _stems(text: str) -> set[str]:
    """The words of ``text`` cut to five letters: "Autistic" and "Autism" are one word."""
    return {word[:5] for word in re.findall(r"\w+", text.casefold())}


def need_area_label(pupil: Pupil) -> str:
    """The broad area of the pupil's primary need, in plain words (for the class overview)."""
    if not pupil.send.primary_need:
        return ""
    return NEED_AREA_LABELS[NEED_CODES[NeedCode(pupil.send.primary_need)][1]]


def initials(first: str, last: str) -> str:
    """Up to two letters, as people write them: "Amira Hussain" -> "AH", "Łucja" -> "Ł"."""
    letters = [_first_letter(first), _first_letter(last)]
    return "".join(letter for letter in letters if letter) or "?"


def _first_letter(name: str) -> str:
    for char in clean_text(name):
        if unicodedata.category(char)[0] in "LN":
            return char.upper()
    return ""


def _tile_colour(pupil_id: str) -> int:
    digest = hashlib.sha256(pupil_id.encode("utf-8")).digest()
    return digest[0] % TILE_COLOURS


def short_date(iso: str) -> str:
    """ "2026-12-19" -> "19 Dec 2026" (lists and tables, where space is short)."""
    return _uk_date(iso, "%b %Y")


def long_date(iso: str) -> str:
    """ "2026-12-18" -> "18 December 2026" (the way UK schools write dates)."""
    return _uk_date(iso, "%B %Y")


def _uk_date(iso: str, month_and_year: str) -> str:
    """The day without a leading zero, then ``month_and_year``; text that is no date as it is."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:{month_and_year}}"


def columns(page: PageView) -> tuple[list[SectionView], list[SectionView]]:
    """The page's two columns, balanced by a rough measure of their length."""
    left, right = _in_column(page, Column.LEFT), _in_column(page, Column.RIGHT)
    for section in _in_column(page, Column.FLOATING):
        (left if _weight(left) <= _weight(right) else right).append(section)
    return left, right


def _in_column(page: PageView, column: Column) -> list[SectionView]:
    return [s for entry in sections.in_column(column) if (s := page.section(entry.key))]


def _weight(sections: list[SectionView]) -> int:
    # Words, plus a heading's worth for each section and a line's worth for each item.
    return sum(s.words + 6 + 3 * len(s.items) for s in sections)


# -- the class overview (packs for cover staff) ---------------------------------------------

MAX_MUST_DO: Final = 3


@dataclass(frozen=True)
class OverviewRow:
    """One pupil on the class overview: who, what need, what to do, medical, whom to call."""

    pupil_id: str
    name: str
    initials: str
    tile_colour: int
    photo: Path | None
    area: str  # the broad area of need, in plain words
    need: str  # the need itself, in plain words
    status: str  # the SEND status, in plain words
    must_do: tuple[str, ...]  # at most MAX_MUST_DO
    more_must_do: int  # how many more are on the portrait
    avoid: str  # the first "Please avoid", or ""
    medical: tuple[MedicalView, ...]
    key_adult: str  # whom to call about this pupil during cover
    key_role: str
    # MUST DOs only trained staff may do: printed apart ("Leave to trained staff"), so a cover
    # teacher sends for them rather than trying, or never hearing of it.
    trained: tuple[str, ...] = ()

    @property
    def has_alert(self) -> bool:
        return any(m.alert for m in self.medical)

    @property
    def care(self) -> tuple[MedicalView, ...]:
        return tuple(m for m in self.medical if not m.alert)


@dataclass(frozen=True)
class OverviewView:
    """The overview page of one group for a cover or supply teacher."""

    group: str
    school_name: str
    printed_on: str
    audience: Audience
    rows: tuple[OverviewRow, ...]
    group_size: int  # pupils in the group (the rows may be fewer: only those with SEND)
    everyone: bool  # the school lists every pupil, not only those with SEND
    emergency: tuple[Fact, ...] = ()  # the school's emergency contacts: (where, who)
    logo: Path | None = None

    @property
    def alerts(self) -> tuple[MedicalView, ...]:
        """Every medical alert of the group, in surname order: the box at the top."""
        return tuple(m for row in self.rows for m in row.medical if m.alert)


def by_surname(pupils: Iterable[Pupil]) -> list[Pupil]:
    """Surname order, as registers are printed."""
    return sorted(
        pupils,
        key=lambda p: (
            p.pupil.last_name.casefold(),
            (p.pupil.preferred_name or p.pupil.first_name).casefold(),
            p.id,
        ),
    )


def overview_view(
    group: str,
    pupils: Iterable[Pupil],
    settings: SchoolSettings,
    audience: Audience,
    *,
    photos: dict[str, Path] | None = None,
    today: dt.date | None = None,
    bank: Bank | None = None,
    logo: Path | None = None,
) -> OverviewView:
    """The overview of ``group``: its pupils with SEND or a medical alert (or all of them, if
    the school says so). A pupil without SEND who carries an adrenaline pen still matters most
    to a supply teacher. MUST DOs that need preparation or trained staff (by ``bank``: the
    school's, or the built-in one) are left to the portrait."""
    bank = bank or built_in_bank()
    members = by_surname(p for p in pupils if group in p.pupil.groups)
    listed = [
        p
        for p in members
        if settings.overview_everyone
        or p.send.status != "none"
        or any(m.words for m in medical_views(p, ""))
    ]
    photos = photos or {}

    def sees(section: str) -> bool:
        return audience_sees(settings, audience, section)

    rows = tuple(_overview_row(p, sees, bank, photos.get(p.id)) for p in listed)
    return OverviewView(
        group=clean_text(group),
        school_name=clean_text(settings.name),
        printed_on=long_date((today or clock.today()).isoformat()),
        audience=audience,
        rows=rows,
        group_size=len(members),
        everyone=settings.overview_everyone,
        emergency=emergency_facts(settings),
        logo=logo,
    )


def _overview_row(
    pupil: Pupil, sees: Callable[[str], bool], bank: Bank, photo: Path | None
) -> OverviewRow:
    """One pupil's row of the class overview, as the audience ``sees`` it."""
    essential = [clean_text(s.text) for s in bank.cover_must_do(pupil.portrait.strategies)]
    essential = [text for text in essential if text]
    trained = [clean_text(s.text) for s in bank.leave_to_trained_staff(pupil.portrait.strategies)]
    trained = [text for text in trained if text]
    # The "Leave to trained staff" line takes the place of the last MUST DO shown, so a row is
    # no taller and a class of 30 keeps to two sheets; the rest are "more".
    shown = MAX_MUST_DO - 1 if trained else MAX_MUST_DO
    key_adult, key_role = cover_contact(pupil) if sees(Section.CONTACTS) else ("", "")
    avoid = next((t for t in map(clean_text, pupil.portrait.avoid) if t), "")
    need_label = ""
    if pupil.send.primary_need:
        need_label = NEED_CODES[NeedCode(pupil.send.primary_need)][0]
    if need_label == need_area_label(pupil):
        need_label = ""  # "Social, emotional and mental health" twice says nothing more
    details = pupil.pupil
    name = clean_text(f"{details.preferred_name or details.first_name} {details.last_name}")
    return OverviewRow(
        pupil_id=pupil.id,
        name=name or "(no name)",
        initials=initials(details.preferred_name or details.first_name, details.last_name),
        tile_colour=_tile_colour(pupil.id),
        photo=photo if details.photo_consent else None,
        area=need_area_label(pupil),
        need=need_label,
        status=SEND_STATUS_LABELS[SendStatus(pupil.send.status)],
        must_do=tuple(essential[:shown]),
        more_must_do=max(0, len(essential) - shown),
        avoid=avoid if sees(Section.AVOID) else "",
        medical=medical_views(pupil, name or "(no name)") if sees(Section.MEDICAL) else (),
        key_adult=key_adult,
        key_role=key_role,
        trained=tuple(trained),
    )
