"""`mkdocs serve` rebuilds with labbook's caches give the site a full build gives, after every kind of edit.

The plugin is driven as `mkdocs serve` drives it: ``on_startup(command="serve")`` once, then one
``mkdocs.commands.build.build`` per change with a freshly loaded config (MkDocs hands the same plugin instance
to each). After each edit the served folder is compared, file by file, with a separate full `mkdocs build`
of the same sources.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import write_site

pytestmark = pytest.mark.slow

SERVE_URL = "http://127.0.0.1:8000/"
EPOCH = "1735689600"  # 2025-01-01: the same sitemap dates in every build

BIB = """\
@string{jt = {Journal of Things}}

@article{alpha2024, title = {Alpha Paper}, author = {Lee, Kangwook and Kim, Ana}, journal = jt, year = {2024},
  abstract = {About alpha.}}

@inproceedings{beta2023, title = {Beta Paper}, author = {Ana Kim and Olu Sato}, booktitle = {Conf}, year = {2023},
  pdf = {papers/beta.pdf}}

@inproceedings{child2022, title = {Child Paper}, author = {Sato, Olu}, crossref = {proc2022}, pages = {1--2}}

@proceedings{proc2022, title = {Proceedings of the Workshop}, editor = {Ed Itor}, year = {2022}}

@misc{gamma2021, title = {Gamma Preprint}, author = {Zoe Brown}, year = {2021}, eprint = {2101.00001},
  archiveprefix = {arXiv}}

@article{delta2020, title = {Delta Paper}, author = {Lee, K.}, journal = jt, year = {2020}}
"""

PEOPLE = """\
- id: kangwook-lee
  name: Kangwook Lee
  role: pi
- id: ana-kim
  name: Ana Kim
  role: phd
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    files = {
        "data/publications.bib": BIB,
        "data/people.yml": PEOPLE,
        "docs/index.md": "# Home\n\nWelcome.\n",
        "docs/guide.md": "# Guide\n\nRead this first.\n",
        "docs/papers/beta.pdf": "%PDF-1.4\n",
    }
    write_site(tmp_path, files, labbook={"today": "2025-06-01"},
               extra_config={"site_url": SERVE_URL, "repo_url": "https://github.com/example/lab",
                             "edit_uri": "edit/main/docs/"})
    return tmp_path


class Server:
    """The builds `mkdocs serve` makes, without the HTTP server."""

    def __init__(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        monkeypatch.chdir(project)
        self.project = project
        self.site = project / "served"
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.plugin = config.plugins["labbook"]

    def _config(self):  # type: ignore[no-untyped-def]
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self) -> list[str]:
        """One rebuild; returns the pages it reused."""
        build(self._config(), serve_url=SERVE_URL)
        return list(self.plugin.reuse.reused)

    def close(self) -> None:
        self.plugin.on_shutdown()


@pytest.fixture
def server(project: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    srv = Server(project, monkeypatch)
    yield srv
    srv.close()


def full_build(project: Path, name: str = "full") -> Path:
    """A separate, ordinary `mkdocs build` of the same sources."""
    out = project / name
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "-d", str(out)], cwd=project,
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def differences(a: Path, b: Path) -> list[str]:
    """Paths (relative) that exist in only one of the trees or differ in content."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = sorted(files_a ^ files_b)
    out += sorted(rel for rel in files_a & files_b if (a / rel).read_bytes() != (b / rel).read_bytes())
    return out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unchanged_pages_are_reused_and_the_site_is_a_full_build(project: Path, server: Server) -> None:
    """A rebuild with nothing changed builds one probe page and reuses every other publication page."""
    assert server.build() == []
    assert differences(server.site, full_build(project)) == []
    downloads = {p: p.stat().st_ino for p in (server.site / "publications").glob("*/*.ris")}
    reused = server.build()
    # five publication pages (the crossref parent proc2022 is not listed) and two person pages: one is the probe
    assert len(reused) == 6
    assert differences(server.site, full_build(project)) == []
    # A reused page's downloads came back with its folder: the same files, not written again.
    kept = [p for p in downloads if f"publications/{p.parent.name}.md" in reused]
    assert len(kept) >= 3 and all(p.stat().st_ino == downloads[p] for p in kept)


def test_an_edited_entry_shows_and_nothing_else_differs(project: Path, server: Server) -> None:
    """The edited entry's page and the list show the new title (an added line moves every later entry)."""
    server.build()
    edit(project / "data/publications.bib", "title = {Beta Paper},", "title = {Beta Paper, Revised},\n  ")
    reused = server.build()
    assert "publications/beta2023.md" not in reused and "people/ana-kim.md" not in reused  # Ana is an author
    assert "publications/gamma2021.md" in reused and "people/kangwook-lee.md" in reused
    html = (server.site / "publications/beta2023/index.html").read_text(encoding="utf-8")
    assert "Beta Paper, Revised" in html
    assert "Beta Paper, Revised" in (server.site / "publications/index.html").read_text(encoding="utf-8")
    assert differences(server.site, full_build(project)) == []


