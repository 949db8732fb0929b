"""The wedge detector's rules, with synthetic timestamps (no Qt, no timers)."""
from __future__ import annotations

import random

from checkin.scanning.wedge import Verdict, WedgeConfig, WedgeDetector, looks_scanned, steady_share

CONFIG = WedgeConfig(max_key_interval_ms=35, min_length=4, end_pause_ms=120, max_median_interval_ms=20)


def feed(detector: WedgeDetector, text: str, start: float, step: float) -> list[Verdict]:
    return [detector.key(ch, start + i * step) for i, ch in enumerate(text)]


def replayed(verdicts: list[Verdict]) -> str:
    return "".join("".join(v.replay) for v in verdicts)


def bursts(verdicts: list[Verdict]) -> list[str]:
    return [v.burst for v in verdicts if v.burst]


def test_fast_keys_ending_in_enter_are_one_scan_and_enter_is_swallowed():
    detector = WedgeDetector(CONFIG)
    verdicts = feed(detector, "abcd1234", 1000, 8)
    end = detector.terminator(1000 + 8 * 8)
    assert all(v.consume for v in verdicts) and not replayed(verdicts) and not bursts(verdicts)
    assert end == Verdict(consume=True, burst="abcd1234")
    assert not detector.holding


def test_a_person_typing_gets_every_key_back_in_order():
    detector = WedgeDetector(CONFIG)
    verdicts = feed(detector, "Müller", 0, 140)
    verdicts.append(detector.timeout())
    assert replayed(verdicts) == "Müller"
    assert not bursts(verdicts)


def test_enter_after_typing_passes_on_after_the_typed_keys():
    detector = WedgeDetector(CONFIG)
    verdicts = feed(detector, "ab", 0, 150)
    end = detector.terminator(450)
    assert replayed(verdicts) + "".join(end.replay) == "ab"
    assert not end.consume and end.burst is None


def test_fast_typist_rollover_shorter_than_minimum_is_typing():
    # Three keys within 35 ms of each other (rollover), then normal pace: never a scan.
    detector = WedgeDetector(CONFIG)
    verdicts = feed(detector, "sch", 0, 20) + feed(detector, "mi", 200, 90) + feed(detector, "dt", 500, 25)
    verdicts.append(detector.terminator(700))
    assert replayed(verdicts) == "schmidt"
    assert not bursts(verdicts)


def test_scanner_without_terminator_ends_with_the_pause():
    detector = WedgeDetector(CONFIG)
    verdicts = feed(detector, "code123", 0, 5)
    assert verdicts[-1].timer_ms == CONFIG.end_pause_ms
    assert detector.timeout() == Verdict(burst="code123")


def test_next_code_after_a_pause_ends_the_previous_one_when_the_timer_was_late():
    detector = WedgeDetector(CONFIG)
    first = feed(detector, "aaaa1111", 0, 5)
    second = feed(detector, "bbbb2222", 300, 5)
    assert bursts(first + second) == ["aaaa1111"]
    assert detector.timeout().burst == "bbbb2222"


def test_ten_scans_a_second_are_ten_codes_none_lost_none_twice():
    detector = WedgeDetector(CONFIG)
    codes = [f"code{n:04d}xyz" for n in range(10)]
    found = []
    for n, code in enumerate(codes):
        start = n * 100
        found += bursts(feed(detector, code, start, 4))
        found += bursts([detector.terminator(start + 4 * len(code))])
    assert found == codes


def test_suffix_ends_the_code_like_enter():
    detector = WedgeDetector(WedgeConfig(suffix="#"))
    verdicts = feed(detector, "abcd9#", 0, 5)
    assert bursts(verdicts) == ["abcd9#"]
    assert not detector.holding


def test_prefix_marks_a_scan_even_when_shorter_than_the_minimum():
    detector = WedgeDetector(WedgeConfig(min_length=10, prefix="]Q"))
    feed(detector, "]Qab", 0, 5)
    assert detector.terminator(25).burst == "]Qab"


def test_a_person_typing_the_prefix_is_still_a_person():
    detector = WedgeDetector(WedgeConfig(prefix="#"))
    verdicts = feed(detector, "#ann", 0, 40) + [detector.terminator(200)]
    assert replayed(verdicts) == "#ann" and not bursts(verdicts)


def test_a_slow_key_in_the_middle_hands_the_start_back_as_typing():
    detector = WedgeDetector(CONFIG)
    verdicts = feed(detector, "ab", 0, 10) + feed(detector, "cdef", 100, 10)
    assert replayed(verdicts) == "ab"
    assert detector.terminator(140).burst == "cdef"


def test_other_keys_finish_what_is_held():
    detector = WedgeDetector(CONFIG)
    feed(detector, "x", 0, 10)
    assert detector.other_key() == Verdict(replay=("x",))
    assert detector.other_key() == Verdict()


def test_terminator_long_after_a_scan_is_not_swallowed():
    detector = WedgeDetector(CONFIG)
    feed(detector, "abcdef", 0, 5)
    late = detector.terminator(25 + CONFIG.end_pause_ms + 50)
    assert late.burst == "abcdef" and not late.consume


