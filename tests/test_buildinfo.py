"""The build in use is all of a piece: every module the mypyc hook lists is compiled, or none is."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest
from conftest import ROOT

from extractor.buildinfo import compiled

tomllib = pytest.importorskip("tomllib")  # Python 3.11+


def _hook_modules() -> list[str]:
    """The module names under the mypyc hook's ``include`` paths in pyproject.toml."""
    hook = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]
    names = []
    for path in hook["mypyc"]["include"]:
        dotted = path.strip("/").removesuffix(".py").replace("/", ".")
        module = importlib.import_module(dotted)
        names.append(dotted)
        if hasattr(module, "__path__"):
            names += [info.name for info in pkgutil.walk_packages(module.__path__, dotted + ".")]
    return names


def test_the_hook_lists_the_hot_modules() -> None:
    names = _hook_modules()
    assert {"extractor.values", "extractor.text.reader", "extractor.html.reader", "extractor.checks.example",
            "extractor.classify.labels", "extractor.writers"} <= set(names)
    assert not {"extractor.pipeline", "extractor.cli"} & set(names)


def test_every_listed_module_is_built_alike() -> None:
    loaded_from = {name: importlib.import_module(name).__file__ or "" for name in _hook_modules()}
    python_files = {name for name, path in loaded_from.items() if path.endswith(".py")}
    assert python_files == (set() if compiled() else set(loaded_from))
    assert importlib.import_module("extractor.pipeline").__file__.endswith(".py")  # type: ignore[union-attr]


def test_version_names_the_build() -> None:
    out = subprocess.run([sys.executable, "-m", "extractor", "--version"], capture_output=True, text=True,
                         check=True).stdout
    assert out.startswith("edgar-extract 0.1.0 (")
    assert out.strip().endswith("(compiled with mypyc)" if compiled() else "(pure Python)")