def test_an_edit_of_people_yml_shows(project: Path, server: Server) -> None:
    """A new alias links an author on the pages of that author's entries."""
    server.build()
    assert "people/kangwook-lee/" not in (server.site / "publications/delta2020/index.html").read_text()
    edit(project / "data/people.yml", "  name: Kangwook Lee\n", "  name: Kangwook Lee\n  aliases: [K. Lee]\n")
    server.build()
    assert "people/kangwook-lee/" in (server.site / "publications/delta2020/index.html").read_text()
    assert differences(server.site, full_build(project)) == []


def test_a_new_template_override_shows(project: Path, server: Server) -> None:
    """An override of a publication template in overrides/labbook/ reaches every publication page."""
    server.build()
    override = project / "overrides/labbook/publication_page.html"
    override.parent.mkdir(parents=True)
    override.write_text('<p class="custom-marker">{{ p.title_text }}</p>\n', encoding="utf-8")
    server.build()
    for key in ("alpha2024", "beta2023", "gamma2021"):
        assert "custom-marker" in (server.site / f"publications/{key}/index.html").read_text()
    assert differences(server.site, full_build(project)) == []
    edit(override, "custom-marker", "other-marker")
    server.build()
    assert "other-marker" in (server.site / "publications/alpha2024/index.html").read_text()
    assert differences(server.site, full_build(project)) == []


def test_an_edited_theme_override_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit of the site's main.html reaches every page, reused ones included (the compiled theme
    templates kept between rebuilds are checked against their source)."""
    files = {"data/publications.bib": BIB, "docs/index.md": "# Home\n", "docs/papers/beta.pdf": "%PDF-1.4\n",
             "overrides/main.html": '{% extends "base.html" %}{% block announce %}MARK-ONE{% endblock %}\n'}
    write_site(tmp_path, files, extra_config={"site_url": SERVE_URL, "theme": {"name": "material",
                                                                             "custom_dir": "overrides"}})
    srv = Server(tmp_path, monkeypatch)
    try:
        srv.build()
        srv.build()
        edit(tmp_path / "overrides/main.html", "MARK-ONE", "MARK-TWO")
        srv.build()
        for page in ("index.html", "publications/alpha2024/index.html", "publications/delta2020/index.html"):
            assert "MARK-TWO" in (srv.site / page).read_text(encoding="utf-8")
        assert differences(srv.site, full_build(tmp_path)) == []
    finally:
        srv.close()


def test_talk_and_person_pages_are_reused_and_edits_show(project: Path, server: Server) -> None:
    """Pages of other collections are reused by their own HTML: an edited talk and the people it names
    show the edit, and the site is still a full build."""
    talks = project / "data/talks.yml"
    talks.write_text("- id: t1\n  title: First Talk\n  date: 2024-01-10\n  speaker: ana-kim\n"
                     "  publications: [alpha2024]\n"
                     "- id: t2\n  title: Second Talk\n  date: 2024-03-10\n  speaker: kangwook-lee\n",
                     encoding="utf-8")
    server.build()
    reused = server.build()
    assert "talks/t2.md" in reused and "people/ana-kim.md" in reused
    edit(talks, "First Talk", "First Talk, Renamed")
    server.build()
    assert "First Talk, Renamed" in (server.site / "talks/t1/index.html").read_text(encoding="utf-8")
    assert differences(server.site, full_build(project)) == []


def test_a_removed_entry_disappears(project: Path, server: Server) -> None:
    """Its page, its card, its search entries and its sitemap line are gone."""
    server.build()
    bib = project / "data/publications.bib"
    bib.write_text(re.sub(r"@misc\{gamma2021.*?\}\n\n", "", BIB, flags=re.S), encoding="utf-8")
    server.build()
    assert not (server.site / "publications/gamma2021").exists()
    for path in ("publications/index.html", "search/search_index.json", "sitemap.xml"):
        assert "gamma2021" not in (server.site / path).read_text(encoding="utf-8")
    assert differences(server.site, full_build(project)) == []


def test_a_crossref_parent_edit_reaches_its_child(project: Path, server: Server) -> None:
    """A child inherits from its parent entry: editing the parent changes the child's page too."""
    server.build()
    edit(project / "data/publications.bib", "Proceedings of the Workshop", "Proceedings of the Renamed Workshop")
    server.build()
    assert "Renamed Workshop" in (server.site / "publications/child2022/index.html").read_text()
    assert differences(server.site, full_build(project)) == []


