"""The pupil file, format version 2 (DESIGN.md, "The data folder").

Version 2 gave medical notes a structure a first-aider recognises (condition, signs, what to
do, where the kit is, whom to call; an alert or routine care), let a contact be marked as the
one to call during cover, and added "How I communicate" and "Signs I am getting upset, and what
helps". Version 1 files still load (``migrate``) and are written as version 2 on the next save.

One pupil per JSON file. The models are strict (a number is not a string, "yes" is not a
boolean) so that a wrong type is reported rather than guessed at, and every model keeps keys it
does not know, so a file written by a newer tool loses nothing when this one saves it.

Run ``python -m penportrait.core.model`` to print the JSON Schema (``make schema`` writes it to
``docs/pupil.schema.json``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic.fields import FieldInfo

from penportrait.core import sections
from penportrait.core.sections import Kind

FORMAT_NAME: Final = "penportrait.pupil"
FORMAT_VERSION: Final = 2
OLDEST_FORMAT_VERSION: Final = 1

ID_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
_ID_RE: Final = re.compile(ID_PATTERN)
# <id>.jpg (folders from before) or <id>.<hash>.jpg (core.photos): never a path, never "..".
PHOTO_PATTERN: Final = r"^([A-Za-z0-9][A-Za-z0-9_-]{0,63}(\.[0-9a-f]{12})?\.(jpg|png))?$"


class SendStatus(StrEnum):
    """Where the pupil is on the SEND Code of Practice's graduated approach."""

    NONE = "none"
    MONITORING = "monitoring"
    SEN_SUPPORT = "sen_support"
    EHCP = "ehcp"


SEND_STATUS_LABELS: Final[dict[SendStatus, str]] = {
    SendStatus.NONE: "No SEND",
    SendStatus.MONITORING: "Monitoring",
    SendStatus.SEN_SUPPORT: "SEN support",
    SendStatus.EHCP: "EHC plan",
}


class NeedArea(StrEnum):
    """The four broad areas of need of the SEND Code of Practice, plus the DfE's extra codes."""

    COMMUNICATION = "communication_interaction"
    COGNITION = "cognition_learning"
    SEMH = "semh"
    SENSORY_PHYSICAL = "sensory_physical"
    OTHER = "other"


NEED_AREA_LABELS: Final[dict[NeedArea, str]] = {
    NeedArea.COMMUNICATION: "Communication and interaction",
    NeedArea.COGNITION: "Cognition and learning",
    NeedArea.SEMH: "Social, emotional and mental health",
    NeedArea.SENSORY_PHYSICAL: "Sensory and/or physical",
    NeedArea.OTHER: "Other",
}


class NeedCode(StrEnum):
    """The DfE SEN type codes (school census)."""

    SLCN = "SLCN"
    ASD = "ASD"
    SPLD = "SPLD"
    MLD = "MLD"
    SLD = "SLD"
    PMLD = "PMLD"
    SEMH = "SEMH"
    HI = "HI"
    VI = "VI"
    MSI = "MSI"
    PD = "PD"
    OTH = "OTH"
    NSA = "NSA"


# Plain-English label and broad area of each need code. Codes are for files and the MIS;
# people see the labels.
NEED_CODES: Final[dict[NeedCode, tuple[str, NeedArea]]] = {
    NeedCode.SLCN: ("Speech, language and communication needs", NeedArea.COMMUNICATION),
    NeedCode.ASD: ("Autism", NeedArea.COMMUNICATION),
    NeedCode.SPLD: ("Specific learning difficulty (such as dyslexia)", NeedArea.COGNITION),
    NeedCode.MLD: ("Moderate learning difficulty", NeedArea.COGNITION),
    NeedCode.SLD: ("Severe learning difficulty", NeedArea.COGNITION),
    NeedCode.PMLD: ("Profound and multiple learning difficulty", NeedArea.COGNITION),
    NeedCode.SEMH: ("Social, emotional and mental health", NeedArea.SEMH),
    NeedCode.HI: ("Hearing impairment", NeedArea.SENSORY_PHYSICAL),
    NeedCode.VI: ("Vision impairment", NeedArea.SENSORY_PHYSICAL),
    NeedCode.MSI: ("Multi-sensory impairment", NeedArea.SENSORY_PHYSICAL),
    NeedCode.PD: ("Physical disability", NeedArea.SENSORY_PHYSICAL),
    NeedCode.OTH: ("Other difficulty or disability", NeedArea.OTHER),
    NeedCode.NSA: ("SEN support but no specialist assessment of type of need", NeedArea.OTHER),
}


# Opening a folder validates tens of thousands of dates, and a school's dates repeat (review
# days, birthdays), so valid ones are remembered. Invalid ones raise and are not cached.
@functools.lru_cache(maxsize=16384)
def _check_iso_date(value: str) -> str:
    """An ISO ``YYYY-MM-DD`` date that exists, or the empty string."""
    if value == "":
        return value
    if not _DATE_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} is not a real date") from None
    return value


_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _check_timestamp(value: str) -> str:
    if value == "":
        return value
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date and time") from None
    return value


