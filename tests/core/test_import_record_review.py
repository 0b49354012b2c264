"""Review attack 2 on the import record: a kill mid-import, the order of imports, damage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from penportrait.core import clock
from penportrait.core.importers import record as record_module
from penportrait.core.importers.csv import plan_import, read_table, run_import
from penportrait.core.importers.record import RecordWriter, last_import, read_record, undo
from penportrait.core.store import Store
from tests.cli.test_cli import run
from tests.conftest import FIXED_NOW
from tests.core.test_import_csv import SIMS, write


class Killed(BaseException):
    """Stands for a SIGKILL: nothing after it runs in the import."""


def plan_for(store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    return plan_import(read_table(write(tmp_path, SIMS, "utf-8-sig")), store.scan().pupils)


def killed_after_saves(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saves: int
) -> None:
    """The import is killed just after its ``saves``-th save, before recording it as done."""
    real = RecordWriter.add
    done: list[int] = []

    def add(self: RecordWriter, touched: record_module.Touched) -> None:
        done.append(1)
        if len(done) == saves:
            raise Killed
        real(self, touched)

    monkeypatch.setattr(RecordWriter, "add", add)
    with pytest.raises(Killed):
        run_import(plan_for(store, tmp_path), store, source="export.csv")
    monkeypatch.undo()


def test_a_pupil_saved_just_before_the_import_was_killed_is_undone(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    amira = store.save(
        store.new_pupil("Amira", "Hussain", date_of_birth="2015-03-14", year_group="Year 5")
    )
    killed_after_saves(store, tmp_path, monkeypatch, saves=2)
    assert len(store.scan().pupils) == 2  # Amira updated, Ollie added, then the kill
    record = last_import(Store(store.root))
    assert record is not None
    assert [t.pupil_id for t in record.touched] == [amira.id]
    assert len(record.interrupted) == 1
    report = undo(record, store, by="SENCO")
    assert sorted(report.undone) == ["Mira Hussain", "Ollie Bennett"]
    assert report.left == []
    pupils = store.scan().pupils
    assert [(p.display_name, p.pupil.year_group) for p in pupils] == [("Amira Hussain", "Year 5")]


def test_a_pupil_changed_after_an_interrupted_save_is_named_not_touched(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_after_saves(store, tmp_path, monkeypatch, saves=1)
    (added,) = store.scan().pupils
    edited = store.save(
        added.model_copy(update={"portrait": added.portrait.model_copy(update={"about_me": "Hi"})}),
        by="K. Okafor",
    )
    record = last_import(store)
    assert record is not None and record.touched == [] and len(record.interrupted) == 1
    report = undo(record, store)
    assert report.undone == []
    assert len(report.left) == 1
    assert "stopped while saving it" in report.left[0] and "K. Okafor" in report.left[0]
    assert store.load(added.id) == edited


def test_an_interrupted_intent_whose_save_never_happened_touches_nothing(
    store: Store, tmp_path: Path
) -> None:
    amira = store.save(
        store.new_pupil("Amira", "Hussain", date_of_birth="2015-03-14", year_group="Year 5")
    )
    writer = RecordWriter(store, "export.csv", "MIS import")
    changed = amira.model_copy(
        update={"pupil": amira.pupil.model_copy(update={"year_group": "Year 6"})}
    )
    writer.intend(changed, amira.revision)
    writer.intend(store.new_pupil("Ollie", "Bennett"), None)
    writer.close()
    report = undo(read_record(writer.path), store)
    assert report.undone == []
    assert report.left == ["Amira Hussain: the import stopped before saving it; it was not changed"]
    assert store.load(amira.id) == amira


def test_undo_picks_the_later_import_even_from_a_laptop_whose_clock_is_behind(
    store: Store, tmp_path: Path
) -> None:
    first = write(tmp_path, "Forename,Surname,Date of birth\nAlpha,One,2015-01-01\n", name="a.csv")
    second = write(tmp_path, "Forename,Surname,Date of birth\nBeta,Two,2015-02-02\n", name="b.csv")
    run_import(plan_import(read_table(first), []), store, source="a.csv")
    clock.pin(FIXED_NOW - dt.timedelta(days=1))  # the second laptop's clock is a day behind
    try:
        run_import(plan_import(read_table(second), store.scan().pupils), store, source="b.csv")
    finally:
        clock.pin(FIXED_NOW)
    record = last_import(store)
    assert record is not None and record.source == "b.csv"
    undo(record, store)
    assert [p.display_name for p in store.scan().pupils] == ["Alpha One"]
    record = last_import(store)
    assert record is not None and record.source == "a.csv"


def test_imports_in_the_same_second_are_undone_newest_first(store: Store, tmp_path: Path) -> None:
    """The clock is pinned: every import here happens in the same second."""
    for number in range(8):
        csv = write(tmp_path, f"Forename,Surname\nP{number},S{number}\n", name=f"{number}.csv")
        run_import(plan_import(read_table(csv), store.scan().pupils), store, source=f"{number}.csv")
    for number in reversed(range(8)):
        record = last_import(store)
        assert record is not None and record.source == f"{number}.csv"
        undo(record, store)
    assert last_import(store) is None and store.scan().pupils == []
    # Undone records keep their numbers: a new import still comes after all of them.
    names = sorted(p.name for p in (store.root / "imports").iterdir())
    assert names[0] == "import-000001.undone.jsonl" and len(names) == 8


def test_a_record_from_an_older_version_named_by_its_time_comes_before_numbered_ones(
    store: Store, tmp_path: Path
) -> None:
    csv = write(tmp_path, "Forename,Surname\nNew,One\n", name="new.csv")
    run_import(plan_import(read_table(csv), []), store, source="new.csv")
    old = store.root / "imports" / "20991231T235959Z-ffffffff.jsonl"
    old.write_text('{"format": "penportrait.import", "source": "old.csv"}\n', encoding="utf-8")
    record = last_import(store)
    assert record is not None and record.source == "new.csv"


HEADER = '{"format": "penportrait.import", "version": 2, "source": "x.csv", "by": "MIS"}\n'


def record_file(store: Store, text: str | bytes) -> Path:
    folder = store.root / "imports"
    folder.mkdir(exist_ok=True)
    path = folder / "import-000001.jsonl"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_a_record_naming_a_pupil_the_import_never_began_to_save_is_reported_not_acted_on(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    path = record_file(store, HEADER + f'{{"id": "{pupil.id}", "before": null, "after": 1}}\n')
    record = last_import(store)
    assert record is not None and record.damaged is not None
    assert "line 2" in record.damaged and "never said it was saving" in record.damaged
    report = undo(record, store)
    assert report.undone == [] and "nothing was undone" in report.left[0]
    assert store.load(pupil.id) == pupil and path.exists()  # kept, not marked undone
    code, _, err = run(capsys, "undo-import", "--data", str(store.root))
    assert code == 1 and "import-000001.jsonl, line 2" in err and "nothing was undone" in err
    assert store.load(pupil.id) == pupil


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (bytes(range(256)) * 16, "line 1"),
        ("x" * (2 * 1024 * 1024), "line 1: far longer"),
        (HEADER + "x" * (2 * 1024 * 1024) + "\n", "line 2: far longer"),
        (HEADER + '{"intent": "../../etc", "before": null, "fingerprint": "x"}\n{}\n', "line 2"),
        (HEADER + "[1, 2]\n" + '{"failed": "x"}\n', "line 2"),
    ],
    ids=["binary", "one-huge-line", "huge-second-line", "bad-intent", "not-an-object"],
)
def test_a_damaged_record_is_reported_by_line(
    store: Store, text: str | bytes, problem: str
) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"))
    record_file(store, text)
    record = last_import(store)
    assert record is not None and record.damaged is not None and problem in record.damaged
    assert undo(record, store).undone == []
    assert store.load(pupil.id) == pupil


def test_a_last_line_torn_by_a_crash_is_skipped_and_older_records_still_undo(
    store: Store,
) -> None:
    pupil = store.save(store.new_pupil("Amira", "Hussain"), by="MIS import")
    old_format = '{"format": "penportrait.import", "source": "old.csv", "by": "MIS import"}\n'
    line = f'{{"id": "{pupil.id}", "before": null, "after": 1}}\n'
    record_file(store, old_format + line + '{"id": "tor')
    record = last_import(store)
    assert record is not None and record.damaged is None and len(record.touched) == 1
    assert undo(record, store).undone == ["Amira Hussain"]


def test_a_record_line_naming_a_pupil_last_saved_by_someone_else_leaves_it(store: Store) -> None:
    """An older record (no intent lines) edited to name a pupil the import never saved."""
    pupil = store.save(store.new_pupil("Amira", "Hussain"), by="K. Okafor")
    old_format = '{"format": "penportrait.import", "source": "old.csv", "by": "MIS import"}\n'
    record_file(store, old_format + f'{{"id": "{pupil.id}", "before": null, "after": 1}}\n')
    record = last_import(store)
    assert record is not None and record.damaged is None
    report = undo(record, store)
    assert report.undone == [] and "K. Okafor" in report.left[0]
    assert store.load(pupil.id) == pupil
