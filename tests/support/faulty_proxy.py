"""A TCP proxy between client and server that breaks requests on purpose.

Each client request gets a fresh upstream connection. A schedule picks, per request, one of:
``ok``; ``reset`` (the server handles the request, the client gets half the answer and a TCP
reset); ``503`` (the server never sees the request); ``500`` (the server handles it, the client
gets a 500); ``stall`` (the server handles it, the answer is held back for ``stall_seconds``).
"""
from __future__ import annotations

import itertools
import socket
import struct
import threading
import time
from collections.abc import Iterator


def _read_request(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join(lines) + b"\r\nConnection: close\r\n\r\n" + body


class FaultyProxy:
    def __init__(self, upstream_port: int, schedule: Iterator[str], stall_seconds: float = 10.0):
        self.upstream_port = upstream_port
        self.schedule = schedule
        self.stall_seconds = stall_seconds
        self.faults: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()

    @classmethod
    def every(cls, upstream_port: int, nth: int, kinds: list[str], **options: object) -> FaultyProxy:
        """Every ``nth`` request breaks, cycling through ``kinds``; the others pass."""
        faults = itertools.cycle(kinds)
        return cls(upstream_port, (next(faults) if i % nth == 1 else "ok" for i in itertools.count()), **options)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._running = False
        self._server.close()

    def _accept(self) -> None:
        while self._running:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            request = _read_request(conn)
            if request is None:
                return
            with self._lock:
                kind = next(self.schedule)
                self.faults[kind] = self.faults.get(kind, 0) + 1
            if kind == "503":
                conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            answer = self._forward(request)
            try:
                self._answer(conn, kind, answer)
            except OSError:
                pass  # the client gave up (stall): exactly the point

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port)) as upstream:
            upstream.sendall(request)
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)

    def _answer(self, conn: socket.socket, kind: str, answer: bytes) -> None:
        if kind == "reset":
            conn.sendall(answer[: len(answer) // 2])
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST, not FIN
            return
        if kind == "500":
            conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        if kind == "stall":
            time.sleep(self.stall_seconds)
        conn.sendall(answer)
