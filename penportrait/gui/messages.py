"""Message boxes that show their text as plain text, never as markup.

QMessageBox's static functions (warning, information, critical, question) show their text
with Qt.TextFormat.AutoText: Qt guesses (Qt.mightBeRichText) and renders anything that looks
like HTML. Their texts carry file names, pupils' names and error texts, which are user data: a
file called ``<h1>URGENT…<img src=…>.json`` would show as a big heading and make Qt open an
image file (on Windows possibly over the network). Every message box in the app is made here
instead, plain text, with the static functions' behaviour (parent, title, buttons, default
button, the button pressed as the answer).

``show`` is the one place a box is shown, so tests patch that single function.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def plain_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = Button.Ok,
    default: QMessageBox.StandardButton = Button.NoButton,
    *,
    rich: bool = False,
) -> QMessageBox:
    """A message box whose text is plain text (``rich``: markup the caller built, with every
    user-derived part passed through html.escape)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    box.setText(text)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def make_plain(box: QMessageBox) -> None:
    """Plain text for the informative text too: Qt makes its label AutoText whatever the box's
    own text format is. Call after setInformativeText."""
    for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
        label.setTextFormat(Qt.TextFormat.PlainText)


def show(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = Button.Ok,
    default: QMessageBox.StandardButton = Button.NoButton,
    *,
    rich: bool = False,
) -> QMessageBox.StandardButton:
    """Show a modal message box and return the button pressed (Escape gives the escape
    button, as the static functions do). Tests patch this function."""
    box = plain_box(parent, icon, title, text, buttons, default, rich=rich)
    return Button(box.exec())


def warn(parent: QWidget | None, title: str, text: str) -> None:
    show(parent, Icon.Warning, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    show(parent, Icon.Information, title, text)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = Button.Yes | Button.No,
    default: QMessageBox.StandardButton = Button.NoButton,
) -> QMessageBox.StandardButton:
    return show(parent, Icon.Question, title, text, buttons, default)


def inform_rich(parent: QWidget | None, title: str, markup: str) -> None:
    """An information box that deliberately uses markup: every user-derived part of ``markup``
    must already be escaped with html.escape."""
    show(parent, Icon.Information, title, markup, rich=True)


def plain_tooltip(text: str) -> str:
    """A tooltip showing ``text`` literally: Qt guesses rich text for tooltips too, so user data
    is escaped inside explicit markup (line breaks kept)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"
