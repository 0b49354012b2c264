"""One pupil file: read safely (no links, no pipes, nothing huge) and parsed, or a Problem
naming the file, the field and what is wrong. The store reads every pupil through here; so do
the conflict merger and the importer, for files the store would not load."""

from __future__ import annotations

import errno
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pydantic import ValidationError

from penportrait.core import sections
from penportrait.core.folder import PUPIL_SUFFIX
from penportrait.core.model import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Pupil,
    describe_errors,
    load_pupil_json,
)

# Never follow a link out of the folder; never block on a FIFO named like a pupil file.
_READ_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
)
# A portrait is a few kilobytes and photos live beside it, so anything this big is not a pupil
# file; it is reported without being read into memory.
MAX_PUPIL_FILE_BYTES: Final = 2 * 1024 * 1024
# The file a save replaces is read to check its revision and keep it in history: one written
# before saves were held to the limit above may be bigger, and must still be replaceable by a
# shortened version (never read on a scan; a save reads only the one file it replaces).
MAX_REPLACED_FILE_BYTES: Final = 64 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file: where (relative to the data folder), which field, why."""

    file: str
    field: str
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.field}: {self.reason}"
            if self.field
            else f"{self.file}: {self.reason}"
        )


class PupilTooBig(ValueError):
    """A pupil whose file would be over MAX_PUPIL_FILE_BYTES: it is not written, since it
    could not be read back. ``reason`` names the field that holds the most."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.reason = reason


def check_size(pupil: Pupil, data: bytes) -> None:
    """Raise PupilTooBig when ``data`` (the pupil's file) is over the read limit."""
    if len(data) <= MAX_PUPIL_FILE_BYTES:
        return
    label, size = max(_field_sizes(pupil), key=lambda item: item[1])
    limit_mb = MAX_PUPIL_FILE_BYTES // 1_048_576
    raise PupilTooBig(
        pupil.display_name or "This pupil",
        f"“{label}” is too long: {_megabytes(size)} of text, and a pupil's whole portrait can "
        f"hold at most {limit_mb} MB (about {limit_mb} million letters). Shorten it (a paste "
        "may have brought in more than you meant)",
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 104_858 else f"{size // 1024} KB"


def _field_sizes(pupil: Pupil) -> list[tuple[str, int]]:
    """(label in the editor, bytes in the file) of each section and part of a pupil."""

    def size(value: object) -> int:
        return len(json.dumps(value, ensure_ascii=False).encode("utf-8"))

    data = pupil.model_dump(mode="json")
    found = [
        (spec.editor_label, size(data["portrait"].get(spec.key)))
        for spec in sections.portrait_sections()
    ]
    found += [
        ("The pupil's details", size(data["pupil"])),
        ("SEND details", size(data["send"])),
        ("The review", size(data["review"])),
    ]
    return found


class PupilFileError(Exception):
    """A pupil file that could not be loaded. The file is left as it was."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def read_bytes(path: str | Path, where: str, *, limit: int = MAX_PUPIL_FILE_BYTES) -> bytes:
    """The file's bytes, refusing (without reading) anything far too big to be a pupil
    (``limit`` bytes).

    Plain os.open/os.read: this runs once per pupil when a folder opens, and the buffered
    file object costs more than the read itself.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW: a symbolic link
            raise PupilFileError(
                [
                    Problem(
                        where,
                        "",
                        "is a link to another file; only files inside the data folder "
                        "are read, so it was not read",
                    )
                ]
            ) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # a FIFO would hang the read, a device fill memory
            raise PupilFileError(
                [Problem(where, "", "is not a regular file (a pipe, device or folder); not read")]
            )
        size = info.st_size
        if size > limit:
            raise PupilFileError(
                [
                    Problem(
                        where,
                        "",
                        f"is {size / 1_048_576:.1f} MB, far too big for a pupil file "
                        f"(at most {MAX_PUPIL_FILE_BYTES // 1_048_576} MB); it was not read",
                    )
                ]
            )
        # Network shares may return short reads: read until the end of the file.
        chunks = []
        while chunk := os.read(fd, max(size, 65_536)):
            chunks.append(chunk)
            if sum(map(len, chunks)) > limit:
                break
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def parse(where: str, file_name: str, data: bytes) -> Pupil:
    def fail(field_name: str, reason: str) -> PupilFileError:
        return PupilFileError([Problem(where, field_name, reason)])

    try:
        pupil = load_pupil_json(data)
    except ValidationError as error:
        if not data.strip():
            raise fail("", f"is empty ({len(data)} bytes)") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as bad:
            reason = f"is not UTF-8 text (byte 0x{data[bad.start]:02x} at position {bad.start})"
            raise fail("", reason) from None
        if text.startswith("\ufeff"):  # a byte-order mark from a Windows editor
            try:
                pupil = load_pupil_json(text[1:])
            except ValidationError as again:
                raise explain(where, text[1:], again) from None
        else:
            raise explain(where, text, error) from None
    if pupil.id != file_name.removesuffix(PUPIL_SUFFIX):
        raise fail("id", f"is {pupil.id!r} but the file is named {file_name}")
    return pupil


def explain(where: str, text: str, error: ValidationError) -> PupilFileError:
    """The problems of a file that did not validate; a newer or foreign file says so first."""
    try:
        raw = json.loads(text)
    except ValueError:
        raw = None
    except RecursionError:  # thousands of nested brackets: not a pupil, and not loaded
        return PupilFileError(
            [Problem(where, "", "is nested far too deeply to be a pupil file; it was not read")]
        )
    if isinstance(raw, dict):
        version = raw.get("format_version")
        if raw.get("format", FORMAT_NAME) != FORMAT_NAME:
            return PupilFileError(
                [
                    Problem(
                        where,
                        "format",
                        f"is {raw.get('format')!r}, not a PenPortrait pupil file",
                    )
                ]
            )
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            return PupilFileError(
                [
                    Problem(
                        where,
                        "format_version",
                        f"is {version}, written by a newer PenPortrait (this one reads "
                        f"version {FORMAT_VERSION}); update PenPortrait to open it. "
                        "The file was left as it is.",
                    )
                ]
            )
    return PupilFileError([Problem(where, f, r) for f, r in describe_errors(error)])


def os_reason(error: OSError) -> str:
    return f"could not be read ({error.strerror or error})"
