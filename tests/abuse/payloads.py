"""A seeded generator of hostile scan payloads: what scanners, pastes and attackers deliver.

Each payload is built from pieces that broke a parser once (broken IPv6 hosts, invalid UTF-8,
lone surrogates, invisible characters, control bytes, huge pastes), mixed with real codes so
the lookups behind the parsing run too.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence

_INVISIBLES = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202e", "\u00ad")
_URL_HOSTS = ("[abc", "[::1", "[zz]", "[::1]:99999", "host:port", "[", "]", "@", "%zz", "tickets.example.org")
_SPECIALS = ("'", '"', ";", "--", "%", "_", "\\", ".", "/", "?", "&", "=", "#", "\x00", "\r\n", "\t", " ")


class PayloadFuzzer:
    """``payloads(n)`` yields n payloads (str or bytes) from a fixed seed."""

    def __init__(self, seed: int, known_codes: Sequence[str] = ()):
        self.random = random.Random(seed)
        self.known_codes = list(known_codes) or ["abc123"]
        self._makers: list[Callable[[], str | bytes]] = [
            self._bad_url, self._good_url, self._random_bytes, self._surrogates, self._invisible_only,
            self._invisible_around_code, self._random_unicode, self._controls, self._long, self._specials,
            self._signed_looking, self._known_code,
        ]

    def payloads(self, count: int) -> Iterator[str | bytes]:
        for _ in range(count):
            yield self.random.choice(self._makers)()

    def _code(self) -> str:
        return self.random.choice(self.known_codes)

    def _bad_url(self) -> str:
        scheme = self.random.choice(("http", "https", "HTTP", "ftp", "javascript"))
        return f"{scheme}://{self.random.choice(_URL_HOSTS)}/{self._code()}{self.random.choice(_SPECIALS)}"

    def _good_url(self) -> str:
        code = "".join(f"%{b:02X}" if self.random.random() < 0.2 else chr(b) for b in self._code().encode())
        return self.random.choice((f"https://tickets.example.org/ev/ck/{code}", f"https://t.example/x?code={code}&y=1"))

    def _random_bytes(self) -> bytes:
        return bytes(self.random.getrandbits(8) for _ in range(self.random.randint(0, 40)))

    def _surrogates(self) -> str:
        text = list(self._code())
        text.insert(self.random.randint(0, len(text)), chr(self.random.randint(0xD800, 0xDFFF)))
        return "".join(text)

    def _invisible_only(self) -> str:
        return "".join(self.random.choice(_INVISIBLES + (" ", "\r\n")) for _ in range(self.random.randint(1, 8)))

    def _invisible_around_code(self) -> str:
        return self.random.choice(_INVISIBLES) + self._code() + self.random.choice(_INVISIBLES)

    def _random_unicode(self) -> str:
        return "".join(chr(self.random.randint(1, 0x10FFFF)) for _ in range(self.random.randint(1, 30)))

    def _controls(self) -> str:
        return "".join(chr(self.random.choice((*range(0, 32), *range(0x7F, 0xA0)))) for _ in range(5)) + self._code()

    def _long(self) -> str:
        return self._code() * self.random.randint(20, 20_000)

    def _specials(self) -> str:
        return "".join(self.random.choice(_SPECIALS + (self._code(),)) for _ in range(self.random.randint(1, 12)))

    def _signed_looking(self) -> str:
        signature = "".join(self.random.choice("abcdefghijklmnopqrstuvwxyz234567\udcff") for _ in range(24))
        return f"{self._code()}.{signature}"

    def _known_code(self) -> str:
        return self._code()
