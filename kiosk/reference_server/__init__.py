"""The reference implementation of the central disclosure API (docs/central-api.md).

Deterministic synthetic data (``data.generate``), SQLAlchemy state (``store``), the FastAPI app
(``app``), fault injection on the wire (``faults``) and a background-thread runner (``runner``)
used by the tests, the demo mode and the ``kiosk-central`` command.
"""

from kiosk.reference_server.data import DemoCredential, generate
from kiosk.reference_server.faults import FaultConfig, FaultPlan
from kiosk.reference_server.runner import RunningServer, ServerConfig, start_server

__all__ = [
    "DemoCredential",
    "FaultConfig",
    "FaultPlan",
    "RunningServer",
    "ServerConfig",
    "generate",
    "start_server",
]
