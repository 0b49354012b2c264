"""Each photo chosen keeps its own file; the pupil file says which is theirs (issue 12).

Photos no pupil, trashed pupil, import record or kept revision names are removed once an hour
old (they are sensitive personal data), and listed by Check data until then.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from penportrait.core import files, leftovers, operations
from penportrait.core.leftovers import MAX_NAMING_FILE_BYTES
from penportrait.core.model import Pupil
from penportrait.core.photos import UNUSED_PHOTO_SECONDS
from penportrait.core.store import HISTORY_KEPT, Store


def picture(tmp_path: Path, colour: str) -> Path:
    path = tmp_path / f"{colour}.png"
    Image.new("RGB", (60, 80), colour).save(path)
    return path


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Move the file system's clock on past UNUSED_PHOTO_SECONDS (as if the photos were chosen
    that long ago; a file's change time cannot be set back)."""

    def move_on() -> None:
        real = files.file_system_now
        monkeypatch.setattr(
            files, "file_system_now", lambda folder: (real(folder) or 0) + UNUSED_PHOTO_SECONDS + 60
        )

    return move_on


def saved_with(store: Store, pupil: Pupil, photo: Path) -> Pupil:
    return store.save(operations.add_photo(store, pupil, photo))


@pytest.fixture
def pupil(store: Store) -> Pupil:
    return store.save(store.new_pupil("Amy", "Shaw"))


def test_each_photo_chosen_gets_its_own_file_and_the_first_is_never_written_over(
    store: Store, pupil: Pupil, tmp_path: Path
) -> None:
    red = saved_with(store, pupil, picture(tmp_path, "red"))
    red_path = store.photo_path(red)
    assert red_path is not None
    red_bytes = red_path.read_bytes()
    blue = saved_with(store, red, picture(tmp_path, "blue"))
    assert blue.pupil.photo != red.pupil.photo
    assert red_path.read_bytes() == red_bytes  # the earlier revision still shows red
    assert store.photo_path(store.load_revision(pupil.id, red.revision)) == red_path
    # The same picture chosen again is the same file.
    again = operations.add_photo(store, blue, picture(tmp_path, "red"))
    assert again.pupil.photo == red.pupil.photo
    assert red.pupil.photo.startswith(f"{pupil.id}.") and red.pupil.photo.endswith(".jpg")


def test_a_64_character_id_still_makes_a_valid_photo_name(store: Store, tmp_path: Path) -> None:
    long_id = "a" * 64
    pupil = Pupil.model_validate(
        {"id": long_id, "pupil": {"first_name": "Long", "last_name": "Id"}}
    )
    named = operations.add_photo(store, pupil, picture(tmp_path, "red"))
    assert Pupil.model_validate_json(named.to_json()).pupil.photo == named.pupil.photo


@pytest.mark.parametrize(
    "name", ["../x.jpg", "a.b.jpg", "a.0123456789ab.0123456789ab.jpg", ".0123456789ab.jpg"]
)
def test_the_photo_field_still_names_only_a_file_in_photos(name: str) -> None:
    with pytest.raises(ValueError):
        Pupil.model_validate({"id": "p1", "pupil": {"photo": name}})


def test_photos_still_named_are_kept_and_an_unnamed_old_one_is_listed_not_removed(
    store: Store, pupil: Pupil, tmp_path: Path, later: Callable[[], None]
) -> None:
    red = saved_with(store, pupil, picture(tmp_path, "red"))
    blue = saved_with(store, red, picture(tmp_path, "blue"))  # red is named by history
    chosen_then_undone = operations.add_photo(store, blue, picture(tmp_path, "green"))
    assert leftovers.unused_photos(store) == []  # green is young: its pupil may be about to save
    later()
    green = store.photos_dir / chosen_then_undone.pupil.photo
    assert leftovers.unused_photos(store) == [green]
    problems = operations.check_folder(store).problems
    assert [p.file for p in problems] == [f"photos/{green.name}"]
    assert "--remove-unused-photos" in problems[0].reason
    # Opening the folder never removes it: an editor elsewhere may still undo back to it.
    assert operations.remove_leftovers(store) == 0 and green.exists()
    assert leftovers.remove_unused_photos(store) == 1  # when a person asks
    assert not green.exists()
    assert store.photo_path(store.load(pupil.id)) is not None
    assert store.photo_path(store.load_revision(pupil.id, red.revision)) is not None


