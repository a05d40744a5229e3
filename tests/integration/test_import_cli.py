"""`labbook import` from the command line: usage errors, exit codes, copied files, and merging with --into."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from labbook.cli import main
from tests.conftest import run_build

pytestmark = pytest.mark.slow

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def alfolio(root: Path) -> Path:
    files = {
        "_config.yml": "title: Test Lab\nfirst_name: Ada\nlast_name: Lovelace\n",
        "_bibliography/papers.bib": "---\n---\n@article{a2020,\n  title={A},\n  author={Lovelace, Ada},\n"
                                    "  journal={J},\n  year={2020},\n  doi={10.1234/x}\n}\n"
                                    "@article{a2020,\n  title={Again},\n  author={B, C},\n  year={2021}\n}\n",
        "_news/one.md": "---\ndate: 2024-01-02 10:00:00-0400\ninline: true\n---\nWe moved. "
                        "![lab](/assets/img/lab.png) ![gone](/assets/img/missing.png) {% cite a2020 %}\n",
        "_projects/p1.md": "---\ntitle: P one\ndescription: First\nimg: assets/img/lab.png\ncategory: work\n"
                           "importance: 1\n---\n"
                           '{% include figure.liquid path="assets/img/lab.png" title="Lab" %}\n',
        "_pages/about.md": "---\nlayout: about\ntitle: about\nprofile:\n  image: lab.png\n---\nHello.\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "assets/img").mkdir(parents=True, exist_ok=True)
    (root / "assets/img/lab.png").write_bytes(PNG)
    return root


def test_import_copies_files_reports_and_builds(tmp_path: Path) -> None:
    """Images are copied and references rewritten, a missing one is reported with its line, the duplicate key is
    skipped (exit 1), and the site builds strictly."""
    source = alfolio(tmp_path / "src")
    dest = tmp_path / "new"
    result = CliRunner().invoke(main, ["import", "al-folio", str(source), str(dest)], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    report = (dest / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "| publications | 2 | 1 | 1 |" in report
    assert "`_bibliography/papers.bib:10`: skipped (publications): the BibTeX key 'a2020' is already used" in report
    assert "`_news/one.md:5`: referenced file '/assets/img/missing.png' does not exist" in report
    assert (dest / "docs/assets/imported/assets/img/lab.png").read_bytes() == PNG
    news = yaml.safe_load((dest / "data/news.yml").read_text(encoding="utf-8"))
    assert "![lab](assets/imported/assets/img/lab.png)" in news[0]["text"] and "(pub:a2020)" in news[0]["text"]
    projects = yaml.safe_load((dest / "data/projects.yml").read_text(encoding="utf-8"))
    assert projects[0]["topics"] == ["work"] and "![Lab](assets/imported/assets/img/lab.png)" in projects[0][
        "background"]
    people = yaml.safe_load((dest / "data/people.yml").read_text(encoding="utf-8"))
    assert people == [{"id": "ada-lovelace", "name": "Ada Lovelace", "role": "pi",
                       "photo": "assets/imported/assets/img/lab.png"}]
    build = run_build(dest, strict=True)
    assert build.returncode == 0, build.log
    assert 'src="../assets/imported/assets/img/lab.png"' in build.html("news/index.html")


def test_into_keeps_existing_records(tmp_path: Path) -> None:
    """--into adds what is new and keeps every record the site has (same key or DOI: reported, not replaced)."""
    site = tmp_path / "site"
    assert CliRunner().invoke(main, ["new", str(site)]).exit_code == 0
    bib = site / "data/publications.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{mine, title={Mine}, author={Z, Z}, year={2020}, "
                   "doi={10.1234/X}}\n", encoding="utf-8")
    before = bib.read_text(encoding="utf-8")
    source = alfolio(tmp_path / "src")
    result = CliRunner().invoke(main, ["import", "al-folio", str(source), "--into", str(site)])
    assert result.exit_code == 1, result.output
    after = bib.read_text(encoding="utf-8")
    assert after.startswith(before)  # the site's entries are kept as written
    assert "title={Again}" in after[len(before):] and "title={A}," not in after[len(before):]  # DOI of 'mine'
    assert "an entry with the DOI 10.1234/x is already in the site" in (site / "IMPORT-REPORT.md").read_text("utf-8")
    people = yaml.safe_load((site / "data/people.yml").read_text(encoding="utf-8"))
    assert [p["id"] for p in people] == ["alex-example", "sam-student", "ada-lovelace"]
    assert run_build(site, strict=True).returncode == 0


@pytest.mark.parametrize(("args", "expected"), [
    (["hugoblox", "{src}", "{dest}"], "is not a hugoblox site: expected a Hugo site with a content/ folder"),
    (["academicpages", "{src}", "{dest}"], "expected academicpages' _publications/"),
    (["al-folio", "{missing}", "{dest}"], "is not a folder"),
    (["al-folio", "{src}"], "give DEST"),
    (["al-folio", "{src}", "{dest}", "--into", "{dest}"], "either DEST or --into"),
])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    source = alfolio(tmp_path / "src")
    values = {"src": str(source), "dest": str(tmp_path / "out"), "missing": str(tmp_path / "nope")}
    result = CliRunner().invoke(main, ["import", *(a.format(**values) for a in args)])
    assert result.exit_code == 2 and expected in result.output, result.output
    assert not (tmp_path / "out").exists()


def test_people_in_groups_take_their_role_from_the_group(tmp_path: Path) -> None:
    """`_data/people.yml` written as groups (`faculty: [...]`, `Alumni: {members: [...]}`) gives roles by group."""
    source = tmp_path / "src"
    (source / "_data").mkdir(parents=True)
    (source / "_news").mkdir()
    (source / "_config.yml").write_text("title: L\n", encoding="utf-8")
    (source / "_data/people.yml").write_text("faculty:\n  - name: Ann Pi\nphd:\n  - name: Bo Student\n"
                                             "Alumni:\n  members:\n    - name: Cy Old\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "al-folio", str(source), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    people = yaml.safe_load((tmp_path / "out/data/people.yml").read_text(encoding="utf-8"))
    assert [(p["name"], p["role"]) for p in people] == [("Ann Pi", "pi"), ("Bo Student", "phd"), ("Cy Old", "alumni")]
    assert "`_data/people.yml:8`" not in (tmp_path / "out/IMPORT-REPORT.md").read_text(encoding="utf-8")


def test_links_between_posts_point_at_the_new_pages(tmp_path: Path) -> None:
    source = alfolio(tmp_path / "src")
    (source / "_posts").mkdir()
    (source / "_posts/2020-01-01-a.md").write_text("---\ntitle: A\n---\nSee [B]({% post_url 2020-02-02-b %}) and "
                                                   "[C]({% link _posts/2020-03-03-c.md %}).\n", encoding="utf-8")
    (source / "_posts/2020-02-02-b.md").write_text("---\ntitle: B\n---\nB.\n", encoding="utf-8")
    CliRunner().invoke(main, ["import", "al-folio", str(source), str(tmp_path / "out")])
    page = (tmp_path / "out/docs/blog/2020-01-01-a.md").read_text(encoding="utf-8")
    assert "See [B](../blog/2020-02-02-b.md) and C." in page
    report = (tmp_path / "out/IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "`_posts/2020-01-01-a.md:4`: link to '_posts/2020-03-03-c.md' has no page in the new site" in report
