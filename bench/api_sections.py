"""Records screen latency: the five record calls (profile + four sections) made concurrently
from a thread pool, as the UI does, versus one after another, against a local reference
server over real HTTP. Prints medians; asserts nothing.

    python bench/api_sections.py [--rounds 30] [--delay-ms 0]

``--delay-ms`` adds server-side latency to every /inmates call (fault injection ``delay``) to
show what the pool buys on a slow provincial network.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from kiosk.api.client import CentralClient
from kiosk.api.models import AuthMethod, Section, SessionRequest
from kiosk.reference_server.runner import ServerConfig, start_server


def _record_calls(client: CentralClient, token: str, inmate_id: str) -> list[Callable[[], object]]:
    calls: list[Callable[[], object]] = [partial(client.profile, token, inmate_id)]
    calls += [partial(client.section, token, inmate_id, section) for section in Section]
    return calls


def _time_ms(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--delay-ms", type=float, default=0.0)
    args = parser.parse_args()

    with start_server(ServerConfig(port=0)) as server:
        credential = next(c for c in server.credentials() if "locked" not in c.note)
        client = CentralClient(server.base_url, "BENCH-01", "demo-token")
        session = client.create_session(SessionRequest(
            id_number=credential.id_number, reference_number=credential.reference_number,
            method=AuthMethod.MANUAL))
        calls = _record_calls(client, session.session_token, credential.inmate_ids[0])
        if args.delay_ms:
            server.faults.inject(path_prefix="/inmates", kind="delay",
                                 delay_s=args.delay_ms / 1000, times=10**9)
        for call in calls:  # warm the connection pool and the server's caches
            call()

        with ThreadPoolExecutor(max_workers=len(calls)) as pool:
            def concurrent() -> None:
                for future in [pool.submit(call) for call in calls]:
                    future.result()

            def sequential() -> None:
                for call in calls:
                    call()

            seq = [_time_ms(sequential) for _ in range(args.rounds)]
            par = [_time_ms(concurrent) for _ in range(args.rounds)]
        server.faults.clear()
        client.end_session(session.session_token)
        client.close()

    print(f"5 record calls, {args.rounds} rounds, added server delay {args.delay_ms:.0f} ms")
    print(f"  sequential  median {statistics.median(seq):8.1f} ms   "
          f"min {min(seq):8.1f}   max {max(seq):8.1f}")
    print(f"  concurrent  median {statistics.median(par):8.1f} ms   "
          f"min {min(par):8.1f}   max {max(par):8.1f}")
    print(f"  speed-up    x{statistics.median(seq) / statistics.median(par):.2f}")


if __name__ == "__main__":
    main()
