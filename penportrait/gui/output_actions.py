"""What leaves the app on paper or as a file: export PDF and Word, print, and the cover pack.

Each command is a method here; ``handlers`` maps the names of gui/actions.py's MENUS to them.
Unsaved edits are saved first (or the user stays with them), so what goes out is what is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog

from penportrait.core import files
from penportrait.core.views import Audience
from penportrait.gui import messages, ui_state
from penportrait.render.export import fit_portrait, write_pages
from penportrait.render.pdf import RenderError, print_pages

if TYPE_CHECKING:  # imported when first used: start-up pays only for what it shows
    from penportrait.gui.main_window import MainWindow
    from penportrait.gui.pack_dialog import PackDialog


class OutputActions(QObject):
    """File > Export PDF / Export Word / Print / Pack for cover staff."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "export_pdf_action": lambda: self.export(".pdf"),
            "export_word_action": lambda: self.export(".docx"),
            "print_action": self.print_page,
            "pack_action": self.make_pack,
        }

    def export(self, suffix: str) -> Path | None:
        """The page now shown (staff or cover) as a PDF or Word file the user names."""
        window = self.window
        content = window.session.content
        if content is None or not window.flush():
            return None
        content = window.session.content  # as saved (or as it was, if the edit was dropped)
        if content is None:
            return None
        kind = "PDF" if suffix == ".pdf" else "Word"
        audience = window.live.audience
        kind_of_page = "cover" if audience is Audience.COVER else "portrait"
        name = f"{files.safe_file_name(content.display_name)} - {kind_of_page}{suffix}"
        folder = ui_state.EXPORT_FOLDER.get()
        path, _ = QFileDialog.getSaveFileName(
            window, f"Export {kind}", str(folder / name), f"{kind} (*{suffix})"
        )
        if not path:
            return None
        out = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        ui_state.EXPORT_FOLDER.set(out.parent)
        page = fit_portrait(window.store, content, window.school, audience, bank=window.bank)
        try:
            write_pages([page], out)
        except RenderError as error:
            messages.warn(window, f"{kind} not written", str(error))
            return None
        window.show_status(f"Exported {out}", 8000)
        return out

    def print_page(self) -> None:
        window = self.window
        content = window.session.content
        if content is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        page = fit_portrait(
            window.store, content, window.school, window.live.audience, bank=window.bank
        )
        try:
            print_pages([page], printer)
        except RenderError as error:
            messages.warn(window, "Not printed", str(error))

    def make_pack(self) -> PackDialog | None:
        """File > Pack for cover staff: the dialog (edits are saved first; None: the user stays)."""
        from penportrait.gui.pack_dialog import PackDialog

        window = self.window
        if not window.flush():
            return None
        chosen = window.pupil_list.current_group()
        dialog = PackDialog(
            window.store,
            window.store.scan().pupils,
            window.school,
            window,
            groups=[chosen] if chosen else [],
        )
        dialog.pack_ready.connect(
            lambda pack: window.show_status(
                f"Pack made: {pack.pupils} portraits, {pack.page_count} pages.", 8000
            )
        )
        dialog.open()
        return dialog
