"""The data folder: saving, history, trash, conflicts, and files that do not load."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from penportrait.core import files, leftovers
from penportrait.core.model import Pupil
from penportrait.core.store import (
    HISTORY_KEPT,
    STALE_TEMP_SECONDS,
    NotFoundError,
    PupilFileError,
    SaveConflict,
    Store,
)
from tests.helpers import example


def saved_pupil(store: Store, first: str = "Amira", last: str = "Hussain") -> Pupil:
    return store.save(store.new_pupil(first, last), by="K. Okafor")


def with_about(pupil: Pupil, text: str) -> Pupil:
    return pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
    )


# -- saving and loading -----------------------------------------------------------------------


def test_save_writes_the_file_and_load_reads_it_back(store: Store) -> None:
    pupil = saved_pupil(store)
    on_disk = json.loads(store.pupil_path(pupil.id).read_text(encoding="utf-8"))
    assert on_disk["pupil"]["first_name"] == "Amira"
    assert on_disk["revision"] == 1
    assert on_disk["updated_by"] == "K. Okafor"
    assert on_disk["updated_at"].endswith("+00:00")
    assert store.load(pupil.id) == pupil


def test_each_save_raises_the_revision_and_keeps_the_previous_one_in_history(store: Store) -> None:
    pupil = saved_pupil(store)
    second = store.save(with_about(pupil, "I love drawing."))
    third = store.save(with_about(second, "I love drawing and cats."))
    assert (pupil.revision, second.revision, third.revision) == (1, 2, 3)
    assert store.history(pupil.id) == [2, 1]
    assert store.load_revision(pupil.id, 2).portrait.about_me == "I love drawing."


def test_history_keeps_the_last_twenty_revisions(store: Store) -> None:
    pupil = saved_pupil(store)
    for n in range(HISTORY_KEPT + 5):
        pupil = store.save(with_about(pupil, f"edit {n}"))
    kept = store.history(pupil.id)
    assert len(kept) == HISTORY_KEPT
    assert kept[0] == pupil.revision - 1
    assert kept[-1] == pupil.revision - HISTORY_KEPT


def test_the_file_is_pretty_printed_utf8_with_a_stable_key_order(store: Store) -> None:
    pupil = store.save(store.new_pupil("Llŷr", "Wójcik", preferred_name="Nguyễn 🌟"))
    text = store.pupil_path(pupil.id).read_bytes().decode("utf-8")
    assert "Llŷr" in text and "Wójcik" in text and "🌟" in text
    assert text.startswith('{\n  "format": "penportrait.pupil",\n  "format_version": 2,\n')
    assert text == pupil.to_json()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_and_folders_are_readable_by_their_owner_only(store: Store) -> None:
    pupil = saved_pupil(store)
    store.save(pupil)
    for path in (store.pupil_path(pupil.id), store.history_dir / pupil.id / "1.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(store.pupils_dir.stat().st_mode) & 0o077 == 0


def test_a_save_never_writes_what_cannot_be_read_back(store: Store) -> None:
    pupil = saved_pupil(store)
    broken = pupil.model_copy(
        update={"review": pupil.review.model_copy(update={"next_review": "2026-02-30"})}
    )
    before = store.pupil_path(pupil.id).read_bytes()
    with pytest.raises(ValueError, match="not a real date"):
        store.save(broken)
    assert store.pupil_path(pupil.id).read_bytes() == before


# -- two laptops ------------------------------------------------------------------------------


def test_a_save_from_an_old_revision_is_a_conflict_and_loses_nothing(data_dir: Path) -> None:
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    original = saved_pupil(laptop_a)
    mine = with_about(laptop_a.load(original.id), "Edited on laptop A")
    theirs = with_about(laptop_b.load(original.id), "Edited on laptop B")

    laptop_b.save(theirs, by="TA on laptop B")
    with pytest.raises(SaveConflict) as caught:
        laptop_a.save(mine, by="Teacher on laptop A")

    conflict = caught.value
    assert conflict.mine.portrait.about_me == "Edited on laptop A"
    assert conflict.theirs is not None
    assert conflict.theirs.portrait.about_me == "Edited on laptop B"
    assert conflict.theirs.updated_by == "TA on laptop B"
    assert "TA on laptop B" in str(conflict)
    # Nothing was written by the refused save.
    assert laptop_a.load(original.id).portrait.about_me == "Edited on laptop B"

    # "Keep mine": mine is saved, theirs goes to history.
    kept = laptop_a.save(conflict.keep_mine(), by="Teacher on laptop A")
    assert kept.revision == 3
    assert laptop_b.load(original.id).portrait.about_me == "Edited on laptop A"
    assert laptop_a.load_revision(original.id, 2).portrait.about_me == "Edited on laptop B"


def test_saving_a_pupil_deleted_elsewhere_is_a_conflict(data_dir: Path) -> None:
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    pupil = saved_pupil(laptop_a)
    laptop_b.delete(pupil.id)
    with pytest.raises(SaveConflict) as caught:
        laptop_a.save(with_about(pupil, "late edit"))
    assert caught.value.theirs is None
    assert "deleted elsewhere" in str(caught.value)
    restored = laptop_a.save(caught.value.keep_mine())
    assert restored.portrait.about_me == "late edit"


def test_two_processes_saving_at_once_give_one_save_and_conflicts(data_dir: Path) -> None:
    """Real processes, started together, all editing revision 1: exactly one save wins."""
    store = Store(data_dir)
    pupil = saved_pupil(store)
    go = data_dir / "go"
    script = textwrap.dedent(
        f"""
        import os, select, sys
        from penportrait.core.store import Store, SaveConflict
        store = Store({str(data_dir)!r})
        pupil = store.load({pupil.id!r})
        edited = pupil.model_copy(update={{"updated_by": sys.argv[1]}})
        print("ready", flush=True)
        while not os.path.exists({str(go)!r}):
            select.select([], [], [], 0.001)  # not time.sleep: faketime breaks it
        try:
            store.save(edited, by=sys.argv[1])
            print("saved")
        except SaveConflict:
            print("conflict")
        """
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, f"laptop {n}"],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    # Start them together only once every one has read revision 1 (a busy machine may take
    # seconds to start a process).
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    go.touch()
    outcomes = sorted(p.communicate()[0].strip() for p in procs)  # no timeout: see above
    assert outcomes == ["conflict", "conflict", "conflict", "saved"]
    assert store.load(pupil.id).revision == 2
    assert store.history(pupil.id) == [1]


def test_a_lock_left_by_a_dead_process_is_broken(store: Store) -> None:
    pupil = saved_pupil(store)
    lock = store.pupil_path(pupil.id).with_name(f"{pupil.id}.json.lock")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    lock.write_text(files.lock_token(int(dead), "crashed"), encoding="utf-8")
    assert store.save(pupil).revision == 2
    assert not lock.exists()


def test_a_lock_held_by_a_live_process_makes_the_save_wait_then_give_up(store: Store) -> None:
    pupil = saved_pupil(store)
    path = store.pupil_path(pupil.id)
    with (
        files.save_lock(path),
        pytest.raises(files.LockTimeout, match="being saved"),
        files.save_lock(path, wait=0.05),
    ):
        pass
    assert store.save(pupil).revision == 2


# -- delete, trash and restore ----------------------------------------------------------------


def test_delete_moves_the_pupil_to_the_trash_and_restore_brings_it_back(store: Store) -> None:
    pupil = saved_pupil(store)
    store.delete(pupil.id)
    assert not store.pupil_path(pupil.id).exists()
    assert [p.id for p in store.scan_trash().pupils] == [pupil.id]
    assert store.scan().pupils == []
    assert store.restore(pupil.id) == pupil
    assert store.load(pupil.id) == pupil
    assert store.scan_trash().pupils == []


def test_deleting_again_keeps_the_older_trashed_copy_in_history(store: Store) -> None:
    pupil = saved_pupil(store)
    store.delete(pupil.id)
    store.restore(pupil.id)
    newer = store.save(with_about(pupil, "second life"))
    store.delete(pupil.id)
    assert store.scan_trash().pupils == [newer]
    assert 1 in store.history(pupil.id)


def test_restore_refuses_to_replace_a_pupil_that_exists(store: Store) -> None:
    pupil = saved_pupil(store)
    store.delete(pupil.id)
    store.save(pupil.model_copy(update={"revision": 0}))
    with pytest.raises(FileExistsError):
        store.restore(pupil.id)
    assert store.scan_trash().pupils[0].id == pupil.id


def test_unknown_pupils_and_unsafe_ids(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.load("no-such-pupil")
    with pytest.raises(NotFoundError):
        store.delete("no-such-pupil")
    with pytest.raises(ValueError, match="not a pupil id"):
        store.load("../../etc/passwd")


# -- files that do not load -------------------------------------------------------------------

GOOD_ID = "2f6c1e0a-8c1d-4d5e-9f4e-3a7b9c0d1e2f"


def good_bytes(**changes: object) -> bytes:
    return (json.dumps(example(**changes), indent=2) + "\n").encode("utf-8")


BAD_FILES: dict[str, tuple[bytes, str, str]] = {
    "truncated": (good_bytes()[:150], "", "not valid JSON"),
    "not utf-8": (good_bytes().replace(b"Amira", b"Am\xefra"), "", "not UTF-8 text (byte 0xef"),
    "wrong type": (good_bytes(**{"pupil.groups": "6H"}), "pupil.groups", "should be a list"),
    "impossible date": (
        good_bytes(**{"pupil.date_of_birth": "2015-02-29"}),
        "pupil.date_of_birth",
        "2015-02-29 is not a real date",
    ),
    "future version": (
        good_bytes(format_version=3, new_section={"x": 1}),
        "format_version",
        "written by a newer PenPortrait",
    ),
    "empty": (b"", "", "is empty (0 bytes)"),
    "not a pupil": (
        b'{"format": "something.else", "id": "x"}',
        "format",
        "not a PenPortrait pupil file",
    ),
    "an array": (b"[1, 2, 3]", "", "should be an object"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_reported_left_as_it_was_and_the_rest_still_load(
    store: Store, kind: str
) -> None:
    good = saved_pupil(store, "Ollie", "Bennett")
    content, field, reason = BAD_FILES[kind]
    bad_path = store.pupils_dir / f"{GOOD_ID}.json"
    bad_path.write_bytes(content)

    scan = store.scan()

    assert scan.pupils == [good]
    assert scan.bad_files == [f"pupils/{GOOD_ID}.json"]
    assert any(p.field == field and reason in p.reason for p in scan.problems), scan.problems
    assert bad_path.read_bytes() == content
    with pytest.raises(PupilFileError) as caught:
        store.load(GOOD_ID)
    assert f"pupils/{GOOD_ID}.json" in str(caught.value)
    # And a save over it is refused: a damaged file is never overwritten.
    with pytest.raises((PupilFileError, SaveConflict)):
        store.save(Pupil.model_validate(example(revision=0)))
    assert bad_path.read_bytes() == content


def test_a_huge_file_is_reported_without_being_read(store: Store) -> None:
    bad_path = store.pupils_dir / f"{GOOD_ID}.json"
    files.ensure_folder(store.pupils_dir)
    with bad_path.open("wb") as stream:  # 50 MB, mostly a sparse hole
        stream.seek(50 * 1024 * 1024 - 1)
        stream.write(b"}")
    scan = store.scan()
    assert scan.pupils == []
    assert "50.0 MB" in scan.problems[0].reason
    assert bad_path.stat().st_size == 50 * 1024 * 1024


def test_a_file_whose_id_does_not_match_its_name_is_reported(store: Store) -> None:
    files.ensure_folder(store.pupils_dir)
    (store.pupils_dir / "someone-else.json").write_bytes(good_bytes())
    problem = store.scan().problems[0]
    assert (problem.file, problem.field) == ("pupils/someone-else.json", "id")
    assert "named someone-else.json" in problem.reason


def test_a_utf8_bom_from_a_windows_editor_is_accepted(store: Store) -> None:
    files.ensure_folder(store.pupils_dir)
    (store.pupils_dir / f"{GOOD_ID}.json").write_bytes(b"\xef\xbb\xbf" + good_bytes())
    assert [p.id for p in store.scan().pupils] == [GOOD_ID]


def test_temporary_lock_and_other_files_are_not_pupils(store: Store) -> None:
    pupil = saved_pupil(store)
    (store.pupils_dir / f".{pupil.id}.json.123.456.tmp").write_bytes(b"{half a fi")
    (store.pupils_dir / f"{pupil.id}.json.lock").write_bytes(b"")
    (store.pupils_dir / "notes.txt").write_text("hello", encoding="utf-8")
    (store.pupils_dir / ".DS_Store").write_bytes(b"\0\0")
    scan = store.scan()
    assert scan.pupils == [pupil]
    assert scan.problems == []


def test_a_missing_folder_is_empty_and_nothing_is_created_by_reading(data_dir: Path) -> None:
    store = Store(data_dir)
    assert store.is_empty()
    assert store.scan().pupils == []
    assert not data_dir.exists()


# -- issue 11: nothing chosen against is thrown away; revisions never go backwards --------------


def test_keep_theirs_keeps_my_version_in_history(data_dir: Path) -> None:
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    pupil = saved_pupil(laptop_a)
    laptop_b.save(with_about(pupil, "Theirs"))
    with pytest.raises(SaveConflict) as caught:
        laptop_a.save(with_about(pupil, "Mine"))
    kept = laptop_a.keep_in_history(caught.value.mine)
    on_disk = laptop_a.load(pupil.id)
    assert on_disk.portrait.about_me == "Theirs"
    assert on_disk.revision == kept + 1 == 4
    assert laptop_a.load_revision(pupil.id, kept).portrait.about_me == "Mine"
    assert laptop_a.history(pupil.id) == [3, 2, 1]


def test_a_pupil_kept_after_a_delete_elsewhere_continues_its_revisions(data_dir: Path) -> None:
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    pupil = saved_pupil(laptop_a)
    for n in range(3):
        pupil = laptop_a.save(with_about(pupil, f"edit {n}"))
    assert pupil.revision == 4 and laptop_a.history(pupil.id) == [3, 2, 1]
    old_history = {r: laptop_a.load_revision(pupil.id, r) for r in laptop_a.history(pupil.id)}
    laptop_b.delete(pupil.id)
    with pytest.raises(SaveConflict) as caught:
        laptop_a.save(with_about(pupil, "kept on laptop A"))
    restored = laptop_a.save(caught.value.keep_mine())
    assert restored.revision == 5
    for n in range(3):
        restored = laptop_a.save(with_about(restored, f"later {n}"))
    assert restored.revision == 8
    for revision, before in old_history.items():
        assert laptop_a.load_revision(pupil.id, revision) == before


def test_a_history_file_is_never_overwritten(store: Store) -> None:
    pupil = saved_pupil(store)
    folder = store.history_dir / pupil.id
    files.ensure_folder(folder)
    planted = b'{"planted": true}'
    (folder / "1.json").write_bytes(planted)
    store.save(pupil)
    assert (folder / "1.json").read_bytes() == planted
    assert len(list(folder.glob("1.*.json"))) == 1  # ours, beside it


def test_history_and_new_data_folders_are_owner_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "new" / "data")
    pupil = saved_pupil(store)
    store.save(pupil)
    for folder in (tmp_path / "new", store.root, store.history_dir, store.history_dir / pupil.id):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


# -- issue 11: hostile files in the folder ----------------------------------------------------


def test_a_deeply_nested_file_is_reported_and_the_rest_load(store: Store) -> None:
    saved_pupil(store)
    nested = store.pupils_dir / "11111111-1111-4111-8111-111111111111.json"
    nested.write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    scan = store.scan()
    assert len(scan.pupils) == 1
    assert [p.file for p in scan.problems] == [store.relative(nested)]
    assert "nested far too deeply" in scan.problems[0].reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs and links")
def test_a_fifo_or_a_link_out_of_the_folder_is_reported_not_read(
    store: Store, tmp_path: Path
) -> None:
    kept = saved_pupil(store)
    fifo = store.pupils_dir / "11111111-1111-4111-8111-111111111111.json"
    os.mkfifo(fifo)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    other = Store(outside)
    stranger = saved_pupil(other, "Out", "Side")
    link = store.pupils_dir / f"{stranger.id}.json"
    link.symlink_to(other.pupil_path(stranger.id))
    scan = store.scan()  # returns at once: the FIFO is never read
    assert [p.id for p in scan.pupils] == [kept.id]
    reasons = {p.file: p.reason for p in scan.problems}
    assert "not a regular file" in reasons[store.relative(fifo)]
    assert "link to another file" in reasons[store.relative(link)]


def test_stale_temporary_files_are_reported_and_removed_but_not_live_ones(store: Store) -> None:
    pupil = saved_pupil(store)
    stale = store.pupils_dir / f".{pupil.id}.json.999.abc.tmp"
    live = store.pupils_dir / f".{pupil.id}.json.998.def.tmp"
    stale.write_bytes(b"a whole pupil")
    live.write_bytes(b"being written now")
    old = stale.stat().st_mtime - 2 * STALE_TEMP_SECONDS
    os.utime(stale, (old, old))
    assert [p.file for p in leftovers.temporary_file_problems(store)] == [store.relative(stale)]
    assert leftovers.remove_stale_temporary_files(store) == 1
    assert not stale.exists() and live.exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc passwd"),
        ("..", "pupil"),
        ("Mira <b>Hussain</b>", "Mira b Hussain b"),
        ("CON", "pupil"),
        ("a\x00b\nc", "a b c"),
        ("Zoë O'Neil", "Zoë O'Neil"),
        ("Mira\u202egnp.exe", "Miragnp.exe"),  # a right-to-left override shows it as exe.png
        ("\u00a0\u2028Mira\u0085\u009b\u200b", "Mira"),  # C1 controls, line separator
        ("Zoe\u0308", "Zo\u00eb"),  # normalised (NFC)
        ("..\u2215..\u2215etc", "etc"),  # a slash look-alike
        ("COM\u00b9", "pupil"),  # Windows reserves these too
        ("\u202e\u200f \u2029", "pupil"),  # nothing left
    ],
)
def test_file_names_made_from_pupil_data_stay_in_their_folder(name: str, expected: str) -> None:
    safe = files.safe_file_name(name)
    assert safe == expected
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")


@pytest.mark.parametrize(
    "name",
    ["😀" * 80, "名" * 80, "e\u0301" * 200, "a" * 300],
    ids=["emoji", "cjk", "combining", "ascii"],
)
def test_long_file_names_are_cut_by_bytes_and_can_be_written(name: str, tmp_path: Path) -> None:
    safe = files.safe_file_name(name + " Hussain")
    assert 0 < len(safe.encode("utf-8")) <= 120
    assert name.startswith(safe) or unicodedata.normalize("NFC", name).startswith(safe)
    written = tmp_path / f"{safe} - overview sheet.pdf"
    written.write_bytes(b"%PDF-1.4\n")  # no 'File name too long'
    assert written.read_bytes() == b"%PDF-1.4\n"


def test_letting_a_pupil_stay_deleted_keeps_my_version_in_history(data_dir: Path) -> None:
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    pupil = laptop_a.save(with_about(saved_pupil(laptop_a), "before"))
    laptop_b.delete(pupil.id)
    with pytest.raises(SaveConflict) as caught:
        laptop_a.save(with_about(pupil, "my late edit"))
    kept = laptop_a.keep_in_history(caught.value.mine)
    assert kept == 3  # after revision 2, which is in the trash
    assert laptop_a.load_revision(pupil.id, kept).portrait.about_me == "my late edit"
    assert not laptop_a.pupil_path(pupil.id).exists()


def test_a_rescan_reuses_unchanged_pupils_and_rereads_every_changed_byte(store: Store) -> None:
    amira, ben = saved_pupil(store), saved_pupil(store, "Ben", "Okoro")
    first = {p.id: p for p in store.scan().pupils}
    # Another laptop changes one letter of Ben's file: same size, and its times put back as a
    # sync client does, so only the bytes tell.
    path = store.pupil_path(ben.id)
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b'"Okoro"', b'"Okoru"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    again = {p.id: p for p in store.scan().pupils}
    assert again[amira.id] is first[amira.id]  # unchanged: not parsed again
    assert again[ben.id].pupil.last_name == "Okoru"
    # A file that no longer loads is reported, not served from what it was.
    path.write_bytes(b"{")
    third = store.scan()
    assert [p.id for p in third.pupils] == [amira.id]
    assert third.bad_files == [f"pupils/{ben.id}.json"]
