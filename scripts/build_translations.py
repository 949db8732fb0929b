"""Build the compiled translations (.qm) from the committed Qt Linguist sources (.ts).

    python scripts/build_translations.py            # compile stale .ts files to .qm
    python scripts/build_translations.py --update   # first refresh the .ts files from the code

CI runs it before the tests and the packaging; a fresh checkout also compiles them on start.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checkin.ui.translation_files import compile_all, update_sources  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate on the code first")
    args = parser.parse_args()
    if args.update:
        for path in update_sources(ROOT):
            print(f"updated {path.relative_to(ROOT)}")
    for path in compile_all(ROOT / "resources" / "translations"):
        print(f"built {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
