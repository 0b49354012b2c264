"""Sync conflict copies: every client's name recognised, merged field by field, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from penportrait.core import conflicts
from penportrait.core.conflict_names import (
    CLIENT_PATTERNS,
    ONEDRIVE,
    recognise_pupil_copy,
    recognise_school_copy,
)
from penportrait.core.merge import merge3, merge_lists
from penportrait.core.model import Pupil
from penportrait.core.store import Store

ID = "2f6c1e0a-8c1d-4d5e-9f4e-3a7b9c0d1e2f"

# One real-looking name per client, as each client writes it (see conflict_names.py).
CLIENT_NAMES = {
    "Syncthing": f"{ID}.sync-conflict-20261124-101500-ABCDEF7.json",
    "Dropbox": f"{ID} (K. Okafor's conflicted copy 2026-11-24).json",
    "Nextcloud/ownCloud": f"{ID} (conflicted copy 2026-11-24 101500).json",
    "ownCloud (before 2.5)": f"{ID}_conflict-20261124-101500.json",
    "Google Drive for desktop": f"{ID} (Conflicted copy Kemi Okafor 2026-11-24).json",
    "Google Drive for desktop (numbered duplicate)": f"{ID} (1).json",
    ONEDRIVE: f"{ID}-TA-LAPTOP-3.json",
}


@pytest.mark.parametrize("client", list(CLIENT_NAMES))
def test_each_clients_copy_of_a_pupil_is_recognised(client: str) -> None:
    found = recognise_pupil_copy(CLIENT_NAMES[client])
    assert found is not None
    assert (found.original, found.client) == (f"{ID}.json", client)


def test_a_copy_of_a_copy_belongs_to_the_pupil() -> None:
    name = f"{ID}.sync-conflict-20261124-101500-ABCDEF7 (Sam's conflicted copy 2026-11-24).json"
    found = recognise_pupil_copy(name)
    assert found is not None and found.original == f"{ID}.json"


def test_every_declared_pattern_has_a_test_name() -> None:
    assert {p.client for p in CLIENT_PATTERNS} | {ONEDRIVE} == set(CLIENT_NAMES)


@pytest.mark.parametrize(
    "name",
    [f"{ID}.json", "pupil-7.json", "notes.txt", f"{ID}.sync-conflict-2026.json", "a-b.json"],
)
def test_ordinary_files_are_not_copies(name: str) -> None:
    assert recognise_pupil_copy(name) is None


def test_onedrive_copy_of_a_non_uuid_id_needs_the_original_beside_it() -> None:
    assert recognise_pupil_copy("pupil7-LAPTOP.json") is None
    found = recognise_pupil_copy("pupil7-LAPTOP.json", {"pupil7.json", "pupil7-LAPTOP.json"})
    assert found is not None and found.original == "pupil7.json"


@pytest.mark.parametrize("school_file", ["school", "strategies", "plain_english"])
@pytest.mark.parametrize(
    ("client", "pattern"),
    [
        ("Syncthing", "{}.sync-conflict-20261124-101500-ABCDEF7.json"),
        ("Dropbox", "{} (Sam's conflicted copy 2026-11-24).json"),
        ("Nextcloud/ownCloud", "{} (conflicted copy 2026-11-24 101500).json"),
        ("Google Drive for desktop", "{} (Conflicted copy Sam 2026-11-24).json"),
        (ONEDRIVE, "{}-OFFICE-PC.json"),
    ],
)
def test_copies_of_school_wide_files_are_recognised(
    school_file: str, client: str, pattern: str
) -> None:
    found = recognise_school_copy(pattern.format(school_file))
    assert found is not None
    assert (found.original, found.client) == (f"{school_file}.json", client)
    assert recognise_school_copy(f"{school_file}.json") is None
    assert recognise_school_copy("other-PC.json") is None


# -- the merge ----------------------------------------------------------------------------------


def pupil_data(**portrait: Any) -> dict[str, Any]:
    data = Pupil.model_validate(
        {"id": ID, "revision": 3, "pupil": {"first_name": "Amira", "last_name": "Hussain"}}
    ).model_dump(mode="json")
    data["portrait"].update(portrait)
    return data


def test_fields_changed_on_one_side_are_taken_from_that_side() -> None:
    base = pupil_data(about_me="base", pupil_voice="base")
    kept = pupil_data(about_me="kept edit", pupil_voice="base")
    copy = pupil_data(about_me="base", pupil_voice="copy edit")
    result = merge3(base, kept, copy)
    assert result.clashes == []
    assert result.data["portrait"]["about_me"] == "kept edit"
    assert result.data["portrait"]["pupil_voice"] == "copy edit"


def test_the_same_field_changed_differently_is_a_clash_with_both_values() -> None:
    base = pupil_data(about_me="base")
    result = merge3(base, pupil_data(about_me="mine"), pupil_data(about_me="theirs"))
    assert [(c.path, c.label, c.kept, c.copy) for c in result.clashes] == [
        ("portrait.about_me", "About me", "mine", "theirs")
    ]
    chosen = result.resolved({"portrait.about_me": "copy"})
    assert chosen["portrait"]["about_me"] == "theirs"


def test_the_same_change_on_both_sides_is_no_clash() -> None:
    result = merge3(pupil_data(about_me="a"), pupil_data(about_me="b"), pupil_data(about_me="b"))
    assert result.clashes == [] and result.data["portrait"]["about_me"] == "b"


def test_list_items_added_on_either_side_are_all_kept() -> None:
    base = pupil_data(strengths=["Kind"])
    kept = pupil_data(strengths=["Kind", "Funny"])
    copy = pupil_data(strengths=["Brave", "Kind"])
    result = merge3(base, kept, copy)
    assert result.clashes == []
    assert result.data["portrait"]["strengths"] == ["Brave", "Kind", "Funny"]


def test_list_items_added_at_the_same_place_on_both_sides_are_kept_once_each() -> None:
    assert merge_lists(["a"], ["a", "b", "c"], ["a", "c", "d"])[0] == ["a", "b", "c", "d"]


def test_an_item_removed_on_one_side_and_untouched_on_the_other_is_removed() -> None:
    base = pupil_data(strengths=["Kind", "Funny", "Brave"])
    kept = pupil_data(strengths=["Kind", "Brave"])
    copy = pupil_data(strengths=["Kind", "Funny", "Brave", "Tidy"])
    result = merge3(base, kept, copy)
    assert result.clashes == []
    assert result.data["portrait"]["strengths"] == ["Kind", "Brave", "Tidy"]


def test_edits_to_different_items_both_apply() -> None:
    strategies = [
        {"text": "One step at a time", "essential": True, "bank_id": None},
        {"text": "Sit near the front", "essential": False, "bank_id": None},
        {"text": "Movement breaks", "essential": False, "bank_id": None},
    ]
    kept_s = json.loads(json.dumps(strategies))
    kept_s[0]["text"] = "One step at a time, written down"
    copy_s = json.loads(json.dumps(strategies))
    copy_s[2]["essential"] = True
    result = merge3(
        pupil_data(strategies=strategies),
        pupil_data(strategies=kept_s),
        pupil_data(strategies=copy_s),
    )
    assert result.clashes == []
    merged = result.data["portrait"]["strategies"]
    assert [s["text"] for s in merged] == [
        "One step at a time, written down",
        "Sit near the front",
        "Movement breaks",
    ]
    assert [s["essential"] for s in merged] == [True, False, True]


def test_the_same_item_edited_differently_is_a_clash_that_keeps_the_rest_merged() -> None:
    base = pupil_data(strengths=["Kind", "Funny"], avoid=["Loud rooms"])
    kept = pupil_data(strengths=["Very kind", "Funny", "Tidy"], avoid=["Loud rooms"])
    copy = pupil_data(strengths=["Kind and patient", "Funny"], avoid=[])
    result = merge3(base, kept, copy)
    assert [c.path for c in result.clashes] == ["portrait.strengths"]
    clash = result.clashes[0]
    assert clash.kept == ["Very kind", "Funny", "Tidy"]
    assert clash.copy == ["Kind and patient", "Funny", "Tidy"]
    assert result.data["portrait"]["avoid"] == []


def test_without_a_base_every_differing_field_is_a_clash() -> None:
    kept = pupil_data(about_me="same", strengths=["Kind", "Funny"], pupil_voice="mine")
    copy = pupil_data(about_me="same", strengths=["Kind"], pupil_voice="theirs")
    result = merge3(None, kept, copy)
    assert {c.path for c in result.clashes} == {"portrait.strengths", "portrait.pupil_voice"}


# -- the data folder ----------------------------------------------------------------------------


def two_laptops(store: Store, kept_edit: dict[str, Any], copy_edit: dict[str, Any]) -> Path:
    """Revision 1 saved by both; laptop A saves revision 2 as pupils/<id>.json, laptop B's
    revision 2 arrives as a Syncthing copy. Returns the copy's path."""
    first = store.save(Pupil.model_validate(pupil_data() | {"revision": 0}), by="Office")
    store.save(first.model_copy(update={"updated_by": "A"}), by="A")  # history/<id>/1.json
    kept = store.load(ID)
    store.save(_edited(kept, kept_edit), by="TA Ann")
    copy_pupil = _edited(kept, copy_edit).model_copy(update={"revision": 3, "updated_by": "TA Bo"})
    copy_path = store.pupils_dir / f"{ID}.sync-conflict-20261124-101500-ABCDEF7.json"
    copy_path.write_text(copy_pupil.to_json(), encoding="utf-8")
    return copy_path


