"""What the client refuses at construction, before any byte is sent."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from kiosk.api.client import CentralClient
from kiosk.api.errors import ConfigurationError
from kiosk.api.transport import normalise_base_url
from kiosk.settings import Settings

REFUSED = [
    ("http-public-host", "http://disclosure.example.gov.cn/api/v1"),
    ("http-private-ip", "http://10.0.0.5/api/v1"),
    ("http-lan-name", "http://central.local/api/v1"),
    ("http-all-interfaces", "http://0.0.0.0:8080/api/v1"),
    ("http-ipv6-public", "http://[2001:db8::1]/api/v1"),
    ("http-localhost-lookalike", "http://localhost.evil.example/api/v1"),
    ("http-127-in-name", "http://127.0.0.1.nip.io/api/v1"),
    # Parser differentials: urlsplit and urllib3 disagree on "\\" in the authority, so a
    # userinfo that hides the real host is refused outright.
    ("http-backslash-userinfo", "http://evil.example\\@127.0.0.1/api/v1"),
    ("http-userinfo-loopback-lookalike", "http://127.0.0.1@evil.example/api/v1"),
    ("http-ipv4-mapped-ipv6", "http://[::ffff:7f00:1]/api/v1"),
    ("http-decimal-ip", "http://2130706433/api/v1"),  # resolvers read it as 127.0.0.1
    ("http-short-ip", "http://127.1/api/v1"),
    ("ftp-scheme", "ftp://127.0.0.1/api/v1"),
    ("no-scheme", "disclosure.example.gov.cn/api/v1"),
    ("no-host", "https:///api/v1"),
    ("credentials", "https://user:pw@disclosure.example.gov.cn/api/v1"),
    ("query", "https://disclosure.example.gov.cn/api/v1?x=1"),
    ("fragment", "https://disclosure.example.gov.cn/api/v1#top"),
    ("bad-port", "https://disclosure.example.gov.cn:99999/api/v1"),
]

ACCEPTED = [
    ("https-public", "https://disclosure.example.gov.cn/api/v1/",
     "https://disclosure.example.gov.cn/api/v1"),
    ("http-localhost", "http://localhost:8000", "http://localhost:8000"),
    ("http-127-0-0-1", "http://127.0.0.1:8000/api/v1", "http://127.0.0.1:8000/api/v1"),
    ("http-127-other", "http://127.8.9.10/api", "http://127.8.9.10/api"),
    ("http-ipv6-loopback", "http://[::1]:8000/api/v1", "http://[::1]:8000/api/v1"),
    ("http-LOCALHOST-upper", "http://LOCALHOST:1/x", "http://LOCALHOST:1/x"),
    ("HTTP-scheme-upper", "HTTP://127.0.0.1:1/x", "http://127.0.0.1:1/x"),
    ("http-ipv6-loopback-long", "http://[0:0:0:0:0:0:0:1]:1/x", "http://[0:0:0:0:0:0:0:1]:1/x"),
]


@pytest.mark.parametrize("url", [row[1] for row in REFUSED], ids=[row[0] for row in REFUSED])
def test_base_url_refused(url: str) -> None:
    with pytest.raises(ConfigurationError):
        CentralClient(url, "DEMO-LOBBY-01", "demo-token")


@pytest.mark.parametrize(("url", "normalised"), [row[1:] for row in ACCEPTED],
                         ids=[row[0] for row in ACCEPTED])
def test_base_url_accepted(url: str, normalised: str) -> None:
    assert normalise_base_url(url) == normalised
    with CentralClient(url, "DEMO-LOBBY-01", "demo-token") as client:
        assert client.base_url == normalised


def test_refusal_message_names_the_host() -> None:
    with pytest.raises(ConfigurationError, match=r"disclosure\.example\.gov\.cn.*https://"):
        CentralClient("http://disclosure.example.gov.cn/api/v1", "T-1", "demo-token")


@pytest.mark.parametrize(
    ("token", "terminal_id"),
    [("", "DEMO-LOBBY-01"), ("has space", "DEMO-LOBBY-01"), ("line\r\nX-Evil: 1", "T-1"),
     ("demo-token", ""), ("demo-token", "T 1"), ("demo-token", "T-1\n")],
    ids=["empty-token", "space-in-token", "crlf-in-token", "empty-terminal",
         "space-in-terminal", "newline-in-terminal"],
)
def test_bad_identity_refused(token: str, terminal_id: str) -> None:
    with pytest.raises(ConfigurationError):
        CentralClient("https://central.example", terminal_id, token)


def test_token_never_in_the_message(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ConfigurationError) as caught:
        CentralClient("https://central.example", "T-1", "secret token")
    assert "secret" not in str(caught.value)
    assert "secret" not in caplog.text


@pytest.mark.parametrize("field", ["ca_bundle", "client_cert", "client_key"])
def test_missing_tls_file_refused(tmp_path: Path, field: str) -> None:
    cert = tmp_path / "client.pem"
    cert.write_text("placeholder")
    kwargs = {"client_cert": str(cert), field: str(tmp_path / "absent.pem")}
    with pytest.raises(ConfigurationError, match=field):
        CentralClient("https://central.example", "T-1", "demo-token", **kwargs)


def test_key_without_cert_refused(tmp_path: Path) -> None:
    key = tmp_path / "key.pem"
    key.write_text("placeholder")
    with pytest.raises(ConfigurationError, match="client_cert"):
        CentralClient("https://central.example", "T-1", "demo-token", client_key=str(key))


@pytest.mark.parametrize(
    "kwargs",
    [{"connect_timeout_s": 0}, {"read_timeout_s": -1}, {"get_retries": -1},
     {"max_retry_after_s": -1}],
    ids=["zero-connect", "negative-read", "negative-retries", "negative-retry-after"],
)
def test_bad_numbers_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ConfigurationError):
        CentralClient("https://central.example", "T-1", "demo-token", **kwargs)


def test_from_settings_uses_central_and_terminal_sections() -> None:
    settings = Settings()
    settings = dataclasses.replace(
        settings,
        central=dataclasses.replace(settings.central, base_url="http://127.0.0.1:1/api/v1",
                                    token="demo-token"),
    )
    with CentralClient.from_settings(settings) as client:
        assert client.base_url == "http://127.0.0.1:1/api/v1"


def test_from_settings_refuses_the_shipped_empty_token() -> None:
    with pytest.raises(ConfigurationError, match="token"):
        CentralClient.from_settings(Settings())
