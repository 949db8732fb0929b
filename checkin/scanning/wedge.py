"""Tells a keyboard-wedge barcode scanner from a person typing, from key timings alone.

A USB scanner "types" the code much faster than any person, then usually presses Enter or
Tab; some send no terminator and just stop. The detector holds printable keys back for a
moment: when they keep coming faster than a person types and reach the minimum length they
are a scan; otherwise they are handed back, in order, to whatever widget the person typed in.

Plain Python with explicit timestamps (milliseconds), so it is tested without Qt. The Qt
event filter (``checkin.scanning.wedge_filter``) feeds it and runs the timer it asks for.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from checkin.settings import Settings


@dataclass(frozen=True)
class WedgeConfig:
    #: Keys closer together than this may come from a scanner.
    max_key_interval_ms: int = 35
    #: Fast runs shorter than this are a person typing (key rollover), not a scan.
    min_length: int = 4
    #: For scanners without a terminator: this much silence after a fast run ends the code.
    end_pause_ms: int = 120
    #: Fixed characters some scanners send before / after each code. A suffix ends the code
    #: like Enter does; both stay in the code (the payload rules strip them).
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> WedgeConfig:
        return cls(
            max_key_interval_ms=max(1, settings.get("scanner_max_key_interval_ms")),
            min_length=max(1, settings.get("scanner_min_length")),
            end_pause_ms=max(1, settings.get("scanner_end_pause_ms")),
            prefix=settings.get("scanner_prefix"),
            suffix=settings.get("scanner_suffix"),
        )


@dataclass(frozen=True)
class Verdict:
    """What to do with one key (or a timeout): in this order, replay, then burst, then the key."""

    #: Swallow the key (it is held, or it was the scanner's terminator).
    consume: bool = False
    #: Held keys that turned out to be typing: give them back to the focused widget.
    replay: tuple[str, ...] = ()
    #: A complete scanned code.
    burst: str | None = None
    #: Run ``timeout()`` after this many milliseconds unless another key comes first.
    timer_ms: int | None = None


@dataclass
class WedgeDetector:
    config: WedgeConfig = field(default_factory=WedgeConfig)
    _held: list[str] = field(default_factory=list)
    _last_ms: float = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    @property
    def scanning(self) -> bool:
        """What is held is a scan already: however it ends, it ends as a burst."""
        return self.holding and self._is_scan

    @property
    def _is_scan(self) -> bool:
        return len(self._held) >= self.config.min_length or self._starts_with_prefix()

    def key(self, text: str, at_ms: float) -> Verdict:
        """A printable key (no Ctrl/Alt) arrived at ``at_ms``."""
        finished = self._finish_if_slow(at_ms)
        self._held.append(text)
        self._last_ms = at_ms
        if self._is_scan and self.config.suffix and "".join(self._held).endswith(self.config.suffix):
            return Verdict(consume=True, replay=finished.replay, burst=self._take_code())
        return Verdict(consume=True, replay=finished.replay, burst=finished.burst, timer_ms=self._wait_ms())

    def terminator(self, at_ms: float) -> Verdict:
        """Enter or Tab arrived: it ends a scan (and is swallowed) or passes on after the typing."""
        if self._held and self._is_scan and at_ms - self._last_ms <= self.config.end_pause_ms:
            return Verdict(consume=True, burst=self._take_code())
        return self.timeout()

    def other_key(self) -> Verdict:
        """Any other key (arrows, shortcuts): whatever is held is finished first."""
        return self.timeout()

    def timeout(self) -> Verdict:
        """No key came within the time ``timer_ms`` asked for: what is held is complete."""
        if not self._held:
            return Verdict()
        if self._is_scan:
            return Verdict(burst=self._take_code())
        held, self._held = tuple(self._held), []
        return Verdict(replay=held)

    def _finish_if_slow(self, at_ms: float) -> Verdict:
        if self._held and at_ms - self._last_ms > self._wait_ms():
            return self.timeout()
        return Verdict()

    def _wait_ms(self) -> int:
        return self.config.end_pause_ms if self._is_scan else self.config.max_key_interval_ms

    def _starts_with_prefix(self) -> bool:
        prefix = self.config.prefix
        return bool(prefix) and len(self._held) > len(prefix) and "".join(self._held).startswith(prefix)

    def _take_code(self) -> str:
        code, self._held = "".join(self._held), []
        return code
