"""The reference server in its own process, steered over a pipe: for the soak and the benches.

A subprocess keeps the server's memory and CPU out of the kiosk's figures (the soak reports the
kiosk's resident memory), while the pipe keeps what only the in-process API offers: scripted
faults for the next matching requests (``FaultPlan.inject``), expiring every session, resetting
lockouts, listing the audit events the server stored — and a count of every fault the server
acted out, by kind. ``kiosk-central`` has the random fault rates but no way to script one fault
for one visit, hence this small wrapper.

The child is ``python bench/soak_server.py --child ...``: it prints the base URL on its first
line, then answers one JSON command per line of standard input with one JSON line. The parent
side is :class:`SoakServer`.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import asdict, replace
from pathlib import Path
from types import TracebackType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kiosk.reference_server.faults import FaultConfig  # noqa: E402  (the server's own rates)


class SoakServer:
    """Parent side: starts the child and sends it commands. One caller thread at a time."""

    def __init__(self, *, seed: int = 1, faults: FaultConfig | None = None,
                 session_ttl_s: int = 900) -> None:
        command = [sys.executable, str(Path(__file__).resolve()), "--child", "--seed", str(seed),
                   "--faults", json.dumps(asdict(faults or FaultConfig())),
                   "--session-ttl", str(session_ttl_s)]
        self._proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            cwd=ROOT, bufsize=1,
        )
        self._lock = threading.Lock()
        assert self._proc.stdout is not None
        first = self._proc.stdout.readline()
        if not first.startswith("http"):
            self._proc.kill()
            raise RuntimeError(f"the soak server did not start: {first!r}")
        self.base_url = first.strip()
        self.pid = self._proc.pid

    def call(self, op: str, **args: Any) -> Any:
        with self._lock:
            assert self._proc.stdin is not None and self._proc.stdout is not None
            self._proc.stdin.write(json.dumps({"op": op, **args}) + "\n")
            self._proc.stdin.flush()
            line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the soak server exited (code {self._proc.poll()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"soak server {op}: {answer['error']}")
        return answer["result"]

    def inject(self, path_prefix: str = "/", **fault: Any) -> None:
        """``FaultPlan.inject`` in the child: same arguments."""
        self.call("inject", path_prefix=path_prefix, **fault)

    def clear(self) -> None:
        """Remove the injected faults (the random ones go on, with a fresh seed)."""
        self.call("clear")

    def calm(self) -> None:
        """No more faults of any kind, random ones included."""
        self.call("calm")

    def expire_sessions(self) -> None:
        self.call("expire_sessions")

    def reset_lockouts(self) -> None:
        self.call("reset_lockouts")

    def events(self) -> list[dict[str, Any]]:
        """The audit events the server stored: ``event_id``, ``type``, ``data``."""
        return list(self.call("events"))

    def credentials(self) -> list[Any]:
        """The demo sign-ins (``DemoCredential``), read from the child: the synthetic world is
        generated there, so its memory stays out of the kiosk's figure."""
        from kiosk.reference_server.data import DemoCredential

        return [DemoCredential(**{**c, "inmate_ids": tuple(c["inmate_ids"])})
                for c in self.call("credentials")]

    def fault_counts(self) -> dict[str, int]:
        """Faults the server acted out so far, by kind (``error_503``, ``drop``, ``delay`` ...)."""
        return dict(self.call("fault_counts"))

    def stop(self) -> None:
        if self._proc.poll() is None:
            with contextlib.suppress(RuntimeError, OSError, ValueError):
                self.call("stop")
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def __enter__(self) -> SoakServer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


# ---- the child --------------------------------------------------------------------------------


def _fault_name(fault: Any) -> str:
    return f"error_{fault.status}" if fault.kind == "error" else str(fault.kind)


def _serve(seed: int, faults: FaultConfig, session_ttl_s: int) -> int:
    from kiosk.reference_server.runner import ServerConfig, start_server

    server = start_server(ServerConfig(port=0, seed=seed, faults=faults,
                                       session_ttl_s=session_ttl_s))
    counts: Counter[str] = Counter()
    plan = server.faults
    draw = plan.draw

    def counting_draw(method: str, path: str) -> Any:
        fault, latency = draw(method, path)
        if fault is not None:
            counts[_fault_name(fault)] += 1
        return fault, latency

    plan.draw = counting_draw  # type: ignore[method-assign]  # counts what FaultMiddleware draws
    clears = itertools.count(1)

    calm: list[bool] = []

    def clear() -> None:
        # FaultPlan.clear() restarts the random faults from their seed: every visit would meet
        # the same sequence. A new seed per clear keeps the run varied and still replayable.
        plan.clear()
        quiet = FaultConfig()
        plan.configure(quiet if calm else replace(faults, seed=faults.seed * 1_000_003
                                                              + next(clears)))

    def calm_down() -> None:
        calm.append(True)
        clear()
    commands: dict[str, Any] = {
        "inject": lambda a: plan.inject(**a) and None,
        "clear": lambda a: clear(),
        "calm": lambda a: calm_down(),
        "expire_sessions": lambda a: server.expire_sessions(),
        "reset_lockouts": lambda a: server.reset_lockouts(),
        "events": lambda a: [{"event_id": e.event_id, "type": e.type.value, "data": e.data}
                             for e in server.events()],
        "fault_counts": lambda a: dict(counts),
        "credentials": lambda a: [c.to_json() for c in server.credentials()],
    }
    print(server.base_url, flush=True)
    try:
        for line in sys.stdin:
            request = json.loads(line)
            op = request.pop("op")
            if op == "stop":
                print(json.dumps({"result": None}), flush=True)
                break
            try:
                result = commands[op](request)
            except Exception as exc:  # reported to the parent, which raises
                print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
            else:
                print(json.dumps({"result": result}, ensure_ascii=False), flush=True)
    finally:
        server.stop()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--faults", default="{}")
    parser.add_argument("--session-ttl", type=int, default=900)
    args = parser.parse_args()
    return _serve(args.seed, FaultConfig(**json.loads(args.faults)), args.session_ttl)


if __name__ == "__main__":
    sys.exit(main())
