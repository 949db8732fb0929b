"""Rebuilds resources/fonts/ from Debian's font packages (a maintainer tool, not run by the app).

Needs: apt-get install fonts-noto-core fonts-droid-fallback fonts-nanum; pip install fonttools.
Noto and Droid are copied unchanged. NanumGothic is cut down to Hangul and renamed, because
the SIL OFL reserves the name "NanumGothic" for unmodified copies.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
COPIES = [
    NOTO / "NotoSans-Regular.ttf", NOTO / "NotoSans-Bold.ttf",
    NOTO / "NotoSansArabic-Regular.ttf", NOTO / "NotoSansArabic-Bold.ttf",
    NOTO / "NotoSansHebrew-Regular.ttf", NOTO / "NotoSansHebrew-Bold.ttf",
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
]
LICENCES = {
    "LICENSE-Noto.txt": "/usr/share/doc/fonts-noto-core/copyright",
    "LICENSE-DroidSansFallback.txt": "/usr/share/doc/fonts-droid-fallback/copyright",
    "LICENSE-Nanum.txt": "/usr/share/doc/fonts-nanum/copyright",
    "LICENSE-Apache-2.0.txt": "/usr/share/common-licenses/Apache-2.0",
}
HANGUL = "U+0020,U+1100-11FF,U+3130-318F,U+AC00-D7A3"
HANGUL_NAME = "CheckinDesk Hangul"


def main() -> int:
    FONTS.mkdir(parents=True, exist_ok=True)
    for source in COPIES:
        shutil.copy2(source, FONTS / source.name)
    for target, source in LICENCES.items():
        shutil.copy2(source, FONTS / target)
    subset = FONTS / "CheckinDeskHangul-Regular.ttf"
    subprocess.run([sys.executable, "-m", "fontTools.subset", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
                    f"--unicodes={HANGUL}", "--no-hinting", f"--output-file={subset}"], check=True)
    _rename(subset)
    return 0


def _rename(path: Path) -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = HANGUL_NAME
        elif record.nameID in (3, 6):
            record.string = HANGUL_NAME.replace(" ", "") + "-Regular"
    font.save(path)


if __name__ == "__main__":
    raise SystemExit(main())
