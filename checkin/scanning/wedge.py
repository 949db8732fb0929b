"""Tells a keyboard-wedge barcode scanner from a person typing, from the burst as a whole.

A USB scanner "types" a code as one burst of keys, fast and evenly spaced (1–10 ms a key for
common wedge scanners: a press and a release report per character at USB polling intervals of
1–8 ms; scanners set to an "inter-character delay" are slower and need the setting raised),
then usually presses Enter or Tab; some send no terminator and just stop. People are slower
and uneven: even a fast typist's quick runs are ~30 ms a key with jitter of ±10 ms or more,
and only a few keys long. In a simulation (people: Gaussian 30 ± 12 ms a key; scanners: 1–10 ms
a key, each key stamped late by a random 0.5–4 ms on average as on a busy computer, 3 % of
keys 10–30 ms late) the defaults took 2 in 100,000 runs of 6–9 typed keys and none of 100,000
runs of 10–14 for a scan, and missed 0.06–3 % of scanned codes of 10–40 characters (a missed
scan stays in the field typed in: in the scan field, its Enter still scans it). Short codes
(6–9 characters) need a quiet computer: under heavy load many are left as typing.

The detector holds printable keys while a burst lasts. A burst ends at a pause longer than
``max_key_interval_ms``, at Enter/Tab, at the suffix, or at any other key. Only then, looking
at the whole burst (its length, the median of its key intervals and their spread), does it
decide: a scan comes out as one code; anything else is handed back, in order, to whatever
widget the person typed in. When in doubt, it is typing. Modifier keys (Shift around
capitals, AltGr, Caps Lock) are not part of the stream at all: the Qt filter never calls here.

Plain Python with explicit timestamps (milliseconds), so it is tested without Qt. The Qt
event filter (``checkin.scanning.wedge_filter``) feeds it and runs the timer it asks for.
"""
from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from checkin.settings import Settings


@dataclass(frozen=True)
class WedgeConfig:
    #: A pause longer than this ends a burst: scanners never pause inside a code, and a person's
    #: quick run stays whole (cut into pieces, its fastest piece could pass for a scanner).
    max_key_interval_ms: int = 60
    #: A burst whose median key interval is above this is a person, not a scanner.
    max_median_interval_ms: int = 15
    #: Bursts shorter than this are a person typing (key rollover), not a scan.
    min_length: int = 6
    #: For scanners without a terminator: this much silence after a scan-like burst ends the code
    #: (a late Enter or Tab within it is still the scanner's and is swallowed).
    end_pause_ms: int = 120
    #: Regularity, as (tolerance in ms, tolerance as a share of the median, share of intervals
    #: that must lie within the larger tolerance of the median). Scanners keep time to a
    #: millisecond or two; people vary by tens. A busy computer stamps keys a few ms late, so
    #: long bursts (which no person types this fast anyway) need less evenness than short ones.
    short_steadiness: tuple[float, float, float] = (2.0, 0.25, 0.75)
    long_steadiness: tuple[float, float, float] = (5.0, 0.5, 0.5)
    long_burst: int = 10
    #: Fixed characters some scanners send before / after each code. A suffix ends the code
    #: like Enter does; both stay in the code (the payload rules strip them).
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> WedgeConfig:
        return cls(
            max_key_interval_ms=max(1, settings.get("scanner_max_key_interval_ms")),
            max_median_interval_ms=max(1, settings.get("scanner_typical_interval_ms")),
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


def steady_share(intervals: Sequence[float], tolerance_ms: float, tolerance_share: float) -> float:
    """The share of ``intervals`` within the tolerance of their median (1.0 for none)."""
    if not intervals:
        return 1.0
    median = statistics.median(intervals)
    tolerance = max(tolerance_ms, median * tolerance_share)
    return sum(abs(interval - median) <= tolerance for interval in intervals) / len(intervals)


def looks_scanned(texts: Sequence[str], times_ms: Sequence[float], config: WedgeConfig) -> bool:
    """Whether a whole burst (its characters and their key times) came from a scanner: long
    enough, fast on average and in the median, and even."""
    prefixed = bool(config.prefix) and len(texts) > len(config.prefix) and "".join(texts).startswith(config.prefix)
    if len(texts) < (2 if prefixed else max(2, config.min_length)):
        return False  # the scanner's prefix vouches for a short code, not for a slow one
    intervals = [later - earlier for earlier, later in zip(times_ms, times_ms[1:])]
    mean = (times_ms[-1] - times_ms[0]) / len(intervals)
    if max(mean, statistics.median(intervals)) > config.max_median_interval_ms:
        return False
    tolerance_ms, tolerance_share, needed = (
        config.long_steadiness if len(texts) >= config.long_burst else config.short_steadiness)
    return steady_share(intervals, tolerance_ms, tolerance_share) >= needed


@dataclass
class WedgeDetector:
    config: WedgeConfig = field(default_factory=WedgeConfig)
    _texts: list[str] = field(default_factory=list)
    _times: list[float] = field(default_factory=list)

    @property
    def holding(self) -> bool:
        return bool(self._texts)

    @property
    def held(self) -> tuple[str, ...]:
        return tuple(self._texts)

    @property
    def scanning(self) -> bool:
        """What is held looks like a scan so far (it may still turn out to be typing)."""
        return self.holding and looks_scanned(self._texts, self._times, self.config)

    def key(self, text: str, at_ms: float) -> Verdict:
        """A printable key (no Ctrl/Alt) arrived at ``at_ms``."""
        finished = self._finish_if_paused(at_ms)
        self._texts.append(text)
        self._times.append(at_ms)
        if self.config.suffix and "".join(self._texts).endswith(self.config.suffix) and self.scanning:
            return Verdict(consume=True, replay=finished.replay, burst=self._take_code())
        return Verdict(consume=True, replay=finished.replay, burst=finished.burst, timer_ms=self._wait_ms())

    def terminator(self, at_ms: float) -> Verdict:
        """Enter or Tab arrived: it ends a scan (and is swallowed) or passes on after the typing."""
        if self.scanning and at_ms - self._times[-1] <= self.config.end_pause_ms:
            return Verdict(consume=True, burst=self._take_code())
        return self.timeout()

    def other_key(self) -> Verdict:
        """Any other key (arrows, shortcuts): whatever is held is finished first."""
        return self.timeout()

    def timeout(self) -> Verdict:
        """No key came within the time ``timer_ms`` asked for: what is held is complete."""
        if not self._texts:
            return Verdict()
        if self.scanning:
            return Verdict(burst=self._take_code())
        held = tuple(self._texts)
        self._texts, self._times = [], []
        return Verdict(replay=held)

    def _finish_if_paused(self, at_ms: float) -> Verdict:
        """A key after a pause starts a new burst: the one held is complete (the timer was late)."""
        if self._texts and at_ms - self._times[-1] > self.config.max_key_interval_ms:
            return self.timeout()
        return Verdict()

    def _wait_ms(self) -> int:
        return self.config.end_pause_ms if self.scanning else self.config.max_key_interval_ms

    def _take_code(self) -> str:
        code = "".join(self._texts)
        self._texts, self._times = [], []
        return code
