"""``python -m kiosk.settings --write-defaults`` regenerates the shipped settings.ini."""

from __future__ import annotations

import argparse

from kiosk.resources import project_file
from kiosk.settings.defaults import render_defaults


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m kiosk.settings")
    parser.add_argument("--write-defaults", action="store_true", help="rewrite settings.ini")
    args = parser.parse_args()
    text = render_defaults()
    if args.write_defaults:
        project_file("settings.ini").write_text(text, encoding="utf-8")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
