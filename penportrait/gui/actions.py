"""Every command of the main window, declared once: its words, keys, menu and toolbar place.

The menus, the toolbar, the keyboard shortcuts and the F1 list of shortcuts are all built from
MENUS below, so a command cannot exist without a place on a menu, and the shortcut list cannot
drift from the keys that work. The window supplies what each command does (by name).

Shortcuts are application-wide: they work wherever the focus is, a single-line field included
(Qt's line edits would otherwise take Ctrl+E as "end of line" on Linux). Text fields keep only
their standard editing keys (undo, cut, copy, paste, select all, delete a word).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
)


@dataclass(frozen=True)
class Command:
    """One command: ``name`` is the window's attribute for its QAction."""

    name: str
    text: str
    keys: tuple[str, ...] = ()
    tip: str = ""
    toolbar: bool = False
    help: str = ""  # how the F1 list describes it, when the menu text is not enough

    @property
    def plain_text(self) -> str:
        return self.text.replace("&", "").rstrip("…")


SEPARATOR: Final = None
Entry = Command | None

MENUS: Final[tuple[tuple[str, tuple[Entry, ...]], ...]] = (
    (
        "&File",
        (
            Command("new_action", "&New pupil", ("Ctrl+N",), "Add a pupil", toolbar=True),
            Command(
                "save_action",
                "&Save now",
                ("Ctrl+S",),
                help="Save now (changes also save by themselves)",
            ),
            SEPARATOR,
            Command(
                "import_action",
                "&Import pupils…",
                ("Ctrl+I",),
                "Bring pupils in from the school's MIS (a CSV export)",
            ),
            SEPARATOR,
            Command(
                "export_pdf_action",
                "&Export PDF…",
                ("Ctrl+E",),
                toolbar=True,
                help="Export the page as PDF",
            ),
            Command(
                "export_word_action",
                "Export &Word…",
                ("Ctrl+Shift+E",),
                toolbar=True,
                help="Export the page as Word",
            ),
            Command("print_action", "&Print…", ("Ctrl+P",), toolbar=True, help="Print the page"),
            Command(
                "pack_action",
                "Pack for &cover staff…",
                ("Ctrl+Shift+P",),
                "A class overview and portraits for a supply teacher",
                toolbar=True,
            ),
            SEPARATOR,
            Command(
                "delete_action",
                "&Delete pupil",
                ("Ctrl+Del",),
                "Move the pupil to the trash (you can undo it)",
            ),
            Command("trash_action", "&Restore from trash…"),
            SEPARATOR,
            Command("open_folder_action", "&Open data folder…", ("Ctrl+O",)),
            SEPARATOR,
            Command("quit_action", "&Quit", ("Ctrl+Q",)),
        ),
    ),
    (
        "&Edit",
        (
            Command("undo_action", "&Undo", ("Ctrl+Z",), toolbar=True),
            Command("redo_action", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), toolbar=True),
            SEPARATOR,
            Command(
                "undo_delete_action",
                "Undo &delete",
                tip="Bring back the pupil you last moved to the trash",
            ),
            Command(
                "undo_import_action",
                "Undo &import",
                ("Ctrl+Shift+I",),
                "Put back every pupil the last import added or changed",
                help="Undo the last import",
            ),
            SEPARATOR,
            Command("find_action", "&Find pupil", ("Ctrl+F",), help="Find a pupil"),
            Command("previous_action", "Pre&vious pupil", ("Ctrl+PgUp",)),
            Command("next_action", "Ne&xt pupil", ("Ctrl+PgDown",)),
        ),
    ),
    (
        "&View",
        (
            Command("staff_view", "&Staff page", ("Ctrl+1",), help="Show the staff page"),
            Command("cover_view", "&Cover page", ("Ctrl+2",), help="Show the cover page"),
        ),
    ),
    (
        "&Review",
        (
            Command(
                "reviews_action",
                "&Reviews due…",
                ("Ctrl+R",),
                "Portraits overdue or due within 14 days",
            ),
            Command(
                "mark_reviewed_action",
                "&Mark reviewed today",
                ("Ctrl+Shift+R",),
                "Set the last review to today and the next one a review period on",
            ),
            Command(
                "check_portrait_action",
                "Check this &portrait…",
                ("Ctrl+Shift+K",),
                "List every plain-English hint in this portrait",
                help="Check this portrait's plain English",
            ),
        ),
    ),
    (
        "&Tools",
        (
            Command("settings_action", "&School settings…"),
            Command("bank_action", "Strategy &bank…"),
            Command("check_action", "&Check data…", tip="Check every file in the data folder"),
            Command(
                "conflicts_action",
                "Resolve s&ync conflicts…",
                tip="Choose between two versions a sync client kept of the same pupil",
            ),
            SEPARATOR,
            Command(
                "staff_name_action",
                "Your &name on portraits…",
                tip='The name shown as "Updated by" on the pages you change',
            ),
        ),
    ),
    (
        "&Help",
        (
            Command("shortcuts_action", "&Keyboard shortcuts", ("F1",)),
            Command("about_action", "&About PenPortrait"),
        ),
    ),
)