def _edited(pupil: Pupil, portrait: dict[str, Any]) -> Pupil:
    return pupil.model_copy(update={"portrait": pupil.portrait.model_copy(update=portrait)})


def test_the_scan_never_lists_a_copy_as_a_second_pupil(store: Store) -> None:
    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    scan = store.scan()
    assert [p.id for p in scan.pupils] == [ID] and scan.problems == []


def test_merge_all_saves_a_new_revision_and_keeps_the_copys_bytes(store: Store) -> None:
    copy_path = two_laptops(store, {"about_me": "A wrote this"}, {"pupil_voice": "B wrote this"})
    copy_bytes = copy_path.read_bytes()
    before = store.load(ID)
    summary = conflicts.merge_all(store)
    assert len(summary.merged) == 1 and summary.need_person == []
    after = store.load(ID)
    assert after.revision == before.revision + 1
    assert after.portrait.about_me == "A wrote this"
    assert after.portrait.pupil_voice == "B wrote this"
    assert not copy_path.exists()
    kept = store.trash_dir / "conflict-copies" / copy_path.name
    assert kept.read_bytes() == copy_bytes
    assert before.revision in store.history(ID)  # the kept side is in history
    assert conflicts.find_copies(store.root) == []


def test_a_clash_is_left_byte_for_byte_until_a_person_chooses(store: Store) -> None:
    copy_path = two_laptops(
        store, {"about_me": "A", "strengths": ["x"]}, {"about_me": "B", "pupil_voice": "B"}
    )
    copy_bytes, file_bytes = copy_path.read_bytes(), store.pupil_path(ID).read_bytes()
    summary = conflicts.merge_all(store)
    assert summary.merged == [] and len(summary.need_person) == 1
    assert copy_path.read_bytes() == copy_bytes
    assert store.pupil_path(ID).read_bytes() == file_bytes
    report = summary.need_person[0]
    assert [c.label for c in report.clashes] == ["About me"]
    conflicts.apply(store, report, {"portrait.about_me": "copy"}, by="SENCO")
    after = store.load(ID)
    assert (after.portrait.about_me, after.portrait.pupil_voice) == ("B", "B")
    assert after.portrait.strengths == ["x"]
    assert not copy_path.exists()


