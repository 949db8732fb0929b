"""The one error type of the file route: it names the file, the line and the column."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a place a person can find in a spreadsheet."""

    file: str
    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f", line {self.line}"
        if self.column:
            place += f", column {self.column}"
        return f"{place}: {self.message}"

    def as_json(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column, "message": self.message}


class FileImportError(Exception):
    """The file cannot be imported; nothing was written. ``problems`` lists what is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")

    @classmethod
    def single(cls, file: str, message: str, line: int | None = None, column: str | None = None) -> FileImportError:
        return cls([Problem(file, message, line, column)])
