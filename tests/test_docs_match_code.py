"""What the docs say matches the code: every document a comment or docstring points to
exists in the repository; no comment points to an issue tracker ("issue 9") that a reader of
the code does not have; the README's command table and the argument parser agree."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (this file excepted: it holds examples of what it looks for)
CODE = [p for folder in ("mediator_desk", "tests", "build_scripts")
        for p in (ROOT / folder).rglob("*.py") if p != Path(__file__).resolve()]
MD_REF = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.md)\b")
ISSUE_REF = re.compile(r"\bissues?[ -]?#?\d+\b", re.I)


def markdown_files() -> set[str]:
    found = set()
    for path in ROOT.rglob("*.md"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in (".venv", ".git", "dist", "build") or "egg-info" in rel.parts[0]:
            continue
        found.update({str(rel), path.name})
    return found


def test_every_referenced_document_exists():
    known = markdown_files()
    dangling = [f"{path.relative_to(ROOT)}: {ref}" for path in CODE
                for ref in MD_REF.findall(path.read_text(encoding="utf-8"))
                if ref not in known and ref.removeprefix("../") not in known]
    assert not dangling, dangling


def test_no_comment_cites_an_issue_number():
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in CODE
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if ISSUE_REF.search(line)]
    assert not found, found


def test_the_checks_see_what_they_look_for():
    assert MD_REF.findall("see docs/domain.md and platform-notes.md.") == \
        ["docs/domain.md", "platform-notes.md"]
    assert ISSUE_REF.search("(issue 9 §7)") and ISSUE_REF.search("(issue-2 flag)") \
        and not ISSUE_REF.search("an issue of the form")


# --- the README's command table ---------------------------------------------------------

def readme_commands() -> dict[tuple[str, ...], set[str]]:
    """Command path → options, from the first cell of every row of the README's table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out: dict[tuple[str, ...], set[str]] = {}
    for cell in re.findall(r"^\| (`mediator-desk[^|]*(?:\\\|[^|]*)*) \|", text, flags=re.M):
        for usage in re.findall(r"`([^`]+)`", cell.replace("\\|", "|")):
            words = usage.split()
            if words[0] == "mediator-desk":
                words = words[1:]
            path: list[list[str]] = []
            for w in words:
                if not re.fullmatch(r"[a-z][a-z-]*(\|[a-z][a-z-]*)*", w):
                    break
                path.append(w.split("|"))
            options = set(re.findall(r"(?<![\w-])(--[a-z][\w-]*)", usage))
            expanded: list[tuple[str, ...]] = [()]
            for alternatives in path:
                expanded = [p + (a,) for p in expanded for a in alternatives]
            for p in expanded:
                out.setdefault(p, set()).update(options)
    return out


def parser_commands() -> dict[tuple[str, ...], set[str]]:
    from mediator_desk.cli import build_parser

    out: dict[tuple[str, ...], set[str]] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        options = {o for a in parser._actions for o in a.option_strings if o.startswith("--")}
        out[path] = options
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, path + (name,))
    walk(build_parser(), ())
    return out


def test_the_readme_command_table_matches_the_parser():
    readme, parser = readme_commands(), parser_commands()
    # A group (``site``) is documented through its commands (``site init``).
    leaves = {p for p in parser if not any(q[:len(p)] == p and q != p for q in parser)}
    undocumented = sorted(" ".join(p) for p in leaves if p not in readme)
    unknown = sorted(" ".join(p) for p in readme if p not in parser)
    wrong_options = sorted(f"{' '.join(p)} {o}" for p, opts in readme.items() if p in parser
                           for o in opts - parser[p])
    assert not undocumented and not unknown and not wrong_options, \
        dict(undocumented=undocumented, unknown=unknown, wrong_options=wrong_options)


def test_every_module_the_docs_name_exists():
    """A reader of the docs finds the code where they say: every ``something.py`` named in
    docs/*.md and the README is a file of the repository."""
    files = [str(p.relative_to(ROOT)) for folder in ("mediator_desk", "tests", "build_scripts")
             for p in (ROOT / folder).rglob("*.py")] + ["setup.py"]
    missing = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for ref in set(re.findall(r"((?:[\w.-]+/)*[\w-]+\.py)\b", doc.read_text(encoding="utf-8"))):
            if not any(f == ref or f.endswith("/" + ref) for f in files):
                missing.append(f"{doc.name}: {ref}")
    assert not missing, missing
