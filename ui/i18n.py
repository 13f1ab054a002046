"""Translation glue: every word a family reads goes through :func:`translate`.

Source language: Simplified Chinese. The strings in ``ui/`` are written in Chinese and wrapped in
``translate("Context", "中文")`` (an alias of ``QCoreApplication.translate``, which
``pyside6-lupdate`` recognises by name); the English catalogue is a ``.ts`` file under
``resources/translations`` (issue 5). Because the source strings are Chinese, a test can find an
unwrapped family-facing string by looking for CJK characters in string literals that are not the
text argument of ``translate``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SOURCE_LANGUAGE = "zh_CN"

translate = QCoreApplication.translate

__all__ = ["SOURCE_LANGUAGE", "translate"]
