"""Applying saved officer settings to the running kiosk, without a restart.

Every officer-editable key can be applied in place: the flow's own settings (prison code,
language, countdown) are taken by ``kiosk.flow.officer_update``; here the parts are replaced that
were built from the old settings: the API client (and the background threads that use it), the
printer backend, the card reader and its input, the window's screen context (screens are rebuilt
from it when officer mode ends) and the prison name in the top bar.
"""

from __future__ import annotations

from dataclasses import replace as dc_replace
from typing import TYPE_CHECKING

from kiosk import log
from kiosk.api.client import CentralClient
from kiosk.printing import make_backend
from kiosk.reader import make_reader
from kiosk.settings import Settings
from kiosk.settings.loader import dataclass_fields_changed

if TYPE_CHECKING:
    from kiosk.background import BackgroundTasks
    from kiosk.services import Services
    from ui.app import Kiosk


def _changed(old: Settings, new: Settings, *sections: str) -> bool:
    return any(getattr(old, s) != getattr(new, s) for s in sections)


def apply_settings(kiosk: Kiosk, services: Services, new: Settings,
                   background: BackgroundTasks | None) -> None:
    old = services.settings
    if new == old:
        return
    services.settings = new
    if _changed(old, new, "central", "terminal"):
        previous = services.client
        services.client = CentralClient.from_settings(new)
        if background is not None:
            background.restart()
        # A worker may still be using the old client; it is closed at exit, not now.
        kiosk.retired_clients.append(previous)
    if (old.printer.backend, old.printer.queue) != (new.printer.backend, new.printer.queue):
        from ui.printing.qt_backend import build_qt_backend

        services.printer = make_backend(new.printer, services.spool_dir,
                                        default_output_dir=services.data_dir / "slips",
                                        builders={"qt": build_qt_backend})
    if old.reader != new.reader:
        kiosk.replace_card_input(make_reader(new.reader))
    window = kiosk.window
    window.replace_context(dc_replace(window.context, settings=new,
                                      reader_present=new.reader.backend != "none"))
    window.top_bar.set_prison_name(new.terminal.prison_name)
    log.officer.info("settings applied in place: %s",
                     ", ".join(dataclass_fields_changed(old, new)) or "none")
