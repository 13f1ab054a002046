"""Officer settings: the keys the schema marks officer-editable, one at a time; saved through
the flow (validated in a worker, written atomically), applied at once, one step of undo."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.flow import officer_events as oe
from kiosk.flow.officer_state import OfficerMode, OfficerPage, Pending
from kiosk.flow.state import KioskState
from kiosk.officer.settings_edit import current_text, editable_options
from kiosk.settings import Settings
from kiosk.settings.schema import OptionSpec
from ui.i18n import translate
from ui.officer.base import OfficerScreen, officer_of
from ui.officer.setting_editor import SettingEditor, setting_label
from ui.screens.base import ScreenContext, Send
from ui.widgets.buttons import TouchButton
from ui.widgets.common import NoticeLabel, make_card, make_label


def key_name(spec: OptionSpec) -> str:
    return f"{spec.section}_{spec.key}"


class OfficerSettingsScreen(OfficerScreen):
    page = OfficerPage.SETTINGS

    def __init__(self, send: Send, context: ScreenContext, parent: QWidget | None = None):
        super().__init__("officerSettingsScreen", send, context, parent)
        columns = self.columns()
        columns.setSpacing(28)
        self.body.addLayout(columns, 1)

        self._specs = editable_options()
        keys = QGridLayout()
        keys.setSpacing(10)
        rows = (len(self._specs) + 1) // 2
        self._keys: dict[str, TouchButton] = {}
        for index, spec in enumerate(self._specs):
            button = TouchButton(f"setting_{key_name(spec)}", "toggle")
            button.setCheckable(True)
            button.setMinimumWidth(300)
            button.tapped.connect(lambda s=spec: self._select(s))
            keys.addWidget(button, index % rows, index // rows)
            self._keys[key_name(spec)] = button
        key_column = QVBoxLayout()
        key_column.addLayout(keys)
        key_column.addStretch(1)
        columns.addLayout(key_column, 0)

        editor_card = make_card("settingCard")
        self._about = make_label("muted", "settingDescription")
        self.editor = SettingEditor()
        self.notice = NoticeLabel("settingNotice")
        self.save_button = TouchButton("settingSave", "primary")
        self.save_button.tapped.connect(self._save)
        self.editor.add_beside(self.save_button)
        # Undo sits in the header, beside the way back: one step, for the whole file.
        self.undo_button = TouchButton("settingUndo", "secondary")
        self.undo_button.tapped.connect(lambda: self.send(oe.OfficerUndoSettings()))
        self.header.insertWidget(1, self.undo_button)
        for widget in (self._about, self.editor, self.notice):
            editor_card.column.addWidget(widget)
        columns.addWidget(editor_card, 1)

        self._selected: OptionSpec = self._specs[0]
        self._mode: OfficerMode | None = None
        self._select(self._selected)
        self.retranslate()

    # ---- what is in effect --------------------------------------------------------------------

    def _settings(self) -> Settings:
        """The settings in effect: the last saved outcome's (the app applies it a moment after
        this page renders), else the window's."""
        outcome = self._mode.settings if self._mode is not None else None
        if outcome is not None and outcome.ok and outcome.settings is not None:
            return outcome.settings
        return self.context.settings

    def _select(self, spec: OptionSpec) -> None:
        self._selected = spec
        for name, button in self._keys.items():
            button.setChecked(name == key_name(spec))
        self._about.setText(f"[{spec.section}] {spec.key}: {spec.info.description} "
                            f"({spec.allowed()})")
        self._about.setAccessibleName(setting_label(spec))
        self.editor.edit(spec, current_text(self._settings(), spec))
        self.notice.show_text(None)

    def _save(self) -> None:
        spec = self._selected
        self.send(oe.OfficerSaveSetting(spec.section, spec.key, self.editor.text()))

    # ---- showing ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(translate("OfficerSettings", "终端设置"))
        self.save_button.set_label(translate("OfficerSettings", "保存"))
        self.undo_button.set_label(translate("OfficerSettings", "撤销上次修改"))
        self.editor.retranslate()
        self._render_keys()

    def _render_keys(self) -> None:
        settings = self._settings()
        overridden = self._mode.overridden if self._mode is not None else frozenset()
        for spec in self._specs:
            text = setting_label(spec)
            if f"{spec.section}.{spec.key}" in overridden:
                text += " *"  # set in officer mode (the overrides file), not by the installer
            value = current_text(settings, spec) or "—"
            self._keys[key_name(spec)].set_label(text, f"{setting_label(spec)} {value}")

    def show_state(self, state: KioskState) -> None:
        mode = officer_of(state)
        if mode is None or mode is self._mode:
            return
        before = self._mode
        self._mode = mode
        saving = Pending.SETTINGS in mode.pending
        self.save_button.setEnabled(not saving)
        self.undo_button.setEnabled(not saving and mode.undo_available)
        self._render_keys()
        outcome = mode.settings
        if outcome is None or (before is not None and before.settings is outcome):
            return
        if not outcome.ok:
            self.notice.show_text(translate("OfficerSettings", "未保存：%1").replace(
                "%1", outcome.error or ""), "error")
            return
        self.editor.edit(self._selected, current_text(self._settings(), self._selected))
        if outcome.restart_needed:
            text = translate("OfficerSettings", "已保存。部分设置需要重新启动查询程序后才生效。")
        elif outcome.undone:
            text = translate("OfficerSettings", "已撤销上次修改，并已生效。")
        else:
            text = translate("OfficerSettings", "已保存，并已生效。")
        self.notice.show_text(text, "info")
