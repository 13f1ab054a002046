"""Test-wide setup: every on-disk path the kiosk could touch is redirected to a temp folder.

This runs before any test module imports the kiosk, so platformdirs (which reads the XDG
variables on Linux) never resolves a developer's real data, log or config folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_SANDBOX = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
for _var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
os.environ["XDG_CONFIG_DIRS"] = str(_SANDBOX / "xdg_config_dirs")
os.environ.pop("KIOSK_SETTINGS", None)
# An environment CA bundle must never influence the client (it sets trust_env=False; tests
# prove it by leaving a bogus one here).
os.environ["REQUESTS_CA_BUNDLE"] = str(_SANDBOX / "no-such-bundle.pem")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fixture modules, one per area; each is owned by the work that needs it.
pytest_plugins: list[str] = ["tests.fixtures.central", "tests.ui.kiosk_fixtures"]
