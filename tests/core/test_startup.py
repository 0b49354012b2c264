"""The collector is frozen once, at start-up (core.startup); a rescan only pauses it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _run(script: str, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_scan_pauses_the_collector_but_freezes_nothing(tmp_path: Path) -> None:
    # In a child: freezing is for the life of a process, and this one runs the whole suite.
    script = f"""
        import gc
        from penportrait.core.model import Pupil
        from penportrait.core.store import Store
        from tests.helpers import example
        store = Store({str(tmp_path)!r})
        store.save(Pupil.model_validate(example(revision=0)))
        frozen = gc.get_freeze_count()
        for _ in range(3):
            assert len(store.scan().pupils) == 1
        assert gc.isenabled()
        gc.disable()
        store.scan()
        assert not gc.isenabled()  # a paused collector stays paused
        print(gc.get_freeze_count() - frozen)
        """
    assert _run(script, Path(__file__).parents[2]) == "0"


def test_start_up_runs_with_the_collector_paused_then_freezes_what_it_made(
    tmp_path: Path,
) -> None:
    script = f"""
        import gc
        from penportrait.core.model import Pupil
        from penportrait.core.startup import starting_up
        from penportrait.core.store import Store
        from tests.helpers import example
        store = Store({str(tmp_path)!r})
        store.save(Pupil.model_validate(example(revision=0)))
        gc.collect()
        frozen = gc.get_freeze_count()
        with starting_up():
            assert not gc.isenabled()
            pupils = store.scan().pupils
            assert not gc.isenabled()
        assert gc.isenabled()
        print(gc.get_freeze_count() - frozen > 0, pupils[0].id in str(pupils))
        """
    assert _run(script, Path(__file__).parents[2]) == "True True"


def test_garbage_made_before_start_up_is_freed_not_frozen(tmp_path: Path) -> None:
    # The GUI app switches automatic collection off before it writes the sample school.
    script = """
        import gc, weakref
        from penportrait.core.startup import starting_up
        class Cycle:
            def __init__(self):
                self.me = self
        gc.collect()
        gc.disable()
        left = weakref.ref(Cycle())  # cyclic garbage from before start-up
        with starting_up():
            kept = Cycle()  # made by start-up, and still used
        gc.collect()
        print(left() is None, gc.get_freeze_count() > 0, kept.me is kept)
        """
    assert _run(script, tmp_path) == "True True True"
