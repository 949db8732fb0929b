"""Turns mapped table rows into guest records, checking each value where a person can fix it."""
from __future__ import annotations

import re
from typing import NamedTuple

from checkin.core.search_text import fold
from checkin.sync.files.errors import Problem
from checkin.sync.files.mapping import ColumnMapping
from checkin.sync.files.table import Table

#: Longest value per field (the database column sizes; notes are Text but a guest list has no books).
LIMITS = {"external_id": 255, "salutation": 60, "title": 120, "given_name": 255, "family_name": 255,
          "company": 255, "email": 320, "ticket_type": 255, "notes": 10_000, "code": 512,
          "status": 255}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE = re.compile(r"^[\x21-\x7e]+$")
MAX_PROBLEMS = 50


class GuestRow(NamedTuple):
    """One guest as the file gives it (a tuple: 100,000 of them are built per import)."""

    line: int
    external_id: str = ""
    salutation: str = ""
    title: str = ""
    given_name: str = ""
    family_name: str = ""
    company: str = ""
    email: str = ""
    ticket_type: str = ""
    notes: str = ""
    code: str = ""
    #: The file's status word; the import replaces it by the event status mapped onto it.
    status: str = ""

    def merge_key(self) -> tuple[str, str]:
        """How a re-import finds this guest again: ID, else code, else e-mail, else the name."""
        if self.external_id:
            return ("id", self.external_id)
        if self.code:
            return ("code", self.code)
        if self.email:
            return ("email", self.email.casefold())
        return ("name", name_key(self.given_name, self.family_name, self.company))

    def describe(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p) or self.email


_FIELDS = GuestRow._fields[1:]


def name_key(given: str, family: str, company: str) -> str:
    return "|".join(fold(part) for part in (given, family, company))


class RowChecker:
    """Checks a table's rows part by part, remembering what earlier parts held (duplicates) and
    how many problems were found (reporting stops at MAX_PROBLEMS)."""

    def __init__(self, table: Table, mapping: ColumnMapping):
        self._table, self._mapping = table, mapping
        self._seen: dict[tuple[str, str], int] = {}
        self._columns = [mapping.get(key) for key in _FIELDS]
        self._limits = [LIMITS[key] for key in _FIELDS]
        self.problem_count = 0

    @property
    def full(self) -> bool:
        """Enough problems to report: checking further only makes the list longer."""
        return self.problem_count >= MAX_PROBLEMS

    def check(self, lines: list[tuple[int, list[str]]]) -> tuple[list[GuestRow], list[Problem]]:
        """The lines' rows that passed, and the problems of the others."""
        table, mapping, seen, columns, limits = self._table, self._mapping, self._seen, self._columns, self._limits
        rows: list[GuestRow] = []
        problems: list[Problem] = []
        for line, cells in lines:
            if self.full:
                break
            values = [cells[index].strip() if index is not None else "" for index in columns]
            row = GuestRow(line, *values)
            if _plausible(row, values, limits):
                row_problems = []
            else:
                row_problems = _check(table, mapping, line, {key: getattr(row, key) for key in mapping})
            if not row_problems:
                key = row.merge_key()
                if key in seen:
                    row_problems.append(_duplicate(table, mapping, line, key, seen[key]))
                seen.setdefault(key, line)
                rows.append(row)
            problems.extend(row_problems)
            self.problem_count += len(row_problems)
        return rows, problems


def _plausible(row: GuestRow, values: list[str], limits: list[int]) -> bool:
    """The quick test that nearly every row passes; :func:`_check` says what is wrong with the rest."""
    return (bool(row.given_name or row.family_name)
            and all(map(int.__ge__, limits, map(len, values)))
            and (not row.email or _EMAIL.match(row.email) is not None)
            and (not row.code or _CODE.match(row.code) is not None))


def _check(table: Table, mapping: ColumnMapping, line: int, values: dict[str, str]) -> list[Problem]:
    def problem(key: str, message: str) -> Problem:
        return Problem(table.name, message, line, table.column_label(mapping[key]))

    problems = [problem(key, f"{len(value):,} characters; at most {LIMITS[key]:,} fit")
                for key, value in values.items() if len(value) > LIMITS[key]]
    if problems:
        return problems
    if not (values.get("given_name") or values.get("family_name")):
        column = "family_name" if "family_name" in mapping else "given_name"
        problems.append(problem(column, "this guest has no name"))
    if values.get("email") and not _EMAIL.match(values["email"]):
        problems.append(problem("email", f"'{values['email']}' is not an e-mail address"))
    if values.get("code") and not _CODE.match(values["code"]):
        problems.append(problem("code", "a code may hold only printable ASCII characters without spaces"))
    return problems


def _duplicate(table: Table, mapping: ColumnMapping, line: int, key: tuple[str, str], first: int) -> Problem:
    kind, value = key
    column = {"id": "external_id", "code": "code", "email": "email"}.get(kind, "family_name")
    label = table.column_label(mapping[column]) if column in mapping else None
    what = {"id": "the same ID", "code": "the same code", "email": "the same e-mail address (ignoring case)",
            "name": "the same name and organisation"}[kind]
    hint = " — add an ID column to import both" if kind in ("email", "name") else ""
    return Problem(table.name, f"same guest as line {first}: {what}{hint}", line, label)
