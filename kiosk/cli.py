"""The ``kiosk`` command line: start the kiosk, demo mode, self-test, screen tour, diagnostics.

The core never imports Qt, so the window is reached through a :class:`Gui` that the console
script's entry (``ui.entry:main``) passes in. ``kiosk --version``, ``kiosk verify`` and
``kiosk --selftest`` never touch it: they start fast and work with no display.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk import version
from kiosk.exitcodes import ExitCode
from kiosk.malloc_tuning import tune_malloc
from kiosk.settings import LoadedSettings, Settings, SettingsError, load
from kiosk.settings.loader import replace

if TYPE_CHECKING:
    from kiosk.printing.factory import BackendBuilder
    from kiosk.reference_server.data import DemoCredential
    from kiosk.reference_server.runner import RunningServer
    from kiosk.services import Services


class Gui(Protocol):
    """What the command line needs from ``ui/``: open the kiosk, or drive the screen tour.

    ``run_kiosk`` is handed a way to build the parts rather than the parts, so that the window
    is painted before the slow ones (database, client) are opened.

    ``printer_builders`` adds the printer backends that need Qt (``qt``) to the core's.
    """

    @property
    def printer_builders(self) -> Mapping[str, BackendBuilder]: ...

    def run_kiosk(self, start: Callable[[], Services], settings: Settings, *, windowed: bool,
                  demo_banner: str | None) -> int:
        """Show the window from ``settings``, then call ``start()`` for the parts and run."""
        ...

    def run_tour(self, services: Services, out_dir: Path, server: RunningServer) -> int: ...

DEMO_TOKEN = "demo-token"


class _VersionAction(argparse.Action):
    """``--version``, read from the package metadata only when asked (it costs start-up time)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"kiosk {version()}")
        parser.exit()


