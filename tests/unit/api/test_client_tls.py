"""The client over real TLS, with certificates made by ``trustme``: verification is always on,
the CA bundle comes from settings only (never from the environment), and mutual TLS works with
a client certificate and fails without one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme

from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, ConnectionFailed, TlsError
from kiosk.reference_server import RunningServer, ServerConfig, start_server
from tests.unit.api.conftest import TERMINAL_ID, SleepRecorder, sign_in


@dataclass(frozen=True)
class Pki:
    ca: Path  # the CA that signs the servers
    other_ca: Path  # a CA nobody uses
    server_cert: Path
    server_key: Path
    wrong_host_cert: Path  # signed by ``ca`` for another host name
    wrong_host_key: Path
    client_ca: Path  # signs terminal certificates
    client_cert: Path  # cert + key in one file
    client_cert_only: Path  # the same cert ...
    client_key: Path  # ... and its key in a file of its own
    foreign_client_cert: Path  # a terminal certificate from another CA


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    ca, other, client_ca, foreign_ca = (trustme.CA() for _ in range(4))

    def write(name: str, blob: trustme.Blob) -> Path:
        path = folder / name
        blob.write_to_path(str(path))
        return path

    server = ca.issue_cert("127.0.0.1", "localhost", "::1")
    wrong_host = ca.issue_cert("central.example.org")
    terminal = client_ca.issue_cert(TERMINAL_ID)
    return Pki(
        ca=write("ca.pem", ca.cert_pem),
        other_ca=write("other-ca.pem", other.cert_pem),
        server_cert=write("server.pem", server.cert_chain_pems[0]),
        server_key=write("server.key", server.private_key_pem),
        wrong_host_cert=write("wrong-host.pem", wrong_host.cert_chain_pems[0]),
        wrong_host_key=write("wrong-host.key", wrong_host.private_key_pem),
        client_ca=write("client-ca.pem", client_ca.cert_pem),
        client_cert=write("terminal.pem", terminal.private_key_and_cert_chain_pem),
        client_cert_only=write("terminal-cert.pem", terminal.cert_chain_pems[0]),
        client_key=write("terminal.key", terminal.private_key_pem),
        foreign_client_cert=write(
            "foreign-terminal.pem",
            foreign_ca.issue_cert(TERMINAL_ID).private_key_and_cert_chain_pem),
    )


@pytest.fixture(scope="module")
def tls_server(pki: Pki) -> Iterator[RunningServer]:
    with start_server(ServerConfig(tls_cert=pki.server_cert, tls_key=pki.server_key)) as server:
        yield server


@pytest.fixture(scope="module")
def mtls_server(pki: Pki) -> Iterator[RunningServer]:
    config = ServerConfig(tls_cert=pki.server_cert, tls_key=pki.server_key,
                          client_ca=pki.client_ca)
    with start_server(config) as server:
        yield server


@pytest.fixture(scope="module")
def wrong_host_server(pki: Pki) -> Iterator[RunningServer]:
    config = ServerConfig(tls_cert=pki.wrong_host_cert, tls_key=pki.wrong_host_key)
    with start_server(config) as server:
        yield server


@pytest.fixture
def tls_client(waits: SleepRecorder) -> Iterator[type[CentralClient]]:
    """``CentralClient`` with this test's terminal id, token and sleep recorder filled in."""
    made: list[CentralClient] = []

    class Client(CentralClient):
        def __init__(self, base_url: str, **kwargs: object) -> None:
            kwargs.setdefault("sleep", waits)
            super().__init__(base_url, TERMINAL_ID, "demo-token", **kwargs)  # type: ignore[arg-type]
            made.append(self)

    yield Client
    for client in made:
        client.close()


