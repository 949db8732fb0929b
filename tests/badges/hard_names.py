"""Guests whose names break naive badge printing, with what must still be readable on the badge."""
from __future__ import annotations

from dataclasses import dataclass

from checkin.core.badge_guest import BadgeGuest

LONG_GIVEN = "Wolfeschlegelsteinhausenbergerdorff-Maximilian-Alexander-Friedrich"
LONG_FAMILY = ("Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr. von und zu Hohenzollern-Sigmaringen "
               "und Bad Münstereifel-Neuenahr-Ahrweiler")


@dataclass(frozen=True)
class HardName:
    guest: BadgeGuest
    #: Pieces that must be extractable from the PDF (compared without spaces, NFKC-normalised).
    expected: tuple[str, ...]
    #: Pieces that must not appear (e.g. emoji that no bundled font can draw).
    absent: tuple[str, ...] = ()


HARD_NAMES = (
    HardName(BadgeGuest("hard-long", LONG_GIVEN, LONG_FAMILY, "Prof. Dr. Dr. h.c. mult.",
                        "Rheinisch-Westfälische Technische Hochschule Aachen, Lehrstuhl für Werkzeugmaschinen "
                        "und Produktionssystematik", "Participant", "Cluster Meeting"),
             ("Wolfeschle", "Rheinisch")),
    HardName(BadgeGuest("hard-cjk", "小明", "王", "", "清华大学计算机科学与技术系", "Speaker", "Cluster Meeting"),
             ("小明", "王", "清华")),
    HardName(BadgeGuest("hard-hangul", "민준", "김", "", "서울대학교", "Press", "Cluster Meeting"),
             ("민준", "김", "서울")),
    HardName(BadgeGuest("hard-arabic", "محمد", "عبد الله", "", "جامعة القاهرة", "Staff", "Cluster Meeting"),
             ("محمد", "عبد", "الله", "جامعة", "القاهرة")),
    HardName(BadgeGuest("hard-hebrew", "דוד", "כהן", "", "אוניברסיטת תל אביב", "Participant", "Cluster Meeting"),
             ("דוד", "כהן", "אוניברסיטת")),
    HardName(BadgeGuest("hard-emoji", "Zoë 🎉", "Nguyễn Thị Minh Khai 😀", "", "Ελληνικά & Кириллица", "VIP",
                        "Cluster Meeting"),
             ("Zoë", "NguyễnThịMinhKhai", "Ελληνικά&Кириллица"), absent=("🎉", "😀")),
    HardName(BadgeGuest("hard-markup", "<b>Bold</b>", "Smith & Sons <i>", "", "Tom & Jerry <Ltd>", "Speaker",
                        "Cluster Meeting"),
             ("<b>Bold</b>", "Smith&Sons<i>", "Tom&Jerry<Ltd>")),
    HardName(BadgeGuest("hard-no-company", "Anna", "Müller", "", "", "", "Cluster Meeting"), ("Anna", "Müller")),
)
