"""Values an organiser should see before a guest list is written: names lost to a wrong encoding
upstream ("?", "MÃ¼ller"), guests without a name, two guests with one e-mail address.

Nothing here refuses a file (the row checker does that); it counts and shows examples, and
repairs mojibake when asked.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from checkin.sync.files.mapping import ColumnMapping
from checkin.sync.files.table import Table

QUESTION_MARKS = "question_marks"
MOJIBAKE = "mojibake"
NO_NAME = "no_name"
SAME_EMAIL = "same_email"
EXAMPLES = 3
_NAME_FIELDS = ("given_name", "family_name", "company")
#: UTF-8 read as Latin-1/CP1252: "Ã¼" for "ü", "â€™" for "’". Two such characters in a row are
#: rare in real names and common in mojibake.
_MOJIBAKE = re.compile("[ÃÂâÅÄ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_QUESTION = re.compile(r"\?|\ufffd")


@dataclass
class Suspicion:
    """One kind of suspicious value: how many rows have it, and the first few as examples."""

    kind: str
    count: int = 0
    examples: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, text: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append((line, text))


def unmangle(text: str) -> str:
    """The text as it was before UTF-8 was read as CP1252 (or Latin-1); unchanged if it was not.
    Each run of non-ASCII characters is repaired on its own, so a real "·" or "é" beside
    the garbled letters stays as it is."""
    return _NON_ASCII.sub(_unmangle_run, text) if _MOJIBAKE.search(text) else text


def _unmangle_run(match: re.Match[str]) -> str:
    run = match.group()
    for encoding in ("cp1252", "latin-1"):
        try:
            return run.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
    return run


def find_suspicious(table: Table, mapping: ColumnMapping) -> list[Suspicion]:
    """The kinds of suspicious values in the table's rows, in the order a person should read them."""
    found = {kind: Suspicion(kind) for kind in (MOJIBAKE, QUESTION_MARKS, NO_NAME, SAME_EMAIL)}
    columns = {key: mapping[key] for key in (*_NAME_FIELDS, "email") if key in mapping}
    emails: dict[str, int] = {}
    for line, cells in table.rows:
        values = {key: cells[index].strip() for key, index in columns.items()}
        name = " ".join(filter(None, (values.get("given_name"), values.get("family_name"))))
        _check_name(found, line, name, values)
        _check_email(found[SAME_EMAIL], emails, line, values.get("email", ""), name)
    return [suspicion for suspicion in found.values() if suspicion.count]


def _check_name(found: dict[str, Suspicion], line: int, name: str, values: dict[str, str]) -> None:
    text = " · ".join(filter(None, (name, values.get("company"))))
    if not name:
        found[NO_NAME].add(line, values.get("email", "") or "—")
    elif _MOJIBAKE.search(text):
        found[MOJIBAKE].add(line, f"{text} → {unmangle(text)}")
    elif _QUESTION.search(name):  # no one's name holds a question mark: a character was lost upstream
        found[QUESTION_MARKS].add(line, text)


def _check_email(suspicion: Suspicion, emails: dict[str, int], line: int, email: str, name: str) -> None:
    if not email:
        return
    first = emails.setdefault(email.casefold(), line)
    if first != line:
        suspicion.add(line, f"{email} · {name}")


def repaired(table: Table, fix: Callable[[str], str] = unmangle) -> Table:
    """A copy of the table with every cell (and header) repaired."""
    rows = [(line, [fix(cell) for cell in cells]) for line, cells in table.rows]
    return replace(table, headers=[fix(header) for header in table.headers], rows=rows)
