"""Fault injection that reaches a real client as real faults.

``FaultPlan`` holds faults injected by tests (first match by path prefix and method, consumed
``times`` times) and random faults for soak runs (``FaultConfig`` rates). ``FaultMiddleware`` is
the outermost ASGI layer and acts them out on the wire:

- ``error``: the JSON error answer of the contract, with ``Retry-After`` when given;
- ``malformed``: ``200`` with a body that is not JSON;
- ``truncated``: the real answer (the request *is* processed, so an answer lost in transit can
  be retried against its side effects) with fewer body bytes than ``Content-Length``, then close;
- ``drop``: the connection is closed before any byte of an answer (the request is not processed);
- ``delay``: sleep ``delay_s``, then the real answer.

Closing a connection is not something ASGI can express, so the server runs uvicorn's h11
protocol subclassed only to record each connection's transport (``Connections``), keyed by
the client address that uvicorn also puts into ``scope["client"]``.
"""

from __future__ import annotations

import asyncio
import random
import threading
from dataclasses import dataclass, replace
from typing import Any, Literal, cast, get_args

from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.utils import get_remote_addr

from kiosk.reference_server.errors import default_code, error_response

FaultKind = Literal["error", "malformed", "truncated", "drop", "delay"]
FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
MALFORMED_BODY = b'{"status": "ok", "items": [<html><body>502 Bad Gateway</body></html>'

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Any
Send = Any


@dataclass(frozen=True)
class FaultConfig:
    """Random faults for soak runs; each rate is a probability per request."""

    latency_ms: int = 0
    error_rate: float = 0.0
    malformed_rate: float = 0.0
    truncate_rate: float = 0.0
    drop_rate: float = 0.0
    seed: int = 0

    def __post_init__(self) -> None:
        rates = (self.error_rate, self.malformed_rate, self.truncate_rate, self.drop_rate)
        if self.latency_ms < 0 or any(not 0 <= r <= 1 for r in rates) or sum(rates) > 1:
            raise ValueError("latency must be >= 0 and the rates in [0, 1] with a sum <= 1")


@dataclass
class Fault:
    kind: FaultKind
    path_prefix: str = "/"
    method: str | None = None
    status: int = 0
    code: str = ""
    message: str = "injected fault"
    retry_after: int | None = None
    delay_s: float = 0.0
    remaining: int | None = 1
    """How many more requests it hits; None until ``clear()``."""

    def matches(self, method: str, path: str) -> bool:
        return path.startswith(self.path_prefix) and self.method in (None, method)


