"""TLS and scheme refusals the client must make on its own, whatever the server offers.

Beyond tests/unit/api/test_client_tls.py (unknown CA, wrong DNS name, mutual TLS): a server
certificate that has EXPIRED, one NOT YET VALID, a SELF-SIGNED one (not from the configured
CA), one for ANOTHER IP address, and one from the right CA but only for client
authentication — each is refused with ``TlsError`` and never retried. And plain ``http://``
is refused at construction for every spelling of a non-loopback host, with the host the
client would really connect to (urllib3's reading of the URL, not only ``urlsplit``'s)
checked as well.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
import urllib3.exceptions
import urllib3.util
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, ConfigurationError, TlsError
from kiosk.api.transport import is_loopback_host, normalise_base_url
from kiosk.reference_server import RunningServer, ServerConfig, start_server
from tests.hostile.profiles import fuzz

NOW = dt.datetime.now(dt.UTC)
DAY = dt.timedelta(days=1)


def _pem(cert: x509.Certificate, key: ec.EllipticCurvePrivateKey, folder: Path,
         name: str) -> tuple[Path, Path]:
    cert_path, key_path = folder / f"{name}.pem", folder / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _leaf(subject_key: ec.EllipticCurvePrivateKey, issuer: x509.Name,
          signer: ec.EllipticCurvePrivateKey, *, usage: x509.ObjectIdentifier) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer if issuer else name)
        .public_key(subject_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - DAY)
        .not_valid_after(NOW + 30 * DAY)
        .add_extension(x509.SubjectAlternativeName([
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .sign(signer, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def ca_and_certs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The configured CA (``ca``) and one server certificate per way of being wrong."""
    folder = tmp_path_factory.mktemp("hostile-pki")
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    out: dict[str, tuple[Path, Path]] = {"ca": (folder / "ca.pem", folder / "ca.pem")}

    def trustme_leaf(name: str, *hosts: str, **validity: dt.datetime) -> None:
        leaf = ca.issue_cert(*hosts, **validity)  # type: ignore[arg-type]
        leaf.cert_chain_pems[0].write_to_path(str(folder / f"{name}.pem"))
        leaf.private_key_pem.write_to_path(str(folder / f"{name}.key"))
        out[name] = (folder / f"{name}.pem", folder / f"{name}.key")

    trustme_leaf("good", "127.0.0.1", "localhost")
    trustme_leaf("expired", "127.0.0.1", "localhost",
                 not_before=NOW - 60 * DAY, not_after=NOW - DAY)
    trustme_leaf("not-yet-valid", "127.0.0.1", "localhost",
                 not_before=NOW + DAY, not_after=NOW + 60 * DAY)
    trustme_leaf("other-ip", "127.0.0.2", "central.example.org")

    own_key = ec.generate_private_key(ec.SECP256R1())
    self_signed = _leaf(own_key, x509.Name([]), own_key, usage=ExtendedKeyUsageOID.SERVER_AUTH)
    out["self-signed"] = _pem(self_signed, own_key, folder, "self-signed")

    # Signed by the configured CA, but for client authentication only.
    ca_cert = x509.load_pem_x509_certificate(ca.cert_pem.bytes())
    ca_key = serialization.load_pem_private_key(ca.private_key_pem.bytes(), password=None)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    client_only = _leaf(leaf_key, ca_cert.subject, ca_key,  # type: ignore[arg-type]
                        usage=ExtendedKeyUsageOID.CLIENT_AUTH)
    out["client-auth-only"] = _pem(client_only, leaf_key, folder, "client-auth-only")
    return out


class Waits:
    def __init__(self) -> None:
        self.seconds: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


def _served(certs: dict[str, tuple[Path, Path]], which: str) -> Iterator[RunningServer]:
    cert, key = certs[which]
    with start_server(ServerConfig(tls_cert=cert, tls_key=key)) as server:
        yield server


@pytest.fixture(scope="module")
def good_server(ca_and_certs: dict[str, tuple[Path, Path]]) -> Iterator[RunningServer]:
    yield from _served(ca_and_certs, "good")


def test_the_configured_ca_and_a_good_certificate_work(
        good_server: RunningServer, ca_and_certs: dict[str, tuple[Path, Path]]) -> None:
    # The control: what the refusals below refuse is the certificate, not the setup.
    with CentralClient(good_server.base_url, "DEMO-LOBBY-01", "demo-token",
                       ca_bundle=str(ca_and_certs["ca"][0])) as client:
        assert client.health().status == "ok"


BAD = ["expired", "not-yet-valid", "self-signed", "other-ip", "client-auth-only"]


@pytest.mark.parametrize("which", BAD)
def test_a_bad_server_certificate_is_a_tls_error_and_never_retried(
        which: str, ca_and_certs: dict[str, tuple[Path, Path]]) -> None:
    waits = Waits()
    for server in _served(ca_and_certs, which):
        with CentralClient(server.base_url, "DEMO-LOBBY-01", "demo-token",
                           ca_bundle=str(ca_and_certs["ca"][0]), get_retries=2,
                           sleep=waits) as client:
            for call in (client.health, lambda: client.announcements("NM-HHHT1")):
                with pytest.raises(ApiError) as caught:
                    call()
                assert type(caught.value) is TlsError, which
        assert waits.seconds == []


