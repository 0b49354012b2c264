"""The Qt binding we install must not wear None's reference count down (PySide6 6.12.0 on
Python 3.11 drops one reference per Qt call that returns nothing; the process then aborts
after about 16,000 such calls, so a long session or a big pack would crash)."""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import sys
from PySide6.QtGui import QGuiApplication, QTextDocument
app = QGuiApplication([])
document = QTextDocument()
before = sys.getrefcount(None)
for _ in range(2000):
    document.setDocumentMargin(0)
print(before - sys.getrefcount(None))
"""


def test_qt_calls_that_return_nothing_leave_none_alone() -> None:
    # A child process: if the binding has the fault, only the child may abort.
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert int(result.stdout) < 100  # 2,000 with the fault
