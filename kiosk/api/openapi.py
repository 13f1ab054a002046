"""The contract as OpenAPI 3.1, built from the reference server's app and the models.

``python -m kiosk.api.openapi --write`` refreshes ``docs/central-api.openapi.json``; a test
fails when the committed file differs from what ``build_openapi()`` gives, so the file cannot
drift from ``kiosk.api.models``. Without ``--write`` the document goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.resources import project_file

OPENAPI_FILE = "docs/central-api.openapi.json"


def build_openapi() -> dict[str, Any]:
    # Imported here: the client never needs FastAPI, only this export and the server do.
    from kiosk.reference_server.app import create_app

    return create_app().openapi()


def render(document: dict[str, Any]) -> str:
    """Stable text: sorted keys, two-space indent, non-ASCII kept, trailing newline."""
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.api.openapi", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write {OPENAPI_FILE}")
    args = parser.parse_args(argv)
    text = render(build_openapi())
    if args.write:
        path = project_file(OPENAPI_FILE)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
