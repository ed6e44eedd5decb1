"""Dependencies point one way: nothing outside mediator_desk/gui imports PySide6."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mediator_desk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_gui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "gui":
            continue
        if any(n == "PySide6" or n.startswith("PySide6.") for n in _imports(path)):
            offenders.append(str(rel))
    assert offenders == []


def test_lower_layers_do_not_import_upper_ones():
    forbidden = {"storage": ("mediator_desk.core", "mediator_desk.gui", "mediator_desk.documents",
                             "mediator_desk.sync", "mediator_desk.cli"),
                 "core": ("mediator_desk.gui", "mediator_desk.cli", "mediator_desk.documents",
                          "mediator_desk.sync", "mediator_desk.demo"),
                 "documents": ("mediator_desk.gui", "mediator_desk.cli", "mediator_desk.sync",
                               "mediator_desk.demo"),
                 "sync": ("mediator_desk.gui", "mediator_desk.cli", "mediator_desk.documents",
                          "mediator_desk.demo"),
                 "demo": ("mediator_desk.gui", "mediator_desk.cli"),
                 # the GUI reaches the database through the facade only
                 "gui": ("mediator_desk.cli", "mediator_desk.storage"),
                 # the command line goes through the facade (core), never to the storage
                 "cli": ("mediator_desk.storage",)}
    offenders = []
    for layer, banned in forbidden.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(banned):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_the_check_itself_detects_qt(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(probe)


SQL_CALLS = {"query", "query_one", "scalar", "execute", "executemany", "executescript",
             # a transaction is composed by a core use case, never by a screen or a command
             "transaction"}


def _sql_uses(path: Path) -> list[str]:
    """Calls that run SQL (``desk.query(…)``, ``….execute(…)``) and uses of ``desk.db``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in SQL_CALLS:
            found.append(f"{node.func.attr}() at line {node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr == "db" \
                and isinstance(node.value, ast.Name) and node.value.id == "desk":
            found.append(f"desk.db at line {node.lineno}")
    return found


def test_the_gui_and_the_command_line_run_no_sql_and_compose_no_transaction():
    offenders = [f"{path.relative_to(PACKAGE)}: {use}"
                 for layer in ("gui", "cli") for path in (PACKAGE / layer).rglob("*.py")
                 for use in _sql_uses(path)]
    assert offenders == []


def test_the_sql_check_sees_sql(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("n = desk.scalar('SELECT 1')\nc = desk.db.conn\n", encoding="utf-8")
    assert len(_sql_uses(probe)) == 2