# Keys that belong to a widget of the editor rather than to a command.
EDITOR_KEYS: Final = (
    ("Insert / Delete", "Add / remove an item in a list"),
    ("Ctrl+Up / Ctrl+Down", "Move a list item up / down"),
    ("Space", "Tick or untick a strategy as MUST DO"),
    ("F2", "Edit the selected list item"),
)

# What a text field keeps for itself when one of these is also a command's key.
TEXT_EDITING_KEYS: Final = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.DeleteStartOfWord,
)


def commands() -> list[Command]:
    return [entry for _menu, entries in MENUS for entry in entries if entry is not None]


def native_keys(keys: str) -> str:
    """A shortcut as the user's keyboard names it ("Ctrl+PgDown" -> "Ctrl+PgDown")."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_list() -> list[tuple[str, str]]:
    """(keys, what they do) for F1: every command with a key, then the editor's own keys."""
    rows = [
        (" or ".join(native_keys(k) for k in c.keys), c.help or c.plain_text)
        for c in commands()
        if c.keys
    ]
    return rows + list(EDITOR_KEYS)


def build(
    window: QMainWindow,
    handlers: Mapping[str, Callable[[], object]],
    made: Mapping[str, QAction],
) -> dict[str, QAction]:
    """The window's menus and toolbar from MENUS; returns every QAction by its command's name.

    ``handlers`` says what each command does; ``made`` holds actions Qt makes itself (undo and
    redo, from the undo stack), which get their words and keys from MENUS all the same.
    """
    actions: dict[str, QAction] = {}
    menus = window.menuBar()
    toolbar = QToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for title, entries in MENUS:
        menu: QMenu = menus.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            action = made.get(entry.name)
            if action is None:
                action = QAction(entry.text, window)
                action.triggered.connect(handlers[entry.name])
            else:
                action.setText(entry.text)
            action.setShortcuts([QKeySequence(k) for k in entry.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if entry.tip:
                action.setStatusTip(entry.tip)
                action.setToolTip(entry.tip)
            window.addAction(action)  # its keys work wherever the focus is
            menu.addAction(action)
            actions[entry.name] = action
            if entry.toolbar:
                toolbar.addAction(action)
                button = toolbar.widgetForAction(action)
                if button is not None:
                    button.setAccessibleName(entry.plain_text)
    window.addToolBar(toolbar)
    return actions


class CommandKeysFirst(QObject):
    """Lets a command's key reach the command while a text field or spin box has the focus.

    Before a key press, Qt asks the focused widget (a ShortcutOverride event) whether it wants
    the key itself; line edits say yes to Ctrl+E (end of line), date and spin boxes to others.
    This filter answers no for every command key except the standard editing keys above.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _is_command_key(self, event: QKeyEvent) -> bool:
        if any(event.matches(key) for key in TEXT_EDITING_KEYS):
            return False
        pressed = QKeySequence(event.keyCombination())
        return any(
            pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
            for action in self.window.actions()
            if action.isEnabled()
            for shortcut in action.shortcuts()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(
                watched, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
            )
            and isinstance(event, QKeyEvent)
            and watched.window() is self.window
            and self._is_command_key(event)
        ):
            event.ignore()  # not the field's: the shortcut goes to the command
            return True
        return False
