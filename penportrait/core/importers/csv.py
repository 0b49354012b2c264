"""Pupils from the school's MIS (SIMS, Arbor, Bromcom, ScholarPack …) as CSV exports.

Reads exports as schools really have them: UTF-8 with or without a byte-order mark, or
Windows-1252; commas, semicolons or tabs; headers in each system's style ("Legal Forename",
"Preferred Forename", "Chosen name", "DOB", "NC Year", "Reg Group", "SEN Status" …). Each
recognised column is mapped onto the pupil file; the user may map the rest, or change a
mapping.

An import only adds pupils and updates who they are and their SEND (names, date of birth,
year, groups, status, needs); it never touches the portrait. Pupils are matched by UPN, then by
first name, surname and date of birth. A plan says what would happen, row by row: new,
updated (which fields), unchanged or rejected (and why), before anything is saved; every
change is then a normal save, so history keeps the previous revision.

A file that cannot be read as a class list (too big, binary, broken quoting) is refused as a
whole: nothing is imported half-way.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Final

from penportrait.core import clock, pupil_file
from penportrait.core.access import plain_reason
from penportrait.core.folder import PUPILS
from penportrait.core.importers.record import (
    RecordWriter,
    Touched,
    fingerprint,
    read_record,
    undo,
)
from penportrait.core.jobs import Cancelled
from penportrait.core.model import NeedCode, Pupil
from penportrait.core.store import Problem, PupilFileError, SaveConflict, Store

MAX_FILE_BYTES: Final = 20 * 1024 * 1024  # a whole school's export is well under 2 MB
MAX_CELL_CHARS: Final = 100_000
MAX_ROWS: Final = 50_000


class ImportFileError(ValueError):
    """The file cannot be read as a class list; nothing was imported."""


class ImportCancelled(Cancelled):
    """The user stopped the import; ``partial`` is the ImportResult of the pupils saved."""


class Target(Enum):
    """What a column holds, in the pupil file's terms."""

    FIRST_NAME = "First name"
    PREFERRED_NAME = "Preferred name"
    LAST_NAME = "Last name"
    DATE_OF_BIRTH = "Date of birth"
    UPN = "UPN"
    YEAR_GROUP = "Year group"
    GROUP = "Group (class or set)"
    STATUS = "SEN status"
    PRIMARY_NEED = "Primary need"
    SECONDARY_NEED = "Secondary need"


# Header spellings in the styles of the common MIS exports, normalised (see _key).
HEADERS: Final[dict[str, Target]] = {
    **dict.fromkeys(
        ["forename", "legalforename", "firstname", "legalfirstname", "givenname",
         "pupilforename", "studentforename", "forenames"],
        Target.FIRST_NAME,
    ),
    **dict.fromkeys(
        ["preferredforename", "preferredfirstname", "chosenname", "chosenforename",
         "preferredname", "knownas"],
        Target.PREFERRED_NAME,
    ),
    **dict.fromkeys(
        ["surname", "legalsurname", "lastname", "familyname", "pupilsurname",
         "studentsurname"],
        Target.LAST_NAME,
    ),
    **dict.fromkeys(["dob", "dateofbirth", "birthdate", "dateofbirthddmmyyyy"],
                    Target.DATE_OF_BIRTH),
    **dict.fromkeys(["upn", "uniquepupilnumber"], Target.UPN),
    **dict.fromkeys(["year", "ncyear", "yeargroup", "nationalcurriculumyear",
                     "curriculumyear", "yr"], Target.YEAR_GROUP),
    **dict.fromkeys(["reggroup", "registrationgroup", "form", "formgroup", "tutorgroup",
                     "class", "classname", "teachinggroup", "set", "group"], Target.GROUP),
    **dict.fromkeys(["senstatus", "sendstatus", "senprovision", "senstage", "sen"],
                    Target.STATUS),
    **dict.fromkeys(["senneedtype", "primaryneed", "senprimaryneed", "needtype",
                     "primarysenneed", "senneed", "primaryneedtype", "senneedtype1"],
                    Target.PRIMARY_NEED),
    **dict.fromkeys(["secondaryneed", "sensecondaryneed", "secondarysenneed",
                     "senneedtype2", "secondaryneedtype"], Target.SECONDARY_NEED),
}  # fmt: skip