def test_a_trashed_a_damaged_or_an_old_style_pupil_keeps_its_photo(
    store: Store, pupil: Pupil, tmp_path: Path, later: Callable[[], None]
) -> None:
    trashed = saved_with(store, pupil, picture(tmp_path, "red"))
    store.delete(trashed.id)
    other = saved_with(store, store.new_pupil("Ben", "Cole"), picture(tmp_path, "blue"))
    damaged = store.pupil_path(other.id)
    damaged.write_text(damaged.read_text(encoding="utf-8")[:-40], encoding="utf-8")  # cut short
    old_style = store.save(store.new_pupil("Cal", "Dunn"))
    (store.photos_dir / f"{old_style.id}.jpg").write_bytes(picture(tmp_path, "green").read_bytes())
    store.save(
        old_style.model_copy(
            update={"pupil": old_style.pupil.model_copy(update={"photo": f"{old_style.id}.jpg"})}
        )
    )
    later()
    assert leftovers.unused_photos(store) == []
    operations.remove_leftovers(store)
    assert len(list(store.photos_dir.iterdir())) == 3


def test_a_photo_goes_once_no_kept_revision_names_it(
    store: Store, pupil: Pupil, tmp_path: Path, later: Callable[[], None]
) -> None:
    red = saved_with(store, pupil, picture(tmp_path, "red"))
    current = saved_with(store, red, picture(tmp_path, "blue"))
    for n in range(HISTORY_KEPT):
        current = store.save(
            current.model_copy(
                update={"pupil": current.pupil.model_copy(update={"preferred_name": f"A{n}"})}
            )
        )
    later()
    assert [p.name for p in leftovers.unused_photos(store)] == [red.pupil.photo]


def test_an_unreadable_history_keeps_every_photo(
    store: Store,
    pupil: Pupil,
    tmp_path: Path,
    later: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    red = saved_with(store, pupil, picture(tmp_path, "red"))
    saved_with(store, red, picture(tmp_path, "blue"))
    later()
    real = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if "history" in path.parts:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert leftovers.unused_photos(store) == []


def test_a_photo_just_arrived_by_sync_is_kept_however_old_its_time_says(
    store: Store, pupil: Pupil, tmp_path: Path
) -> None:
    """A sync client gives an arriving file the sender's modification time; the pupil file
    naming it may arrive a moment later. Its change time says it is new here."""
    arrived = store.photos_dir / f"{pupil.id}.0123456789ab.jpg"
    arrived.parent.mkdir(parents=True, exist_ok=True)
    arrived.write_bytes(picture(tmp_path, "red").read_bytes())
    two_days_ago = time.time() - 2 * 86400
    os.utime(arrived, (two_days_ago, two_days_ago))
    assert leftovers.unused_photos(store) == []


def test_a_photo_named_with_json_escapes_is_still_named(
    store: Store, pupil: Pupil, tmp_path: Path, later: Callable[[], None]
) -> None:
    red = saved_with(store, pupil, picture(tmp_path, "red"))
    path = store.pupil_path(pupil.id)
    escaped = red.pupil.photo.replace(".", "\\u002e")
    path.write_text(path.read_text(encoding="utf-8").replace(red.pupil.photo, escaped), "utf-8")
    assert store.load(pupil.id).pupil.photo == red.pupil.photo
    later()
    assert leftovers.unused_photos(store) == []


def test_a_huge_file_among_the_pupils_keeps_every_photo(
    store: Store, pupil: Pupil, tmp_path: Path, later: Callable[[], None]
) -> None:
    """It is not read whole to look for names (it may be anything); nothing is removed."""
    operations.add_photo(store, pupil, picture(tmp_path, "red"))  # chosen, never saved
    with (store.pupils_dir / "huge.json").open("wb") as huge:
        huge.truncate(MAX_NAMING_FILE_BYTES + 1)  # sparse: costs no disk
    later()
    assert leftovers.unused_photos(store) == []


def test_a_photo_named_with_other_case_is_not_unused(
    store: Store, pupil: Pupil, tmp_path: Path, later: Callable[[], None]
) -> None:
    red = saved_with(store, pupil, picture(tmp_path, "red"))
    path = store.photos_dir / red.pupil.photo
    # A case-insensitive share (Windows, macOS, SMB) opens the photo whatever its case.
    path.rename(path.with_name(path.name.upper().replace(".JPG", ".jpg")))
    later()
    assert leftovers.unused_photos(store) == []
