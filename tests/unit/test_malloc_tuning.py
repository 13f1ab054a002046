"""The allocator tuning: worker threads share two arenas instead of one each.

Counted in a fresh interpreter (arenas are per process and never go away), with glibc's own
report (``malloc_info``), once tuned and once not: the untuned count shows the test can fail.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = r"""
import ctypes, sys, threading
from kiosk.malloc_tuning import tune_malloc

tuned = tune_malloc() if sys.argv[1] == "tuned" else None
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = (ctypes.c_void_p,)
libc.open_memstream.restype = ctypes.c_void_p
libc.malloc_info.argtypes = (ctypes.c_int, ctypes.c_void_p)
libc.fclose.argtypes = (ctypes.c_void_p,)
start = threading.Barrier(8)

def work():
    start.wait()  # all alive at once: none can inherit a finished thread's arena
    blocks = [libc.malloc(4096) for _ in range(64)]
    start.wait()
    for block in blocks:
        libc.free(block)

threads = [threading.Thread(target=work) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
text, size = ctypes.c_char_p(), ctypes.c_size_t()
stream = libc.open_memstream(ctypes.byref(text), ctypes.byref(size))
libc.malloc_info(0, stream)
libc.fclose(stream)
print(tuned, text.value.decode().count("<heap nr="))
"""


def _arenas(mode: str) -> tuple[str, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout.split()
    return out[0], int(out[1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_worker_threads_share_two_arenas():
    assert _arenas("tuned") == ("True", 2)
    untuned = _arenas("untuned")[1]
    assert untuned > 2, untuned  # without the tuning each thread got its own
