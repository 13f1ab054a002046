"""On-screen keypads: digits and X for the ID number, letters, digits and ``-`` for the
reference number. Not Qt Virtual Keyboard (GPL, needs Qt Quick): a few big buttons are enough.

Keys are laid out in a grid spec (rows of key tokens; a token repeated in neighbouring cells
spans them). Every key is a :class:`TouchButton` named ``<prefix>Key_<token>`` for tests.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from ui.i18n import translate
from ui.widgets.buttons import KEY_DEBOUNCE_MS, TouchButton

BACKSPACE = "BACK"
CLEAR = "CLEAR"

ID_GRID: tuple[tuple[str, ...], ...] = (
    ("1", "2", "3"),
    ("4", "5", "6"),
    ("7", "8", "9"),
    ("X", "0", BACKSPACE),
    (CLEAR, CLEAR, CLEAR),
)
"""Like a telephone; an empty token leaves a cell empty."""

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-"

REFERENCE_GRID: tuple[tuple[str, ...], ...] = (
    tuple(_LETTERS[0:7]),
    tuple(_LETTERS[7:14]),
    tuple(_LETTERS[14:21]),
    (*_LETTERS[21:27], ""),
    ("1", "2", "3", "4", "5", "6", "7"),
    ("8", "9", "0", BACKSPACE, BACKSPACE, CLEAR, CLEAR),
)
"""Letters in alphabetical order (easier than QWERTY for someone who never typed), then the
digits in order. Seven columns keep every key above the 90 px minimum at 1280x800 and on a
portrait 1080 px width."""


def _token_name(token: str) -> str:
    return {"-": "dash", BACKSPACE: "backspace", CLEAR: "clear"}.get(token, token)


class Keypad(QWidget):
    """A grid of keys. ``keyPressed(char)``, ``backspacePressed()``, ``clearPressed()``."""

    keyPressed = Signal(str)
    backspacePressed = Signal()
    clearPressed = Signal()

    def __init__(
        self,
        prefix: str,
        grids: Sequence[Sequence[Sequence[str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}Keypad")
        self._prefix = prefix
        self._grids = grids
        self._grid_index = -1
        self._keys: dict[str, TouchButton] = {}
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        for grid in grids:
            for row in grid:
                for token in row:
                    if token and token not in self._keys:
                        self._keys[token] = self._make_key(token)
        self.use_grid(0)
        self.retranslate()

    def _make_key(self, token: str) -> TouchButton:
        kind = "key" if token not in (BACKSPACE, CLEAR) else "keyfn"
        key = TouchButton(f"{self._prefix}Key_{_token_name(token)}", kind, self,
                          debounce_ms=KEY_DEBOUNCE_MS)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if token == BACKSPACE:
            key.tapped.connect(self.backspacePressed)
        elif token == CLEAR:
            key.tapped.connect(self.clearPressed)
        else:
            key.set_label(token)
            key.tapped.connect(lambda t=token: self.keyPressed.emit(t))
        return key

    def key(self, token: str) -> TouchButton:
        return self._keys[token]

    def use_grid(self, index: int) -> None:
        """Lay the keys out by grid ``index`` (0 = the first given)."""
        if index == self._grid_index:
            return
        self._grid_index = index
        while self._layout.count():
            self._layout.takeAt(0)
        placed: set[str] = set()
        grid = self._grids[index]
        for r, row in enumerate(grid):
            for c, token in enumerate(row):
                if not token or token in placed:
                    continue
                placed.add(token)
                col_span = 1
                while c + col_span < len(row) and row[c + col_span] == token:
                    col_span += 1
                row_span = 1
                while r + row_span < len(grid) and grid[r + row_span][c] == token:
                    row_span += 1
                self._layout.addWidget(self._keys[token], r, c, row_span, col_span)
        for token, key in self._keys.items():
            key.setVisible(token in placed)
        for r in range(len(grid)):
            self._layout.setRowStretch(r, 1)
        for c in range(max(len(row) for row in grid)):
            self._layout.setColumnStretch(c, 1)

    def set_enabled_keys(self, enabled: set[str] | None) -> None:
        """Enable only these character keys (None: all). Backspace and clear stay enabled."""
        for token, key in self._keys.items():
            if token in (BACKSPACE, CLEAR):
                continue
            key.setEnabled(enabled is None or token in enabled)

    def retranslate(self) -> None:
        if BACKSPACE in self._keys:
            self._keys[BACKSPACE].set_label(translate("Keypad", "⌫ 删除"),
                                            translate("Keypad", "删除一位"))
        if CLEAR in self._keys:
            self._keys[CLEAR].set_label(translate("Keypad", "清空"))
