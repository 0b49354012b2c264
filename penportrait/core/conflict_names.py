"""The names sync clients give conflict copies, as data, and how to recognise them.

When two laptops edit the same file while apart, the sync client keeps one version under the
real name and writes the other beside it under a "conflict copy" name. Each client has its own
pattern; they are declared once here (one entry per client, with where the pattern comes from)
and everything else (the folder scan, ``check``, ``conflicts``, the app) reads them.

Where each pattern comes from (looked up 2026-11 with the project's search tool; only
Syncthing was also run for real, see tests/integration/test_syncthing.py):

- Syncthing: its FAQ, "What if there is a conflict?", quoted in the Syncthing forum thread
  forum.syncthing.net/t/how-does-conflict-resolution-work/15113:
  ``<filename>.sync-conflict-<date>-<time>-<modifiedBy>.<ext>`` (date YYYYMMDD, time HHMMSS,
  a 7-character device ID prefix; older versions leave the device part out). A modification
  beats a deletion: the modified file comes back without a copy.
- Dropbox: ``<name> (<who>'s conflicted copy <YYYY-MM-DD>).<ext>``, as matched by users'
  clean-up scripts (gist.github.com/jduprey/232ba910265d4cbbd495: "demo-current (Thor's
  conflicted copy 2014-09-14).png"; gist.github.com/purpleidea/0ed86f735807759d455c).
- Nextcloud and ownCloud desktop clients: ``<name> (conflicted copy <YYYY-MM-DD> <HHMMSS>).<ext>``
  (the OpenCloud desktop client's docs, a fork of the same client: opencloud-eu/docs,
  docs/user/desktop-client/conflict-files.md; ownCloud client issue #6365 moved to this form
  from ``<name>_conflict-<YYYYMMDD>-<HHMMSS>.<ext>``, which older clients still write).
- Google Drive for desktop: a copy "named as 'Conflicted copy' followed by the user's name and
  date" (a third-party FAQ, wisfile.ai "What is a conflicted copy in Google Drive"; Google's own
  help was not found). Numbered duplicates ``<name> (1).<ext>`` are recognised too, because a
  pupil id never contains a space or a bracket, so such a file can only be a copy.
- OneDrive (and SharePoint through the OneDrive client): the computer's name appended,
  ``<name>-<COMPUTERNAME>.<ext>``, then ``-<COMPUTERNAME>-1`` ... (the onedrive Linux client's
  issues skilion/onedrive#338 and #265 show ``<filename>-<hostname>.md`` and
  ``<filename>-<hostname>-1.md``; a third-party FAQ also reports ``-<user>-<computer>``).

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

from penportrait.core.folder import SCHOOL_WIDE_FILES
from penportrait.core.model import is_valid_id


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
        re.compile(r"(?P<stem>.+?)\.sync-conflict-\d{8}-\d{6}(?:-(?P<device>[A-Z0-9]{7}))?"),
        "<name>.sync-conflict-20261124-101500-ABCDEF7.json",
    ),
    ClientPattern(
        "Dropbox",
        re.compile(
            r"(?P<stem>.+?) \((?P<person>.+)'s conflicted copy \d{4}-\d{2}-\d{2}(?: \(?\d+\)?)?\)"
        ),
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
_UUID: Final = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# NetBIOS computer names: at most 15 letters, digits and hyphens; then -1, -2 ... for more.
_COMPUTER: Final = r"[A-Za-z0-9][A-Za-z0-9_-]{0,14}?(?:-\d{1,3})?"
# After a whole UUID any "-<suffix>" is a copy: no id PenPortrait makes looks like that.
_ONEDRIVE_PUPIL: Final = re.compile(
    rf"(?P<stem>{_UUID})-(?P<computer>[A-Za-z0-9][A-Za-z0-9_-]{{0,63}})"
)
_ONEDRIVE_COMPUTER: Final = re.compile(_COMPUTER)
_ONEDRIVE_SUFFIX: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,40}")
_PLAIN_PUPIL: Final = re.compile(rf"{_UUID}\.json")
_SCHOOL_STEMS: Final = tuple(name.removesuffix(".json") for name in SCHOOL_WIDE_FILES)


@dataclass(frozen=True)
class CopyName:
    """A recognised conflict copy: the file it belongs to and the client that made it."""

    original: str  # e.g. "<id>.json" or "school.json"
    client: str
    # Where the copy came from, when the name tells: "device ABCDEF7" (Syncthing),
    # "K. Okafor's Dropbox", "computer TA-LAPTOP-3" (OneDrive); otherwise "".
    origin: str = ""


def _origin(found: re.Match[str]) -> str:
    groups = found.groupdict()
    if groups.get("device"):
        return f"device {groups['device']}"
    if groups.get("person"):
        return f"{groups['person']}'s Dropbox"
    if groups.get("computer"):
        return f"computer {groups['computer']}"
    return ""


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
            return CopyName(f"{found['stem']}.json", entry.client, _origin(found))
        if found and len(found["stem"]) < len(stem):
            # A copy of a copy (two clients, or a clash on the copy itself).
            inner = recognise_pupil_copy(f"{found['stem']}.json", beside)
            if inner is not None:
                return CopyName(inner.original, entry.client, _origin(found) or inner.origin)
    if is_valid_id(stem):
        found = _ONEDRIVE_PUPIL.fullmatch(stem)
        if found:
            return CopyName(f"{found['stem']}.json", ONEDRIVE, _origin(found))
        if beside:
            for cut in range(len(stem) - 1, 0, -1):
                if (
                    stem[cut] == "-"
                    and f"{stem[:cut]}.json" in beside
                    and _ONEDRIVE_COMPUTER.fullmatch(stem[cut + 1 :])
                ):
                    return CopyName(f"{stem[:cut]}.json", ONEDRIVE, f"computer {stem[cut + 1 :]}")
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
        if stem.startswith(school + "-") and _ONEDRIVE_SUFFIX.fullmatch(stem[len(school) + 1 :]):
            return CopyName(f"{school}.json", ONEDRIVE)
    return None
