#!/usr/bin/env python3
"""Check a release tag against the sources and print its CHANGELOG section (the GitHub release's notes).

    python .ci/release_notes.py v0.2.0 > notes.md

Fails, naming what is wrong, when the tag is not ``v`` + ``labbook.__version__`` (the one version source,
plugins/labbook/__init__.py) or when CHANGELOG.md has no ``## 0.2.0`` (or ``## [0.2.0]``) section with text.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_version(init: Path = ROOT / "plugins" / "labbook" / "__init__.py") -> str:
    """``__version__`` as written in the package, read without importing it."""
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == "__version__" and isinstance(node.value, ast.Constant):
            return str(node.value.value)
    raise SystemExit(f"{init}: no __version__ = '...'")


def changelog_section(version: str, text: str) -> str:
    """The body of the ``## <version>`` section (up to the next ``## ``), stripped."""
    heading = re.compile(rf"^## \[?{re.escape(version)}\]?(?:\s|$)")
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if heading.match(line)), None)
    if start is None:
        raise SystemExit(f"CHANGELOG.md has no '## {version}' section: move the Unreleased entries under it")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    body = "\n".join(lines[start + 1:end]).strip()
    if not body:
        raise SystemExit(f"CHANGELOG.md's '## {version}' section is empty")
    return body


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        raise SystemExit("usage: release_notes.py vX.Y.Z")
    tag, version = argv[1], source_version()
    if tag != f"v{version}":
        raise SystemExit(f"tag {tag} does not match labbook.__version__ {version} (expected v{version})")
    print(changelog_section(version, (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
