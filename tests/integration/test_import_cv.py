"""`labbook import al-folio` brings the owner's JSON Resume CV (assets/json/resume.json) into people.yml, where
it becomes the owner's CV page; what JSON Resume holds and people.yml does not is listed in the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from labbook.importers import run_import
from tests.conftest import run_build, shared_data

pytestmark = pytest.mark.slow


def test_resume_json_becomes_the_owners_cv(tmp_path: Path) -> None:
    source = shared_data("fixtures", "migration", "al-folio", "alshedivat__al-folio")
    resume = json.loads((source / "assets" / "json" / "resume.json").read_text(encoding="utf-8"))
    dest = tmp_path / "site"
    outcome = run_import("al-folio", source, dest)
    people = yaml.safe_load((dest / "data" / "people.yml").read_text(encoding="utf-8"))
    owner = next(p for p in people if p["role"] == "pi")
    assert [w["name"] for w in owner["work"]] == [w["name"] for w in resume["work"]]
    assert [e["institution"] for e in owner["education"]] == [e["institution"] for e in resume["education"]]
    assert [a["title"] for a in owner["awards"]] == [a["title"] for a in resume["awards"]]
    assert [s["organization"] for s in owner["service"]] == [v["organization"] for v in resume["volunteer"]]
    report = outcome.report.markdown()
    assert "CV field 'work.highlights' has no place in people.yml" in report
    assert "CV section 'skills' has no place in people.yml" in report
    build = run_build(dest, strict=False)
    cv = build.site / "people" / owner["id"] / "cv" / "index.html"
    assert cv.is_file(), build.log
    html = cv.read_text(encoding="utf-8")
    assert resume["awards"][0]["title"] in html and resume["education"][0]["institution"] in html
