"""Entry of the ``kiosk`` console script: the core's command line, given a way to open windows.

Qt is imported only when a window is really opened, so ``kiosk --version`` and
``kiosk --selftest`` stay fast and need no display.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import cli

if TYPE_CHECKING:
    from kiosk.printing import PrinterBackend
    from kiosk.printing.factory import BackendBuilder
    from kiosk.reference_server.runner import RunningServer
    from kiosk.services import Services
    from kiosk.settings import Settings
    from kiosk.settings.schema import PrinterSettings


def _build_qt_backend(settings: PrinterSettings, spool_dir: Path) -> PrinterBackend:
    # Imported only when [printer] backend = qt: QtPdf costs start-up time otherwise.
    from ui.printing.qt_backend import build_qt_backend

    return build_qt_backend(settings, spool_dir)


class QtGui:
    @property
    def printer_builders(self) -> Mapping[str, BackendBuilder]:
        return {"qt": _build_qt_backend}

    def run_kiosk(self, start: Callable[[], Services], settings: Settings, *, windowed: bool,
                  demo_banner: str | None) -> int:
        from ui.startup import run_kiosk

        return run_kiosk(start, settings, windowed=windowed, demo_banner=demo_banner)

    def run_tour(self, services: Services, out_dir: Path, server: RunningServer) -> int:
        from ui.tour import run_tour

        return run_tour(services, out_dir, server.credentials(), server)


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, gui=QtGui())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
