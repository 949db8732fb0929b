"""Guests admitted twice while desks decided apart (store/double_admissions.py), for people: one
line per admission as text, or a CSV the organiser opens in a spreadsheet."""
from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from checkin.core.spreadsheet import spreadsheet_safe
from checkin.store.double_admissions import DoubleAdmission

CSV_COLUMNS = ("code", "name", "list", "desk", "happened_at", "offline", "merged_at", "nonce")


def admission_lines(doubles: Sequence[DoubleAdmission]) -> list[str]:
    """Readable lines: the guest, then each admission (desk, time, recorded offline or not)."""
    lines = []
    for double in doubles:
        lines.append(f"{double.name} ({double.code}), {double.list_name}: admitted {len(double.admissions)} times")
        for admission in double.admissions:
            how = (f"offline, merged {admission.merged_at:%Y-%m-%d %H:%M:%S}" if admission.merged_at
                   else "on the venue database")
            lines.append(f"  {admission.happened_at:%Y-%m-%d %H:%M:%S} UTC  {admission.desk}  ({how})")
    return lines


def write_csv(doubles: Sequence[DoubleAdmission], out: Path) -> Path:
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for double in doubles:
            for admission in double.admissions:
                writer.writerow([spreadsheet_safe(double.code), spreadsheet_safe(double.name),
                                 spreadsheet_safe(double.list_name), spreadsheet_safe(admission.desk),
                                 admission.happened_at.isoformat(), "yes" if admission.merged_at else "no",
                                 admission.merged_at.isoformat() if admission.merged_at else "", admission.nonce])
    return out
