"""What a badge shows about one guest: plain data, so rendering needs no database (the store fills it)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checkin.core.names import display_name
from checkin.core.translatable import QT_TRANSLATE_NOOP

#: The translation context of the field labels (the layout editor translates them).
FIELD_CONTEXT = "BadgeField"


@dataclass(frozen=True)
class GuestField:
    """One value a badge can show about a guest: its placeholder key and its label."""
    key: str
    label: str


#: Every guest value a layout can place, declared once: the placeholders a layout accepts
#: (checkin.badges.layout.PLACEHOLDERS) and the layout editor's "Add text" list come from here.
GUEST_FIELDS = (
    GuestField("title", QT_TRANSLATE_NOOP("BadgeField", "Title")),
    GuestField("given_name", QT_TRANSLATE_NOOP("BadgeField", "Given name")),
    GuestField("family_name", QT_TRANSLATE_NOOP("BadgeField", "Family name")),
    GuestField("name", QT_TRANSLATE_NOOP("BadgeField", "Name (given and family)")),
    GuestField("full_name", QT_TRANSLATE_NOOP("BadgeField", "Full name with title")),
    GuestField("company", QT_TRANSLATE_NOOP("BadgeField", "Company")),
    GuestField("ticket_type", QT_TRANSLATE_NOOP("BadgeField", "Ticket type")),
    GuestField("event", QT_TRANSLATE_NOOP("BadgeField", "Event")),
    GuestField("code", QT_TRANSLATE_NOOP("BadgeField", "Ticket code")),
)


@dataclass(frozen=True)
class BadgeGuest:
    code: str
    given_name: str = ""
    family_name: str = ""
    title: str = ""
    company: str = ""
    ticket_type: str = ""
    event: str = ""
    custom: Mapping[str, str] = field(default_factory=dict)
    registration_id: int | None = None

    @property
    def name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def full_name(self) -> str:
        return display_name(self.title, self.given_name, self.family_name)

    def values(self) -> dict[str, str]:
        """The values of the layout placeholders: one per GUEST_FIELDS entry, plus ``custom.<field>``."""
        values = {guest_field.key: getattr(self, guest_field.key) for guest_field in GUEST_FIELDS}
        values.update({f"custom.{key}": value for key, value in self.custom.items()})
        return values


def custom_fields(raw: Mapping[str, Any] | None) -> dict[str, str]:
    """Custom fields from a registration's source record: its top-level texts and numbers.

    Connectors may keep answers under ``answers`` (a mapping of question to answer); those
    are offered too, so a layout can show ``{custom.t_shirt}`` whatever the source.
    """
    if not raw:
        return {}
    fields = {key: str(value) for key, value in raw.items() if isinstance(value, (str, int, float))
              and not isinstance(value, bool)}
    answers = raw.get("answers")
    if isinstance(answers, Mapping):
        fields.update({str(key): str(value) for key, value in answers.items() if value is not None})
    return fields
