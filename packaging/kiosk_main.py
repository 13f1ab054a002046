"""Entry script of the frozen build: exactly what the ``kiosk`` console script runs."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
