"""``kiosk-central``: run the reference central server (demo mode, training, soak runs)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from kiosk.reference_server.data import generate
from kiosk.reference_server.faults import FaultConfig
from kiosk.reference_server.runner import ServerConfig, start_server


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kiosk-central",
        description="Reference implementation of the central disclosure API, with synthetic data.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument(
        "--port", type=int, help="default 8080, or 8443 with TLS; 0 picks a free port (printed)"
    )
    p.add_argument("--tls-cert", type=Path, help="PEM certificate chain; enables https")
    p.add_argument("--tls-key", type=Path, help="PEM private key of --tls-cert")
    p.add_argument(
        "--require-client-cert",
        type=Path,
        metavar="CA",
        help="require client certificates signed by this CA (mutual TLS)",
    )
    p.add_argument("--seed", type=int, default=1, help="seed of the synthetic data")
    p.add_argument(
        "--db",
        default="sqlite://",
        metavar="URL",
        help="SQLAlchemy URL (default: in memory; e.g. sqlite:///central.db keeps state)",
    )
    p.add_argument(
        "--token",
        action="append",
        dest="tokens",
        metavar="TOKEN",
        help="accepted terminal bearer token (repeatable; default demo-token)",
    )
    p.add_argument("--session-ttl", type=int, default=900, metavar="SECONDS")
    faults = p.add_argument_group("fault injection (per request)")
    faults.add_argument("--latency-ms", type=int, default=0, help="added latency (jittered ±50%%)")
    faults.add_argument("--error-rate", type=float, default=0.0, help="500/503/429 answers")
    faults.add_argument("--malformed-rate", type=float, default=0.0, help="200 with invalid JSON")
    faults.add_argument("--truncate-rate", type=float, default=0.0, help="body cut short")
    faults.add_argument("--drop-rate", type=float, default=0.0, help="connection closed, no answer")
    faults.add_argument("--fault-seed", type=int, default=0)
    p.add_argument(
        "--list-demo-credentials",
        action="store_true",
        help="print the demo credentials as JSON lines and exit",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.list_demo_credentials:
        return _list_credentials(args.seed)
    if bool(args.tls_cert) != bool(args.tls_key):
        print("kiosk-central: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    try:
        fault_config = FaultConfig(
            latency_ms=args.latency_ms,
            error_rate=args.error_rate,
            malformed_rate=args.malformed_rate,
            truncate_rate=args.truncate_rate,
            drop_rate=args.drop_rate,
            seed=args.fault_seed,
        )
        config = ServerConfig(
            host=args.host,
            port=args.port if args.port is not None else 8443 if args.tls_cert else 8080,
            seed=args.seed,
            db_url=args.db,
            tls_cert=args.tls_cert,
            tls_key=args.tls_key,
            client_ca=args.require_client_cert,
            tokens=tuple(args.tokens or ("demo-token",)),
            session_ttl_s=args.session_ttl,
            faults=fault_config,
            access_log=True,
        )
    except ValueError as exc:
        print(f"kiosk-central: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    try:
        server = start_server(config)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"kiosk-central: cannot start: {exc}", file=sys.stderr)
        return 1
    with server:
        print(f"listening on {server.base_url}", flush=True)
        while not stop.wait(0.5):
            pass
    print("stopped", flush=True)
    return 0


def _list_credentials(seed: int) -> int:
    try:
        for credential in generate(seed).credentials():
            print(json.dumps(credential.to_json(), ensure_ascii=False))
        sys.stdout.flush()
    except BrokenPipeError:  # `kiosk-central --list-demo-credentials | head` is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
