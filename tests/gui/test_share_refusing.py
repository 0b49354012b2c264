"""A share that refuses to list pupils/ for a while (permission, a failing disk, a dropped
mount): the rescan says so, naming the folder, and the list keeps what it showed."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from penportrait.core.store import Store
from penportrait.gui.main_window import MainWindow


@pytest.mark.parametrize("code", [errno.EIO, errno.EACCES, errno.ESTALE])
def test_a_poll_while_pupils_cannot_be_listed_keeps_the_list_and_names_the_folder(
    qtbot: QtBot,
    window: MainWindow,
    sample_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
    code: int,
) -> None:
    shown = window.pupil_list.proxy.rowCount()
    assert shown > 30 and not window.pupil_list.notice.isVisible()
    window.pupil_list.select_row(3)
    current = window.current_id()
    real = os.scandir
    pupils = str(sample_store.pupils_dir)

    def refusing(path: object = ".") -> Iterator[os.DirEntry[str]]:
        if str(path) == pupils:
            raise OSError(code, os.strerror(code), pupils)
        return real(path)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(os, "scandir", refusing)
    assert window.folder_watch.poll()  # pupils/ went quiet: the poll asks for a rescan
    assert window.pupil_list.proxy.rowCount() == shown
    assert window.current_id() == current
    assert window.pupil_list.notice.isVisible()
    assert "pupils" in window.pupil_list.notice.text()
    problem = next(p for p in window.last_scan.problems if p.file == "pupils")
    assert "could not be listed" in problem.reason and "Errno" not in problem.reason
    assert message_boxes == []

    monkeypatch.setattr(os, "scandir", real)  # the share is back
    assert window.folder_watch.poll()
    assert window.pupil_list.proxy.rowCount() == shown
    assert not window.pupil_list.notice.isVisible()
