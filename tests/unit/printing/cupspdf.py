"""Finding what the cups-pdf virtual printer wrote for a job."""

from __future__ import annotations

import time
import uuid
from pathlib import Path


def unique_job_name(stem: str) -> str:
    """A job title no earlier run has used, so its output file cannot be confused."""
    return f"{stem}-{uuid.uuid4().hex[:8]}"


def output_of(job_name: str, folder: Path, timeout: float = 30.0) -> Path:
    """cups-pdf names its output after the job title (TitlePref 1 in cups-pdf-kiosk.conf)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # cups-pdf writes the file in place: wait for the end-of-file marker.
        for path in folder.glob(f"{job_name}*.pdf"):
            if path.read_bytes().rstrip().endswith(b"%%EOF"):
                return path
        time.sleep(0.2)
    raise AssertionError(f"no cups-pdf output for {job_name} in {folder}")
