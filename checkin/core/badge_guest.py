"""What a badge shows about one guest: plain data, so rendering needs no database (the store fills it)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checkin.core.names import display_name


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
        """The values of the layout placeholders (see checkin.badges.layout.PLACEHOLDERS)."""
        values = {
            "title": self.title, "given_name": self.given_name, "family_name": self.family_name,
            "name": self.name, "full_name": self.full_name, "company": self.company,
            "ticket_type": self.ticket_type, "event": self.event, "code": self.code,
        }
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
