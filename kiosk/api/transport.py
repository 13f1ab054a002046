"""The HTTP plumbing under the central API client: which URLs are allowed, how the
``requests.Session`` is built, and how a transport failure becomes one typed exception.

Kept apart from ``client.py`` so the rules that guard the wire (loopback-only ``http://``,
verification always on, the environment ignored) can be read and tested on their own.
"""

from __future__ import annotations

import http.cookiejar
import ipaddress
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from kiosk.api.errors import (
    ApiError,
    BadResponse,
    ConfigurationError,
    ConnectionFailed,
    RequestTimeout,
    TlsError,
)

LOOPBACK_NAMES = frozenset({"localhost", "localhost."})


def is_loopback_host(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 and ::1 — the only hosts plain http:// may reach."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_base_url(base_url: str) -> str:
    """Return ``base_url`` without a trailing slash, or raise ``ConfigurationError``.

    https:// is required except for loopback hosts (demo mode, tests). A base URL carrying
    credentials, a query or a fragment is refused: each would be sent somewhere unintended.
    """
    try:
        parts = urlsplit(base_url.strip())
        port = parts.port  # raises ValueError for a non-numeric or out-of-range port
    except ValueError as exc:
        raise ConfigurationError(f"central base_url is not a valid URL: {exc}") from None
    del port
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        raise ConfigurationError("central base_url must be an https:// URL with a host")
    if parts.scheme == "http" and not is_loopback_host(host):
        raise ConfigurationError(
            f"central base_url: plain http:// is refused for host {host!r}; use https:// "
            "(http:// is allowed only for loopback hosts)"
        )
    if parts.username is not None or parts.password is not None:
        raise ConfigurationError("central base_url must not carry a user name or password")
    if parts.query or parts.fragment:
        raise ConfigurationError("central base_url must not carry a query or fragment")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


@dataclass(frozen=True)
class TlsFiles:
    """What ``requests`` needs for TLS, checked to exist before the first call.

    ``verify`` is a CA bundle path or ``True`` (the CA list requests bundles, from certifi; not
    the operating system's store) — never ``False``.
    """

    verify: str | bool
    cert: str | tuple[str, str] | None

    @classmethod
    def from_paths(
        cls, ca_bundle: str | None, client_cert: str | None, client_key: str | None
    ) -> TlsFiles:
        for label, path in (("ca_bundle", ca_bundle), ("client_cert", client_cert),
                            ("client_key", client_key)):
            if path and not Path(path).is_file():
                raise ConfigurationError(f"central {label}: no such file: {path}")
        if client_key and not client_cert:
            raise ConfigurationError("central client_key is set but client_cert is empty")
        cert: str | tuple[str, str] | None = None
        if client_cert:
            cert = (client_cert, client_key) if client_key else client_cert
        return cls(verify=ca_bundle or True, cert=cert)


def build_session(tls: TlsFiles, pool_size: int) -> requests.Session:
    """A session that ignores the environment and keeps no state between calls.

    ``trust_env=False``: otherwise ``REQUESTS_CA_BUNDLE``/``CURL_CA_BUNDLE`` silently replace
    ``verify``, proxy variables reroute traffic and ``~/.netrc`` replaces the bearer token.
    Cookies are refused: the contract is stateless, and one family's call must not carry
    anything into the next. urllib3 retries nothing; the client owns the retry policy.
    """
    session = requests.Session()
    session.trust_env = False
    session.verify = tls.verify
    session.cert = tls.cert
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    adapter = HTTPAdapter(
        pool_connections=1,  # one host
        pool_maxsize=pool_size,
        max_retries=Retry(total=0, connect=0, read=0, redirect=0, status=0, other=0),
    )
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything in its args and cause/context chain (urllib3 nests)."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(arg for arg in current.args if isinstance(arg, BaseException))
        for linked in (current.__cause__, current.__context__,
                       getattr(current, "reason", None)):
            if isinstance(linked, BaseException):
                stack.append(linked)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    return any(isinstance(linked, kind) for linked in _chain(exc))


def _reason(exc: BaseException) -> str:
    """What went wrong, from the socket or TLS layer: text that never holds the URL.

    ``requests``' own messages name the full URL (an inmate id in the path, a slip's verify
    code in the query), so neither their text nor the exception itself travels on.
    """
    for linked in _chain(exc):
        if isinstance(linked, ssl.SSLCertVerificationError) and linked.verify_message:
            return f"certificate verify failed: {linked.verify_message}"
        if isinstance(linked, ssl.SSLError) and linked.reason:
            return str(linked.reason)
        if isinstance(linked, OSError) and linked.errno is not None and linked.strerror:
            return linked.strerror
    return type(exc).__name__


def transport_error(exc: Exception, request_id: str) -> ApiError:
    """Map a failure below HTTP (no usable answer arrived) to one typed exception.

    The message names the kind of fault and the socket or TLS reason only; raise it
    ``from None``, since ``exc`` and its chain can hold the full URL.
    """
    reason = _reason(exc)
    if isinstance(exc, requests.exceptions.SSLError) or _caused_by(exc, ssl.SSLError):
        return TlsError(f"TLS failure ({reason})", request_id=request_id)
    if isinstance(exc, requests.exceptions.Timeout) or _caused_by(exc, ReadTimeoutError):
        return RequestTimeout(f"no answer in time ({reason})", request_id=request_id)
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return BadResponse("answer could not be decoded", request_id=request_id)
    return ConnectionFailed(f"connection failed ({reason})", request_id=request_id)
