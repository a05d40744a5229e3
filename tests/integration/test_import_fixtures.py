"""`labbook import` on every real-world fixture site: the new site builds `--strict` (or fails only on source-data
problems the report lists), and its counts equal the fixture's hand-checked MANIFEST.md counts minus the skips
the report lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from labbook.importers import run_import
from labbook.importers.verify import verify_site
from tests.conftest import SHARED, run_build, shared_data, visible_text

pytestmark = pytest.mark.slow

MIGRATION = SHARED / "fixtures" / "migration"
#: (template argument, fixture folder, site folder)
SITES = [
    ("al-folio", "al-folio", "alshedivat__al-folio"),
    ("al-folio", "al-folio", "ngram-lab__al-folio"),
    ("academicpages", "academicpages", "academicpages__academicpages.github.io"),
    ("academicpages", "academicpages", "ocular-motor-lab__academicpages.github.io"),
    ("hugoblox", "hugo-blox", "HugoBlox__hugo-blox-builder"),
    ("hugoblox", "hugo-blox", "ShujiaHuang__liusylab.org"),
]
#: Records the importer brings in that the manifest counts apart (in its remark column).
EXTRA = {"ngram-lab__al-folio": {"people": 38}}  # the 38 alumni of _data/alumni.yml ("current members only")
KINDS = ("publications", "people", "talks", "news", "projects")


def fixture_dir(folder: str, site: str) -> Path:
    return shared_data("fixtures", "migration", folder, site)


def manifest_counts(path: Path) -> dict[str, int]:
    """The `| kind | n | ...` rows of the manifest's Counts table."""
    text = (path / "MANIFEST.md").read_text(encoding="utf-8")
    table = text.split("## Counts", 1)[1].split("\n## ", 1)[0]
    return {m[1]: int(m[2]) for m in re.finditer(r"^\|\s*(\w+)\s*\|\s*(\d+)\s*\|", table, re.M)}


@pytest.mark.parametrize(("template", "folder", "site"), SITES, ids=[s[2] for s in SITES])
def test_import_builds_with_the_manifest_counts(template: str, folder: str, site: str, tmp_path: Path) -> None:
    source = fixture_dir(folder, site)
    before = sorted((p.relative_to(source).as_posix(), p.stat().st_mtime_ns) for p in source.rglob("*"))
    dest = tmp_path / "site"
    outcome = run_import(template, source, dest)
    report = outcome.report
    assert (dest / "IMPORT-REPORT.md").read_text(encoding="utf-8") == report.markdown()
    assert outcome.exit_code == (1 if report.any_skipped else 0)

    expected = manifest_counts(source)
    counts = verify_site(dest, type(report)(template=template, source=str(source)))
    for kind in KINDS:
        tally = report.tallies[kind]
        want = expected.get(kind, 0) + EXTRA.get(site, {}).get(kind, 0)
        assert tally.found == want, (kind, tally)
        assert counts[kind] == want - tally.skipped, (kind, counts[kind], want, tally)
        skipped_notes = [n for n in report.notes if n.skipped and f"({kind})" in n.message]
        assert len(skipped_notes) == tally.skipped, kind

    build = run_build(dest, strict=True)
    if build.returncode != 0:  # only problems of the source data, each in the report
        problems = re.findall(r"labbook: \S+:\d+: (?:error|warning): (.+?) \[[\w-]+\]", build.log)
        assert problems, build.log
        text = report.markdown()
        for message in problems:
            assert message in text, message
    assert len(list((build.site / "publications").glob("*/index.html"))) == counts["publications"]
    # No template syntax left on a page (outside code blocks, where {% raw %} examples show it on purpose).
    raw = [p for p in build.site.rglob("*.html")
           if re.search(r"\{%-?\s*[a-z]|\{\{[<%]", visible_text(p.read_text("utf-8")))]
    assert raw == []
    if site == "alshedivat__al-folio":  # al-folio's display fields look as they did there
        index = build.html("publications/index.html")
        assert '<span class="lb-badge lb-badge-award" title="Award">Nobel Prize</span>' in index
        assert "<strong>Nobel Prize in Physics</strong>" in index and "**" not in visible_text(index)
        assert 'src="../assets/img/publication_preview/brownian-motion.gif"' in index
        assert 'href="../assets/pdf/example_pdf.pdf"' in index
        assert 'data-badge="AJP"' in index  # coloured by the rule made from _data/venues.yml
        assert '[data-badge="AJP"] { background: #00369f' in (dest / "docs/stylesheets/extra.css").read_text("utf-8")
    after = sorted((p.relative_to(source).as_posix(), p.stat().st_mtime_ns) for p in source.rglob("*"))
    assert after == before  # the source is only read
