"""Writes the answer sounds into resources/sounds/ (short, distinct, 16-bit mono WAV).

ok: one bright rising two-note chime; warning: two mid beeps; refused: a low buzz, long;
read: a short high click when the camera reads a code (before the answer's sound).
Run once; the WAV files are committed.
"""
from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(frequency: float, seconds: float, volume: float = 0.5, square: bool = False) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.01)
    samples = []
    for i in range(count):
        value = math.sin(2 * math.pi * frequency * i / RATE)
        if square:
            value = 0.6 if value >= 0 else -0.6
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(volume * value * envelope)
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


SOUNDS = {
    "ok": tone(880, 0.09) + tone(1320, 0.14),
    "warning": tone(660, 0.12) + silence(0.06) + tone(660, 0.12),
    "refused": tone(180, 0.45, 0.45, square=True),
    "read": tone(2000, 0.035, 0.3),
}


def write(name: str, samples: list[float]) -> None:
    with wave.open(str(OUT / f"{name}.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for sound_name, sound_samples in SOUNDS.items():
        write(sound_name, sound_samples)
        print(OUT / f"{sound_name}.wav")
