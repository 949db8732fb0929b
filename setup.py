"""Packages are declared here so that the top-level resources/ folder ships inside the wheel
as checkin._resources (pyproject.toml cannot mix a package search with a mapped folder).

Every folder that ships files is declared as a (namespace) package, the migrations and each
resources sub-folder included: setuptools warns about data folders that are not packages.
"""
from setuptools import find_namespace_packages, setup

SKIPPED = ["*.__pycache__", "*.__pycache__.*"]
CODE_PACKAGES = find_namespace_packages(include=["checkin", "checkin.*"], exclude=SKIPPED)
RESOURCE_PACKAGES = ["checkin._resources"] + [
    f"checkin._resources.{name}" for name in find_namespace_packages("resources", exclude=SKIPPED)
]

setup(
    packages=CODE_PACKAGES + RESOURCE_PACKAGES,
    package_dir={"checkin._resources": "resources"},
    package_data={
        "checkin.store.migrations": ["*.mako"],
        **{package: ["*.*"] for package in RESOURCE_PACKAGES},
    },
)
