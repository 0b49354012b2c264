"""Small builders shared by the tests."""

from __future__ import annotations

import copy
import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

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


class ReadOnlyFolder:
    """A copy of a data folder that can be switched to read-only and back: a small tmpfs
    remounted read-only when the tests run as root (as CI does; root ignores file permissions),
    else the files' write permissions removed."""

    def __init__(self, source: Path, where: Path) -> None:
        self.root = where / "school"
        self.mounted = False
        where.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            mount = ["mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", str(where)]
            if subprocess.run(mount, capture_output=True, check=False).returncode != 0:
                pytest.skip("running as root without permission to mount a read-only folder")
            self.mounted = True
        self.where = where
        shutil.copytree(source, self.root)

    def read_only(self, on: bool = True) -> None:
        if self.mounted:
            option = "remount,ro" if on else "remount,rw"
            subprocess.run(["mount", "-o", option, str(self.where)], check=True)
            return
        for path in [self.root, *self.root.rglob("*")]:
            mode = path.stat().st_mode
            write = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
            path.chmod(mode & ~write if on else mode | stat.S_IWUSR)

    def close(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.where)], check=False)
        else:
            self.read_only(False)
