"""Pulls the event's badge layouts from pretix's badges plugin: layouts, product assignments and
background PDFs, kept in the store so badges print offline.

Incremental: a background is downloaded only when its URL is new (pretix gives every uploaded
file a new URL) and its content is stored once per SHA-256, so an unchanged layout costs one
page of JSON per pull and no download.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from checkin.store.models import PretixBadgeBackground, PretixBadgeItem, PretixBadgeLayout
from checkin.sync.pretix.client import PretixClient, PretixError
from checkin.sync.pretix.connection import Connection

#: A background PDF larger than this is refused (pretix's own upload limit is far below).
MAX_BACKGROUND_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class BadgePullResult:
    layouts: int
    assignments: int
    downloaded: int
    plugin_active: bool = True


def pull_badge_layouts(client: PretixClient, session: Session, connection: Connection,
                       event_id: int) -> BadgePullResult:
    """Replace the event's layouts and assignments by pretix's; download backgrounds not yet kept."""
    layouts = _fetch_all(client, connection.event_path + "badgelayouts/")
    if layouts is None:  # the badges plugin is off for this event: pretix prints no badges
        _replace(session, event_id, [], [])
        return BadgePullResult(0, 0, 0, plugin_active=False)
    assignments = _fetch_all(client, connection.event_path + "badgeitems/") or []
    rows, downloaded = _layout_rows(client, session, event_id, layouts)
    items = [_item_row(event_id, data) for data in assignments if data.get("item") is not None]
    _replace(session, event_id, rows, items)
    return BadgePullResult(len(rows), len(items), downloaded)


def _layout_rows(client: PretixClient, session: Session, event_id: int,
                 layouts: list[dict]) -> tuple[list[PretixBadgeLayout], int]:
    """The layouts as rows, their backgrounds kept; how many backgrounds had to be downloaded."""
    known = {row.background_url: row.background_sha256 for row in
             session.scalars(select(PretixBadgeLayout).where(PretixBadgeLayout.event_id == event_id))}
    rows, downloaded = [], 0
    for data in layouts:
        url = data.get("background") or ""
        sha = known.get(url, "") if url and _has_background(session, known.get(url, "")) else ""
        if url and not sha:
            sha = _store_background(session, _download(client, url))
            downloaded += 1
        rows.append(_layout_row(event_id, data, url, sha))
    return rows, downloaded


def _fetch_all(client: PretixClient, path: str) -> list[dict] | None:
    """Every result of a paged list; None when pretix has no such list (plugin not enabled)."""
    results, page = [], 1
    while True:
        response = client.request("GET", path, params={"page": page})
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise PretixError(f"pretix refused GET {path}: HTTP {response.status_code} {response.text[:200]}")
        data = response.json()
        results.extend(data["results"])
        if not data.get("next"):
            return results
        page += 1


def _download(client: PretixClient, url: str) -> bytes:
    """A background PDF. The token goes only to the pretix server itself, never to another host
    (pretix may keep its files on a CDN)."""
    same_server = urlsplit(url)[:2] == urlsplit(client.url)[:2]
    if same_server:
        response = client.request("GET", url)
    else:
        try:
            response = httpx.get(url, timeout=30, follow_redirects=True)
        except httpx.HTTPError as error:
            raise PretixError(f"the badge background {url} could not be downloaded: {error}") from None
    if response.status_code >= 400:
        raise PretixError(f"the badge background {url} could not be downloaded: HTTP {response.status_code}")
    if len(response.content) > MAX_BACKGROUND_BYTES or not response.content.startswith(b"%PDF"):
        raise PretixError(f"the badge background {url} is not a PDF of at most 64 MiB")
    return response.content


def _has_background(session: Session, sha: str) -> bool:
    return bool(sha) and session.get(PretixBadgeBackground, sha) is not None


def _store_background(session: Session, content: bytes) -> str:
    sha = hashlib.sha256(content).hexdigest()
    if session.get(PretixBadgeBackground, sha) is None:
        session.add(PretixBadgeBackground(sha256=sha, content=content))
    return sha


def _layout_row(event_id: int, data: dict, url: str, sha: str) -> PretixBadgeLayout:
    elements = data.get("layout") or []
    if isinstance(elements, str):  # older pretix versions send the layout as a JSON text
        elements = json.loads(elements)
    return PretixBadgeLayout(event_id=event_id, external_id=str(data["id"]), name=str(data.get("name") or data["id"]),
                             is_default=bool(data.get("default")), elements=elements, background_url=url,
                             background_sha256=sha)


def _item_row(event_id: int, data: dict) -> PretixBadgeItem:
    layout = data.get("layout")
    return PretixBadgeItem(event_id=event_id, item_external_id=str(data["item"]),
                           layout_external_id=None if layout is None else str(layout))


def _replace(session: Session, event_id: int, layouts: list[PretixBadgeLayout], items: list[PretixBadgeItem]) -> None:
    """The event's layouts and assignments become exactly pretix's (deleted ones go too)."""
    session.execute(delete(PretixBadgeLayout).where(PretixBadgeLayout.event_id == event_id))
    session.execute(delete(PretixBadgeItem).where(PretixBadgeItem.event_id == event_id))
    session.add_all([*layouts, *items])
    session.flush()
    used = select(PretixBadgeLayout.background_sha256)
    session.execute(delete(PretixBadgeBackground).where(PretixBadgeBackground.sha256.not_in(used)))
