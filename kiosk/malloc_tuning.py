"""The C allocator set up for a process that runs for months: two arenas, big blocks mapped.

glibc gives every new thread that allocates its own arena, up to eight per core, and an arena
keeps what was freed in it for that thread's next allocations. The kiosk's worker threads (the
HTTP calls, the slip PDF and its page images) each grew one to their busiest visit's size and
held it: in the soak the process grew from 386 MiB after 10 visits to 511 MiB after 1,000,
with 220 MiB resident in eight such arenas. Two arenas serve a handful of threads that mostly
wait on the network. Blocks of a megabyte or more (page images, PDFs) are mapped and unmapped
on their own instead of splitting an arena's free space; glibc would otherwise raise that
threshold to the largest block freed so far (up to 32 MiB). Soak, visit 10 -> 300: 386 -> 499
MiB (+29%) untuned; 348 -> 328 MiB with two arenas; 293 -> 295 MiB (+0.5%) with both.

Linux with glibc only; elsewhere this does nothing. ``MALLOC_ARENA_MAX`` or
``MALLOC_MMAP_THRESHOLD_`` in the environment (an operator's choice) leave glibc's own
reading of them in force.
"""

from __future__ import annotations

import ctypes
import os
import sys

M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
ARENAS = 2
MMAP_THRESHOLD_BYTES = 1 << 20


def tune_malloc() -> bool:
    """Apply the settings above; call it before worker threads start (a thread keeps the
    arena it was given). True if glibc took them."""
    if not sys.platform.startswith("linux"):
        return False
    if "MALLOC_ARENA_MAX" in os.environ or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this process already uses
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, ARENAS)) and bool(
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
