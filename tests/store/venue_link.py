"""A venue network link the test can cut and mend: a TCP relay on loopback in front of the real
PostgreSQL. Cut, it closes every relayed connection and stops listening (connections are refused,
as when the server is down); mended, it listens on the same port again. No server is stopped, so
the fast tests can share one PostgreSQL (the slow ones stop a cluster of their own)."""
from __future__ import annotations

import select
import socket
import threading

from sqlalchemy.engine import make_url


class VenueLink:
    def __init__(self, server_url: str):
        target = make_url(server_url)
        self.target = (target.host or "127.0.0.1", target.port or 5432)
        self._server_url = target
        self.port = _free_port()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self.mend()

    def url(self) -> str:
        """The server's URL through this link (same database, user and password)."""
        return self._server_url.set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def mend(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = self._sockets, []
        if listener is not None:
            try:
                listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread: the port is free at once
            except OSError:
                pass
            listener.close()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    upstream.close()
                    return
                self._sockets += [client, upstream]
            threading.Thread(target=_pump, args=(client, upstream), daemon=True).start()


def _pump(a: socket.socket, b: socket.socket) -> None:
    peers = {a: b, b: a}
    try:
        while True:
            readable, _, _ = select.select([a, b], [], [], 1.0)
            for sock in readable:
                data = sock.recv(65536)
                if not data:
                    raise OSError("closed")
                peers[sock].sendall(data)
    except (OSError, ValueError):
        for sock in (a, b):
            try:
                sock.close()
            except OSError:
                pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
