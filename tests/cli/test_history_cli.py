"""`penportrait history PUPIL`: list a pupil's earlier revisions and kept versions, print one
(--show N), or save one back as the newest revision (--restore N)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from penportrait.cli import HISTORY_RESTORE, main
from penportrait.core.draft import Choice, Conflict, Draft, Replaced
from penportrait.core.model import Pupil
from penportrait.core.store import HISTORY_KEPT, SaveConflict, Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def with_about(pupil: Pupil, text: str) -> Pupil:
    return pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
    )


@pytest.fixture
def kept_after_autosaves(data_dir: Path) -> tuple[Store, Pupil, int]:
    """Laptop A chose Keep theirs; laptop B then autosaved 22 times. Returns the store, the
    pupil as it is now, and the revision mine was kept as."""
    laptop_a, laptop_b = Store(data_dir), Store(data_dir)
    pupil = laptop_a.save(laptop_a.new_pupil("Ada", "Lovelace"), by="A. Teacher")
    laptop_b.save(with_about(pupil, "B's text"), by="B. Assistant")
    draft = Draft(laptop_a, user="A. Teacher")
    draft.open(pupil)
    draft.edit(with_about(pupil, "MINE: forty minutes of careful writing"))
    assert isinstance(draft.save(), Conflict)
    assert isinstance(draft.resolve(Choice.THEIRS), Replaced)
    [kept] = [e.revision for e in laptop_a.history_entries(pupil.id) if e.kept]
    current = laptop_b.load(pupil.id)
    for n in range(HISTORY_KEPT + 2):
        current = laptop_b.save(with_about(current, f"B {n}"), by="B. Assistant")
    return laptop_b, current, kept


def test_history_lists_revisions_and_kept_versions_with_time_and_author(
    capsys: pytest.CaptureFixture[str], kept_after_autosaves: tuple[Store, Pupil, int]
) -> None:
    store, current, kept = kept_after_autosaves
    code, out, err = run(capsys, "history", "--data", str(store.root), "Ada Lovelace")
    assert (code, err) == (0, "")
    assert f"the file is at revision {current.revision}" in out
    rows = [line.split() for line in out.splitlines() if re.match(r"\d+( kept)? +\d{4}-", line)]
    routine = [row for row in rows if row[1] != "kept"]
    assert [int(row[0]) for row in routine] == list(
        range(current.revision - 1, current.revision - 1 - HISTORY_KEPT, -1)
    )
    assert routine[0][1:] == ["2026-11-24", "10:00", "UTC", "B.", "Assistant"]
    assert [row for row in rows if row[1] == "kept"] == [
        [str(kept), "kept", "2026-11-24", "10:00", "UTC", "A.", "Teacher"]
    ]


def test_history_json_names_each_file(
    capsys: pytest.CaptureFixture[str], kept_after_autosaves: tuple[Store, Pupil, int]
) -> None:
    store, current, kept = kept_after_autosaves
    code, out, _ = run(capsys, "history", "--data", str(store.root), current.id, "--json")
    listed = json.loads(out)["versions"]
    assert code == 0 and len(listed) == HISTORY_KEPT + 1
    assert {
        "revision": kept,
        "kept": True,
        "file": f"history/{current.id}/kept-{kept}.json",
        "updated_at": "2026-11-24T10:00:00+00:00",
        "updated_by": "A. Teacher",
    } in listed


def test_show_prints_a_kept_version(
    capsys: pytest.CaptureFixture[str], kept_after_autosaves: tuple[Store, Pupil, int]
) -> None:
    store, _, kept = kept_after_autosaves
    code, out, _ = run(
        capsys, "history", "--data", str(store.root), "Ada Lovelace", "--show", str(kept)
    )
    assert code == 0
    shown = Pupil.model_validate_json(out)
    assert shown.portrait.about_me == "MINE: forty minutes of careful writing"
    assert shown.revision == kept


def test_restore_saves_a_kept_version_back_and_keeps_the_one_it_replaces(
    capsys: pytest.CaptureFixture[str], kept_after_autosaves: tuple[Store, Pupil, int]
) -> None:
    store, current, kept = kept_after_autosaves
    code, out, _ = run(
        capsys, "history", "--data", str(store.root), "Ada Lovelace", "--restore", str(kept)
    )
    assert code == 0
    assert f"Restored revision {kept} of Ada Lovelace as revision {current.revision + 1}" in out
    now = store.load(current.id)
    assert now.revision == current.revision + 1
    assert now.portrait.about_me == "MINE: forty minutes of careful writing"
    assert now.updated_by == HISTORY_RESTORE
    replaced = store.history_dir / current.id / f"kept-{current.revision}.json"
    assert store.read_history_file(replaced).portrait.about_me == current.portrait.about_me


def test_restore_is_refused_when_the_file_moves_on_meanwhile(
    capsys: pytest.CaptureFixture[str],
    kept_after_autosaves: tuple[Store, Pupil, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another laptop saves between the restore's read and its write: nothing is written."""
    store, current, kept = kept_after_autosaves
    real_save = Store.save

    def another_laptop_saves_first(self: Store, pupil: Pupil, **kwargs: object) -> Pupil:
        real_save(Store(self.root), with_about(current, "saved elsewhere"), by="C")
        return real_save(self, pupil, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save", another_laptop_saves_first)
    code, _, err = run(
        capsys, "history", "--data", str(store.root), current.id, "--restore", str(kept)
    )
    assert code == 1
    assert "was saved elsewhere just now; nothing was restored" in err
    assert store.load(current.id).portrait.about_me == "saved elsewhere"
    with pytest.raises(SaveConflict):  # (the same refusal, from the store itself)
        real_save(store, current)


def test_a_revision_not_in_history_is_named(
    capsys: pytest.CaptureFixture[str], kept_after_autosaves: tuple[Store, Pupil, int]
) -> None:
    store, current, _ = kept_after_autosaves
    code, _, err = run(capsys, "history", "--data", str(store.root), current.id, "--show", "1")
    assert code == 1
    assert "Ada Lovelace has no revision 1 in history" in err
    with pytest.raises(SystemExit) as usage:
        run(capsys, "history", "--data", str(store.root), current.id, "--show", "one")
    assert usage.value.code == 2
    assert "'one' is not a revision number" in capsys.readouterr().err


def test_a_pupil_deleted_elsewhere_is_found_in_the_trash(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    pupil = store.save(store.new_pupil("Ada", "Gone"), by="A")
    store.delete(pupil.id)
    draft = Draft(store, user="A")
    draft.open(pupil)
    draft.edit(with_about(pupil, "written while it was deleted"))
    assert isinstance(draft.save(), Conflict)
    draft.resolve(Choice.THEIRS)  # let it stay deleted: mine goes to history
    code, out, err = run(capsys, "history", "--data", str(store.root), "Ada Gone")
    assert code == 0, err
    assert re.search(r"^2 kept ", out, re.MULTILINE)
    code, out, _ = run(capsys, "history", "--data", str(store.root), "Ada Gone", "--restore", "2")
    assert code == 0
    assert store.load(pupil.id).portrait.about_me == "written while it was deleted"
    # Back from the trash, not in both places: its trash copy is kept in history.
    assert not (store.trash_dir / f"{pupil.id}.json").exists()
    assert store.scan_trash().pupils == []


def test_a_damaged_history_file_is_named_and_the_rest_listed(
    capsys: pytest.CaptureFixture[str], kept_after_autosaves: tuple[Store, Pupil, int]
) -> None:
    store, current, kept = kept_after_autosaves
    damaged = store.history_dir / current.id / f"kept-{kept}.json"
    damaged.write_bytes(b"{half a fi")
    code, out, err = run(capsys, "history", "--data", str(store.root), "Ada Lovelace")
    assert code == 1
    assert f"history/{current.id}/kept-{kept}.json could not be read" in err
    assert re.search(rf"^{kept} kept .* could not be read$", out, re.MULTILINE)
    assert damaged.read_bytes() == b"{half a fi"  # left exactly as it was
    code, _out, err = run(
        capsys, "history", "--data", str(store.root), current.id, "--show", str(kept)
    )
    assert code != 0 and "it cannot be shown" in err and "restored" not in err
    assert "pydantic" not in err and "validation error" not in err  # said in words


def test_a_restore_is_signed_by_the_name_given_or_by_the_restore(
    capsys: pytest.CaptureFixture[str], kept_after_autosaves: tuple[Store, Pupil, int]
) -> None:
    store, current, kept = kept_after_autosaves
    args = ["history", "--data", str(store.root), current.id, "--restore", str(kept)]
    assert run(capsys, *args, "--by", "K. Okafor")[0] == 0
    assert store.load(current.id).updated_by == "K. Okafor"
    assert run(capsys, *args, "--by", "  ")[0] == 0
    assert store.load(current.id).updated_by == HISTORY_RESTORE  # never the old author's name
