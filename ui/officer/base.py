"""What every officer page has: a title, the way back to the menu and out of officer mode.

Officer pages are touch pages like the family's (same sizes, same buttons), in Chinese first and
translatable; they never show a family's data (the slip check shows the one inmate name the
central service returns for the slip in hand, and that page is wiped when left).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import OfficerMode, OfficerPage
from kiosk.flow.state import KioskState
from ui.i18n import translate
from ui.screens.base import Screen, ScreenContext, Send
from ui.widgets.buttons import TouchButton
from ui.widgets.common import make_label


def officer_of(state: KioskState) -> OfficerMode | None:
    officer = state.officer
    return officer if isinstance(officer, OfficerMode) else None


class OfficerScreen(Screen):
    """A page of officer mode: header (title, back to the menu, log out) over ``self.body``."""

    page: OfficerPage = OfficerPage.MENU

    def __init__(self, object_name: str, send: Send, context: ScreenContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(object_name, send, context, parent)
        header = QHBoxLayout()
        header.setSpacing(24)
        self.header = header
        self.title = make_label("title", f"{object_name}Title", wrap=False)
        header.addWidget(self.title, 1)
        self.back_button = TouchButton("officerBack", "secondary")
        self.back_button.tapped.connect(lambda: self.send(oe.OfficerOpen(OfficerPage.MENU)))
        self.back_button.setVisible(self.page is not OfficerPage.MENU)
        self.logout_button = TouchButton("officerLogout", "secondary")
        self.logout_button.tapped.connect(lambda: self.send(oe.OfficerLogout()))
        header.addWidget(self.back_button)
        header.addWidget(self.logout_button)
        self.body.addLayout(header)

    def retranslate(self) -> None:
        self.back_button.set_label(translate("Officer", "返回管理菜单"))
        self.logout_button.set_label(translate("Officer", "退出管理模式"))


class FactGrid(QGridLayout):
    """Two columns of labels, ``<prefix>_<key>`` for the value (for tests and screen readers)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.setHorizontalSpacing(32)
        self.setVerticalSpacing(12)
        self.setColumnStretch(1, 1)
        self._prefix = prefix
        self._rows: dict[str, tuple[QLabel, QLabel]] = {}

    def row(self, key: str) -> tuple[QLabel, QLabel]:
        if key not in self._rows:
            name = make_label("fieldLabel", f"{self._prefix}Label_{key}")
            value = make_label("body", f"{self._prefix}_{key}")
            index = len(self._rows)
            self.addWidget(name, index, 0)
            self.addWidget(value, index, 1)
            self._rows[key] = (name, value)
        return self._rows[key]

    def set(self, key: str, label: str, value: str, *, problem: bool = False) -> None:
        name, shown = self.row(key)
        name.setText(label)
        shown.setText(value)
        shown.setAccessibleName(f"{label} {value}")
        shown.setProperty("role", "hint" if problem else "body")
        shown.setProperty("problem", problem)
        shown.style().unpolish(shown)
        shown.style().polish(shown)
