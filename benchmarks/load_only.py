"""Load and validate a lab the way `labbook check` must at least do, in a fresh process (timed by the runner).

    python -m benchmarks.load_only PROJECT
"""

from __future__ import annotations

import sys
from pathlib import Path

from labbook.catalog.build import load_lab
from labbook.settings import Settings


def main(argv: list[str] | None = None) -> int:
    """Load the lab in PROJECT (default options) and print how many records and problems it has."""
    root = Path((argv or sys.argv[1:])[0]).resolve()
    lab = load_lab(Settings(root=root, docs_dir=root / "docs"))
    print(f"{len(lab.publications)} publications, {len(lab.people)} people, {len(lab.report.problems)} problems")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