def test_without_the_base_in_history_nothing_is_guessed(store: Store) -> None:
    copy_path = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    for old in (store.history_dir / ID).iterdir():
        old.unlink()
    summary = conflicts.merge_all(store)
    assert summary.merged == []
    report = summary.need_person[0]
    assert not report.has_base
    assert {c.label for c in report.clashes} >= {"About me"}
    assert copy_path.exists()


def test_a_copy_whose_pupil_was_deleted_is_reported_not_lost(store: Store) -> None:
    copy_path = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    store.delete(ID)
    reports = conflicts.report_all(store)
    assert len(reports) == 1 and "missing" in reports[0].problem
    assert conflicts.merge_all(store).merged == [] and copy_path.exists()


def test_a_damaged_copy_is_reported_and_left(store: Store) -> None:
    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    bad = store.pupils_dir / f"{ID} (conflicted copy 2026-11-24 101500).json"
    bad.write_bytes(b"{not json")
    reports = {r.copy.path.name: r for r in conflicts.report_all(store)}
    assert "could not be read" in reports[bad.name].problem
    conflicts.merge_all(store)
    assert bad.read_bytes() == b"{not json"


def test_school_wide_copies_are_found_and_reported(store: Store) -> None:
    store.root.mkdir(parents=True)
    (store.root / "school.json").write_text("{}", encoding="utf-8")
    (store.root / "strategies-OFFICE-PC.json").write_text("{}", encoding="utf-8")
    found = conflicts.find_copies(store.root)
    assert [(c.path.name, c.original.name, c.client) for c in found] == [
        ("strategies-OFFICE-PC.json", "strategies.json", ONEDRIVE)
    ]
    report = conflicts.examine(store, found[0])
    assert report.needs_person and "school-wide" in report.problem


