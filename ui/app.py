"""The Qt kiosk assembled: main window, flow controller, idle watcher, card input, officer mode.

``build_main_window(services)`` is what tests (and the screen tour) use: the whole kiosk, wired
to the given Qt-free parts, started (timers running, first health check sent), not shown.
``ui.startup.run_kiosk`` is what ``kiosk`` runs; it paints the window first and calls
``build_kiosk`` behind it.
"""

from __future__ import annotations

from kiosk import log
from kiosk.api.client import CentralClient
from kiosk.flow import events as ev
from kiosk.flow.state import FlowConfig
from kiosk.reader import Reader
from kiosk.services import Services
from ui.card_input import CardInput
from ui.controller import HEALTH_INTERVAL_S, OUTAGE_HEALTH_INTERVAL_S, FlowController
from ui.garbage import GuiThreadCollector
from ui.idle import IdleWatcher
from ui.main_window import MainWindow
from ui.officer.host import OfficerHost
from ui.preload import preload_screens, preloaded
from ui.screen_prep import ScreenPrep
from ui.screens.base import ScreenContext
from ui.startup import ensure_application
from ui.workers import WorkerPool

EXIT_GRACE_MS = 3000
"""On exit, how long the ``DELETE /sessions/current`` may take before the process ends anyway."""


class Kiosk:
    """The running parts around the main window (kept together so they stop together)."""

    def __init__(self, window: MainWindow, pool: WorkerPool, idle: IdleWatcher,
                 cards: CardInput, services: Services) -> None:
        self.window = window
        self.pool = pool
        self.idle = idle
        self.cards = cards
        self.services = services
        self.officer: OfficerHost | None = None
        """Officer mode's gesture, idle timer, background threads (``ui.officer.host``)."""
        self.collector = GuiThreadCollector(window)
        """Python's cycle collector, on the GUI thread only while the kiosk runs."""
        self.retired_clients: list[CentralClient] = []
        """API clients replaced by an officer's settings change, closed at shutdown."""

    def start(self) -> None:
        self.collector.start()
        self.idle.install()
        self.cards.start()
        self.window.controller.start()
        if self.officer is not None:
            self.officer.start()
        self.pool.submit(preload_screens, preloaded)

    def replace_card_input(self, reader: Reader) -> None:
        """A new reader (the officer changed the reader settings): stop the old input, start
        one on ``reader`` with the settings now in effect."""
        self.cards.stop()
        if self.services.reader is not None and self.services.reader is not reader:
            self.services.reader.close()
        self.services.reader = reader
        self.cards = CardInput(self.services.settings, reader, self.window.controller,
                               activity=self.idle.poke)
        self.cards.start()

    def shutdown(self, grace_ms: int = EXIT_GRACE_MS) -> None:
        """End the visit (the screen is wiped at once), give the network call a moment, stop."""
        controller = self.window.controller
        controller.dispatch(ev.Exit())
        controller.stop()
        self.cards.stop()
        self.idle.uninstall()
        if self.officer is not None:
            self.officer.stop()
        if not self.pool.wait_for_done(grace_ms):
            log.ui.warning("workers still busy at exit; leaving them")
        for client in self.retired_clients:
            client.close()
        self.collector.stop()


def build_kiosk(
    services: Services,
    *,
    window: MainWindow | None = None,
    config: FlowConfig | None = None,
    health_interval_s: float = HEALTH_INTERVAL_S,
    outage_health_interval_s: float | None = None,
    background: bool = True,
) -> Kiosk:
    """The kiosk on these parts, not started: ``kiosk.start()`` runs it. ``window`` is one
    already on screen (``ui.startup``), else a new one is made. ``background`` starts the
    audit-upload and heartbeat threads with it."""
    ensure_application()
    settings = services.settings
    pool = window.context.pool if window is not None else None
    if pool is None:
        pool = WorkerPool()
    controller = FlowController(
        services, pool, config=config, health_interval_s=health_interval_s,
        outage_health_interval_s=outage_health_interval_s or OUTAGE_HEALTH_INTERVAL_S,
    )
    context = ScreenContext(settings, services.clock,
                            reader_present=settings.reader.backend != "none", pool=pool)
    if window is None:
        window = MainWindow(context)
    else:
        window.replace_context(context)
    pool.setParent(window)
    controller.setParent(window)
    idle = IdleWatcher(settings.kiosk.idle_timeout_s, window)
    idle.idle.connect(lambda: controller.dispatch(ev.IdleTimeout()))
    cards = CardInput(settings, services.reader, controller, activity=idle.poke)
    kiosk = Kiosk(window, pool, idle, cards, services)
    window.kiosk = kiosk
    window.attach(controller)
    prep = ScreenPrep(window)
    controller.stateChanged.connect(prep.follow)
    prep.follow(controller.state)
    kiosk.officer = OfficerHost(kiosk, services, background=background)
    return kiosk


def build_main_window(
    services: Services,
    *,
    config: FlowConfig | None = None,
    health_interval_s: float = HEALTH_INTERVAL_S,
    outage_health_interval_s: float | None = None,
) -> MainWindow:
    """The whole kiosk on these parts, started but not shown (tests show it themselves).

    ``window.kiosk.shutdown()`` stops it.
    """
    kiosk = build_kiosk(services, config=config, health_interval_s=health_interval_s,
                        outage_health_interval_s=outage_health_interval_s)
    kiosk.start()
    return kiosk.window
