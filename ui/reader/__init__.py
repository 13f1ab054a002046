"""Qt side of the card readers: the keyboard-emulating reader detector and the bridge that
polls a :class:`kiosk.reader.Reader` on a worker thread."""