STATUS_WORDS: Final[dict[str, str]] = {
    "n": "none", "nosen": "none", "nospecialeducationalneed": "none", "none": "none",
    "nosend": "none", "notsen": "none",
    "k": "sen_support", "sensupport": "sen_support", "sendsupport": "sen_support",
    "schoolaction": "sen_support", "schoolactionplus": "sen_support", "a": "sen_support",
    "p": "sen_support",
    "e": "ehcp", "ehcp": "ehcp", "ehcplan": "ehcp", "educationhealthandcareplan": "ehcp",
    "s": "ehcp", "statement": "ehcp", "statementofsen": "ehcp",
    "m": "monitoring", "monitoring": "monitoring", "monitor": "monitoring",
    "underreview": "monitoring",
}  # fmt: skip

NEED_WORDS: Final[dict[str, str]] = {
    **{code.value.lower(): code.value for code in NeedCode},
    "speechlanguageandcommunicationneeds": "SLCN", "speechlanguageandcommunication": "SLCN",
    "autisticspectrumdisorder": "ASD", "autism": "ASD", "autismspectrumcondition": "ASD",
    "asc": "ASD",
    "specificlearningdifficulty": "SPLD", "dyslexia": "SPLD", "dyscalculia": "SPLD",
    "dyspraxia": "SPLD",
    "moderatelearningdifficulty": "MLD", "severelearningdifficulty": "SLD",
    "profoundandmultiplelearningdifficulty": "PMLD",
    "socialemotionalandmentalhealth": "SEMH", "bese": "SEMH",
    "hearingimpairment": "HI", "visualimpairment": "VI", "visionimpairment": "VI",
    "multisensoryimpairment": "MSI", "physicaldisability": "PD",
    "otherdifficultydisability": "OTH", "otherdifficultyordisability": "OTH", "other": "OTH",
    "sensupportbutnospecialistassessmentoftypeofneed": "NSA",
    "nospecialistassessment": "NSA",
}  # fmt: skip


