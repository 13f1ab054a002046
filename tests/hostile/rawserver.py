"""A loopback HTTP server that answers every request with bytes the test scripted.

The reference server speaks HTTP correctly; a hostile or broken central service (or a proxy
in front of it) does not. This one reads a request, writes ``answer`` verbatim — status line,
headers and body exactly as given, malformed or not — and closes the connection.
"""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RawServer:
    def __init__(self) -> None:
        self.answer = b""
        self.requests = 0
        state = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                conn: socket.socket = self.request
                conn.settimeout(5)
                try:
                    _read_request(conn)
                    state.requests += 1
                    conn.sendall(state.answer)
                    conn.shutdown(socket.SHUT_WR)
                except OSError:
                    pass  # the client gave up first; nothing to answer

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/api/v1"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return
        body += chunk


@contextmanager
def raw_server() -> Iterator[RawServer]:
    server = RawServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
