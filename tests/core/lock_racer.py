"""Helper for test_lock_race (and the bench): savers racing over stale locks.

Run as a script in its own single-threaded process (so fork is safe). It forks WORKERS savers
that stay alive; each trial writes a pupil at revision 1 and a stale lock beside it (left by a
dead process on this computer, by another laptop long ago, or naming a live process whose id
was reused), then tells 2-4 savers at once to save their own edit from revision 1. Exactly one
may succeed, and its edit must be the file's content. Prints one JSON line of counts.

    python lock_racer.py DATA_FOLDER TRIALS [KINDS]
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

from penportrait.core import files
from penportrait.core.store import SaveConflict, Store

WORKERS = 4


def worker(root: str, commands: int, answers: int, number: int) -> None:
    store = Store(root)
    with os.fdopen(commands, "r") as inbox, os.fdopen(answers, "w") as outbox:
        for line in inbox:
            pupil_id, trial = line.split()
            pupil = store.load(pupil_id)
            mine = pupil.model_copy(
                update={
                    "revision": 1,  # every saver edits revision 1, whenever it reads the file
                    "portrait": pupil.portrait.model_copy(
                        update={"about_me": f"saver {number} trial {trial}"}
                    ),
                }
            )
            try:
                store.save(mine, by=f"saver {number}")
                outcome = "saved"
            except SaveConflict:
                outcome = "conflict"
            except files.LockTimeout:
                outcome = "timeout"
            outbox.write(f"{number} {outcome}\n")
            outbox.flush()
    os._exit(0)


def dead_pid() -> int:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def main() -> None:
    root, trials = Path(sys.argv[1]), int(sys.argv[2])
    kinds = int(sys.argv[3]) if len(sys.argv) > 3 else 3  # 2: leave out the reused process id
    store = Store(root)
    rng = random.Random(20261124)
    answers_read, answers_write = os.pipe()
    inboxes = []
    children = []
    for number in range(WORKERS):
        command_read, command_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(command_write)
            os.close(answers_read)
            worker(str(root), command_read, answers_write, number)
        os.close(command_read)
        inboxes.append(os.fdopen(command_write, "w"))
        children.append(pid)
    os.close(answers_write)
    answers = os.fdopen(answers_read, "r")
    dead = dead_pid()
    counts = {"trials": 0, "double": 0, "none": 0, "lost": 0, "timeouts": 0, "saves": 0}
    started = time.monotonic()
    for trial in range(trials):
        pupil = store.save(store.new_pupil("Race", f"Trial{trial}"))
        lock = store.pupil_path(pupil.id).with_name(f"{pupil.id}.json{files.LOCK_SUFFIX}")
        kind = trial % kinds
        if kind == 0:  # a crashed save on this computer
            lock.write_text(files.lock_token(int(dead), "crashed"), encoding="utf-8")
        elif kind == 1:  # a crashed save on another laptop, long ago
            lock.write_text("other-laptop 4242", encoding="utf-8")
            old = time.time() - 10 * files.STALE_LOCK_SECONDS
            os.utime(lock, (old, old))
        else:  # this computer, a process id since reused by a live process
            lock.write_text(f"{files.HOST} {os.getppid()}", encoding="utf-8")
            old = time.time() - 10 * files.STALE_LOCK_SECONDS
            os.utime(lock, (old, old))
        savers = rng.sample(range(WORKERS), rng.randint(2, WORKERS))
        for number in savers:
            inboxes[number].write(f"{pupil.id} {trial}\n")
        for number in savers:
            inboxes[number].flush()
        outcomes = dict(answers.readline().split() for _ in savers)
        winners = [int(n) for n, outcome in outcomes.items() if outcome == "saved"]
        counts["trials"] += 1
        counts["saves"] += len(savers)
        counts["timeouts"] += sum(outcome == "timeout" for outcome in outcomes.values())
        if len(winners) > 1:
            counts["double"] += 1
        if not winners:
            counts["none"] += 1
        on_disk = store.load(pupil.id)
        # Every successful save's edit must be in the file or in history.
        kept = {on_disk.portrait.about_me} | {
            store.load_revision(pupil.id, r).portrait.about_me for r in store.history(pupil.id)
        }
        counts["lost"] += sum(f"saver {n} trial {trial}" not in kept for n in winners)
    counts["seconds"] = round(time.monotonic() - started, 2)
    for inbox in inboxes:
        inbox.close()
    for pid in children:
        os.waitpid(pid, 0)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