def _key(text: str) -> str:
    """Lower case, letters and digits only: "Date of Birth" -> "dateofbirth"."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


# -- reading the file ------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """The file as read: its header, its rows (with their line numbers), and how it was read."""

    path: Path
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as a spreadsheet shows it, cells)
    encoding: str
    delimiter: str

    @property
    def delimiter_name(self) -> str:
        return {",": "commas", ";": "semicolons", "\t": "tabs"}[self.delimiter]


def read_table(path: Path) -> Table:
    """Read a CSV export, or raise ImportFileError saying why it is not one."""
    data = _read_capped(path)
    if not data.strip():
        raise ImportFileError(f"{path.name} is empty")
    if b"\x00" in data:
        raise ImportFileError(
            f"{path.name} is not a CSV text file (it holds binary data). Export the class "
            "list from your MIS as CSV and try again; nothing was imported"
        )
    text, encoding = _decode(path, data)
    delimiter = _delimiter(text)
    csv.field_size_limit(MAX_CELL_CHARS + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, tuple[str, ...]]] = []
    try:
        for record in reader:
            if len(records) > MAX_ROWS:
                raise ImportFileError(f"{path.name} has more than {MAX_ROWS:,} rows")
            if any(len(cell) > MAX_CELL_CHARS for cell in record):
                raise ImportFileError(
                    f"{path.name}, row {reader.line_num}: a cell is longer than "
                    f"{MAX_CELL_CHARS:,} characters; nothing was imported"
                )
            if any(cell.strip() for cell in record):
                records.append((reader.line_num, tuple(cell.strip() for cell in record)))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(
                f"{path.name}, row {reader.line_num}: a cell is longer than {MAX_CELL_CHARS:,} "
                "characters: this is not a class list. Nothing was imported"
            ) from None
        raise ImportFileError(
            f"{path.name}, row {reader.line_num}: the file's quoting is broken ({error}). "
            "Nothing was imported"
        ) from None
    if not records:
        raise ImportFileError(f"{path.name} has no rows")
    (_, headers), *rows = records
    if not any(_key(h) in HEADERS for h in headers):
        raise ImportFileError(
            f"{path.name}: the first row should name the columns (Forename, Surname, DOB …), "
            f"but it reads {', '.join(headers[:4])!r}"
        )
    return Table(path, headers, tuple(rows), encoding, delimiter)


def _read_capped(path: Path) -> bytes:
    """The file's bytes: a regular file only (a FIFO or a device such as /dev/zero would never
    end), read with a cap whatever its size claims to be."""
    too_big = ImportFileError(
        f"{path.name} is far bigger than a class list export "
        f"(at most {MAX_FILE_BYTES // 1_048_576} MB); nothing was imported"
    )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist") from None
    except OSError as error:
        raise ImportFileError(f"{path} cannot be read ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(
                f"{path.name} is not a file (a pipe, device or folder); export the class list "
                "from your MIS as a CSV file. Nothing was imported"
            )
        if info.st_size > MAX_FILE_BYTES:
            raise ImportFileError(
                f"{path.name} is {info.st_size / 1_048_576:.0f} MB: far bigger than a class "
                f"list export (at most {MAX_FILE_BYTES // 1_048_576} MB); nothing was imported"
            )
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise too_big
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise ImportFileError(f"{path} cannot be read ({error.strerror})") from None
    finally:
        os.close(fd)


# A character encoded as UTF-8 (two to four bytes): in a file that is not UTF-8 throughout,
# such a sequence means rows written two ways, which no single decoding reads right.
_UTF8_SEQUENCE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        bad = error.start
    mixed = _UTF8_SEQUENCE.search(data)
    if mixed:
        utf8_row = data.count(b"\n", 0, mixed.start()) + 1
        other_row = data.count(b"\n", 0, bad) + 1
        raise ImportFileError(
            f"{path.name} mixes two text encodings: row {utf8_row} is UTF-8 but row "
            f"{other_row} is not (byte 0x{data[bad]:02x}), so names would be garbled. Export "
            "the class list again as one CSV (UTF-8); nothing was imported"
        )
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path.name} is neither UTF-8 nor Windows-1252 text (byte 0x{data[error.start]:02x}"
            f" at position {error.start}); nothing was imported"
        ) from None


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever splits the header line into the most columns."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


# -- mapping columns --------------------------------------------------------------------------

Mapping = dict[int, Target | None]  # column index -> what it holds (None: ignore it)


def detect_mapping(headers: Sequence[str]) -> Mapping:
    """Each column's meaning, from its header; None for columns not recognised."""
    mapping: Mapping = {}
    taken: set[Target] = set()
    for index, header in enumerate(headers):
        target = HEADERS.get(_key(header))
        # The first of two "first name" columns wins (Legal Forename before Forename …).
        if target is not None and target in taken and target is not Target.GROUP:
            target = None
        mapping[index] = target
        if target is not None:
            taken.add(target)
    return mapping


def missing_targets(mapping: Mapping) -> list[Target]:
    """What must be mapped before an import can run."""
    mapped = set(mapping.values())
    return [t for t in (Target.FIRST_NAME, Target.LAST_NAME) if t not in mapped]


# -- parsing values ---------------------------------------------------------------------------


class RowError(ValueError):
    """Why a row is rejected."""


_DATE_PATTERNS: Final = (
    (re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})T.*$"), ("y", "m", "d")),
)


def parse_date(value: str) -> str:
    """A UK (dd/mm/yyyy) or ISO date as ISO; RowError for anything else or an impossible date."""
    value = value.strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"]).isoformat()
            except ValueError:
                raise RowError(f"{value!r} is not a real date") from None
    if re.match(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}$", value):
        raise RowError(f"{value!r} has a two-digit year: export dates as dd/mm/yyyy")
    raise RowError(f"{value!r} is not a date (dd/mm/yyyy or yyyy-mm-dd)")


