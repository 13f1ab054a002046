"""The two buttons a family uses to make the kiosk its own: language (on every screen) and
large text with high contrast (on the attract and identify screens). They live in the top band.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.i18n import translate
from ui.widgets.buttons import TouchButton


class LanguageButton(TouchButton):
    """Names the *other* language in its own script, so a reader of either finds it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("languageButton", "topbar", parent)
        self._language = "zh_CN"
        self.retranslate()

    @property
    def target(self) -> str:
        return "zh_CN" if self._language == "en" else "en"

    def show_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def retranslate(self) -> None:
        if self.target == "en":
            self.set_label("English", translate("DisplayButtons", "切换到英文 English"))
        else:
            self.set_label(translate("DisplayButtons", "中文"),
                           translate("DisplayButtons", "切换到中文"))


class LargeTextButton(TouchButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("largeTextButton", "topbar", parent)
        self.setCheckable(True)
        self.retranslate()

    def show_large(self, large: bool) -> None:
        self.setChecked(large)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(translate("DisplayButtons", "大字"),
                       translate("DisplayButtons", "恢复正常字体") if self.isChecked()
                       else translate("DisplayButtons", "放大字体，加强对比"))
