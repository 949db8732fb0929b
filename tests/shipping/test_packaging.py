"""The packaging check: ``python -m build`` makes an sdist and a wheel without setuptools
warnings, and the wheel installs into a fresh virtual environment and runs there."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("checkin", "resources", "pyproject.toml", "setup.py", "README.md")
#: What setuptools prints when a shipped folder is not declared as a package (issue 18).
PACKAGING_WARNINGS = ("is absent from the `packages` configuration", "SetuptoolsDeprecationWarning",
                      "Installing '")


def copy_sources(target: Path) -> Path:
    """The files a release is built from, so the build writes nothing into the checkout."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sdist and the wheel built from a copy of the sources, and the build's output."""
    source = copy_sources(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(source)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return out, built.stdout + built.stderr


def wheel_of(out: Path) -> Path:
    [wheel] = out.glob("checkin_desk-*.whl")
    return wheel


def shipped_files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".qm")}


@pytest.mark.slow
def test_build_prints_no_packaging_warnings(dist):
    _out, log = dist
    assert [line for line in log.splitlines() if any(warning in line for warning in PACKAGING_WARNINGS)] == []


@pytest.mark.slow
def test_wheel_holds_every_migration_and_resource(dist):
    names = set(zipfile.ZipFile(wheel_of(dist[0])).namelist())
    migrations = {f"checkin/store/migrations/{name}" for name in shipped_files(ROOT / "checkin/store/migrations")}
    resources = {f"checkin/_resources/{name}" for name in shipped_files(ROOT / "resources")}
    assert migrations | resources <= names
    assert "checkin/_resources/icons/checkin-desk.svg" in names


@pytest.mark.slow
def test_sdist_holds_the_sources_to_build_again(dist):
    [sdist] = dist[0].glob("checkin_desk-*.tar.gz")
    listing = subprocess.run(["tar", "tzf", str(sdist)], capture_output=True, text=True, check=True).stdout
    for name in ("setup.py", "resources/translations/checkin_de.ts", "checkin/store/migrations/script.py.mako"):
        assert f"/{name}\n" in listing


@pytest.mark.slow
def test_wheel_installs_and_runs_in_a_fresh_venv(dist, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    # Nothing of the checkout may leak in: PYTHONPATH would make pip think the desk is installed.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    # pip's own cache keeps this quick after the first run; the index is the machine's usual one.
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel_of(dist[0]))], check=True, timeout=600,
                   capture_output=True, env=env)

    def checkin(*args: str) -> str:
        done = subprocess.run([str(python), "-m", "checkin", *args], env=env, cwd=tmp_path, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    assert checkin("--version").strip() == "checkin 0.1.0"
    assert json.loads(checkin("demo", "--guests", "7", "--json"))["guests"] == 7
    assert json.loads(checkin("stats", "--json"))["registered"] == 7
    assert "self-test passed" in checkin("--self-test")