EARLIEST_BIRTH: Final = dt.date(1990, 1, 1)  # no pupil (nor 25-year-old EHCP learner) before


def parse_birth_date(value: str) -> str:
    """A date of birth: a real date, not in the future and not before 1990."""
    iso = parse_date(value)
    born = dt.date.fromisoformat(iso)
    if born > clock.today():
        raise RowError(f"date of birth {value!r} is in the future")
    if born < EARLIEST_BIRTH:
        raise RowError(f"date of birth {value!r} is before 1990: check the column and format")
    return iso


# The DfE's check letters (no I, O or S): the remainder of the weighted sum, modulo 23.
UPN_LETTERS: Final = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_check_letter(body: str) -> str:
    """The check letter for the 12 characters after it (digits; a temporary UPN's last one is
    a letter, valued by its place in UPN_LETTERS)."""
    values = [int(c) if c.isdigit() else UPN_LETTERS.index(c) for c in body]
    total = sum(value * weight for value, weight in zip(values, range(2, 14), strict=True))
    return UPN_LETTERS[total % 23]


def parse_upn(value: str) -> str:
    """A UPN: a check letter, 11 digits, then a digit (a temporary UPN: a letter); the check
    letter must be the DfE's for the rest."""
    upn = value.upper().replace(" ", "")
    if not re.fullmatch(rf"[{UPN_LETTERS}]\d{{11}}[\d{UPN_LETTERS}]", upn):
        raise RowError(
            f"{value!r} is not a UPN (a check letter, then 12 digits; a temporary UPN ends in "
            "a letter)"
        )
    expected = upn_check_letter(upn[1:])
    if upn[0] != expected:
        raise RowError(f"UPN {value!r} has the wrong check letter (expected {expected}): a typo?")
    return upn


def parse_year(value: str) -> str:
    """ "6", "Y6", "Yr 6", "Year 6", "NC Year 6" -> "Year 6"; "R" -> "Reception"."""
    key = _key(value)
    if key in ("r", "rec", "reception", "yr", "yearr"):
        return "Reception"
    if key in ("n", "n1", "n2", "nur", "nursery"):
        return "Nursery"
    match = re.fullmatch(r"(?:ncyear|year|yr|y)?(\d{1,2})", key)
    if match and 1 <= int(match.group(1)) <= 14:
        return f"Year {int(match.group(1))}"
    return value.strip()


def parse_status(value: str) -> str:
    status = STATUS_WORDS.get(_key(value))
    if status is None:
        raise RowError(
            f"unknown SEN status {value!r} (expected N, K, E or words such as 'SEN support')"
        )
    return status


def parse_need(value: str) -> str:
    code = NEED_WORDS.get(_key(value))
    if code is None:
        raise RowError(f"unknown need type {value!r} (expected a DfE code such as SPLD or ASD)")
    return code


# -- the plan ---------------------------------------------------------------------------------


class Outcome(Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Change:
    field: str  # the label a person reads, e.g. "Year group"
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.field}: {self.before or '(empty)'} → {self.after or '(empty)'}"


@dataclass
class RowPlan:
    row: int
    outcome: Outcome
    name: str
    reason: str = ""
    changes: list[Change] = field(default_factory=list)
    pupil: Pupil | None = None  # what will be saved (new or updated)

    def __str__(self) -> str:
        label = f"Row {self.row}: {self.outcome.value}"
        if self.outcome is Outcome.REJECTED:
            return f"{label}: {self.name + ': ' if self.name else ''}{self.reason}"
        if self.outcome is Outcome.UPDATED:
            return f"{label}: {self.name} ({'; '.join(map(str, self.changes))})"
        return f"{label}: {self.name}"


