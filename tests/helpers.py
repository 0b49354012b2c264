"""Small builders shared by the tests."""

from __future__ import annotations

import copy
from typing import Any

# The example from DESIGN.md, key for key, as format version 2 writes it.
DESIGN_EXAMPLE: dict[str, Any] = {
    "format": "penportrait.pupil",
    "format_version": 2,
    "id": "2f6c1e0a-8c1d-4d5e-9f4e-3a7b9c0d1e2f",
    "revision": 3,
    "updated_at": "2026-11-20T15:40:00+00:00",
    "updated_by": "K. Okafor",
    "pupil": {
        "first_name": "Amira",
        "last_name": "Hussain",
        "preferred_name": "Mira",
        "pronouns": "she/her",
        "date_of_birth": "2015-03-14",
        "year_group": "Year 6",
        "groups": ["6H", "Maths Set 2"],
        "upn": "",
        "photo": "2f6c1e0a-8c1d-4d5e-9f4e-3a7b9c0d1e2f.jpg",
        "photo_consent": True,
    },
    "send": {
        "status": "sen_support",
        "primary_need": "SPLD",
        "secondary_needs": [],
        "summary": "Dyslexia, assessed in 2024.",
    },
    "portrait": {
        "about_me": "",
        "like_admire": "",
        "important_to_me": "",
        "strengths": [],
        "difficulties": [],
        "strategies": [
            {"text": "Give instructions one step at a time", "essential": True, "bank_id": None}
        ],
        "avoid": [],
        "pupil_voice": "",
        "family_voice": "",
        "communication": "",
        "upset_signs": "",
        "targets": [],
        "medical": [],
        "access_arrangements": [],
        "contacts": [{"name": "Mrs K. Okafor", "role": "SENCO", "cover": False}],
    },
    "review": {
        "last_reviewed": "2026-09-18",
        "next_review": "2026-12-18",
        "written_with": ["pupil", "parent"],
        "author": "K. Okafor",
    },
}


def version_1_example(**changes: Any) -> dict[str, Any]:
    """The DESIGN.md example as format version 1 wrote it (medical notes were plain lines)."""
    data = example(**changes)
    data["format_version"] = 1
    for key in ("communication", "upset_signs"):
        data["portrait"].pop(key)
    for contact in data["portrait"]["contacts"]:
        contact.pop("cover")
    return data


def example(**changes: Any) -> dict[str, Any]:
    """A deep copy of the DESIGN.md example; ``changes`` use "section.key" paths."""
    data = copy.deepcopy(DESIGN_EXAMPLE)
    for path, value in changes.items():
        target = data
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        target[last] = value
    return data
