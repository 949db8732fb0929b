"""What the About dialog and the diagnostics say about this installation: the version, the
main libraries with their licences, and the licences of the bundled fonts. No Qt here."""
from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from checkin import __version__
from checkin.core.translatable import QT_TRANSLATE_NOOP
from checkin.resources import resource_path


@dataclass(frozen=True)
class Library:
    name: str
    distribution: str
    licence: str


#: The libraries the desk is built on and ships inside a frozen build.
LIBRARIES: tuple[Library, ...] = (
    Library("Qt for Python (PySide6) and Qt", "PySide6-Essentials", "LGPL-3.0-only"),
    Library("SQLAlchemy", "SQLAlchemy", "MIT"),
    Library("Alembic", "alembic", "MIT"),
    Library("ReportLab", "reportlab", "BSD-3-Clause"),
    Library("uharfbuzz / HarfBuzz", "uharfbuzz", "Apache-2.0 / MIT"),
    Library("qrcode", "qrcode", "BSD-3-Clause"),
    Library("zxing-cpp", "zxing-cpp", "Apache-2.0"),
    Library("httpx", "httpx", "BSD-3-Clause"),
    Library("openpyxl", "openpyxl", "MIT"),
    Library("platformdirs", "platformdirs", "MIT"),
    Library("keyring", "keyring", "MIT"),
    Library("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Library("Python", "", "PSF-2.0"),
)


def version_of(library: Library) -> str:
    """The installed version; a frozen build without package metadata says so."""
    if not library.distribution:
        return platform.python_version()
    try:
        return metadata.version(library.distribution)
    except metadata.PackageNotFoundError:
        return "bundled"


def library_rows() -> list[tuple[str, str, str]]:
    return [(library.name, version_of(library), library.licence) for library in LIBRARIES]


def font_licences() -> str:
    """The bundled fonts and their licences, as listed beside them (resources/fonts/README.txt)."""
    return resource_path("fonts", "README.txt").read_text(encoding="utf-8").strip()


def build_kind() -> str:
    frozen = getattr(sys, "frozen", False)
    return QT_TRANSLATE_NOOP("About", "frozen (PyInstaller)") if frozen else QT_TRANSLATE_NOOP("About", "Python package")


def version_line() -> str:
    return f"Check-in Desk {__version__} ({build_kind()}), Python {platform.python_version()}, {platform.platform()}"