# -- seeing other laptops' changes ------------------------------------------------------------


def test_the_watcher_is_not_trusted_on_a_network_share() -> None:
    from penportrait.core.folder_poll import watcher_is_reliable

    mounts = "/dev/sda1 / ext4 rw 0 0\n//server/staff /mnt/staff cifs rw 0 0\n"
    assert watcher_is_reliable(Path("/home/ta/data"), mounts)
    assert not watcher_is_reliable(Path("/mnt/staff/PenPortrait"), mounts)
    assert not watcher_is_reliable(Path("//server/staff/PenPortrait"), mounts)


def test_the_folder_signature_changes_when_another_laptop_saves(store: Store) -> None:
    from penportrait.core.folder_poll import folder_signature

    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    before = folder_signature(store.root)
    assert folder_signature(store.root) == before
    edited = _edited(store.load(ID), {"about_me": "changed elsewhere"})
    store.save(edited, by="other laptop")
    assert folder_signature(store.root) != before


def test_a_copy_that_adds_nothing_leaves_without_a_new_revision(store: Store) -> None:
    copy_path = two_laptops(store, {"about_me": "same"}, {"about_me": "same"})
    before = store.load(ID)
    assert len(conflicts.merge_all(store).merged) == 1
    assert store.load(ID) == before and not copy_path.exists()
    assert (store.trash_dir / "conflict-copies" / copy_path.name).exists()


def test_a_huge_copy_is_not_read(store: Store) -> None:
    two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    huge = store.pupils_dir / f"{ID} (1).json"
    with huge.open("wb") as stream:
        stream.truncate(3 * 1024 * 1024)
    report = next(r for r in conflicts.report_all(store) if r.copy.path == huge)
    assert "far too big" in report.problem


def test_a_folder_that_cannot_be_written_leaves_every_file_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_path = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    before = {p: p.read_bytes() for p in store.root.rglob("*") if p.is_file()}

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(conflicts.files, "write_atomic", refuse)
    summary = conflicts.merge_all(store)
    assert summary.merged == []
    assert "Permission denied" in summary.need_person[0].problem
    assert {p: p.read_bytes() for p in store.root.rglob("*") if p.is_file()} == before
    assert copy_path.exists()


def test_check_problems_name_the_pupil_of_each_copy(store: Store) -> None:
    copy_path = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    (problem,) = conflicts.copy_problems(store)
    assert problem.file == f"pupils/{copy_path.name}"
    assert f"Syncthing conflict copy of Amira Hussain (pupils/{ID}.json)" in problem.reason


def test_a_base_saved_after_the_copy_is_not_trusted(store: Store) -> None:
    """A saved twice while apart (revisions 3 and 4) and B twice (its copy is revision 4), but
    B's history has not synced: history/<id>/3.json is A's, saved after B's copy, so it cannot
    be B's base. Nothing is guessed."""
    copy_path = two_laptops(store, {"about_me": "A1"}, {"pupil_voice": "B"})
    early = Pupil.model_validate_json(copy_path.read_bytes()).model_copy(
        update={"revision": 4, "updated_at": "2026-11-24T09:00:00+00:00"}
    )
    copy_path.write_text(early.to_json(), encoding="utf-8")
    kept = store.load(ID)
    store.save(_edited(kept, {"about_me": "A2"}), by="TA Ann")  # history/3.json: A's, 10:00
    report = conflicts.report_all(store)[0]
    assert not report.has_base
    assert report.needs_person


def test_a_copy_that_changes_after_it_was_read_is_not_merged(store: Store) -> None:
    copy_path = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    (report,) = conflicts.report_all(store)
    newer = Pupil.model_validate_json(copy_path.read_bytes())
    newer = _edited(newer, {"pupil_voice": "B, later"})
    copy_path.write_text(newer.to_json(), encoding="utf-8")
    before = store.pupil_path(ID).read_bytes()
    with pytest.raises(conflicts.CopyChanged):
        conflicts.apply(store, report, {})
    assert store.pupil_path(ID).read_bytes() == before and copy_path.exists()


# -- one side is an older version of the other (the review of issue 14) ------------------------


