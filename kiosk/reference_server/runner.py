"""Start the reference central server in a background thread: for tests, the demo and the CLI.

The listening socket is bound before uvicorn starts, so ``port=0`` works and the URL is known
before the first request; ``start_server`` returns once uvicorn accepts connections.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.routing import Mount

from kiosk.reference_server.app import ERROR_HANDLERS, ServerContext, create_app
from kiosk.reference_server.data import DemoCredential, generate
from kiosk.reference_server.faults import (
    Connections,
    FaultConfig,
    FaultMiddleware,
    FaultPlan,
    tracking_protocol,
)
from kiosk.reference_server.store import Store, StoredEvent, StoredHeartbeat

API_PREFIX = "/api/v1"
_START_TIMEOUT_S = 10.0


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 0
    seed: int = 1
    db_url: str = "sqlite://"
    tls_cert: Path | None = None
    tls_key: Path | None = None
    client_ca: Path | None = None
    """When set, clients must present a certificate signed by this CA (mutual TLS)."""
    tokens: tuple[str, ...] = field(default=("demo-token",), repr=False)
    """Accepted terminal bearer tokens (secrets: not in the repr)."""
    session_ttl_s: int = 900
    faults: FaultConfig = field(default_factory=FaultConfig)
    public_base_url: str | None = None
    """Base of verify_url/track_url when clients reach the server by another name (a proxy)."""
    max_attempts: int = 5
    lockout_s: int = 900
    access_log: bool = False
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    """The server's idea of now (session expiry, lockouts, slip dates); tests move it."""


class RunningServer:
    """A started server; also a context manager that stops it on exit."""

    def __init__(
        self,
        base_url: str,
        faults: FaultPlan,
        context: ServerContext,
        server: uvicorn.Server,
        thread: threading.Thread,
    ) -> None:
        self.base_url = base_url
        self.faults = faults
        self._context = context
        self._server = server
        self._thread = thread

    @property
    def store(self) -> Store:
        return self._context.store

    def credentials(self) -> list[DemoCredential]:
        return self.store.dataset.credentials()

    def expire_sessions(self) -> None:
        """Every live session token now answers 401 session_expired."""
        self.store.expire_sessions()

    def reset_lockouts(self) -> None:
        """Forget failed sign-ins (the pre-locked demo credential stays locked)."""
        self.store.reset_lockouts()

    def events(self) -> list[StoredEvent]:
        return self.store.events()

    def heartbeats(self) -> list[StoredHeartbeat]:
        return self.store.heartbeats()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self.store.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_server(config: ServerConfig) -> RunningServer:
    if config.client_ca and not config.tls_cert:
        raise ValueError("client certificates need TLS: give tls_cert and tls_key")
    sock = _bind(config.host, config.port)
    try:
        scheme = "https" if config.tls_cert else "http"
        base_url = f"{scheme}://{_url_host(config.host)}:{sock.getsockname()[1]}{API_PREFIX}"
        context = ServerContext(
            store=Store(
                config.db_url,
                generate(config.seed),
                clock=config.clock,
                max_attempts=config.max_attempts,
                lockout_s=config.lockout_s,
            ),
            tokens=frozenset(config.tokens),
            session_ttl_s=config.session_ttl_s,
            public_base_url=(config.public_base_url or base_url).rstrip("/"),
            clock=config.clock,
        )
        plan = FaultPlan(config.faults)
        connections = Connections()
        outer = Starlette(
            routes=[Mount(API_PREFIX, app=create_app(context))],
            exception_handlers={HTTPException: ERROR_HANDLERS[HTTPException]},
        )
        uv_config = uvicorn.Config(
            FaultMiddleware(outer, plan, connections, API_PREFIX),
            http=tracking_protocol(connections),
            loop="asyncio",
            ws="none",
            lifespan="off",
            interface="asgi3",
            log_config=None,
            access_log=config.access_log,
            server_header=False,
            timeout_graceful_shutdown=2,
            ssl_certfile=config.tls_cert,
            ssl_keyfile=config.tls_key,
            ssl_ca_certs=config.client_ca,
            ssl_cert_reqs=ssl.CERT_REQUIRED if config.client_ca else ssl.CERT_NONE,
        )
        uv_config.load()  # certificate errors surface here, in the caller's thread
        server = uvicorn.Server(uv_config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="kiosk-central", daemon=True
        )
        thread.start()
    except BaseException:
        sock.close()
        raise
    deadline = time.monotonic() + _START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError("the reference server did not start")
        time.sleep(0.005)
    return RunningServer(base_url, plan, context, server, thread)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted sockets only then, and
    # without it Nagle + delayed ACKs add ~40 ms to every answer on a kept-alive connection.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def _url_host(host: str) -> str:
    """The host to put in URLs: a wildcard bind is reached on loopback."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    return f"[{host}]" if ":" in host else host
