"""A data folder on a drive without hard links (a FAT32 or exFAT USB stick, some shares).

History files are written without ever replacing one: by a hard link where the drive has them,
by an exclusive create where it does not. Simulated by making os.link fail as the drive does;
the last test uses a real exFAT drive when the machine can mount one.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from penportrait.core import files
from penportrait.core.draft import Draft, Failed, Saved
from penportrait.core.model import Pupil
from penportrait.core.store import Store


def with_about(pupil: Pupil, text: str) -> Pupil:
    return pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
    )


def refuse_links(monkeypatch: pytest.MonkeyPatch, code: int = errno.EPERM) -> None:
    """link() fails as Linux's vfat and exfat drivers make it fail: EPERM."""

    def no_link(source: object, target: object, *args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(source), None, str(target))

    monkeypatch.setattr(os, "link", no_link)


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if files.is_temporary_name(p.name))


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP])
def test_a_pupil_saves_again_and_again_where_the_drive_has_no_hard_links(
    store: Store, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    refuse_links(monkeypatch, code)
    draft = Draft(store, user="K. Okafor")
    pupil = store.save(store.new_pupil("Ada", "Stick"), by="K. Okafor")
    draft.open(pupil)
    for n in range(3):
        draft.edit(with_about(draft.content or pupil, f"edit {n}"))
        assert isinstance(draft.save(), Saved)
    assert store.load(pupil.id).revision == 4
    assert store.history(pupil.id) == [3, 2, 1]
    abouts = [store.load_revision(pupil.id, r).portrait.about_me for r in (3, 2, 1)]
    assert abouts == ["edit 1", "edit 0", ""]
    for revision in (1, 2, 3):
        mode = (store.history_dir / pupil.id / f"{revision}.json").stat().st_mode
        assert mode & 0o777 == files.FILE_MODE
    assert leftovers(store.root) == []


def test_without_hard_links_an_existing_file_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_links(monkeypatch)
    target = tmp_path / "history" / "3.json"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"synced from the other laptop")
    where = files.write_new(target, b"this laptop's revision 3")
    assert target.read_bytes() == b"synced from the other laptop"
    assert where != target and where.parent == target.parent
    assert where.read_bytes() == b"this laptop's revision 3"
    # The same bytes again: already there, nothing new written.
    assert files.write_new(target, b"synced from the other laptop") == target
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(["3.json", where.name])


def test_without_hard_links_a_write_that_fails_leaves_no_part_of_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_links(monkeypatch)
    real_fsync = os.fsync
    calls = []

    def fsync_fails_in_place(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the first is the temporary file's, the second the new file's
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_fails_in_place)
    target = tmp_path / "history" / "1.json"
    with pytest.raises(OSError):
        files.write_new(target, b"{}")
    assert list(target.parent.iterdir()) == []


def test_a_real_permission_problem_is_still_called_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No hard links, and the history folder may not be written to (the create is refused):
    the save fails, says why in words, and the pupil's file is as it was."""
    pupil = store.save(store.new_pupil("Ada", "Stick"), by="K. Okafor")
    before = store.pupil_path(pupil.id).read_bytes()
    refuse_links(monkeypatch)
    real_open = os.open
    history_file = str(store.history_dir / pupil.id / "1.json")

    def no_permission(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if os.fspath(path) == history_file:  # type: ignore[call-overload]
            raise PermissionError(errno.EACCES, "Permission denied", history_file)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", no_permission)
    draft = Draft(store, user="K. Okafor")
    draft.open(pupil)
    draft.edit(with_about(pupil, "new words"))
    outcome = draft.save()
    assert isinstance(outcome, Failed)
    assert outcome.message == (
        "Ada Stick could not be saved: you do not have permission to change files there."
    )
    assert store.pupil_path(pupil.id).read_bytes() == before
    assert leftovers(store.root) == []


def test_a_link_refused_for_another_reason_is_not_taken_for_a_missing_feature(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refuse_links(monkeypatch, errno.EACCES)
    target = tmp_path / "history" / "1.json"
    with pytest.raises(PermissionError):
        files.write_new(target, b"{}")
    assert list(target.parent.iterdir()) == []


# -- a real exFAT drive (root, a loop device and FUSE: CI's machine; skipped elsewhere) ------


@pytest.fixture
def exfat_drive(tmp_path: Path) -> Iterator[Path]:
    tools = [shutil.which(name) for name in ("mkfs.exfat", "mount.exfat-fuse", "losetup")]
    if os.geteuid() != 0 or not all(tools) or not Path("/dev/fuse").exists():
        pytest.skip("needs root, exfatprogs, exfat-fuse and /dev/fuse to mount an exFAT drive")
    image = tmp_path / "stick.img"
    with image.open("wb") as stream:
        stream.truncate(32 * 1024 * 1024)
    subprocess.run(["mkfs.exfat", str(image)], check=True, capture_output=True)
    found = subprocess.run(
        ["losetup", "-f", "--show", str(image)], capture_output=True, text=True, check=False
    )
    if found.returncode != 0:
        pytest.skip(f"no loop device: {found.stderr.strip()}")
    device = found.stdout.strip()
    where = tmp_path / "stick"
    where.mkdir()
    try:
        mounted = subprocess.run(
            ["mount.exfat-fuse", device, str(where)], capture_output=True, check=False
        )
        if mounted.returncode != 0:
            pytest.skip(f"cannot mount exFAT here: {mounted.stderr.decode().strip()}")
        try:
            yield where
        finally:
            subprocess.run(["umount", str(where)], check=False)
    finally:
        subprocess.run(["losetup", "-d", device], check=False)


def test_a_pupil_saves_again_and_again_on_a_real_exfat_stick(exfat_drive: Path) -> None:
    probe = exfat_drive / "probe"
    probe.write_bytes(b"")
    with pytest.raises(OSError):
        os.link(probe, exfat_drive / "probe-link")  # the drive really has no hard links
    store = Store(exfat_drive / "PenPortrait")
    pupil = store.save(store.new_pupil("Ada", "Stick"), by="K. Okafor")
    for n in range(3):
        pupil = store.save(with_about(pupil, f"edit {n}"), by="K. Okafor")
    assert pupil.revision == 4
    assert store.history(pupil.id) == [3, 2, 1]
    assert store.load_revision(pupil.id, 3).portrait.about_me == "edit 1"
    assert leftovers(store.root) == []
