"""What a build prints: labbook's own lines stand out; mkdocs-macros' start-up report and Material's
end-of-life notice do not bury them."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, generator_command, write_site

pytestmark = pytest.mark.slow

BIB = "@article{a2024, title={T}, author={Lee, Ada}, journal={J}, year={2024}}\n"


def build(project: Path, *extra: str) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(generator_command("build", "--strict", *extra), cwd=project,
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def test_macros_startup_report_only_with_verbose(tmp_path: Path) -> None:
    """A default build shows labbook's record counts and no "[macros] - ..." lines; --verbose shows both."""
    write_site(tmp_path, {"data/publications.bib": BIB, "docs/p.md": "# P\n\n{{ cite('a2024') }}\n"}, macros=True)
    quiet = build(tmp_path)
    assert "labbook: data/publications.bib: 1 record read" in quiet
    assert "[macros] - " not in quiet, quiet
    verbose = build(tmp_path, "--verbose")
    assert "[macros] - " in verbose


@pytest.mark.parametrize("makefile", [ROOT / "Makefile", ROOT / "plugins" / "labbook" / "scaffold" / "Makefile"],
                         ids=["repository", "scaffold"])
def test_make_targets_silence_the_end_of_life_notice(makefile: Path) -> None:
    """Material prints its notice unless NO_MKDOCS_2_WARNING is set; both Makefiles export it to every target,
    and `make serve` takes HOST."""
    text = makefile.read_text(encoding="utf-8")
    assert re.search(r"^export NO_MKDOCS_2_WARNING := 1$", text, re.M)
    assert re.search(r"^HOST\s+\?= 127\.0\.0\.1:8000$", text, re.M)
    assert "--dev-addr $(HOST)" in text
