"""An instant pretix for client-side benchmarks: order pages served from memory, everything else
passed on to a real pretix server.

The order pages are copies of the real server's first page with fresh ids, codes and secrets, built
before the clock starts, so a pull through this transport measures our client alone (parsing,
mapping, writing) with no server time in it.
"""
from __future__ import annotations

import copy
import json
import math

import httpx

from checkin.sync.pretix.client import PAGE_SIZE


class InstantOrders(httpx.BaseTransport):
    """``orders/`` answered from prepared pages; ``modified_since`` finds nothing new; the rest goes to
    the real server at ``upstream``."""

    def __init__(self, upstream: httpx.BaseTransport, template_page: dict, positions: int):
        self.upstream = upstream
        self.pages = _pages(template_page["results"], positions)
        self.empty = json.dumps({"count": 0, "next": None, "previous": None, "results": []}).encode()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/orders/"):
            return self.upstream.handle_request(request)
        if "modified_since" in request.url.params:
            body = self.empty
        else:
            page = int(request.url.params.get("page", "1"))
            if not 1 <= page <= len(self.pages):
                return httpx.Response(404, json={"detail": "Invalid page."})
            body = self.pages[page - 1]
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json",
                                                          "X-Page-Generated": "2026-11-23T12:00:00+00:00"})

    def close(self) -> None:
        self.upstream.close()


def _pages(template: list[dict], positions: int) -> list[bytes]:
    """``positions`` orders of one position each, as pretix's JSON pages."""
    count = positions
    pages = []
    for page in range(math.ceil(count / PAGE_SIZE)):
        results = [_order(template[number % len(template)], page * PAGE_SIZE + number)
                   for number in range(min(PAGE_SIZE, count - page * PAGE_SIZE))]
        more = (page + 1) * PAGE_SIZE < count
        pages.append(json.dumps({"count": count, "next": f"?page={page + 2}" if more else None,
                                 "previous": None, "results": results}).encode())
    return pages


def _order(template: dict, number: int) -> dict:
    order = copy.deepcopy(template)
    order["code"] = f"R{number:07d}"
    order["email"] = f"replay{number}@example.org"
    for index, position in enumerate(order["positions"]):
        position.update(id=10_000_000 + number * 10 + index, order=order["code"],
                        secret=f"replay{number:09d}x{index}", attendee_email=order["email"], checkins=[])
    return order