@dataclass
class ImportPlan:
    table: Table
    mapping: Mapping
    rows: list[RowPlan]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def rejected(self) -> list[RowPlan]:
        return [r for r in self.rows if r.outcome is Outcome.REJECTED]

    @property
    def to_save(self) -> list[RowPlan]:
        return [r for r in self.rows if r.outcome in (Outcome.NEW, Outcome.UPDATED)]

    def summary(self) -> str:
        return (
            f"{self.count(Outcome.NEW)} new, {self.count(Outcome.UPDATED)} updated, "
            f"{self.count(Outcome.UNCHANGED)} unchanged, {self.count(Outcome.REJECTED)} rejected"
        )

    def report(self) -> str:
        return "\n".join([*(str(r) for r in self.rows), f"Summary: {self.summary()}."])


@dataclass(frozen=True)
class UnreadablePupil:
    """A pupil file in the folder that does not load: who it might be, as far as can be told."""

    file: str
    reason: str
    upn: str = ""
    first_name: str = ""
    last_name: str = ""
    known: bool = False  # False: nothing could be read from it, so it might be anyone


def unreadable_pupils(store: Store, problems: Sequence[Problem]) -> list[UnreadablePupil]:
    """What can be read of each pupil file that does not load (damaged, or a newer format)."""
    found = []
    for file in sorted({p.file for p in problems if p.file.startswith(f"{PUPILS}/")}):
        first = next(p for p in problems if p.file == file)
        reason = f"{first.field}: {first.reason}" if first.field else first.reason
        try:
            raw = json.loads(pupil_file.read_bytes(store.root / file, file).decode("utf-8-sig"))
            details = raw.get("pupil") if isinstance(raw, dict) else None
        except (OSError, ValueError, RecursionError, PupilFileError):
            details = None
        if isinstance(details, dict):
            text = {k: details.get(k) for k in ("upn", "first_name", "last_name")}
            if all(isinstance(v, str) for v in text.values()):
                found.append(
                    UnreadablePupil(file, reason, str(text["upn"]), str(text["first_name"]),
                                    str(text["last_name"]), known=True)
                )  # fmt: skip
                continue
        found.append(UnreadablePupil(file, reason))
    return found


class _Context:
    """What planning knows: the pupils in the folder (by UPN, by name and date of birth, by
    name alone, and those that cannot be read), and what earlier rows of the file claimed."""

    def __init__(
        self,
        existing: Sequence[Pupil],
        unreadable: Sequence[UnreadablePupil],
        new_id: Callable[[], str] | None = None,
    ) -> None:
        self.by_upn = {p.pupil.upn.casefold(): p for p in existing if p.pupil.upn}
        self.by_name = {
            _name_key(p.pupil.first_name, p.pupil.last_name, p.pupil.date_of_birth): p
            for p in existing
            if p.pupil.date_of_birth
        }
        self.by_plain_name: dict[tuple[str, str], list[Pupil]] = {}
        for pupil in existing:
            key = _plain_name(pupil.pupil.first_name, pupil.pupil.last_name)
            self.by_plain_name.setdefault(key, []).append(pupil)
        self.unreadable = list(unreadable)
        self.new_id = new_id
        # Earlier rows: by UPN, by name and date of birth, by name alone; pupil id -> row.
        self.seen_upn: dict[str, int] = {}
        self.seen_name: dict[tuple[str, str, str], int] = {}
        self.seen_without_ids: dict[tuple[str, str], int] = {}
        self.matched: dict[str, int] = {}

    def unreadable_match(self, upn: str, first: str, last: str) -> UnreadablePupil | None:
        name = _plain_name(first, last)
        for pupil in self.unreadable:
            if not pupil.known:
                return pupil
            if (upn and pupil.upn.upper() == upn.upper()) or (
                _plain_name(pupil.first_name, pupil.last_name) == name
            ):
                return pupil
        return None


def _plain_name(first: str, last: str) -> tuple[str, str]:
    return (" ".join(first.casefold().split()), " ".join(last.casefold().split()))