def test_a_self_signed_certificate_is_refused_also_by_the_system_store(
        ca_and_certs: dict[str, tuple[Path, Path]]) -> None:
    for server in _served(ca_and_certs, "self-signed"):
        with CentralClient(server.base_url, "DEMO-LOBBY-01", "demo-token") as client, \
                pytest.raises(TlsError):
            client.health()


# ---- plain http:// only for loopback ----------------------------------------------------------

REFUSED = {
    "localhost-as-a-label": "http://localhost.example.com/api/v1",
    "nip-io": "http://127.0.0.1.nip.io/api/v1",
    "v4-mapped-private": "http://[::ffff:10.0.0.1]/api/v1",
    "hex-short-loopback": "http://0x7f.1/api/v1",
    "octal-loopback": "http://0177.0.0.1/api/v1",
    "short-loopback": "http://127.1/api/v1",
    "decimal-loopback": "http://2130706433/api/v1",
    "uppercase-scheme": "HTTP://10.0.0.1/api/v1",
    "mixed-case-scheme": "hTtP://central.example/api/v1",
    "fullwidth-localhost": "http://ｌｏｃａｌｈｏｓｔ/api/v1",
    "userinfo-loopback": "http://127.0.0.1@evil.example/api/v1",
    "userinfo-port": "http://localhost:80@evil.example/api/v1",
    "backslash": "http://evil.example\\@127.0.0.1/api/v1",
    "fragment-at": "http://evil.example#@127.0.0.1",
    "query-at": "http://evil.example?@127.0.0.1",
    "tab-in-host": "http://127.0.0.1\t.evil.example/api/v1",
    "newline-in-host": "http://127.0.0.1\n.evil.example/api/v1",
    "space-in-host": "http://127.0.0.1 .evil.example/api/v1",
    "unspecified-v4": "http://0.0.0.0/api/v1",
    "unspecified-v6": "http://[::]/api/v1",
    "private-v6": "http://[fd00::1]/api/v1",
    "percent-dot": "http://localhost%2eevil.example/api/v1",
    "trailing-dot-label": "http://localhost.evil./api/v1",
    "ws-scheme": "ws://127.0.0.1/api/v1",
    "file-scheme": "file:///etc/passwd",
    "scheme-only": "http:",
    "empty": "",
}


@pytest.mark.parametrize("url", list(REFUSED.values()), ids=list(REFUSED))
def test_plain_http_to_anything_but_loopback_is_refused_at_construction(url: str) -> None:
    with pytest.raises(ConfigurationError):
        CentralClient(url, "DEMO-LOBBY-01", "demo-token")


_SCHEMES = st.sampled_from(["http", "HTTP", "Http", "https", "HTTPS", "ftp", "ws", "", "http:"])
_HOSTS = st.one_of(
    st.sampled_from(["127.0.0.1", "localhost", "LOCALHOST", "localhost.", "[::1]",
                     "127.255.255.254", "10.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]",
                     "0x7f.1", "127.1", "2130706433", "central.example", "[::1%25lo]",
                     "localhost.example.com", "127.0.0.1.nip.io", "[fe80::1%25eth0]", "",
                     "[::1", "::1]", "ｌｏｃａｌｈｏｓｔ", "xn--localhost"]),
    st.text(st.sampled_from("0123456789.:[]abcdefxlocalhst-%@\\/#?\t "), max_size=24),
)
_USERINFO = st.sampled_from(["", "user@", "u:p@", "127.0.0.1@", "evil.example@", "@"])
_PORTS = st.sampled_from(["", ":8000", ":0", ":65535", ":65536", ":x", ":", ":-1", ":٣"])
_PATHS = st.sampled_from(["", "/", "/api/v1", "/api/v1/", "?q=1", "#f", "\\@evil.example/",
                          "/@evil.example", "//evil.example"])


@fuzz(3)
@given(st.builds(lambda s, u, h, p, path: f"{s}://{u}{h}{p}{path}",
                 _SCHEMES, _USERINFO, _HOSTS, _PORTS, _PATHS))
@example("http://127.0.0.1:8000/api/v1")
@example("http://evil.example\\@127.0.0.1/api/v1")
@example("https://%/api/v1")
@example("https://\\")
def test_an_accepted_http_url_connects_only_to_loopback(url: str) -> None:
    try:
        normalised = normalise_base_url(url)
    except ConfigurationError:
        return
    # requests hands the URL to urllib3, which parses it on its own: both readings of the
    # host must agree that http:// goes to loopback.
    try:
        wire: urllib3.util.Url | None = urllib3.util.parse_url(normalised)
    except urllib3.exceptions.LocationParseError:
        wire = None
    if wire is None or not wire.host:
        # Accepted although urllib3 finds no host in it ("https://%", "https://\\"): each
        # call then fails as a typed connection fault before any byte is sent.
        with CentralClient(normalised, "DEMO-LOBBY-01", "demo-token", get_retries=0,
                           connect_timeout_s=0.5) as client, pytest.raises(ApiError):
            client.health()
        return
    assert wire.scheme in ("http", "https")
    if wire.scheme == "http":
        host = wire.host.strip("[]").split("%")[0]
        assert is_loopback_host(host), (url, normalised, wire.host)
    assert not wire.auth and not wire.query and not wire.fragment
