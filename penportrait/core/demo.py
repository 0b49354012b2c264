"""Write the sample school (Ashbrook Academy, fictional) into a data folder.

The pupils come from ``sample_pupils``; this module turns them into pupil files dated relative
to today (so some reviews are always due), gives them valid-looking UPNs, and draws a cartoon
avatar for each pupil whose family gave photo consent. No real photograph is involved.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid
from pathlib import Path
from typing import Any, Final

from PIL import Image, ImageDraw

from penportrait.core import files, sections
from penportrait.core.model import Pupil
from penportrait.core.sample_class import class_pupils
from penportrait.core.sample_pupils import PUPILS, SCHOOL_NAME, SENCO
from penportrait.core.school import EmergencyContact, SchoolSettings, save_school
from penportrait.core.store import Store

from . import clock

_NAMESPACE: Final = uuid.UUID("8a0d6a9e-3c55-4a3e-9a57-6b0b6c1f2d10")
_UPN_LETTERS: Final = "ABCDEFGHJKLMNPQRTUVWXYZ"
AUTHOR: Final = "K. Okafor"


class FolderNotEmptyError(FileExistsError):
    """The target already holds pupils; the sample is never written over real data."""


def write_sample_school(root: Path, *, today: dt.date | None = None) -> list[Pupil]:
    """Write the sample school into ``root`` (which must have no pupils yet)."""
    store = Store(root)
    if not store.is_empty():
        raise FolderNotEmptyError(f"{root} already has pupils; choose an empty folder")
    today = today or clock.today()
    settings = SchoolSettings(
        name=SCHOOL_NAME,
        emergency_contacts=[
            EmergencyContact(who="School office", where="main entrance, extension 200"),
            EmergencyContact(who="On-call senior leader", where="radio, or extension 210"),
            EmergencyContact(who="SENCO, Mrs K. Okafor", where="room G12, extension 230"),
        ],
    )
    save_school(root, settings)
    written = []
    for index, entry in enumerate([*PUPILS, *class_pupils()]):
        pupil = sample_pupil(entry, index, today, settings)
        if entry["photo"]:
            name = f"{pupil.id}.jpg"
            files.write_atomic(store.photos_dir / name, draw_avatar(entry, index))
            pupil = pupil.model_copy(
                update={"pupil": pupil.pupil.model_copy(update={"photo": name})}
            )
        stamp = dt.datetime.combine(
            today - dt.timedelta(days=min(entry["reviewed_days_ago"], 30)),
            dt.time(15, 40),
            tzinfo=dt.UTC,
        )
        written.append(store.save(pupil, by=AUTHOR, now=stamp))
    return written


def sample_pupil(
    entry: dict[str, Any], index: int, today: dt.date, settings: SchoolSettings
) -> Pupil:
    """One sample pupil as a (not yet saved) Pupil."""
    rng = random.Random(f"{entry['first_name']} {entry['last_name']}")
    last_reviewed = today - dt.timedelta(days=entry["reviewed_days_ago"])
    return Pupil.model_validate(
        {
            "id": str(uuid.uuid5(_NAMESPACE, f"{entry['first_name']} {entry['last_name']}")),
            "pupil": {
                "first_name": entry["first_name"],
                "last_name": entry["last_name"],
                "preferred_name": entry["preferred_name"],
                "pronouns": entry["pronouns"],
                "date_of_birth": _birthday(entry["year"], today, rng).isoformat(),
                "year_group": f"Year {entry['year']}",
                "groups": entry["groups"],
                "upn": make_upn(index),
                "photo": "",
                "photo_consent": entry["photo"],
            },
            "send": {
                "status": entry["status"],
                "primary_need": entry["primary_need"],
                "secondary_needs": entry["secondary_needs"],
                "summary": entry["summary"],
            },
            "portrait": {
                # The sample's prose and lists, by the registry's keys: a section added
                # there is filled in when the sample school writes it.
                **{key: entry[key] for key in _written_keys() if key in entry},
                "medical": [
                    {"kind": "alert", "condition": note} if isinstance(note, str) else note
                    for note in entry["medical"]
                ],
                "strategies": [
                    # (text, MUST DO) or (text, MUST DO, the bank strategy it is)
                    {"text": item[0], "essential": item[1], "bank_id": (*item, None)[2]}
                    for item in entry["strategies"]
                ],
                "contacts": [dict(c) for c in entry["contacts"]],
            },
            "review": {
                "last_reviewed": last_reviewed.isoformat(),
                "next_review": settings.next_review_after(last_reviewed).isoformat(),
                "written_with": entry["written_with"],
                "author": AUTHOR if SENCO in entry["contacts"] else entry["contacts"][0]["name"],
            },
        }
    )


def _written_keys() -> list[str]:
    """The portrait sections the sample writes as they are: its text and plain lists."""
    kinds = (sections.Kind.TEXT, sections.Kind.LIST)
    return [s.key for s in sections.portrait_sections() if s.kind in kinds]


def _birthday(year_group: int, today: dt.date, rng: random.Random) -> dt.date:
    """A date of birth that puts the pupil in ``year_group`` this school year (England)."""
    school_year_start = today.year if today.month >= 9 else today.year - 1
    first = dt.date(school_year_start - year_group - 5, 9, 1)
    return first + dt.timedelta(days=rng.randrange(365))


def make_upn(index: int) -> str:
    """A made-up UPN in the DfE's format, with a correct check letter (LA code 999: fictional)."""
    establishment, serial = 2000 + index // 1000 % 8000, index % 1000
    body = f"999{establishment:04d}{24:02d}{serial:03d}"
    total = sum(int(digit) * weight for digit, weight in zip(body, range(2, 14), strict=True))
    return _UPN_LETTERS[total % 23] + body