def plan_import(
    table: Table,
    existing: Sequence[Pupil],
    mapping: Mapping | None = None,
    *,
    new_id: Callable[[], str] | None = None,
    unreadable: Sequence[UnreadablePupil] = (),
) -> ImportPlan:
    """What importing ``table`` into a folder holding ``existing`` would do, row by row.

    ``unreadable``: the folder's pupil files that do not load; a row that might be one of them
    is rejected (adding it would make a second copy of that pupil)."""
    mapping = detect_mapping(table.headers) if mapping is None else mapping
    lacking = missing_targets(mapping)
    if lacking:
        what = " or ".join(t.value.lower() for t in lacking)
        raise ImportFileError(f"{table.path.name}: no column holds the pupils' {what}; map one")
    context = _Context(existing, unreadable, new_id)
    plans = [
        _plan_row(number, cells, table.headers, mapping, context) for number, cells in table.rows
    ]
    return ImportPlan(table, mapping, plans)


def _looks_like_formula(text: str) -> bool:
    """A cell a spreadsheet would run: anything starting "=", "+", "-", "@", a tab or a
    carriage return that is not a plain number ("-2+3+cmd|..." is a formula)."""
    return text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _PLAIN_NUMBER.fullmatch(text)


_PLAIN_NUMBER: Final = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _name_key(first: str, last: str, dob: str) -> tuple[str, str, str]:
    return (" ".join(first.casefold().split()), " ".join(last.casefold().split()), dob)


def _plan_row(
    number: int, cells: tuple[str, ...], headers: Sequence[str], mapping: Mapping, context: _Context
) -> RowPlan:
    values: dict[Target, list[str]] = {}
    for index, target in mapping.items():
        if target is not None and index < len(cells) and cells[index]:
            values.setdefault(target, []).append(cells[index])
    first = (values.get(Target.FIRST_NAME) or [""])[0]
    last = (values.get(Target.LAST_NAME) or [""])[0]
    name = " ".join(part for part in (first, last) if part)
    try:
        _check_cells(cells, headers, values, first, last)
        found = _parse(values)
        existing = _existing_pupil(number, first, last, found, context)
    except RowError as error:
        return RowPlan(number, Outcome.REJECTED, name, str(error))
    if existing is not None:
        if existing.id in context.matched:
            reason = f"matches the same pupil as row {context.matched[existing.id]}"
            return RowPlan(number, Outcome.REJECTED, name, reason)
        context.matched[existing.id] = number
        updated, changes = _apply(existing, found)
        if not changes:
            return RowPlan(number, Outcome.UNCHANGED, existing.full_name, pupil=existing)
        return RowPlan(number, Outcome.UPDATED, existing.full_name, changes=changes, pupil=updated)
    data: dict[str, Any] = {
        "id": context.new_id() if context.new_id else Store.new_pupil("", "").id,
        "pupil": {"first_name": first, "last_name": last},
    }
    pupil, _ = _apply(Pupil.model_validate(data), found)
    return RowPlan(number, Outcome.NEW, pupil.full_name, pupil=pupil)


def _check_cells(
    cells: tuple[str, ...],
    headers: Sequence[str],
    values: dict[Target, list[str]],
    first: str,
    last: str,
) -> None:
    """RowError unless the row has its cells, both names and no spreadsheet formula."""
    if len(cells) != len(headers):
        raise RowError(f"has {len(cells)} cells, but the header has {len(headers)}")
    if not first or not last:
        raise RowError("missing " + ("first name" if not first else "surname"))
    for target, texts in values.items():
        for text in texts:
            if _looks_like_formula(text):
                raise RowError(
                    f"the {target.value.lower()} {text[:30]!r} looks like a spreadsheet "
                    "formula, not data"
                )


