"""Helper for test_crash_safety: forks savers and kills them with SIGKILL at random moments.

Run as a script in its own single-threaded process (so fork is safe): each round forks a child
that saves the same pupils over and over, with texts of random length, until it is killed after
a random delay of up to 40 ms. Prints one JSON line with what happened.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time

from penportrait.core.store import SaveConflict, Store


def saver(root: str, ids: list[str], seed: int) -> None:
    store = Store(root)
    rng = random.Random(seed)
    while True:
        pupil_id = rng.choice(ids)
        try:
            pupil = store.load(pupil_id)
            about = "Ł" * rng.randrange(1, 200_000)  # long enough to be killed mid-write
            edited = pupil.model_copy(
                update={"portrait": pupil.portrait.model_copy(update={"about_me": about})}
            )
            store.save(edited, by=f"saver {seed}")
        except SaveConflict:
            pass


def main() -> None:
    root, rounds = sys.argv[1], int(sys.argv[2])
    store = Store(root)
    ids = [p.id for p in store.scan().pupils]
    rng = random.Random(20261123)
    kills = 0
    for n in range(rounds):
        pid = os.fork()
        if pid == 0:
            try:
                saver(root, ids, n)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        kills += os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    print(json.dumps({"rounds": rounds, "killed": kills}))


if __name__ == "__main__":
    main()