IsoDate = Annotated[
    str,
    AfterValidator(_check_iso_date),
    Field(json_schema_extra={"pattern": r"^(\d{4}-\d{2}-\d{2})?$"}),
]
Timestamp = Annotated[str, AfterValidator(_check_timestamp)]
# The file holds plain strings; these Literals mirror SendStatus and NeedCode (a test keeps
# them in step) so that strict validation accepts the strings and names the allowed values.
StatusValue = Literal["none", "monitoring", "sen_support", "ehcp"]
NeedCodeValue = Literal[
    "SLCN", "ASD", "SPLD", "MLD", "SLD", "PMLD", "SEMH", "HI", "VI", "MSI", "PD", "OTH", "NSA"
]
NeedCodeOrEmpty = Literal["", NeedCodeValue]


class _Part(BaseModel):
    """Every part of the file: strict types, unknown keys kept and written back."""

    model_config = ConfigDict(extra="allow", strict=True, validate_assignment=False)


class Strategy(_Part):
    """One way to help the pupil. Essential ("must do") strategies print first."""

    text: str
    essential: bool = False
    bank_id: str | None = None


class Contact(_Part):
    """A key adult: whom to go to about this pupil. ``cover`` marks the one to call when the
    usual staff are away (most pupils' first contact is the teacher who is absent)."""

    name: str
    role: str = ""
    cover: bool = False


MedicalKindValue = Literal["alert", "routine"]


class MedicalNote(_Part):
    """A medical need, as a first-aider reads it: what it is, what to look for, what to do.

    An ``alert`` can become an emergency (anaphylaxis, seizures, asthma) and is printed in the
    alert box; ``routine`` care (daily stretches, a hearing-aid check) is printed as care."""

    kind: MedicalKindValue = "alert"
    condition: str = ""
    signs: str = ""
    action: str = ""  # what to do, in plain words: printed first
    kit: str = ""  # where the medicine or kit is kept
    call: str = ""  # whom to call

    @property
    def is_alert(self) -> bool:
        return self.kind == "alert"


class PupilDetails(_Part):
    """Who the pupil is (the file's ``pupil`` key)."""

    first_name: str
    last_name: str
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: IsoDate = ""
    year_group: str = ""
    groups: list[str] = Field(default_factory=list)
    upn: str = ""
    photo: Annotated[str, Field(pattern=PHOTO_PATTERN)] = ""
    photo_consent: bool = False


class Send(_Part):
    """The pupil's SEND status and needs."""

    status: StatusValue = "none"
    primary_need: NeedCodeOrEmpty = ""
    secondary_needs: list[NeedCodeValue] = Field(default_factory=list)
    summary: str = ""


# One field for each section of core/sections.py that the file holds under ``portrait``. They
# are declared by hand so that code can name them; a section added to the registry and not
# declared here gets its field from ``declare_section_fields`` (a test checks the two agree).
class Portrait(_Part):
    """The one-page portrait itself."""

    about_me: str = ""
    like_admire: str = ""
    important_to_me: str = ""
    strengths: list[str] = Field(default_factory=list)
    difficulties: list[str] = Field(default_factory=list)
    strategies: list[Strategy] = Field(default_factory=list)
    avoid: list[str] = Field(default_factory=list)
    pupil_voice: str = ""
    family_voice: str = ""
    communication: str = ""  # How I communicate
    upset_signs: str = ""  # Signs I am getting upset, and what helps
    targets: list[str] = Field(default_factory=list)
    medical: list[MedicalNote] = Field(default_factory=list)
    access_arrangements: list[str] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)


# The field each kind of section has in the pupil file.
SECTION_FIELD_TYPES: Final[dict[Kind, Any]] = {
    Kind.TEXT: str,
    Kind.LIST: list[str],
    Kind.STRATEGIES: list[Strategy],
    Kind.MEDICAL: list[MedicalNote],
    Kind.CONTACTS: list[Contact],
}
_DECLARED_BY_HAND: Final = frozenset(Portrait.__pydantic_fields__)


def section_field(kind: Kind) -> FieldInfo:
    """The model field of a section of ``kind``: empty text or an empty list by default."""
    default: Any = "" if kind is Kind.TEXT else Field(default_factory=list)
    return FieldInfo.from_annotated_attribute(SECTION_FIELD_TYPES[kind], default)


def declare_section_fields() -> None:
    """Give ``Portrait`` a field for every portrait section of the registry it does not declare
    by hand, and drop any it was given for a section no longer there; then rebuild the models
    that hold it. Runs on import, and again when a test changes the registry."""
    fields = Portrait.__pydantic_fields__
    wanted = {s.key: s for s in sections.portrait_sections() if s.key not in _DECLARED_BY_HAND}
    changed = False
    for key in [k for k in fields if k not in _DECLARED_BY_HAND and k not in wanted]:
        del fields[key]
        changed = True
    for key, entry in wanted.items():
        if key not in fields:
            fields[key] = section_field(entry.kind)
            changed = True
    if changed:
        Portrait.model_rebuild(force=True)
        Pupil.model_rebuild(force=True)