def _existing_pupil(
    number: int, first: str, last: str, found: dict[str, Any], context: _Context
) -> Pupil | None:
    """The folder's pupil this row updates, None for a new pupil; RowError when the row
    repeats an earlier one or cannot be told apart from a pupil (or an unreadable file)."""
    upn = found.get("upn", "")
    if upn:
        if upn.casefold() in context.seen_upn:
            first_row = context.seen_upn[upn.casefold()]
            raise RowError(f"duplicate UPN {upn} in the file (also on row {first_row})")
        context.seen_upn[upn.casefold()] = number
    name_key = _name_key(first, last, found.get("date_of_birth", ""))
    if not upn and found.get("date_of_birth"):
        if name_key in context.seen_name:
            raise RowError(
                f"the same pupil as row {context.seen_name[name_key]} (name and date of birth)"
            )
        context.seen_name[name_key] = number
    existing = (context.by_upn.get(upn.casefold()) if upn else None) or context.by_name.get(
        name_key
    )
    if existing is None and not upn and not found.get("date_of_birth"):
        existing = _by_name_alone(number, first, last, found, context)
    if existing is None:
        suspect = context.unreadable_match(upn, first, last)
        if suspect is not None:
            raise RowError(
                f"might be the pupil in {suspect.file}, which cannot be read ({suspect.reason}); "
                "fix or update that file first, so the pupil is not added twice"
            )
    return existing


def _by_name_alone(
    number: int, first: str, last: str, found: dict[str, Any], context: _Context
) -> Pupil | None:
    """Nothing identifies this row but the name: a re-run after a crash must not add the
    pupil twice. Match on name and group, or refuse."""
    plain = _plain_name(first, last)
    if plain in context.seen_without_ids:
        raise RowError(
            f"the same name as row {context.seen_without_ids[plain]}, and neither has a "
            "UPN or date of birth to tell them apart"
        )
    context.seen_without_ids[plain] = number
    namesakes = context.by_plain_name.get(plain, [])
    groups = {g.casefold() for g in found.get("groups", [])}
    same_group = [p for p in namesakes if groups & {g.casefold() for g in p.pupil.groups}]
    if len(same_group) == 1:
        return same_group[0]
    if namesakes:
        raise RowError(
            f"has no UPN or date of birth, and {len(namesakes)} pupil(s) of that name are "
            "already in the folder"
            + (" in the same group" if same_group else "")
            + ": add a UPN or date of birth so the row matches one pupil"
        )
    return None


