"""Reading the written site back with labbook's own loader: what it would refuse is reported, and counted."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from labbook.catalog.build import load_lab
from labbook.diagnostics import Severity
from labbook.importers.report import ImportReport
from labbook.settings import SettingsError, settings_from_options

#: Report kind -> the Lab's list of that kind.
_LAB_LISTS = {"publications": "publications", "people": "people", "talks": "talks", "news": "news",
              "projects": "projects", "courses": "courses"}


def site_options(site: Path) -> dict[str, Any]:
    """The labbook plugin's options in ``site/mkdocs.yml`` (read leniently: MkDocs-only tags are ignored)."""
    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Lenient)
    except (OSError, yaml.YAMLError, ValueError):
        return {}
    for plugin in (config or {}).get("plugins") or [] if isinstance(config, dict) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("labbook"), dict):
            return dict(plugin["labbook"])
    return {}


def verify_site(site: Path, report: ImportReport,
                origins: dict[str, tuple[str, int]] | None = None) -> dict[str, int]:
    """Load ``site`` as a build would; every problem becomes a note, and records the loader drops are moved
    from "imported" to "skipped". Returns the count of records of each kind the site now has."""
    try:
        settings = settings_from_options(site_options(site), config_file=site / "mkdocs.yml",
                                         docs_dir=site / "docs")
    except SettingsError as exc:
        report.note("mkdocs.yml", 1, f"the site's labbook options cannot be read ({exc}); not checked")
        return {}
    lab = load_lab(settings)
    for diagnostic in lab.report.items:
        if diagnostic.severity is not Severity.INFO:
            key = re.search(r"entry '([^']+)'", diagnostic.message)
            path, line = (origins or {}).get(key[1] if key else "", (f"(new site) {diagnostic.path}",
                                                                   diagnostic.line))
            report.note(path, line, f"labbook {diagnostic.severity.value} (a problem of the source data, the "
                        f"new site's `mkdocs build --strict` fails on it): {diagnostic.message}")
    counts = {kind: len(getattr(lab, attr)) for kind, attr in _LAB_LISTS.items()}
    for count in lab.record_counts():
        lost = count.read - count.kept
        kind = next((k for k in _LAB_LISTS if Path(count.path).stem.startswith(k.rstrip("s"))), None)
        if lost > 0 and kind is not None and report.tallies[kind].imported >= lost:
            report.tallies[kind].imported -= lost
            report.tallies[kind].skipped += lost
    return counts
