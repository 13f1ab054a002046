"""Records: the profile on top, a tab per section, each loading and failing on its own.

A section's view is built from its data in the language and text size of the moment; it is
built again when either changes (and the sentence timeline again once the profile arrives).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.api.models import Profile, Section
from kiosk.flow import events as ev
from kiosk.flow.messages import retryable
from kiosk.flow.state import SECTION_ORDER, KioskState, Load, Loaded, LoadFailed, Records
from kiosk.flow.update import can_print, copies_left
from kiosk.timefmt import beijing
from ui import app_filters
from ui.display import large_text, scaled_px
from ui.i18n import current_language, translate
from ui.messages import notice_text, severity
from ui.screen_prep import STEP_GAP_MS
from ui.screens.base import Screen, ScreenContext, Send, footer_row
from ui.screens.records_assessment import how_points_work
from ui.screens.sections import ViewContext, profile_lines, section_title, section_view
from ui.widgets.buttons import TouchButton
from ui.widgets.common import NoticeLabel, make_card, make_label, set_style_property
from ui.widgets.overlays import Spinner
from ui.widgets.reader import ReaderOverlay
from ui.widgets.scroll import kinetic_scroll_area

TABS_QUIET_MS = 100
"""The other tabs' views are built once the screen has been this quiet: by then the open tab is
painted, and a family reads it for seconds before choosing another."""


class _FailedPage(QWidget):
    """A load that failed: what went wrong, and a retry button where retrying can help."""

    def __init__(self, name: str, send: Send, section: Section | None, *,
                 compact: bool) -> None:
        super().__init__()
        layout = (QHBoxLayout if compact else QVBoxLayout)(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        self.notice = NoticeLabel(f"{name}Error")
        self.retry_button = TouchButton(f"{name}Retry", "secondary")
        self.retry_button.tapped.connect(lambda: send(ev.RetryLoad(section)))
        if not compact:
            layout.addStretch(1)
        layout.addWidget(self.notice, 1 if compact else 0)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignCenter)
        if not compact:
            layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.retry_button.set_label(translate("RecordsScreen", "重试"))


class LoadPanel(QStackedWidget):
    """Loading (spinner), failed (message, and retry where it can help) or the loaded view.

    ``compact`` lays the loading and failed states out in one row (the profile header).
    """

    def __init__(self, name: str, send: Send, section: Section | None, *,
                 compact: bool = False) -> None:
        super().__init__()
        self.setObjectName(f"{name}Panel")
        self._name = name
        self._load: Load | None = None
        self._key: Hashable = None
        line = QHBoxLayout if compact else QVBoxLayout
        self._loading = QWidget()
        loading_layout = line(self._loading)
        loading_layout.setContentsMargins(0, 0, 0, 0)
        self._spinner = Spinner(size=64 if compact else 140)
        self._loading_text = make_label("muted", f"{name}Loading",
                                        align=Qt.AlignmentFlag.AlignCenter)
        loading_layout.addStretch(1)
        loading_layout.addWidget(self._spinner, 0, Qt.AlignmentFlag.AlignCenter)
        loading_layout.addWidget(self._loading_text)
        loading_layout.addStretch(1)
        self.addWidget(self._loading)
        self._send = send
        self._section = section
        self._compact = compact
        self._failed: _FailedPage | None = None
        self._view: QWidget | None = None
        self._staged: QWidget | None = None
        """Built and polished, shown in the next turn of the event loop (``_stage``)."""
        self._pending: Callable[[], QWidget] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._loading_text.setText(translate("RecordsScreen", "正在读取，请稍候…"))
        if self._failed is not None:
            self._failed.retranslate()

    def failed_page(self) -> _FailedPage:
        """The message and retry button, made when a load first fails (most visits never
        need them, and five panels' worth cost the records screen's first frame)."""
        if self._failed is None:
            self._failed = _FailedPage(self._name, self._send, self._section,
                                       compact=self._compact)
            self.addWidget(self._failed)
        return self._failed

    @property
    def load(self) -> Load | None:
        return self._load

    def show_load(self, load: Load, build: Callable[[object], QWidget],
                  key: Hashable = None, *, hidden: bool = False) -> None:
        """Show ``load``; ``build(data)`` makes the view of loaded data, again when ``key``
        (what else the view depends on) changes. ``hidden``: the panel is not on screen (a tab
        not chosen), so its view is built later, in a quiet moment (``build_pending``) or when
        the panel is shown, whichever comes first: building all four as their answers arrived
        froze the screen for half a second (bench/gui_stall.py)."""
        if load is self._load and key == self._key:
            return
        self._load = load
        self._key = key
        self._pending = None
        self._drop_staged()
        if isinstance(load, Loaded):
            self._spinner.stop()
            if hidden:
                self._pending = partial(build, load.data)
            else:
                self._stage(build(load.data))
        elif isinstance(load, LoadFailed):
            self._spinner.stop()
            failed = self.failed_page()
            failed.notice.show_text(notice_text(load.notice), severity(load.notice))
            failed.retry_button.setVisible(retryable(load.notice.message))
            self.setCurrentWidget(failed)
        else:
            self._spinner.start()
            self.setCurrentWidget(self._loading)

    def _show_view(self, view: QWidget) -> None:
        old, self._view = self._view, view
        if self.indexOf(view) < 0:
            self.addWidget(view)
        self.setCurrentWidget(view)
        if old is not None and old is not view:
            self.removeWidget(old)
            old.deleteLater()

    def _stage(self, view: QWidget) -> None:
        """Add ``view`` polished but hidden, and show it in the next turn of the event loop:
        building it, then laying it out and painting it, are two shorter waits of the GUI
        thread instead of one long one (``bench/gui_stall.py``)."""
        self._staged = view
        self.addWidget(view)  # not the current page: stays hidden
        view.ensurePolished()
        QTimer.singleShot(0, self, self._reveal)

    def _reveal(self) -> None:
        view, self._staged = self._staged, None
        if view is not None:
            self._show_view(view)

    def _drop_staged(self) -> None:
        if self._staged is not None:
            self.removeWidget(self._staged)
            self._staged.deleteLater()
            self._staged = None

    def build_pending(self) -> bool:
        """Build the view deferred while this tab was not chosen (still hidden, polished for
        the style sheet); False if there was none."""
        if self._pending is None:
            return False
        build, self._pending = self._pending, None
        self._show_view(build())
        if self._view is not None:
            self._view.ensurePolished()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        self.build_pending()  # not built in a quiet moment yet
        super().showEvent(event)


class RecordsScreen(Screen):
    personal = True

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("recordsScreen", send, context, parent)
        self.body.setSpacing(10)
        self.body.setContentsMargins(32, 14, 32, 14)
        header = make_card("profileCard")
        header.column.setContentsMargins(28, 8, 28, 8)
        self.profile_panel = LoadPanel("profile", send, None, compact=True)
        header.column.addWidget(self.profile_panel)
        self.body.addWidget(header)

        tabs = QHBoxLayout()
        tabs.setContentsMargins(0, 0, 0, 0)
        tabs.setSpacing(10)
        self.tab_buttons: dict[Section, TouchButton] = {}
        for section in SECTION_ORDER:
            button = TouchButton(f"tab_{section.value}", "tab")
            button.setCheckable(True)
            button.tapped.connect(lambda s=section: self.send(ev.SelectTab(s)))
            tabs.addWidget(button, 1)
            self.tab_buttons[section] = button

        self.pages = QStackedWidget()
        self.pages.setObjectName("sectionPages")
        self.section_panels: dict[Section, LoadPanel] = {}
        for section in SECTION_ORDER:
            panel = LoadPanel(section.value, send, section)
            self.section_panels[section] = panel
            self.pages.addWidget(panel)
        self._tabs = QWidget()
        self._tabs.setLayout(tabs)
        self.body.addWidget(self._tabs)
        page_card = make_card("sectionCard")
        self._page_card = page_card
        page_card.column.setContentsMargins(24, 10, 10, 10)
        page_card.column.addWidget(self.pages)
        self.body.addWidget(page_card, 1)
        self.body.addStretch(0)  # takes the space when the sections are hidden

        self.back_button = TouchButton("backButton", "secondary")
        self.back_button.tapped.connect(lambda: self.send(ev.Back()))
        self.print_button = TouchButton("printButton", "primary")
        self.print_button.tapped.connect(lambda: self.send(ev.OpenPrint()))
        self.exit_button = TouchButton("exitButton", "secondary")
        self.exit_button.tapped.connect(lambda: self.send(ev.Exit()))
        self._copies = make_label("muted", "copiesLeft", wrap=False)
        footer = footer_row(self.back_button, self._copies, stretch_before=False)
        footer.addStretch(1)
        footer.addWidget(self.print_button)
        footer.addWidget(self.exit_button)
        self.body.addLayout(footer)
        self._help: ReaderOverlay | None = None
        # The other tabs' views are built one by one once the screen is quiet, so that
        # opening a tab only shows it (a view took 50-70 ms of the GUI thread to build).
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._build_a_hidden_tab)
        self._shown: Records | None = None
        self.retranslate()

    def show_points_help(self) -> None:
        title, paragraphs = how_points_work()
        if self._help is None:  # made when first asked for: most families never open it
            self._help = ReaderOverlay("pointsHelp", self)
            self._help.close_button.tapped.connect(self._help.hide)
        self._help.show_text(title, "", paragraphs, translate("RecordsScreen", "我知道了"))

    def retranslate(self) -> None:
        for section, button in self.tab_buttons.items():
            button.set_label(section_title(section))
        self.back_button.set_label(translate("RecordsScreen", "换一位亲人"))
        self.print_button.set_label(translate("RecordsScreen", "打印凭条"))
        self.exit_button.set_label(translate("RecordsScreen", "结束查询"))
        self._shown = None

    def _profile_view(self, data: object) -> QWidget:
        assert isinstance(data, Profile)
        name, where, sentence = profile_lines(data)
        view = QWidget()
        row = QHBoxLayout(view)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(36)
        name_label = make_label("name", "profileName", wrap=False)
        name_label.setText(name)
        row.addWidget(name_label)
        column = QVBoxLayout()
        column.setSpacing(2)
        for text, object_name in ((where, "profileWhere"), (sentence, "profileSentence")):
            label = make_label("lead", object_name)
            label.setText(text)
            column.addWidget(label)
            # Large text: the sentence line needs two lines; where he is held stays in the
            # rewards section's timeline card and on the slip.
            label.setVisible(object_name != "profileWhere" or not large_text())
        row.addLayout(column, 1)
        return view

    def show_state(self, state: KioskState) -> None:
        records = state.visit
        if not isinstance(records, Records) or records is self._shown:
            return
        self._shown = records
        self.profile_panel.setFixedHeight(scaled_px(120))
        display = (current_language(), large_text())
        self.profile_panel.show_load(records.profile, self._profile_view, display)
        context = ViewContext(self.send, beijing(self.context.clock()).date(),
                              records.loaded_profile, self.show_points_help)
        for section, panel in self.section_panels.items():
            # Only the sentence timeline (rewards) needs the profile.
            key = (display, context.profile is not None if section is Section.REWARDS else None)
            panel.show_load(records.sections[section], partial(self._section_view, section,
                                                                context), key,
                            hidden=section is not records.tab)

        for section, button in self.tab_buttons.items():
            button.setChecked(section is records.tab)
            load = records.sections[section]
            set_style_property(button, "failed", isinstance(load, LoadFailed))
        self.pages.setCurrentWidget(self.section_panels[records.tab])
        # A refusal that retrying cannot change (no permission, not found) is said once, in
        # the header; the sections would only repeat it.
        profile = records.profile
        blocked = isinstance(profile, LoadFailed) and not retryable(profile.notice.message)
        for widget in (self._tabs, self._page_card, self.print_button, self._copies):
            widget.setVisible(not blocked)
        self.back_button.setVisible(len(records.session.inmates) > 1)
        self.print_button.setEnabled(can_print(state))
        left = copies_left(state)
        self._copies.setText(translate("RecordsScreen", "还可打印 %n 份", "", left) if left
                             else translate("RecordsScreen", "打印份数已用完"))
        self._quiet.setInterval(TABS_QUIET_MS)
        self._quiet.start()

    def _build_a_hidden_tab(self) -> None:
        with app_filters.paused():  # no input can arrive meanwhile (ui.app_filters)
            built = any(panel.build_pending() for panel in self.section_panels.values())
        if built:  # the next one after a frame's pause
            self._quiet.setInterval(STEP_GAP_MS)
            self._quiet.start()

    @staticmethod
    def _section_view(section: Section, context: ViewContext, data: object) -> QWidget:
        return kinetic_scroll_area(section_view(section, data, context), f"{section.value}Scroll")