class Review(_Part):
    """When the portrait was last reviewed, with whom, and when it is next due."""

    last_reviewed: IsoDate = ""
    next_review: IsoDate = ""
    written_with: list[str] = Field(default_factory=list)
    author: str = ""


class Pupil(_Part):
    """One pupil file: ``pupils/<id>.json``."""

    format: Literal["penportrait.pupil"] = FORMAT_NAME
    format_version: Literal[2] = FORMAT_VERSION
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    revision: Annotated[int, Field(ge=0)] = 0
    updated_at: Timestamp = ""
    updated_by: str = ""
    pupil: PupilDetails
    send: Send = Field(default_factory=Send)
    portrait: Portrait = Field(default_factory=Portrait)
    review: Review = Field(default_factory=Review)

    @property
    def display_name(self) -> str:
        """The name a teacher uses: preferred name (or first name) and surname."""
        first = self.pupil.preferred_name or self.pupil.first_name
        return f"{first} {self.pupil.last_name}".strip()

    @property
    def full_name(self) -> str:
        return f"{self.pupil.first_name} {self.pupil.last_name}".strip()

    def to_json(self) -> str:
        """The file's text: UTF-8, pretty-printed, keys in a stable order."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


declare_section_fields()


def load_pupil_json(data: bytes | str) -> Pupil:
    """A pupil from a file's text, of this format version or any older one.

    The current version validates straight from JSON (the fast path when opening thousands of
    files); an older one is migrated in memory first. The file itself is not touched: the next
    save writes the current version (and the old revision goes to history as usual). Raises
    ValidationError when the text is not a valid pupil file of any version we read.
    """
    try:
        return Pupil.model_validate_json(data)
    except ValidationError:
        try:
            raw = json.loads(data)
        except (ValueError, RecursionError):  # the ValidationError says what is wrong
            raw = None
        if isinstance(raw, dict) and _is_older(raw.get("format_version")):
            return Pupil.model_validate(migrate(raw))
        raise


def _is_older(version: object) -> bool:
    return (
        isinstance(version, int)
        and not isinstance(version, bool)
        and OLDEST_FORMAT_VERSION <= version < FORMAT_VERSION
    )


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """A pupil file's data, brought up from an older format version to the current one."""
    data = dict(raw)
    if data.get("format_version") == 1:
        portrait = data.get("portrait")
        if isinstance(portrait, dict):
            medical = portrait.get("medical")
            if isinstance(medical, list):
                # A version 1 note was one line of text: keep every word as the condition, and
                # treat it as an alert (the safe reading) until someone sorts it.
                portrait = dict(portrait)
                portrait["medical"] = [
                    {"kind": "alert", "condition": note} if isinstance(note, str) else note
                    for note in medical
                ]
                data["portrait"] = portrait
        data["format_version"] = 2
    return data


def is_valid_id(value: str) -> bool:
    """Whether ``value`` can name a pupil file (no path separators, no dots, not empty)."""
    return _ID_RE.fullmatch(value) is not None


def describe_errors(error: ValidationError) -> list[tuple[str, str]]:
    """Turn pydantic's errors into (field, reason) pairs a person can act on."""
    found: list[tuple[str, str]] = []
    for item in error.errors(include_url=False):
        field = ".".join(str(part) for part in item["loc"])
        kind = item["type"]
        if kind == "missing":
            reason = "is required but missing"
        elif kind == "value_error":
            reason = str(item["ctx"]["error"]) if "ctx" in item else item["msg"]
        elif kind == "string_pattern_mismatch" and field.endswith("photo"):
            reason = "should be a file name in photos/ such as <id>.jpg"
        elif kind == "string_pattern_mismatch":
            reason = "should be 1 to 64 letters, digits, '-' or '_' (it names the file)"
        elif kind == "json_invalid":
            reason = f"is not valid JSON ({item['ctx']['error'] if 'ctx' in item else item['msg']})"
        else:
            given = item.get("input")
            shown = json.dumps(given, ensure_ascii=False) if _is_small(given) else ""
            reason = item["msg"].replace("Input should", "should", 1)
            reason = reason[0].lower() + reason[1:]
            reason = re.sub(r"a valid dictionary or instance of (\w+)", _thing, reason)
            reason = reason.replace("a valid array", "a list").replace(
                "a valid dictionary", "an object"
            )
            if shown:
                reason = f"{reason} (found {shown})"
        found.append((field, reason))
    return found


def _thing(match: re.Match[str]) -> str:
    """A model's class name in words ('MedicalNote' -> 'a medical note'): the person reading the
    message never sees the code's names."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", match.group(1)).lower()
    return f"{'an' if words[:1] in ('a', 'e', 'i', 'o', 'u') else 'a'} {words}"


def _is_small(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and len(str(value)) <= 60


def schema_json() -> str:
    """The JSON Schema of the pupil file, as committed in docs/pupil.schema.json."""
    schema = Pupil.model_json_schema(mode="validation")
    schema["$id"] = f"https://penportrait.invalid/schema/pupil-v{FORMAT_VERSION}.json"
    schema["title"] = f"PenPortrait pupil file, format version {FORMAT_VERSION}"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_json(), end="")
