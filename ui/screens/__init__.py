"""One module per screen; ``ui.main_window`` picks one with ``kiosk.flow.screens.screen_for``."""
