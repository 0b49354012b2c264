"""A pupil the app could save but not read back: a huge paste into one field.

Saves are held to the size a scan reads (MAX_PUPIL_FILE_BYTES); a file already over it (written
before that) can still be replaced by a shortened version, its old bytes kept in history.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from penportrait.core.draft import Draft, Failed, Saved, SaveState, Unchanged
from penportrait.core.model import Pupil
from penportrait.core.store import MAX_PUPIL_FILE_BYTES, PupilTooBig, Store

HUGE = "x" * (MAX_PUPIL_FILE_BYTES + 100_000)


def with_about(pupil: Pupil, text: str) -> Pupil:
    return pupil.model_copy(
        update={"portrait": pupil.portrait.model_copy(update={"about_me": text})}
    )


@pytest.fixture
def ada(tmp_path: Path) -> tuple[Store, Pupil]:
    store = Store(tmp_path / "data")
    return store, store.save(store.new_pupil("Ada", "Big"), by="t")


def test_a_save_too_big_to_read_back_is_refused_naming_the_pupil_and_the_field(
    ada: tuple[Store, Pupil],
) -> None:
    store, pupil = ada
    before = store.pupil_path(pupil.id).read_bytes()
    with pytest.raises(PupilTooBig) as refused:
        store.save(with_about(pupil, HUGE), by="t")
    assert str(refused.value).startswith("Ada Big: “About me” is too long: 2.1 MB")
    assert store.pupil_path(pupil.id).read_bytes() == before  # nothing written
    scan = store.scan()
    assert [p.id for p in scan.pupils] == [pupil.id] and scan.problems == []


def test_the_largest_field_is_named(ada: tuple[Store, Pupil]) -> None:
    store, pupil = ada
    strengths = ["y" * 500_000] * 5
    big = pupil.model_copy(
        update={
            "portrait": pupil.portrait.model_copy(
                update={"about_me": "z" * 200_000, "strengths": strengths}
            )
        }
    )
    with pytest.raises(PupilTooBig, match=r"^Ada Big: “My strengths” is too long: 2\.4 MB"):
        store.save(big, by="t")


def test_a_file_already_over_the_limit_can_be_saved_shortened(ada: tuple[Store, Pupil]) -> None:
    """Written by an earlier version (no limit): not read by a scan, but replaceable."""
    store, pupil = ada
    path = store.pupil_path(pupil.id)
    huge = json.loads(path.read_text("utf-8"))
    huge["portrait"]["about_me"] = HUGE
    huge["revision"] = 2
    path.write_text(json.dumps(huge), "utf-8")
    assert store.scan().pupils == []  # far too big for a scan

    saved = store.save(with_about(pupil.model_copy(update={"revision": 2}), "Short."), by="t")
    assert saved.revision == 3
    assert store.load(pupil.id).portrait.about_me == "Short."
    assert [p.id for p in store.scan().pupils] == [pupil.id]
    assert 2 in store.history(pupil.id)  # the big one is kept, not lost


def test_the_editor_says_so_and_does_not_retry_until_the_next_edit(
    ada: tuple[Store, Pupil],
) -> None:
    store, pupil = ada
    draft = Draft(store, user="t")
    draft.open(pupil)
    draft.edit(with_about(pupil, HUGE))
    outcome = draft.save()
    assert isinstance(outcome, Failed) and outcome.permanent
    assert outcome.message.startswith(
        "Ada Big could not be saved: “About me” is too long: 2.1 MB of text"
    )
    assert "Errno" not in outcome.message and "Traceback" not in outcome.message
    assert draft.state is SaveState.FAILED and draft.dirty
    assert isinstance(draft.retry(), Unchanged)  # trying again cannot help

    draft.edit(with_about(pupil, "Shortened."))
    assert isinstance(draft.save(), Saved)
    assert store.load(pupil.id).portrait.about_me == "Shortened."
