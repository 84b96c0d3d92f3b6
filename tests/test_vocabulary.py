"""Each kind, role and status is named once, in routes/model.py: code uses the enum members.

The scan flags a kind, role or status word used as a *value* in code: compared with, returned,
given as a default or a keyword argument, chosen by ``or``/``if``, or assigned. A word used as
a key (a dict key, a subscript, a positional argument naming a TOML table or a JSON field, a
trap label of the development set) is a name, not a value, and is left alone; so is a line
that says so with a ``# not a Kind/Role/Status`` comment (a word that is spelled like one but means
something else, such as the development set's "dateline" trap).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from routes.model import Kind, Role, Status
from routes.paths import PROJECT_DIR

#: The words that must reach code only through ``Kind``, ``Role`` and ``Status``.
VOCABULARY = frozenset(str(member) for enum in (Kind, Role, Status) for member in enum)
#: The comment that marks a line's enum-like word as meaning something else.
NOT_A_ROLE = "# not a Kind/Role/Status"
#: Where code lives: the package and the dashboard.
CODE = [PROJECT_DIR / "app.py", *sorted((PROJECT_DIR / "routes").rglob("*.py"))]
MODEL = PROJECT_DIR / "routes" / "model.py"


def _values(tree: ast.AST) -> Iterator[ast.expr]:
    """The expressions of ``tree`` that stand as values: compared, returned, chosen, given."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            yield node.left
            yield from node.comparators
        elif (
            isinstance(node, ast.Return | ast.Assign | ast.AnnAssign) and node.value
        ) or isinstance(node, ast.keyword):
            yield node.value
        elif isinstance(node, ast.BoolOp):
            yield from node.values
        elif isinstance(node, ast.IfExp):
            yield from (node.body, node.orelse)
        elif isinstance(node, ast.arguments):
            yield from (*node.defaults, *(d for d in node.kw_defaults if d is not None))


def _words(value: ast.expr) -> Iterator[ast.Constant]:
    """The string constants of ``value``, looking into tuples, lists and sets it spells out."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        yield value
    elif isinstance(value, ast.Tuple | ast.List | ast.Set):
        for element in value.elts:
            yield from _words(element)


def _literals(path: Path, root: Path = PROJECT_DIR) -> list[str]:
    """``file:line: 'word'`` for each kind, role or status written as a bare string value."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    found = {
        (constant.lineno, constant.value)
        for value in _values(tree)
        for constant in _words(value)
        if constant.value in VOCABULARY and NOT_A_ROLE not in lines[constant.lineno - 1]
    }
    name = path.relative_to(root)
    return [f"{name}:{line}: {word!r}" for line, word in sorted(found)]


def test_no_kind_role_or_status_is_written_as_a_string_outside_the_model() -> None:
    hits = [hit for path in CODE if path != MODEL for hit in _literals(path)]
    assert hits == [], "use routes.model.Kind / Role / Status members:\n" + "\n".join(hits)


def test_the_scan_sees_roles_used_as_values_and_not_words_used_as_names(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        '"""Prose may say origin."""\n'
        'ROLE = "origin"\n'
        'def f(role="via"):\n'
        '    if role in ("border", "denied"):\n'
        '        return "context"\n'
        '    return table["historical"], {"expected": 1}, get(data, "dateline")\n'
        'TRAPS = ("order", "dateline")  # not a Kind/Role/Status: trap labels\n'
        'KIND = "city"\n',
        encoding="utf-8",
    )
    assert _literals(probe, tmp_path) == [
        "probe.py:2: 'origin'",
        "probe.py:3: 'via'",
        "probe.py:4: 'border'",
        "probe.py:4: 'denied'",
        "probe.py:5: 'context'",
        "probe.py:8: 'city'",
    ]
