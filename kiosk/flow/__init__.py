"""The visitor flow, Qt-free: immutable states, one pure ``update`` and one ``screen_for``.

Elm-style: the UI sends events (taps, timer ticks, answers of workers) to
:func:`~kiosk.flow.update.update`, shows the state it returns (the screen picked by
:func:`~kiosk.flow.screens.screen_for`) and hands the returned effects to workers, which call
:func:`~kiosk.flow.perform.perform` and send its event back.

Nothing is imported here: ``update`` reaches the store and the client, and the main window
needs only the states and events to paint its first frame.
"""
