"""Print: choose the sections for the slip, print, and hear what to do if the printer fails.

``preview_area`` shows the slip as it will print (``SlipPreview``: rendered in a worker, marked
as a preview, no QR code); it is re-rendered when the choice changes and cleared when the screen
is left.
"""

from __future__ import annotations

from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout, QWidget

from kiosk.flow import events as ev
from kiosk.flow.slip_content import preview_content
from kiosk.flow.state import (
    SECTION_ORDER,
    KioskState,
    PrintFailed,
    Printing,
    PrintPreview,
    records_of,
)
from kiosk.flow.update import copies_left
from ui.display import tight
from ui.i18n import translate
from ui.messages import notice_text, severity
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.screens.sections import section_title
from ui.widgets.buttons import TouchButton
from ui.widgets.common import NoticeLabel, make_card, make_label
from ui.widgets.slip_preview import SlipPreview


class PrintScreen(Screen):
    personal = True

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("printScreen", send, context, parent)
        self._title = make_label("title", "printTitle")
        self.body.addWidget(self._title)
        self._choose = make_label("lead", "printChoose")
        self.body.addWidget(self._choose)
        grid = QGridLayout()
        grid.setSpacing(18)
        self.section_buttons = {}
        for index, section in enumerate(SECTION_ORDER):
            button = TouchButton(f"printSection_{section.value}", "toggle")
            button.setCheckable(True)
            button.tapped.connect(lambda s=section: self.send(ev.ToggleSection(s)))
            grid.addWidget(button, index // 2, index % 2)
            self.section_buttons[section] = button
        # The sections to choose beside what the slip shows: both fit a 1280x800 screen
        # (one above the other on a portrait screen).
        columns = self.columns()
        self._row = columns
        columns.setSpacing(24)
        columns.addLayout(grid, 3)
        self.body.addLayout(columns, 1)  # the preview takes the height there is

        self.preview_area = make_card("previewArea")
        self._copies = make_label("lead", "printCopies")
        self.slip_preview = SlipPreview(context.pool)
        self.preview_area.column.addWidget(self.slip_preview, 1)
        # The preview itself shows what the slip says (and the ID number masked): no text
        # about it beside it, only what is left to print.
        self.preview_area.column.addWidget(self._copies)
        self._previewed: frozenset[object] | None = None
        columns.addWidget(self.preview_area, 2)
        self.notice = NoticeLabel("printNotice")
        self._slip_no = make_label("lead", "printSlipNo")
        notice_box = QVBoxLayout()
        notice_box.addWidget(self.notice)
        notice_box.addWidget(self._slip_no)
        self.body.addLayout(notice_box)

        self.back_button = TouchButton("printBack", "secondary")
        self.back_button.tapped.connect(lambda: self.send(ev.Back()))
        self.confirm_button = TouchButton("printConfirm", "primary")
        self.confirm_button.setMinimumWidth(320)
        self.confirm_button.tapped.connect(lambda: self.send(ev.ConfirmPrint()))
        self.retry_button = TouchButton("printRetry", "primary")
        self.retry_button.setMinimumWidth(320)
        self.retry_button.tapped.connect(lambda: self.send(ev.PrintAgain()))
        self.body.addLayout(footer_row(self.back_button, self.confirm_button, self.retry_button))
        self._shown: object = None
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the screen: the slip's records leave the screen too.
        super().hideEvent(event)
        self.slip_preview.clear()
        self._previewed = None
        self._shown = None

    def _preview(self, state: KioskState) -> None:
        visit = state.visit
        if not isinstance(visit, PrintPreview) or visit.chosen == self._previewed:
            return  # printing or failed: the preview of what is printing stays
        self._previewed = visit.chosen
        settings, now = self.context.settings, self.context.clock()
        layout = settings.printer.layout
        if not visit.chosen:
            self.slip_preview.clear()
            return

        def make_pdf() -> bytes:  # in the worker: content, reportlab and QtPdf off the GUI
            from kiosk.slip import render_slip_preview

            content = preview_content(state, settings, now)
            assert content is not None
            return render_slip_preview(content, layout)

        self.slip_preview.show_slip(make_pdf)

    def _fit(self) -> None:
        # Large text on a short screen: the choices and the copies left, one above the other;
        # what the slip shows is said on the slip itself.
        compact = tight(self)
        self._choose.setVisible(not compact)
        across = not compact and self.width() >= self.height()
        self._row.setDirection(QBoxLayout.Direction.LeftToRight if across
                               else QBoxLayout.Direction.TopToBottom)

    def retranslate(self) -> None:
        self._fit()
        self._title.setText(translate("PrintScreen", "打印查询凭条"))
        self._choose.setText(translate("PrintScreen", "请点选要打印的内容（可多选）："))
        self.back_button.set_label(translate("PrintScreen", "返回"))
        self.confirm_button.set_label(translate("PrintScreen", "打印"))
        self.retry_button.set_label(translate("PrintScreen", "重新打印"))
        self._shown = None

    def show_state(self, state: KioskState) -> None:
        visit = state.visit
        if not isinstance(visit, PrintPreview | Printing | PrintFailed) or visit is self._shown:
            return
        self._shown = visit
        self._preview(state)
        records = records_of(visit)
        assert records is not None
        loaded = records.loaded_sections()
        for section, button in self.section_buttons.items():
            mark = "✓ " if section in visit.chosen else ""
            button.set_label(mark + section_title(section), section_title(section))
            button.setChecked(section in visit.chosen)
            button.setEnabled(isinstance(visit, PrintPreview) and section in loaded)
        left = copies_left(state)
        self._copies.setText(translate("PrintScreen", "本次查询还可打印 %n 份。", "", left))
        failed = isinstance(visit, PrintFailed)
        if isinstance(visit, PrintFailed):
            self.notice.show_text(notice_text(visit.notice), severity(visit.notice))
        else:
            self.notice.show_text(None)
        registration = visit.registration if isinstance(visit, Printing | PrintFailed) else None
        self._slip_no.setVisible(registration is not None)
        self._slip_no.setText(translate("PrintScreen", "凭条号：%1").replace(
            "%1", registration.slip_no) if registration else "")
        self.confirm_button.setVisible(not failed)
        self.confirm_button.setEnabled(isinstance(visit, PrintPreview) and bool(visit.chosen))
        self.retry_button.setVisible(failed)
        self.retry_button.setEnabled(left > 0)
        self.back_button.setEnabled(not isinstance(visit, Printing))