class FaultPlan:
    """Thread-safe: tests inject and clear from their thread while the server draws."""

    def __init__(self, config: FaultConfig | None = None) -> None:
        self._lock = threading.Lock()
        self._injected: list[Fault] = []
        self._initial = config or FaultConfig()
        self.configure(self._initial)

    @property
    def config(self) -> FaultConfig:
        return self._config

    def configure(self, config: FaultConfig) -> None:
        """Replace the random faults (and restart their random sequence from the seed)."""
        with self._lock:
            self._config = config
            self._rng = random.Random(config.seed)

    def inject(
        self,
        path_prefix: str = "/",
        *,
        kind: FaultKind | None = None,
        status: int | None = None,
        code: str | None = None,
        message: str = "injected fault",
        retry_after: int | None = None,
        delay_s: float = 0.0,
        times: int | None = 1,
        method: str | None = None,
    ) -> Fault:
        """Add a fault for requests whose path below ``/api/v1`` starts with ``path_prefix``.

        ``status`` alone means an ``error`` fault, e.g. ``inject("/inmates", status=429,
        retry_after=2)``; its code defaults by status (429 rate_limited, 503 maintenance,
        5xx server_error ...; give it for 401). ``times=None`` keeps it until ``clear()``.
        """
        kind = kind or ("error" if status is not None else None)
        if kind not in FAULT_KINDS:
            raise ValueError(f"kind must be one of {FAULT_KINDS} (or give a status)")
        if times is not None and times < 1:
            raise ValueError("times must be >= 1 or None")
        fault = Fault(
            kind=kind,
            path_prefix=path_prefix,
            method=method.upper() if method else None,
            message=message,
            retry_after=retry_after,
            delay_s=delay_s,
            remaining=times,
        )
        if kind == "error":
            if status is None or not 400 <= status <= 599:
                raise ValueError("an error fault needs a 4xx or 5xx status")
            fault = replace(fault, status=status, code=code or default_code(status))
        with self._lock:
            self._injected.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every injected fault and go back to the random faults the server started with."""
        with self._lock:
            self._injected.clear()
        self.configure(self._initial)

    def pending(self) -> list[Fault]:
        with self._lock:
            return [replace(f) for f in self._injected]

    def draw(self, method: str, path: str) -> tuple[Fault | None, float]:
        """The fault for this request (injected first, then random) and the added latency (s)."""
        with self._lock:
            config = self._config
            latency = 0.0
            if config.latency_ms:
                latency = config.latency_ms / 1000 * (0.5 + self._rng.random())
            for fault in self._injected:
                if fault.matches(method, path):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                        if fault.remaining == 0:
                            self._injected.remove(fault)
                    return fault, latency
            return self._random_fault(config), latency

    def _random_fault(self, config: FaultConfig) -> Fault | None:
        roll = self._rng.random()
        for kind, rate in (
            ("drop", config.drop_rate),
            ("truncated", config.truncate_rate),
            ("malformed", config.malformed_rate),
        ):
            if roll < rate:
                return Fault(kind=cast(FaultKind, kind), message="random fault")
            roll -= rate
        if roll < config.error_rate:
            status = self._rng.choice((500, 503, 429))
            return Fault(
                kind="error",
                status=status,
                code=default_code(status),
                message="random fault",
                retry_after=1 if status != 500 else None,
            )
        return None


class Connections:
    """Open transports by client address; used only on the server's event loop thread."""

    def __init__(self) -> None:
        self._transports: dict[tuple[str, int], asyncio.Transport] = {}
        self._lost: dict[asyncio.Transport, asyncio.Event] = {}

    def opened(self, transport: asyncio.Transport) -> None:
        client = get_remote_addr(transport)
        if client is not None:
            self._transports[client] = transport
            self._lost[transport] = asyncio.Event()

    def closed(self, transport: asyncio.Transport) -> None:
        client = get_remote_addr(transport)
        if client is not None and self._transports.get(client) is transport:
            del self._transports[client]
        event = self._lost.pop(transport, None)
        if event is not None:
            event.set()

    async def close(self, client: tuple[str, int]) -> None:
        """Close the client's connection (after flushing what was written) and wait until gone."""
        transport = self._transports.get(client)
        if transport is None:
            raise RuntimeError("cannot close an untracked connection")
        event = self._lost[transport]
        transport.close()
        try:
            await asyncio.wait_for(event.wait(), timeout=1.0)
        except TimeoutError:  # a TLS peer that does not answer close_notify
            transport.abort()
            await event.wait()


def tracking_protocol(connections: Connections) -> type[H11Protocol]:
    """uvicorn's h11 protocol, telling ``connections`` when a connection opens and closes."""

    class TrackingH11Protocol(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            connections.opened(transport)

        def connection_lost(self, exc: Exception | None) -> None:
            connections.closed(self.transport)
            super().connection_lost(exc)

        def shutdown(self) -> None:
            super().shutdown()
            # An idle kept-alive TLS connection would wait for the client's close_notify, which
            # a client idling in its pool never sends: stopping the server took the full grace.
            if self.transport.is_closing():
                self.transport.abort()

    return TrackingH11Protocol


class FaultMiddleware:
    def __init__(
        self, app: Any, plan: FaultPlan, connections: Connections, api_prefix: str
    ) -> None:
        self.app = app
        self.plan = plan
        self.connections = connections
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith(self.api_prefix):
            path = path[len(self.api_prefix) :] or "/"
        fault, latency = self.plan.draw(scope["method"], path)
        if latency:
            await asyncio.sleep(latency)
        if fault is None:
            await self.app(scope, receive, send)
        elif fault.kind == "delay":
            await asyncio.sleep(fault.delay_s)
            await self.app(scope, receive, send)
        elif fault.kind == "truncated":
            await self._truncated(scope, receive, send)
        else:
            await _drain(receive)
            if fault.kind == "drop":
                await self.connections.close(tuple(scope["client"]))
            elif fault.kind == "malformed":
                await _answer(send, 200, MALFORMED_BODY)
            else:
                response = error_response(
                    fault.status, fault.code, fault.message, retry_after=fault.retry_after
                )
                await response(scope, receive, send)

    async def _truncated(self, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        if start is not None and body:
            headers = [
                (k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"
            ]
            headers.append((b"content-length", str(len(body)).encode()))
            await send(
                {"type": "http.response.start", "status": start["status"], "headers": headers}
            )
            await send(
                {"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True}
            )
        await self.connections.close(tuple(scope["client"]))


async def _drain(receive: Receive) -> None:
    """Read the request body so that the connection is in a clean state for the answer."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def _answer(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