def test_config_comes_from_settings(settings):
    settings.set("scanner_max_key_interval_ms", 20)
    settings.set("scanner_min_length", 6)
    settings.set("scanner_suffix", "!")
    config = WedgeConfig.from_settings(settings)
    assert (config.max_key_interval_ms, config.min_length, config.suffix) == (20, 6, "!")


def test_scanning_is_known_as_soon_as_the_run_is_long_enough():
    detector = WedgeDetector(CONFIG)
    feed(detector, "abc", 0, 5)
    assert detector.holding and not detector.scanning
    detector.key("d", 15)
    assert detector.scanning
    assert detector.timeout().burst == "abcd" and not detector.scanning


# -- the burst as a whole -------------------------------------------------------------------
def feed_times(detector: WedgeDetector, text: str, times: list[float]) -> list[Verdict]:
    return [detector.key(ch, at) for ch, at in zip(text, times)]


def jittered(rng: random.Random, count: int, start: float, mean: float, jitter: float) -> list[float]:
    times, now = [], start
    for _ in range(count):
        times.append(now)
        now += max(1.0, rng.gauss(mean, jitter))
    return times


def test_a_fast_person_at_30_ms_a_key_with_jitter_is_never_a_scan():
    rng = random.Random(12)
    for trial in range(5000):
        detector = WedgeDetector(WedgeConfig())
        name = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzäöü") for _ in range(rng.randrange(3, 15)))
        times = jittered(rng, len(name), trial * 10_000, mean=30, jitter=12)
        verdicts = feed_times(detector, name, times) + [detector.timeout()]
        assert not bursts(verdicts), (name, times)
        assert replayed(verdicts) == name


def test_even_a_burst_of_rollover_at_scanner_speed_is_typing_when_it_is_uneven():
    # Six keys, median 10 ms, but 3 to 25 ms apart: a hand, not a machine.
    detector = WedgeDetector(WedgeConfig())
    verdicts = feed_times(detector, "schmid", [0, 3, 13, 38, 44, 54]) + [detector.timeout()]
    assert replayed(verdicts) == "schmid" and not bursts(verdicts)


def test_long_codes_are_scans_when_a_busy_computer_stamps_keys_late():
    rng = random.Random(8)
    for step in (1, 4, 10):
        for trial in range(300):
            detector = WedgeDetector(WedgeConfig())
            code = "".join(rng.choice("ABCabc0123-/") for _ in range(rng.randrange(12, 40)))
            times, last = [], 0.0
            for index in range(len(code)):  # each key stamped a random ~2 ms late, never out of order
                last = max(last, round(trial * 10_000 + index * step + rng.expovariate(0.5)))
                times.append(last)
            verdicts = feed_times(detector, code, times)
            assert detector.terminator(times[-1] + step).burst == code and not replayed(verdicts), (step, times)


def test_wedge_scanners_from_1_to_20_ms_a_key_are_scans_despite_millisecond_jitter():
    rng = random.Random(3)
    for step in (1, 2, 4, 8, 10, 12):
        for trial in range(200):
            detector = WedgeDetector(WedgeConfig())
            code = "".join(rng.choice("ABCabc0123-/+=") for _ in range(rng.randrange(8, 40)))
            times = [round(t) for t in jittered(rng, len(code), trial * 10_000, mean=step, jitter=0.6)]
            verdicts = feed_times(detector, code, times)
            end = detector.terminator(times[-1] + step)
            assert end.burst == code and not replayed(verdicts), (step, code, times)


def test_a_burst_that_turns_uneven_is_handed_back_whole():
    detector = WedgeDetector(WedgeConfig())
    verdicts = feed_times(detector, "abcdef", [0, 5, 10, 15, 20, 25])
    assert detector.scanning  # so far it looks like a scanner...
    verdicts += feed_times(detector, "ghijklm", [55, 85, 115, 145, 175, 205, 235])  # ...then a person's pace
    verdicts.append(detector.terminator(300))
    assert replayed(verdicts) == "abcdefghijklm" and not bursts(verdicts)


def test_the_median_interval_and_its_steadiness_decide(settings):
    config = WedgeConfig(max_median_interval_ms=15, min_length=6)
    assert looks_scanned("abcdef", [0, 4, 8, 12, 16, 20], config)
    assert looks_scanned("abcdef", [0, 4, 8, 12, 16, 30], config)  # one key late (a busy computer)
    assert not looks_scanned("abcdef", [0, 25, 50, 75, 100, 125], config)  # too slow
    assert not looks_scanned("abcdef", [0, 2, 12, 14, 26, 28], config)  # too uneven
    assert not looks_scanned("abcd", [0, 4, 8, 12], config)  # too short
    assert steady_share([4, 4, 5, 30], 2, 0.25) == 0.75 and steady_share([], 2, 0.25) == 1.0
    settings.set("scanner_typical_interval_ms", 12)
    assert WedgeConfig.from_settings(settings).max_median_interval_ms == 12


def test_a_long_code_stamped_unevenly_by_a_busy_computer_is_still_a_scan():
    # Seen under Xvfb on a loaded machine: 4 ms a key sent, stamped 4 to 19 ms apart.
    times = [701, 720, 724, 728, 736, 752, 765, 771, 775, 779, 788, 796, 803, 808]
    assert looks_scanned("QWERTZ-yz/7-Zy", times, WedgeConfig())
    assert not looks_scanned("QWERTZ", times[:6], WedgeConfig())  # as a short code, too uneven
