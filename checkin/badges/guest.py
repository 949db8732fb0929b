"""Sample guests for previewing a badge layout (the guest data itself: checkin.core.badge_guest)."""
from __future__ import annotations

from checkin.core.badge_guest import BadgeGuest

SAMPLE_GUESTS = (
    BadgeGuest("sample-code-0001", "Anna", "Müller", "Dr.", "Fraunhofer IWS", "Participant", "Sample event"),
    BadgeGuest("sample-code-0002", "Maximilian-Alexander", "von Hohenzollern-Sigmaringen", "Prof. Dr.",
               "Max-Planck-Institut für Plasmaphysik", "Speaker", "Sample event"),
    BadgeGuest("sample-code-0003", "小明", "王", "", "清华大学", "Press", "Sample event"),
    BadgeGuest("sample-code-0004", "محمد", "عبد الله", "", "جامعة القاهرة", "Staff", "Sample event"),
)
