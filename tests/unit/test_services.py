"""The composition root builds every Qt-free part from settings, and keeps its secrets."""

from __future__ import annotations

from pathlib import Path

from kiosk.reference_server import RunningServer
from kiosk.services import build_services
from kiosk.settings import load
from kiosk.store import DB_FILE

TOKEN = "demo-token"


def test_services_are_built_from_settings_and_their_repr_holds_no_secret(
    central: RunningServer, tmp_path: Path
) -> None:
    site = tmp_path / "site.ini"
    site.write_text(
        f"[central]\nbase_url = {central.base_url}\ntoken = {TOKEN}\n"
        f"[paths]\ndata_dir = {tmp_path / 'data'}\nlog_dir = {tmp_path / 'logs'}\n",
        encoding="utf-8",
    )
    services = build_services(load(site, environ={}))
    try:
        assert services.client.health().status == "ok"
        assert (tmp_path / "data" / DB_FILE).is_file()
        assert len(services.terminal_secret) == 32
        shown = repr(services)
        assert services.terminal_secret.hex() not in shown
        assert repr(services.terminal_secret) not in shown
        assert TOKEN not in shown
    finally:
        services.close()
