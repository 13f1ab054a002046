"""Qt printing: the ``qt`` printer backend (QtPdf onto QPrinter)."""
