"""Keeps the compiled translations (.qm) in step with the committed Qt Linguist sources (.ts).

A wheel or a frozen build ships the .qm files built in CI. A fresh checkout has only the
.ts files: the first start compiles them with ``lrelease`` from the PySide6 wheel, next to
the sources when that folder is writable, otherwise into the user's cache folder.
"""
from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from platformdirs import user_cache_dir

from checkin.resources import resource_path

log = logging.getLogger(__name__)

#: The Python sources whose texts the .ts files hold: tr() in the Qt layers, and QT_TRANSLATE_NOOP
#: where a Qt-free layer declares a text the UI shows (rule words, import fields, decisions).
SOURCE_PACKAGES = ("ui", "scanning", "core", "sync", "badges")


def qt_tool(name: str) -> Path | None:
    """A Qt tool (lrelease, lupdate) shipped inside the PySide6 wheel, if present."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    return None


def sources(folder: Path | None = None) -> list[Path]:
    return sorted((folder or resource_path("translations")).glob("checkin_*.ts"))


def stale(ts_file: Path, qm_file: Path) -> bool:
    return not qm_file.exists() or qm_file.stat().st_mtime < ts_file.stat().st_mtime


def compile_all(folder: Path | None = None, output: Path | None = None) -> list[Path]:
    """Compile every stale ``checkin_*.ts`` into ``output`` (default: next to it); the .qm paths."""
    lrelease = qt_tool("lrelease")
    built = []
    for ts_file in sources(folder):
        qm_file = (output or ts_file.parent) / ts_file.with_suffix(".qm").name
        if stale(ts_file, qm_file):
            if lrelease is None:
                raise FileNotFoundError("lrelease is missing from the PySide6 installation")
            qm_file.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(lrelease), "-silent", str(ts_file), "-qm", str(qm_file)], check=True,
                           capture_output=True)
        built.append(qm_file)
    return built


def compiled_folder() -> Path:
    """The folder to load ``checkin_<lang>.qm`` from, compiling stale translations first."""
    shipped = resource_path("translations")
    if not any(stale(ts, ts.with_suffix(".qm")) for ts in sources(shipped)):
        return shipped
    target = shipped if os.access(shipped, os.W_OK) else Path(user_cache_dir("checkin-desk")) / "translations"
    try:
        compile_all(shipped, target)
    except (OSError, subprocess.CalledProcessError) as error:
        log.warning("could not compile the translations (%s); using what is there", error)
        return shipped
    return target


def update_sources(root: Path, languages: tuple[str, ...] = ("de", "en"), folder: Path | None = None) -> list[Path]:
    """Refresh the .ts files (in ``folder``, else the checkout's) from the tr() texts in the code
    (run by developers, not at start; a test runs it on copies)."""
    lupdate = qt_tool("lupdate")
    if lupdate is None:
        raise FileNotFoundError("lupdate is missing from the PySide6 installation")
    files = sorted(str(p) for package in SOURCE_PACKAGES for p in (root / "checkin" / package).rglob("*.py"))
    files.append(str(root / "checkin" / "settings.py"))  # labels marked where they are declared
    files.append(str(root / "checkin" / "about.py"))
    folder = folder or root / "resources" / "translations"
    targets = [folder / f"checkin_{language}.ts" for language in languages]
    targets[0].parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(lupdate), "-locations", "none", "-no-obsolete", *files, "-ts", *map(str, targets)],
                   check=True, capture_output=True)
    return targets
