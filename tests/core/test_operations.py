"""The data-folder operations the window calls (core.operations), tested without Qt."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from PIL import Image

from penportrait.core import operations
from penportrait.core.bank import load_bank
from penportrait.core.folder import DataFolder
from penportrait.core.model import Pupil
from penportrait.core.operations import OperationFailed
from penportrait.core.school import load_school
from penportrait.core.store import STALE_TEMP_SECONDS, Store
from tests.helpers import ReadOnlyFolder


def saved(store: Store, first: str = "Amira", last: str = "Hussain") -> Pupil:
    return store.save(store.new_pupil(first, last), by="K. Okafor")


def test_a_new_pupil_is_blank_and_not_written(store: Store) -> None:
    pupil = operations.new_pupil(store)
    assert pupil.revision == 0 and pupil.display_name.strip() == ""
    assert store.scan().pupils == []


def test_delete_moves_the_file_to_the_trash_and_restore_brings_it_back(store: Store) -> None:
    pupil = saved(store)
    folder = DataFolder(store.root)
    operations.delete_pupil(store, pupil.id)
    assert not folder.pupil_file(pupil.id).exists()
    assert (folder.trash / f"{pupil.id}.json").exists()
    assert store.scan().pupils == []

    back = operations.restore_pupil(store, pupil.id)
    assert back.id == pupil.id and back.display_name == "Amira Hussain"
    assert [p.id for p in store.scan().pupils] == [pupil.id]


def test_deleting_or_restoring_what_is_not_there_fails_in_words(store: Store) -> None:
    with pytest.raises(OperationFailed) as deleting:
        operations.delete_pupil(store, "no-such-pupil")
    with pytest.raises(OperationFailed) as restoring:
        operations.restore_pupil(store, "no-such-pupil")
    for failure in (deleting, restoring):
        text = str(failure.value)
        assert text[:1].isupper() and text.endswith(".") and "Traceback" not in text


def test_restore_never_replaces_a_pupil_already_there(store: Store) -> None:
    pupil = saved(store)
    operations.delete_pupil(store, pupil.id)
    trashed = (DataFolder(store.root).trash / f"{pupil.id}.json").read_bytes()
    store.save(pupil.model_copy(update={"revision": 0}), by="Someone else")  # same id again
    kept = DataFolder(store.root).pupil_file(pupil.id).read_bytes()
    with pytest.raises(OperationFailed):
        operations.restore_pupil(store, pupil.id)
    assert DataFolder(store.root).pupil_file(pupil.id).read_bytes() == kept
    assert (DataFolder(store.root).trash / f"{pupil.id}.json").read_bytes() == trashed


def _png(tmp_path: Path, name: str = "face.png") -> Path:
    out = io.BytesIO()
    Image.new("RGB", (40, 50), "teal").save(out, "PNG")
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def test_add_photo_keeps_a_copy_and_names_it_on_the_pupil(store: Store, tmp_path: Path) -> None:
    pupil = saved(store)
    updated = operations.add_photo(store, pupil, _png(tmp_path))
    assert updated.pupil.photo
    assert (DataFolder(store.root).photos / updated.pupil.photo).is_file()
    assert store.load(pupil.id).pupil.photo == ""  # the edit is saved by the caller
    assert operations.with_photo(updated, "").pupil.photo == ""


def test_a_file_that_is_not_a_photo_fails_and_adds_nothing(store: Store, tmp_path: Path) -> None:
    pupil = saved(store)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not an image", encoding="utf-8")
    with pytest.raises(OperationFailed, match=r"notes\.jpg"):
        operations.add_photo(store, pupil, bad)
    assert not DataFolder(store.root).photos.exists() or not any(
        DataFolder(store.root).photos.iterdir()
    )


def test_save_settings_copies_the_logo_under_the_folders_name(
    data_dir: Path, tmp_path: Path
) -> None:
    settings, _problems = load_school(data_dir)
    chosen = _png(tmp_path, "Crest FINAL (2).PNG")
    saved_settings = operations.save_settings(
        data_dir, settings.model_copy(update={"name": "Ashbrook"}), chosen
    )
    # Kept re-encoded (core.photos): a fresh picture with nothing of the source's metadata.
    # A name of its own (logo.<hash>.jpg), so settings refused later leave the old logo be.
    assert re.fullmatch(r"logo\.[0-9a-f]{12}\.jpg", saved_settings.logo)
    assert saved_settings.name == "Ashbrook"
    with Image.open(data_dir / saved_settings.logo) as kept:
        assert kept.format == "JPEG" and kept.size == (40, 50) and not kept.getexif()
    on_disk = json.loads(DataFolder(data_dir).school_file.read_text(encoding="utf-8"))
    assert on_disk["logo"] == saved_settings.logo
    assert load_school(data_dir)[0].name == "Ashbrook"


def test_a_logo_that_is_not_png_or_jpeg_saves_nothing(data_dir: Path, tmp_path: Path) -> None:
    settings, _problems = load_school(data_dir)
    gif = tmp_path / "crest.gif"
    gif.write_bytes(b"GIF89a")
    with pytest.raises(OperationFailed, match=r"crest\.gif"):
        operations.save_settings(data_dir, settings.model_copy(update={"name": "X"}), gif)
    assert not DataFolder(data_dir).school_file.exists()
    assert not any(data_dir.glob("logo.*"))


def test_a_damaged_school_file_is_not_written_over(data_dir: Path) -> None:
    school = DataFolder(data_dir).school_file
    data_dir.mkdir(parents=True, exist_ok=True)
    school.write_text("{not json", encoding="utf-8")
    settings, _problems = load_school(data_dir)
    with pytest.raises(OperationFailed):
        operations.save_settings(data_dir, settings, None)
    assert school.read_text(encoding="utf-8") == "{not json"


def test_add_to_bank_and_save_bank_write_the_schools_strategies(data_dir: Path) -> None:
    bank = operations.add_to_bank(data_dir, "Sit near the door", ["ASD"])
    assert [s.text for s in bank.school] == ["Sit near the door"]
    assert [s.text for s in load_bank(data_dir).school] == ["Sit near the door"]

    kept = bank.school[0].model_copy(update={"text": "Sit near the door, facing the board"})
    operations.save_bank(data_dir, [kept], bank.revision)
    assert [s.text for s in load_bank(data_dir).school] == ["Sit near the door, facing the board"]

    with pytest.raises(OperationFailed):  # edited from an old revision: someone saved since
        operations.save_bank(data_dir, [], bank.revision)
    assert [s.text for s in load_bank(data_dir).school] == ["Sit near the door, facing the board"]


def test_an_empty_strategy_is_refused_in_words(data_dir: Path) -> None:
    with pytest.raises(OperationFailed):
        operations.add_to_bank(data_dir, "   ", ["ASD"])
    assert load_bank(data_dir).school == []


def test_check_folder_counts_files_and_names_every_problem(store: Store) -> None:
    saved(store)
    folder = DataFolder(store.root)
    (folder.pupils / "broken.json").write_text("{", encoding="utf-8")
    folder.school_file.write_text("[]", encoding="utf-8")
    check = operations.check_folder(store)
    assert check.files == 2
    named = {p.file for p in check.problems}
    assert any("broken.json" in f for f in named)
    assert any("school.json" in f for f in named)


def test_remove_leftovers_removes_only_stale_copies(store: Store) -> None:
    pupil = saved(store)
    stale = store.pupils_dir / f".{pupil.id}.json.999.abc.tmp"
    live = store.pupils_dir / f".{pupil.id}.json.998.def.tmp"
    stale.write_bytes(b"a whole pupil")
    live.write_bytes(b"being written now")
    old = stale.stat().st_mtime - 2 * STALE_TEMP_SECONDS
    os.utime(stale, (old, old))
    assert operations.remove_leftovers(store) == 1
    assert not stale.exists() and live.exists()


def test_operations_on_a_read_only_folder_fail_in_words_and_change_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "school")
    pupil = saved(store)
    stale = store.pupils_dir / f".{pupil.id}.json.999.abc.tmp"
    stale.write_bytes(b"x")
    old = stale.stat().st_mtime - 2 * STALE_TEMP_SECONDS
    os.utime(stale, (old, old))
    folder = ReadOnlyFolder(store.root, tmp_path / "mounted")
    copy = Store(folder.root)
    folder.read_only()
    try:
        with pytest.raises(OperationFailed, match=r"(?i)read-only|permission"):
            operations.delete_pupil(copy, pupil.id)
        with pytest.raises(OperationFailed):
            operations.add_to_bank(copy.root, "Sit near the door", ["ASD"])
        assert operations.remove_leftovers(copy) == 0
        assert [p.id for p in copy.scan().pupils] == [pupil.id]
        assert (copy.pupils_dir / stale.name).exists()
    finally:
        folder.close()


def _not_a_picture(tmp_path: Path, kind: str) -> Path:
    chosen = tmp_path / "crest.png"
    if kind == "webp":  # a web download named .png
        Image.new("RGB", (64, 64), "navy").save(chosen, "WEBP")
    elif kind == "text":
        chosen.write_text("not an image", encoding="utf-8")
    elif kind == "truncated":
        chosen.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x10\x00")
    elif kind == "symlink":
        real = _png(tmp_path, "real.png")
        chosen.symlink_to(real)
    elif kind == "fifo":
        os.mkfifo(chosen)
    return chosen


@pytest.mark.parametrize("kind", ["webp", "text", "truncated", "symlink", "fifo"])
def test_a_logo_that_is_not_a_usable_picture_is_refused_naming_it(
    data_dir: Path, tmp_path: Path, kind: str
) -> None:
    settings, _problems = load_school(data_dir)
    chosen = _not_a_picture(tmp_path, kind)
    with pytest.raises(OperationFailed, match=r"crest\.png") as refused:
        operations.save_settings(data_dir, settings.model_copy(update={"name": "X"}), chosen)
    assert "Errno" not in str(refused.value)
    assert not DataFolder(data_dir).school_file.exists()
    assert not any(data_dir.glob("logo.*"))
