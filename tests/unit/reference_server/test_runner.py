"""Starting and stopping servers: free ports, TLS, client certificates, a database file."""

from __future__ import annotations

import re
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import trustme

from kiosk.reference_server import ServerConfig, start_server

from .conftest import TERMINAL_HEADERS, Api, plain_session


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def tls_files(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tls")
    server_cert = ca.issue_cert("127.0.0.1", "localhost")
    client_cert = ca.issue_cert("NM-HHHT1-LOBBY-01")
    files = {
        "ca": folder / "ca.pem",
        "cert": folder / "server.pem",
        "key": folder / "server.key",
        "client": folder / "client.pem",
    }
    ca.cert_pem.write_to_path(str(files["ca"]))
    server_cert.private_key_pem.write_to_path(str(files["key"]))
    server_cert.cert_chain_pems[0].write_to_path(str(files["cert"]))
    for blob in server_cert.cert_chain_pems[1:]:
        blob.write_to_path(str(files["cert"]), append=True)
    client_cert.private_key_and_cert_chain_pem.write_to_path(str(files["client"]))
    return files


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with plain_session() as session:
        yield session


def test_port_zero_binds_a_free_port_and_stop_frees_it(http: requests.Session) -> None:
    with start_server(ServerConfig(port=0)) as server:
        match = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/api/v1", server.base_url)
        assert match and int(match.group(1)) > 0
        assert http.get(server.base_url + "/health", timeout=5).status_code == 200
    with pytest.raises(requests.ConnectionError):
        http.get(server.base_url + "/health", timeout=5)


def test_two_servers_run_side_by_side(http: requests.Session) -> None:
    with start_server(ServerConfig(seed=1)) as one, start_server(ServerConfig(seed=2)) as two:
        assert one.base_url != two.base_url
        assert one.credentials() != two.credentials()
        assert http.get(two.base_url + "/health", timeout=5).status_code == 200


def test_tls_with_a_trusted_ca(tls_files: dict[str, Path], http: requests.Session) -> None:
    config = ServerConfig(tls_cert=tls_files["cert"], tls_key=tls_files["key"])
    with start_server(config) as server:
        assert server.base_url.startswith("https://127.0.0.1:")
        response = http.get(server.base_url + "/health", verify=str(tls_files["ca"]), timeout=5)
        assert response.status_code == 200
        family = server.credentials()[0]
        api = Api(server, http)
        http.verify = str(tls_files["ca"])
        token = api.sign_in(family)
        slip = api.post(
            "/slips",
            token=token,
            json={
                "inmate_id": family.inmate_ids[0],
                "sections": ["assessment"],
                "content_sha256": "2" * 64,
            },
        ).json()
        assert slip["verify_url"].startswith(server.base_url)  # https, so a phone can check it
        assert http.get(slip["verify_url"], timeout=5).json()["valid"] is True


def test_tls_with_an_untrusted_ca_fails_verification(
    tls_files: dict[str, Path], http: requests.Session, tmp_path: Path
) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    config = ServerConfig(tls_cert=tls_files["cert"], tls_key=tls_files["key"])
    with start_server(config) as server, pytest.raises(requests.exceptions.SSLError):
        http.get(server.base_url + "/health", verify=str(other), timeout=5)


def test_client_certificates_are_required_when_configured(
    tls_files: dict[str, Path], http: requests.Session
) -> None:
    config = ServerConfig(
        tls_cert=tls_files["cert"], tls_key=tls_files["key"], client_ca=tls_files["ca"]
    )
    with start_server(config) as server:
        url = server.base_url + "/announcements"
        with pytest.raises((requests.exceptions.SSLError, requests.ConnectionError)):
            http.get(url, headers=TERMINAL_HEADERS, verify=str(tls_files["ca"]), timeout=5)
        response = http.get(
            url,
            headers=TERMINAL_HEADERS,
            verify=str(tls_files["ca"]),
            cert=str(tls_files["client"]),
            timeout=5,
        )
        assert response.status_code == 200


def test_client_certificates_need_tls(tls_files: dict[str, Path]) -> None:
    with pytest.raises(ValueError, match="TLS"):
        start_server(ServerConfig(client_ca=tls_files["ca"]))


def test_a_bad_certificate_fails_at_start(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a certificate")
    with pytest.raises((ssl.SSLError, OSError)):
        start_server(ServerConfig(tls_cert=bogus, tls_key=bogus))


def test_a_database_file_keeps_slips_across_restarts(
    tmp_path: Path, http: requests.Session
) -> None:
    config = ServerConfig(db_url=f"sqlite:///{tmp_path / 'central.db'}")
    with start_server(config) as server:
        api = Api(server, http)
        family = server.credentials()[0]
        slip = api.post(
            "/slips",
            token=api.sign_in(family),
            json={
                "inmate_id": family.inmate_ids[0],
                "sections": ["rewards"],
                "content_sha256": "3" * 64,
            },
        ).json()
    with start_server(config) as server:
        path = slip["verify_url"].split("/api/v1", 1)[1]
        assert http.get(server.base_url + path, timeout=5).json()["valid"] is True
    with pytest.raises(ValueError, match="seed 1"):
        start_server(ServerConfig(db_url=config.db_url, seed=2))


def test_links_use_the_public_base_url_when_one_is_set(http: requests.Session) -> None:
    public = "https://disclosure.example.gov.cn/api/v1"
    with start_server(ServerConfig(public_base_url=public + "/")) as server:
        api = Api(server, http)
        family = server.credentials()[0]
        token = api.sign_in(family)
        body = {"inmate_id": family.inmate_ids[0], "section": "profile", "reason": "unclear"}
        filed = api.post("/enquiries", token=token, json=body).json()
        assert filed["track_url"] == f"{public}/enquiries/{filed['ticket_no']}"
