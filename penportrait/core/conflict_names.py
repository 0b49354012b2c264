"""The names sync clients give conflict copies, as data, and how to recognise them.

When two laptops edit the same file while apart, the sync client keeps one version under the
real name and writes the other beside it under a "conflict copy" name. Each client has its own
pattern; they are declared once here (one entry per client, with where the pattern comes from)
and everything else (the folder scan, ``check``, ``conflicts``, the app) reads them.

Where each pattern comes from (looked up 2026-11; see README, "Shared and synced folders"):

- Syncthing: its FAQ, "What if there is a conflict?": ``<filename>.sync-conflict-<date>-<time>-
  <modifiedBy>.<ext>`` (date YYYYMMDD, time HHMMSS, the first 7 characters of the device ID;
  versions before 1.x leave the device part out). Also checked for real: tests/integration.
- Dropbox: ``<name> (<who>'s conflicted copy <YYYY-MM-DD>).<ext>``, with `` (1)`` ... inside the
  brackets when one day has several (Dropbox help centre, "conflicted copy"; the naming every
  clean-up script on GitHub matches, e.g. ``*(*'s conflicted copy [0-9][0-9][0-9][0-9]-...``).
- Nextcloud and ownCloud desktop clients (2.5 and later): ``<name> (conflicted copy
  <YYYY-MM-DD> <HHMMSS>).<ext>`` (Nextcloud user manual, desktop/conflicts.rst; ownCloud's
  client issue #6365 introduced it); older ownCloud clients wrote
  ``<name>_conflict-<YYYYMMDD>-<HHMMSS>.<ext>``.
- Google Drive for desktop: keeps the other version as ``<name> (Conflicted copy <who>
  <date>).<ext>`` or, for a second file of the same name, a numbered duplicate
  ``<name> (1).<ext>`` (Google Drive help, "conflicted copy"; the numbered form is also what
  Windows Explorer and OneDrive's "keep both" produce).
- OneDrive (and SharePoint through the OneDrive client): appends the computer's name,
  ``<name>-<COMPUTERNAME>.<ext>``, then ``-<COMPUTERNAME>-1`` ... for further copies (Microsoft
  support, "Fix OneDrive sync problems"; the onedrive Linux client's issues #265, #338 show
  the same ``<filename>-<hostname>`` naming).

A pupil file is ``<uuid>.json`` and a pupil id never contains a space, a bracket or a dot, so
every pattern but OneDrive's can never be a real pupil. OneDrive's ``<uuid>-<COMPUTER>.json`` is
a valid id by its characters, so it counts as a copy only when the part before the computer name
is a whole UUID (every id PenPortrait makes is one) or a file of that name is beside it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from penportrait.core.model import is_valid_id

# The school-wide files in the root of the data folder (DESIGN.md, "The data folder").
SCHOOL_WIDE_FILES: Final = ("school.json", "strategies.json", "plain_english.json")


@dataclass(frozen=True)
class ClientPattern:
    """How one sync client names the copy it keeps beside ``<stem>.json``."""

    client: str
    # Matched against the file name without ".json"; group ``stem`` is the original's name.
    pattern: re.Pattern[str]
    example: str


CLIENT_PATTERNS: Final[tuple[ClientPattern, ...]] = (
    ClientPattern(
        "Syncthing",
        re.compile(r"(?P<stem>.+?)\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?"),
        "<name>.sync-conflict-20261124-101500-ABCDEF7.json",
    ),
    ClientPattern(
        "Dropbox",
        re.compile(r"(?P<stem>.+?) \(.+'s conflicted copy \d{4}-\d{2}-\d{2}(?: \(?\d+\)?)?\)"),
        "<name> (K. Okafor's conflicted copy 2026-11-24).json",
    ),
    ClientPattern(
        "Nextcloud/ownCloud",
        re.compile(
            r"(?P<stem>.+?) \((?:conflicted copy|conflict)(?: .+)? \d{4}-\d{2}-\d{2} "
            r"\d{2}[.:-]?\d{2}[.:-]?\d{2}\)",
            re.IGNORECASE,
        ),
        "<name> (conflicted copy 2026-11-24 101500).json",
    ),
    ClientPattern(
        "ownCloud (before 2.5)",
        re.compile(r"(?P<stem>.+?)_conflict-\d{8}-\d{6}"),
        "<name>_conflict-20261124-101500.json",
    ),
    ClientPattern(
        "Google Drive for desktop",
        re.compile(r"(?P<stem>.+?) \((?:conflicted copy|conflict)\b[^()]*\)", re.IGNORECASE),
        "<name> (Conflicted copy K. Okafor 2026-11-24).json",
    ),
    ClientPattern(
        "Google Drive for desktop (numbered duplicate)",
        re.compile(r"(?P<stem>.+?) \(\d{1,3}\)"),
        "<name> (1).json",
    ),
)

# OneDrive's copies are recognised in code below (the computer name needs the context).
ONEDRIVE: Final = "OneDrive"
ONEDRIVE_EXAMPLE: Final = "<name>-LAPTOP-7.json"
_UUID: Final = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# NetBIOS computer names: at most 15 letters, digits and hyphens; then -1, -2 ... for more.
_COMPUTER: Final = r"[A-Za-z0-9][A-Za-z0-9_-]{0,14}?(?:-\d{1,3})?"
_ONEDRIVE_PUPIL: Final = re.compile(rf"(?P<stem>{_UUID})-{_COMPUTER}")
_ONEDRIVE_COMPUTER: Final = re.compile(_COMPUTER)
_PLAIN_PUPIL: Final = re.compile(rf"{_UUID}\.json")
_SCHOOL_STEMS: Final = tuple(name.removesuffix(".json") for name in SCHOOL_WIDE_FILES)


@dataclass(frozen=True)
class CopyName:
    """A recognised conflict copy: the file it belongs to and the client that made it."""

    original: str  # e.g. "<id>.json" or "school.json"
    client: str


def recognise_pupil_copy(name: str, beside: Collection[str] = ()) -> CopyName | None:
    """The pupil file ``name`` is a conflict copy of, or None when it is not one.

    ``beside`` is the other file names in the folder (optional): with it, a OneDrive copy of a
    pupil whose id is not a UUID is recognised too.
    """
    if _PLAIN_PUPIL.fullmatch(name) or not name.lower().endswith(".json"):
        return None  # the hot path: "<uuid>.json", which no client's copy looks like
    stem = name[:-5]
    for entry in CLIENT_PATTERNS:
        found = entry.pattern.fullmatch(stem)
        if found and is_valid_id(found["stem"]):
            return CopyName(f"{found['stem']}.json", entry.client)
    if is_valid_id(stem):
        found = _ONEDRIVE_PUPIL.fullmatch(stem)
        if found:
            return CopyName(f"{found['stem']}.json", ONEDRIVE)
        if beside:
            for cut in range(len(stem) - 1, 0, -1):
                if (
                    stem[cut] == "-"
                    and f"{stem[:cut]}.json" in beside
                    and _ONEDRIVE_COMPUTER.fullmatch(stem[cut + 1 :])
                ):
                    return CopyName(f"{stem[:cut]}.json", ONEDRIVE)
    return None


def is_pupil_copy(name: str) -> bool:
    """Whether a file in pupils/ is a sync client's conflict copy (never a second pupil)."""
    return recognise_pupil_copy(name) is not None


def recognise_school_copy(name: str) -> CopyName | None:
    """The school-wide file ``name`` (in the data folder's root) is a conflict copy of."""
    if not name.lower().endswith(".json") or name in SCHOOL_WIDE_FILES:
        return None
    stem = name[:-5]
    for entry in CLIENT_PATTERNS:
        found = entry.pattern.fullmatch(stem)
        if found and found["stem"] in _SCHOOL_STEMS:
            return CopyName(f"{found['stem']}.json", entry.client)
    for school in _SCHOOL_STEMS:
        if stem.startswith(school + "-") and _ONEDRIVE_COMPUTER.fullmatch(stem[len(school) + 1 :]):
            return CopyName(f"{school}.json", ONEDRIVE)
    return None
