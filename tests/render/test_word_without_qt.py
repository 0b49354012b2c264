"""Word output needs no Qt: render.docx, its page geometry and its writer are plain Python."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import docx


def test_a_word_file_is_written_without_importing_qt(tmp_path: Path) -> None:
    out = tmp_path / "portrait.docx"
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from penportrait.core.model import Pupil
        from penportrait.core.school import SchoolSettings
        from penportrait.core.views import Audience, overview_view, page_view
        from penportrait.render.docx import WordOverview, WordPage, write_docx
        from penportrait.render.footer import footer_for, overview_footer
        from tests.helpers import example

        pupil = Pupil.model_validate(example())
        settings = SchoolSettings(name="Ashbrook")
        view = page_view(pupil, settings, Audience.STAFF)
        overview = overview_view("8R", [pupil], settings, Audience.COVER)
        write_docx(
            [
                WordOverview(overview, 10.0, overview_footer(overview), photos={{}}),
                WordPage(view, 11.0, footer_for(view)),
            ],
            Path({str(out)!r}),
        )
        print(view.name)
        print(sorted(m for m in sys.modules if m.split(".")[0] == "PySide6"))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    name, qt_modules = result.stdout.splitlines()
    assert qt_modules == "[]"
    body = docx.Document(str(out)).element.body
    text = "".join(node.text or "" for node in body.iter() if isinstance(node.text, str))
    assert name in text and "Class overview" not in name
