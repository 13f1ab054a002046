"""Kiosk lockdown: nobody leaves the program or gets at the desktop from the touchscreen.

Full-screen, frameless and on top; closing (the window manager's close, Alt+F4) is refused by
the main window; context menus, drag and drop and the usual quit/close shortcuts are swallowed
application-wide; the cursor can be hidden on touch-only terminals. ``windowed`` (development)
keeps a normal window but still swallows context menus and drags.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui import app_filters

_SWALLOWED = frozenset({
    QEvent.Type.ContextMenu,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
    QEvent.Type.WhatsThis,
})

_CTRL_KEYS = frozenset({Qt.Key.Key_W, Qt.Key.Key_Q, Qt.Key.Key_A, Qt.Key.Key_C})


def _is_escape_chord(event: QKeyEvent) -> bool:
    mods = event.modifiers()
    key = event.key()
    if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_F4, Qt.Key.Key_Tab):
        return True
    return bool(mods & Qt.KeyboardModifier.ControlModifier) and key in _CTRL_KEYS


class LockdownFilter(QObject):
    """Application-wide event filter for the events a kiosk must never act on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _SWALLOWED:
            event.ignore()
            return True
        return kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ) and _is_escape_chord(event)


def kiosk_window_flags() -> Qt.WindowType:
    """A full-screen kiosk window's: frameless and on top. Best given to the window as it is
    made: set on a window with all its widgets, Qt re-parents each of them (about 6 ms)."""
    return (Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint)


def apply_lockdown(app: QApplication, window: QWidget, *, windowed: bool,
                   hide_cursor: bool) -> LockdownFilter:
    lock = LockdownFilter(app)
    app_filters.install(lock)
    app.setStartDragDistance(1_000_000)  # no drag ever starts
    window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    if not windowed and window.windowFlags() != kiosk_window_flags():
        window.setWindowFlags(kiosk_window_flags())
    if hide_cursor:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    return lock
