"""The core never imports Qt (STYLE.md 1): import every core module with Qt blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_every_core_module_imports_with_qt_blocked() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("Qt is blocked in the core: " + name)
        sys.meta_path.insert(0, Block())
        import penportrait.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, "penportrait.core.")]
        for name in names:
            importlib.import_module(name)
        import penportrait.cli
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print(len(names))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 8
