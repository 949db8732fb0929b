"""scripts/install-desktop-entry puts the desk into a Linux application menu."""
from __future__ import annotations

import configparser
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_entry_and_icons_are_installed_for_the_user(tmp_path):
    program = tmp_path / "checkin-desk"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    share = tmp_path / "share"
    subprocess.run([str(ROOT / "scripts" / "install-desktop-entry"), str(program)], check=True, capture_output=True,
                   env={**os.environ, "XDG_DATA_HOME": str(share)}, timeout=60)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(share / "applications" / "checkin-desk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f'"{program}"'
    assert desktop["Icon"] == "checkin-desk" and desktop["Type"] == "Application"
    assert (share / "icons/hicolor/scalable/apps/checkin-desk.svg").is_file()
    assert (share / "icons/hicolor/256x256/apps/checkin-desk.png").is_file()


def test_the_script_refuses_a_missing_program(tmp_path):
    done = subprocess.run([str(ROOT / "scripts" / "install-desktop-entry"), str(tmp_path / "nothing")],
                          capture_output=True, text=True, env={**os.environ, "XDG_DATA_HOME": str(tmp_path)})
    assert done.returncode == 2 and "No program at" in done.stderr
    assert not (tmp_path / "applications").exists()