# -- avatars ----------------------------------------------------------------------------------

_SKIN: Final = {
    "light": "#f5d0b5",
    "light-medium": "#e8b48f",
    "medium": "#c68b5e",
    "dark": "#8d5a3b",
}
_HAIR: Final = {
    "black": "#2b2222",
    "brown": "#6b4226",
    "blonde": "#e2c06b",
    "red": "#b5532a",
    "ginger": "#c8642d",
}
_BACKGROUNDS: Final = ["#cfe3f7", "#d7efd4", "#fbe3c4", "#e6d9f5", "#f7d4dc", "#d3eeee"]
_JUMPERS: Final = {"4": "#2f6b3a", "8": "#1f3d7a", "10": "#5b2a6e"}


def draw_avatar(entry: dict[str, Any], index: int, size: int = 480) -> bytes:
    """A friendly cartoon head-and-shoulders, as JPEG bytes."""
    skin_name, hair_name, style = entry["look"]
    skin, hair = _SKIN[skin_name], _HAIR[hair_name]
    scale = 2  # draw large, then shrink: smooth edges without an anti-aliasing library
    s = size * scale
    image = Image.new("RGB", (s, s), _BACKGROUNDS[index % len(_BACKGROUNDS)])
    pen = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (int(x0 * s), int(y0 * s), int(x1 * s), int(y1 * s))

    jumper = _JUMPERS.get(str(entry["year"]), "#1f3d7a")
    # Long hair falls behind the shoulders, so it is drawn first.
    if style in ("long", "hijab"):
        colour = hair if style == "long" else _scarf_colour(index)
        pen.rounded_rectangle(box(0.27, 0.22, 0.73, 0.80), radius=int(0.16 * s), fill=colour)
    pen.ellipse(box(0.14, 0.70, 0.86, 1.30), fill=jumper)  # shoulders
    pen.polygon(
        [
            (int(0.42 * s), int(0.70 * s)),
            (int(0.5 * s), int(0.80 * s)),
            (int(0.58 * s), int(0.70 * s)),
        ],
        fill="#ffffff",
    )
    pen.rectangle(box(0.45, 0.58, 0.55, 0.73), fill=skin)  # neck
    if style == "hijab":
        pen.ellipse(box(0.26, 0.16, 0.74, 0.72), fill=_scarf_colour(index))
    pen.ellipse(box(0.31, 0.22, 0.69, 0.66), fill=skin)  # face
    pen.ellipse(box(0.285, 0.40, 0.33, 0.49), fill=skin)  # ears
    pen.ellipse(box(0.67, 0.40, 0.715, 0.49), fill=skin)
    _draw_hair(pen, box, style, hair, index)
    # Eyes, cheeks and a smile.
    pen.ellipse(box(0.405, 0.41, 0.44, 0.45), fill="#2a1f1a")
    pen.ellipse(box(0.56, 0.41, 0.595, 0.45), fill="#2a1f1a")
    pen.ellipse(box(0.415, 0.418, 0.427, 0.43), fill="#ffffff")
    pen.ellipse(box(0.571, 0.418, 0.583, 0.43), fill="#ffffff")
    pen.ellipse(box(0.36, 0.48, 0.41, 0.52), fill=_blend(skin, "#e87a7a", 0.35))
    pen.ellipse(box(0.59, 0.48, 0.64, 0.52), fill=_blend(skin, "#e87a7a", 0.35))
    pen.arc(box(0.43, 0.46, 0.57, 0.57), start=20, end=160, fill="#7a2e2e", width=int(0.012 * s))
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=90)
    return out.getvalue()


def _draw_hair(pen: ImageDraw.ImageDraw, box: Any, style: str, hair: str, index: int) -> None:
    if style == "hijab":
        return
    if style == "patka":
        pen.ellipse(box(0.33, 0.14, 0.67, 0.38), fill=_scarf_colour(index))
        pen.ellipse(box(0.45, 0.10, 0.55, 0.20), fill=_scarf_colour(index))
        return
    if style == "puffs":
        pen.ellipse(box(0.22, 0.14, 0.40, 0.32), fill=hair)
        pen.ellipse(box(0.60, 0.14, 0.78, 0.32), fill=hair)
    if style == "curly":
        for x in (0.32, 0.40, 0.48, 0.56, 0.64):
            pen.ellipse(box(x - 0.07, 0.15, x + 0.07, 0.31), fill=hair)
        pen.ellipse(box(0.27, 0.24, 0.37, 0.40), fill=hair)
        pen.ellipse(box(0.63, 0.24, 0.73, 0.40), fill=hair)
        return
    # A cap of hair over the top of the head, with a fringe line.
    pen.chord(box(0.30, 0.17, 0.70, 0.55), start=180, end=360, fill=hair)
    pen.rectangle(box(0.30, 0.34, 0.35, 0.44 if style != "short" else 0.38), fill=hair)
    pen.rectangle(box(0.65, 0.34, 0.70, 0.44 if style != "short" else 0.38), fill=hair)
    if style == "bob":
        pen.rounded_rectangle(box(0.28, 0.30, 0.36, 0.58), radius=20, fill=hair)
        pen.rounded_rectangle(box(0.64, 0.30, 0.72, 0.58), radius=20, fill=hair)
    if style == "ponytail":
        pen.ellipse(box(0.66, 0.22, 0.80, 0.46), fill=hair)


def _scarf_colour(index: int) -> str:
    return ["#3b5ba5", "#8c3b5e", "#2e7d6b", "#c27c2c"][index % 4]


def _blend(a: str, b: str, amount: float) -> str:
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(x + (y - x) * amount) for x, y in zip(ca, cb, strict=True)]
    return "#" + "".join(f"{v:02x}" for v in mixed)
