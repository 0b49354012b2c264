"""Two laptops that meet again, through a real sync engine (Syncthing on 127.0.0.1 only).

Both sides edit while their devices are paused: different fields of one pupil, the same field
of another, a new pupil each, and a pupil deleted on one side and edited on the other. After
they meet again, ``penportrait conflicts --merge`` merges what it can, the remaining clash is
settled through the app's dialog, and every edit from either side is checked field by field.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from penportrait.core.model import Pupil
from penportrait.core.store import Store

from .syncthing import SYNCTHING, Instance, pair, reconnect, settle, snapshot, wait_for

pytestmark = [
    pytest.mark.slow,
    # CI sets PENPORTRAIT_REQUIRE_SYNCTHING=1 (.ci/run installs the package): there it must run.
    pytest.mark.skipif(
        SYNCTHING is None and not os.environ.get("PENPORTRAIT_REQUIRE_SYNCTHING"),
        reason="syncthing is not installed (Debian package 'syncthing'; .ci/run installs it)",
    ),
]


def edit(store: Store, pupil_id: str, by: str, **portrait: object) -> Pupil:
    pupil = store.load(pupil_id)
    changed = pupil.model_copy(update={"portrait": pupil.portrait.model_copy(update=portrait)})
    return store.save(changed, by=by)


def met_again(a: Instance, b: Instance) -> bool:
    """Both in sync, the same files on both sides, and the conflict copies arrived."""
    if not (a.in_sync_with(b) and b.in_sync_with(a)):
        return False
    files_a = snapshot(a.folder)
    return files_a == snapshot(b.folder) and any(".sync-conflict-" in name for name in files_a)


def test_offline_edits_on_two_laptops_are_all_kept(qtbot: QtBot, tmp_path: Path) -> None:
    with pair(tmp_path) as (a, b):
        store_a, store_b = Store(a.folder), Store(b.folder)
        # The school before the laptops part: three pupils, synced to both.
        ids = {}
        for key, first in (("fields", "Amira"), ("same", "Ben"), ("deleted", "Cara")):
            pupil = store_a.new_pupil(first, "Test")
            pupil = pupil.model_copy(
                update={
                    "portrait": pupil.portrait.model_copy(
                        update={"about_me": "base", "strengths": ["Kind"]}
                    )
                }
            )
            ids[key] = store_a.save(pupil, by="Office").id
        settle(a, b)
        assert sorted(p.id for p in store_b.scan().pupils) == sorted(ids.values())

        # Apart: each laptop edits while the other is paused.
        a.pause(b)
        b.pause(a)
        wait_for("A and B to part", lambda: not a.connected_to(b) and not b.connected_to(a))
        edit(store_a, ids["fields"], "TA on A", about_me="A: likes maps")
        edit(
            store_b,
            ids["fields"],
            "TA on B",
            pupil_voice="B: I like quiet",
            strengths=["Kind", "Brave"],
        )
        edit(store_a, ids["same"], "TA on A", about_me="A: the same field", targets=["A target"])
        edit(store_b, ids["same"], "TA on B", about_me="B: the same field", avoid=["B avoid"])
        new_a = store_a.save(store_a.new_pupil("Dev", "OnlyA"), by="TA on A")
        new_b = store_b.save(store_b.new_pupil("Eve", "OnlyB"), by="TA on B")
        store_a.delete(ids["deleted"])
        edit(store_b, ids["deleted"], "TA on B", about_me="B: edited while A deleted")
        a.scan()
        b.scan()

        # They meet again.
        reconnect(a, b)
        wait_for("the conflict copies to arrive on both sides", lambda: _rescanned(a, b), 45)

        from penportrait.cli import main

        assert main(["conflicts", "--data", str(a.folder), "--merge"]) == 1  # one clash left
        _resolve_in_app(qtbot, a.folder)
        assert main(["conflicts", "--data", str(a.folder)]) == 0

        store_a = Store(a.folder)
        pupils = {p.id: p for p in store_a.scan().pupils}
        fields = pupils[ids["fields"]].portrait
        assert fields.about_me == "A: likes maps"
        assert fields.pupil_voice == "B: I like quiet"
        assert fields.strengths == ["Kind", "Brave"]
        same = pupils[ids["same"]].portrait
        assert same.about_me == "B: the same field"  # the person chose B's in the dialog
        assert same.targets == ["A target"] and same.avoid == ["B avoid"]
        assert pupils[new_a.id].pupil.last_name == "OnlyA"
        assert pupils[new_b.id].pupil.last_name == "OnlyB"
        # Syncthing resurrects a file deleted on one side and edited on the other.
        assert pupils[ids["deleted"]].portrait.about_me == "B: edited while A deleted"
        assert store_a.scan().problems == []
        # The other version of each merged pupil is kept, byte for byte, in the trash.
        kept = sorted((a.folder / "trash" / "conflict-copies").iterdir())
        assert len(kept) == 2

        # And laptop B ends with the same files, the merged pupils included.
        settle(a, b)
        assert {p.id: p for p in Store(b.folder).scan().pupils} == pupils


def _rescanned(a: Instance, b: Instance) -> bool:
    a.scan()
    b.scan()
    return met_again(a, b)


def _resolve_in_app(qtbot: QtBot, folder: Path) -> None:
    """Open the app on laptop A's folder; settle the clash in the dialog, keeping B's text."""
    from penportrait.gui.main_window import MainWindow
    from tests.gui.test_conflicts_gui import resolve_in_dialog

    window = MainWindow(Store(folder))
    qtbot.addWidget(window)
    assert "1 needs you to choose" in window.pupil_list.conflict_banner.label.text()
    resolve_in_dialog(qtbot, window, {"portrait.about_me": "B: the same field"}, via="banner")
    assert window.pupil_list.conflict_banner.isHidden()
    window.close()
