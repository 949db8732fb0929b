"""How a guest is named on the screen, on paper and in the CLI: one rule for every place."""
from __future__ import annotations


def display_name(title: str | None, given_name: str | None, family_name: str | None, fallback: str = "") -> str:
    """Title, given and family name, those present, joined by spaces; ``fallback`` (the code) when none is."""
    return " ".join(part for part in (title, given_name, family_name) if part) or fallback
