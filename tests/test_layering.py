"""core/, store/, sync/ and badges/ import no Qt: they must run headless and in the CLI."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import checkin

QT_FREE = ("checkin.core", "checkin.store", "checkin.sync", "checkin.badges", "checkin.commands")


def _modules(prefix):
    package = __import__(prefix, fromlist=["_"])
    yield prefix
    for info in pkgutil.walk_packages(package.__path__, prefix + "."):
        if ".migrations" not in info.name:
            yield info.name


def test_no_qt_below_the_ui():
    modules = [name for prefix in QT_FREE for name in _modules(prefix)]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print([m for m in sys.modules if m.startswith('PySide6')])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(checkin.__file__).parent.parent)
    assert result.stdout.strip() == "[]"
