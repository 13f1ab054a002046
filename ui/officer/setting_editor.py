"""The editor of one officer-editable setting: choices as buttons, numbers on a digit pad,
text in a box with an on-screen keypad (or a USB keyboard and input method, for a prison name).

It only collects the text; validation is the loader's own, in the worker that saves it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.settings.schema import OptionSpec
from ui.i18n import translate
from ui.widgets.buttons import MIN_TOUCH_PX, TouchButton
from ui.widgets.keypad import BACKSPACE, CLEAR, Keypad

SHIFT = "SHIFT"
NUMBER_GRID: tuple[tuple[str, ...], ...] = (
    ("1", "2", "3", BACKSPACE),
    ("4", "5", "6", CLEAR),
    ("7", "8", "9", "."),
    ("0", "0", "0", ""),
)
TEXT_GRID: tuple[tuple[str, ...], ...] = (
    tuple("abcdefghijk"),
    tuple("lmnopqrstuv"),
    (*"wxyz", ".", ":", "/", "-", "_", SHIFT, BACKSPACE),
    (*"1234567890", CLEAR),
)
"""Four rows, so the page fits a 1080-line screen; what a URL, code or queue name needs."""


def setting_label(spec: OptionSpec) -> str:
    """The officer's name for a key (the schema's description where none is written)."""
    names = {
        "terminal.prison_code": translate("OfficerSettings", "监狱代码"),
        "terminal.prison_name": translate("OfficerSettings", "监狱名称"),
        "central.base_url": translate("OfficerSettings", "服务地址"),
        "kiosk.language": translate("OfficerSettings", "默认语言"),
        "kiosk.idle_timeout_s": translate("OfficerSettings", "空闲等待（秒）"),
        "kiosk.countdown_s": translate("OfficerSettings", "倒计时（秒）"),
        "kiosk.family_service_url": translate("OfficerSettings", "家属服务地址"),
        "printer.backend": translate("OfficerSettings", "打印方式"),
        "printer.queue": translate("OfficerSettings", "打印队列"),
        "printer.layout": translate("OfficerSettings", "纸张版式"),
        "reader.backend": translate("OfficerSettings", "读卡器类型"),
        "reader.port": translate("OfficerSettings", "读卡器端口"),
    }
    return names.get(f"{spec.section}.{spec.key}", spec.info.description)


class SettingEditor(QWidget):
    """Shows the editor for one key; ``text()`` is what would be saved."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingEditor")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        self.line = QLineEdit()
        self.line.setObjectName("settingText")
        self.line.setMinimumHeight(MIN_TOUCH_PX)
        self.line.setStyleSheet("font-size: 36px; padding: 4px 12px;")
        self.line.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.line.textChanged.connect(self.changed)
        self._row = QHBoxLayout()
        self._row.setSpacing(16)
        self._row.addWidget(self.line, 1)
        column.addLayout(self._row)
        self.choices = QWidget()
        self.choices.setObjectName("settingChoices")
        self._choice_grid = QGridLayout(self.choices)
        self._choice_grid.setContentsMargins(0, 0, 0, 0)
        self._choice_grid.setSpacing(16)
        column.addWidget(self.choices)
        self.numbers = Keypad("settingNumber", (NUMBER_GRID,))
        self.letters = Keypad("settingKey", (TEXT_GRID,))
        for pad in (self.numbers, self.letters):
            pad.keyPressed.connect(self._typed)
            pad.backspacePressed.connect(self.line.backspace)
            pad.clearPressed.connect(self.line.clear)
            column.addWidget(pad)
        column.addStretch(1)
        self._buttons: dict[str, TouchButton] = {}
        self._upper = False
        self._choice = ""
        self.spec: OptionSpec | None = None
        self.retranslate()

    def add_beside(self, widget: QWidget) -> None:
        """Put ``widget`` (the save button) at the end of the value's row."""
        self._row.addWidget(widget)

    def retranslate(self) -> None:
        self.letters.key(SHIFT).set_label(translate("OfficerSettings", "大写"),
                                          translate("OfficerSettings", "切换大小写"))
        self.numbers.retranslate()
        self.letters.retranslate()
        # Eleven keys a row: the short label fits the key.
        self.letters.key(BACKSPACE).set_label("⌫", translate("Keypad", "删除一位"))

    def edit(self, spec: OptionSpec, current: str) -> None:
        self.spec = spec
        chosen = spec.choices is not None or spec.kind is bool
        self.line.setVisible(not chosen)
        self.choices.setVisible(chosen)
        self.numbers.setVisible(spec.kind in (int, float))
        self.letters.setVisible(spec.kind is str and not chosen)
        self.numbers.key(".").setEnabled(spec.kind is float)
        for button in self._buttons.values():
            button.hide()
            button.deleteLater()
        self._buttons = {}
        if chosen:
            values = spec.choices or ("true", "false")
            for index, value in enumerate(values):
                button = TouchButton(f"settingChoice_{value}", "toggle")
                button.setCheckable(True)
                button.set_label(value)
                button.tapped.connect(lambda v=value: self._choose(v))
                self._choice_grid.addWidget(button, index // 3, index % 3)
                self._buttons[value] = button
            self._choose(current)
        else:
            self._set_upper(spec.key == "prison_code")  # codes are upper case
            self.line.setText(current)
            self.line.setFocus()

    def text(self) -> str:
        return self._choice if self.choices.isVisible() else self.line.text()

    def _choose(self, value: str) -> None:
        self._choice = value
        for name, button in self._buttons.items():
            button.setChecked(name == value)
        self.changed.emit()

    def _typed(self, token: str) -> None:
        if token == SHIFT:
            self._set_upper(not self._upper)
            return
        self.line.insert(token.upper() if self._upper else token)

    def _set_upper(self, upper: bool) -> None:
        self._upper = upper
        for letter in "abcdefghijklmnopqrstuvwxyz":
            self.letters.key(letter).set_label(letter.upper() if upper else letter)
        self.letters.key(SHIFT).setCheckable(True)
        self.letters.key(SHIFT).setChecked(upper)
