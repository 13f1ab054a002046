"""Terminal settings: the schema (``schema``) and the layered loader (``loader``)."""

from kiosk.settings.loader import LoadedSettings, SettingsError, load
from kiosk.settings.schema import OPTIONS, Settings

__all__ = ["OPTIONS", "LoadedSettings", "Settings", "SettingsError", "load"]
