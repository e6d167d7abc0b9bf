"""The layers stay visible: no import cycles, no spaCy under the core, modules of bounded size.

The import graph is read from the source with ``ast``: every ``import`` anywhere in a module
(inside functions too), except under ``if TYPE_CHECKING:``. A package's PEP 562 ``__getattr__``
(a lazy re-export) is an edge only for the modules that import one of the names it serves.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hornbill"
#: Parts of hornbill that must not load spaCy, directly or through anything they import.
SPACY_FREE = ("hornbill.dates", "hornbill.store", "hornbill.views", "hornbill.web", "hornbill.model",
              "hornbill.link", "hornbill.schemas", "hornbill.actors.dictionary")
MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_CLASS_LINES = 800, 40, 300


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(node: ast.AST, package: str) -> Iterator[tuple[str, str | None]]:
    """(module, imported name or None) of every import under ``node``, TYPE_CHECKING blocks left out."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            yield from (item for stmt in child.orelse for item in _imports(stmt, package))
            continue
        if isinstance(child, ast.Import):
            yield from ((alias.name, None) for alias in child.names)
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - child.level + 1], base]).strip(".")
            yield from ((base, alias.name) for alias in child.names)
        else:
            yield from _imports(child, package)


@cache
def _parsed(name: str) -> ast.Module:
    return ast.parse(modules()[name].read_text(encoding="utf-8"))


def _package_of(name: str) -> str:
    return name if modules()[name].name == "__init__.py" else name.rpartition(".")[0]


def _lazy_getattr(name: str) -> ast.FunctionDef | None:
    return next((n for n in _parsed(name).body if isinstance(n, ast.FunctionDef) and n.name == "__getattr__"), None)


def _module_level_names(name: str) -> set[str]:
    names: set[str] = set()
    for node in _parsed(name).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _targets(module: str, name: str | None) -> set[str]:
    """The hornbill modules an import of ``name`` from ``module`` runs."""
    known = modules()
    if name is not None and f"{module}.{name}" in known:
        return {f"{module}.{name}"}
    if module not in known:
        return {module} if not module.startswith("hornbill") else set()
    lazy = _lazy_getattr(module)
    if name is not None and lazy is not None and name not in _module_level_names(module):
        return {target for m, n in _imports(lazy, _package_of(module)) for target in _targets(m, n)}
    return {module}


@cache
def graph() -> dict[str, set[str]]:
    """Each hornbill module -> the modules it imports (hornbill's own, and outside roots such as "spacy")."""
    edges: dict[str, set[str]] = {}
    for name in modules():
        lazy = _lazy_getattr(name)
        body = ast.Module(body=[n for n in _parsed(name).body if n is not lazy], type_ignores=[])
        found = {t for m, n in _imports(body, _package_of(name)) for t in _targets(m, n)}
        edges[name] = {t if t.startswith("hornbill") else t.split(".")[0] for t in found} - {name}
    return edges


def _cycles() -> list[list[str]]:
    edges = {k: {t for t in v if t in modules()} for k, v in graph().items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def _reaches(start: str, target: str) -> list[str] | None:
    """An import chain from ``start`` to ``target``, or None."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph().get(node, ())):
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                if nxt == target:
                    return paths[nxt]
                queue.append(nxt)
    return None


def test_the_import_graph_of_hornbill_has_no_cycle() -> None:
    assert len(graph()) > 50 and "hornbill.pipeline" in graph()["hornbill.cli"]
    assert _cycles() == []


def test_the_core_never_imports_spacy_even_through_another_module() -> None:
    core = [name for name in modules() if name.startswith(SPACY_FREE)]
    assert len(core) > 20
    chains = {name: chain for name in core if (chain := _reaches(name, "spacy")) is not None}
    assert chains == {}


def test_the_graph_sees_imports_inside_functions_and_lazy_re_exports() -> None:
    """What makes the two tests above able to fail: hidden edges are edges."""
    assert "hornbill.engine.ray" in graph()["hornbill.engine"]  # imported inside a function
    assert "hornbill.pipeline" not in graph()["hornbill.web.app"]  # `from hornbill import __version__`
    assert "spacy" in graph()["hornbill.nlp"]


def test_importing_the_web_app_loads_no_spacy() -> None:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import hornbill.web.app"],
                         capture_output=True, text=True, check=True)
    imported = [line.rsplit("|", 1)[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")]
    assert "hornbill.web.app" in imported and "hornbill.dates.display" in imported
    assert [name for name in imported if name.split(".")[0] in ("spacy", "thinc")] == []


def _sizes() -> Iterator[tuple[str, str, int, int]]:
    """(kind, where, lines, limit) of every module, function and class of hornbill."""
    for name, path in modules().items():
        tree = _parsed(name)
        yield "module", name, len(path.read_text(encoding="utf-8").splitlines()), MAX_MODULE_LINES
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                limit = MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_FUNCTION_LINES
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                yield kind, f"{name}.{node.name}", (node.end_lineno or first) - first + 1, limit


def test_no_module_function_or_class_of_hornbill_is_too_long() -> None:
    sizes = list(_sizes())
    assert {kind for kind, *_ in sizes} == {"module", "function", "class"}
    assert [f"{kind} {where}: {lines} lines (at most {limit})" for kind, where, lines, limit in sizes
            if lines > limit] == []
