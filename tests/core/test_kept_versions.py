"""Versions kept on purpose stay in the pupil's history for good.

The conflict dialog promises "the other one is kept in the pupil's history". History keeps the
last HISTORY_KEPT routine revisions; a version chosen against (mine for Keep theirs, theirs for
Keep mine, mine when the pupil was deleted elsewhere), the version a restore replaced and a
deleted pupil's earlier copy are kept as ``history/<id>/kept-<revision>.json``, never trimmed.
"""

from __future__ import annotations

from pathlib import Path

from penportrait.core import conflicts
from penportrait.core.draft import Choice, Conflict, Draft, Replaced, Saved
from penportrait.core.model import Pupil
from penportrait.core.store import HISTORY_KEPT, Store

AUTOSAVES = HISTORY_KEPT + 5
KEPT_PREFIX = "kept-"  # store.KEPT_PREFIX, spelled out: the name is part of the data folder


def with_about(pupil: Pupil, text: str) -> Pupil:
    return pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
    )


def keep_typing(store: Store, pupil_id: str, saves: int = AUTOSAVES) -> Pupil:
    """The other laptop saves ``saves`` times: one autosave per pause in typing."""
    current = store.load(pupil_id)
    for n in range(saves):
        current = store.save(with_about(current, f"B {n}"), by="B")
    return current


def every_text_in(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.json"))


def conflict_for_a(data_dir: Path) -> tuple[Store, Store, Draft, Pupil]:
    """Laptop A is editing; laptop B saves first; A's save is a conflict."""
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    pupil = laptop_a.save(laptop_a.new_pupil("Ada", "Conflict"), by="A")
    laptop_b.save(with_about(laptop_b.load(pupil.id), "B's text"), by="B")
    draft = Draft(laptop_a, user="A")
    draft.open(pupil)
    draft.edit(with_about(pupil, "MINE: 40 minutes of careful writing"))
    assert isinstance(draft.save(), Conflict)
    return laptop_a, laptop_b, draft, pupil


def test_keep_theirs_keeps_mine_after_any_number_of_autosaves(data_dir: Path) -> None:
    laptop_a, laptop_b, draft, pupil = conflict_for_a(data_dir)
    assert isinstance(draft.resolve(Choice.THEIRS), Replaced)
    last = keep_typing(laptop_b, pupil.id)
    assert "MINE: 40 minutes" in every_text_in(data_dir)
    kept = [e for e in laptop_a.history_entries(pupil.id) if e.kept]
    assert len(kept) == 1 and kept[0].path.name == f"{KEPT_PREFIX}{kept[0].revision}.json"
    mine = laptop_a.load_revision(pupil.id, kept[0].revision)
    assert mine.portrait.about_me == "MINE: 40 minutes of careful writing"
    assert mine.updated_by == "A"
    # Routine revisions are still trimmed to the last HISTORY_KEPT.
    routine = [e.revision for e in laptop_a.history_entries(pupil.id) if not e.kept]
    assert routine == list(range(last.revision - 1, last.revision - 1 - HISTORY_KEPT, -1))


def test_keep_mine_keeps_theirs_after_any_number_of_saves(data_dir: Path) -> None:
    laptop_a, _, draft, pupil = conflict_for_a(data_dir)
    saved = draft.resolve(Choice.MINE)
    assert isinstance(saved, Saved)
    keep_typing(laptop_a, pupil.id)
    assert "B's text" in every_text_in(data_dir)
    theirs = laptop_a.load_revision(pupil.id, saved.pupil.revision - 1)
    assert theirs.portrait.about_me == "B's text" and theirs.updated_by == "B"
    assert (laptop_a.history_dir / pupil.id / f"{KEPT_PREFIX}{theirs.revision}.json").is_file()


def test_mine_is_kept_for_good_when_the_pupil_was_deleted_elsewhere(data_dir: Path) -> None:
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    pupil = laptop_a.save(laptop_a.new_pupil("Ada", "Deleted"), by="A")
    laptop_b.delete(pupil.id)
    draft = Draft(laptop_a, user="A")
    draft.open(pupil)
    draft.edit(with_about(pupil, "MINE after the delete"))
    assert isinstance(draft.save(), Conflict)
    assert draft.resolve(Choice.THEIRS) == Replaced(None)  # let it stay deleted
    laptop_b.restore(pupil.id)  # brought back later, and edited a great deal
    keep_typing(laptop_b, pupil.id)
    assert "MINE after the delete" in every_text_in(data_dir)


def test_a_deleted_pupils_earlier_trash_copy_is_kept_for_good(data_dir: Path) -> None:
    store = Store(data_dir)
    pupil = store.save(store.new_pupil("Ada", "Twice"), by="A")
    store.save(with_about(pupil, "FIRST DELETED VERSION"), by="A")
    store.delete(pupil.id)
    # The same pupil comes back from another laptop's copy, is edited, and deleted again.
    again = store.save(with_about(pupil.model_copy(update={"revision": 0}), "second life"))
    store.delete(pupil.id, only_at_revision=again.revision)
    store.restore(pupil.id)
    keep_typing(store, pupil.id)
    assert "FIRST DELETED VERSION" in every_text_in(data_dir)


def test_a_stale_sync_copy_of_theirs_merges_after_keep_mine(data_dir: Path) -> None:
    """After Keep mine, theirs is in history only as a kept file; a sync client's late copy of
    theirs is still recognised as an older version the file holds, not a clash for a person."""
    laptop_a, _, draft, pupil = conflict_for_a(data_dir)
    theirs_bytes = laptop_a.pupil_path(pupil.id).read_bytes()
    assert isinstance(draft.resolve(Choice.MINE), Saved)
    copy = laptop_a.pupils_dir / f"{pupil.id}.sync-conflict-20261124-101500-ABCDEF7.json"
    copy.write_bytes(theirs_bytes)
    [report] = conflicts.report_all(laptop_a)
    assert report.older == "copy" and not report.needs_person
    summary = conflicts.merge_all(laptop_a)
    assert [r.where for r in summary.merged] == [laptop_a.relative(copy)]
    assert laptop_a.load(pupil.id).portrait.about_me == "MINE: 40 minutes of careful writing"