def four_revisions(store: Store) -> Pupil:
    """Revision 3 pasted another pupil's text by mistake; revision 4 put it right."""
    pupil = store.save(Pupil.model_validate(pupil_data() | {"revision": 0}), by="Office")
    pupil = store.save(_edited(pupil, {"about_me": "I like trains."}), by="A")
    pupil = store.save(
        _edited(pupil, {"about_me": "WRONG PUPIL's text", "strengths": ["Fights others"]}), by="A"
    )
    return store.save(_edited(pupil, {"about_me": "I like trains.", "strengths": []}), by="A")


def test_a_stale_copy_that_is_an_older_revision_brings_nothing_back(store: Store) -> None:
    """The copy is exactly revision 3 and the file revision 4, which undid revision 3's
    mistake: the copy adds nothing, so no new revision and the mistake stays undone."""
    fixed = four_revisions(store)
    stale = (store.history_dir / ID / "3.json").read_bytes()
    copy_path = store.pupils_dir / f"{ID} (1).json"
    copy_path.write_bytes(stale)
    report = conflicts.report_all(store)[0]
    assert report.older == "copy" and not report.needs_person
    assert "older version (revision 3)" in report.describe()
    summary = conflicts.merge_all(store, by="sync merge")
    assert len(summary.merged) == 1
    now = store.load(ID)
    assert now == fixed  # revision 4, "I like trains.", no strengths
    assert not copy_path.exists()
    assert (store.trash_dir / "conflict-copies" / copy_path.name).read_bytes() == stale


def test_a_newer_copy_moves_the_file_on(store: Store) -> None:
    """Mirror: the file is revision 3 (the mistake) and the copy revision 4 (the fix). The
    fix is taken and saved as a new revision, not dropped as 'the same as the file'."""
    fixed = four_revisions(store)
    copy_path = store.pupils_dir / f"{ID}.sync-conflict-20261124-101500-ABCDEF7.json"
    copy_bytes = store.pupil_path(ID).read_bytes()
    copy_path.write_bytes(copy_bytes)
    store.pupil_path(ID).write_bytes((store.history_dir / ID / "3.json").read_bytes())
    report = conflicts.report_all(store)[0]
    assert report.older == "kept" and not report.needs_person
    assert "About me" in report.describe()
    assert len(conflicts.merge_all(store, by="sync merge").merged) == 1
    now = store.load(ID)
    assert now.portrait.about_me == "I like trains." and now.portrait.strengths == []
    assert now.revision == 4 and now.updated_by == "sync merge"
    assert _content(now) == _content(fixed)
    assert not copy_path.exists()
    assert (store.trash_dir / "conflict-copies" / copy_path.name).read_bytes() == copy_bytes
    # The replaced revision 3 is still in history.
    assert store.load_revision(ID, 3).portrait.about_me == "WRONG PUPIL's text"


@pytest.mark.parametrize(
    "second", ["3.sync-conflict-20261124-101500-ABCDEF7.json", "3.1a2b3c4d.json"]
)
def test_a_stale_copy_is_not_trusted_when_that_revision_has_two_versions(
    store: Store, second: str
) -> None:
    """A sync client's copy, or the store's own second name (files.write_new), beside
    history/<id>/3.json: which of the two the file went through is unknown."""
    four_revisions(store)
    stale = (store.history_dir / ID / "3.json").read_bytes()
    (store.pupils_dir / f"{ID} (1).json").write_bytes(stale)
    other = store.load_revision(ID, 3).model_copy(update={"updated_by": "B"})
    (store.history_dir / ID / second).write_text(other.to_json(), encoding="utf-8")
    report = conflicts.report_all(store)[0]
    assert not report.has_base and report.needs_person
    assert {c.label for c in report.clashes} >= {"About me", "My strengths"}


@pytest.mark.parametrize("wrong", ["another pupil", "another revision"])
def test_a_base_in_history_that_does_not_fit_is_not_trusted(store: Store, wrong: str) -> None:
    copy_path = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    base_path = store.history_dir / ID / "2.json"
    base = json.loads(base_path.read_text(encoding="utf-8"))
    if wrong == "another pupil":
        base["id"] = "0b6c1e0a-8c1d-4d5e-9f4e-3a7b9c0d1e2f"
    else:
        base["revision"] = 1
    base_path.write_text(json.dumps(base), encoding="utf-8")
    summary = conflicts.merge_all(store)
    assert summary.merged == [] and copy_path.exists()
    report = summary.need_person[0]
    assert not report.has_base
    assert {c.path for c in report.clashes} == {"portrait.about_me", "portrait.pupil_voice"}


