"""The package's layers point one way, and nothing below the UI imports Qt.

Read from the source (every import, also those inside functions), not from what happens to be
imported at run time: ``core`` ← ``store`` ← ``badges``/``scanning`` ← ``sync`` ← ``reports`` ←
``commands``/``ui`` ← ``app``/``cli``. A package may import its own modules and any lower
layer, never a higher one nor a neighbour on its own layer (``commands`` and ``ui`` do not know
each other). See docs/architecture.md.
"""
import ast
import subprocess
import sys
from pathlib import Path

import checkin

PACKAGE_DIR = Path(checkin.__file__).parent

#: The rank of each top-level part of ``checkin``. The top-level helper modules (version,
#: resources, settings, heap, the log file) sit at the bottom with ``core``: everything may use
#: them; what About and the diagnostics say builds on them. The self-test composes like app.py.
RANKS = {
    "checkin": 0, "resources": 0, "settings": 0, "heap": 0, "core": 0, "logs": 0,
    "store": 1, "about": 1,
    "badges": 2, "scanning": 2, "diagnostics": 2,
    "sync": 3,
    "reports": 4,
    "commands": 5, "ui": 5,
    "app": 6, "selftest": 6, "cli": 7, "__main__": 8,  # the CLI starts the app when given no command
}
#: Where PySide6 may be imported.
QT_ALLOWED = {"ui", "scanning", "app", "selftest"}
#: Package imports allowed inside a function, each for a reason other than dodging a cycle.
LAZY_ALLOWED = {
    ("checkin.cli", "checkin.app"),  # headless commands never load Qt
    ("checkin.cli", "checkin.selftest"),  # the same: the self-test loads Qt
    ("checkin.commands.desk", "checkin.scanning.decode"),  # QtGui and zxing-cpp only for `scan --image`
    ("checkin.ui.settings_dialog", "checkin.ui.scanner_check"),  # its QR library: ~25 ms on every start
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    """``checkin.store.desk`` → ``store``; ``checkin`` itself → ``checkin``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file (relative imports resolved)."""
    name, found = module_name(path), set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def imports_inside_functions(path: Path) -> set[str]:
    """The ``checkin`` modules ``path`` imports inside a function body."""
    found = set()
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("checkin")):
                    found.add(node.module or "")
                elif isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names if alias.name.startswith("checkin"))
    return found


def import_graph() -> dict[str, set[str]]:
    files = {module_name(path): path for path in PACKAGE_DIR.rglob("*.py")}
    return {name: imports_of(path) for name, path in files.items()}


def known_module(target: str, graph: dict[str, set[str]]) -> str:
    """``checkin.cli.main`` (a name imported from a module) → ``checkin.cli``."""
    while target not in graph and "." in target:
        target = target.rpartition(".")[0]
    return target


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    wrong = []
    for module, targets in graph.items():
        here = part_of(module)
        for target in targets:
            there = part_of(known_module(target, graph))
            if target.split(".")[0] != "checkin" or there == here:
                continue
            if RANKS[there] >= RANKS[here]:
                wrong.append(f"{module} imports {target} ({here} may not depend on {there})")
    return sorted(wrong)


def qt_violations(graph: dict[str, set[str]]) -> list[str]:
    return sorted(f"{module} imports {target}" for module, targets in graph.items()
                  for target in targets if target.split(".")[0] == "PySide6" and part_of(module) not in QT_ALLOWED)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Module-level import cycles inside ``checkin`` (depth-first search for back edges)."""
    edges = {m: {t for t in targets if t in graph and t != m and not m.startswith(t + ".")}
             for m, targets in graph.items()}
    found, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(edges[module]):
            if state.get(target) == "open":
                found.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    return found


def test_every_part_has_a_layer():
    assert {part_of(module) for module in import_graph()} <= set(RANKS)


def test_packages_depend_only_downwards():
    assert layer_violations(import_graph()) == []


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_package_imports_sit_at_the_top_of_the_module():
    """An import inside a function hides a dependency (and, before, hid two cycles)."""
    lazy = {(module_name(path), target) for path in PACKAGE_DIR.rglob("*.py") if "migrations" not in path.parts
            for target in imports_inside_functions(path)}
    assert sorted(lazy - LAZY_ALLOWED) == []


def test_no_qt_below_the_ui_in_the_source():
    assert qt_violations(import_graph()) == []


def test_the_checks_catch_a_wrong_import():
    """The checks themselves: an upward import, Qt in the store and a cycle are each reported."""
    graph = {"checkin.store.desk": {"checkin.sync.pretix.push", "PySide6.QtCore"},
             "checkin.sync.pretix.push": {"checkin.store.desk"}}
    assert layer_violations(graph) == ["checkin.store.desk imports checkin.sync.pretix.push "
                                       "(store may not depend on sync)"]
    assert qt_violations(graph) == ["checkin.store.desk imports PySide6.QtCore"]
    assert cycles(graph) == [["checkin.store.desk", "checkin.sync.pretix.push", "checkin.store.desk"]]


def test_no_qt_is_loaded_by_the_headless_packages():
    """At run time too: importing every module below the UI (and the CLI) loads no PySide6."""
    modules = sorted(name for name in import_graph()
                     if part_of(name) not in QT_ALLOWED | {"__main__"} and ".migrations." not in name)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print([m for m in sys.modules if m.startswith('PySide6')])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=PACKAGE_DIR.parent)
    assert result.stdout.strip() == "[]"