def test_a_change_every_page_shows_is_caught_by_the_probe(project: Path, server: Server) -> None:
    """A page title in the automatic nav appears on every page. The probe page notices, and the next build
    rebuilds every page, so the site is whole again."""
    server.build()
    server.build()
    edit(project / "docs/guide.md", "# Guide", "# Handbook guide")
    server.build()
    assert server.build() == []  # the build after the surprise leaves nothing out
    assert "Handbook guide" in (server.site / "publications/alpha2024/index.html").read_text()
    assert differences(server.site, full_build(project)) == []


def test_a_bib_syntax_error_is_reported_as_without_caches(project: Path, server: Server, caplog) -> None:  # type: ignore[no-untyped-def]
    """An unclosed entry is reported the way a cold build reports it, and the other entries stay."""
    server.build()
    edit(project / "data/publications.bib", "title = {Gamma Preprint},", "title = {Gamma Preprint,")
    caplog.clear()
    server.build()
    def problems(lines):  # type: ignore[no-untyped-def]
        return sorted(line for line in lines if "publications.bib:" in line and (": error:" in line or
                                                                                  ": warning:" in line))

    served = problems(r.getMessage().split("\n")[0] for r in caplog.records)
    assert served
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "cold")], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert served == problems(line.split(" -  ", 1)[-1].strip() for line in proc.stderr.splitlines())
    assert (server.site / "publications/alpha2024/index.html").is_file()


def test_two_builds_of_the_same_input_are_byte_identical(project: Path) -> None:
    """Reproducible output: two independent cold builds write the same bytes."""
    assert differences(full_build(project, "one"), full_build(project, "two")) == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_real_mkdocs_serve_shows_an_edit(project: Path) -> None:
    """A real `mkdocs serve`: after an edit of one entry its page shows the new title, and the other pages
    are still served (every wait is bounded)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 120
        while "Alpha Paper" not in _get(base + "publications/alpha2024/") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "Alpha Paper" in _get(base + "publications/alpha2024/")
        for n in (1, 2):  # the second edit is served from a rebuild that reuses pages
            edit(project / "data/publications.bib", "Alpha Paper" if n == 1 else "Alpha v1", f"Alpha v{n}")
            deadline = time.monotonic() + 120
            while f"Alpha v{n}" not in _get(base + "publications/alpha2024/") and time.monotonic() < deadline:
                time.sleep(0.2)
            assert f"Alpha v{n}" in _get(base + "publications/alpha2024/")
            assert "Beta Paper" in _get(base + "publications/beta2023/")
            assert f"Alpha v{n}" in _get(base + "publications/")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def test_a_rebuild_that_reuses_pages_keeps_their_stored_citations(project: Path, server: Server,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The citations of reused pages are not asked for in a serve rebuild; they stay in
    .labbook/cache/citations.json for the next build (only a build of every page drops unused ones)."""
    from labbook.site import citation_store

    monkeypatch.setattr(citation_store, "SPARE", 0)
    store = project / ".labbook/cache/citations.json"
    server.build()
    everything = set(json.loads(store.read_text("utf-8"))["citations"])
    assert len(everything) >= 25  # five entries with pages, five styles
    edit(project / "data/publications.bib", "title = {Beta Paper},", "title = {Beta Paper, Revised},")
    assert server.build()  # pages reused
    kept = set(json.loads(store.read_text("utf-8"))["citations"])
    assert everything <= kept and len(kept) == len(everything) + 5  # and Beta's new ones


def test_unchanged_static_files_are_moved_back_and_an_edited_one_is_copied(project: Path, server: Server) -> None:
    """A rebuild moves the last build's copy of an unchanged static file back (the same file, not copied
    again) and copies one whose source changed; the site is still the one a full build makes."""
    server.build()
    pdf = server.site / "papers/beta.pdf"
    theme_css = next((server.site / "assets/stylesheets").glob("main.*.min.css"))
    first = {p: p.stat().st_ino for p in (pdf, theme_css)}
    server.build()
    assert server.plugin.reuse.static.moved > 0
    assert {p: p.stat().st_ino for p in first} == first
    assert differences(server.site, full_build(project)) == []
    (project / "docs/papers/beta.pdf").write_text("%PDF-1.7\nrevised\n", encoding="utf-8")
    server.build()
    assert pdf.read_text(encoding="utf-8") == "%PDF-1.7\nrevised\n"
    assert theme_css.stat().st_ino == first[theme_css]
    assert differences(server.site, full_build(project, "full-2")) == []
