"""Hearing other laptops: a file watcher on the data folder, and a cheap poll where it is deaf.

``changed`` fires (once, a moment after a burst of changes) when the folder may hold something
the window does not show yet. On a network share, where the watcher hears nothing of other
machines, the folder's listing is compared every few seconds instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from penportrait.core.folder import DataFolder
from penportrait.core.folder_poll import folder_signature, watcher_is_reliable

WATCH_DELAY_MS: Final = 400
# How often a folder on a network share is listed to see other laptops' changes.
POLL_INTERVAL_MS: Final = 5000


class FolderWatch(QObject):
    """Watches one data folder at a time (``watch``) and says when it ``changed``."""

    changed = Signal()

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.delay = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self.delay.timeout.connect(self.changed)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self.delay.start())
        self.watcher.fileChanged.connect(lambda _p: self.delay.start())
        self.poll_timer = QTimer(self, interval=POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._signature = folder_signature(root)
        self._start_polling()

    def watch(self, root: Path) -> None:
        """Watch another data folder instead (File > Open data folder)."""
        for path in self.watcher.directories() + self.watcher.files():
            self.watcher.removePath(path)
        self.root = root
        self._signature = folder_signature(root)
        self._start_polling()

    def _start_polling(self) -> None:
        if watcher_is_reliable(self.root):
            self.poll_timer.stop()
        else:
            self.poll_timer.start()

    def add_new_paths(self) -> None:
        """Watch the folders and files that exist now (pupils/ and school.json appear with the
        first save)."""
        folder = DataFolder(self.root)
        wanted = [str(p) for p in (folder.root, folder.pupils) if p.is_dir()]
        if folder.school_file.exists():
            wanted.append(str(folder.school_file))
        watched = self.watcher.directories() + self.watcher.files()
        missing = [p for p in wanted if p not in watched]
        if missing:
            self.watcher.addPaths(missing)

    def poll(self) -> bool:
        """One cheap look (a listing with sizes and times); ``changed`` only if something moved."""
        signature = folder_signature(self.root)
        if signature == self._signature:
            return False
        self._signature = signature
        self.changed.emit()
        self._signature = folder_signature(self.root)  # our own merges, if any
        return True
