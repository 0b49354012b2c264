"""A crash at any moment of a save leaves the old file or the new one, never a broken one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from penportrait.core.store import Store

ROUNDS = 240


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_savers_killed_at_random_moments_never_leave_a_broken_file(store: Store) -> None:
    ids = [store.save(store.new_pupil(f"Pupil{n}", "Crash")).id for n in range(3)]
    helper = Path(__file__).with_name("crash_saver.py")

    result = subprocess.run(
        [sys.executable, str(helper), str(store.root), str(ROUNDS)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )

    report = json.loads(result.stdout)
    assert report["killed"] == ROUNDS
    scan = store.scan()
    assert scan.problems == []
    assert sorted(p.id for p in scan.pupils) == sorted(ids)
    # The savers really were busy: many saves landed, and history holds loadable revisions.
    revisions = {p.id: p.revision for p in scan.pupils}
    assert sum(revisions.values()) > 3 * 5, revisions
    for pupil_id in ids:
        for revision in store.history(pupil_id):
            assert store.load_revision(pupil_id, revision).id == pupil_id
    # Kills landed mid-write too: temporary files were left behind (and are ignored).
    leftovers = [p for p in store.pupils_dir.iterdir() if p.name.endswith(".tmp")]
    assert leftovers, "no kill landed during a write; the test proved nothing"
