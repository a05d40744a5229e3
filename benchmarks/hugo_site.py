"""The Hugo project a benchmark builds from one generated lab: the same pages as the same-pages MkDocs site.

Hugo (Debian's ``hugo`` package) builds the handbook pages, one page per publication (title, authors, venue,
year, links, topics, abstract, BibTeX; in no menu) and a list page with what a reader sees before clicking,
through a small theme of its own: a header, a menu of the sections, the page, a footer. Like the MkDocs sites
it writes a sitemap and a search index (one JSON file with every page's title, URL and plain text, which is
what Material's search plugin writes too). Code blocks are not highlighted on the server, as in the MkDocs
sites (``use_pygments: false``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from benchmarks.generate import Lab
from benchmarks.sites import SITE_URL, handbook_pages, publication_pages, write_media

_CONFIG = f"""baseURL = "{SITE_URL}"
title = "Benchmark Lab"
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false
[outputs]
home = ["HTML", "JSON"]
[markup.highlight]
codeFences = false
[markup.goldmark.renderer]
unsafe = false
[markup.tableOfContents]
startLevel = 2
endLevel = 3
"""

_BASEOF = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<input type="search" placeholder="Search" aria-label="Search" data-index="{{ "index.json" | relURL }}"></header>
<nav><ul>
<li><a href="{{ site.Home.RelPermalink }}">Home</a></li>
<li>Handbook<ul>{{ range (site.GetPage "/handbook").Pages.ByWeight }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></li>
<li><a href="{{ "publications/" | relURL }}">Publications</a></li>
</ul></nav>
<main>{{ block "main" . }}{{ end }}</main>
<aside>{{ .TableOfContents }}</aside>
<footer>Made with Hugo</footer>
</body>
</html>
"""

_SINGLE = '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}\n'
_INDEX_JSON = ('{{- $pages := slice -}}{{- range site.RegularPages -}}'
               '{{- $pages = $pages | append (dict "title" .Title "url" .RelPermalink "text" .Plain) -}}'
               '{{- end -}}{{- $pages | jsonify -}}\n')


def write_hugo_site(lab: Lab, root: Path) -> Path:
    """The Hugo project of ``lab`` in ``root``; returns ``root``."""
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    (root / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(_CONFIG, encoding="utf-8")
    layouts = root / "layouts" / "_default"
    (layouts / "baseof.html").write_text(_BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(_SINGLE, encoding="utf-8")
    (root / "layouts" / "index.json").write_text(_INDEX_JSON, encoding="utf-8")
    for path, text in handbook_pages().items():
        _write(content / _hugo_path(path), text)
    write_media(lab, root / "static")
    (content / "handbook" / "_index.md").write_text("---\ntitle: Handbook\n---\n", encoding="utf-8")
    for path, text in publication_pages(lab, light_list=True, link=_hugo_link, buttons=False).items():
        _write(content / _hugo_path(path), text)
    return root


def _hugo_path(path: str) -> str:
    # MkDocs' index.md is Hugo's _index.md (a section's own page).
    folder, _, name = path.rpartition("/")
    return f"{folder}/_index.md".lstrip("/") if name == "index.md" else path


def _hugo_link(target: str) -> str:
    """A link of the MkDocs pages, written from ``publications/`` (``../people/x.md``, ``key.md``), as a
    root-relative Hugo URL: Hugo serves ``publications/key.md`` at ``/publications/key/``."""
    if "://" in target:
        return target
    path = target[3:] if target.startswith("../") else "publications/" + target
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    return "/" + path


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not text.startswith("---"):
        first = text.splitlines()[0] if text else ""
        title = first[2:] if first.startswith("# ") else "Page"
        text = "---\n" + yaml.safe_dump({"title": title}, allow_unicode=True).strip() + "\n---\n" + text
    path.write_text(text, encoding="utf-8")