def test_a_copy_from_a_newer_penportrait_says_so(store: Store) -> None:
    copy_path = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    data = json.loads(copy_path.read_text(encoding="utf-8"))
    data["format_version"] = 99
    copy_path.write_text(json.dumps(data), encoding="utf-8")
    report = conflicts.report_all(store)[0]
    assert "written by a newer PenPortrait" in report.problem
    assert "should be" not in report.problem


def test_two_copies_of_one_pupil_both_merge_in_one_go(store: Store) -> None:
    first = two_laptops(store, {"about_me": "A"}, {"pupil_voice": "B"})
    kept_rev2 = store.load_revision(ID, 2)
    second = store.pupils_dir / f"{ID} (K. Okafor's conflicted copy 2026-11-24).json"
    second.write_text(
        _edited(kept_rev2, {"family_voice": "C"})
        .model_copy(update={"revision": 3, "updated_by": "TA Cy"})
        .to_json(),
        encoding="utf-8",
    )
    summary = conflicts.merge_all(store, by="sync merge")
    assert [r.problem for r in summary.need_person] == []
    assert len(summary.merged) == 2 and not first.exists() and not second.exists()
    now = store.load(ID).portrait
    assert (now.about_me, now.pupil_voice, now.family_voice) == ("A", "B", "C")


def test_a_clash_in_a_newer_field_whose_name_holds_a_dot() -> None:
    base = pupil_data() | {"zz.new": "old", "zz": {"new": "old"}}
    kept = pupil_data() | {"zz.new": "kept", "zz": {"new": "kept"}}
    copy = pupil_data() | {"zz.new": "copy", "zz": {"new": "copy"}}
    result = merge3(base, kept, copy)
    assert [c.keys for c in result.clashes] == [("zz.new",), ("zz", "new")]
    assert len({c.path for c in result.clashes}) == 2
    dotted, nested = result.clashes
    data = result.resolved({dotted.path: "copy", nested.path: "kept"})
    assert (data["zz.new"], data["zz"]) == ("copy", {"new": "kept"})


def test_long_lists_with_repeated_items_merge_by_item() -> None:
    """Thousands of repeated items (hostile synced history) still merge by item."""
    base = ["a", "b"] * 1000
    kept = ["start", *base]
    copy = [*base[:-1], "end"]
    merged, _, _ = merge_lists(base, kept, copy)
    assert merged == ["start", *base[:-1], "end"]


def _content(pupil: Pupil) -> dict[str, Any]:
    data = pupil.model_dump(mode="json")
    for key in ("revision", "updated_at", "updated_by"):
        data.pop(key)
    return data


@pytest.mark.parametrize(
    ("client", "origin"),
    [
        ("Syncthing", "device ABCDEF7"),
        ("Dropbox", "K. Okafor's Dropbox"),
        (ONEDRIVE, "computer TA-LAPTOP-3"),
        ("Nextcloud/ownCloud", ""),
    ],
)
def test_the_name_tells_where_a_copy_came_from(client: str, origin: str) -> None:
    found = recognise_pupil_copy(CLIENT_NAMES[client])
    assert found is not None and found.origin == origin


def test_lists_too_long_to_align_clash_rather_than_guess() -> None:
    """Past the table's bound only the shared ends are matched: 10,000 items changed at both
    ends on one side and in the middle on the other are a clash for a person, each side's
    list whole. Shared ends need no table, so one edit a side still merges."""
    base = [f"item {n}" for n in range(10_000)]
    kept, copy = list(base), list(base)
    kept[0], kept[-1], copy[5000] = "kept start", "kept end", "copy edit"
    merged, if_kept, if_copy = merge_lists(base, kept, copy)
    assert merged is None and (if_kept, if_copy) == (kept, copy)
    kept, copy = list(base), list(base)
    kept[3000], copy[7000] = "kept edit", "copy edit"
    merged, _, _ = merge_lists(base, kept, copy)
    assert merged is not None and (merged[3000], merged[7000]) == ("kept edit", "copy edit")
    short = base[:3000]
    kept, copy = list(short), list(short)
    kept[1000], copy[2000] = "kept edit", "copy edit"
    merged, _, _ = merge_lists(short, kept, copy)
    assert merged is not None and merged[1000] == "kept edit" and merged[2000] == "copy edit"
