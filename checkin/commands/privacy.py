"""Helpers of ``checkin purge``: the confirmation on a terminal and the receipt file."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from checkin.cli import CommandContext
from checkin.store.database import APP_DIR_NAME


def confirm_purge(context: CommandContext, event_slug: str | None) -> bool:
    """On a terminal, the person types the event's slug; scripts (no terminal) are not asked."""
    if not sys.stdin.isatty():
        return True
    from checkin.store.events import find_event

    with context.database.reader() as session:
        event = find_event(session, event_slug)
        slug, name = event.slug, event.name
    print(f"This removes every guest's personal data of '{name}' for good.")
    return input(f"Type the event's short name ({slug}) to go ahead: ").strip() == slug


def receipts_dir() -> Path:
    return Path(os.environ.get("CHECKIN_DATA_DIR") or user_data_dir(APP_DIR_NAME, appauthor=False)) / "receipts"


def write_receipt(receipt, path: Path | None) -> Path:  # noqa: ANN001 - PurgeReceipt
    """Write the receipt as JSON (it names no guest); returns where."""
    if path is None:
        stamp = receipt.purged_at[:19].replace(":", "").replace("-", "")
        path = receipts_dir() / f"purge-{receipt.event}-{stamp}Z.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(receipt.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path