def test_trusted_ca_works_for_a_whole_call(tls_server: RunningServer, pki: Pki,
                                           tls_client: type[CentralClient],
                                           demo_credentials: list) -> None:
    assert tls_server.base_url.startswith("https://")
    client = tls_client(tls_server.base_url, ca_bundle=str(pki.ca))
    assert client.health().status == "ok"
    family = next(c for c in demo_credentials if c.note == "one inmate")
    created = sign_in(client, family)
    assert client.profile(created.session_token, family.inmate_ids[0]).inmate_id == \
        family.inmate_ids[0]
    client.end_session(created.session_token)
    assert client.last_latency_ms is not None and client.last_latency_ms > 0


def test_the_bogus_environment_bundle_is_still_set() -> None:
    # tests/conftest.py points REQUESTS_CA_BUNDLE at a missing file; the test above passing
    # with it in place is part of the proof that the client ignores it.
    assert not Path(os.environ["REQUESTS_CA_BUNDLE"]).exists()


@pytest.mark.parametrize(
    "which",
    ["other_ca", "system_store"],
    ids=["unknown-ca", "system-store-does-not-know-trustme"],
)
def test_untrusted_server_is_a_tls_error_and_not_retried(
    which: str, tls_server: RunningServer, pki: Pki, tls_client: type[CentralClient],
    waits: SleepRecorder,
) -> None:
    ca_bundle = str(pki.other_ca) if which == "other_ca" else None
    client = tls_client(tls_server.base_url, ca_bundle=ca_bundle, get_retries=2)
    with pytest.raises(ApiError) as caught:
        client.health()
    assert type(caught.value) is TlsError
    # The reason reaches the log line; requests' text (with the URL) does not travel on.
    assert "certificate verify failed" in caught.value.message
    assert "/health" not in caught.value.message
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert waits.waits == []


def test_certificate_for_another_host_is_refused(
    wrong_host_server: RunningServer, pki: Pki, tls_client: type[CentralClient],
) -> None:
    client = tls_client(wrong_host_server.base_url, ca_bundle=str(pki.ca))
    with pytest.raises(TlsError):
        client.health()


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_environment_ca_bundle_is_ignored(
    variable: str, tls_server: RunningServer, pki: Pki, tls_client: type[CentralClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The environment names the right CA: a client that read it would succeed.
    monkeypatch.setenv(variable, str(pki.ca))
    with pytest.raises(TlsError):
        tls_client(tls_server.base_url).health()


def test_environment_proxy_is_ignored(
    tls_server: RunningServer, pki: Pki, tls_client: type[CentralClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(variable, "http://127.0.0.1:9")  # discard port: nothing listens
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert tls_client(tls_server.base_url, ca_bundle=str(pki.ca)).health().status == "ok"


def test_mutual_tls_with_the_terminal_certificate(
    mtls_server: RunningServer, pki: Pki, tls_client: type[CentralClient],
) -> None:
    client = tls_client(mtls_server.base_url, ca_bundle=str(pki.ca),
                        client_cert=str(pki.client_cert))
    assert client.health().status == "ok"
    assert client.announcements("NM-HHHT1").items


@pytest.mark.parametrize("which", ["none", "foreign"],
                         ids=["without-client-cert", "client-cert-from-another-ca"])
def test_mutual_tls_refuses_a_terminal_without_a_valid_certificate(
    which: str, mtls_server: RunningServer, pki: Pki, tls_client: type[CentralClient],
) -> None:
    cert = str(pki.foreign_client_cert) if which == "foreign" else None
    client = tls_client(mtls_server.base_url, ca_bundle=str(pki.ca), client_cert=cert,
                        get_retries=0)
    with pytest.raises(ApiError) as caught:
        client.health()
    # With TLS 1.3 the server refuses the certificate after the client's side of the handshake
    # is done, so the client may see the alert (TlsError) or only the closed connection.
    assert type(caught.value) in (TlsError, ConnectionFailed)


def test_key_in_a_separate_file(
    mtls_server: RunningServer, pki: Pki, tls_client: type[CentralClient],
) -> None:
    client = tls_client(mtls_server.base_url, ca_bundle=str(pki.ca),
                        client_cert=str(pki.client_cert_only), client_key=str(pki.client_key))
    assert client.health().status == "ok"
