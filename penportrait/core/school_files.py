"""The school-wide files of the data folder: saved like pupils, never over a damaged file.

``school.json``, ``strategies.json`` and ``plain_english.json`` are shared by every laptop that
uses the folder. Each carries a ``revision`` that rises by one on every save. A save runs under
the same lock as a pupil's save, reads the file on disk first and:

- refuses (SchoolFileError, nothing written) when that file does not parse or validate: a file
  the app could not read is never written over;
- refuses as a SchoolFileConflict when the file moved on since it was read (another laptop
  saved), unless the change is a merge that works from the file on disk (adding one strategy);
- keeps the version it replaces in ``history/<name>/<revision>.json`` (the last 20).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeVar

from pydantic import BaseModel, ValidationError

from penportrait.core import files
from penportrait.core.folder import DataFolder
from penportrait.core.model import describe_errors
from penportrait.core.store import HISTORY_KEPT, Problem

MAX_SCHOOL_FILE_BYTES: Final = 2 * 1024 * 1024
M = TypeVar("M", bound=BaseModel)


class SchoolFileError(ValueError):
    """A school-wide file that could not be read; it was left as it was."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class SchoolFileConflict(Exception):
    """The file was saved elsewhere since it was read; nothing was written."""

    def __init__(self, name: str, mine: int, theirs: int) -> None:
        super().__init__(
            f"{name} was changed on another computer while you were editing (you started from "
            f"revision {mine}, the file is at {theirs}). Nothing was saved: open it again to "
            "see their changes, then make yours."
        )
        self.name, self.mine, self.theirs = name, mine, theirs


# Validation context of a document read from its file (a model may bring an older file up to
# date, which it must not do to a document built in code).
FROM_FILE: Final = {"from_file": True}


def parse(name: str, model: type[M], data: bytes) -> M:
    """The document in ``data``; SchoolFileError naming the file, field and reason."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start})"
        raise SchoolFileError([Problem(name, "", reason)]) from None
    if not text.strip():
        raise SchoolFileError([Problem(name, "", f"is empty ({len(data)} bytes)")])
    try:
        return model.model_validate_json(text, context=FROM_FILE)
    except ValidationError as error:
        raise SchoolFileError([Problem(name, f, r) for f, r in describe_errors(error)]) from None
    except (RecursionError, ValueError) as error:
        raise SchoolFileError([Problem(name, "", f"is not a valid JSON file ({error})")]) from None


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, None when it does not exist; only a regular file, and not a huge one."""
    name = path.name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
                     | getattr(os, "O_NOFOLLOW", 0))  # fmt: skip
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SchoolFileError(
            [Problem(name, "", f"could not be read ({error.strerror or error})")]
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SchoolFileError([Problem(name, "", "is not a regular file; it was not read")])
        if info.st_size > MAX_SCHOOL_FILE_BYTES:
            raise SchoolFileError([Problem(name, "", "is far too big; it was not read")])
        chunks = []
        while chunk := os.read(fd, 65_536):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def load(root: Path, name: str, model: type[M]) -> M | None:
    """The document, or None when the file does not exist. Raises SchoolFileError."""
    data = read_bytes(root / name)
    return None if data is None else parse(name, model, data)


def save(
    root: Path,
    name: str,
    model: type[M],
    change: Callable[[M | None], M],
) -> M:
    """Save what ``change`` makes of the file on disk (None when there is none), as the next
    revision. ``change`` may raise SchoolFileConflict. Returns the document as saved."""
    path = root / name
    files.ensure_folder(root)
    with files.save_lock(path) as held:
        data = read_bytes(path)
        current = None if data is None else parse(name, model, data)
        wanted = change(current)
        on_disk = _revision(current)
        saved = wanted.model_copy(update={"revision": on_disk + 1})
        text = json.dumps(saved.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        model.model_validate_json(text)  # never write what cannot be read back
        if data is not None:
            _keep_in_history(root, name, on_disk, data)

        def confirm() -> None:
            # A save that stalled past the lock's age limit may have lost its lock to another
            # saver: replace only while the lock is ours and the file is the one read above.
            now = read_bytes(path)
            if held.still_held() and now == data:
                return
            theirs = on_disk
            with contextlib.suppress(SchoolFileError, ValueError):
                theirs = _revision(None if now is None else parse(name, model, now))
            raise SchoolFileConflict(name, on_disk, theirs)

        files.write_atomic(path, text.encode("utf-8"), before_replace=confirm)
    return saved


def checked(base_revision: int, wanted: M, name: str) -> Callable[[M | None], M]:
    """A change that replaces the file, if it is still at ``base_revision``."""

    def change(current: M | None) -> M:
        on_disk = _revision(current)
        if on_disk != base_revision:
            raise SchoolFileConflict(name, base_revision, on_disk)
        return wanted

    return change


def _revision(document: BaseModel | None) -> int:
    value = getattr(document, "revision", 0) if document is not None else 0
    return value if isinstance(value, int) else 0


def _keep_in_history(root: Path, name: str, revision: int, data: bytes) -> None:
    folder = DataFolder(root).school_history(name)
    files.ensure_folder(folder)
    files.write_new(folder / f"{revision}.json", data)
    kept = sorted(int(p.stem) for p in folder.iterdir() if p.suffix == ".json" and p.stem.isdigit())
    for old in kept[:-HISTORY_KEPT]:
        with contextlib.suppress(FileNotFoundError):
            (folder / f"{old}.json").unlink()


def check(root: Path) -> list[Problem]:
    """Every problem with the school-wide files (check, in the command and the app)."""
    from penportrait.core.bank import load_bank
    from penportrait.core.plain_english import load_checker
    from penportrait.core.school import load_school

    return [*load_school(root)[1], *load_bank(root).problems, *load_checker(root)[1]]