class _StartFailed(Exception):
    """The parts could not be built: the one-line message and the exit code."""

    def __init__(self, code: ExitCode, message: str) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Prison-affairs disclosure kiosk (狱务公开查询终端)"
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0,
                        help="show the version and exit")
    parser.add_argument("--settings", type=Path, metavar="PATH", help="site settings file")
    parser.add_argument(
        "--demo", action="store_true",
        help="start the reference server with synthetic data and point the kiosk at it",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--windowed", action="store_true", help="a normal window (development)")
    mode.add_argument("--fullscreen", action="store_true", help="full-screen even in demo mode")
    parser.add_argument(
        "--selftest", action="store_true",
        help="check settings, database, fonts, translations, API, printer and reader; no window",
    )
    parser.add_argument(
        "--tour", type=Path, metavar="OUTDIR",
        help="with --demo: drive the UI through every screen and save a PNG of each",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    verify = sub.add_parser("verify", help="ask the central API whether a printed slip is genuine")
    verify.add_argument("url", help="the verify URL from the slip's QR code")
    sub.add_parser(
        "set-pin",
        help="set the duty officer PIN (6-8 digits), read from standard input, never an argument",
    )
    reader = sub.add_parser("reader-test", help="read one ID card and print its masked number")
    reader.add_argument("--port", help="serial port (default: the configured one, or probe)")
    reader.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for a card")
    return parser


def main(argv: list[str] | None = None, *, gui: Gui | None = None) -> int:
    tune_malloc()  # first, before any thread (kiosk.malloc_tuning)
    args = build_parser().parse_args(argv)
    if args.tour is not None and not args.demo:
        _say("kiosk: --tour needs --demo (the tour uses the synthetic families)")
        return ExitCode.USAGE
    try:
        loaded = load(args.settings)
    except SettingsError as exc:
        _say(f"kiosk: settings error: {exc}")
        return ExitCode.SETTINGS

    if args.command == "verify":
        from kiosk.commands.verify import verify_command

        return verify_command(loaded.settings, args.url)
    if args.command == "set-pin":
        from kiosk.commands.set_pin import set_pin_command

        return set_pin_command(loaded)
    if args.command == "reader-test":
        from kiosk.reader.diagnostics import reader_test

        port = args.port or (None if loaded.settings.reader.port == "auto" else
                             loaded.settings.reader.port)
        return reader_test(port, args.timeout)

    if not args.demo:
        return _run(loaded, args, gui, server=None)
    with demo_server() as server:
        return _run(demo_settings(loaded, server.base_url), args, gui, server=server)


def _run(
    loaded: LoadedSettings, args: argparse.Namespace, gui: Gui | None, *,
    server: RunningServer | None,
) -> int:
    from kiosk import log

    settings = loaded.settings
    log.enable_faulthandler(loaded.log_dir)
    # The log file rotates from start() on, after the window's first frame (kiosk.log).
    log.setup_logging(
        loaded.log_dir, settings.logging.level, settings.logging.max_bytes,
        settings.logging.backup_count, console=sys.stderr is not None, rotate=False,
    )
    if args.selftest:
        from kiosk.selftest import run_selftest

        log.start_rotating()
        return run_selftest(loaded, gui.printer_builders if gui else None)

    if gui is None:
        _say("kiosk: this entry point has no window; run the installed `kiosk` command")
        return ExitCode.USAGE
    builders = gui.printer_builders
    opened: list[Services] = []

    def start() -> Services:
        log.start_rotating()
        opened.append(_build(loaded, builders, server=server, site_file=args.settings))
        return opened[-1]

    try:
        if args.tour is not None:
            assert server is not None
            return gui.run_tour(start(), args.tour, server)
        windowed = args.windowed or (args.demo and not args.fullscreen) or (
            not settings.kiosk.fullscreen and not args.fullscreen
        )
        banner = print_demo_credentials(server.credentials()) if server is not None else None
        return gui.run_kiosk(start, settings, windowed=windowed, demo_banner=banner)
    except _StartFailed as exc:
        log.app.error("could not start: %s", exc)
        _say(f"kiosk: {exc}")
        return exc.code
    except Exception as exc:
        # A fault nothing above expected, met before the running kiosk's own exception hook
        # took over (building the parts or the window): no traceback left for a windowed
        # build to show in a dialog nobody clicks, but a report and the code that asks the
        # supervisor for a fresh process. The tour is a developer's tool: it keeps its
        # traceback, which says more than a report.
        if args.tour is not None:
            raise
        return _crashed(loaded, exc)
    finally:
        for services in opened:
            services.close()


def _say(line: str) -> None:
    """One line for whoever started the program by hand (a windowed build has no stderr)."""
    if sys.stderr is not None:
        print(line, file=sys.stderr)


def _crashed(loaded: LoadedSettings, error: Exception) -> ExitCode:
    from kiosk import log
    from kiosk.crash_report import write_crash_report

    log.app.critical("unexpected %s while starting; exiting for a restart",
                     type(error).__qualname__)
    try:
        report = write_crash_report(loaded.log_dir, error)
    except OSError as exc:
        _say(f"kiosk: unexpected {type(error).__qualname__}; no crash report ({exc.strerror})")
    else:
        _say(f"kiosk: unexpected {type(error).__qualname__}; crash report {report}")
    return ExitCode.CRASH


def _build(loaded: LoadedSettings, builders: Mapping[str, BackendBuilder], *,
           server: RunningServer | None, site_file: Path | None) -> Services:
    """The Qt-free parts; a problem an officer must fix becomes ``_StartFailed``."""
    from kiosk.api.errors import ConfigurationError
    from kiosk.secrets import SecretError
    from kiosk.services import build_services
    from kiosk.store import StoreError

    try:
        services = build_services(loaded, printer_builders=builders)
    except ConfigurationError as exc:
        raise _StartFailed(ExitCode.SETTINGS, f"settings error: {exc}") from None
    except (StoreError, SecretError) as exc:
        # A database from a newer kiosk, a damaged terminal key, an unwritable data folder:
        # an officer's matter, said in one line rather than a traceback.
        raise _StartFailed(ExitCode.STORE, f"local data error: {exc}") from None
    if server is None:
        # After an officer's edit, the settings a restart would load (demo mode has its own
        # layer on top, so there the edit is applied to the settings in memory instead).
        services.reload_settings = lambda: load(site_file).settings
    return services


@contextmanager
def demo_server() -> Iterator[RunningServer]:
    from kiosk.reference_server.runner import ServerConfig, start_server

    server = start_server(ServerConfig(port=0, tokens=(DEMO_TOKEN,)))
    try:
        yield server
    finally:
        server.stop()


def demo_settings(loaded: LoadedSettings, base_url: str) -> LoadedSettings:
    """Point the kiosk at the local reference server; demo data lives apart from real data."""
    settings = replace(
        loaded.settings,
        {("central", "base_url"): base_url, ("central", "token"): DEMO_TOKEN,
         ("central", "ca_bundle"): "", ("central", "client_cert"): "",
         ("central", "client_key"): ""},
    )
    return dataclasses.replace(
        loaded, settings=settings, data_dir=loaded.data_dir / "demo",
        sources=(*loaded.sources, "--demo"),
    )


def print_demo_credentials(credentials: list[DemoCredential], count: int = 3) -> str:
    """Print a few synthetic families to the console and return the same text for a banner."""
    wanted = ("one inmate", "two inmates", "empty living section")
    chosen = [c for note in wanted for c in credentials if c.note == note][:count]
    for cred in credentials:
        if len(chosen) >= count:
            break
        if cred not in chosen and cred.note != "locked":
            chosen.append(cred)
    lines = ["Demo credentials (synthetic data):"]
    lines += [
        f"  ID {c.id_number}  reference {c.reference_number}  ({c.note})" for c in chosen
    ]
    text = "\n".join(lines)
    print(text, flush=True)
    return text


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
