"""Just enough IPP to ask CUPS for the state of one job (Get-Job-Attributes, RFC 8011).

``lpstat`` lists finished jobs without telling completed from aborted or cancelled, and its
text is localised; the job's ``job-state`` enum answers exactly. The CUPS server is found as
``lp`` finds it: ``CUPS_SERVER`` (host, host:port or a socket path), else the local socket,
else ``localhost:631``.
"""

from __future__ import annotations

import getpass
import http.client
import os
import socket
import struct
from enum import IntEnum
from pathlib import Path

_GET_JOB_ATTRIBUTES = 0x0009
_TAG_OPERATION = 0x01
_TAG_END = 0x03
_TAG_URI = 0x45
_TAG_CHARSET = 0x47
_TAG_LANGUAGE = 0x48
_TAG_NAME = 0x42
_TAG_KEYWORD = 0x44
_DEFAULT_SOCKET = Path("/run/cups/cups.sock")


class IppJobState(IntEnum):
    PENDING = 3
    PENDING_HELD = 4
    PROCESSING = 5
    PROCESSING_STOPPED = 6
    CANCELED = 7
    ABORTED = 8
    COMPLETED = 9


class IppError(Exception):
    """The server could not be asked, or did not answer with the job's state."""


class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self._path)
        self.sock = sock


def _connection(timeout: float) -> http.client.HTTPConnection:
    server = os.environ.get("CUPS_SERVER", "")
    if server.startswith("/"):
        return _UnixHTTPConnection(server, timeout)
    if server:
        host, _, port = server.partition(":")
        return http.client.HTTPConnection(host, int(port or 631), timeout=timeout)
    if _DEFAULT_SOCKET.exists():
        return _UnixHTTPConnection(str(_DEFAULT_SOCKET), timeout)
    return http.client.HTTPConnection("localhost", 631, timeout=timeout)


def _attr(tag: int, name: str, value: str) -> bytes:
    raw_name, raw_value = name.encode(), value.encode()
    return (struct.pack(">BH", tag, len(raw_name)) + raw_name
            + struct.pack(">H", len(raw_value)) + raw_value)


def job_state_request(job_id: int, user: str) -> bytes:
    return b"".join([
        struct.pack(">BBHI", 2, 0, _GET_JOB_ATTRIBUTES, 1),
        bytes([_TAG_OPERATION]),
        _attr(_TAG_CHARSET, "attributes-charset", "utf-8"),
        _attr(_TAG_LANGUAGE, "attributes-natural-language", "en"),
        _attr(_TAG_URI, "job-uri", f"ipp://localhost/jobs/{job_id}"),
        _attr(_TAG_NAME, "requesting-user-name", user),
        _attr(_TAG_KEYWORD, "requested-attributes", "job-state"),
        bytes([_TAG_END]),
    ])


def parse_attributes(response: bytes) -> tuple[int, dict[str, list[bytes]]]:
    """The status code and the attributes (name -> raw values) of an IPP response."""
    if len(response) < 9:
        raise IppError("short IPP response")
    status = struct.unpack(">H", response[2:4])[0]
    attrs: dict[str, list[bytes]] = {}
    pos, name = 8, ""
    while pos < len(response):
        tag = response[pos]
        pos += 1
        if tag == _TAG_END:
            break
        if tag < 0x10:  # the start of another attribute group
            continue
        (name_len,) = struct.unpack(">H", response[pos:pos + 2])
        pos += 2
        if name_len:
            name = response[pos:pos + name_len].decode("utf-8", "replace")
        pos += name_len
        (value_len,) = struct.unpack(">H", response[pos:pos + 2])
        pos += 2
        attrs.setdefault(name, []).append(response[pos:pos + value_len])
        pos += value_len
    return status, attrs


def get_job_state(job_id: int, *, timeout: float = 5.0) -> IppJobState:
    """The ``job-state`` of job ``job_id`` on the local CUPS server."""
    conn = _connection(timeout)
    try:
        conn.request("POST", "/jobs/", body=job_state_request(job_id, getpass.getuser()),
                     headers={"Content-Type": "application/ipp"})
        reply = conn.getresponse()
        body = reply.read()
    except OSError as exc:
        raise IppError(f"CUPS not reachable: {exc}") from exc
    finally:
        conn.close()
    if reply.status != 200:
        raise IppError(f"HTTP {reply.status}")
    status, attrs = parse_attributes(body)
    if status >= 0x0400 or "job-state" not in attrs:
        raise IppError(f"IPP status 0x{status:04x}")
    return IppJobState(struct.unpack(">i", attrs["job-state"][0])[0])
