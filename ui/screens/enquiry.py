"""Enquiry (异议): "something is wrong here" about one section. The family taps a reason (no
typing), the central service files it, and the ticket number is shown, printed on a small
receipt with the QR of its tracking page, and shown as a QR here too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.api.models import EnquiryReason, EnquirySection, Section
from kiosk.flow import events as ev
from kiosk.flow.state import Enquiry, KioskState, TicketPrint
from ui.display import tight
from ui.i18n import fmt_date_long, translate
from ui.messages import notice_text, severity
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.screens.sections import section_title
from ui.widgets.buttons import TouchButton
from ui.widgets.common import NoticeLabel, make_card, make_label
from ui.widgets.icons import StatusIcon
from ui.widgets.qr import QrCode
from ui.widgets.text_button import TextButton


def enquiry_section_title(section: EnquirySection) -> str:
    if section is EnquirySection.PROFILE:
        return translate("EnquiryScreen", "基本信息")
    return section_title(Section(section.value))


def reason_lines(reason: EnquiryReason) -> tuple[str, str]:
    return {
        EnquiryReason.INCORRECT: (translate("EnquiryScreen", "信息有错误"),
                                  translate("EnquiryScreen", "比如日期、分数或金额不对")),
        EnquiryReason.MISSING: (translate("EnquiryScreen", "缺少记录"),
                                translate("EnquiryScreen", "应该有的记录没有显示")),
        EnquiryReason.UNCLEAR: (translate("EnquiryScreen", "看不明白"),
                                translate("EnquiryScreen", "希望监狱解释清楚")),
        EnquiryReason.OTHER: (translate("EnquiryScreen", "其他问题"),
                              translate("EnquiryScreen", "以上都不是")),
    }[reason]


class EnquiryScreen(Screen):
    personal = True

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("enquiryScreen", send, context, parent)
        self._title = make_label("title", "enquiryTitle")
        self.body.addWidget(self._title)
        self.pages = QStackedWidget()

        choose = QWidget()
        column = QVBoxLayout(choose)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(18)
        self._lead = make_label("lead", "enquiryLead")
        column.addWidget(self._lead)
        self.notice = NoticeLabel("enquiryNotice")
        column.addWidget(self.notice)
        grid = QGridLayout()
        grid.setSpacing(20)
        self.reason_buttons: dict[EnquiryReason, TextButton] = {}
        for index, reason in enumerate(EnquiryReason):
            button = TextButton(f"enquiryReason_{reason.value}", "choiceTitle", "choiceDetail")
            button.setMinimumHeight(160)
            button.tapped.connect(lambda r=reason: self.send(ev.ChooseReason(r)))
            grid.addWidget(button, index // 2, index % 2)
            self.reason_buttons[reason] = button
        column.addLayout(grid)
        column.addStretch(1)
        self.pages.addWidget(choose)

        filed = make_card("enquiryFiled")
        row = QHBoxLayout()
        row.setSpacing(36)
        text = QVBoxLayout()
        text.setSpacing(12)
        self._icon = StatusIcon("ok", 110)
        self._received = make_label("cardTitle", "enquiryReceived")
        self._ticket = make_label("big", "enquiryTicketNo")
        self._due = make_label("body", "enquiryReplyDue")
        self._printing = make_label("body", "enquiryPrintStatus")
        self.print_notice = NoticeLabel("enquiryPrintNotice")
        text.addStretch(1)
        text.addWidget(self._icon)
        for widget in (self._received, self._ticket, self._due, self._printing,
                       self.print_notice):
            text.addWidget(widget)
        text.addStretch(1)
        row.addLayout(text, 1)
        track = QVBoxLayout()
        track.addStretch(1)
        self.track_qr = QrCode("enquiryTrackQr", 240)
        self._track_hint = make_label("muted", "enquiryTrackHint",
                                      align=Qt.AlignmentFlag.AlignCenter)
        self._track_hint.setMaximumWidth(300)
        track.addWidget(self.track_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        track.addWidget(self._track_hint)
        track.addStretch(1)
        row.addLayout(track)
        filed.column.addLayout(row)
        self.pages.addWidget(filed)
        self.body.addWidget(self.pages, 1)

        self.back_button = TouchButton("enquiryBack", "secondary")
        self.back_button.tapped.connect(lambda: self.send(ev.Back()))
        self.again_button = TouchButton("enquiryPrintAgain", "primary")
        self.again_button.tapped.connect(lambda: self.send(ev.PrintTicketAgain()))
        footer = footer_row(self.back_button, stretch_before=False)
        footer.addStretch(1)
        footer.addWidget(self.again_button)
        self.body.addLayout(footer)
        self._shown: tuple[Enquiry, str] | None = None
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
        super().resizeEvent(event)

    def _fit(self) -> None:
        # Large text on a short screen: the reasons and the ticket need every line.
        compact = tight(self)
        self._lead.setVisible(not compact)
        self._icon.setVisible(not compact)
        side = 180 if compact else 240
        self.track_qr.setFixedSize(side, side)
        # Once filed, "your enquiry has been received" says what the page title said.
        filed = self.pages.currentIndex() == 1
        self._title.setVisible(not (compact and filed))

    def retranslate(self) -> None:
        self._fit()
        self._lead.setText(translate(
            "EnquiryScreen", "请点选哪里不对（不用打字）。监狱会核实，并在规定时间内答复您。"))
        for reason, button in self.reason_buttons.items():
            title, detail = reason_lines(reason)
            button.set_texts(title, detail)
        self._received.setText(translate("EnquiryScreen", "您的意见已受理"))
        self._track_hint.setText(translate("EnquiryScreen", "用手机扫码，查看办理进度"))
        self.again_button.set_label(translate("EnquiryScreen", "重新打印回执"))
        self._shown = None

    def show_state(self, state: KioskState) -> None:
        visit = state.visit
        if not isinstance(visit, Enquiry) or (visit, state.language) == self._shown:
            return
        self._shown = (visit, state.language)
        self._title.setText(translate("EnquiryScreen", "对“%1”有疑问").replace(
            "%1", enquiry_section_title(visit.section)))
        ticket = visit.ticket
        if ticket is None:
            self.pages.setCurrentIndex(0)
            self._fit()
            if visit.notice is not None:
                self.notice.show_text(notice_text(visit.notice), severity(visit.notice))
            else:
                self.notice.show_text(None)
            for button in self.reason_buttons.values():
                button.setEnabled(not visit.filing)
            self.back_button.set_label(translate("EnquiryScreen", "返回，不提交"))
            self.again_button.hide()
            return
        self.pages.setCurrentIndex(1)
        self._fit()
        self._ticket.setText(translate("EnquiryScreen", "受理编号：%1").replace(
            "%1", ticket.ticket_no))
        self._due.setText(translate("EnquiryScreen", "监狱将在 %1 前答复。").replace(
            "%1", fmt_date_long(ticket.reply_due)))
        self.track_qr.set_data(ticket.track_url)
        printing = visit.ticket_print
        self._printing.setText({
            TicketPrint.PRINTING: translate("EnquiryScreen", "正在打印回执，请稍候…"),
            TicketPrint.PRINTED: translate("EnquiryScreen", "回执已打印，请取走并保管好。"),
            TicketPrint.FAILED: translate(
                "EnquiryScreen", "回执没有打印出来。请记下上面的受理编号，或扫码保存。"),
        }.get(printing, "") if printing is not None else "")
        if printing is TicketPrint.FAILED and visit.print_notice is not None:
            self.print_notice.show_text(notice_text(visit.print_notice),
                                        severity(visit.print_notice))
        else:
            self.print_notice.show_text(None)
        self.again_button.setVisible(printing is TicketPrint.FAILED)
        self.back_button.set_label(translate("EnquiryScreen", "返回查看记录"))
