"""Marks text for translation where it is declared, in code that imports no Qt.

Qt's ``lupdate`` finds ``QT_TRANSLATE_NOOP("Context", "text")`` calls by name and writes them
into the .ts files; at run time the call returns the English text unchanged. The UI translates
it later with ``QCoreApplication.translate("Context", text)``, so the English text is declared
once, next to what it describes, and there is no second list to keep in step.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """``text``, unchanged; ``lupdate`` files it under ``context``."""
    del context  # only lupdate reads it
    return text
