"""Slip rendering and hand-over figures. Prints medians; asserts nothing.

    python bench/slip_render.py [--rounds 30] [--cups QUEUE]

- font loading (once per process, at start-up, off the GUI thread);
- median render time of a full receipt slip (all four sections, 40 transactions, a name with
  rare characters) and of the same slip on A4, fonts already loaded (target: receipt < 80 ms);
- peak Python memory of one render (tracemalloc) and the process's peak RSS;
- median time to hand the job to the ``file`` backend and, with ``--cups QUEUE``, to ``cups``
  (``lp`` returning a job id, not the paper coming out). Every round really prints: use the
  virtual queue ``kiosk-pdf`` (scripts/cups-setup.sh), whose output folder then holds the copies.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.printing import CupsPrinter, FilePrinter
from kiosk.slip import load_fonts, render_slip
from tests.unit.slip import sample


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--cups", metavar="QUEUE", help="also time hand-over to this queue")
    args = parser.parse_args()

    start = time.perf_counter()
    load_fonts()
    print(f"font loading (once):            {(time.perf_counter() - start) * 1000:7.1f} ms")

    content = sample.content(name="李" + sample.RARE_NAME, transactions=40)
    receipt = render_slip(content, sample.REGISTRATION, "receipt80")
    render_slip(content, sample.REGISTRATION, "a4")  # warm both layouts
    receipt_ms = _median_ms(lambda: render_slip(content, sample.REGISTRATION, "receipt80"),
                            args.rounds)
    a4_ms = _median_ms(lambda: render_slip(content, sample.REGISTRATION, "a4"), args.rounds)
    print(f"render receipt80, median:       {receipt_ms:7.1f} ms   (target < 80 ms, "
          f"{len(receipt) // 1024} KiB PDF)")
    print(f"render a4, median:              {a4_ms:7.1f} ms")

    tracemalloc.start()
    render_slip(content, sample.REGISTRATION, "receipt80")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak Python memory of a render: {peak / 2**20:7.1f} MiB")
    print(f"peak RSS of this process:       {rss_mib:7.1f} MiB (fonts included)")

    with tempfile.TemporaryDirectory() as tmp:
        printer = FilePrinter(Path(tmp))
        counter = iter(range(10**6))
        file_ms = _median_ms(
            lambda: printer.print_pdf(receipt, job_name=f"bench-{next(counter)}"), args.rounds)
    print(f"hand-over to file backend:      {file_ms:7.1f} ms")

    if args.cups:
        cups = CupsPrinter(args.cups)
        rounds = min(args.rounds, 10)
        cups_ms = _median_ms(lambda: cups.print_pdf(receipt, job_name="bench-slip"), rounds)
        print(f"hand-over to cups ({args.cups}):  {cups_ms:7.1f} ms  (status check + lp)")


if __name__ == "__main__":
    main()
