"""The entry rules' reasons in the desk's language.

The English templates, labels and weekdays are declared and marked for translation once, in
:mod:`checkin.sync.pretix.rule_words`; here they are only looked up in the installed translation.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from checkin.sync.pretix.rule_words import CONTEXT, Reason, sentence


def rules_sentence(reasons: list) -> str:
    """``extra["rules_reasons"]`` as one translated sentence; unknown texts stay in English."""
    return sentence([Reason(str(template), dict(params)) for template, params in reasons],
                    lambda text: QCoreApplication.translate(CONTEXT, text))
