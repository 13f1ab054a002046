"""The ``kiosk`` command line. Filled in by the kiosk shell work (issue 3)."""

from __future__ import annotations

import argparse

from kiosk import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk", description="Prison-affairs disclosure kiosk")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.parse_args(argv)
    return 0
