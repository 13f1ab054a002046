"""Hand-off to the phone: a QR of the province's family service entry (visit booking, remote
video visits), from ``[kiosk] family_service_url``. Public, the same for every family."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.widgets.common import Card, make_label
from ui.widgets.qr import QrCode

QR_PX = 190
"""Big enough for a phone at arm's length (about 4 cm on a 24-inch panel)."""


class HandoffCard(Card):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__("handoffCard", parent)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.qr = QrCode("handoffQr", QR_PX)
        self.qr.set_data(url)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QVBoxLayout()
        text.setSpacing(8)
        self._title = make_label("cardTitle", "handoffTitle")
        self._body = make_label("body", "handoffBody")
        text.addStretch(1)
        text.addWidget(self._title)
        text.addWidget(self._body)
        text.addStretch(1)
        row.addLayout(text, 1)
        self.column.addLayout(row)
        self.retranslate()

    def set_compact(self, compact: bool) -> None:
        """Only the QR and one sentence (large text on a short screen)."""
        self._title.setVisible(not compact)

    def retranslate(self) -> None:
        self._title.setText(translate("Handoff", "用手机继续办理"))
        self._body.setText(translate(
            "Handoff", "用微信扫一扫左边的二维码，可以预约会见、申请远程视频会见。"))