def _parse(values: dict[Target, list[str]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if Target.FIRST_NAME in values:
        found["first_name"] = values[Target.FIRST_NAME][0]
    if Target.LAST_NAME in values:
        found["last_name"] = values[Target.LAST_NAME][0]
    if Target.PREFERRED_NAME in values:
        found["preferred_name"] = values[Target.PREFERRED_NAME][0]
    if Target.DATE_OF_BIRTH in values:
        found["date_of_birth"] = parse_birth_date(values[Target.DATE_OF_BIRTH][0])
    if Target.UPN in values:
        found["upn"] = parse_upn(values[Target.UPN][0])
    if Target.YEAR_GROUP in values:
        found["year_group"] = parse_year(values[Target.YEAR_GROUP][0])
    if Target.GROUP in values:
        groups: list[str] = []
        for value in values[Target.GROUP]:
            if value not in groups:
                groups.append(value)
        found["groups"] = groups
    if Target.STATUS in values:
        found["status"] = parse_status(values[Target.STATUS][0])
    if Target.PRIMARY_NEED in values:
        found["primary_need"] = parse_need(values[Target.PRIMARY_NEED][0])
    if Target.SECONDARY_NEED in values:
        needs = [parse_need(v) for v in values[Target.SECONDARY_NEED]]
        found["secondary_needs"] = list(dict.fromkeys(needs))
    return found


_FIELDS: Final = [  # (key in `found`, section, key in the file, label)
    ("first_name", "pupil", "first_name", "First name"),
    ("last_name", "pupil", "last_name", "Last name"),
    ("preferred_name", "pupil", "preferred_name", "Preferred name"),
    ("date_of_birth", "pupil", "date_of_birth", "Date of birth"),
    ("upn", "pupil", "upn", "UPN"),
    ("year_group", "pupil", "year_group", "Year group"),
    ("groups", "pupil", "groups", "Groups"),
    ("status", "send", "status", "SEN status"),
    ("primary_need", "send", "primary_need", "Primary need"),
    ("secondary_needs", "send", "secondary_needs", "Other needs"),
]


def _apply(pupil: Pupil, found: dict[str, Any]) -> tuple[Pupil, list[Change]]:
    """``pupil`` with the identity and SEND values the file gives; the portrait is untouched."""
    data = pupil.model_dump(mode="json")
    changes = []
    for key, section, name, label in _FIELDS:
        if key not in found:
            continue  # an empty cell or an unmapped column says nothing: keep what is there
        before, after = data[section][name], found[key]
        if before != after:
            data[section][name] = after
            changes.append(Change(label, _show(before), _show(after)))
    if not changes:
        return pupil, []
    return Pupil.model_validate(data), changes


def _show(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


# -- doing it ---------------------------------------------------------------------------------


@dataclass
class ImportResult:
    touched: list[Touched] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # rows that could not be saved, and why
    record: Path | None = None  # the undo record in the data folder


def run_import(
    plan: ImportPlan,
    store: Store,
    *,
    by: str = "",
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Save every new and updated pupil of ``plan`` (normal saves: history keeps the old).

    When ``cancelled()`` turns true it stops between two pupils and raises ImportCancelled
    with what was saved so far, so that it can be undone like a whole import. Each save is
    written to the import's record in the data folder as it happens, so the import can be
    undone later, after a restart or a crash too (record.py).
    """
    result = ImportResult()
    todo = plan.to_save
    if not todo:
        return result
    writer = RecordWriter(store, source, by or "MIS import")
    result.record = writer.path
    try:
        for index, row in enumerate(todo):
            if cancelled is not None and cancelled():
                raise ImportCancelled(result)
            _save_row(row, store, writer, result, by or "MIS import")
            if progress:
                progress(index + 1, len(todo))
    finally:
        writer.close()
    return result


def _save_row(
    row: RowPlan, store: Store, writer: RecordWriter, result: ImportResult, who: str
) -> None:
    """Save one row's pupil, recorded for undo; a failure is added to ``result.failed``."""
    assert row.pupil is not None
    before = row.pupil.revision if row.outcome is Outcome.UPDATED else None
    # The intent goes in the record before the save, so a crash (or a kill) between
    # the save and its completion line still leaves the pupil where undo finds it.
    stamp = clock.now().astimezone(dt.UTC).replace(microsecond=0)
    intended = row.pupil.model_copy(update={"updated_at": stamp.isoformat(), "updated_by": who})
    writer.intend(intended, before)
    try:
        saved = store.save(row.pupil, by=who, now=stamp)
    except SaveConflict:
        with contextlib.suppress(OSError):  # (left out, undo finds it unsaved)
            writer.failed(row.pupil.id)  # nothing was written
        result.failed.append(f"Row {row.row}: {row.name} changed while importing; import again")
    except (OSError, ValueError) as error:
        # Usually nothing was written; if the file is the import's after all, the
        # intent stays without a completion, and undo puts it back (record.py).
        if not _is_on_disk(store, intended):
            with contextlib.suppress(OSError):
                writer.failed(row.pupil.id)
        reason = plain_reason(error)
        result.failed.append(f"Row {row.row}: {row.name} could not be saved: {reason}")
    else:
        touched = Touched(row.pupil.id, before, saved.revision)
        writer.add(touched)
        result.touched.append(touched)


def _is_on_disk(store: Store, intended: Pupil) -> bool:
    try:
        return fingerprint(store.load(intended.id)) == fingerprint(intended)
    except (OSError, ValueError, LookupError):
        return False


def undo_import(result: ImportResult, store: Store, *, by: str = "") -> list[str]:
    """Put back every pupil the import touched that nobody changed since; returns the pupils
    left as they are, each with the reason."""
    if result.record is None:
        return []
    return undo(read_record(result.record), store, by=by).left
