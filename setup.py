"""Packages are found here so that the top-level resources/ folder ships inside the wheel
as checkin._resources (pyproject.toml cannot mix a package search with a mapped folder)."""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["checkin", "checkin.*"]) + ["checkin._resources"],
    package_dir={"checkin._resources": "resources"},
)
