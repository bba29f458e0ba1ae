"""The live layer's shape: one package whose modules import down only, one seam to the broker."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PACKAGE = Path(settings.BASE_DIR) / "seminar" / "live"
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py"))


def imported_modules(name: str) -> set[str]:
    """The modules of seminar.live that module `name` imports (`__init__` for the package)."""
    tree = ast.parse((PACKAGE / f"{name}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "seminar":
            found |= {"__init__" for alias in node.names if alias.name == "live"}
        elif isinstance(node, ast.ImportFrom) and node.module == "seminar.live":
            found |= {alias.name if alias.name in MODULES else "__init__" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("seminar.live."):
            found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[:2] == ["seminar", "live"]:
                    found.add(parts[2] if len(parts) > 2 else "__init__")
    return found - {name}


def test_no_module_of_the_live_package_imports_the_door_or_forms_a_loop():
    graph = {name: imported_modules(name) for name in MODULES}
    # The door (__init__) re-exports its modules; a module importing it back would be a loop.
    assert not [name for name, imports in graph.items() if "__init__" in imports]
    done: list[str] = []  # a topological order: each module after all it imports

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, f"import loop: {' -> '.join((*path, name))}"
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, (*path, name))
        done.append(name)

    for name in MODULES:
        visit(name, ())


def test_only_the_transport_touches_the_channel_layer_or_redis():
    touching = []
    for name in MODULES:
        tree = ast.parse((PACKAGE / f"{name}.py").read_text())
        for node in ast.walk(tree):
            modules = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                       else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            prefixes = ("redis.", "channels.layers", "channels_redis")
            if any(module == "redis" or module.startswith(prefixes) for module in modules):
                touching.append(name)
    assert sorted(set(touching)) == ["transport"]


@pytest.mark.parametrize("name", [name for name in MODULES if name != "__init__"])
def test_each_module_imports_on_its_own(name):
    """In a fresh interpreter, first thing (Django set up only where models are needed)."""
    setup = "import django; django.setup(); " if name == "consumer" else ""
    result = subprocess.run(
        [sys.executable, "-c", f"{setup}import seminar.live.{name}"],
        check=False, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "seminar.settings"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
