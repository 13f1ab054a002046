"""Entry script of the frozen build: exactly what the ``kiosk`` console script runs
(``[project.scripts]`` in pyproject.toml; tests/unit/test_packaging.py keeps the two in step)."""

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
